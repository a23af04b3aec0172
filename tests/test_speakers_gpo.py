"""US congressional hearing records as GPO prints them (issue 16): the text and GPO's page.

The fixture is a cut of a real record (tests/data/speakers/gpo/README.md): hard-wrapped
paragraphs whose first line is indented, labels closed by a period, headings in capitals, the
title page, roster and contents before the hearing, an appendix after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import transcript_model as tm
from transcript_model.converters.json import sniff as json_sniff
from transcript_model.converters.speakers import gpo

DATA = Path(__file__).parent / "data" / "speakers" / "gpo"
RECORD = DATA / "CHRG-111hhrg51585-excerpt.txt"
PAGE = DATA / "CHRG-111hhrg51585-excerpt.htm"
RECORD_PAGE = DATA / "CREC-1997-01-28-pt1-PgS713-excerpt.txt"


def _turns(transcript: tm.Transcript) -> list[tuple[str, str | None]]:
    return [(turn.kind, getattr(turn, "label", None)) for turn in transcript.turns]


@pytest.mark.parametrize("path", [RECORD, PAGE], ids=["text", "page"])
def test_a_record_reads_as_its_hearing(path: Path) -> None:
    result = tm.read_result(path)
    assert result.format == "speakers"
    transcript = result.transcripts[0]
    assert transcript.event.title == (
        "THE EFFECT OF THE LEHMAN BROTHERS BANKRUPTCY ON STATE AND LOCAL GOVERNMENTS"
    )
    assert str(transcript.event.date) == "2009-05-05"
    assert _turns(transcript) == [
        ("narrative", None),
        ("speech", "The Chairman"),
        ("speech", "Mr. Bachus"),
        ("speech", "The Chairman"),
        ("speech", "Mr. Bachus"),
        ("speech", "Mr. Moore of Kansas"),
        ("heading", None),
        ("speech", "Mr. Hullinghorst"),
        ("speech", "Mr. Perlmutter"),
        ("speech", "Ms. Speier"),
        ("stage", None),
        ("heading", None),
        ("heading", None),
        ("stage", None),
    ]
    opening = transcript.turns[0]
    assert isinstance(opening, tm.Narrative)
    assert opening.paragraphs[0].startswith(
        "The committee met, pursuant to notice, at 10:04 a.m., in room 2128, Rayburn"
    )
    bachus = transcript.turns[2]
    assert isinstance(bachus, tm.Speech)
    assert bachus.paragraphs[1].startswith(
        "Mr. Chairman, you have pointed out what I think is obvious to everyone,"
    )
    heading = transcript.turns[6]
    assert isinstance(heading, tm.Heading)
    assert heading.text == (
        "STATEMENT OF THE HONORABLE ROBERT HULLINGHORST, TREASURER, BOULDER COUNTY, COLORADO"
    )
    codes = [(w.code, w.message.split(" (")[0]) for w in result.warnings]
    assert ("dropped", "the record's title page, roster and contents") in codes
    assert all(w.code != "format_ambiguous" for w in result.warnings)


def test_the_page_reads_as_the_text_it_holds() -> None:
    text, page = tm.read(RECORD)[0], tm.read(PAGE)[0]
    assert text.model_dump() == page.model_dump()


def test_a_record_is_no_json_and_its_page_no_kremlin_page() -> None:
    assert json_sniff(RECORD.read_bytes()[:4096]) == 0.0
    assert json_sniff(b'[\n  {"schema_version": "1.1"}]') > 0
    assert json_sniff(b"[]") > 0
    assert tm.read_result(PAGE).format == "speakers"


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("    General Sullivan. Mr. Chairman, thank you.", "General Sullivan"),
        ("    Mr. Moore of Kansas. [presiding] Thank you.", "Mr. Moore of Kansas"),
        ("    Senator LEAHY. Mr. Chairman, I like what you have done.", "Senator LEAHY"),
        ("    Ms. Jackson Lee. I yield back.", "Ms. Jackson Lee"),
        ("    The CHAIRMAN. The hearing will come to order.", "The CHAIRMAN"),
        ("    Mr. McCONNELL. Mr. President, I ask unanimous consent.", "Mr. McCONNELL"),
    ],
)
def test_labels_closed_by_a_period(line: str, label: str) -> None:
    found = gpo._LABEL.match(line.strip())
    assert found is not None and found.group("label") == label


def test_a_sentence_that_opens_a_paragraph_is_no_label() -> None:
    sentences = ("Mr. Chairman, thanks.", "The committee met at 10 a.m.", "Ms. Speier and I agree.")
    for line in sentences:
        assert gpo._LABEL.match(line) is None, line


def test_a_page_of_the_congressional_record_reads_alike() -> None:
    transcript = tm.read(RECORD_PAGE)[0]
    assert transcript.event.title == "THE BALANCED BUDGET AMENDMENT"
    assert str(transcript.event.date) == "1997-01-28"
    labels = [turn.label for turn in transcript.turns if isinstance(turn, tm.Speech)]
    assert labels == [
        "Mr. GREGG",
        "The PRESIDING OFFICER",
        "Mr. GREGG",
        "The PRESIDING OFFICER",
        "Mr. WARNER",
        "The PRESIDING OFFICER",
    ]


def test_speakers_take_the_full_names_the_record_prints() -> None:
    # The roster (front matter) and the statements' headings print them; a label takes one
    # when exactly one person printed there has its surname (and its state, if it names one).
    transcript = tm.read(RECORD)[0]
    people = {p.name for p in transcript.participants}
    assert {"Spencer Bachus", "Dennis Moore", "Robert Hullinghorst", "Jackie Speier"} <= people
    # "The Chairman." is the chairman the opening says presides ("Hon. Barney Frank [chairman
    # of the committee] presiding").
    chair = transcript.participant("barney-frank")
    assert chair is not None and chair.role == "Chairman"
    speeches = [t for t in transcript.turns if isinstance(t, tm.Speech)]
    assert {t.speaker for t in speeches if t.label == "The Chairman"} == {"barney-frank"}


def test_a_surname_two_people_share_stays_as_printed() -> None:
    from transcript_model.converters.speakers import gpo_names
    from transcript_model.converters.speakers.labels import resolve_labels

    labels = resolve_labels(["Mr. Sullivan", "Mr. Sullivan of Oklahoma", "Mr. McCarthy"])
    people = [
        ("JOHN SULLIVAN", "Oklahoma"),
        ("GORDON SULLIVAN", None),
        ("CAROLYN McCARTHY", "New York"),
    ]
    gpo_names.name_labels(labels, people)
    assert labels["Mr. Sullivan"].name != "John Sullivan"
    assert labels["Mr. Sullivan of Oklahoma"].name == "John Sullivan"
    assert labels["Mr. McCarthy"].name == "Carolyn McCarthy"


@pytest.mark.parametrize(
    ("opening", "chair"),
    [
        ("Hon. Carl Levin, Chairman of the Subcommittee, presiding.", "Carl Levin"),
        ("the Honorable Lamar Smith (Chairman of the Committee) presiding.", "Lamar Smith"),
        ("Hon. E. Clay Shaw, Jr. (Chairman of the Subcommittee) presiding.", "E. Clay Shaw"),
        ("Hon. E. Clay Shaw, Jr., and Hon. George W. Gekas (Chairmen) presiding.", None),
        ("Hon. Jeff Bingaman, chairman, presiding.", "Jeff Bingaman"),
    ],
)
def test_who_presides(opening: str, chair: str | None) -> None:
    from transcript_model.converters.speakers import gpo_names

    assert gpo_names.presiding_chair("The committee met, pursuant to notice, " + opening) == chair


def test_a_page_whose_title_holds_gpos_codes_is_still_a_record() -> None:
    # "IS CO<INF>2</INF> A POLLUTANT …": GPO's subscript code inside the page's <title>.
    coded = b"<title> - CO<INF>2</INF> AND THE EFFECT"
    page = PAGE.read_bytes().replace(b"<title> - THE EFFECT", coded)
    assert tm.read_result(page, origin="page.htm").format == "speakers"


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("STATEMENT OF THE HONORABLE ROBERT HULLINGHORST, TREASURER", "ROBERT HULLINGHORST"),
        ("STATEMENT OF SENATOR JACK REED", "JACK REED"),
        ("OPENING STATEMENT OF CHAIRMAN RICHARD C. SHELBY", "RICHARD C. SHELBY"),
        ("PREPARED STATEMENT OF BEN S. BERNANKE", "BEN S. BERNANKE"),
        ("STATEMENT OF THE HONORABLE JEB HENSARLING (TX-05), CONGRESSIONAL", "JEB HENSARLING"),
        ("STATEMENT OF AN OFFICER OF THE CENTRAL INTELLIGENCE AGENCY", None),
    ],
)
def test_who_a_statements_heading_names(heading: str, name: str | None) -> None:
    from transcript_model.converters.speakers import gpo_names

    found = gpo_names.witness(heading)
    assert (found[0] if found else None) == name
