"""Canonical JSON: the model as it is, UTF-8, stable key order, pretty by default.

A file holds one transcript (an object) or several (an array of objects). Duplicate keys are
rejected rather than silently resolved, because the two usual answers (first wins, last wins)
disagree between JSON libraries and one of the values would be lost without a word.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import TypeAdapter, ValidationError

from transcript_model.errors import (
    Problem,
    TranscriptError,
    format_path,
    problems_from_validation_error,
)
from transcript_model.formats import ValidationResult
from transcript_model.inputs import ReadResult, decode_text
from transcript_model.jsonlocate import find_duplicate_key, locate
from transcript_model.model import SCHEMA_VERSION, Transcript

_LIST_ADAPTER = TypeAdapter(list[Transcript])


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def _parse(data: bytes, origin: str) -> tuple[list[Transcript], list[Problem]]:
    text = decode_text(data, origin)
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise TranscriptError.single(
            "json_syntax", f"invalid JSON: {error.msg}", origin, error.lineno, error.colno
        ) from None
    except _DuplicateKeyError as error:
        line, column = (find_duplicate_key(text) or (error.key, None, None))[1:]
        raise TranscriptError.single(
            "duplicate_key",
            f"key {error.key!r} appears twice in one object (duplicate keys are rejected)",
            origin,
            line,
            column,
        ) from None
    except RecursionError:
        raise TranscriptError.single(
            "too_deep", "the JSON is nested too deeply to be a transcript", origin
        ) from None
    if isinstance(document, dict):
        items, prefix = [document], False
    elif isinstance(document, list):
        items, prefix = document, True
    else:
        raise TranscriptError.single(
            "json_type", "expected a transcript object or an array of them", origin, 1, 1
        )
    transcripts: list[Transcript] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        loc: tuple[int, ...] = (index,) if prefix else ()
        version = item.get("schema_version", SCHEMA_VERSION) if isinstance(item, dict) else None
        if version != SCHEMA_VERSION and isinstance(version, str):
            message = f"schema_version {version!r} is not supported (expected {SCHEMA_VERSION!r})"
            steps: list[int | str] = [*loc, "schema_version"]
            line, column = locate(text, steps) or (None, None)
            problems.append(
                Problem("schema_version", message, origin, line, column, format_path(steps))
            )
            continue
        try:
            transcripts.append(Transcript.model_validate(item))
        except ValidationError as error:
            problems.extend(
                problems_from_validation_error(
                    error, origin, loc, position=lambda steps: locate(text, steps)
                )
            )
    return transcripts, problems


def read(data: bytes, origin: str = "<input>", **options: Any) -> ReadResult:
    """Read canonical JSON: one transcript object or an array of them."""
    transcripts, problems = _parse(data, origin)
    if problems:
        raise TranscriptError(problems)
    return ReadResult(transcripts)


def validate(data: bytes, origin: str = "<input>") -> ValidationResult:
    """Check canonical JSON and report every problem in every transcript of the file."""
    try:
        return ValidationResult(*_parse(data, origin))
    except TranscriptError as error:
        return ValidationResult([], error.problems)


def write(transcripts: Sequence[Transcript], *, compact: bool = False, **options: Any) -> str:
    """Write one transcript as an object, several as an array; pretty unless ``compact``."""
    indent = None if compact else 2
    if len(transcripts) == 1:
        text = transcripts[0].model_dump_json(indent=indent)
    else:
        text = _LIST_ADAPTER.dump_json(list(transcripts), indent=indent).decode("utf-8")
    return text + "\n"
