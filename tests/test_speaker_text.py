"""The speaker-label text reader: press briefings, remarks, timestamped and wrapped transcripts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import _read_or_refuse, mutations

import transcript_model as tm
from transcript_model.api import read_result
from transcript_model.cli import main as cli
from transcript_model.model import Narrative, Speech, StageDirection
from transcript_model.registry import detect_format

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "speakers"


def _read(name: str, **options: object) -> tm.Transcript:
    return tm.read_one(DATA / name, "speakers", **options)


def _speeches(transcript: tm.Transcript) -> list[Speech]:
    return [t for t in transcript.turns if isinstance(t, Speech)]


def test_press_briefing_header_labels_and_questions() -> None:
    t = _read("wh-briefing.txt")
    assert t.event.title == "Press Briefing by Press Secretary Karine Jean-Pierre"
    assert t.event.date == dt.date(2022, 3, 11)
    assert t.event.time == dt.time(13, 52)
    assert t.event.utc_offset == "-05:00"  # printed "EST"
    assert t.event.place == "James S. Brady Press Briefing Room"
    assert t.id == "press-briefing-by-press-secretary-karine-jean-2022-03-11"
    assert t.language == "en"
    # One participant: the press secretary, her full name from the title (issue 16); the label
    # stays as printed. "Q" names no one, so it is a label without speaker.
    assert [(p.id, p.name, p.role) for p in t.participants] == [
        ("karine-jean-pierre", "Karine Jean-Pierre", None)
    ]
    labels = [(s.label, s.speaker) for s in _speeches(t)]
    assert labels[:3] == [
        ("MS. JEAN-PIERRE", "karine-jean-pierre"),
        ("Q", None),
        ("MS. JEAN-PIERRE", "karine-jean-pierre"),
    ]
    # Two questions in a row are two reporters: never merged into one turn.
    assert labels[3:5] == [("Q", None), ("Q", None)]
    # A label's paragraphs stay together; an inline "(Laughter.)" stays in its paragraph.
    assert _speeches(t)[0].paragraphs == [
        "Good afternoon, everyone.  Happy Friday.",
        "I have a couple of things at the top.",
    ]
    assert _speeches(t)[2].paragraphs == ["We have nothing to announce today.  (Laughter.)"]


def test_stage_line_interrupts_and_the_speaker_goes_on_without_a_label() -> None:
    t = _read("wh-briefing.txt")
    kinds = [t.kind for t in t.turns]
    stage = kinds.index("stage")
    assert t.turns[stage] == StageDirection(text="[Laughter.]")
    after = t.turns[stage + 1]
    assert isinstance(after, Speech)
    assert (after.speaker, after.label) == ("karine-jean-pierre", None)
    assert t.turns[-1] == Narrative(paragraphs=["END                 2:43 P.M. EST"])


def test_the_president_and_president_biden_stay_two_participants() -> None:
    t = _read("wh-remarks.txt")
    people = {p.id: (p.name, p.role) for p in t.participants}
    assert people == {
        "the-president": (None, "THE PRESIDENT"),
        "zelenskyy": ("ZELENSKYY", "PRESIDENT"),
        "biden": ("BIDEN", "PRESIDENT"),
    }
    assert t.event.time == dt.time(11, 5) and t.event.utc_offset == "-04:00"
    assert t.event.date == dt.date(2022, 3, 11)  # "Friday, 11 March 2022"
    assert t.event.place == "Oval Office"
    assert t.metadata.source.publisher == "The White House"
    first = _speeches(t)[0]
    assert (first.label, first.role) == ("THE PRESIDENT", "THE PRESIDENT")
    assert _speeches(t)[1] == Speech(
        speaker="the-president", label=None, paragraphs=["We have a lot to talk about today."]
    )


def test_boilerplate_header_lines_are_reported_when_dropped() -> None:
    result = read_result(DATA / "wh-remarks.txt", "speakers")
    dropped = [w for w in result.warnings if w.code == "dropped"]
    assert [w.line for w in dropped] == [2, 3]
    assert all(w.severity == "warning" for w in dropped)


def test_repeated_timestamped_label_is_one_turn_and_roles_come_from_the_other_label() -> None:
    result = read_result(DATA / "rev-timestamps.txt", "speakers")
    t = result.transcripts[0]
    assert [(p.id, p.name, p.role) for p in t.participants] == [
        ("dmitry-peskov", "Dmitry Peskov", "Kremlin Spokesman"),
    ]
    speeches = _speeches(t)
    assert speeches[0].label == "Kremlin Spokesman Dmitry Peskov"
    assert speeches[0].role == "Kremlin Spokesman"
    assert speeches[0].paragraphs == [
        "Good afternoon, colleagues.",
        "Let us begin with the schedule.",
    ]
    assert (speeches[1].label, speeches[1].speaker) == ("Reporter 1", None)
    assert (speeches[2].label, speeches[2].speaker, speeches[2].role) == (
        "Dmitry Peskov",
        "dmitry-peskov",
        None,
    )
    assert t.event.place == "Moscow"  # "Location: Moscow"
    assert [w.message for w in result.warnings if "timestamps" in w.message]


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    t = _read("wrapped-release.txt")
    first = _speeches(t)[0]
    assert first.paragraphs[0].startswith("Good afternoon. We have had a long and productive")
    assert first.paragraphs[0].endswith("for these talks.")
    assert len(first.paragraphs) == 2
    # "Note: …" is a sentence, not a speaker.
    assert _speeches(t)[1].paragraphs[-1] == "Note: the remarks were translated."
    assert [p.role for p in t.participants] == ["Prime Minister", "Prime Minister"]
    unwrapped = _read("wrapped-release.txt", unwrap=False)
    assert len(_speeches(unwrapped)[0].paragraphs) == 5


def test_russian_transcript_language_date_and_generic_label() -> None:
    t = _read("ru-briefing.txt")
    assert t.language == "ru"
    assert t.event.date == dt.date(2022, 3, 11)
    assert [p.id for p in t.participants] == ["dmitriy-peskov"]
    assert [(s.label, s.speaker) for s in _speeches(t)] == [
        ("Дмитрий Песков", "dmitriy-peskov"),
        ("Вопрос", None),
        ("Дмитрий Песков", "dmitriy-peskov"),
    ]


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("March 11, 2022", dt.date(2022, 3, 11)),
        ("MARCH 11, 2022 • SPEECHES AND REMARKS", dt.date(2022, 3, 11)),
        ("Posted on Sept. 2, 2021", dt.date(2021, 9, 2)),
        ("2020-02-29", dt.date(2020, 2, 29)),
        ("03.04.2019", dt.date(2019, 4, 3)),
        ("Date: 7 May 2012", dt.date(2012, 5, 7)),
    ],
)
def test_header_date_layouts(header: str, date: dt.date) -> None:
    text = f"Remarks at the Summit\n{header}\nTHE PRESIDENT: Thank you.\n"
    assert tm.read_one(text, "speakers").event.date == date


def test_sentences_with_colons_and_urls_are_not_labels() -> None:
    text = (
        "Briefing\n2022-03-11\n"
        "MR. SMITH: Good morning.\n"
        "Here is my point: we are ready.\n"
        "In Summary: nothing changes.\n"
        "https://example.org/a: see there.\n"
    )
    t = tm.read_one(text, "speakers")
    assert len(t.turns) == 1
    assert t.turns[0].paragraphs[1:] == [  # type: ignore[union-attr]
        "Here is my point: we are ready.",
        "In Summary: nothing changes.",
        "https://example.org/a: see there.",
    ]


def test_options_fill_what_the_text_lacks() -> None:
    text = "THE PRESIDENT: Thank you.\nQ    A question?\n"
    t = tm.read_one(
        text, "speakers", title="Remarks", date="2022-01-02", language="en", id="remarks-1"
    )
    assert (t.id, t.event.title, t.event.date, t.language) == (
        "remarks-1",
        "Remarks",
        dt.date(2022, 1, 2),
        "en",
    )


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("\n\nRemarks by the President\nTHE PRESIDENT: Hello.\n", "no_date", 3),
        ("", "empty", None),
        ("Remarks\n2022-01-01\nTHE PRESIDENT: Hel\x01lo.\n", "control_character", 3),
    ],
)
def test_bad_input_is_a_located_error(text: str, code: str, line: int | None) -> None:
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(text, "speakers", origin="in.txt")
    problem = caught.value.problems[0]
    assert (problem.code, problem.file, problem.line) == (code, "in.txt", line)
    assert "Hello" not in str(caught.value)


def test_missing_title_and_bad_date_option() -> None:
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read("2022-03-11\nTHE PRESIDENT: Hi.\n", "speakers")
    assert caught.value.problems[0].code == "no_title"
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read("Title\nTHE PRESIDENT: Hi.\n", "speakers", date="11/03/2022")
    assert caught.value.problems[0].code == "option"


def test_line_ends_bom_and_no_final_newline() -> None:
    text = "\ufeffRemarks\r\n2022-03-11\r\nTHE PRESIDENT:  Thank you.\u00a0\r\n(Applause.)"
    t = tm.read_one(text.encode("utf-8"), "speakers")
    assert t.event.title == "Remarks"
    assert t.turns[0].paragraphs == ["Thank you."]  # type: ignore[union-attr]
    assert t.turns[-1] == StageDirection(text="(Applause.)")


def test_generic_speaker_keeps_a_stage_line_inside_its_speech() -> None:
    t = tm.read_one(
        "Briefing\n2022-03-11\nQ    First part.\n(Laughter.)\nSecond part.\n", "speakers"
    )
    assert t.turns == [Speech(label="Q", paragraphs=["First part.", "(Laughter.)", "Second part."])]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wh-briefing.txt", "speakers"),
        ("wh-remarks.txt", "speakers"),
        ("rev-timestamps.txt", "speakers"),
        ("wrapped-release.txt", "speakers"),  # name labels, and no page date line
    ],
)
def test_detection_of_speaker_label_text(name: str, expected: str) -> None:
    data = (DATA / name).read_bytes()
    assert detect_format(name, data) == expected
    assert detect_format(None, data) == expected


def test_detection_keeps_kremlin_page_text_as_text() -> None:
    seed = (ROOT / "tests" / "data" / "html" / "kremlin-2022-03-11-lukashenko.txt").read_bytes()
    assert detect_format("page.txt", seed) == "text"
    # Capitals in a kremlin page's body do not make it another publisher's text.
    assert detect_format(None, seed + b"NOTE: X.\nTHE END: Y.\nMR. A: Z.\nMR. B: W.\n") == "text"


def test_cli_convert_and_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.json"
    assert cli(["convert", str(DATA / "wh-briefing.txt"), "--to", "json", "-o", str(output)]) == 0
    assert tm.read_one(output).event.title.startswith("Press Briefing")
    assert cli(["validate", str(DATA / "wrapped-release.txt"), "--from", "speakers"]) == 0
    broken = tmp_path / "broken.txt"
    broken.write_text("THE PRESIDENT: Hi.\nQ    What?\nTHE PRESIDENT: No.\n", encoding="utf-8")
    capsys.readouterr()
    assert cli(["validate", str(broken)]) == 1
    captured = capsys.readouterr()
    assert f"{broken}:1:1: [no_title]" in captured.out + captured.err


def test_written_json_reads_back_equal() -> None:
    t = _read("wh-remarks.txt")
    assert tm.read(tm.write(t, "json"), "json") == [t]


_TEXTS = [p.read_bytes() for p in sorted(DATA.glob("*.txt"))]


@given(st.data())
def test_mutated_transcripts_are_read_or_refused(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(_TEXTS))
    _read_or_refuse(data.draw(mutations(text)), "speakers")


def test_roles_split_only_on_evidence_or_title_words() -> None:
    text = (
        "Remarks\n2022-03-11\n"
        "President of the United States Joe Biden: Hello.\n"
        "Joe Biden: Again.\n"
        "Recep Tayyip Erdogan: Yes.\n"
        "State Duma Speaker Vyacheslav Volodin: Colleagues.\n"
        "Senior Administration Official: Background only.\n"
        "This sentence mentions Joe Biden: it is not a label.\n"
    )
    t = tm.read_one(text, "speakers")
    assert [(p.name, p.role) for p in t.participants] == [
        ("Joe Biden", "President of the United States"),
        ("Recep Tayyip Erdogan", None),
        ("Vyacheslav Volodin", "State Duma Speaker"),
        (None, "Senior Administration Official"),
    ]
    assert t.turns[-1].paragraphs[-1] == "This sentence mentions Joe Biden: it is not a label."  # type: ignore[union-attr]


def test_collapsed_question_label_counts_beside_upper_case_labels() -> None:
    text = "Briefing\n2022-03-11\nMS. PSAKI: Hi.\nQ Thank you, Jen.\nMS. PSAKI: Sure.\nQ Again.\n"
    t = tm.read_one(text, "speakers")
    assert [s.label for s in _speeches(t)] == ["MS. PSAKI", "Q", "MS. PSAKI", "Q"]
    # Without the layout around it, "Q " is just the start of a sentence.
    alone = tm.read_one("Notes\n2022-03-11\nQ Street is closed.\nQ Road too.\n", "speakers")
    assert [t.kind for t in alone.turns] == ["narrative"]


def test_name_and_bare_timestamp_lines_of_transcription_services() -> None:
    text = (
        "Team call\n2023-01-05\n\n"
        "Anna Berg  0:03\nHello all.\nSecond line.\n\n"
        "Speaker 2  0:15\nHi Anna.\n\n"
        "Anna Berg  0:20\nLet us start.\nThe meeting ends at 10:30\n"
    )
    result = read_result(text, "speakers")
    t = result.transcripts[0]
    assert [(s.label, s.speaker, s.paragraphs) for s in _speeches(t)] == [
        ("Anna Berg", "anna-berg", ["Hello all.", "Second line."]),
        ("Speaker 2", None, ["Hi Anna."]),
        ("Anna Berg", "anna-berg", ["Let us start.", "The meeting ends at 10:30"]),
    ]
    assert any("3 speaker timestamps" in w.message for w in result.warnings)


def test_bold_labels_alone_on_their_line_with_the_colon_outside(tmp_path: Path) -> None:
    # Caption exports of the Canadian PM's press conferences: "**Operator**:", the words below.
    text = (
        "# Q & A\n\n**Operator**:\n\nFirst question, Laura Osman.\n\n---\n\n"
        "**Question**:\n\nIs there room for compromise?\n\n"
        "**Prime Minister Trudeau**:\n\nLook, we are working together.\n\nAll parties are.\n"
    )
    path = tmp_path / "2020-04-20_q_a.md"
    path.write_text(text, encoding="utf-8")
    assert detect_format(path.name, path.read_bytes()) == "speakers"
    t = tm.read_one(path)
    assert (t.event.title, t.event.date) == ("Q & A", dt.date(2020, 4, 20))
    assert [t.kind for t in t.turns] == ["speech", "break", "speech", "speech"]
    assert [(s.label, s.paragraphs) for s in _speeches(t)] == [
        ("Operator", ["First question, Laura Osman."]),
        ("Question", ["Is there room for compromise?"]),
        ("Prime Minister Trudeau", ["Look, we are working together.", "All parties are."]),
    ]


def test_title_from_a_file_name_with_an_iso_date(tmp_path: Path) -> None:
    # An Otter.ai export saved under the event's name: no title or date inside.
    text = (
        "Don Lemon  0:00\nGood evening.\n\nJoe Biden  0:12\nThank you.\n\n"
        "Don Lemon  0:20\nFirst.\n\nJoe Biden  0:31\nYes.\n"
    )
    path = tmp_path / "CNN Town Hall with Joe Biden - (2021-07-21) FULL.txt"
    path.write_text(text, encoding="utf-8")
    assert detect_format(path.name, path.read_bytes()) == "speakers"
    result = read_result(path)
    (t,) = result.transcripts
    assert (t.event.title, t.event.date) == (
        "CNN Town Hall with Joe Biden FULL",
        dt.date(2021, 7, 21),
    )
    assert [s.label for s in _speeches(t)] == ["Don Lemon", "Joe Biden", "Don Lemon", "Joe Biden"]
    assert "title_from_file_name" in {w.code for w in result.warnings}
    # A name that is only the date gives no title: the error names every place one can be.
    # A second extension is no title either ("1960-09-26.said.txt" gave the title "said").
    for name in ("2021-07-21.txt", "1960-09-26.said.txt"):
        bare = tmp_path / name
        bare.write_text(text, encoding="utf-8")
        with pytest.raises(tm.TranscriptError) as caught:
            tm.read(bare)
        assert caught.value.problems[0].code == "no_title"
        assert "file name with an ISO date" in caught.value.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        # NBC's debate transcripts: the label in capitals alone on its line.
        "HOLT:\n\nGood evening.\nGUTHRIE:\n\nWelcome.\nHOLT:\n\nSenator?\n",
        # The Changelog's Markdown: a bold label before the words.
        "**Adam Stacoviak:** Alright.\n\n**Jerod Santo:** Yes.\n\n**Adam Stacoviak:** So.\n",
    ],
)
def test_headerless_speaker_text_is_refused_by_the_speakers_reader(text: str) -> None:
    # No title, no date: the refusal that leads is the reader's that fits (it names the
    # options), not the kremlin.ru reader's "expected the date … after the title 'HOLT:'".
    assert detect_format(None, text.encode()) == "speakers"
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(text.encode())
    assert caught.value.problems[0].code in {"no_title", "no_date"}
    assert tm.read(text.encode(), title="Debate", date="2019-06-26")[0].turns


def test_another_sites_html_page_is_the_speakers_readers_first() -> None:
    page = (
        b"<html><body><p>HON. SPEAKER: Order.</p><p>MR. PUNA: Thank you.</p>"
        b"<p>HON. SPEAKER: Next.</p></body></html>"
    )
    assert detect_format("part3.html", page) == "speakers"
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(page, origin="part3.html")
    assert caught.value.problems[0].code in {"no_title", "no_date"}


def test_name_labels_without_a_page_date_line_are_other_publishers_text() -> None:
    debate = (
        b"Howard K Smith: Good evening.\n\nRichard Nixon: Thank you.\n\n"
        b"John Kennedy: Thank you.\n\nHoward K Smith: Next question.\n"
    )
    assert detect_format(None, debate) == "speakers"
    # A kremlin.ru article copied without its footer prints the page's date line.
    kremlin = b"Meeting\nMarch 11, 2022\n" + debate
    assert detect_format(None, kremlin) == "text"


def test_subjects_line_gives_the_topics_and_is_no_speech() -> None:
    # Australian ministers' press conferences list their subjects under the date.
    text = (
        "Press conference, Parliament House\nThursday, 9 June 2005\n\n"
        "SUBJECTS: Labour force, GST; Housing market\n\nTREASURER:\n\nGood morning.\n\n"
        "JOURNALIST:\n\nTreasurer, the jobs figures?\n\nTREASURER:\n\nThey are good.\n"
    )
    t = tm.read_one(text, "speakers")
    assert t.metadata.topics == ["Labour force", "GST", "Housing market"]
    assert [s.label for s in _speeches(t)] == ["TREASURER", "JOURNALIST", "TREASURER"]


def test_when_no_reader_can_read_the_error_says_what_each_expected() -> None:
    debate = "Howard K Smith: Good evening.\nRichard Nixon: Thank you.\nJohn Kennedy: Thanks.\n"
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(debate, origin="debate.txt")
    problems = caught.value.problems
    assert [p.code for p in problems] == ["no_title", "format_tried"]  # speakers first, then text
    assert problems[1].severity == "warning"
    assert problems[1].message.startswith("also tried as text: expected the date of the event")


WH_PAGE = """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8">
<title>Press Briefing by Press Secretary Karine Jean-Pierre | The White House</title></head>
<body><header><nav><a href="/">Home</a> <a href="/briefing-room/">Briefing Room</a></nav></header>
<main id="content"><article><header><h1>Press Briefing by Press Secretary Karine Jean-Pierre</h1>
<time datetime="2022-03-11">March 11, 2022</time></header>
<section class="body-content"><p>James S. Brady Press Briefing Room</p><p>1:52 P.M. EST</p>
<p>MS. JEAN-PIERRE:  Good afternoon, everyone.</p><p>Q    Thank you, Karine.<br>On Ukraine.</p>
<p>MS. JEAN-PIERRE:  Go ahead.</p><p>Q    And Russia?</p><p>MS. JEAN-PIERRE:  Yes.</p>
<p>END 2:43 P.M. EST</p></section></article>
<aside><p>Related: other briefings</p></aside></main>
<footer><p>The White House: 1600 Pennsylvania Ave NW</p></footer></body></html>
"""


def test_another_sites_saved_page_reads_as_speaker_label_text(tmp_path: Path) -> None:
    path = tmp_path / "briefing.html"
    path.write_text(WH_PAGE, encoding="utf-8")
    result = read_result(path)
    (t,) = result.transcripts
    assert t.event.title == "Press Briefing by Press Secretary Karine Jean-Pierre"
    assert (t.event.date, t.event.time) == (dt.date(2022, 3, 11), dt.time(13, 52))
    assert t.event.place == "James S. Brady Press Briefing Room"
    assert [(s.label, s.paragraphs) for s in _speeches(t)] == [
        ("MS. JEAN-PIERRE", ["Good afternoon, everyone."]),
        ("Q", ["Thank you, Karine.", "On Ukraine."]),
        ("MS. JEAN-PIERRE", ["Go ahead."]),
        ("Q", ["And Russia?"]),
        ("MS. JEAN-PIERRE", ["Yes."]),
    ]
    # The menus, the aside and the footer are no text of the transcript.
    assert "Related" not in str(t.model_dump()) and "Pennsylvania" not in str(t.model_dump())
    # Without kremlin.ru's marks the page is this reader's first: no fallback, no doubt.
    assert [w.code for w in result.warnings if w.code.startswith("format_")] == []


def test_a_kremlin_page_is_never_tried_as_another_sites_page() -> None:
    seed = (ROOT / "tests" / "data" / "html" / "kremlin-2022-03-11-lukashenko.html").read_bytes()
    from transcript_model.converters.speakers import sniff

    assert sniff(seed[:65536]) == 0.0
    assert sniff(WH_PAGE.encode()) > 0.5


def test_labels_of_voices_nobody_names() -> None:
    # The Commission on Presidential Debates' transcripts ("Audience questioner:", "Announcer
    # offscreen:") and NBC's ("(UNKNOWN):" alone on its line): the words were given to the
    # speaker before, a question of the audience once to a candidate.
    text = (
        "Debate\nOctober 15, 1992\n\n"
        "Carole Simpson: And I think the first question is over here.\n\n"
        "Audience questioner: Yes. I'd like to direct my question to Mr. Perot.\n\n"
        "H Ross Perot: Thank you.\n\nAnnouncer offscreen: Good evening.\n\n"
        "(UNKNOWN):\n\nYes, it was.\n\nCarole Simpson: Next.\n"
    )
    t = tm.read_one(text, "speakers")
    assert [(s.label, s.speaker) for s in _speeches(t)] == [
        ("Carole Simpson", "carole-simpson"),
        ("Audience questioner", None),
        ("H Ross Perot", "h-ross-perot"),
        ("Announcer offscreen", None),
        ("(UNKNOWN)", None),
        ("Carole Simpson", "carole-simpson"),
    ]
    assert _speeches(t)[4].paragraphs == ["Yes, it was."]


def test_a_break_marker_with_its_time_is_nobody_speaking() -> None:
    # The Changelog's transcripts mark the ad breaks "**Break:** \[01:10:18.10\]": the time
    # with hundredths was read as words of a speaker called "Break".
    text = (
        "# Changelog 176\n\n2015-10-01\n\n**Adam Stacoviak:** Alright.\n\n"
        "**Break:** \\[25:01\\]\n\n**Jerod Santo:** Yes.\n\n**Break:** \\[01:10:18.10\\]\n\n"
        "**Adam Stacoviak:** So.\n"
    )
    t = tm.read_one(text.encode(), origin="changelog-176.md")
    assert [s.label for s in _speeches(t)] == ["Adam Stacoviak", "Jerod Santo", "Adam Stacoviak"]
    assert [p.name for p in t.participants] == ["Adam Stacoviak", "Jerod Santo"]


def test_ordinal_dates_and_header_lines_that_are_no_place() -> None:
    # The Kenyan Hansard's "Wednesday, 17th June, 1992 Morning Sitting"; an Australian
    # transcript's "E&OE PROOF ONLY"; a CBC page's link to its summary.
    for header in (
        "Debates\nWednesday, 17th June, 1992 Morning Sitting\nE&OE PROOF ONLY\n",
        "Debates\nJune 17th, 1992\n[Automated Summary can be read here](./summary.md)\n",
    ):
        t = tm.read_one(header + "\nMR. SPEAKER: Order.\n", "speakers")
        assert (str(t.event.date), t.event.place) == ("1992-06-17", None)


def test_a_fragment_of_html_saved_on_its_own_is_a_page() -> None:
    # A scraper's file: the page's heading and its article body, no <html> around them.
    fragment = (
        b"<h1>Press Briefing by the Press Secretary Jay Carney</h1>\n<div><p>April 21, 2014</p>"
        b"<p>MR. CARNEY: Before I take your questions.</p><p>Q\xc2\xa0\xc2\xa0 Thank you.</p>"
        b"<p>MR. CARNEY: Go ahead.</p></div>\n"
    )
    assert detect_format("briefing.html", fragment) == "speakers"
    t = tm.read_one(fragment, origin="briefing.html")
    assert t.event.title == "Press Briefing by the Press Secretary Jay Carney"
    assert [s.label for s in _speeches(t)] == ["MR. CARNEY", "Q", "MR. CARNEY"]


def test_labels_in_chinese_characters_with_a_full_width_colon() -> None:
    # Hong Kong's Legislative Council records: "主席：…", "梁國雄議員：…", "行政長官：…"; a
    # sentence that opens with a colon ("施政報告有幾個重要的信息：…") is too long for a label,
    # and a list's head ("出席議員：") opens one line only.
    text = (
        "會議過程正式紀錄\n2013年 1月 17日星期四\n\n出席議員：\n\n何俊仁議員\n\n"
        "主席：行政長官進入會議廳。\n\n梁國雄議員：規程問題。\n\n主席：甚麼規程問題？\n\n"
        "梁國雄議員：那麼，他會發言多久？\n\n行政長官：主席、各位議員。\n\n"
        "施政報告有幾個重要的信息：第一，香港有優秀的條件。\n\n行政長官：多謝主席。\n"
    ).encode()
    assert detect_format("cm0117.txt", text) == "speakers"
    t = tm.read_one(text, origin="cm0117.txt")
    assert (t.event.title, str(t.event.date)) == ("會議過程正式紀錄", "2013-01-17")
    assert [s.label for s in _speeches(t)] == [
        "主席",
        "梁國雄議員",
        "主席",
        "梁國雄議員",
        "行政長官",
    ]
    # Ids keep the names' own characters (every one was "x", "x-2" …).
    assert [p.id for p in t.participants] == ["主席", "梁國雄議員", "行政長官"]
    # The label repeated on the next paragraph of the same speaker goes on with the turn.
    assert _speeches(t)[4].paragraphs == [
        "主席、各位議員。",
        "施政報告有幾個重要的信息：第一，香港有優秀的條件。",
        "多謝主席。",
    ]


def test_wrapped_chinese_lines_join_without_a_space() -> None:
    # A space between two ideographs is no part of Chinese text; between Latin words it is.
    text = (
        "會議過程正式紀錄\n2013年 1月 17日\n\n主席：行政長官進入會議廳。我們現在\n開始會議。\n\n"
        "主席：甚麼規程\n問題？Mr Smith said\nhello.\n"
    )
    t = tm.read_one(text, "speakers", unwrap=True)
    assert [s.paragraphs for s in _speeches(t)] == [
        ["行政長官進入會議廳。我們現在開始會議。", "甚麼規程問題？Mr Smith said hello."]
    ]


@pytest.mark.parametrize(
    ("markdown", "title"),
    [
        ("# Town <b>Hall</b> meeting\n\n2021-03-03\n", "Town Hall meeting"),
        ("---\ntitle: Town <em>Hall</em>\ndate: 2021-03-03\n---\n", "Town Hall"),
        ("# a < b > c\n\n2021-03-03\n", "a < b > c"),  # no tag: as printed
    ],
)
def test_a_markdown_title_is_as_the_page_shows_it(markdown: str, title: str) -> None:
    text = markdown + "\nMAYOR SMITH: Welcome.\n\nMS. JONES: Thanks.\n"
    assert tm.read_one(text.encode(), origin="town-hall.md").event.title == title


def test_markdown_that_opens_with_an_html_block_is_markdown() -> None:
    # HTML fragments saved on their own are pages; a .md file that opens with an HTML block
    # (a centred logo) is still Markdown, as its name says.
    text = (
        b'<p align="center"><img src="logo.png"></p>\n\n# Town Hall on the Budget\n\n2021-03-03\n\n'
        b"**Mayor Smith:** Welcome.\n\n**Jane Roe:** Thank you.\n\n**Mayor Smith:** Next.\n"
    )
    t = tm.read_one(text, origin="town-hall.md")
    assert [s.label for s in _speeches(t)] == ["Mayor Smith", "Jane Roe", "Mayor Smith"]
    assert t.event.place is None


def test_chinese_sentences_with_a_colon_and_a_reporter_asking_once() -> None:
    # "我要强调：" (I want to stress:) twice is no speaker; "记者：" (reporter) asks once.
    text = (
        "外交部发言人记者会\n2021年 3月 3日\n\n发言人：大家好。\n第一：国务委员将出席会议。\n"
        "记者：请问会议何时举行？\n发言人：下周。\n我要强调：这很重要。\n我要强调：我们反对。\n"
    ).encode()
    t = tm.read_one(text, "speakers")
    assert [(s.label, s.speaker is None) for s in _speeches(t)] == [
        ("发言人", False),
        ("记者", True),
        ("发言人", False),
    ]
    assert _speeches(t)[2].paragraphs[1:] == ["我要强调：这很重要。", "我要强调：我们反对。"]


def test_an_archived_white_house_page_its_headline_address_and_holders() -> None:
    # obamawhitehouse.archives.gov: the title has a colon ("WEEKLY ADDRESS: …", printed again
    # as the page's heading), the page's canonical address holds the date and says whose
    # White House it is, and "Share This:" is no speaker.
    page = (
        b'<html><head><link rel="canonical" href="https://obamawhitehouse.archives.gov/'
        b'the-press-office/2016/12/24/weekly-address-merry-christmas"/></head><body>'
        b"<h1>WEEKLY ADDRESS: Merry Christmas from the President</h1>"
        b"<p>WEEKLY ADDRESS: Merry Christmas from the President</p>"
        b"<p>THE PRESIDENT: Merry Christmas, everybody.</p><p>THE FIRST LADY: Happy holidays.</p>"
        b"<p>THE PRESIDENT: Thank you.</p><p>Share This: Twitter Facebook Email</p></body></html>"
    )
    t = tm.read_one(page, origin="weekly-address.html")
    assert t.event.title == "WEEKLY ADDRESS: Merry Christmas from the President"
    assert str(t.event.date) == "2016-12-24"
    assert t.metadata.source.url is not None and "obamawhitehouse" in t.metadata.source.url
    assert [(s.label, s.speaker) for s in _speeches(t)] == [
        ("THE PRESIDENT", "barack-obama"),
        ("THE FIRST LADY", "michelle-obama"),
        ("THE PRESIDENT", "barack-obama"),
    ]
    assert "Share This" not in {p.name for p in t.participants}


def test_a_pages_menus_marked_by_role_or_class_and_teaser_articles_are_left_out() -> None:
    # obamawhitehouse.archives.gov has no <nav> or <main>: its menus are divs of class
    # "whr-navbar" and lists of class "menu", and three teaser <article>s stand around the
    # post, whose heading stands in none of them.
    page = (
        b'<html><body><div class="whr-navbar"><ul class="menu"><li>Briefing Room</li>'
        b"<li>Speeches &amp; Remarks</li></ul></div>"
        b'<article class="node-tout"><p>Watch the final State of the Union.</p></article>'
        b"<section><h1>Remarks by the Press Secretary</h1><p>March 11, 2022</p>"
        b"<p>MS. PSAKI: Good afternoon.</p><p>Q: Thank you.</p><p>MS. PSAKI: Go ahead.</p>"
        b'</section><div role="contentinfo"><p>Privacy Policy</p></div></body></html>'
    )
    t = tm.read_one(page, origin="remarks.html")
    text = str(t.model_dump())
    for chrome in ("Briefing Room", "Speeches", "Privacy Policy"):
        assert chrome not in text
    assert t.event.title == "Remarks by the Press Secretary"
    assert [s.label for s in _speeches(t)] == ["MS. PSAKI", "Q", "MS. PSAKI"]


def test_a_news_pages_lists_of_headlines_are_no_speakers() -> None:
    # foxnews.com: "FACT CHECK: Recession is culprit in high US debt", "Week Ahead: Spotlight
    # on Bernanke in Jackson Hole" in the lists beside an article made three speakers.
    page = (
        b"<html><body><h1>Russia's Nuclear Help to Iran</h1><p>August 14, 2010</p>"
        b"<p>Russia will load fuel into the reactor next week.</p>"
        b"<ul><li>FACT CHECK: Recession is culprit in high US debt</li>"
        b"<li>Total Recall: Porsches, Martha Stewart Casserole Dishes, More</li>"
        b"<li>Week Ahead: Spotlight on Bernanke in Jackson Hole</li></ul></body></html>"
    )
    t = tm.read_one(page, origin="russia-iran.html")
    assert (t.participants, _speeches(t)) == ([], [])


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Lübeck, 31. März 2003", "2003-03-31"),
        ("Donnerstag, 14. Februar 2013", "2013-02-14"),
        ("Paris, le 1er mars 2013", "2013-03-01"),
        ("14 septiembre 2013", "2013-09-14"),
    ],
)
def test_dates_in_the_languages_the_readers_know(line: str, day: str) -> None:
    # One month table for every reader (converters/_months.py), German, French, Spanish … too.
    t = tm.read_one(f"Rede\n{line}\n\nBUNDESPRÄSIDENT RAU: Meine Damen und Herren.\n", "speakers")
    assert str(t.event.date) == day


def test_a_title_with_a_number_and_a_short_word_is_no_date() -> None:
    # "Mac" is March in Malay and "2." a German day: neither makes a title a date.
    for title in ("Top 10 Mac 2020 apps", "Part 2. March 2021 update"):
        t = tm.read_one(f"{title}\nMarch 3, 2021\n\nMR. A: Hello.\n", "speakers")
        assert (t.event.title, str(t.event.date)) == (title, "2021-03-03")


_TOWN_HALL = (
    b"<p>March 3, 2021</p><p><strong>MAYOR SMITH:</strong> Good evening.</p>"
    b"<p><strong>MS. JONES:</strong> Thank you.</p><p><strong>MAYOR SMITH:</strong> Go ahead.</p>"
)


@pytest.mark.parametrize(
    "body",
    [
        # ASP.NET holds the whole body in a <form>.
        b'<form id="aspnetForm"><h1>Town Hall</h1>' + _TOWN_HALL + b"</form>",
        # A Genesis theme's wrapper named for its layout, labels in <strong>.
        b'<div class="content-sidebar-wrap"><h1>Town Hall</h1>' + _TOWN_HALL + b"</div>",
        # Drupal: the page title block above the node's <article>, teasers as <article>s.
        b"<h1>Town Hall</h1><article>" + _TOWN_HALL + b"</article>"
        b"<article><p>Related: parks</p></article><article><p>Related: pools</p></article>",
    ],
    ids=["form", "layout-class", "drupal"],
)
def test_what_holds_a_pages_transcript_is_never_left_out(body: bytes) -> None:
    t = tm.read_one(b"<html><body>" + body + b"</body></html>", origin="town-hall.html")
    assert [s.label for s in _speeches(t)] == ["MAYOR SMITH", "MS. JONES", "MAYOR SMITH"]
    assert "Related" not in str(t.model_dump())


def test_labels_closed_by_a_dash_as_pacific_hansards_print_them() -> None:
    # Papua New Guinea's "Mr JIMMY UGURO - Thank you" read as 0 speeches; Fiji's ".-" too.
    text = (
        "Hansard\nMarch 15, 2023\n\nMr PATRICK BASA - Good morning, Mr Acting Speaker.\n\n"
        "Mr JIMMY UGURO - Thank you.\n\nMr ACTING SPEAKER - Order.\n\n"
        "HON. S.S. KIRPAL.- Thank you, Mr. Speaker.\n\nA paragraph - with a dash.\n"
    )
    assert detect_format("hansard.txt", text.encode()) == "speakers"
    t = tm.read_one(text, "speakers")
    assert [s.label for s in _speeches(t)] == [
        "Mr PATRICK BASA", "Mr JIMMY UGURO", "Mr ACTING SPEAKER", "HON. S.S. KIRPAL",
    ]  # fmt: skip
    assert _speeches(t)[-1].paragraphs == ["Thank you, Mr. Speaker.", "A paragraph - with a dash."]


def test_a_role_in_brackets_before_the_colon_or_the_dash_is_the_speakers_role() -> None:
    # "Oana Lungescu (NATO Spokesperson):" was no label at all (a label held no bracket), and
    # Fiji's "HON. F.S. KOYA (Minister for …).- …" cut the dash labels of its page below three.
    briefing = (
        "Press conference\n2 October 2024\n"
        "Oana Lungescu (NATO Spokesperson): Good morning.\n"
        "Jens Stoltenberg (NATO Secretary General): Thank you.\n"
        "Question (Reuters): What now?\nJens Stoltenberg: Well.\n"
        "Recep Tayyip Erdogan (retranslated): Thanks.\n"
    )
    t = tm.read_one(briefing, "speakers")
    speeches = _speeches(t)
    assert [(s.speaker, s.role) for s in speeches] == [
        ("oana-lungescu", "NATO Spokesperson"), ("jens-stoltenberg", "NATO Secretary General"),
        (None, None), ("jens-stoltenberg", None), ("recep-tayyip-erdogan", None),
    ]  # fmt: skip
    assert speeches[0].label == "Oana Lungescu (NATO Spokesperson)"  # as printed
    hansard = (
        "Questions\n10th Feb., 2021\n"
        "HON. F.S. KOYA (Minister for Trade).- Thank you, Mr. Speaker, Sir.\n"
        "HON. M. K. NALUMISA.-Mr. Speaker, Sir, I thank.\n"
        "HON. F.S. KOYA.- Again, Sir.\n"
    )
    t = tm.read_one(hansard, "speakers")
    assert [(s.speaker, s.role) for s in _speeches(t)] == [
        ("f-s-koya", "Minister for Trade"), ("m-k-nalumisa", None), ("f-s-koya", None),
    ]  # fmt: skip
    # "HON." is a courtesy, not an office.
    assert {p.id: p.role for p in t.participants} == {
        "f-s-koya": "Minister for Trade", "m-k-nalumisa": None,
    }  # fmt: skip


def test_a_date_only_the_running_heads_print_is_the_date_with_a_warning() -> None:
    # A Hansard excerpt whose header holds no date; its pages' heads print the sitting's day.
    text = (
        "Hansard Oral Question 1\nMarket Price Gouging\n"
        "HON. F.S. KOYA (Minister for Trade).- Thank you, Mr. Speaker, Sir.\n"
        "Page 46\n484\nQuestions\n10th Feb., 2021\nThe words go on.\n"
        "HON. SPEAKER.- I thank the Honourable Minister.\n"
        "HON. S.S. KIRPAL.- A supplementary question.\n"
        "Page 47\n10th Feb., 2021\nQuestions\n485\nHON. SPEAKER.- Honourable Minister.\n"
    )
    result = tm.read_result(text.encode(), "speakers")
    assert result.transcripts[0].event.date == dt.date(2021, 2, 10)
    assert [w.code for w in result.warnings] == ["dropped", "date_from_running_head"]
    assert result.warnings[1].line == 12  # beside "Page 47" (line 7 stands three lines off)
    # A date in the text away from any page number is no running head: refused, as before.
    alone = "Questions\nHON. A.- Yes.\nHON. B.- No.\nHON. A.- On 10 February 2021 we met.\n"
    with pytest.raises(tm.TranscriptError, match="no_date"):
        tm.read_one(alone, "speakers")


def test_a_pages_date_after_its_title_in_the_title_element_is_its_date() -> None:
    page = (
        b"<html><head><title>QUESTIONS - Fiji Hansard 2024-10-02</title></head><body>"
        b"<h3>QUESTIONS</h3><p>HON. A. ONE.- Mr. Speaker, Sir.</p><p>HON. B. TWO.- Yes.</p>"
        b"<p>HON. A. ONE.- Thank you.</p></body></html>"
    )
    t = tm.read_one(page, origin="questions.html")
    assert (t.event.title, t.event.date) == ("QUESTIONS", dt.date(2024, 10, 2))


@pytest.mark.parametrize(
    ("title", "role", "name"),
    [
        ("Rede von Bundespräsident Johannes Rau beim Föderalismuskonvent", "Bundespräsident",
         "Johannes Rau"),
        ("Discours de M. Emmanuel Macron, Président de la République, à l'occasion du 14 juillet",
         "Président de la République", "Emmanuel Macron"),
        ("Discurso del Presidente del Gobierno, Pedro Sánchez, en la sesión de control",
         "Presidente del Gobierno", "Pedro Sánchez"),
        ("Remarks by First Lady Jill Biden at the Reception", "First Lady", "Jill Biden"),
    ],
)  # fmt: skip
def test_a_speech_without_labels_is_by_whom_its_title_names_in_several_languages(
    title: str, role: str, name: str
) -> None:
    text = f"{title}\nLübeck, 31. März 2003\n\nSehr geehrte Damen und Herren.\n\nDanke.\n"
    t = tm.read_one(text, "speakers")
    assert [(p.role, p.name) for p in t.participants] == [(role, name)]
    assert [turn.kind for turn in t.turns] == ["speech"]
    assert (t.event.date, t.event.place) == (dt.date(2003, 3, 31), "Lübeck")


def test_two_people_a_title_names_make_no_speaker() -> None:
    text = (
        "Remarks by President Biden, Vice President Harris, and Second Gentleman Doug Emhoff\n"
        "March 3, 2021\n\nThank you all.\n"
    )
    assert tm.read_one(text, "speakers").participants == []


def test_a_page_that_marks_its_main_text_by_id_alone() -> None:
    # bundespraesident.de: a skip-link <h1> first, eight menus of links, then <div id="main">
    # with the speech's own <h1>; the page was read from its menus, titled "Navigation und
    # Service".
    menus = "".join(f'<div class="menu"><a href="/{n}">Menu item {n}</a></div>' for n in range(8))
    page = (
        '<html><head><title>Rede</title></head><body><h1 class="navSkip">Navigation und Service'
        f'</h1>{menus}<div id="main"><h1>Rede von Bundespräsident Johannes Rau beim Konvent</h1>'
        "<p>Lübeck, 31. März 2003</p><p>Im Juni 1948 unternahm ein Berater eine Rundreise durch"
        " die westlichen Besatzungszonen und schrieb einen langen Bericht darüber.</p>"
        "<p>Fünfundfünfzig Jahre später käme er vielleicht zu einem anderen Befund.</p></div>"
        "</body></html>"
    )
    t = tm.read_one(page.encode(), origin="rede.html")
    assert t.event.title == "Rede von Bundespräsident Johannes Rau beim Konvent"
    assert [p.name for p in t.participants] == ["Johannes Rau"]
    assert "Menu item" not in str(t.model_dump())


@pytest.mark.parametrize(
    "frame",
    [
        "عربي Español Русский Français 简体中文",  # the Chinese foreign ministry's language menu
        "Schattenblick →INFOPOOL →PARLAMENT → FAKTEN",  # a breadcrumb
        "An official website of the United States Government Here's how you know",
        "A lock ( ) or https:// means you’ve safely connected to the .gov website.",
        "Skip to main content",
    ],
)
def test_the_frame_a_copied_page_opens_with_is_no_title(frame: str) -> None:
    text = (
        f"{frame}\n\nForeign Ministry Spokesperson's Regular Press Conference on June 26, 2023\n\n"
        "2023-06-26 19:09\n\nMAO NING: Good afternoon.\n\nAFP: A question.\n\nMAO NING: Yes.\n"
    )
    result = tm.read_result(text.encode(), "speakers")
    title = "Foreign Ministry Spokesperson's Regular Press Conference on June 26, 2023"
    assert result.transcripts[0].event.title == title
    assert "frame of a copied page" in result.warnings[0].message


def test_a_heading_with_its_date_is_the_title_and_names_its_days_date() -> None:
    # "Division Press Briefing – December 12, 2022" was taken whole as the date line: the
    # title came from the next line, the day the page was posted.
    text = (
        "Division Press Briefing – December 12, 2022\n\nDecember 13, 2022\n\n"
        "MR PRICE: Good afternoon.\n\nQUESTION: Afternoon.\n\nMR PRICE: All right.\n"
    )
    t = tm.read_one(text, "speakers")
    assert (t.event.title, t.event.date) == (text.split("\n", 1)[0], dt.date(2022, 12, 12))
    # A date in the title's end ("(July 07, 2022)") is its event's, over the posting date a
    # few days after; a date the title is about ("… of November 8, 2022") is not.
    briefing = "Transcript of Weekly Media Briefing (July 07, 2022)\nJuly 08, 2022\n\n"
    statement = "Statement on the Election of November 8, 2022\nNovember 9, 2022\n\n"
    labels = "MR PRICE: Good afternoon.\n\nQUESTION: Afternoon.\n\nMR PRICE: Yes.\n"
    assert tm.read_one(briefing + labels, "speakers").event.date == dt.date(2022, 7, 7)
    assert tm.read_one(statement + labels, "speakers").event.date == dt.date(2022, 11, 9)
    # A date inside a heading leaves the heading whole.
    heading = "Regierungspressekonferenz vom 15. April 2013 (BPA)"
    t = tm.read_one(f"{heading}\nMontag, 15. April 2013\n\n{labels}", "speakers")
    assert (t.event.title, t.event.date) == (heading, dt.date(2013, 4, 15))


def test_a_role_or_an_outlet_after_a_comma_is_printed_beside_the_name() -> None:
    # Japan's foreign ministry: "Fujita, Fuji TV:" was no label and went into the press
    # secretary's answer; India's MEA: "Shri Arindam Bagchi, Official Spokesperson:".
    text = (
        "Press Conference by Deputy Press Secretary Masato Ohtaka\nMarch 22, 2017\n\n"
        "Mr. Masato Ohtaka, Deputy Press Secretary, Ministry of Foreign Affairs: Good day.\n\n"
        "Fujita, Fuji TV: On a related matter, a question.\n\n"
        "Deputy Press Secretary Ohtaka: We received instructions.\n\n"
        "Miriam, on trade interests: no label, a sentence.\n"
    )
    t = tm.read_one(text, "speakers")
    assert [(s.speaker, s.role) for s in _speeches(t)] == [
        ("masato-ohtaka", "Deputy Press Secretary, Ministry of Foreign Affairs"),
        ("fujita", "Fuji TV"),
        ("masato-ohtaka", "Deputy Press Secretary"),
    ]
    assert _speeches(t)[2].paragraphs[-1] == "Miriam, on trade interests: no label, a sentence."


def test_one_word_once_is_no_label_even_where_speakers_go_by_first_name() -> None:
    # An EU midday briefing labels its spokespeople by first name ("Dana:", "Christian:") and
    # prints its topics so ("Ukraine: we condemn …"): one word that opens one line is no
    # label ("Odile: no." stays part of Dana's words: a topic cannot be told from a name).
    text = (
        "Midday briefing\n15 February 2021\n\nDana: Good afternoon.\n\nChristian: Thank you.\n\n"
        "Dana: More questions?\n\nUkraine: we condemn the attack.\n\nChristian: Fine.\n"
    )
    t = tm.read_one(text, "speakers")
    assert [s.label for s in _speeches(t)] == ["Dana", "Christian", "Dana", "Christian"]
    assert _speeches(t)[2].paragraphs[-1] == "Ukraine: we condemn the attack."
    # Beside a name, an office or a form the transcript repeats makes a label of one word.
    once = (
        "Briefing\n15 February 2021\n\nMR. SMITH: Hello.\n\nThanks, Bob: that was great.\n\n"
        "Washington (Reuters): officials said.\n\nMS. JONES: Hi.\n\n"
        "Lungescu (NATO Spokesperson): Good morning.\n"
    )
    assert [s.label for s in _speeches(tm.read_one(once, "speakers"))] == [
        "MR. SMITH", "MS. JONES", "Lungescu (NATO Spokesperson)",
    ]  # fmt: skip


def test_the_german_governments_press_conference() -> None:
    # The Regierungspressekonferenz's transcript: "Frage:" and "Zusatzfrage:" are questions
    # by nobody in particular (one was read as "Meine Frage", words of a question), "StS
    # Seibert" is the state secretary, and a page's donation box is no speaker.
    text = (
        "Regierungspressekonferenz vom 15. April 2013\n15. April 2013\n\n"
        "Frage: Meine Frage geht an den Regierungssprecher.\n\n"
        "StS Seibert: Ja, das können sie.\n\nZusatzfrage: Es stimmt also nicht?\n\n"
        "StS Seibert: Ich habe versucht, es zu sagen.\n\nIBAN: DE85 4306 0967\n"
    )
    t = tm.read_one(text, "speakers")
    assert [(s.speaker, s.label) for s in _speeches(t)] == [
        (None, "Frage"), ("seibert", "StS Seibert"), (None, "Zusatzfrage"),
        ("seibert", "StS Seibert"),
    ]  # fmt: skip
    assert [(p.name, p.role) for p in t.participants] == [("Seibert", "StS")]


def test_a_self_introduction_gives_no_given_name_of_i_m() -> None:
    # Captions of a CBC special: "**Jennifer**:" … "I'm Jennifer hall." named "I'm Jennifer".
    text = (
        "Briefing\n3 April 2020\n\nJennifer: Welcome. I'm Jennifer hall.\n\n"
        "Trudeau: Thank you.\n\nJennifer: Next.\n\nTrudeau: Yes.\n"
    )
    t = tm.read_one(text, "speakers")
    assert [p.name for p in t.participants] == ["Jennifer", "Trudeau"]


def test_a_missing_date_says_how_to_give_one_on_the_command_line() -> None:
    with pytest.raises(tm.TranscriptError, match="-r date=YYYY-MM-DD on the command line"):
        tm.read_one("Briefing\n\nMR. A: Hi.\n\nMS. B: Hello.\n\nMR. A: Bye.\n", "speakers")
