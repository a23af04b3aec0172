"""Canonical JSON: one transcript object, or an array of them (read, validate, write)."""

from __future__ import annotations

from transcript_model.contract import Format

from .._sniffing import markup_head, opens_like_json

_CONVERT = "transcript_model.converters.json.convert"


def sniff(head: bytes) -> float:
    """An object or an array: sure when it names a schema version, likely otherwise."""
    start = markup_head(head)
    if not opens_like_json(start):
        return 0.0
    return 1.0 if b'"schema_version"' in start else 0.8


FORMATS = (
    Format(
        name="json",
        description="canonical JSON (one transcript or an array)",
        extensions=(".json",),
        media_type="application/json",
        sniff=sniff,
        read=f"{_CONVERT}:read",
        validate=f"{_CONVERT}:validate",
        write=f"{_CONVERT}:write",
        # The same bytes, written a turn at a time (a large transcript to a file).
        write_stream="transcript_model.converters.json.writer:write_stream",
    ),
)
