"""Writers that write a turn at a time (issue 18: converting one 100 MB transcript peaked at
12.7x its size, because the output was held whole as text, joined, then encoded).

The streamed bytes must be exactly those of the whole-document writers, on every fixture and on
every transcript the strategies draw; the TEI header, which now comes from a pass over the turns
made before the body is written, must still say what the body holds.
"""

from __future__ import annotations

import io
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import transcript_model as tm
from transcript_model import cli
from transcript_model.converters.akn import streaming as akn_streaming
from transcript_model.converters.akn import writer as akn_writer
from transcript_model.converters.json import writer as json_writer
from transcript_model.converters.tei import writer as tei_writer
from transcript_model.converters.tei.header_parts import Options
from transcript_model.model import Speech, Transcript

from conftest import ROOT, valid_fixtures
from strategies import MODEL_1_1, transcripts

TEI = "{http://www.tei-c.org/ns/1.0}"
FIXTURES = valid_fixtures()


def test_there_are_fixtures_of_both_model_versions_and_of_parliament() -> None:
    assert len(FIXTURES) >= 10
    assert any(t.sitting is not None for t in FIXTURES)


# ------------------------------------------------------------------------------------ JSON


@pytest.fixture(autouse=True)
def turn_by_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small transcripts too are written a turn at a time, so that the fixtures test it."""
    from transcript_model.cli import streaming

    monkeypatch.setattr(json_writer, "WHOLE_BELOW_TURNS", 0)
    monkeypatch.setattr(streaming, "STREAM_FROM_TURNS", 0)


def _json_streamed(items: list[Transcript], compact: bool) -> str:
    out = io.StringIO(newline="")
    json_writer.write_stream(iter(items), out, compact=compact)
    return out.getvalue()


def _json_whole(items: list[Transcript], compact: bool) -> str:
    return tm.write(items, "json", compact=compact)


@pytest.mark.parametrize("compact", [False, True])
def test_json_streamed_is_the_whole_writer_byte_for_byte_on_every_fixture(compact: bool) -> None:
    for transcript in FIXTURES:
        assert _json_streamed([transcript], compact) == _json_whole([transcript], compact)
    # Several as an array (each re-indented inside it), and none.
    assert _json_streamed(FIXTURES, compact) == _json_whole(FIXTURES, compact)
    assert _json_streamed([], compact) == _json_whole([], compact)


@given(st.lists(transcripts(MODEL_1_1), max_size=3), st.booleans())
def test_json_streamed_is_the_whole_writer_byte_for_byte(
    items: list[Transcript], compact: bool
) -> None:
    assert _json_streamed(items, compact) == _json_whole(items, compact)


def test_json_streamed_reads_one_transcript_ahead_at_most() -> None:
    pulled = 0

    def lazily() -> Iterator[Transcript]:
        nonlocal pulled
        for transcript in FIXTURES[:4]:
            pulled += 1
            yield transcript

    # The second transcript says whether the first stands alone or opens an array; after it,
    # each is taken only once the one before it is written.
    pieces = json_writer.pieces(lazily())
    next(pieces)
    assert pulled == 2
    seen = [pulled for piece in pieces if piece == b",\n  "]
    assert seen == [2, 3, 4]


# ------------------------------------------------------------------------------------- TEI


def _tei_streamed(transcript: Transcript) -> str:
    out = io.StringIO(newline="")
    tei_writer.write_stream(iter([transcript]), out)
    return out.getvalue()


def _assert_header_counts_the_body(document: str) -> None:
    """tagsDecl and extent, written before the body now, say what the body holds."""
    root = etree.fromstring(document.encode("utf-8"))
    usage = {
        tag.get("gi"): int(tag.get("occurs"))
        for tag in root.iter(f"{TEI}tagUsage")  # the header counts <text> and what is in it
    }
    text = root.find(f"{TEI}text")
    assert text is not None
    held = Counter(etree.QName(element).localname for element in text.iter(etree.Element))
    assert usage == dict(held)
    [measure] = root.iter(f"{TEI}measure")
    assert int(measure.get("quantity")) == held["u"]


def test_tei_streamed_is_the_document_and_its_header_counts_the_body_on_every_fixture() -> None:
    for transcript in FIXTURES:
        document = tm.write(transcript, "tei")
        assert _tei_streamed(transcript) == document
        _assert_header_counts_the_body(document)
        _assert_header_counts_the_body(tei_writer.document(transcript, None, Options(True)))


@given(transcripts(MODEL_1_1), st.booleans())
def test_tei_streamed_is_the_document_and_its_header_counts_the_body(
    transcript: Transcript, parlamint: bool
) -> None:
    assert _tei_streamed(transcript) == tm.write(transcript, "tei")
    _assert_header_counts_the_body(tei_writer.document(transcript, None, Options(parlamint)))


def test_tei_stream_refuses_anything_but_one_transcript_before_writing() -> None:
    out = io.StringIO()
    for given_ in ([], FIXTURES[:2]):
        with pytest.raises(tm.TranscriptError, match=f"one transcript per file, {len(given_)}"):
            tei_writer.write_stream(iter(given_), out)
    assert out.getvalue() == ""


# ------------------------------------------------------------------------------------- AKN


def _akn_streamed(transcript: Transcript, **options: Any) -> str:
    out = io.StringIO(newline="")
    akn_streaming.write_stream(iter([transcript]), out, **options)
    return out.getvalue()


def test_akn_streamed_is_the_document_on_every_fixture() -> None:
    for transcript in FIXTURES:
        assert _akn_streamed(transcript) == tm.write(transcript, "akn")
        assert _akn_streamed(transcript, country="za-cpt") == tm.write(
            transcript, "akn", country="za-cpt"
        )


@given(transcripts(MODEL_1_1))
def test_akn_streamed_is_the_document(transcript: Transcript) -> None:
    assert _akn_streamed(transcript) == tm.write(transcript, "akn")


def test_akn_stream_refuses_what_the_writer_refuses_before_writing() -> None:
    out = io.StringIO()
    with pytest.raises(tm.TranscriptError) as whole:
        tm.write(FIXTURES[0], "akn", country="Russia")
    with pytest.raises(tm.TranscriptError) as streamed:
        akn_streaming.write_stream([FIXTURES[0]], out, country="Russia")
    assert streamed.value.problems == whole.value.problems
    with pytest.raises(tm.TranscriptError, match="holds one transcript, 2 given"):
        akn_streaming.write_stream(iter(FIXTURES[:2]), out)
    assert out.getvalue() == ""


# ---------------------------------------------------------------------------------- memory


class _Sink:
    """A text file that keeps nothing: what the writer holds is all that is measured."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, piece: str) -> int:
        self.size += len(piece)
        return len(piece)


def _large(turns: int) -> Transcript:
    base = next(t for t in FIXTURES if any(isinstance(turn, Speech) for turn in t.turns))
    many = [base.turns[index % len(base.turns)] for index in range(turns)]
    return base.model_copy(update={"turns": many})


@pytest.mark.parametrize("name", ["tei", "akn", "json"])
def test_writing_a_large_transcript_holds_a_turn_not_the_document(name: str) -> None:
    transcript = _large(6000)
    write_stream = tm.get_format(name).function("stream")
    sink = _Sink()
    tracemalloc.start()
    try:
        write_stream([transcript], sink)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The document is megabytes; the whole-document writers held it several times over.
    assert sink.size > 3_000_000
    assert peak < sink.size / 20, f"{peak:,} bytes held writing {sink.size:,} characters"


# ----------------------------------------------------------------------------- the command


def _refusing(function: Any) -> Any:
    """``function``, failing the test when it is given a transcript with turns to write whole
    (the AKN stream writer checks its options on the transcript without its turns)."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        given = [a for a in args if isinstance(a, Transcript)]
        given += [t for a in args if isinstance(a, list) for t in a if isinstance(t, Transcript)]
        if any(t.turns for t in given):
            raise AssertionError("the whole document was made")
        return function(*args, **kwargs)

    return guarded


def _no_whole_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    from transcript_model.cli import convert, jobs

    monkeypatch.setattr(convert, "write", _refusing(convert.write))
    monkeypatch.setattr(jobs, "write", _refusing(jobs.write))
    monkeypatch.setattr(tei_writer, "document", _refusing(tei_writer.document))
    monkeypatch.setattr(akn_writer, "write_document", _refusing(akn_writer.write_document))


@pytest.mark.parametrize(
    ("target", "extension"), [("tei", ".tei.xml"), ("akn", ".akn.xml"), ("json", ".json")]
)
def test_the_command_streams_to_a_file_and_to_a_directory(
    target: str,
    extension: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = ROOT / "examples" / "parliament" / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.json"
    [transcript] = tm.read(source)
    expected = tm.write(transcript, target).encode("utf-8")
    _no_whole_documents(monkeypatch)
    out = tmp_path / f"one{extension}"
    assert cli.main(["convert", "-q", str(source), "--to", target, "-o", str(out)]) == 0
    assert out.read_bytes() == expected
    out_dir = tmp_path / "many"
    assert cli.main(["convert", "-q", str(source), "--to", target, "--out-dir", str(out_dir)]) == 0
    assert (out_dir / f"{transcript.id}{extension}").read_bytes() == expected
    assert cli.main(["convert", "-q", str(source), "--to", target]) == 0
    assert capsys.readouterr().out.encode("utf-8") == expected


def test_a_writer_that_fails_midway_leaves_no_file_in_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = ROOT / "examples" / "kremlin-2022-03-11.json"

    def failing(*args: Any, **kwargs: Any) -> Any:
        yield "<TEI>"
        raise RuntimeError("the writer broke")

    monkeypatch.setattr(tei_writer, "document_pieces", failing)
    out_dir = tmp_path / "out"
    code = cli.main(["convert", str(source), "--to", "tei", "--out-dir", str(out_dir)])
    assert code == 2  # as for a converter bug met while reading
    assert "internal error: RuntimeError: the writer broke" in capsys.readouterr().err
    assert list(out_dir.iterdir()) == []
