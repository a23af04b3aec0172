"""A large JSON transcript read turn by turn, and checked without holding its model (issue 18).

The turn-by-turn reader is a fast path for valid input: every answer, every problem and every
location must be exactly the whole-document reader's. Each test lowers the size from which it
is used, so that the small fixtures go through it.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import transcript_model as tm
from transcript_model import cli
from transcript_model.cli import checking
from transcript_model.converters.json import convert as json_reader
from transcript_model.converters.json import stream

DATA = Path(__file__).parent / "data"
FIXTURES = sorted(
    p for p in DATA.rglob("*.json") if p.name != "expected.json" and "sarif" not in p.parts
)
VALID = DATA / "cli" / "valid.json"


def _usual(data: bytes) -> tuple[Any, Any]:
    result = json_reader.validate(data, "in.json")
    return result.transcripts, result.problems


@pytest.fixture
def turn_by_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_reader, "STREAM_FROM", 0)
    monkeypatch.setattr(checking, "_JSON_STREAM_FROM", 0)


def test_the_command_and_the_reader_agree_on_the_size_it_starts_at() -> None:
    assert checking._JSON_STREAM_FROM == json_reader.STREAM_FROM


def test_the_command_knows_the_size_every_document_reader_streams_from() -> None:
    # The command keeps its own copies, so as not to import a converter for a small file.
    from transcript_model.cli import streaming
    from transcript_model.converters.akn import convert as akn_convert
    from transcript_model.converters.tei import convert as tei_convert
    from transcript_model.converters.text import stream_reader

    readers = {akn_convert.STREAM_FROM, tei_convert.STREAM_FROM, stream_reader.STREAM_FROM}
    assert readers == {checking._DOCUMENT_STREAM_FROM}
    assert readers == {streaming._DOCUMENT_STREAM_FROM}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
@pytest.mark.parametrize("window", [7, 1024 * 1024])
def test_every_fixture_reads_and_fails_exactly_as_before(
    path: Path, window: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = path.read_bytes()
    before = _usual(data)
    monkeypatch.setattr(json_reader, "STREAM_FROM", 0)
    monkeypatch.setattr(stream, "WINDOW_BYTES", window)  # values cut at window edges
    assert _usual(data) == before


def _transcript(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(VALID.read_text(encoding="utf-8"))
    document.update(changes)
    return document


def _speech(speaker: str, *blocks: Any) -> dict[str, Any]:
    return {"kind": "speech", "speaker": speaker, "paragraphs": list(blocks) or ["Words – said."]}


def _with_turns(*turns: dict[str, Any]) -> bytes:
    document = _transcript()
    speaker = document["participants"][0]["id"]
    body = [_speech(speaker, "Привет – “да”.", "x" * 3000) for _ in range(40)]
    document["turns"] = [*body, *turns, *body]
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _known() -> str:
    return str(_transcript()["participants"][0]["id"])


def _event(speaker: str) -> dict[str, Any]:
    return {"kind": "vocal", "type": "interjection", "text": "Hear!", "speaker": speaker}


@pytest.mark.parametrize(
    ("turns", "valid"),
    [
        ((), True),
        (({"kind": "narrative", "paragraphs": ["The meeting opens."]},), True),
        ((_speech("nobody-at-all"),), False),  # a speaker who is not a participant
        ((_speech(_known(), "Text.", _event(_known())),), True),
        ((_speech(_known(), "Text.", _event("nobody-at-all")),), False),  # an event's speaker
        (
            (
                _speech(
                    _known(),
                    {"kind": "paragraph", "content": ["Yes ", _event("nobody-at-all"), " no"]},
                ),
            ),
            False,
        ),
        ((_speech(_known(), "two\nlines"),), False),  # a turn's own rule
    ],
)
def test_checking_turn_by_turn_gives_the_usual_verdict(
    turns: tuple[dict[str, Any], ...], valid: bool
) -> None:
    data = _with_turns(*turns)
    transcripts, problems = _usual(data)
    assert (not problems and len(transcripts) == 1) is valid
    assert stream.check_turn_by_turn(data, json_reader.DECODER) is valid
    read = stream.read_turn_by_turn(data, json_reader.DECODER)
    assert (read == transcripts[0]) if valid else read is None


def test_duplicate_participants_are_not_taken_as_valid() -> None:
    document = _transcript()
    document["participants"] = [*document["participants"], document["participants"][0]]
    data = json.dumps(document).encode("utf-8")
    assert _usual(data)[1]
    assert not stream.check_turn_by_turn(data, json_reader.DECODER)


def test_checking_holds_neither_the_text_nor_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "WINDOW_BYTES", 64 * 1024)
    data = _with_turns(*[_speech(_known(), "Да – нет.", "y" * 2000)] * 3000)
    assert len(data) > 6_000_000
    assert stream.check_turn_by_turn(_with_turns(), json_reader.DECODER)  # caches filled
    tracemalloc.start()
    try:
        assert stream.check_turn_by_turn(data, json_reader.DECODER)
        _, checking_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        read = stream.read_turn_by_turn(data, json_reader.DECODER)
        _, reading_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read is not None and len(read.turns) == 3080
    # Reading holds the model (its text alone is as large as the file); checking a window.
    assert reading_peak > len(data)
    assert checking_peak < len(data) / 4


def test_the_command_reports_exactly_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    valid = tmp_path / "valid.json"
    valid.write_bytes(_with_turns())
    invalid = tmp_path / "invalid.json"
    invalid.write_bytes(_with_turns(_speech("nobody-at-all")))
    text = tmp_path / "notes.txt"
    text.write_text("Just some words.\n")
    outputs = []
    for size in (json_reader.STREAM_FROM, 0):
        monkeypatch.setattr(json_reader, "STREAM_FROM", size)
        monkeypatch.setattr(checking, "_JSON_STREAM_FROM", size)
        for options in ([], ["--output-format", "json"], ["--from", "json"]):
            code = cli.main(["validate", str(valid), str(invalid), *options])
            outputs.append((size, options, code, capsys.readouterr()))
    half = len(outputs) // 2
    for before, after in zip(outputs[:half], outputs[half:], strict=True):
        assert after[2:] == before[2:], after[1]
    assert outputs[0][2] == 1 and "unknown" in outputs[0][3].out + outputs[0][3].err


def test_converting_a_large_transcript_gives_the_same_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, turn_by_turn: None
) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(_with_turns(_speech(_known(), "Text.", _event(_known()))))
    monkeypatch.setattr(stream, "WINDOW_BYTES", 1000)
    assert cli.main(["convert", str(source), "--to", "json", "-o", str(tmp_path / "a.json")]) == 0
    monkeypatch.setattr(json_reader, "STREAM_FROM", 1 << 40)
    assert cli.main(["convert", str(source), "--to", "json", "-o", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert tm.read_one(tmp_path / "a.json") == tm.read_one(source)


def test_the_json_writer_writes_what_pydantic_dumps_with_a_newline() -> None:
    # The writer adds its newline to the bytes rather than to the text (memory): the same text.
    transcripts = [tm.read_one(VALID), tm.read_one(_with_turns(_speech(_known(), "“Да” – …")))]
    for compact in (False, True):
        indent = None if compact else 2
        for transcript in transcripts:
            expected = transcript.model_dump_json(indent=indent) + "\n"
            assert json_reader.write([transcript], compact=compact) == expected
        listed = json_reader._LIST_ADAPTER.dump_json(transcripts, indent=indent)
        assert json_reader.write(transcripts, compact=compact) == listed.decode("utf-8") + "\n"
