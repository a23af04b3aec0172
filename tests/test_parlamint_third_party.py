"""Real ParlaMint components of other parliaments, read without their corpus roots.

The files in tests/data/parlamint/third_party/ (CC BY 4.0, see the README there) come from four
corpora built by other teams: each utterance must come out as one speech with a speaker,
whatever the team's habits (the chair's utterances with a function and no @who in ParlaMint-ES,
ids holding "." in ParlaMint-TR, document ids ending ".xml" in ParlaMint-AT).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from transcript_model.converters.tei import convert as tei
from transcript_model.converters.tei import profiles
from transcript_model.model import Speech

FOLDER = Path(__file__).parent / "data" / "parlamint" / "third_party"
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("ParlaMint-AT_1996-01-15-020-XX-NRSITZ-00003.xml", dt.date(1996, 1, 15)),
        ("ParlaMint-ES-GA_2021-10-26-DSPG052.xml", dt.date(2021, 10, 26)),
        ("ParlaMint-ES_2015-03-24-CD150324.xml", dt.date(2015, 3, 24)),
        ("ParlaMint-TR_T27-tbmm-2020-05-27.xml", dt.date(2020, 5, 27)),
        ("ParlaMint-EE_2022-06-08.ana.xml", dt.date(2022, 6, 8)),
    ],
)
def test_every_utterance_is_a_speech_with_a_speaker(name: str, date: dt.date) -> None:
    data = (FOLDER / name).read_bytes()
    utterances = etree.fromstring(data).findall(f".//{TEI}body//{TEI}u")
    (transcript,) = tei.read(data, name).transcripts
    speeches = [t for t in transcript.turns if isinstance(t, Speech)]
    assert len(speeches) == len(utterances) > 0
    known = {p.id for p in transcript.participants}
    assert all(s.speaker in known for s in speeches)
    assert [s.function for s in speeches] == [u.get("ana", "").lstrip("#") for u in utterances]
    assert transcript.event.date == date and transcript.event.title


def test_the_chair_without_who_is_one_role_only_participant() -> None:
    name = "ParlaMint-ES_2015-03-24-CD150324.xml"
    result = tei.read((FOLDER / name).read_bytes(), name)
    (transcript,) = result.transcripts
    chair = [t for t in transcript.turns if isinstance(t, Speech) and t.function == "chair"]
    assert len(chair) == 15 and {s.speaker for s in chair} == {"unidentified_chair"}
    people = {p.id: p for p in transcript.participants}
    assert (people["unidentified_chair"].name, people["unidentified_chair"].role) == (None, "chair")
    assert [w.code for w in result.warnings].count("tei_unidentified_speaker") == 1


def test_checking_a_parlamint_file_against_the_project_profile_says_which_profile_fits() -> None:
    name = "ParlaMint-AT_1996-01-15-020-XX-NRSITZ-00003.xml"
    problems = tei.validate((FOLDER / name).read_bytes(), name).problems
    assert problems[0].code == "tei_parlamint_hint"
    assert "--profile parlamint" in problems[0].message
    assert any(p.code == "tei_profile" for p in problems)


def test_an_annotated_session_reads_as_text_and_validates_under_its_own_schema() -> None:
    name = "ParlaMint-EE_2022-06-08.ana.xml"
    data = (FOLDER / name).read_bytes()
    (transcript,) = tei.read(data, name).transcripts
    first = transcript.turns[0]
    assert isinstance(first, Speech)
    opening = first.paragraphs[0]
    text = opening if isinstance(opening, str) else opening.content[0]  # type: ignore[union-attr]
    # Tokens printed one a line, joined as their join="right" says.
    assert str(text).startswith("Head kolleegid, uus päev on koitnud. Tere hommikust!")
    # ParlaMint's schema of annotated sessions (sentences and tokens in the segments).
    assert profiles.validate(data, name, profile="parlamint").problems == []
