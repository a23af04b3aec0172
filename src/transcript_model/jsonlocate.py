"""Find where things sit in a JSON text, to put line and column on errors.

Used only after parsing or validation has failed, so it favours clarity and bounded memory over
speed: one iterative pass over the tokens (no recursion, so any nesting depth is safe).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from transcript_model.inputs import line_column

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t\r\n]+)
    |(?P<string>"(?:[^"\\]|\\.)*")
    |(?P<open>[{\[])
    |(?P<close>[}\]])
    |(?P<colon>:)
    |(?P<comma>,)
    |(?P<scalar>[^\s{}\[\]:,"]+)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass
class _Frame:
    is_object: bool
    step: int | str | None
    awaiting_key: bool
    keys: set[str] = field(default_factory=set)


def _walk(text: str) -> Iterator[tuple[str, list[int | str | None], int]]:
    """Yield ("value", path, offset) for every value and ("key", path, offset) for every key
    (the path then ends with the key); stop quietly at text that is not JSON."""
    stack: list[_Frame] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            return
        kind, start, position = match.lastgroup, position, match.end()
        if kind in ("space", "colon"):
            continue
        if kind == "comma":
            if stack and stack[-1].is_object:
                stack[-1].awaiting_key = True
            elif stack and isinstance(stack[-1].step, int):
                stack[-1].step += 1
            continue
        if kind == "close":
            if stack:
                stack.pop()
            continue
        if kind == "string" and stack and stack[-1].awaiting_key:
            frame = stack[-1]
            frame.step, frame.awaiting_key = _decode_key(match.group()), False
            yield "key", [f.step for f in stack], start
            continue
        yield "value", [f.step for f in stack], start
        if kind == "open":
            is_object = match.group() == "{"
            stack.append(_Frame(is_object, None if is_object else 0, is_object))


def locate(text: str, path: Sequence[int | str]) -> tuple[int, int] | None:
    """Return the 1-based (line, column) of the value at ``path``, or of its deepest existing
    ancestor when the value is missing; None when the text cannot be scanned."""
    target = list(path)
    best: int | None = None
    best_depth = -1
    for event, current, offset in _walk(text):
        if event != "value":
            continue
        depth = _matching_prefix(current, target)
        if depth == len(current) and depth > best_depth:
            best, best_depth = offset, depth
            if depth == len(target):
                break
    return None if best is None else line_column(text, best)


def find_duplicate_key(text: str) -> tuple[str, int, int] | None:
    """The first key that repeats within one object, with its (line, column); else None."""
    seen: dict[tuple[int | str | None, ...], set[str]] = {}
    for event, current, offset in _walk(text):
        if event == "value" and text[offset] == "{":
            seen[tuple(current)] = set()
        elif event == "key":
            keys = seen.setdefault(tuple(current[:-1]), set())
            key = str(current[-1])
            if key in keys:
                return (key, *line_column(text, offset))
            keys.add(key)
    return None


def _matching_prefix(current: list[int | str | None], target: list[int | str]) -> int:
    count = 0
    for have, want in zip(current, target, strict=False):
        if have != want:
            break
        count += 1
    return count


def _decode_key(token: str) -> str:
    try:
        return str(json.loads(token))
    except ValueError:
        return token[1:-1]
