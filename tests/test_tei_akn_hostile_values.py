"""Hostile values in TEI and AKN: long values are quoted as short excerpts, and names holding
bidirectional controls are refused by the TEI profile and reported by the TEI reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from transcript_model.converters.akn import convert as akn
from transcript_model.converters.tei import convert as tei
from transcript_model.errors import TranscriptError
from transcript_model.inputs import ReadResult, ValidationResult

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STEM = "kremlin-2022-03-11-meeting-with-president-of-belarus-alexander-lukashenko"
TEI_EXAMPLE = (EXAMPLES / f"{STEM}.tei.xml").read_text(encoding="utf-8")
AKN_EXAMPLE = (EXAMPLES / f"{STEM}.akn.xml").read_text(encoding="utf-8")
#: Ten thousand characters that may stand in an id, a pointer, an element name or a date.
HOSTILE = "H" * 10_000
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


def _replaced(document: str, *pairs: tuple[str, str]) -> bytes:
    for old, new in pairs:
        assert old in document, old
        document = document.replace(old, new, 1)
    return document.encode("utf-8")


def _messages(outcome: ReadResult | ValidationResult | TranscriptError) -> list[str]:
    if isinstance(outcome, TranscriptError):
        return [p.message for p in outcome.problems]
    if isinstance(outcome, ReadResult):
        return [p.message for p in outcome.warnings]
    return [p.message for p in outcome.problems]


def _all_messages(module: object, data: bytes) -> list[str]:
    messages = _messages(module.validate(data, "hostile.xml"))  # type: ignore[attr-defined]
    try:
        messages += _messages(module.read(data, "hostile.xml"))  # type: ignore[attr-defined]
    except TranscriptError as error:
        messages += _messages(error)
    return messages


def _assert_quoted_short(messages: list[str]) -> None:
    assert messages, "the hostile document should have been reported"
    for message in messages:
        # An excerpt is at most 60 characters: never a run of 61 of the hostile value.
        assert "H" * 61 not in message, message[:200]
        assert len(message) < 2_000


def test_tei_long_values_are_quoted_as_excerpts() -> None:
    data = _replaced(
        TEI_EXAMPLE,
        (f'xml:id="{STEM}" xml:lang="en"', f'xml:id="{HOSTILE} x" xml:lang="{HOSTILE}"'),
        (
            'who="#vladimir-putin" ana="#tm.speech #tm.role',
            f'who="#{HOSTILE}" ana="#{HOSTILE} #tm.role',
        ),
        (
            '<note type="speaker">Vladimir Putin:</note>',
            f'<note type="speaker">{HOSTILE}:</note><{HOSTILE}/>',
        ),
    )
    messages = _all_messages(tei, data)
    _assert_quoted_short(messages)
    # The values are named, only cut short.
    assert any("the document id 'HHH" in message for message in messages)
    assert any("xml:lang 'HHH" in message for message in messages)


def test_akn_long_values_are_quoted_as_excerpts() -> None:
    data = _replaced(
        AKN_EXAMPLE,
        (
            '<speech by="#vladimir-putin" as="#role.presidentOfRussia"',
            f'<speech by="#{HOSTILE}" as="#{HOSTILE}"',
        ),
        ('<docDate date="2022-03-11">', f'<docDate date="{HOSTILE}">'),
        (
            '<speech by="#alexander-lukashenko"',
            f'<{HOSTILE} xmlns="urn:{HOSTILE}"/><speech by="{HOSTILE}"',
        ),
    )
    messages = _all_messages(akn, data)
    _assert_quoted_short(messages)
    assert any("names no entry of meta/references" in message for message in messages)


def test_declared_encoding_is_quoted_as_an_excerpt() -> None:
    data = b'<?xml version="1.0" encoding="utf-16' + b"H" * 10_000 + b'"?><TEI/>'
    messages = _messages(tei.validate(data, "encoding.xml"))
    _assert_quoted_short(messages)
    assert "encoding='utf-16HHH" in messages[0]


# -- bidirectional controls in names ------------------------------------------------------------


def _tei_with_rlo_in_person_name() -> bytes:
    return _replaced(
        TEI_EXAMPLE,
        ("<persName>Vladimir Putin</persName>", f"<persName>Vladimir {RLO}Putin</persName>"),
    )


@pytest.mark.parametrize(
    "pair",
    [
        ("<persName>Vladimir Putin</persName>", f"<persName>Vladimir {RLO}Putin</persName>"),
        ("<persName>Vladimir Putin</persName>", "<persName>Vladimir\u2066 Putin</persName>"),
        (
            '<note type="speaker">Vladimir Putin:</note>',
            '<note type="speaker">Vladimir\u202a Putin:</note>',
        ),
        (
            '<title type="main">Meeting with President',
            '<title type="main">Meeting \u2069with President',
        ),
    ],
)
def test_tei_profile_refuses_bidirectional_controls_in_names(pair: tuple[str, str]) -> None:
    data = _replaced(TEI_EXAMPLE, pair)
    # The project profile itself, and validate (whose quick route must agree with it).
    assert not tei.profile().validate(etree.fromstring(data).getroottree())
    codes = {problem.code for problem in tei.validate(data, "bidi.tei.xml").problems}
    assert "tei_profile" in codes
    # Line text keeps them: published pages carry them in running text.
    assert tei.validate(TEI_EXAMPLE.encode("utf-8"), "clean.tei.xml").problems == []


def test_tei_profile_keeps_direction_marks_in_names() -> None:
    """LRM, RLM and ALM cannot reorder letters; the model allows them in names."""
    data = _replaced(
        TEI_EXAMPLE,
        ("<persName>Vladimir Putin</persName>", "<persName>Vladimir\u200f Putin</persName>"),
    )
    assert [p for p in tei.validate(data, "marks.tei.xml").problems if p.severity == "error"] == []


def test_tei_reader_reports_a_person_name_dropped_for_a_bidirectional_control() -> None:
    data = _tei_with_rlo_in_person_name()
    line = (
        data.decode("utf-8")
        .splitlines()
        .index(next(x for x in data.decode("utf-8").splitlines() if RLO in x))
        + 1
    )
    result = tei.read(data, "bidi.tei.xml")
    putin = next(p for p in result.transcripts[0].participants if p.id == "vladimir-putin")
    assert putin.name != f"Vladimir {RLO}Putin"
    reported = [w for w in result.warnings if "U+202E RIGHT-TO-LEFT OVERRIDE" in w.message]
    assert len(reported) == 1
    assert reported[0].code == "tei_dropped"
    assert reported[0].line == line
    assert "the person name 'Vladimir \\u202ePutin'" in reported[0].message


# -- the shipped AKN schema ---------------------------------------------------------------------


def test_the_shipped_akn_schema_is_the_recorded_oasis_file() -> None:
    import hashlib
    import re

    from transcript_model.converters.akn import validate as akn_validate

    folder = Path(__file__).resolve().parent.parent / "schema" / "akn"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"\| `([\w.]+\.xsd)` \|[^|]*\| `([0-9a-f]{64})` \|", readme))
    assert sorted(recorded) == ["akomantoso30.xsd", "xml.xsd"]
    for name, digest in recorded.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert akn_validate.xsd_resource().resolve() == (folder / "akomantoso30.xsd").resolve()
    header = " ".join((folder / "akomantoso30.xsd").read_text(encoding="utf-8")[:2000].split())
    assert "Copyright (c) OASIS Open 2018" in header
    assert "the Copyright Holder, under licence cc-by 4.0" in header
    # The import of xml.xsd resolves to the sibling file: xml:lang is declared, not unknown.
    written = AKN_EXAMPLE.encode("utf-8")
    assert akn_validate.schema_problems(etree.fromstring(written).getroottree(), "x") == []
