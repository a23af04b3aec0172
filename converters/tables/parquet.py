"""The turns table (or the speeches table) as Apache Parquet, with typed columns. Export only.

The same rows and columns as the CSV table (:mod:`.convert`), typed: ``date`` is a date,
``time`` a time of day, indices and counts are 32-bit integers, speakers, names, roles, labels
and turn kinds are dictionary-encoded (categories in pandas), and absent values are nulls, not
empty strings. ``pandas.read_parquet``, ``polars.read_parquet``, DuckDB's ``read_parquet`` and
R's ``arrow::read_parquet`` load it with those types.

Needs pyarrow (``pip install 'transcript-model[parquet]'``); importing this module without it
raises a TranscriptError that says so.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import BinaryIO

from transcript_model.errors import TranscriptError
from transcript_model.model import Transcript

from ._arrow import (
    DEFAULT_ROW_GROUP_SIZE,
    checked_row_group_size,
    missing_pyarrow,
    row_groups,
    schema,
)

try:
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]
except ImportError as error:
    raise missing_pyarrow() from error

#: Compression codecs offered; zstd compresses text well and every current reader has it.
COMPRESSIONS = ("zstd", "snappy", "gzip", "none")


def write(
    transcripts: Sequence[Transcript],
    *,
    table: str = "turns",
    row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
    compression: str = "zstd",
) -> bytes:
    """Render transcripts as one Parquet file (export only: it cannot be read back).

    ``table`` is ``"turns"`` (one row per paragraph) or ``"speeches"`` (one row per speech turn
    with its word count); ``row_group_size`` is the number of rows per row group;
    ``compression`` is one of :data:`COMPRESSIONS`.
    """
    buffer = io.BytesIO()
    write_stream(
        transcripts, buffer, table=table, row_group_size=row_group_size, compression=compression
    )
    return buffer.getvalue()


def write_stream(
    transcripts: Iterable[Transcript],
    out: BinaryIO,
    *,
    table: str = "turns",
    row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
    compression: str = "zstd",
) -> None:
    """Write transcripts to the binary stream ``out`` as one Parquet file, one row group at a time.

    Memory is bounded by one row group and one transcript whatever the number of transcripts,
    so an iterator that reads files lazily converts a whole archive. Options as for
    :func:`write`. ``out`` is left open.
    """
    size = checked_row_group_size(row_group_size)
    codec = _checked_compression(compression)
    with pq.ParquetWriter(out, schema(table), compression=codec) as writer:
        for group in row_groups(transcripts, table, size):
            writer.write_table(group, row_group_size=size)


def _checked_compression(compression: str) -> str:
    if compression not in COMPRESSIONS:
        raise TranscriptError.single(
            "option",
            f"unknown compression {compression!r} (expected one of: {', '.join(COMPRESSIONS)})",
            "<options>",
        )
    return compression
