"""Fuzzing every reader: mutated documents give a valid transcript or a TranscriptError.

Mutations: byte flips, truncation, byte insertion, and structural ones (XML element and JSON key
deletion or duplication). Anything but a list of valid transcripts or a ``TranscriptError`` —
another exception, a hang, a transcript that fails validation — is a bug. A longer campaign runs
with ``HYPOTHESIS_PROFILE=fuzz`` (see benchmarks/fuzz.py for the hand-run one).
"""

from __future__ import annotations

import json
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import transcript_model as tm

from strategies import transcripts

ROUND_TRIP_FORMATS = [f.name for f in tm.all_formats() if f.reads and f.writes]
SECONDS_PER_INPUT = 5.0


@st.composite
def mutations(draw: st.DrawFn, document: bytes) -> bytes:
    """One mutation of ``document``."""
    kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "structure"]))
    if not document:
        return document
    position = draw(st.integers(0, len(document) - 1))
    if kind == "flip":
        bit = 1 << draw(st.integers(0, 7))
        return document[:position] + bytes([document[position] ^ bit]) + document[position + 1 :]
    if kind == "truncate":
        return document[:position]
    if kind == "insert":
        junk = draw(
            st.sampled_from([b"\x00", b"<", b"&", b"]]>", b'"', b"\xff", b"{", b",", b"\n: "])
        )
        return document[:position] + junk + document[position:]
    if kind == "delete":
        length = draw(st.integers(1, 64))
        return document[:position] + document[position + length :]
    return _structural(draw, document)


def _structural(draw: st.DrawFn, document: bytes) -> bytes:
    """Delete or duplicate one element (XML) or one key/value pair (JSON) or one line (text)."""
    text = document.decode("utf-8")
    if text.lstrip().startswith("<"):
        spans = [
            m.span() for m in re.finditer(r"<([A-Za-z][\w:.-]*)[^<>]*?(?:/>|>[^<]*</\1>)", text)
        ]
    elif text.lstrip().startswith(("{", "[")):
        spans = [
            m.span() for m in re.finditer(r'"[^"\\]*"\s*:\s*(?:"(?:[^"\\]|\\.)*"|[-\w.]+),?', text)
        ]
    else:
        spans = [m.span() for m in re.finditer(r"[^\n]*\n", text)]
    if not spans:
        return document
    start, end = draw(st.sampled_from(spans))
    piece = text[start:end]
    mutated = text[:start] + (piece * 2 if draw(st.booleans()) else "") + text[end:]
    return mutated.encode("utf-8")


def _read_or_refuse(data: bytes, fmt: str) -> None:
    started = time.perf_counter()
    try:
        result = tm.read(data, fmt, origin="fuzz")
    except tm.TranscriptError as error:
        assert error.problems, "a TranscriptError must carry at least one problem"
        assert all(p.file == "fuzz" for p in error.problems)
    else:
        for transcript in result:
            tm.Transcript.model_validate(transcript.model_dump())
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_INPUT, f"{fmt} reader took {elapsed:.1f} s on one input"


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS)
@settings(suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_mutated_documents_are_read_or_refused(fmt: str, data: st.DataObject) -> None:
    transcript = data.draw(transcripts())
    document = tm.write(transcript, fmt).encode("utf-8")
    _read_or_refuse(data.draw(mutations(document)), fmt)


@pytest.mark.parametrize("fmt", [f.name for f in tm.all_formats() if f.reads])
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_are_read_or_refused(fmt: str, raw: bytes) -> None:
    _read_or_refuse(raw, fmt)


#: Code points from every plane and category the model accepts, including combining marks,
#: bidi controls, private use, noncharacters other than U+FFFE/U+FFFF, and astral characters.
_WIDE = "".join(
    chr(c)
    for c in [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x300, 0x370), *range(0x590, 0x600),
              0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0xE000,
              0xF8FF, 0xFDD0, 0xFFFD, 0x1F600, 0x1D518, 0x10FFFD, 0xE0001, 0x7F, 0x80, 0x9F]
)  # fmt: skip


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS)
def test_every_character_the_model_accepts_survives(fmt: str) -> None:
    paragraph = f"<{_WIDE}>"
    transcript = tm.Transcript.model_validate(
        {
            "id": "unicode",
            "language": "en",
            "event": {"title": "Unicode", "date": "2022-03-11"},
            "participants": [{"id": "p", "name": "Ünï Çødé"}],
            "turns": [
                {"kind": "speech", "speaker": "p", "label": "Ünï Çødé", "paragraphs": [paragraph]}
            ],
        }
    )
    assert tm.read(tm.write(transcript, fmt), fmt) == [transcript]
    assert json.loads(tm.write(transcript, "json"))["turns"][0]["paragraphs"] == [paragraph]
