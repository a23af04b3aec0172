"""TEI: lossless round trips, validity against tei_all and the project profile, pointer checks,
third-party reading (siParl, CC BY 4.0) and ParlaMint packaging."""

from __future__ import annotations

import importlib.resources
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from lxml import etree

import transcript_model as tm
from transcript_model import types
from transcript_model.converters.tei import convert as tei
from transcript_model.converters.tei import profile as _tei_profile
from transcript_model.converters.tei.values import is_name as _is_name
from transcript_model.inline import InlineEvent, Paragraph

from conftest import ROOT
from strategies import MODEL_1_1, transcripts

DATA = ROOT / "tests" / "data" / "tei"
SESSION = DATA / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.xml"
CORPUS_ROOT = DATA / "siParl-SDT2-root-excerpt.xml"
XINCLUDE_ROOT = DATA / "siParl-SDT2-root-xinclude.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """TEI P5 tei_all, compiled once for the whole session (~10-15 s)."""
    path = importlib.resources.files("schemas") / "tei_all.rng"
    return etree.RelaxNG(etree.parse(str(path)))


def _assert_valid(schema: etree.RelaxNG, document: etree._Element, name: str) -> None:
    if not schema.validate(document):
        errors = "\n".join(str(e) for e in schema.error_log)
        pytest.fail(f"{name} is not valid:\n{errors}")


def _small() -> tm.Transcript:
    return tm.Transcript.model_validate(
        {
            "id": "small",
            "language": "en",
            "event": {"title": "A meeting", "date": "2022-03-11", "attendees_intro": "With"},
            "participants": [
                {"id": "putin", "name": "Vladimir Putin", "role": "President", "attending": True},
                {"id": "moderator", "role": "Moderator"},
            ],
            "turns": [
                {"kind": "speech", "speaker": "putin", "label": "Vladimir Putin", "role": "Pres",
                 "paragraphs": ["Good afternoon.", "Second."]},
                {"kind": "stage", "text": "(Applause.)"},
                {"kind": "speech", "speaker": "moderator", "paragraphs": ["Next."]},
            ],
            "metadata": {"topics": ["Economy"], "sections": ["News"]},
        }
    )  # fmt: skip


@given(transcripts(MODEL_1_1))
def test_written_tei_round_trips_and_is_valid(
    tei_all: etree.RelaxNG, transcript: tm.Transcript
) -> None:
    document = tm.write(transcript, "tei")
    parsed = etree.fromstring(document.encode("utf-8"))
    _assert_valid(tei_all, parsed, "the written document (tei_all)")
    _assert_valid(tei.profile(), parsed, "the written document (project profile)")
    assert tm.read(document, "tei") == [transcript]
    assert tm.write(transcript, "tei") == document, "the writer must be deterministic"
    result = tei.validate(document.encode("utf-8"), "t.tei.xml")
    assert result.problems == []
    assert result.transcripts == [transcript]


_ATTRIBUTE = re.compile(r'(\s(?!xmlns)[\w:]+=")([^"]*)(")')


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    """A written document with one element dropped or doubled, or one attribute value changed."""
    text = tm.write(draw(transcripts(MODEL_1_1)), "tei")
    body = text.index("<TEI")  # leave the XML declaration alone
    if draw(st.booleans()):
        pattern = re.compile(r"<(\w+)\b[^<>]*?(?:/>|>[^<]*</\1>)")
        spans = [m.span() for m in pattern.finditer(text, body)]
        start, end = draw(st.sampled_from(spans))
        piece = text[start:end] * 2 if draw(st.booleans()) else ""
    else:
        spans = [m.span(2) for m in _ATTRIBUTE.finditer(text, body)]
        start, end = draw(st.sampled_from(spans))
        piece = draw(st.sampled_from(["", " ", "x y", "#", "2022-13-01", "-1", "http://x", "a.b"]))
    return (text[:start] + piece + text[end:]).encode("utf-8")


@given(_mutated())
def test_profile_never_accepts_what_tei_all_rejects(tei_all: etree.RelaxNG, data: bytes) -> None:
    try:
        document = etree.fromstring(data)
    except etree.XMLSyntaxError:
        assume(False)  # e.g. a duplicated attribute: not XML, so neither schema is asked
    if tei.profile().validate(document):
        _assert_valid(tei_all, document, "a document the profile accepts")


def test_write_refuses_several_transcripts() -> None:
    with pytest.raises(tm.TranscriptError, match="one transcript per file"):
        tei.write([_small(), _small()])


def test_a_broken_pointer_in_a_document_the_profile_accepts_is_found() -> None:
    # The profile accepts the document, so only the elements it allows pointers on are read.
    lines = tm.write(_small(), "tei").splitlines(keepends=True)
    u_line = next(i for i, line in enumerate(lines) if "<u " in line)
    lines[u_line] = lines[u_line].replace('who="#putin"', 'who="#nobody"')
    problems = tei.validate("".join(lines).encode("utf-8"), "broken.tei.xml").problems
    assert not [p for p in problems if p.code == "tei_profile"]
    pointers = [p for p in problems if p.code == "tei_pointer"]
    assert [p.line for p in pointers] == [u_line + 1]
    assert "'#nobody'" in pointers[0].message


def test_pointers_stand_only_on_the_elements_the_profile_names() -> None:
    holders = tei._pointer_holders()
    assert holders is not None
    assert {h.split("}")[1] for h in holders} == {
        "TEI", "text", "meeting", "u", "org", "vocal", "kinesic", "incident",
        "affiliation",  # @ref, and @ana: a role ParlaMint packaging writes as a category
        "orgName",  # the setting's body, @ref
    }  # fmt: skip


def test_an_attribute_name_class_leaves_pointers_to_the_full_search(tmp_path: Path) -> None:
    profile = Path(str(tei._profile_path())).read_text(encoding="utf-8")
    edited = profile.replace(
        '<attribute name="reason"><value>editorial</value></attribute>',
        "<zeroOrMore><attribute><anyName/><text/></attribute></zeroOrMore>",
        1,
    )
    assert edited != profile
    (tmp_path / "edited.rng").write_text(edited, encoding="utf-8")
    assert _tei_profile.attribute_holders(tmp_path / "edited.rng", frozenset({"who"})) is None


def test_broken_pointers_are_located_problems() -> None:
    lines = tm.write(_small(), "tei").splitlines(keepends=True)
    u_line = next(i for i, line in enumerate(lines) if "<u " in line)
    lines[u_line] = (
        lines[u_line]
        .replace('who="#putin"', 'who="#nobody"')
        .replace('ana="#tm.speech', 'ana="#tm.nothing')
    )
    text_line = next(i for i, line in enumerate(lines) if "<text " in line)
    lines[text_line] = lines[text_line].replace("#tm.topic.Economy", "#tm.topic.Missing")
    problems = tei.validate("".join(lines).encode("utf-8"), "broken.tei.xml").problems
    pointers = [p for p in problems if p.code == "tei_pointer"]
    assert [(p.line, p.file) for p in pointers] == [
        (text_line + 1, "broken.tei.xml"),
        (u_line + 1, "broken.tei.xml"),
        (u_line + 1, "broken.tei.xml"),
    ]
    assert "#nobody" in pointers[1].message + pointers[2].message
    assert all(p.severity == "error" for p in pointers)


def test_validate_reports_profile_and_model_problems_together() -> None:
    text = tm.write(_small(), "tei").replace('<title type="main">', '<title type="sub">')
    text = text.replace('<date when="2022-03-11">2022-03-11</date>', "<date>someday</date>")
    problems = tei.validate(text.encode("utf-8"), "bad.tei.xml").problems
    codes = {p.code for p in problems}
    assert "tei_profile" in codes and "tei_date" in codes
    assert all(p.line for p in problems if p.code == "tei_profile")


def test_doctype_is_refused() -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text>&x;</text></TEI>'
    )
    with pytest.raises(tm.TranscriptError) as error:
        tm.read(evil, "tei", origin="evil.xml")
    assert error.value.problems[0].code == "xml_dtd"
    assert tei.validate(evil, "evil.xml").problems[0].code == "xml_dtd"


def test_a_corpus_root_holds_no_transcript_and_says_so() -> None:
    result = tm.read_result(CORPUS_ROOT.read_bytes(), "tei")
    assert result.transcripts == []
    [warning] = result.warnings
    assert warning.code == "tei_corpus_file"
    assert "<teiCorpus>" in warning.message


def test_participant_id_equal_to_the_document_id_round_trips() -> None:
    transcript = _small().model_copy(update={"id": "putin"})
    transcript = tm.Transcript.model_validate(transcript.model_dump())
    document = tm.write(transcript, "tei")
    assert 'xml:id="putin.participant"' in document
    assert tm.read(document, "tei") == [transcript]


def test_offsets_xsd_cannot_hold_stay_in_the_date_text() -> None:
    data = _small().model_dump()
    data["event"].update(time="23:30", utc_offset="+14:30")
    transcript = tm.Transcript.model_validate(data)
    document = tm.write(transcript, "tei")
    assert '<date when="2022-03-11T23:30:00">2022-03-11T23:30:00+14:30</date>' in document
    assert tm.read(document, "tei") == [transcript]


def test_siparl_session_reads_speakers_from_the_corpus_root() -> None:
    result = tei.read(SESSION.read_bytes(), SESSION.name, corpus_root=CORPUS_ROOT)
    transcript = result.transcripts[0]
    assert transcript.id == "KPZONOJFSPD-Redna-021-1998-11-25"
    assert transcript.language == "sl"
    assert str(transcript.event.date) == "1998-11-25"
    assert [(p.id, p.name) for p in transcript.participants] == [
        ("KužnikRafael", "Rafael Kužnik"),
        ("KorunVladimir", "Vladimir Korun"),
        ("IlcJože", "Jože Ilc"),
        ("SchiffrerMarijan", "Marijan Schiffrer"),
    ]
    speeches = [t for t in transcript.turns if isinstance(t, tm.Speech)]
    assert len(speeches) == 9  # nine <u>, each one speech (model 1.1: issue 15)
    assert all(s.label for s in speeches)  # each after its speaker note
    assert speeches[0].label == "PREDSEDNIK RAFAEL KUŽNIK"
    assert speeches[1].paragraphs[0].startswith("Hvala za besedo. No, glede na kratkost časa")
    # Interjections inside an utterance are events inside its speech, in order.
    notes = [b.text for s in speeches for b in s.paragraphs if isinstance(b, InlineEvent)]
    assert notes == ["?", "Ne.", "Da.", "4 člani.", "Nihče."]
    opening = speeches[0].paragraphs[0]
    assert isinstance(opening, Paragraph) and opening.content[0] == InlineEvent(
        kind="gap", type="inaudible"
    )
    assert all("\n" not in p for s in speeches for p in s.spoken)
    dropped = " ".join(w.message for w in result.warnings if w.code == "tei_dropped")
    assert "meeting" not in dropped and "abstract" not in dropped and "title" not in dropped
    assert all(w.severity == "warning" and w.line for w in result.warnings)
    assert not [w for w in result.warnings if w.code == "tei_unknown_person"]


def test_siparl_session_without_corpus_root_reports_unknown_speakers() -> None:
    result = tei.read(SESSION.read_bytes(), SESSION.name)
    unknown = [w for w in result.warnings if w.code == "tei_unknown_person"]
    assert [w.line for w in unknown] == [122, 130, 144, 156]
    assert result.transcripts[0].participants[0].name == "KužnikRafael"


def test_xinclude_corpus_root_given_as_path_or_bytes() -> None:
    by_path = tei.read(SESSION.read_bytes(), SESSION.name, corpus_root=XINCLUDE_ROOT)
    assert by_path.transcripts[0].participants[0].name == "Rafael Kužnik"
    by_bytes = tei.read(SESSION.read_bytes(), SESSION.name, corpus_root=XINCLUDE_ROOT.read_bytes())
    assert by_bytes.transcripts[0].participants[0].name == "KužnikRafael"
    assert any(w.code == "tei_xinclude" for w in by_bytes.warnings)


def test_third_party_whitespace_and_ids_are_normalised() -> None:
    document = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="a.b" xml:lang="en">
      <teiHeader><fileDesc><titleStmt><title>  A
        title </title></titleStmt></fileDesc>
      <profileDesc><settingDesc><setting><date when="2020-01-02"/></setting></settingDesc>
      <particDesc><listPerson><person xml:id="x.y"><persName>
        <surname>Smith</surname>  <forename>John</forename></persName></person></listPerson>
      </particDesc></profileDesc></teiHeader>
      <text><body><div><note type="speaker">MR   SMITH:</note><u who="#x.y"><seg>
        Hello
        world.</seg></u></div></body></text></TEI>"""
    result = tei.read(document, "third.xml")
    transcript = result.transcripts[0]
    assert transcript.id == "a_b" and transcript.event.title == "A title"
    assert transcript.participants[0].model_dump(exclude_unset=True) == {
        "id": "x_y", "name": "John Smith", "forename": "John", "surname": "Smith"
    }  # fmt: skip
    assert transcript.turns[0].model_dump()["label"] == "MR SMITH"
    assert transcript.turns[0].model_dump()["paragraphs"] == ["Hello world."]
    assert {w.code for w in result.warnings} == {"tei_id_mapped"}


@pytest.mark.parametrize("root_id", ['xml:id="ParlaMint-SK_2023-09-20-t8m104"', ""])
def test_third_party_header_without_title_takes_the_document_id(root_id: str) -> None:
    # ParlaMint-SK's components, still being built, hold "<!-- TODO -->" where the title goes.
    document = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" {root_id} xml:lang="sk">
      <teiHeader><fileDesc><titleStmt><!-- TODO --></titleStmt></fileDesc>
      <profileDesc><settingDesc><setting><date when="2023-09-20"/></setting></settingDesc>
      </profileDesc></teiHeader>
      <text><body><div><u who="#A"><seg>Dobrý deň.</seg></u></div></body></text></TEI>"""
    if not root_id:
        with pytest.raises(tm.TranscriptError) as refused:
            tei.read(document.encode(), "sk.xml")
        assert refused.value.problems[0].code == "tei_title"
        return
    result = tei.read(document.encode(), "sk.xml")
    assert result.transcripts[0].event.title == "ParlaMint-SK_2023-09-20-t8m104"
    assert "tei_title_from_id" in {w.code for w in result.warnings}


def test_third_party_utterance_of_a_function_without_who_is_a_speech() -> None:
    # ParlaMint-ES marks the chair's utterances ana="#chair" without @who, ParlaMint-TR a
    # guest's "#guest": speech by the holder of that function, not narrative.
    document = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="es" xml:lang="es">
      <teiHeader><fileDesc><titleStmt><title>Pleno</title></titleStmt></fileDesc>
      <profileDesc><settingDesc><setting><date when="2015-03-24"/></setting></settingDesc>
      <particDesc><listPerson><person xml:id="unidentified_chair"><persName>Ana Pastor
      </persName></person></listPerson></particDesc></profileDesc></teiHeader>
      <text><body><div>
        <u ana="#chair"><seg>Ruego silencio.</seg></u>
        <u who="#unidentified_chair" ana="#regular"><seg>Gracias.</seg></u>
        <u ana="#chair"><seg>Muchas gracias.</seg></u>
        <u><seg>Efectuada la votación.</seg></u>
      </div></body></text></TEI>""".encode()
    result = tei.read(document, "es.xml")
    transcript = result.transcripts[0]
    turns = [t.model_dump(exclude_unset=True) for t in transcript.turns]
    assert [(t["kind"], t.get("speaker"), t.get("function")) for t in turns] == [
        ("speech", "unidentified_chair-2", "chair"),  # a person of the file keeps its id
        ("speech", "unidentified_chair", "regular"),
        ("speech", "unidentified_chair-2", "chair"),
        ("narrative", None, None),  # no function either: narrative, as before
    ]
    people = {p.id: p.model_dump(exclude_unset=True) for p in transcript.participants}
    assert people["unidentified_chair-2"] == {"id": "unidentified_chair-2", "role": "chair"}
    assert [w.code for w in result.warnings].count("tei_unidentified_speaker") == 1
    assert tei.read(tei.write([transcript]).encode(), "again.xml").transcripts == [transcript]


def test_third_party_sp_speeches_of_performance_texts_are_speeches() -> None:
    # Debates encoded as TEI performance texts (GermaParl's Bundestag, drama-like corpora):
    # <sp who><speaker>Label:</speaker><p>…</p></sp> and <stage> directions.
    document = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="bt-18-001" xml:lang="de">
      <teiHeader><fileDesc><titleStmt><title>Plenarprotokoll 18/1</title></titleStmt>
      </fileDesc><profileDesc><settingDesc><setting><date when="2013-10-22"/></setting>
      </settingDesc><particDesc><listPerson><person xml:id="lammert"><persName>
      <forename>Norbert</forename> <surname>Lammert</surname></persName></person></listPerson>
      </particDesc></profileDesc></teiHeader>
      <text><body><div>
        <stage>(Beginn: 11.00 Uhr)</stage>
        <sp who="#lammert"><speaker>Präsident Dr. Norbert Lammert:</speaker>
          <p>Die Sitzung ist eröffnet. <stage>(Beifall)</stage> Willkommen.</p><p>Weiter.</p>
        </sp>
        <stage>(Beifall bei der CDU/CSU)</stage>
        <sp who="Gregor Gysi"><speaker>Dr. Gregor Gysi (DIE LINKE):</speaker><p>Danke.</p></sp>
        <sp><p>Zuruf.</p></sp>
      </div></body></text></TEI>""".encode()
    (transcript,) = tei.read(document, "bt.xml").transcripts
    turns = [t.model_dump(exclude_unset=True) for t in transcript.turns]
    assert [t["kind"] for t in turns] == ["stage", "speech", "stage", "speech", "narrative"]
    first, second = turns[1], turns[3]
    assert (first["speaker"], first["label"]) == ("lammert", "Präsident Dr. Norbert Lammert")
    assert first["paragraphs"] == [
        {"kind": "paragraph", "content": [
            "Die Sitzung ist eröffnet. ", {"kind": "note", "text": "(Beifall)"}, " Willkommen."
        ]},
        "Weiter.",
    ]  # fmt: skip
    # A who without "#" is the speaker's name, not a pointer.
    assert (second["speaker"], second["label"]) == ("Gregor_Gysi", "Dr. Gregor Gysi (DIE LINKE)")
    assert transcript.participant("Gregor_Gysi").name == "Gregor Gysi"  # type: ignore[union-attr]


def test_third_party_tei_without_namespace_reads_with_a_warning() -> None:
    # GermaParl's Bundestag protocols: no TEI namespace, the date only as the publication
    # date's content, speakers as bare names with their full name and role beside them.
    document = """<?xml version="1.0" encoding="UTF-8"?>
    <TEI><teiHeader><fileDesc><titleStmt><title>Plenarprotokoll</title></titleStmt>
      <publicationStmt><publisher>Deutscher Bundestag</publisher>
      <date when="">1949-09-15</date></publicationStmt></fileDesc></teiHeader>
      <text><body><div type="agenda_item" n="2">
        <sp who="Köhler" role="presidency" name="Erich Köhler"><speaker>Präsident Dr. Köhler:
        </speaker><p>Meine Damen und Herren! Ich frage, ob die Wahl angenommen ist, und wir
        kommen zur Tagesordnung, die Ihnen mit der Einladung zugegangen ist.</p></sp>
        <sp who="Adenauer" role="mp" name="Konrad Adenauer"><speaker>Dr. Adenauer (CDU):
        </speaker><p>Ja.</p></sp>
      </div></body></text></TEI>""".encode()
    result = tei.read(document, "BT_01_003.xml")
    (transcript,) = result.transcripts
    assert transcript.event.title == "Plenarprotokoll"
    assert transcript.event.date.isoformat() == "1949-09-15"
    speeches = [t.model_dump(exclude_unset=True) for t in transcript.turns]
    assert [(s["speaker"], s["label"], s["function"]) for s in speeches] == [
        ("Köhler", "Präsident Dr. Köhler", "presidency"),
        ("Adenauer", "Dr. Adenauer (CDU)", "mp"),
    ]
    assert [p.name for p in transcript.participants] == ["Erich Köhler", "Konrad Adenauer"]
    codes = {w.code for w in result.warnings}
    assert {"tei_no_namespace", "tei_date_published", "tei_language"} <= codes
    assert transcript.language == "de"  # no xml:lang: the words tell


def test_package_components_meet_the_profile_and_tei_all(
    tei_all: etree.RelaxNG, tmp_path: Path
) -> None:
    first = _small()
    second = first.model_copy(update={"id": "second"})
    files = tei.write_package([first, second], corpus_id="Corpus", base_url="https://example.org")
    assert set(files) == {
        "small.xml", "second.xml", "Corpus.xml", "Corpus-listPerson.xml",
        "Corpus-taxonomy-tm.doctype.xml", "Corpus-taxonomy-tm.section.xml",
        "Corpus-taxonomy-tm.topic.xml", "Corpus-taxonomy-tm.role.xml",
    }  # fmt: skip
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    for name in ("small.xml", "second.xml"):
        component = etree.fromstring(files[name].encode("utf-8"))
        _assert_valid(tei.profile(), component, name)
        _assert_valid(tei_all, component, name)
        assert component.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}particDesc") is None
    expanded = etree.parse(str(tmp_path / "Corpus.xml"))
    expanded.xinclude()
    _assert_valid(tei_all, expanded.getroot(), "the expanded corpus root")
    result = tei.read(files["small.xml"].encode(), "small.xml", corpus_root=tmp_path / "Corpus.xml")
    assert result.transcripts[0].turns == first.turns
    assert result.transcripts[0].participants == first.participants
    assert result.transcripts[0].metadata == first.metadata
    assert tei.validate(files["small.xml"].encode(), "small.xml").problems[0].code == "tei_pointer"
    checked = tei.validate(
        files["small.xml"].encode(), "s.xml", corpus_root=tmp_path / "Corpus.xml"
    )
    assert [p for p in checked.problems if p.severity == "error"] == []


def test_package_refuses_duplicate_transcript_ids_and_bad_corpus_ids() -> None:
    with pytest.raises(tm.TranscriptError, match="used twice"):
        tei.write_package([_small(), _small()])
    with pytest.raises(tm.TranscriptError, match="corpus id"):
        tei.write_package([_small()], corpus_id="my corpus")


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.tei.xml")), ids=str)
def test_examples_are_valid(tei_all: etree.RelaxNG, path: Path) -> None:
    document = etree.parse(str(path)).getroot()
    _assert_valid(tei_all, document, path.name)
    _assert_valid(tei.profile(), document, path.name)
    assert tei.validate(path.read_bytes(), path.name).problems == []


def test_parlamint_4_style_session_with_interruptions_and_tokens() -> None:
    # Hand-made in the shape of ParlaMint 4 component files (plain and linguistically annotated).
    document = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-XX_2020-01-02" xml:lang="en"
     ana="#parla.sitting #reference">
 <teiHeader><fileDesc><titleStmt>
   <title type="main" xml:lang="en">Corpus ParlaMint-XX, 2020-01-02 [ParlaMint]</title>
   <title type="sub" xml:lang="en">Daily session</title>
   <meeting n="57" corresp="#parliament.HC" ana="#parla.lower #parla.term"/>
 </titleStmt>
 <sourceDesc><bibl><title>Record</title>
   <idno type="URI" subtype="parliament">https://example.org/record/1</idno>
   <date when="2020-01-02"/></bibl></sourceDesc></fileDesc>
 <profileDesc><settingDesc><setting><name type="city">London</name>
   <name type="place">Westminster</name><name type="place">Commons Chamber</name>
   <date when="2020-01-02"/></setting></settingDesc>
 <particDesc><listPerson>
   <person xml:id="SmithJohn"><persName><surname>Smith</surname><forename>John</forename>
   </persName></person>
   <person xml:id="DoeJane"><persName><forename>Jane</forename> <nameLink>van</nameLink>
   <surname>Doe</surname></persName></person>
 </listPerson></particDesc></profileDesc></teiHeader>
 <text ana="#reference"><body>
  <div type="debateSection">
   <head>Question time</head>
   <u xml:id="u1" ana="#regular topic:inter" who="#SmithJohn">
     <seg>First part <vocal type="interruption" who="#DoeJane"><desc>Hear, hear!</desc></vocal>
       and the rest.</seg>
     <kinesic type="applause"><desc>Applause</desc></kinesic>
     <seg><s><w>Thank</w><w join="right">you</w><pc>.</pc></s></seg>
   </u>
   <gap reason="editorial"><desc xml:lang="en">SAMPLING</desc></gap>
  </div>
  <div type="debateSection">
   <u ana="#chair" who="#DoeJane"><seg>Order.</seg></u>
   <incident type="action"><desc>The House divided.</desc></incident>
  </div>
 </body></text>
</TEI>"""
    result = tei.read(document, "xx.xml")
    transcript = result.transcripts[0]
    assert transcript.event.place == "Westminster, Commons Chamber"
    assert transcript.metadata.source.url == "https://example.org/record/1"
    assert [p.name for p in transcript.participants] == ["John Smith", "Jane van Doe"]
    shapes = [
        (t.kind, getattr(t, "speaker", None), getattr(t, "paragraphs", getattr(t, "text", None)))
        for t in transcript.turns
    ]
    interruption = InlineEvent(kind="vocal", type="interruption", text="Hear, hear!",
                               speaker="DoeJane")  # fmt: skip
    # One <u> is one speech: the events inside it stay in place (model 1.1, issue 15).
    assert shapes == [
        ("heading", None, "Question time"),
        ("speech", "SmithJohn", [
            Paragraph(content=["First part ", interruption, " and the rest."]),
            InlineEvent(kind="kinesic", type="applause", text="Applause"),
            "Thank you.",
        ]),
        ("omission", None, None),
        ("break", None, None),
        ("speech", "DoeJane", ["Order."]),
        ("stage", None, "The House divided."),
    ]  # fmt: skip
    assert transcript.turns[2].model_dump()["marker"] == "SAMPLING"
    assert [t.function for t in transcript.turns if isinstance(t, tm.Speech)] == [
        "regular", "chair"
    ]  # fmt: skip
    assert transcript.sitting is not None
    assert transcript.sitting.numbering[0].model_dump(exclude_unset=True) == {
        "level": "term", "number": "57"
    }  # fmt: skip
    messages = " | ".join(w.message for w in result.warnings)
    assert "'topic:inter'" in messages and "'parliament.HC'" in messages


@st.composite
def _mutated_session(draw: st.DrawFn) -> bytes:
    """The siParl session with one element dropped or doubled, or one attribute value changed."""
    text = SESSION.read_text(encoding="utf-8")
    body = text.index("<TEI")
    if draw(st.booleans()):
        pattern = re.compile(r"<(\w+)\b[^<>]*?(?:/>|>[^<]*</\1>)")
        start, end = draw(st.sampled_from([m.span() for m in pattern.finditer(text, body)]))
        piece = text[start:end] * 2 if draw(st.booleans()) else ""
    else:
        spans = [m.span(2) for m in _ATTRIBUTE.finditer(text, body)]
        start, end = draw(st.sampled_from(spans))
        piece = draw(st.sampled_from(["", " ", "#", "x.y", "1998-13-01", "#KorunVladimir x"]))
    return (text[:start] + piece + text[end:]).encode("utf-8")


@given(_mutated_session())
def test_mutated_third_party_sessions_read_or_refuse(data: bytes) -> None:
    try:
        result = tei.read(data, "mutated.xml", corpus_root=CORPUS_ROOT)
    except tm.TranscriptError as error:
        assert error.problems and all(p.file == "mutated.xml" for p in error.problems)
    else:
        (transcript,) = result.transcripts
        tm.Transcript.model_validate(transcript.model_dump())
        assert all(w.severity == "warning" for w in result.warnings)


def test_the_quick_name_test_never_accepts_what_the_name_pattern_refuses() -> None:
    name = re.compile(types.NAME_PATTERN)
    characters = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    characters += ["\U0001f600", "\U000e0001", "\U000f0000", "\U0010fffd"]
    for character in characters:
        for value in (character, f"a{character}b", f"{character}b", f"a{character}"):
            assert not _is_name(value) or name.match(value), hex(ord(character))
    assert _is_name("Vladimir Putin") and not _is_name("Vladimir  Putin")


def test_annotated_tokens_printed_one_a_line_join_as_their_join_says() -> None:
    # ParlaMint's .ana files print every token on a line of its own: the indentation after
    # a token marked join="right" (and after a name whose last token is) is no space; read
    # as it was, "Head kolleegid , uus päev" came out of ParlaMint-EE.
    document = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="x" xml:lang="et">
 <teiHeader><fileDesc><titleStmt><title>Istung</title></titleStmt>
  <sourceDesc><bibl><date when="2022-06-08"/></bibl></sourceDesc></fileDesc>
  <profileDesc><particDesc><listPerson><person xml:id="a"><persName>A</persName></person>
  </listPerson></particDesc></profileDesc></teiHeader>
 <text><body><u who="#a"><seg>
   <s>
     <w>Head</w>
     <w join="right">kolleegid</w>
     <pc>,</pc>
     <name type="PER">
       <w>Indrek</w>
       <w join="right">Saar</w>
     </name>
     <pc join="right">!</pc>
     <linkGrp type="UD-SYN"><link target="#w1 #w2"/></linkGrp>
   </s>
   <s>
     <pc join="right">(</pc>
     <w>Aplaus</w>
     <pc join="left">)</pc>
   </s>
 </seg></u></body></text>
</TEI>"""
    (transcript,) = tei.read(document, "ee.ana.xml").transcripts
    speech = transcript.turns[0]
    assert isinstance(speech, tm.Speech)
    assert speech.paragraphs == ["Head kolleegid, Indrek Saar! (Aplaus)"]
