"""Popolo JSON: events, persons, memberships and speeches (export only)."""

from __future__ import annotations

from transcript_model.contract import Format

FORMATS = (
    Format(
        name="popolo",
        description="Popolo JSON, export only",
        extensions=(".popolo.json",),
        media_type="application/json",
        write="transcript_model.converters.popolo.convert:write",
    ),
)
