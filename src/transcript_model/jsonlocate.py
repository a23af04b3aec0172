"""Find where a value sits in a JSON text, to put line and column on model errors.

Used only after validation has failed, so it favours clarity and bounded memory over speed:
one iterative pass over the tokens (no recursion, so any nesting depth is safe).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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


def locate(text: str, path: Sequence[int | str]) -> tuple[int, int] | None:
    """Return the 1-based (line, column) of the value at ``path``, or of its deepest existing
    ancestor when the value is missing; None when the text cannot be scanned."""
    target = list(path)
    best: tuple[int, int] = (0, 0)
    best_depth = -1
    # Each frame: [is_object, current key or index, awaiting_key]
    stack: list[list[object]] = []
    position = 0
    line_starts = _LineIndex(text)
    expecting_value = True
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            return None
        kind = match.lastgroup
        start = position
        position = match.end()
        if kind == "space":
            continue
        if kind == "string" and stack and stack[-1][0] and stack[-1][2]:
            stack[-1][1] = _decode_key(match.group())
            stack[-1][2] = False
            continue
        if kind == "colon":
            expecting_value = True
            continue
        if kind == "comma":
            if stack:
                frame = stack[-1]
                if frame[0]:
                    frame[2] = True
                else:
                    frame[1] = int(frame[1]) + 1  # type: ignore[call-overload]
                    expecting_value = True
            continue
        if kind == "close":
            stack.pop()
            continue
        if expecting_value or kind in ("open", "string", "scalar"):
            current = [frame[1] for frame in stack]
            depth = _matching_prefix(current, target)
            if depth == len(current) and depth > best_depth:
                best, best_depth = line_starts.line_column(start), depth
                if depth == len(target):
                    return best
            if kind == "open":
                is_object = match.group() == "{"
                stack.append([is_object, None if is_object else 0, is_object])
            expecting_value = False
    return best if best_depth >= 0 else None


def _matching_prefix(current: list[object], target: list[int | str]) -> int:
    count = 0
    for have, want in zip(current, target, strict=False):
        if have != want:
            break
        count += 1
    return count


def _decode_key(token: str) -> str:
    import json

    try:
        return str(json.loads(token))
    except ValueError:
        return token[1:-1]


class _LineIndex:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
