"""The turns table as Parquet: typed columns, the CSV table's rows and values, streamed in groups.

Read back with pyarrow, with pandas (the dtypes researchers get from ``pd.read_parquet``) and,
where installed, with DuckDB and polars.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import sys
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from hypothesis import given

import transcript_model as tm
from transcript_model.converters.tables import convert as turns_table
from transcript_model.model import Transcript

from conftest import ROOT
from strategies import transcripts

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
parquet = importlib.import_module("transcript_model.converters.tables.parquet")

DATA = ROOT / "tests" / "data" / "exports"
CATEGORY = pa.dictionary(pa.int32(), pa.string())
SPEAKER_FACTS = [
    ("speaker_function", CATEGORY, True),
    ("speaker_party", CATEGORY, True),
    ("speaker_group", CATEGORY, True),
    ("speaker_sex", CATEGORY, True),
]
TURNS_SCHEMA = [
    ("transcript_id", pa.string(), False),
    ("date", pa.date32(), False),
    ("time", pa.time32("ms"), True),
    ("title", pa.string(), False),
    ("turn_index", pa.int32(), False),
    ("turn_kind", CATEGORY, False),
    ("speaker_id", CATEGORY, True),
    ("speaker_name", CATEGORY, True),
    ("role", CATEGORY, True),
    ("label", CATEGORY, True),
    ("paragraph_index", pa.int32(), False),
    ("text", pa.string(), False),
    *SPEAKER_FACTS,
]
SPEECHES_SCHEMA = [
    ("speech_id", pa.string(), False),
    ("transcript_id", pa.string(), False),
    ("date", pa.date32(), False),
    ("turn_index", pa.int32(), False),
    ("speaker_id", CATEGORY, True),
    ("speaker_name", CATEGORY, True),
    ("role", CATEGORY, True),
    ("label", CATEGORY, True),
    ("paragraphs", pa.int32(), False),
    ("words", pa.int32(), False),
    *SPEAKER_FACTS,
]


@cache
def _samples() -> tuple[Transcript, ...]:
    return tuple(tm.read(DATA / "sample.json"))


def _read(data: bytes) -> Any:
    return pq.read_table(io.BytesIO(data))


def _fields(table: Any) -> list[tuple[str, Any, bool]]:
    return [(field.name, field.type, field.nullable) for field in table.schema]


def _csv_rows(items: list[Transcript], table: str) -> list[list[str]]:
    text = turns_table.write(items, table=table)
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))[1:]


def _as_csv_text(value: object) -> str:
    # What the CSV table writes for a value: ISO 8601 for dates and times, nothing for null.
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _assert_same_values_as_csv(items: list[Transcript], table: str) -> None:
    read_back = _read(parquet.write(items, table=table)).to_pylist()
    assert [[_as_csv_text(v) for v in row.values()] for row in read_back] == _csv_rows(items, table)


@pytest.mark.parametrize(
    ("table", "expected"), [("turns", TURNS_SCHEMA), ("speeches", SPEECHES_SCHEMA)]
)
def test_columns_are_typed_and_nullable_where_the_model_allows_none(
    table: str, expected: list[tuple[str, Any, bool]]
) -> None:
    read_back = _read(parquet.write(list(_samples()), table=table))
    assert _fields(read_back) == expected
    assert [name for name, _, _ in expected] == [c.name for c in turns_table.table_columns(table)]


@given(transcripts())
def test_every_paragraph_is_one_row_with_the_csv_tables_values(transcript: Transcript) -> None:
    items = [*_samples(), transcript]
    _assert_same_values_as_csv(items, "turns")
    _assert_same_values_as_csv(items, "speeches")
    paragraphs = sum(len(getattr(turn, "paragraphs", [None])) for t in items for turn in t.turns)
    assert _read(parquet.write(items)).num_rows == paragraphs


def test_absent_values_are_nulls_not_empty_strings() -> None:
    untimed = _samples()[0].model_copy(
        update={"event": _samples()[0].event.model_copy(update={"time": None})}
    )
    rows = _read(parquet.write([untimed])).to_pylist()
    assert {row["time"] for row in rows} == {None}
    stage = next(row for row in rows if row["turn_kind"] == "stage")
    assert [stage[c] for c in ("speaker_id", "speaker_name", "role", "label")] == [None] * 4
    question = next(row for row in rows if row["label"] == "Question")
    assert question["speaker_id"] is None
    assert question["date"] == dt.date(2022, 3, 11)
    assert "" not in {value for row in rows for value in row.values()}


def test_pandas_reads_dates_times_integers_and_categories() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(io.BytesIO(parquet.write(list(_samples()))))
    # Dates and times arrive as datetime.date / datetime.time objects (pandas has no date-only
    # dtype), indices as int32, speakers, names, roles, labels and kinds as categories, other
    # text as pandas' string dtype (``str`` from pandas 3, ``object`` before).
    assert frame["date"].dtype == object
    assert frame["date"].iloc[0] == dt.date(2022, 3, 11)
    assert frame["time"].iloc[0] == dt.time(11, 15)
    assert frame["turn_index"].dtype == "int32"
    assert frame["paragraph_index"].dtype == "int32"
    for column in ("turn_kind", "speaker_id", "speaker_name", "role", "label"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    for column in ("transcript_id", "title", "text"):
        assert pd.api.types.is_string_dtype(frame[column].dtype), column
    assert pd.isna(frame["speaker_id"].iloc[0])
    assert set(frame["turn_kind"].cat.categories) <= set(tm.model.TURN_KINDS)
    # Asked for, dates come as datetime64 for date arithmetic.
    typed = pq.read_table(io.BytesIO(parquet.write(list(_samples())))).to_pandas(
        date_as_object=False
    )
    assert pd.api.types.is_datetime64_any_dtype(typed["date"].dtype)


def test_duckdb_queries_the_file(tmp_path: Any) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "turns.parquet"
    path.write_bytes(parquet.write(list(_samples())))
    query = f"SELECT speaker_name, count(*) FROM '{path}' GROUP BY 1"
    names = Counter(row[7] or None for row in _csv_rows(list(_samples()), "turns"))
    assert dict(duckdb.sql(query).fetchall()) == names
    described = duckdb.sql(f"DESCRIBE SELECT date, time, turn_index FROM '{path}'").fetchall()
    assert [(row[0], row[1]) for row in described] == [
        ("date", "DATE"),
        ("time", "TIME"),
        ("turn_index", "INTEGER"),
    ]


def test_polars_reads_the_file() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(io.BytesIO(parquet.write(list(_samples()))))
    assert frame.schema["date"] == pl.Date
    assert frame.schema["turn_index"] == pl.Int32
    assert frame.schema["speaker_name"] == pl.Categorical
    assert frame.height == len(_csv_rows(list(_samples()), "turns"))


@pytest.mark.parametrize("table", ["turns", "speeches"])
def test_empty_input_is_a_valid_file_with_the_columns_and_no_rows(table: str) -> None:
    read_back = _read(parquet.write([], table=table))
    assert read_back.num_rows == 0
    assert _fields(read_back) == (TURNS_SCHEMA if table == "turns" else SPEECHES_SCHEMA)


def test_rows_are_written_in_groups_of_the_given_size_while_streaming() -> None:
    items = [t.model_copy(update={"id": f"{t.id}-{n}"}) for n in range(5) for t in _samples()]
    produced = [0]
    groups_seen: list[int] = []

    class Sink(io.BytesIO):
        def write(self, data: Any, /) -> int:
            groups_seen.append(produced[0])
            return super().write(data)

    def lazily() -> Iterator[Transcript]:
        for item in items:
            produced[0] += 1
            yield item

    out = Sink()
    parquet.write_stream(lazily(), out, row_group_size=7)
    rows = len(_csv_rows(items, "turns"))
    metadata = pq.ParquetFile(io.BytesIO(out.getvalue())).metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert sizes == [7] * (rows // 7) + ([rows % 7] if rows % 7 else [])
    # The file is written as the input is drawn, not all at the end.
    assert min(groups_seen) < len(items) / 2
    assert out.getvalue() == parquet.write(items, row_group_size=7)


@pytest.mark.parametrize(
    "options",
    [
        {"table": "paragraphs"},
        {"row_group_size": 0},
        {"row_group_size": "many"},
        {"compression": "rar"},
    ],
)
def test_bad_options_are_refused_with_a_transcript_error(options: dict[str, Any]) -> None:
    with pytest.raises(tm.TranscriptError) as caught:
        parquet.write(list(_samples()), **options)
    assert caught.value.problems[0].code == "option"


def test_without_pyarrow_the_import_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A None entry in sys.modules makes "import pyarrow" fail as if it were not installed.
    for name in list(sys.modules):
        if name == "pyarrow" or name.startswith("pyarrow."):
            monkeypatch.setitem(sys.modules, name, None)
    for name in ("parquet", "_arrow"):
        monkeypatch.delitem(sys.modules, f"transcript_model.converters.tables.{name}")
    with pytest.raises(tm.TranscriptError) as caught:
        importlib.import_module("transcript_model.converters.tables.parquet")
    problem = caught.value.problems[0]
    assert problem.code == "missing_dependency"
    assert "install transcript-model[parquet]" in problem.message
