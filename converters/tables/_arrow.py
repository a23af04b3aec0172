"""The turns and speeches tables as Arrow data, shared by the Parquet and Arrow IPC writers.

Column types follow the column kinds of :mod:`.convert`: dates are ``date32``, the start time is
``time32[ms]`` (the model's time is local and whole seconds; its UTC offset is not a column, as
in the CSV table; Parquet stores times in milliseconds at the finest, so that is the unit that
reads back unchanged), indices and counts are ``int32``, speakers, names, roles, labels and turn
kinds are dictionary-encoded strings, and other text is ``string``. Columns are nullable where
the model allows an absent value.

Rows are turned into Arrow arrays one transcript at a time and gathered, outside the Python
heap, into groups of a fixed number of rows, so a whole archive streams through with memory
bounded by one group and one transcript.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from transcript_model.errors import TranscriptError
from transcript_model.model import Transcript

from .convert import ColumnKind, Record, records_function, table_columns

#: The optional extra that installs pyarrow.
EXTRA = "transcript-model[parquet]"


def missing_pyarrow() -> TranscriptError:
    """The error for a typed table asked for where pyarrow is not installed."""
    return TranscriptError.single(
        "missing_dependency",
        f"Parquet and Arrow output need pyarrow, which is not installed: "
        f"install {EXTRA} (pip install '{EXTRA}')",
        "<output>",
    )


try:
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
except ImportError as error:
    raise missing_pyarrow() from error

#: Rows per group (a Parquet row group, an Arrow IPC record batch) unless told otherwise:
#: big enough for good compression and fast scans, small enough to hold in memory.
DEFAULT_ROW_GROUP_SIZE = 16_384

_TYPES: dict[ColumnKind, Any] = {
    "text": pa.string(),
    "category": pa.dictionary(pa.int32(), pa.string()),
    "date": pa.date32(),
    "time": pa.time32("ms"),
    "integer": pa.int32(),
}


def schema(table: str) -> Any:
    """The Arrow schema of ``table`` (``"turns"`` or ``"speeches"``)."""
    fields = [
        pa.field(column.name, _TYPES[column.kind], nullable=column.nullable)
        for column in table_columns(table)
    ]
    return pa.schema(fields, metadata={"transcript_model.table": table})


def checked_row_group_size(row_group_size: int) -> int:
    """``row_group_size`` if it is a whole number of rows above zero; else a TranscriptError."""
    if isinstance(row_group_size, bool) or not isinstance(row_group_size, int):
        raise _option_error(f"row_group_size must be a whole number, not {row_group_size!r}")
    if row_group_size < 1:
        raise _option_error(f"row_group_size must be at least 1, not {row_group_size}")
    return row_group_size


def row_groups(transcripts: Iterable[Transcript], table: str, row_group_size: int) -> Iterator[Any]:
    """Arrow tables of exactly ``row_group_size`` rows (the last one may be shorter).

    Each transcript is released once its rows are Arrow arrays, before the next one is drawn.
    """
    table_schema = schema(table)
    records_of = records_function(table)
    pending: list[Any] = []
    pending_rows = 0
    for transcript in transcripts:
        batch = _batch(list(records_of(transcript)), table_schema)
        del transcript
        pending.append(batch)
        pending_rows += batch.num_rows
        while pending_rows >= row_group_size:
            gathered = pa.Table.from_batches(pending, table_schema)
            yield gathered.slice(0, row_group_size)
            rest = gathered.slice(row_group_size)
            pending, pending_rows = rest.to_batches(), rest.num_rows
    if pending_rows:
        yield pa.Table.from_batches(pending, table_schema)


def _batch(records: list[Record], table_schema: Any) -> Any:
    # One array per column, built from the column's values of this transcript only.
    columns = list(zip(*records, strict=True)) or [() for _ in table_schema]
    arrays = [
        pa.array(values, type=field.type)
        for values, field in zip(columns, table_schema, strict=True)
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=table_schema)


def _option_error(message: str) -> TranscriptError:
    return TranscriptError.single("option", message, "<options>")
