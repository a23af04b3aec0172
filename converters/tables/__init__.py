"""The turns table (one row per paragraph) or speeches table: CSV, TSV, Parquet; export only."""

from __future__ import annotations

from transcript_model.contract import Format

_CONVERT = "transcript_model.converters.tables.convert"

FORMATS = (
    Format(
        name="csv",
        description="turns table, export only",
        extensions=(".csv",),
        media_type="text/csv",
        write=f"{_CONVERT}:write",
        write_stream=f"{_CONVERT}:write_stream",
        write_defaults={"delimiter": ","},
    ),
    Format(
        name="tsv",
        description="turns table, export only",
        extensions=(".tsv",),
        media_type="text/tab-separated-values",
        write=f"{_CONVERT}:write",
        write_stream=f"{_CONVERT}:write_stream",
        write_defaults={"delimiter": "\t"},
    ),
    Format(
        name="parquet",
        description="turns table as typed Parquet columns, export only (extra: parquet)",
        extensions=(".parquet",),
        media_type="application/vnd.apache.parquet",
        write="transcript_model.converters.tables.parquet:write",
        write_stream="transcript_model.converters.tables.parquet:write_stream",
        binary=True,
    ),
)
