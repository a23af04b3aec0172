"""Find where things sit in a JSON text, to put line and column on errors.

Used only after parsing or validation has failed, yet it must stay linear in the text however
many problems there are: a file with 16,000 errors is as easy to write as one with one. So every
path asked about is looked up in the same single pass over the tokens (a trie of the wanted
paths is followed as the pass goes in and out of containers, so no path is ever rebuilt or
compared whole), and lines are counted once, in offset order. The pass is iterative (no
recursion), so any nesting depth is safe.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t\r\n]+)
    |(?P<string>"[^"\\]*(?:\\.[^"\\]*)*")
    |(?P<open>[{\[])
    |(?P<close>[}\]])
    |(?P<colon>:)
    |(?P<comma>,)
    |(?P<scalar>[^\s{}\[\]:,"]+)
    """,
    re.VERBOSE | re.DOTALL,
)

Step = int | str
Position = tuple[int, int]


@dataclass
class _Container:
    is_object: bool
    awaiting_key: bool
    index: int = 0


def _walk(text: str) -> Iterator[tuple[str, Step | bool | None, int]]:
    """Yield the structure of ``text`` as events, each with the offset where it starts:

    - ``("value", None, offset)`` where any value starts (a container's comes before its
      ``open``);
    - ``("open", is_object, offset)`` and ``("close", None, offset)`` around a container's
      contents;
    - ``("step", key_or_index, offset)`` when the next value of the innermost container gets
      its key (objects) or index (arrays, from 0).

    Stops quietly at text that is not JSON.
    """
    stack: list[_Container] = []
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
            elif stack:
                stack[-1].index += 1
                yield "step", stack[-1].index, position
        elif kind == "close":
            if stack:
                stack.pop()
            yield "close", None, start
        elif kind == "string" and stack and stack[-1].awaiting_key:
            stack[-1].awaiting_key = False
            yield "step", _decode_key(match.group()), start
        else:
            yield "value", None, start
            if kind == "open":
                is_object = match.group() == "{"
                stack.append(_Container(is_object, awaiting_key=is_object))
                yield "open", is_object, start
                if not is_object:
                    yield "step", 0, position


@dataclass
class _Node:
    """One step of the wanted paths; ``offset`` is where its value starts, once seen."""

    children: dict[Step, _Node] = field(default_factory=dict)
    offset: int | None = None


def _trie(paths: Iterable[Sequence[Step]]) -> tuple[_Node, int]:
    root, count = _Node(), 1
    for path in paths:
        node = root
        for step in path:
            child = node.children.get(step)
            if child is None:
                child = node.children[step] = _Node()
                count += 1
            node = child
    return root, count


def _fill_offsets(text: str, root: _Node, wanted: int) -> None:
    """Record in each node of the trie the offset of its value, in one pass over ``text``."""
    containers: list[_Node | None] = []  # the trie node of each open container, or None
    current: _Node | None = root  # the trie node of the value that comes next
    found = 0
    for event, argument, offset in _walk(text):
        if event == "value":
            if current is not None and current.offset is None:
                current.offset = offset
                found += 1
                if found == wanted:
                    return
        elif event == "open":
            containers.append(current)
        elif event == "step":
            container = containers[-1] if containers else None
            current = None if container is None else container.children.get(argument)  # type: ignore[arg-type]
        elif containers:  # close
            containers.pop()
            current = None


def _deepest_offset(root: _Node, path: Sequence[Step]) -> int | None:
    """The offset of the value at ``path``, or of its deepest ancestor found in the text."""
    node, best = root, root.offset
    for step in path:
        child = node.children.get(step)
        if child is None:
            break
        node = child
        if node.offset is not None:
            best = node.offset
    return best


def line_columns(text: str, offsets: Iterable[int]) -> dict[int, Position]:
    """The 1-based (line, column) of each offset, counting the lines of ``text`` only once."""
    positions: dict[int, Position] = {}
    line, line_start, previous = 1, 0, 0
    for offset in sorted(set(offsets)):
        line += text.count("\n", previous, offset)
        newline = text.rfind("\n", previous, offset)
        if newline >= 0:
            line_start = newline + 1
        positions[offset] = (line, offset - line_start + 1)
        previous = offset
    return positions


def locate_all(text: str, paths: Sequence[Sequence[Step]]) -> list[Position | None]:
    """The 1-based (line, column) of the value at each path, or of its deepest existing
    ancestor when the value is missing; None where the text cannot be scanned. One pass over
    ``text`` for all the paths together."""
    if not paths:
        return []
    root, wanted = _trie(paths)
    _fill_offsets(text, root, wanted)
    offsets = [_deepest_offset(root, path) for path in paths]
    positions = line_columns(text, (o for o in offsets if o is not None))
    return [None if offset is None else positions[offset] for offset in offsets]


def locate(text: str, path: Sequence[Step]) -> Position | None:
    """The position of one path (see :func:`locate_all`, which takes many in one pass)."""
    return locate_all(text, [path])[0]


def find_duplicate_key(text: str) -> tuple[str, int, int] | None:
    """The first key that repeats within one object, with its (line, column); else None."""
    keys: list[set[str] | None] = []  # the keys seen so far in each open container
    for event, argument, offset in _walk(text):
        if event == "open":
            keys.append(set() if argument else None)
        elif event == "close":
            if keys:
                keys.pop()
        elif event == "step" and isinstance(argument, str) and keys and keys[-1] is not None:
            if argument in keys[-1]:
                return (argument, *line_columns(text, [offset])[offset])
            keys[-1].add(argument)
    return None


def find_scalar(text: str, literal: str) -> Position | None:
    """The (line, column) of the first number or constant token that begins with ``literal``
    (outside strings), e.g. where the parser met ``NaN``; None when there is none."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "scalar" and match.group().startswith(literal):
            return line_columns(text, [match.start()])[match.start()]
    return None


def _decode_key(token: str) -> str:
    if "\\" not in token:
        return token[1:-1]
    try:
        return str(json.loads(token))
    except ValueError:
        return token[1:-1]
