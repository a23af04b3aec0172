"""What the streaming TEI and AKN readers share: a safe ``iterparse`` and the cut copy.

A streaming reader is a fast path for large, expected input only (issue 18): it reads a
document an element at a time and drops what it has read, so that the tree is never held
whole. Anything it does not expect makes it give up (:class:`GiveUpError`), and the caller
reads the document the usual way, which answers exactly as it always has.

The parser is the one :func:`.safe.parse_xml` uses for the inputs streamed here (ASCII-
transparent bytes whose prolog holds no DOCTYPE, within the byte and element limits): every
other input is left to the usual reader, so no refusal and no message changes.

For a schema check, the whole-tree path checks a copy cut to the first ``low`` children of
each element when a check of the whole could take minutes (:func:`.safe.validation_copy`).
:class:`CutCounter` counts every element's children while streaming, so that the same
``low`` comes out at the end, and tells which children may still be part of the copy: the
streamed tree keeps those and drops the rest, and is at the end cut exactly as the copy is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from io import BytesIO
from math import isqrt

from lxml import etree

from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import check_size

from .safe import (
    VALIDATION_BUDGET,
    ValidationCopy,
    _ascii_transparent,
    _check_declared_encoding,
    _prolog,
    _start_tags_at_most,
    element_limit,
    partial_check_warning,
)


class GiveUpError(Exception):
    """The input is not what the streaming reader reads: read it the usual way."""


def streamable(data: bytes, origin: str, max_bytes: int) -> bool:
    """Whether :func:`.safe.parse_xml` would parse ``data`` with the parser :func:`events`
    uses, refusing nothing before it parses (else the usual reader must tell)."""
    try:
        check_size(data, origin, max_bytes)
        _check_declared_encoding(data, origin)
    except TranscriptError:
        return False
    if not data or data.isspace() or not _ascii_transparent(data) or _prolog(data) != "root":
        return False
    return _start_tags_at_most(data) <= element_limit(max_bytes)


def events(data: bytes) -> Iterator[tuple[str, etree._Element]]:
    """``iterparse`` of ``data`` with the safe parser's settings; start, end, comment and
    processing-instruction events. Raises GiveUpError for anything the usual reader reports
    (a syntax error, an XML version other than 1.0)."""
    parsed = etree.iterparse(
        BytesIO(data),
        events=("start", "end", "comment", "pi"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_blank_text=False,
        # As parse_xml for an input that holds no DOCTYPE: a repeated xml:id is read.
        collect_ids=False,
    )
    first = True
    try:
        for event, element in parsed:
            if first and event == "start":
                first = False
                if element.getroottree().docinfo.xml_version not in (None, "1.0"):
                    raise GiveUpError("an XML version the usual reader refuses")
            yield event, element
    except (etree.XMLSyntaxError, ValueError):
        raise GiveUpError("not well-formed") from None


#: No cut keeps more children than this: its worst case alone would exceed the budget.
_MOST_KEPT = isqrt(2 * VALIDATION_BUDGET)


class CutCounter:
    """The children of every element, counted as :func:`.safe.validation_copy` counts them
    (elements, comments and processing instructions), without holding the elements."""

    def __init__(self, budget: int = VALIDATION_BUDGET) -> None:
        self.budget = budget
        self.counts: Counter[int] = Counter()  # children → elements with that many (> 1)
        self._open: list[int] = []  # the children so far of each open element
        self._starts: list[int] = []  # the document position of each open element
        self._position = 0
        self.most = 0
        self._widest_at = -1
        self.widest: tuple[str, int | None] = ("", None)  # its tag and line
        #: Children past this many are in no cut: drop them (an upper bound of ``low``).
        self.bound = _MOST_KEPT

    def start(self) -> int:
        """An element starts; returns its place among its parent's children."""
        index = -1
        if self._open:
            self._open[-1] += 1
            index = self._open[-1] - 1
        self._open.append(0)
        self._starts.append(self._position)
        self._position += 1
        return index

    def other(self) -> None:
        """A comment or processing instruction, a child of the innermost open element."""
        if self._open:
            self._open[-1] += 1

    def end(self, element: etree._Element) -> None:
        count = self._open.pop()
        start = self._starts.pop()
        if count > 1:
            self.counts[count] += 1
            if count > self.most or (count == self.most and start < self._widest_at):
                self.most, self._widest_at = count, start
                line = element.sourceline
                self.widest = (str(element.tag), line if isinstance(line, int) else None)

    def _steps(self, kept: int, extra: list[int]) -> int:
        total = sum(min(count, kept) ** 2 * times for count, times in self.counts.items())
        total += sum(min(count, kept) ** 2 for count in extra if count > 1)
        return total // 2

    def update_bound(self) -> None:
        """Lower ``bound`` to the most children a cut could keep, given what is counted."""
        self.bound = self._low(self._open, self.bound)

    def _low(self, extra: list[int], high: int) -> int:
        if self._steps(high, extra) <= self.budget:
            return high
        low = 1
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (
                (middle, high) if self._steps(middle, extra) <= self.budget else (low, middle - 1)
            )
        return low

    def cut(self) -> int | None:
        """At the end: the children each element keeps in the cut copy, or None when the
        whole-tree path checks the whole document (no cut)."""
        if self._steps(self.most, []) <= self.budget:
            return None
        return self._low([], self.most)

    def warning(
        self, tree: etree._ElementTree, kept: int, code: str, schema: str, origin: str
    ) -> Problem:
        """The whole-tree path's warning that only the cut copy was checked."""
        tag, line = self.widest
        widest = etree.Element(tag)
        if line is not None:
            widest.sourceline = line
        copy = ValidationCopy(tree, kept, widest, self.most)
        return partial_check_warning(copy, code, schema, origin)


def trim(element: etree._Element, kept: int) -> None:
    """Cut ``element`` and everything in it to the first ``kept`` children of each."""
    for inner in element.iter():
        if len(inner) > kept:
            del inner[kept:]
