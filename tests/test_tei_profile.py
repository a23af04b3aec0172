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
from transcript_model.converters import _tei_profile, tei

from strategies import transcripts

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
]
_LEAF_TEXT = re.compile(r"(<(\w+)\b[^<>]*>)([^<]*)(</\2>)")


def _structure() -> etree.RelaxNG:
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
    text = tm.write(draw(transcripts()), "tei")
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
