"""Akoma Ntoso and model 1.1: organisations, people's details, speaker functions, the sitting
and events inside a speech in our own documents; role speakers, functions, events inside a
speech, printed dates and titles in other tools' documents (SayIt's exports)."""

from __future__ import annotations

import copy
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from lxml import etree

from transcript_model.converters._xml.safe import parse_xml
from transcript_model.converters.akn import convert as akn
from transcript_model.converters.akn.dates import printed_date
from transcript_model.converters.akn.validate import pointer_problems, schema_problems
from transcript_model.errors import TranscriptError
from transcript_model.inline import InlineEvent, Paragraph
from transcript_model.model import Speech, Transcript

from conftest import ROOT
from strategies import MODEL_1_1, transcripts

DATA = ROOT / "tests" / "data" / "akn"
#: Fixtures in the shapes of real exports, apart from the fixtures other tests count.
SHAPES = DATA / "shapes"
FIXTURE = SHAPES / "sayit_role_speakers.akn.xml"
#: The SayIt export the issue measures against; outside the repository, used when present.
_SHARED = [folder / "shared" / "corpora" / "akn" for folder in (ROOT.parent, ROOT.parent.parent)]
SHARED_SAYIT = next(
    (f / "sayit_za_502914_1.xml" for f in _SHARED if (f / "sayit_za_502914_1.xml").exists()),
    _SHARED[0] / "sayit_za_502914_1.xml",
)
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
TM = "{urn:transcript-model:akn:1.0}"


def _session() -> dict[str, Any]:
    """A parliamentary transcript using every part of model 1.1."""
    return {
        "id": "si-2-21",
        "language": "sl",
        "event": {"title": "21. redna seja", "date": "1998-11-25", "time": "09:30"},
        "organisations": [
            {"id": "DZ", "kind": "parliament", "names": [{"name": "Državni zbor"}],
             "identifiers": [{"scheme": "wikidata", "uri": "https://www.wikidata.org/wiki/Q2"}]},
            {
                "id": "party-SNS",
                "kind": "political_party",
                "names": [
                    {"name": "Slovenska nacionalna stranka", "language": "sl"},
                    {"name": "SNS", "form": "abbreviation"},
                ],
            },
        ],
        "participants": [
            {
                "id": "KuznikRafael",
                "name": "Rafael Kužnik",
                "forename": "Rafael",
                "surname": "Kužnik",
                "sex": "M",
                "birth": "1958",
                "identifiers": [{"scheme": "wikidata", "uri": "https://www.wikidata.org/wiki/Q1"}],
                "affiliations": [
                    {"organisation": "DZ", "role": "MP",
                     "start": "1992-12-23", "end": "1996-11-27"},
                    {"organisation": "party-SNS", "start": "1996-11-28", "role_title": "Member"},
                ],
            },
            {"id": "IlcJoze", "name": "Jože Ilc"},
            {"id": "chair", "name": "Ana Chair"},
        ],
        "sitting": {
            "body": "DZ",
            "numbering": [{"level": "term", "number": "2", "label": "2. mandat"},
                          {"level": "sitting", "number": "21", "body": "DZ"},
                          {"level": "session", "label": "Redna"}],
            "titles": [{"text": "Verbatim record", "type": "main", "language": "en"}],
            "end": "1998-11-25T09:47:00",
            "agenda": [{"title": "Razno", "number": "2"}, {"title": "Volitve"}],
        },
        "turns": [
            {
                "kind": "speech",
                "speaker": "KuznikRafael",
                "label": "PREDSEDNIK",
                "role": "Predsednik",
                "function": "chair",
                "language": "en",
                "paragraphs": [
                    {"kind": "paragraph", "content": [{"kind": "gap", "type": "inaudible"},
                                                      " in potem še [točko] razno."]},
                    {"kind": "note", "text": "Ne."},
                    {"kind": "vocal", "type": "interruption", "speaker": "IlcJoze", "text": "Da!"},
                    {"kind": "time", "text": "(9.47)", "when": "09:47"},
                    {"kind": "paragraph", "content": [{"kind": "kinesic", "type": "applause"}]},
                    "Hvala lepa.",
                ],
            },
            {"kind": "speech", "speaker": "IlcJoze", "function": "regular",
             "paragraphs": ["Hvala."]},
        ],
    }  # fmt: skip


def _transcript() -> Transcript:
    return Transcript.model_validate(_session())


def _speeches(data: bytes) -> list[Any]:
    root = etree.fromstring(data)
    return [e for e in root.iter() if isinstance(e.tag, str) and e.tag.endswith("}speech")]


# -- our own documents -------------------------------------------------------------------------


def test_every_part_of_model_1_1_round_trips_and_the_document_is_valid() -> None:
    transcript = _transcript()
    text = akn.write([transcript])
    tree = parse_xml(text.encode())
    assert schema_problems(tree, "x") == []
    assert pointer_problems(tree, "x") == []
    result = akn.read(text.encode(), "x")
    assert result.warnings == []
    assert result.transcripts == [transcript]


def test_akn_tools_see_organisations_people_roles_and_the_sitting_natively() -> None:
    root = parse_xml(akn.write([_transcript()]).encode()).getroot()
    organisations = {e.get("eId"): e for e in root.iter(f"{AKN}TLCOrganization")}
    assert organisations["party-SNS"].get("showAs") == "Slovenska nacionalna stranka"
    assert organisations["DZ"].get("href") == "https://www.wikidata.org/wiki/Q2"
    people = {e.get("eId"): e for e in root.iter(f"{AKN}TLCPerson")}
    assert people["KuznikRafael"].get("href") == "https://www.wikidata.org/wiki/Q1"
    roles = {e.get("eId"): e.get(f"{TM}function") for e in root.iter(f"{AKN}TLCRole")}
    # "chair" is a participant's id: the function's TLCRole takes the "function." form.
    assert roles["function.chair"] == "chair" and roles["regular"] == "regular"
    speech = next(root.iter(f"{AKN}speech"))
    assert speech.get("as") == "#function.chair"
    assert speech.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    preface = root.find(f".//{AKN}preface")
    assert preface is not None
    assert [e.text for e in preface.iter(f"{AKN}docNumber")] == ["2", "21"]
    proponent = next(preface.iter(f"{AKN}docProponent"))
    assert (proponent.get("refersTo"), proponent.text) == ("#DZ", "Državni zbor")
    assert [e.text for e in preface.iter(f"{AKN}docTitle")] == ["21. redna seja", "Verbatim record"]
    remarks = [(e.get("class"), e.get("refersTo"), e.text) for e in speech.iter(f"{AKN}remark")]
    assert remarks[:3] == [("gap", None, None), ("note", None, "Ne."), ("vocal", "#IlcJoze", "Da!")]


def test_one_speech_stays_one_speech_element_with_its_events_inside() -> None:
    transcript = _transcript()
    text = akn.write([transcript]).encode()
    speeches = _speeches(text)
    assert len(speeches) == 2
    first = speeches[0]
    assert [p.get("class") for p in first.iter(f"{AKN}p")] == [
        None, "event", "event", "event", "eventParagraph", None]  # fmt: skip
    assert "<ins>[točko]</ins>" in etree.tostring(first, encoding="unicode")


def test_a_transcript_without_1_1_fields_writes_no_1_1_markup() -> None:
    document = _session()
    for key in ("organisations", "sitting"):
        del document[key]
    document["participants"] = [{"id": p["id"], "name": p["name"]}
                                for p in document["participants"]]  # fmt: skip
    document["turns"] = [{"kind": "speech", "speaker": "IlcJoze", "paragraphs": ["Hvala."]}]
    text = akn.write([Transcript.model_validate(document)])
    for marker in ("tm:organisation", "tm:person", "tm:sitting", "<remark", "xml:lang", " as="):
        assert marker not in text


# -- other tools' documents --------------------------------------------------------------------


def _check_sayit(path: Path, renamed: dict[str, str] | None = None) -> None:
    """One turn per speech, every speaker resolved; written back, the same by/as sequence."""
    data = path.read_bytes()
    result = akn.read(data, str(path))
    (transcript,) = result.transcripts
    speeches = [t for t in transcript.turns if isinstance(t, Speech)]
    elements = _speeches(data)
    assert len(speeches) == len(elements)
    ids = {p.id for p in transcript.participants}
    assert all(s.speaker in ids for s in speeches)
    written = akn.write([transcript]).encode()
    assert akn.validate(written).problems == []
    again = _speeches(written)
    # ``renamed``: pointers that named nobody and now name the participant made from the
    # label, and keys that are no model ids (the function's id is the key made one).
    renamed = renamed or {}
    assert [(e.get("by"), e.get("as")) for e in again] == [
        (renamed.get(e.get("by"), e.get("by")), renamed.get(e.get("as"), e.get("as")))
        for e in elements
    ]
    assert akn.read(written).transcripts == [transcript]


def test_sayit_shaped_fixture_reads_one_turn_per_speech_with_speakers_by_person_and_role() -> None:
    _check_sayit(FIXTURE)
    result = akn.read(FIXTURE.read_bytes(), "f.xml")
    (transcript,) = result.transcripts
    assert transcript.event.title == "PROCEEDINGS OF THE EXAMPLE ASSEMBLY"
    # The docDate, not the Work date (the file's generation) nor the placeholder 3000-01-01.
    assert transcript.event.date.isoformat() == "2014-05-22"
    speaker = next(p for p in transcript.participants if p.id == "speaker")
    assert (speaker.name, speaker.role) == (None, "The SPEAKER")
    speeches = [t for t in transcript.turns if isinstance(t, Speech)]
    assert [(s.speaker, s.function) for s in speeches] == [
        ("speaker", "chair"),
        ("the-premier", None),
        ("ms-n-dlamini", None),
        ("speaker", "chair"),
    ]
    premier = speeches[1].paragraphs
    assert premier[0] == "Madam Speaker, thank you. [Applause.]"
    assert premier[1] == InlineEvent(kind="note", text="The Premier paused while members stood.")
    assert premier[2] == Paragraph(content=[
        "We begin with the budget", InlineEvent(kind="kinesic", text="[Interjections.]"),
        " and end with schools."])  # fmt: skip
    assert premier[3] == InlineEvent(kind="incident", text="[Members left the Chamber.]")
    assert premier[4] == InlineEvent(kind="incident", text="[Laughter.]")
    assert premier[5] == "I thank you."
    assert not [w for w in result.warnings if w.code in ("akn_flattened", "akn_unresolved")]


@pytest.mark.skipif(not SHARED_SAYIT.exists(), reason="the shared SayIt corpus is not here")
def test_the_shared_sayit_export_reads_one_turn_per_speech() -> None:
    _check_sayit(SHARED_SAYIT)
    (transcript,) = akn.read(SHARED_SAYIT.read_bytes()).transcripts
    assert transcript.event.date.isoformat() == "2013-02-14"
    assert transcript.event.title == "PROCEEDINGS AT JOINT SITTING"


_UNDATED = FIXTURE.read_text(encoding="utf-8").replace(
    '<p>Thursday, <docDate date="2014-05-22">22 May 2014</docDate></p>', "<p>PREFACE</p>"
)


@pytest.mark.parametrize(
    "printed",
    [
        "Thursday, 22 May 2014",
        "May 22, 2014",
        "jeudi 22 mai 2014",
        "Donnerstag, 22. Mai 2014",
        "jueves, 22 de mayo de 2014",
        "quinta-feira, 22 de maio de 2014",
        "giovedì 22 maggio 2014",
        "Donderdag 22 Mei 2014",
    ],
)
def test_a_date_printed_in_the_preface_beats_the_generation_date(printed: str) -> None:
    data = _UNDATED.replace("<p>PREFACE</p>", f"<p>{printed}</p>").encode()
    (transcript,) = akn.read(data).transcripts
    assert transcript.event.date.isoformat() == "2014-05-22"


def test_a_date_printed_in_a_heading_and_else_the_frbr_uri_date() -> None:
    heading = _UNDATED.replace("ANNOUNCEMENTS", "SITTING OF 23 MAY 2014").encode()
    assert akn.read(heading).transcripts[0].event.date.isoformat() == "2014-05-23"
    # Nothing printed: the Work date is the file's generation date, the URI's is the sitting's.
    assert akn.read(_UNDATED.encode()).transcripts[0].event.date.isoformat() == "2014-05-22"


def test_no_date_anywhere_names_the_date_option() -> None:
    data = re.sub(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "x", _UNDATED).replace(
        'date="x"', 'date="3000-01-01"'
    )
    with pytest.raises(TranscriptError) as error:
        akn.read(data.encode())
    assert "-r date=" in str(error.value)
    (transcript,) = akn.read(data.encode(), date="2014-05-22").transcripts
    assert transcript.event.date.isoformat() == "2014-05-22"


def test_a_cover_page_session_gives_title_and_date() -> None:
    # Chile's Cámara (BCN): no docTitle or docDate; the cover page's session holds a dated
    # <date>, and the debate's name is a document type ("recurso"), no title.
    cover = (
        '<coverPage><p><session>Sesión 56ª, en <date date="2005-11-08">martes 8 de noviembre '
        "de 2005</date></session></p></coverPage>"
    )
    data = (
        _UNDATED.replace("PROCEEDINGS OF THE EXAMPLE ASSEMBLY\">", 'recurso">')
        .replace("<preface>", cover + "<preface>")
        .replace("<heading id=\"dbh0\">PROCEEDINGS OF THE EXAMPLE ASSEMBLY</heading>", "")
    )
    (transcript,) = akn.read(data.encode()).transcripts
    assert transcript.event.title == "Sesión 56ª, en martes 8 de noviembre de 2005"
    assert transcript.event.date.isoformat() == "2005-11-08"


def test_akoma_ntoso_1_0_debate_record_reads_its_debate() -> None:
    # Bungeni's AKN 1.0 (Kenya, Ghana 2005-2011): the body of a debateRecord is a <debate> of
    # <subdivision>s, and its speakers may be given without "#".
    data = b"""<akomaNtoso xmlns="http://www.akomantoso.org/1.0"><debateRecord><meta>
      <identification source="#bungeni"><FRBRWork>
      <FRBRthis value="/gh/debaterecord/2005-07-19/main"/>
      <FRBRuri value="/gh/debaterecord/2005-07-19"/><FRBRdate date="2005-07-19" name="generation"/>
      </FRBRWork></identification><references source="#bungeni">
      <TLCPerson id="hammond" href="/ontology/persons/gh/hammond" showAs="Mr. Opare-Hammond"/>
      <TLCPerson id="maafo" href="/ontology/persons/gh/maafo" showAs="Mr. Osafo-Maafo"/>
      </references></meta><preface><p class="heading">THE PARLIAMENT OF GHANA</p></preface>
      <debate><subdivision name="votes" id="sub2"><heading>VOTES AND PROCEEDINGS</heading>
      <speech id="s1" by="hammond"><from>Mr. Opare-Hammond</from><p>Page 4 needs correcting.</p>
      </speech></subdivision><subdivision name="answers" id="sub4"><question by="#hammond"
      id="q1"><from>Mr. Opare-Hammond</from><p>Does NAGRAT have union rights?</p></question>
      <answer by="maafo" id="a1"><from>Mr. Osafo-Maafo</from><p>Mr. Speaker, it does.</p>
      </answer></subdivision></debate></debateRecord></akomaNtoso>"""
    (transcript,) = akn.read(data).transcripts
    assert transcript.event.title == "THE PARLIAMENT OF GHANA"
    speeches = [t for t in transcript.turns if isinstance(t, Speech)]
    assert [(s.speaker, s.label) for s in speeches] == [
        ("hammond", "Mr. Opare-Hammond"),
        ("hammond", "Mr. Opare-Hammond"),
        ("maafo", "Mr. Osafo-Maafo"),
    ]


def test_other_tools_second_title_and_number_make_a_sitting() -> None:
    data = _UNDATED.replace(
        "<p>PREFACE</p>",
        "<p><docTitle>Hansard</docTitle></p><p><docTitle>Joint sitting</docTitle> "
        "No <docNumber>12</docNumber></p>",
    ).encode()
    result = akn.read(data)
    (transcript,) = result.transcripts
    assert transcript.event.title == "Hansard"
    assert transcript.sitting is not None
    assert [t.text for t in transcript.sitting.titles] == ["Joint sitting"]
    assert [(n.level, n.number) for n in transcript.sitting.numbering] == [("sitting", "12")]


def test_speech_language_of_another_tool_is_normalised_or_dropped() -> None:
    base = _UNDATED.replace('<speech by="#ms-n-dlamini">', '<speech by="#ms-n-dlamini" LANG>')
    good = base.replace("LANG", 'xml:lang="AF"').encode()
    bad = base.replace("LANG", 'xml:lang="not a tag"').encode()
    assert [t.language for t in akn.read(good).transcripts[0].turns if isinstance(t, Speech)] == [
        None, None, "af", None]  # fmt: skip
    assert all(
        t.language is None for t in akn.read(bad).transcripts[0].turns if isinstance(t, Speech)
    )


# -- the printed-date parser ---------------------------------------------------------------------


def test_printed_dates_refuse_impossible_days_and_unknown_words() -> None:
    assert printed_date("31 February 2013") is None
    assert printed_date("Session 14, 2013") is None
    assert printed_date("le 1er mars 2013 et le 2 mars 2013") is not None
    assert printed_date("Rule 7 of 2013, then 3 March 2013").isoformat() == "2013-03-03"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "hostile",
    [
        "1 " * 100_000 + "February",
        ("9 " + "a" * 50 + " ") * 4_000,
        "a" * 200_000 + " 1 2013",
        ("May " * 50_000) + "1",
    ],
)
def test_printed_date_is_linear(hostile: str) -> None:
    started = time.perf_counter()
    assert printed_date(hostile) is None
    assert time.perf_counter() - started < 1


def test_events_of_another_tool_keep_their_speaker_when_named() -> None:
    data = FIXTURE.read_text(encoding="utf-8").replace(
        '<remark type="phenomenon">', '<remark type="phenomenon" refersTo="#ms-n-dlamini">'
    )
    (transcript,) = akn.read(data.encode()).transcripts
    premier = next(
        t for t in transcript.turns if isinstance(t, Speech) and t.speaker == "the-premier"
    )
    paragraph = premier.paragraphs[2]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.content[1] == InlineEvent(
        kind="kinesic", text="[Interjections.]", speaker="ms-n-dlamini"
    )


def test_written_sitting_survives_without_our_proprietary_block_where_akn_holds_it() -> None:
    text = akn.write([_transcript()])
    root = parse_xml(text.encode()).getroot()
    for proprietary in root.iter(f"{AKN}proprietary"):
        proprietary.getparent().remove(proprietary)
    for element in root.iter():
        for name in [a for a in element.attrib if a.startswith(TM)]:
            del element.attrib[name]
    (read,) = akn.read(etree.tostring(root)).transcripts
    assert read.sitting is not None
    assert [t.text for t in read.sitting.titles] == ["Verbatim record"]
    speech = next(t for t in read.turns if isinstance(t, Speech))
    assert speech.function == "function-chair" and speech.language == "en"
    assert len([t for t in read.turns if isinstance(t, Speech)]) == 2
    original = copy.deepcopy(_session()["turns"][0]["paragraphs"])
    assert len(speech.paragraphs) == len(original)


_BUNGENI_STYLE = b"""<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><debate><meta>
<references source="#x"><TLCPerson id="smith" href="/p/smith" showAs="Mr Smith"/>
<TLCRole id="speaker" href="/r/speaker" showAs="Mr. Speaker"/></references></meta>
<preface><p class="heading">NATIONAL ASSEMBLY</p><p class="subheading">OFFICIAL REPORT</p>
<p>Tuesday, 31st October, 1995</p></preface>
<debateBody><prayers><heading>PRAYERS</heading></prayers>
<debateSection><speech by="#smith" as=" #speaker"><from>Mr. Speaker</from><p>Order.</p></speech>
</debateSection></debateBody></debate></akomaNtoso>"""


def test_bungeni_style_title_date_and_spaced_pointer() -> None:
    result = akn.read(_BUNGENI_STYLE)
    (transcript,) = result.transcripts
    # The preface's heading paragraph, not the first heading of the body.
    assert transcript.event.title == "NATIONAL ASSEMBLY"
    # No docDate, no FRBR: the date as printed, "31st October, 1995".
    assert transcript.event.date.isoformat() == "1995-10-31"
    (speech,) = [t for t in transcript.turns if isinstance(t, Speech)]
    assert (speech.speaker, speech.role, speech.function) == ("smith", "Mr. Speaker", "speaker")
    assert not [w for w in result.warnings if w.code == "akn_unresolved"]


OIREACHTAS = SHAPES / "oireachtas_style.akn.xml"


def test_oireachtas_shaped_record_reads_every_speech_with_its_speaker() -> None:
    data = OIREACHTAS.read_bytes()
    result = akn.read(data, "o.xml")
    (transcript,) = result.transcripts
    speeches = [t for t in transcript.turns if isinstance(t, Speech)]
    assert len(speeches) == len(_speeches(data)) == 4
    people = {p.id: p for p in transcript.participants}
    # by="#" (a witness the record does not list): a participant named by the label.
    assert [s.speaker for s in speeches] == ["AnnExample", "Ms--Cara-Witness", "BoTestFG",
                                              "AnnExample"]  # fmt: skip
    assert people["Ms--Cara-Witness"].name == "Ms. Cara Witness"
    assert [s.function for s in speeches] == [
        "Chair", None, "Minister_for_Examples-_Tests_and_Fixtures", "Chair"]  # fmt: skip
    # The English title (the document's language) is the title, the Irish one a sitting title.
    assert transcript.event.title == "EXAMPLE DEBATES"
    assert transcript.sitting is not None
    assert [(t.text, t.language) for t in transcript.sitting.titles] == [
        ("DÍOSPÓIREACHTAÍ SAMPLACHA", "ga")]  # fmt: skip
    # "No. 4" numbers the sitting; "Vol. 12" the volume, which the model has no place for.
    assert [(n.level, n.number) for n in transcript.sitting.numbering] == [("sitting", "No. 4")]
    assert transcript.event.date.isoformat() == "2024-03-07"
    _check_sayit(
        OIREACHTAS,
        {
            "#": "#Ms--Cara-Witness",
            "#Minister_for_Examples,_Tests_and_Fixtures": (
                "#Minister_for_Examples-_Tests_and_Fixtures"
            ),
        },
    )


def test_a_hash_generation_work_date_gives_way_to_the_uri_date() -> None:
    text = OIREACHTAS.read_text(encoding="utf-8")
    undated = re.sub(r"<docDate [^>]*>[^<]*</docDate>", "", text)
    (transcript,) = akn.read(undated.encode()).transcripts
    # FRBRWork/FRBRdate is 2024-03-09 name="#generation"; the sitting is the URI's 2024-03-07.
    assert transcript.event.date.isoformat() == "2024-03-07"


def _as_other_tool(text: str) -> bytes:
    """Our document without what only this package reads (proprietary block, tm: attributes)."""
    root = parse_xml(text.encode()).getroot()
    for proprietary in root.iter(f"{AKN}proprietary"):
        proprietary.getparent().remove(proprietary)
    for element in root.iter():
        for name in [a for a in element.attrib if a.startswith(TM)]:
            del element.attrib[name]
    return etree.tostring(root)


@given(transcripts(MODEL_1_1))
def test_other_tools_read_our_1_1_output_one_turn_per_speech(transcript: Transcript) -> None:
    result = akn.read(_as_other_tool(akn.write([transcript])), "other.akn.xml")
    (read,) = result.transcripts
    written = [t for t in transcript.turns if isinstance(t, Speech)]
    speeches = [t for t in read.turns if isinstance(t, Speech)]
    assert len(speeches) == len(written)
    # Every event stays in its speech, in order, with its kind.
    assert [_kinds(s) for s in speeches] == [_kinds(s) for s in written]
    assert [s.language for s in speeches] == [s.language for s in written]
    assert [s.function is None for s in speeches] == [
        s.function is None and s.role is None for s in written
    ]


def _kinds(speech: Speech) -> list[Any]:
    kinds: list[Any] = []
    for block in speech.paragraphs:
        if isinstance(block, InlineEvent):
            kinds.append(block.kind)
        elif isinstance(block, Paragraph):
            kinds.append([i.kind for i in block.content if isinstance(i, InlineEvent)])
        else:
            kinds.append("text")
    return kinds


def test_printed_dates_in_malay_indonesian_and_swahili() -> None:
    # Sinar Project's Selangor assembly debates head their sections "13 JULAI 2020 (ISNIN)".
    assert str(printed_date("13 JULAI 2020 (ISNIN)")) == "2020-07-13"
    assert str(printed_date("17 Agustus 1945")) == "1945-08-17"
    assert str(printed_date("1 Machi 2021")) == "2021-03-01"
