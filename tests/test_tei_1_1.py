"""TEI carries model 1.1 (issue 15) in ParlaMint / Parla-CLARIN idioms: persons with name parts,
sex, birth, identifiers and affiliations, listOrg, the sitting's numbering, titles and agenda,
the speaker's function on u/@ana, and inline events inside <u> so that one utterance stays one
speech turn."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from lxml import etree

import transcript_model as tm
from transcript_model.converters.tei import convert as tei
from transcript_model.converters.tei import profile as _tei_profile
from transcript_model.converters.tei.reader import read_tree
from transcript_model.inline import InlineEvent, Paragraph

from conftest import ROOT
from strategies import MODEL_1_1, transcripts

DATA = ROOT / "tests" / "data" / "tei"
SESSION = DATA / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.xml"
CORPUS_ROOT = DATA / "siParl-SDT2-root-excerpt.xml"
T = "{http://www.tei-c.org/ns/1.0}"
EVENTS = {T + k for k in ("note", "gap", "vocal", "kinesic", "incident", "time")}


def _siparl() -> tm.Transcript:
    [transcript] = tei.read(SESSION.read_bytes(), SESSION.name, corpus_root=CORPUS_ROOT).transcripts
    return transcript


def _utterances(document: bytes) -> list[tuple[str | None, list[str], list[tuple[str, str]]]]:
    """Per <u>: @who, the @ana tokens other than the writer's own (tm.*), and the inline
    events inside it (between segs and inside them) with their text, in order."""
    root = etree.fromstring(document)
    found = []
    for u in root.iter(T + "u"):
        ana = [t for t in (u.get("ana") or "").split() if not t.startswith("#tm.")]
        events = [
            (str(e.tag).split("}")[1], "".join(e.itertext()).strip())
            for e in u.iter()
            if e.tag in EVENTS
        ]
        found.append((u.get("who"), ana, events))
    return found


def test_siparl_reads_as_one_speech_per_utterance_with_functions_and_events() -> None:
    transcript = _siparl()
    speeches = [t for t in transcript.turns if isinstance(t, tm.Speech)]
    assert len(speeches) == 9  # the session has nine <u>; it read as 15 turns before
    assert [s.function for s in speeches] == ["chair", "regular"] * 4 + ["chair"]
    assert [s.speaker for s in speeches][:4] == [
        "KužnikRafael", "KorunVladimir", "KužnikRafael", "IlcJože"
    ]  # fmt: skip
    third = speeches[2].paragraphs
    assert third[0] == "Hvala lepa. Ali ima še kdo od poslancev mogoče besedo? Gospod"
    assert third[1] == InlineEvent(kind="note", text="?")
    assert third[2] == "Ilc, izvolite."
    last = [b.text for b in speeches[8].paragraphs if isinstance(b, InlineEvent)]
    assert last == ["Ne.", "Da.", "4 člani.", "Nihče."]
    opening = speeches[0].paragraphs[0]
    assert isinstance(opening, Paragraph)
    assert opening.content[0] == InlineEvent(kind="gap", type="inaudible")
    assert isinstance(opening.content[1], str) and opening.content[1].startswith(" in potem")


def test_siparl_persons_and_parties_come_from_the_corpus_root() -> None:
    transcript = _siparl()
    people = {p.id: p for p in transcript.participants}
    chair = people["KužnikRafael"]
    assert (chair.forename, chair.surname, chair.sex, chair.birth) == (
        "Rafael", "Kužnik", "M", "1958-01-01"
    )  # fmt: skip
    assert chair.identifiers[0].scheme == "wikimedia"
    parties = [(a.organisation, a.role, a.start, a.end) for a in chair.affiliations]
    # Every affiliation, with its dates; ParlaMint's "party.SNS" is the model id "party_SNS".
    assert parties == [
        ("DZ", "MP", "1992-12-23", "1996-11-27"),
        ("party_SNS", "member", "1992-12-23", "1996-11-27"),
        ("DZ", "MP", "1996-11-28", "2000-10-26"),
        ("party_SNS", "member", "1996-11-28", "2000-10-26"),
    ]
    on_the_day = [a.organisation for a in chair.affiliations_on("1998-11-25")]
    assert on_the_day == ["DZ", "party_SNS"]
    organisations = {o.id: o for o in transcript.organisations}
    assert organisations["party_SNS"].kind == "political_party"
    assert organisations["party_SNS"].abbreviation == "SNS"
    assert organisations["party_SNS"].name == "Slovenska nacionalna stranka"
    assert organisations["KPZONOJFSPD"].kind == "committee"
    assert people["SchiffrerMarijan"].affiliations[-1].organisation == "party_SLS-SKD"


def test_siparl_sitting_keeps_numbering_titles_and_agenda() -> None:
    sitting = _siparl().sitting
    assert sitting is not None
    assert [(n.level, n.number, n.label, n.body) for n in sitting.numbering] == [
        ("meeting", "21", "Redna", "KPZONOJFSPD"),
        ("term", "2", "2. mandat", "DZ"),
    ]
    assert [(t.type, t.language) for t in sitting.titles] == [("main", "en"), ("sub", "sl")]
    assert sitting.agenda[0].title == "Pred dnevnim redom"
    assert len(sitting.agenda) == 3


def test_siparl_written_back_has_the_same_utterances_and_events() -> None:
    transcript = _siparl()
    written = tm.write(transcript, "tei").encode("utf-8")
    original = _utterances(SESSION.read_bytes())
    again = _utterances(written)
    assert len(again) == len(original) == 9
    assert again == original  # the same @who, @ana (the function) and inline elements
    assert tei.validate(written, "siParl.tei.xml").problems == []
    assert tm.read(written.decode("utf-8"), "tei") == [transcript]


def test_the_function_is_read_without_the_corpus_root() -> None:
    result = tei.read(SESSION.read_bytes(), SESSION.name)
    speeches = [t for t in result.transcripts[0].turns if isinstance(t, tm.Speech)]
    assert [s.function for s in speeches][:3] == ["chair", "regular", "chair"]


def test_a_package_carries_organisations_and_affiliations(tmp_path: Path) -> None:
    transcript = _siparl()
    for name, content in tei.write_package([transcript], corpus_id="SiParl").items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert (tmp_path / "SiParl-listOrg.xml").exists()
    session = tmp_path / f"{transcript.id}.xml"
    assert tm.validate(session) == []
    [back] = tm.read_result(session).transcripts
    assert back.turns == transcript.turns
    assert back.sitting == transcript.sitting
    assert {p.id: p for p in back.participants} == {p.id: p for p in transcript.participants}
    organisations = sorted(o.id for o in transcript.organisations)
    assert sorted(o.id for o in back.organisations) == organisations


def test_a_function_named_like_a_participant_gets_its_own_category() -> None:
    transcript = tm.Transcript.model_validate(
        {
            "id": "t", "language": "en", "event": {"title": "T", "date": "2020-01-01"},
            "participants": [{"id": "chair", "name": "A Chair"}],
            "turns": [{"kind": "speech", "speaker": "chair", "function": "chair",
                       "paragraphs": ["Order."]}],
        }
    )  # fmt: skip
    document = tm.write(transcript, "tei")
    assert 'ana="#tm.speech #tm.function.chair"' in document
    assert tei.validate(document.encode("utf-8"), "t.tei.xml").problems == []
    assert tm.read(document, "tei") == [transcript]


def test_types_that_are_no_xml_names_go_to_n_and_come_back() -> None:
    transcript = tm.Transcript.model_validate(
        {
            "id": "t", "language": "en", "event": {"title": "T", "date": "2020-01-01"},
            "participants": [{"id": "a", "name": "A"}],
            "turns": [{"kind": "speech", "speaker": "a", "paragraphs": [
                {"kind": "kinesic", "type": "loud applause", "text": "(Applause.)"},
                {"kind": "paragraph", "content": ["Yes ", {"kind": "gap", "type": "2 words"}]},
            ]}],
        }
    )  # fmt: skip
    document = tm.write(transcript, "tei")
    assert '<kinesic n="loud applause"><desc>(Applause.)</desc></kinesic>' in document
    assert 'Yes <gap n="2 words"/></seg>' in document
    assert tei.validate(document.encode("utf-8"), "t.tei.xml").problems == []
    assert tm.read(document, "tei") == [transcript]


@given(transcripts(MODEL_1_1))
def test_a_package_of_any_1_1_transcript_reads_back_its_turns_and_sitting(
    transcript: tm.Transcript,
) -> None:
    files = tei.write_package([transcript], corpus_id="Corpus")
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / name).write_text(content, encoding="utf-8")
        session = Path(folder) / f"{transcript.id}.xml"
        assert tm.validate(session) == []
        [back] = tm.read_result(session).transcripts
    assert back.turns == transcript.turns
    assert back.sitting == transcript.sitting
    # A package's session holds the persons and organisations it refers to, as they were.
    people = {p.id: p for p in transcript.participants}
    assert all(people[p.id] == p for p in back.participants)
    organisations = {o.id: o for o in transcript.organisations}
    assert all(organisations[o.id] == o for o in back.organisations)


@given(transcripts(MODEL_1_1))
def test_a_profiled_document_with_events_reads_the_same(transcript: tm.Transcript) -> None:
    # The quick profile route may accept utterances holding events between and inside segs;
    # the reader's fast path for profiled documents must then still read them in full.
    document = etree.ElementTree(etree.fromstring(tm.write(transcript, "tei").encode("utf-8")))
    profiled = _tei_profile.conforms(document, tei._structure())
    assert read_tree(document, "t", profiled=profiled) == read_tree(document, "t")


def test_an_utterance_of_one_event_takes_the_quick_route_and_reads_in_full() -> None:
    transcript = tm.Transcript.model_validate(
        {
            "id": "t", "language": "en", "event": {"title": "T", "date": "2020-01-01"},
            "participants": [{"id": "p", "name": "P"}],
            "turns": [{"kind": "speech", "speaker": "p", "paragraphs": [
                {"kind": "gap", "type": "editorial", "text": "a"}]}],
        }
    )  # fmt: skip
    document = etree.ElementTree(etree.fromstring(tm.write(transcript, "tei").encode("utf-8")))
    assert _tei_profile.conforms(document, tei._structure())
    assert read_tree(document, "t", profiled=True).transcripts == [transcript]
