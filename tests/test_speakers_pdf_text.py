"""Transcripts taken from a PDF's text (issue 16): hard-wrapped lines up to ~100 characters,
no blank line between paragraphs, labels in capitals closed by a period ("CHAIR POWELL.  Good
afternoon"), and each page's running head and number between the pages. The fixture is a cut
of a real Federal Reserve transcript (tests/data/speakers/fomc/README.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import transcript_model as tm
from transcript_model.converters.speakers.furniture import without_furniture
from transcript_model.converters.speakers.header import Line
from transcript_model.registry import detect_format

PRESS_CONFERENCE = (
    Path(__file__).parent / "data" / "speakers" / "fomc" / "powell-2019-10-30-excerpt.txt"
)


def _labels(text: str) -> list[str | None]:
    return [s.label for s in tm.read_one(text, "speakers").turns if isinstance(s, tm.Speech)]


def _read() -> tm.ReadResult:
    return tm.read_result(PRESS_CONFERENCE)


def test_a_press_conference_from_a_pdf_reads_speech_by_speech() -> None:
    assert detect_format(PRESS_CONFERENCE.name, PRESS_CONFERENCE.read_bytes()) == "speakers"
    transcript = _read().transcripts[0]
    # The running head ("October 30, 2019   Chair Powell’s Press Conference  FINAL") is no title.
    assert transcript.event.title == "Transcript of Chair Powell’s Press Conference"
    assert transcript.event.date == dt.date(2019, 10, 30)
    assert [t.label for t in transcript.turns if isinstance(t, tm.Speech)] == [
        "CHAIR POWELL", "MICHAEL MCKEE", "CHAIR POWELL", "MICHAEL MCKEE", "CHAIR POWELL",
        "HEATHER LONG", "CHAIR POWELL",
    ]  # fmt: skip


def test_paragraphs_end_at_a_short_line_and_go_on_over_a_page_break() -> None:
    opening = _read().transcripts[0].turns[0]
    assert isinstance(opening, tm.Speech)
    first, second, third = opening.paragraphs[:3]
    assert first.startswith("Good afternoon, and welcome.")
    assert first.endswith("We believe that monetary policy is in a good place.")
    assert second.startswith("The U.S. economy is in its 11th year of expansion")
    # Page 1 ends inside this paragraph: "… to add new and better" / "chapters to their lives."
    assert "add new and better chapters to their lives." in third
    assert not any("Page " in p or "FINAL" in p for p in opening.paragraphs)


def _kept(*texts: str) -> list[str]:
    lines = [Line(n, text) for n, text in enumerate(texts, 1)]
    return [line.text for line in without_furniture(lines, "x.txt")[0]]


def test_page_furniture_is_what_repeats_beside_page_numbers_that_count_up() -> None:
    # "Head" stands next to every page number, three times, and nowhere else; what the page
    # breaks cut goes on.
    pages = ("Head", "", "Page 1 of 3", "", "Words go", "Head", "", "Page 2 of 3", "", "on and")
    assert _kept(*pages, "Head", "Page 3 of 3", "on.") == ["Words go", "on and", "on."]
    lines = [Line(1, "Head"), Line(2, "Page 1 of 2"), Line(3, "Text.")]
    assert without_furniture(lines, "x.txt")[1] == []  # one page number is no run


def test_what_only_looks_like_furniture_stays() -> None:
    # Numbers read out on their own lines, not one more than the one before; a year.
    assert _kept("Yes.", "412", "1250", "3001", "Done.") == ["Yes.", "412", "1250", "3001", "Done."]
    assert _kept("2019", "Text.", "1", "More.", "2", "End.", "3")[:2] == ["2019", "Text."]
    # A label that a page ends on three times stands elsewhere too, or ends with a colon.
    debate = []
    for n in range(1, 5):
        debate += ["HOLT:", f"Question {n}.", "TRUMP:", f"Answer {n}.", f"Page {n} of 9"]
    assert _kept(*debate).count("TRUMP:") == 4


def test_short_paragraphs_a_page_printed_one_a_line_are_not_joined() -> None:
    # Lines of 80-100 characters that each end a sentence are a web page's paragraphs, not a
    # PDF's wrapped lines (the reviewer's case: six paragraphs came out as one).
    text = (
        "Remarks by the Governor\nMarch 3, 2021\n"
        "THE GOVERNOR: Good afternoon. I have a couple of updates for you before we take them.\n"
        "First, the budget will be released tomorrow, and it will hold no new taxes for families.\n"
        "Second, we are announcing new members of the task force today, named in the release.\n"
        "Third, the schools will reopen in April, as the health department has advised us.\n"
        "Thank you all.\n"
    )
    speech = tm.read_one(text, "speakers").turns[0]
    assert isinstance(speech, tm.Speech)
    assert len(speech.paragraphs) == 5


def test_sentences_of_a_transcript_in_capitals_are_no_labels() -> None:
    text = (
        "TOWN HALL MEETING\nMarch 3, 2021\n\nMAYOR SMITH: THANK YOU. IT IS GOOD TO BE HERE.\n\n"
        "THANK YOU. IT IS GOOD TO SEE YOU ALL.\n\nOF COURSE. THE PARKS OPEN ON MONDAY.\n\n"
        "THANK YOU. WE WILL TAKE QUESTIONS.\n\nCOUNCILWOMAN JONES: AND THE POOLS?\n"
    )
    assert _labels(text) == ["MAYOR SMITH", "COUNCILWOMAN JONES"]


def test_a_short_reply_in_capitals_after_a_name_is_still_its_speech() -> None:
    text = (
        "Press Conference\nMarch 3, 2021\n\nCHAIR POWELL.  Good afternoon.\n\n"
        "MICHAEL MCKEE.  Thank you, Mr. Chairman.\n\nCHAIR POWELL.  OK.\n\n"
        "MICHAEL MCKEE.  And the rate?\n\nCHAIR POWELL.  I—\n"
    )
    assert _labels(text) == ["CHAIR POWELL", "MICHAEL MCKEE"] * 2 + ["CHAIR POWELL"]


def test_a_title_the_pages_repeat_as_their_head_stays_the_title() -> None:
    pages = ["Council Meeting", "March 3, 2021", "MR. SMITH: We begin.", "More words go"]
    for n in range(2, 6):
        pages += ["Council Meeting", f"Page {n} of 5", f"on over page {n}."]
    t = tm.read_one("\n".join(pages) + "\n", "speakers")
    assert t.event.title == "Council Meeting"
    assert "Council Meeting" not in str(t.turns)
