"""Hostile shapes for the JSON reader and the error locator (issue 13, finding 1).

Each function returns canonical JSON of about ``size_bytes`` that is full of one kind of
problem, so that validating it reports thousands of located errors. Locating them used to
re-scan the file once per error (quadratic); :mod:`benchmarks.bench_complexity` times each
shape at two sizes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import count
from typing import Any

_BASE: dict[str, Any] = {
    "id": "t",
    "language": "en",
    "event": {"title": "Meeting", "date": "2022-03-11"},
}


def _document(items: Iterator[Any], size_bytes: int, key: str = "turns") -> bytes:
    collected: list[Any] = []
    used = 200
    for item in items:
        collected.append(item)
        used += len(json.dumps(item)) + 8
        if used >= size_bytes:
            break
    return json.dumps({**_BASE, key: collected}, indent=1).encode("utf-8")


def stage_line_breaks(size_bytes: int) -> bytes:
    """Stage turns whose text holds a line break: one error each (the finding's shape)."""
    return _document(({"kind": "stage", "text": "a\nb"} for _ in count()), size_bytes)


def unknown_speakers(size_bytes: int) -> bytes:
    """Speeches by distinct speakers nobody declared: one cross-field error each."""
    speeches = (
        {"kind": "speech", "speaker": f"p{n}", "label": f"P{n}", "paragraphs": ["Text."]}
        for n in count()
    )
    return _document(speeches, size_bytes)


def duplicate_participants(size_bytes: int) -> bytes:
    """The same participant id declared over and over."""
    people = ({"id": "same", "name": f"Person {n}"} for n in count())
    return _document(people, size_bytes, key="participants")


def unknown_keys(size_bytes: int) -> bytes:
    """Turns that each carry a key the model does not know."""
    return _document(({"kind": "break", f"extra{n}": 1} for n in count()), size_bytes)


def bad_transcripts_in_an_array(size_bytes: int) -> bytes:
    """An array of transcripts, each with an id that is not a name."""
    items: list[Any] = []
    used = 2
    for n in count():
        item = {**_BASE, "id": f"{n} bad"}
        items.append(item)
        used += len(json.dumps(item)) + 4
        if used >= size_bytes:
            break
    return json.dumps(items, indent=1).encode("utf-8")


SHAPES: dict[str, Callable[[int], bytes]] = {
    "stage_line_breaks": stage_line_breaks,
    "unknown_speakers": unknown_speakers,
    "duplicate_participants": duplicate_participants,
    "unknown_keys": unknown_keys,
    "bad_transcripts_in_an_array": bad_transcripts_in_an_array,
}
