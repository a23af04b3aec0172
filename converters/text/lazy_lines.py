"""The lines of a large page text, decoded as they are read and let go behind the reader.

:func:`split_pages` holds every line of a page at once: for an 85 MB page, 232 MiB of line
objects beside the decoded text. :func:`survey` goes over the bytes once and keeps what the
readers need of the whole page (how many lines, which may be something else than a
paragraph, whether the page needs its lines restored or splits into several pages);
:class:`LazyLines` then gives the page's lines as ``split_pages`` would, decoding them from
the bytes as the readers ask for them and dropping those far behind the last one asked for.
Asked for a line already dropped, it starts again from the first: each of the readers of a
page goes through its lines forwards (header, body, footer), so a page is decoded a few times,
never held.

Only plain UTF-8 is read so (no byte order mark, no NUL, no DOS end-of-file mark): anything
else raises :class:`GiveUpError`, and the caller reads the page the usual way.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import overload

from .. import _kremlin as kremlin
from . import flat, layout
from .document import (
    FORBIDDEN_BYTES,
    Line,
    document_bounds,
    may_end_page,
    other_lines,
    plain_spaces,
    strip_bom,
)


class GiveUpError(Exception):
    """The page is not one that is read a line at a time: read it the usual way."""


_FOOTER_HEADS, _HEAD_LENGTH = layout.FOOTER_HEADS, layout.FOOTER_HEAD_LENGTH
#: The longest line held for good as a footer heading may be (a heading is a few words).
_SHORT = 200
#: Lines kept behind the last one asked for: the readers look back one line at most.
_BEHIND = 256
#: How many times the lines may be read again from the first one, for one page's reading.
_MOST_RESTARTS = 64
#: Bytes of the page's start decoded to tell whether its lines need restoring.
_HEAD_BYTES = 256 * 1024
_TYPOGRAPHIC = tuple(space.encode() for space in layout.TYPOGRAPHIC_SPACES)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
#: What convert._no_forbidden_characters looks for, in the bytes: the C0 controls a paragraph
#: may not hold, and a backslash, U+FFFE or U+FFFF. A search, where ``bytes.translate`` (as
#: that function deletes every other byte) makes a copy of the page's size first.
_FORBIDDEN = re.compile(b"[" + re.escape(FORBIDDEN_BYTES) + rb"\\]|\xef\xbf[\xbe\xbf]")


@dataclass
class Survey:
    """What one pass over a page's bytes tells of all its lines."""

    #: How many non-blank lines the page has (as :func:`split_pages` numbers and keeps them).
    count: int = 0
    #: The indices of the lines that may be something else than a paragraph.
    other: list[int] = field(default_factory=list)
    #: Whether the page ends at a mark of the site (see ``Page.marked_end``).
    marked_end: bool = False
    #: The lines where a stage direction stands beside other text (the speakers resolver's
    #: ``directions`` is whether the page has one).
    directions_at: list[int] = field(default_factory=list)
    #: Whether no paragraph can hold a character the model refuses (``characters_checked``).
    characters_checked: bool = False
    #: The "other" lines that open like a footer heading (the only ones ``footer_start`` and
    #: ``inline_see_also`` look at), with the texts of the short ones.
    footer_heads: dict[int, Line | None] = field(default_factory=dict)
    typographic: bool = False
    bom_inside: bool = False
    #: The pages after the first, small ones (the site's links after a whole-page copy's "Text
    #: version"): (first line, end, ended by a mark), read whole by the usual page reader.
    rest: list[tuple[int, int, bool]] = field(default_factory=list)
    #: The index in the whole text of the page's first line (see :meth:`from_line`).
    offset: int = 0

    @property
    def directions(self) -> bool:
        """Whether a paragraph of the page holds a stage direction beside other text."""
        return any(self.offset <= index < self.offset + self.count for index in self.directions_at)

    def from_line(self, start: int) -> Survey:
        """The survey of the page without its first ``start`` lines (a whole-page copy's
        article after the site's menus, read as a page of its own: not ended by a mark)."""
        return replace(
            self,
            count=self.count - start,
            other=[index - start for index in self.other if index >= start],
            marked_end=False,
            footer_heads={i - start: line for i, line in self.footer_heads.items() if i >= start},
            offset=self.offset + start,
        )


def survey(data: bytes) -> Survey:
    """Go over ``data`` once; :class:`GiveUpError` when it is not a page of plain UTF-8 text
    that :func:`split_pages` takes for one page, its lines as they are."""
    if data.startswith(_BOMS) or b"\x00" in data or b"\x1a" in data:
        raise GiveUpError("a byte order mark, a NUL or an end-of-file mark")
    _refuse_flat(data)
    found = Survey(
        typographic=any(space in data for space in _TYPOGRAPHIC),
        bom_inside=codecs.BOM_UTF8 in data,
        characters_checked=_FORBIDDEN.search(data) is None,
    )
    # The lines that may end the page, and each one's next line (its breadcrumb, perhaps):
    # all that finding the page's bounds looks at. Rare lines: holding them costs nothing.
    kept: dict[int, str] = {}
    cuts: list[int] = []
    for index, line in enumerate(_lines(data, found)):
        text = line[1]
        if other_lines([text]):
            found.other.append(index)
            if text[:_HEAD_LENGTH] in _FOOTER_HEADS or text[:1] in layout.SPACES:
                found.footer_heads[index] = line if len(text) <= _SHORT else None
            if may_end_page(text):
                kept[index] = text
                cuts.append(index)
        if cuts and cuts[-1] == index - 1:
            kept.setdefault(index, text)
        if "(" in text and kremlin.lines_have_paragraph_events(text):
            found.directions_at.append(index)
        found.count = index + 1
    if not found.count:
        raise GiveUpError("no text")
    _first_page(found, kept, cuts)
    return found


def _refuse_flat(data: bytes) -> None:
    """Give up on a page the usual reader would restore the lines of (see :mod:`.flat`)."""
    head = str(data[:_HEAD_BYTES], "utf-8", "ignore")
    leading = len(head) - len(head.lstrip())
    if leading + flat.HEAD_CHARS > len(head) and len(data) > _HEAD_BYTES:
        raise GiveUpError("a long blank start")
    if flat.is_flat(head):
        raise GiveUpError("a page on one line")


#: The most lines the pages after the first may hold: they are read whole.
_REST_LINES = 10_000


def _first_page(found: Survey, kept: dict[int, str], cuts: list[int]) -> None:
    """Cut ``found`` to the first of the pages ``split_pages`` finds, which must start at the
    first line, the others (``found.rest``) being small (GiveUpError otherwise)."""
    count = found.count
    lines = _KeptLines(kept, count)
    texts = _KeptTexts(kept, count)
    # Only the lines that may end a page are looked at there: give it those alone.
    bounds = document_bounds(lines, texts, cuts)  # type: ignore[arg-type]
    if bounds[0][0] != 0:
        raise GiveUpError("a page that does not start at the first line")
    if sum(stop - start for start, stop, _ in bounds[1:]) > _REST_LINES:
        raise GiveUpError("several large pages")
    _, stop, found.marked_end = bounds[0]
    found.rest = bounds[1:]
    if stop < count:  # the end marker, or pages after this one
        found.other = [index for index in found.other if index < stop]
        found.footer_heads = {i: line for i, line in found.footer_heads.items() if i < stop}
    found.count = stop


def rest_lines(data: bytes, found: Survey, start: int, stop: int) -> list[Line]:
    """The lines ``start`` to ``stop`` of the text (not only of its first page)."""
    whole = Survey(typographic=found.typographic, bom_inside=found.bom_inside)
    return list(itertools.islice(_lines(data, whole, stop), start, None))


class _KeptTexts:
    """The texts of the lines the bounds are found from (nothing is written to them: a glued
    end marker, which would be, gives up)."""

    def __init__(self, kept: dict[int, str], count: int) -> None:
        self._kept, self._count = kept, count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> str:
        try:
            return self._kept[index]
        except KeyError:
            raise GiveUpError("a line the bounds need was not kept") from None

    def __setitem__(self, index: int, value: object) -> None:
        raise GiveUpError("a glued end marker")


class _KeptLines(_KeptTexts):
    def __getitem__(self, index: int) -> str:
        raise GiveUpError("a glued end marker")


def _lines(data: bytes, found: Survey, limit: int | None = None) -> Iterator[Line]:
    """The numbered non-blank lines of ``data``, as :func:`split_pages` makes them, one by
    one (the first ``limit`` only, when given)."""
    strip = strip_bom if found.bom_inside else str.strip
    typographic = found.typographic
    view = memoryview(data)
    number = 0
    given = 0
    start, size = 0, len(data)
    while start < size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size
        try:
            chunk = str(view[start:end], "utf-8")
        except UnicodeDecodeError:
            raise GiveUpError("not UTF-8") from None
        start = end + 1
        # str.splitlines breaks at more than "\n": a chunk may hold several lines, and a blank
        # one holds one line all the same.
        for piece in chunk.splitlines() if chunk else ("",):
            number += 1
            text = strip(plain_spaces(piece) if typographic else piece)
            if text:
                yield number, text
                given += 1
                if given == limit:
                    return


class LazyLines(Sequence[Line]):
    """The numbered lines of the page ``data`` holds, as ``split_pages`` makes them, decoded
    as they are asked for (see the module)."""

    def __init__(self, data: bytes, found: Survey) -> None:
        self._data, self._found = data, found
        self._base = 0  # the index of the first line held
        self._held: list[Line] = []
        self._source: Iterator[Line] = iter(())
        self.restarts = -1
        self._restart()

    def _restart(self) -> None:
        self.restarts += 1
        if self.restarts > _MOST_RESTARTS:
            raise GiveUpError("the lines were asked for out of order too often")
        found = self._found
        lines = _lines(self._data, found, found.offset + found.count)
        self._source = itertools.islice(lines, found.offset, None)
        self._base, self._held = 0, []

    def __len__(self) -> int:
        return self._found.count

    @overload
    def __getitem__(self, key: int) -> Line: ...
    @overload
    def __getitem__(self, key: slice) -> list[Line]: ...
    def __getitem__(self, key: int | slice) -> Line | list[Line]:
        if isinstance(key, slice):
            start, stop, step = key.indices(self._found.count)
            if step != 1:
                raise GiveUpError("a slice with a step")
            if start >= stop:
                return []
            self._reach(stop - 1, start)
            return self._held[start - self._base : stop - self._base]
        index = key + self._found.count if key < 0 else key
        if not 0 <= index < self._found.count:
            raise IndexError(key)
        held = self._found.footer_heads.get(index)
        if held is not None:  # a footer heading, looked for all over the page: never decoded
            return held
        self._reach(index, index)
        return self._held[index - self._base]

    def _reach(self, last: int, first: int) -> None:
        """Hold the lines ``first`` to ``last``."""
        if first < self._base:
            self._restart()
        held = self._held
        while self._base + len(held) <= last:
            held.append(next(self._source))
        drop = first - _BEHIND - self._base
        if drop > _BEHIND:  # now and then, not at every line: a deletion moves the rest
            del held[:drop]
            self._base += drop

    def texts(self) -> LazyTexts:
        """The same lines' texts."""
        return LazyTexts(self)


class LazyTexts(Sequence[str]):
    """The texts of the lines of a :class:`LazyLines`."""

    def __init__(self, lines: LazyLines) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, key: int) -> str: ...
    @overload
    def __getitem__(self, key: slice) -> list[str]: ...
    def __getitem__(self, key: int | slice) -> str | list[str]:
        if isinstance(key, slice):
            return [text for _, text in self._lines[key]]
        return self._lines[key][1]
