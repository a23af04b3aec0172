"""Transcripts as court reporters print them (issue 16): numbered lines, running heads and
feet, the caption on the first page, "P R O C E E D I N G S", labels in capitals, an index of
words after the end. The fixture is a cut of a real Supreme Court transcript
(tests/data/speakers/court/README.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import transcript_model as tm
from transcript_model.converters.speakers import court
from transcript_model.registry import detect_format

ARGUMENT = (
    Path(__file__).parent / "data" / "speakers" / "court" / "scotus-11-398-2012-03-26-excerpt.txt"
)


def _read() -> tm.ReadResult:
    return tm.read_result(ARGUMENT)


def test_a_numbered_transcript_is_detected_by_its_content() -> None:
    data = ARGUMENT.read_bytes()
    assert detect_format(ARGUMENT.name, data) == "speakers"
    assert detect_format(None, data) == "speakers"


def test_the_caption_gives_the_title_and_the_first_page_the_date_and_time() -> None:
    event = _read().transcripts[0].event
    assert event.title == (
        "DEPARTMENT OF HEALTH AND HUMAN SERVICES, ET AL., Petitioners v. FLORIDA, ET AL."
    )
    assert (event.date, event.time) == (dt.date(2012, 3, 26), dt.time(10, 12))


def test_the_argument_reads_speech_by_speech_and_stops_at_its_end() -> None:
    result = _read()
    transcript = result.transcripts[0]
    kinds = [
        (t.kind, getattr(t, "label", None) or getattr(t, "text", None)) for t in transcript.turns
    ]
    assert kinds == [
        ("speech", "CHIEF JUSTICE ROBERTS"),
        ("heading", "ORAL ARGUMENT OF ROBERT A. LONG"),
        ("heading", "FOR COURT-APPOINTED AMICUS CURIAE"),
        ("speech", "MR. LONG"),
        ("speech", "JUSTICE SCALIA"),
        ("speech", "MR. LONG"),
        ("speech", "JUSTICE SCALIA"),  # page 4 ends; page 77 follows in this cut
        ("speech", "CHIEF JUSTICE ROBERTS"),
        ("speech", "MR. LONG"),
        ("speech", "CHIEF JUSTICE ROBERTS"),
        (
            "stage",
            "(Whereupon, at 11:41 a.m., the case in the above-entitled matter was submitted.)",
        ),
    ]
    first = transcript.turns[0]
    assert isinstance(first, tm.Speech)
    # Lines joined across the numbers, the blanks of the layout made one space.
    assert first.paragraphs == [
        "We will hear argument this morning in Case Number 11-398, Department of Health and "
        "Human Services v. Florida.",
        "Mr. Long.",
    ]
    text = str(transcript.model_dump())
    for furniture in ("Official - Subject to Final Review", "Alderson", "abiding 39:12"):
        assert furniture not in text
    assert [w.code for w in result.warnings] == ["dropped"]


def test_the_appearances_give_the_lawyers_full_names() -> None:
    transcript = _read().transcripts[0]
    long_ = next(t for t in transcript.turns if isinstance(t, tm.Speech) and t.label == "MR. LONG")
    assert long_.speaker is not None
    speaker = transcript.participant(long_.speaker)
    assert speaker is not None and speaker.name == "Robert A. Long"


def test_other_text_is_no_numbered_transcript() -> None:
    briefing = "Briefing\n2022-03-11\n" + "".join(f"MR. A: Point {n}.\n" for n in range(60))
    assert not court.looks_like_numbered_transcript(briefing)
    # Numbers that do not count up page by page are a list, not a reporter's lines.
    listing = "".join(f"{n % 7 + 3}  item\n" for n in range(100))
    assert not court.looks_like_numbered_transcript(listing)
    assert court.read_record(listing.encode(), "list.txt") is None


def _numbered(lines: list[str]) -> bytes:
    """``lines`` numbered 1-25 a page as a reporter prints them, with a foot after each page."""
    out = []
    for index, line in enumerate(lines):
        out.append(f"{index % 25 + 1:2d}  {line}\n")
        if index % 25 == 24:
            out.append("\n                  Reporting Company\n")
    return "".join(out).encode()


def test_one_line_turns_are_turns_when_every_label_stands_at_one_indentation() -> None:
    # The margin is the indentation most lines have: when one-line turns are most lines, it is
    # the labels' own, and a label must open its paragraph all the same (the reviewer's case:
    # 30 exchanges became one speech of the Chief Justice).
    exchange = ["     JUSTICE SCALIA: Why?", "     MR. LONG: Because it is a tax."] * 30
    head = ["IN THE SUPREME COURT", "Monday, March 26, 2012", "P R O C E E D I N G S"]
    t = tm.read_one(_numbered([*head, "     CHIEF JUSTICE ROBERTS: We will hear", *exchange]))
    labels = [s.label for s in t.turns if isinstance(s, tm.Speech)]
    assert labels[:3] == ["CHIEF JUSTICE ROBERTS", "JUSTICE SCALIA", "MR. LONG"]
    assert len(labels) == 61


def test_a_depositions_questions_and_answers_are_turns() -> None:
    lines = ["DEPOSITION OF JOHN DOE", "March 26, 2012", "P R O C E E D I N G S"]
    lines += ["     MR. SMITH: We are on the record.", "     Q.  Where were you that night?"]
    lines += ["at home?", "     A.  I was at home.", "     Q.  Alone?", "     A.  No."] * 12
    t = tm.read_one(_numbered(lines))
    speeches = [s for s in t.turns if isinstance(s, tm.Speech)]
    assert [s.label for s in speeches[:4]] == ["MR. SMITH", "Q", "A", "Q"]
    assert speeches[1].paragraphs == ["Where were you that night? at home?"]


def test_depositions_at_the_margin_and_an_examinations_head() -> None:
    # Q. and A. at the margin open turns after a question cut short ("And did you --"); "BY MR.
    # SMITH:" is a head of its own; "A. first, litigate later" goes on with a sentence.
    lines = ["DEPOSITION OF JOHN DOE", "March 26, 2012", "P R O C E E D I N G S", "BY MR. SMITH:"]
    lines += ["Q.  And did you --", "A.  No.", "Q.  Alone?", "A.  Yes, a", "first, litigate later."]
    lines += ["Q.  Why?", "A.  Because."] * 20
    t = tm.read_one(_numbered(lines))
    speeches = [s for s in t.turns if isinstance(s, tm.Speech)]
    assert [s.label for s in speeches[:4]] == ["Q", "A", "Q", "A"]
    assert speeches[1].paragraphs == ["No."]
    assert speeches[3].paragraphs == ["Yes, a first, litigate later."]
    assert "BY MR. SMITH:" not in str(speeches[0].paragraphs)


def test_a_state_senates_record_numbers_its_lines_deep_in_the_page() -> None:
    # The New York Senate's stenographic records indent the number eight places and print some
    # of a page's text on the line under its number; the first page names place, date, clock
    # and the session. A 273-label record read as one narrative of its line numbers.
    first_page = [
        "", "ALBANY, NEW YORK", "March 10, 1993", "12:10 p.m.", "", "REGULAR SESSION", "",
        "SENATOR CHRISTOPHER J. MEGA, Acting President",
    ]  # fmt: skip
    out = ["                                                         1080\n"]
    for number, text in enumerate(first_page, 1):
        out.append(f"        {number:2d}                       {text}\n\n")
    exchange = [
        "ACTING PRESIDENT MEGA:  The Senate will come to order.",
        "SENATOR GOLD:  Mr. President, I move to adjourn.",
    ]
    body = ["P R O C E E D I N G S", *exchange * 20]
    for number, text in enumerate(body, 1):
        out.append(f"        {number % 25 or 25:2d}       {text}\n\n")
    out.insert(-6, "        13\n                 the words of a line under its number.\n")
    t = tm.read_one("".join(out).encode(), origin="1993-03-10T1210")
    assert (t.event.title, t.event.date) == ("REGULAR SESSION", dt.date(1993, 3, 10))
    labels = [s.label for s in t.turns if isinstance(s, tm.Speech)]
    assert labels[:2] == ["ACTING PRESIDENT MEGA", "SENATOR GOLD"]
    assert len(labels) == 40
    assert "the words of a line under its number." in str(t.model_dump())


def test_a_hearings_roster_heads_are_no_speakers() -> None:
    lines = ["PUBLIC HEARING", "October 19, 2016", "PRESIDING:", "Senator Terrence Murphy"]
    lines += ["SPEAKERS:", "Dr. Greg Schmidt"]
    lines += ["     SENATOR MURPHY:  Good evening.", "     MAYOR GREG SCHMIDT:  Thank you."] * 20
    t = tm.read_one(_numbered(lines))
    assert {s.label for s in t.turns if isinstance(s, tm.Speech)} == {
        "SENATOR MURPHY", "MAYOR GREG SCHMIDT",
    }  # fmt: skip


def test_a_witness_in_the_proceedings_and_a_foot_under_the_last_line() -> None:
    # "WITNESS:" and "SPEAKER:" are labels once the proceedings start; a reporter's foot
    # printed right under line 25 is no text.
    lines = ["PUBLIC HEARING", "March 3, 2015", "P R O C E E D I N G S"]
    lines += ["     MR. SMITH:  Where were you?", "     WITNESS:  At home.",
              "     SPEAKER:  Order, please."] * 16  # fmt: skip
    data = _numbered(lines).replace(
        b"\n                  Reporting Company\n", b"          Veritext Legal Solutions\n\n"
    )
    t = tm.read_one(data)
    speeches = [s for s in t.turns if isinstance(s, tm.Speech)]
    assert [s.label for s in speeches[:3]] == ["MR. SMITH", "WITNESS", "SPEAKER"]
    assert "Veritext" not in str(t.model_dump())
