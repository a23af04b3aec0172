"""The turns table: one row per paragraph (export only)."""

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
)
