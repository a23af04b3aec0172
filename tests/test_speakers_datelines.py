"""Date lines of a speaker-label transcript's header: what else they say, and what they are
not (converters/speakers/datelines.py). Cases from a review of real briefings' headers."""

from __future__ import annotations

import datetime as dt

import pytest

import transcript_model as tm
from transcript_model.converters.speakers.datelines import dated_line

_LABELS = "\n\nMR. SMITH: Hello.\n\nMS. JONES: Hi.\n"


def _header(head: str) -> tuple[str, dt.date, str | None]:
    t = tm.read_one(head + _LABELS, "speakers")
    return t.event.title, t.event.date, t.event.place


def test_a_title_that_ends_with_its_date_stays_whole() -> None:
    # Read as a dateline, everything before the comma was the place and the next line the
    # title ("May 25, 2022").
    title = "Remarks by the President on the Shooting in Uvalde, Texas, May 24, 2022"
    head = f"{title}\nMay 25, 2022\nRoosevelt Room"
    assert _header(head) == (title, dt.date(2022, 5, 24), "Roosevelt Room")


@pytest.mark.parametrize(
    ("line", "date", "place", "heading"),
    [
        ("Lübeck, 31. März 2003", dt.date(2003, 3, 31), "Lübeck", None),
        ("Washington, D.C., March 3, 2021", dt.date(2021, 3, 3), "Washington, D.C.", None),
        ("**Monday, 5 October 2009, 9:59 am**", dt.date(2009, 10, 5), None, None),
        ("Office of the Press Secretary | March 3, 2020 at 4:05 pm", dt.date(2020, 3, 3), None,
         None),
        ("The White House — March 3, 2020.", dt.date(2020, 3, 3), None, None),
        ("`Mr. SESSIONS — 27 April 2009`", dt.date(2009, 4, 27), None, None),
        ("March 11, 2022 • Press Briefings", dt.date(2022, 3, 11), None, None),
        ("Day 3: May 7, 1987", dt.date(1987, 5, 7), None, None),
        ("Division Press Briefing – December 12, 2022", dt.date(2022, 12, 12), None,
         "Division Press Briefing"),
        ("by Desk Editor on Wednesday, May 20, 2015 — 5:31 PM", dt.date(2015, 5, 20), None, None),
    ],
)  # fmt: skip
def test_what_a_date_line_says(
    line: str, date: dt.date, place: str | None, heading: str | None
) -> None:
    found = dated_line(line)
    assert found is not None
    assert (found.date, found.place, found.heading) == (date, place, heading)


@pytest.mark.parametrize(
    "line",
    [
        "Regierungspressekonferenz vom 15. April 2013 (BPA)",  # a heading with a date inside
        "Updated 2010 GMT (0410 HKT) March 14, 2021",  # an update's clock, no date line
        "Statement on the Election of November 8, 2022 and what it means",
    ],
)
def test_a_heading_with_a_date_inside_is_no_date_line(line: str) -> None:
    assert dated_line(line) is None


@pytest.mark.parametrize(
    "title",
    [
        "Interview der Kanzlerin mit dem »Spiegel« über »Europa«",  # quotes, no breadcrumb
        "Russia / Ukraine / NATO: press conference",
        "Home",  # one word a frame prints, and the only title there is
    ],
)
def test_a_title_that_only_looks_like_a_pages_frame_stays(title: str) -> None:
    assert _header(f"{title}\nMarch 3, 2022")[0] == title


def test_a_frame_word_before_the_title_is_dropped_with_a_warning() -> None:
    result = tm.read_result(("Home\nPress Briefing\nMarch 3, 2022" + _LABELS).encode(), "speakers")
    assert result.transcripts[0].event.title == "Press Briefing"
    assert "'Home' is the frame of a copied page" in result.warnings[0].message


def test_no_running_head_warning_when_the_date_is_given() -> None:
    text = (
        "Hansard\nHON. A. ONE.- Thank you.\nPage 46\n10th Feb., 2021\nHON. B. TWO.- Yes.\n"
        "Page 47\n10th Feb., 2021\nHON. A. ONE.- Again.\n"
    )
    result = tm.read_result(text.encode(), "speakers", date="2021-02-11")
    assert result.transcripts[0].event.date == dt.date(2021, 2, 11)
    assert "date_from_running_head" not in [w.code for w in result.warnings]


@pytest.mark.parametrize(
    "first_line",
    [
        "It is my profound honor to address the United Nations General Assembly.",
        "[Automated Summary can be read here](./trudeau_summary.md)",
    ],
)
def test_a_sentence_or_a_link_is_no_title(first_line: str) -> None:
    # A speech with no header began its "title" with its first sentence, and took it out of
    # the speech; a caption file's link to its summary was its title.
    text = f"{first_line}\n\nWe meet in a difficult year for every nation of this world.\n"
    with pytest.raises(tm.TranscriptError, match="no_title"):
        tm.read_one(text, "speakers", date="2020-09-22")
    t = tm.read_one(text, "speakers", date="2020-09-22", title="Address")
    assert t.turns[0].paragraphs[0] == first_line


@pytest.mark.parametrize(
    "title",
    [
        "Russia's Nuclear Help to Iran Stirs Questions About Its Relations With U.S.",
        "Is the Fed Losing Its Grip on Inflation Once Again?",
        "Remarks by the Vice President at a Dinner Honoring Martin Luther King Jr.",
    ],
)
def test_a_headline_that_ends_like_a_sentence_is_a_title(title: str) -> None:
    assert _header(f"{title}\nMay 5, 2020")[0] == title
