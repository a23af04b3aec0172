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


def _valid(size_bytes: int, **fields: Any) -> bytes:
    return json.dumps({**_BASE, **fields}, indent=1).encode("utf-8")


def long_urls(size_bytes: int) -> bytes:
    """A valid transcript of "See also" links whose URLs (each as long as the quick route
    matches) are full of what the URL pattern branches on: escapes, colons, slashes, question
    marks."""
    url = "https://example.org/" + "a:%20b/?" * 12_000
    links = [{"title": "Link", "url": url}] * max(1, size_bytes // len(url))
    return _valid(size_bytes, metadata={"see_also": links})


def long_language_tags(size_bytes: int) -> bytes:
    """A valid transcript of speeches whose language tags repeat a subtag of the longest
    length."""
    speech = {"kind": "speech", "label": "A", "paragraphs": ["Yes."]}
    speech["language"] = "en" + "-abcdefgh" * 1_000
    turns = [speech] * max(1, size_bytes // len(json.dumps(speech, indent=1)))
    return _valid(size_bytes, turns=turns)


def interrupted_speeches(size_bytes: int) -> bytes:
    """A valid transcript of speeches whose paragraphs have events inside: every item of the
    speeches' and paragraphs' unions told apart."""
    paragraph = {
        "kind": "paragraph",
        "content": ["We will", {"kind": "vocal", "type": "applause", "speaker": "p"}, "go on."],
    }
    speech = {
        "kind": "speech",
        "speaker": "p",
        "paragraphs": ["Thank you.", paragraph, {"kind": "kinesic", "type": "applause"}],
    }
    turns = [speech] * (size_bytes // len(json.dumps(speech, indent=1)))
    return _valid(size_bytes, participants=[{"id": "p", "name": "P"}], turns=turns)


SHAPES: dict[str, Callable[[int], bytes] | tuple[str, Callable[[int], bytes]]] = {
    "stage_line_breaks": stage_line_breaks,
    "unknown_speakers": unknown_speakers,
    "duplicate_participants": duplicate_participants,
    "unknown_keys": unknown_keys,
    "bad_transcripts_in_an_array": bad_transcripts_in_an_array,
    # Valid files, shown valid by the quick route of ``transcript validate`` (no pydantic),
    # whose patterns run in Python's backtracking engine rather than pydantic's linear one.
    "quick_long_urls": ("json-quick", long_urls),
    "quick_long_language_tags": ("json-quick", long_language_tags),
    "quick_interrupted_speeches": ("json-quick", interrupted_speeches),
}
