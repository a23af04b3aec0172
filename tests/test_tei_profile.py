"""The quick route of the TEI profile check (converters/_tei_profile.py) accepts exactly the
documents the profile accepts: all that the writer produces, and nothing the profile rejects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from lxml import etree

import transcript_model as tm
from transcript_model.converters.tei import convert as tei
from transcript_model.converters.tei import profile as _tei_profile
from transcript_model.converters.tei.reader import read_tree

from strategies import MODEL_1_1, transcripts

#: Texts that break the Line rule in every way the profile's pattern forbids, and some that
#: only look odd (a comment or processing instruction splitting the text).
_TEXTS = [
    "",
    " ",
    " x",
    "x ",
    "\tx",
    "a\nb",
    "a\rb",
    "a\x85b",
    "a\u2028b",
    "a\u2029b",
    "\u00a0x",
    "x\u3000",
    "\ufeffx",
    "x\u2005",
    "a<!-- c -->b",
    " <!-- c -->b",
    "a<?pi x?> ",
    "a\u180eb",
    "x",
    "a b",
    # Lines that are no Name and no speaker label: the Python checks of names and labels.
    "a  b",
    "a\tb",
    "a b:",
    "a  b:",
    "a :",
    ":",
]
_LEAF_TEXT = re.compile(r"(<(\w+)\b[^<>]*>)([^<]*)(</\2>)")


def _structure() -> _tei_profile.QuickProfile:
    structure = tei._structure()
    assert structure is not None, "the profile's Line pattern is not the one the check knows"
    return structure


@given(transcripts())
def test_every_written_document_takes_the_quick_route(transcript: tm.Transcript) -> None:
    document = etree.ElementTree(etree.fromstring(tm.write(transcript, "tei").encode("utf-8")))
    assert _tei_profile.conforms(document, _structure())


@st.composite
def _retexted(draw: st.DrawFn) -> bytes:
    """A written document with the text of one text-only element replaced."""
    text = tm.write(draw(transcripts(MODEL_1_1)), "tei")
    spans = [m.span(3) for m in _LEAF_TEXT.finditer(text, text.index("<TEI"))]
    start, end = draw(st.sampled_from(spans))
    return (text[:start] + draw(st.sampled_from(_TEXTS)) + text[end:]).encode("utf-8")


@given(_retexted())
def test_the_quick_route_never_accepts_what_the_profile_rejects(data: bytes) -> None:
    try:
        document = etree.ElementTree(etree.fromstring(data))
    except etree.XMLSyntaxError:
        assume(False)
    if _tei_profile.conforms(document, _structure()):
        assert tei.profile().validate(document)


@given(_retexted())
def test_validate_reports_the_profile_s_own_messages(data: bytes) -> None:
    try:
        document = etree.ElementTree(etree.fromstring(data))
    except etree.XMLSyntaxError:
        assume(False)
    schema = tei.profile()
    expected = [] if schema.validate(document) else [e.message for e in schema.error_log]
    found = [
        p.message.split(": ", 1)[1]
        for p in tei.validate(data, "t.tei.xml").problems
        if p.code == "tei_profile"
    ]
    assert found == expected


def test_an_edited_line_pattern_switches_the_quick_route_off(tmp_path: Path) -> None:
    profile = Path(str(tei._profile_path())).read_text(encoding="utf-8")
    edited = profile.replace("]([^&#xA;", "]([^&#xA;&#x9;", 1)
    assert edited != profile
    (tmp_path / "edited.rng").write_text(edited, encoding="utf-8")
    assert _tei_profile.structure_profile(tmp_path / "edited.rng") is None


def test_a_line_in_an_attribute_switches_the_quick_route_off(tmp_path: Path) -> None:
    profile = Path(str(tei._profile_path())).read_text(encoding="utf-8")
    edited = profile.replace(
        '<attribute name="reason"><value>editorial</value></attribute>',
        '<attribute name="reason"><ref name="line.string"/></attribute>',
        1,
    )
    assert edited != profile
    (tmp_path / "edited.rng").write_text(edited, encoding="utf-8")
    assert _tei_profile.structure_profile(tmp_path / "edited.rng") is None


def _written() -> str:
    return tm.write(
        tm.Transcript.model_validate(
            {
                "id": "t",
                "language": "en",
                "event": {"title": "A meeting", "date": "2022-03-11"},
                "participants": [{"id": "p", "name": "A Person"}],
                "turns": [
                    {"kind": "speech", "speaker": "p", "paragraphs": ["One.", "Two."]},
                    {"kind": "stage", "text": "(Applause.)"},
                ],
            }
        ),
        "tei",
    )


@pytest.mark.parametrize("element", ["seg", "note", "title"])
@pytest.mark.parametrize("replacement", _TEXTS)
def test_each_broken_line_is_left_to_the_profile(element: str, replacement: str) -> None:
    text = _written()
    pattern = re.compile(rf"(<{element}\b[^<>]*>)([^<]*)(</{element}>)")
    changed = pattern.sub(lambda m: m.group(1) + replacement + m.group(3), text, count=1)
    assert changed != text or replacement == "x"
    document = etree.ElementTree(etree.fromstring(changed.encode("utf-8")))
    valid = bool(tei.profile().validate(document))
    if _tei_profile.conforms(document, _structure()):
        assert valid
    elif "<" not in replacement and valid:
        pytest.fail("a valid document without comments must take the quick route")


def _labelled() -> str:
    """A written document with a speaker label, a meeting number and a place."""
    return tm.write(
        tm.Transcript.model_validate(
            {
                "id": "t",
                "language": "en",
                "event": {"title": "A meeting", "date": "2022-03-11", "place": "The Kremlin"},
                "participants": [{"id": "p", "name": "A Person", "role": "Chair"}],
                "turns": [
                    {"kind": "speech", "speaker": "p", "label": "A Person", "paragraphs": ["1."]}
                ],
                "metadata": {"source": {"identifier": "42"}, "topics": ["Foreign policy"]},
            }
        ),
        "tei",
    )


#: Values the profile's name, label and pointer patterns refuse (each replaced into a written
#: document at the place named), though the profile without its patterns takes them.
_BROKEN_VALUES = [
    ('<note type="speaker">A Person:</note>', '<note type="speaker">A  Person:</note>'),
    ('<note type="speaker">A Person:</note>', '<note type="speaker">A Person</note>'),
    ('<note type="speaker">A Person:</note>', '<note type=" speaker ">A Person</note>'),
    ("<persName>A Person</persName>", "<persName>A\tPerson</persName>"),
    ("<occupation>Chair</occupation>", "<occupation>Chair </occupation>"),
    ('<name type="place">The Kremlin</name>', '<name type="place">The  Kremlin</name>'),
    ('<meeting n="42"', '<meeting n="4 2 "'),
    ('<title type="main">A meeting</title>', '<title type="main">A  meeting</title>'),
    ("<term>Foreign policy</term>", "<term>Foreign\u00a0policy</term>"),
    ('who="#p"', 'who="p"'),
    ('who="#p"', 'who="#p#q"'),
    ('who="#p"', 'who="#p q"'),
]


@pytest.mark.parametrize(("old", "new"), _BROKEN_VALUES)
def test_each_broken_name_label_or_pointer_is_left_to_the_profile(old: str, new: str) -> None:
    text = _labelled()
    assert old in text
    document = etree.ElementTree(etree.fromstring(text.replace(old, new, 1).encode("utf-8")))
    assert not tei.profile().validate(document)
    assert not _tei_profile.conforms(document, _structure())


def test_the_labelled_document_takes_the_quick_route() -> None:
    document = etree.ElementTree(etree.fromstring(_labelled().encode("utf-8")))
    assert _tei_profile.conforms(document, _structure())


@pytest.mark.parametrize(
    "tag", ["persName", "occupation", "term", "publisher", "licence", "meeting", "u", "note"]
)
def test_the_profile_s_name_label_and_pointer_patterns_are_checked_in_python(tag: str) -> None:
    # If an edit of the profile stopped a pattern from being taken out, the quick route would
    # still be right but slower; this keeps the speed-up from being lost unnoticed.
    assert any(f"{{{tei.TEI_NS}}}{tag}" in check.tags for check in _structure().checks)


def test_an_edited_label_pattern_stays_with_libxml2(tmp_path: Path) -> None:
    profile = Path(str(tei._profile_path())).read_text(encoding="utf-8")
    edited = profile.replace("]+)*:</param>", "]+)*::</param>", 1)
    assert edited != profile
    (tmp_path / "edited.rng").write_text(edited, encoding="utf-8")
    quick = _tei_profile.structure_profile(tmp_path / "edited.rng")
    assert quick is not None
    assert not any(check.pattern.pattern.endswith(":") for check in quick.checks)
    document = etree.ElementTree(etree.fromstring(_labelled().encode("utf-8")))
    assert not _tei_profile.conforms(document, quick)
    assert not etree.RelaxNG(etree.parse(str(tmp_path / "edited.rng"))).validate(document)


@given(
    st.sampled_from(sorted(_tei_profile._KNOWN_PATTERNS)),
    st.lists(st.text(alphabet="ab #:\t\n\xa0\u3000", max_size=6), max_size=5),
)
def test_one_match_over_joined_values_is_a_match_of_each(xsd: str, values: list[str]) -> None:
    single = re.compile(xsd.replace("\\s", " \t\n\r"))
    joined = _tei_profile._python_pattern(xsd)
    expected = all(single.fullmatch(value) for value in values)
    found = not values or joined.fullmatch("\x00".join(values)) is not None
    assert found == expected


@given(transcripts())
def test_a_profiled_document_reads_the_same(transcript: tm.Transcript) -> None:
    document = etree.ElementTree(etree.fromstring(tm.write(transcript, "tei").encode("utf-8")))
    assert _tei_profile.conforms(document, _structure())
    assert read_tree(document, "t", profiled=True) == read_tree(document, "t")


#: What the reader of a profiled document takes as read (converters/_tei_read.py, _segs):
#: utterances hold segs of text only, with nothing but whitespace between them. (Since model
#: 1.1 an event between segs is valid: tests/test_tei_1_1.py checks the reader tells it apart.)
_NOT_PLAIN_SEGS = [
    ('<seg xml:id="t.seg1">One.</seg>', '<seg xml:id="t.seg1">One.<seg xml:id="x">a</seg></seg>'),
    ('<seg xml:id="t.seg1">One.</seg>', '<seg xml:id="t.seg1">One.</seg> tail'),
    ('<seg xml:id="t.seg1">One.</seg>', 'text<seg xml:id="t.seg1">One.</seg>'),
]


@pytest.mark.parametrize(("old", "new"), _NOT_PLAIN_SEGS)
def test_the_quick_route_takes_only_plain_segs(old: str, new: str) -> None:
    text = _written()
    assert old in text
    document = etree.ElementTree(etree.fromstring(text.replace(old, new, 1).encode("utf-8")))
    assert not _tei_profile.conforms(document, _structure())
