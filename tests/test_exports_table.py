"""The turns table (CSV and TSV): every paragraph once, with its speaker, and it parses back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given

import transcript_model as tm
from transcript_model.converters.tables import convert as turns_table
from transcript_model.model import Transcript

from conftest import ROOT
from strategies import transcripts

DATA = ROOT / "tests" / "data" / "exports"
HEADER = [
    "transcript_id", "date", "time", "title", "turn_index", "turn_kind", "speaker_id",
    "speaker_name", "role", "label", "paragraph_index", "text",
    "speaker_function", "speaker_party", "speaker_group", "speaker_sex",
]  # fmt: skip
#: The 1.1 columns of a 1.0 transcript (no function, parties, groups or sex): empty; their
#: values are checked in test_tables_1_1.py.
NO_FACTS = ["", "", "", ""]


def _parse(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))


def _expected_rows(transcript: Transcript) -> list[list[str]]:
    """The rows the table must hold, worked out from the model without the writer's helpers."""
    names = {p.id: p.name or "" for p in transcript.participants}
    time = transcript.event.time.isoformat() if transcript.event.time else ""
    head = [transcript.id, transcript.event.date.isoformat(), time, transcript.event.title]
    rows = []
    for number, turn in enumerate(transcript.turns, 1):
        data = turn.model_dump()
        speaker = data.get("speaker") or ""
        who = [speaker, names.get(speaker, ""), data.get("role") or "", data.get("label") or ""]
        texts = data.get("paragraphs") or [data.get("text") or data.get("marker")]
        first = 1 if "paragraphs" in data else 0
        for index, text in enumerate(texts, first):
            rows.append([*head, str(number), turn.kind, *who, str(index), text, *NO_FACTS])
    return rows


@given(transcripts())
def test_every_paragraph_appears_once_with_its_speaker_and_parses_back(
    transcript: Transcript,
) -> None:
    # One property for every check, so that each generated transcript is drawn only once
    # (drawing dominates the run time).
    _check_turns_tables(transcript)
    _check_speeches_table(transcript)
    _check_streaming_equals_writing(_many(transcript))


def _check_turns_tables(transcript: Transcript) -> None:
    expected = _expected_rows(transcript)
    for delimiter, fmt, line_end in ((",", "csv", "\r\n"), ("\t", "tsv", "\n")):
        text = tm.write(transcript, fmt)
        rows = _parse(text, delimiter)
        assert rows[0] == HEADER
        assert rows[1:] == expected
        # Model text holds no line break, so a row never spans lines: line tools work too.
        assert text.endswith(line_end)
        assert text.count(line_end) == text.count("\n") == len(expected) + 1


def _check_speeches_table(transcript: Transcript) -> None:
    rows = _parse(tm.write(transcript, "tsv", table="speeches"), "\t")
    assert rows[0] == list(turns_table.SPEECH_COLUMNS)
    speeches = [(n, t) for n, t in enumerate(transcript.turns, 1) if isinstance(t, tm.Speech)]
    assert len(rows) - 1 == len(speeches)
    names = {p.id: p.name or "" for p in transcript.participants}
    for row, (number, turn) in zip(rows[1:], speeches, strict=True):
        speaker = turn.speaker or ""
        words = sum(turns_table.word_count(p) for p in turn.paragraphs)
        assert row == [
            f"{transcript.id}.{number}", transcript.id, transcript.event.date.isoformat(),
            str(number), speaker, names.get(speaker, ""), turn.role or "", turn.label or "",
            str(len(turn.paragraphs)), str(words), *NO_FACTS,
        ]  # fmt: skip


def _many(transcript: Transcript) -> list[Transcript]:
    """Several transcripts around a generated one: the samples and a copy under another id."""
    first, last = _sample()
    return [first, transcript, transcript.model_copy(update={"id": transcript.id + "-2"}), last]


def _check_streaming_equals_writing(items: list[Transcript]) -> None:
    for delimiter in (",", "\t"):
        out = io.StringIO(newline="")
        turns_table.write_stream(iter(items), out, delimiter=delimiter)
        assert out.getvalue() == turns_table.write(items, delimiter=delimiter)
        data_rows = _parse(out.getvalue(), delimiter)[1:]
        assert data_rows == [row for t in items for row in _expected_rows(t)]


class _Recorder(io.StringIO):
    """An output that notes how many transcripts the input had produced at each write."""

    def __init__(self, produced: list[int]) -> None:
        super().__init__(newline="")
        self.produced = produced
        self.seen: list[tuple[str, int]] = []

    def write(self, text: str, /) -> int:
        self.seen.append((text.split(",", 1)[0], self.produced[0]))
        return super().write(text)


def test_write_stream_holds_one_transcript_at_a_time() -> None:
    items = [_sample()[0].model_copy(update={"id": f"t{n}"}) for n in range(3)]
    produced = [0]

    def lazily() -> Iterator[Transcript]:
        for item in items:
            produced[0] += 1
            yield item

    out = _Recorder(produced)
    turns_table.write_stream(lazily(), out)
    rows = [(first, count) for first, count in out.seen if first != "transcript_id"]
    assert rows
    # Every row of transcript tN is written before transcript tN+1 is drawn from the input.
    assert all(count == int(first[1:]) + 1 for first, count in rows)


@cache
def _samples() -> tuple[Transcript, ...]:
    return tuple(tm.read(DATA / "sample.json"))


def _sample() -> list[Transcript]:
    return list(_samples())


@pytest.mark.parametrize(
    ("fmt", "options", "expected"),
    [
        ("csv", {}, "sample.csv"),
        ("tsv", {}, "sample.tsv"),
        ("tsv", {"table": "speeches"}, "sample.speeches.tsv"),
    ],
)
def test_sample_table_is_as_documented(fmt: str, options: dict[str, str], expected: str) -> None:
    assert tm.write(_sample(), fmt, **options) == (DATA / expected).read_bytes().decode("utf-8")


def test_sample_quotes_only_fields_that_need_it() -> None:
    lines = (DATA / "sample.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1] == (
        'sample-1,2022-03-11,11:15:00,"Meeting with ""quoted"" words, commas, and a semicolon;"'
        ",1,narrative,,,,,1,The President held a meeting.,,,,"
    )
    tsv = (DATA / "sample.tsv").read_text(encoding="utf-8")
    # A tab inside the text is kept and quoted, not replaced.
    assert '"He said: ""We [will] act""\tnow – and 34 percent."\t\t\t\t\n' in tsv


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Good afternoon, colleagues.", 3),
        ("We – «we» – act… 34 percent", 5),
        ("Commander-in-Chief,\tand\u00a0so", 3),
        ("– … —", 0),
        ("Кто ответит? 😀", 2),
    ],
)
def test_word_count_counts_tokens_with_a_letter_or_digit(text: str, words: int) -> None:
    assert turns_table.word_count(text) == words


def test_header_can_be_left_out_for_appending() -> None:
    with_header = tm.write(_sample(), "csv")
    without = tm.write(_sample(), "csv", header=False)
    assert with_header == ",".join(HEADER) + "\r\n" + without


@pytest.mark.parametrize(
    "options",
    [{"table": "paragraphs"}, {"delimiter": '"'}, {"delimiter": "ab"}, {"delimiter": "x"}],
)
def test_bad_options_are_refused_with_a_transcript_error(options: dict[str, str]) -> None:
    with pytest.raises(tm.TranscriptError) as caught:
        tm.write(_sample(), "csv", **options)
    assert caught.value.problems[0].code == "option"


def test_semicolon_tables_parse_back() -> None:
    text = tm.write(_sample(), "csv", delimiter=";")
    assert _parse(text, ";")[1:] == [row for t in _sample() for row in _expected_rows(t)]


def test_tables_are_export_only(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text(tm.write(_sample(), "csv"), encoding="utf-8", newline="")
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(path, "csv")
    assert caught.value.problems[0].code == "write_only"
    assert tm.get_format("csv").reads is False
    assert "export only" in tm.get_format("tsv").description
