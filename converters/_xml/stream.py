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

For a writer a turn at a time (``transcript convert large.tei.xml --to json``), a document
is read twice (:class:`Lazy`): the first pass reads and checks it whole, keeping stand-ins
of the turns, and keeps the transcript without them; the second stops the whole reader where
the body starts and hands out each turn as soon as it is built. Only the bytes, what is
parsed around one element and the stand-ins are held, never the model of the turns.
"""

from __future__ import annotations

import functools
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from math import isqrt
from typing import TYPE_CHECKING, Any

from lxml import etree
from pydantic import TypeAdapter, ValidationError

from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import ReadResult, check_size

if TYPE_CHECKING:
    from transcript_model.model import Transcript, Turn

from .safe import (
    SAFE_PARSER_OPTIONS,
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


class BodyReachedError(Exception):
    """A second pass over the document has read everything before the body (see
    :meth:`StreamReader.replaying`): it leaves the whole reader there."""


#: What a streaming reader raises for an input it leaves to the usual reader.
FAILURES = (GiveUpError, TranscriptError, ValidationError, ValueError, RecursionError)


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
        **SAFE_PARSER_OPTIONS,
        remove_blank_text=False,
        # As parse_xml for an input that holds no DOCTYPE: a repeated xml:id is read.
        collect_ids=False,
    )
    try:
        for event, element in parsed:
            yield event, element
            if event == "start":  # the root: the XML declaration is read
                if element.getroottree().docinfo.xml_version not in (None, "1.0"):
                    raise GiveUpError("an XML version the usual reader refuses")
                break
        yield from parsed  # the rest without a step in Python per event
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
        self._squares = 0  # the sum of the squared counts of the closed elements
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

    def other(self) -> int:
        """A comment or processing instruction, a child of the innermost open element;
        returns its place among that element's children."""
        if not self._open:
            return -1
        self._open[-1] += 1
        return self._open[-1] - 1

    def end(self, element: etree._Element) -> None:
        count = self._open.pop()
        start = self._starts.pop()
        if count > 1:
            self.counts[count] += 1
            self._squares += count * count
            if count > self.most or (count == self.most and start < self._widest_at):
                self.most, self._widest_at = count, start
                line = element.sourceline
                self.widest = (str(element.tag), line if isinstance(line, int) else None)

    def _steps(self, kept: int, extra: list[int]) -> int:
        total = sum(min(count, kept) ** 2 * times for count, times in self.counts.items())
        total += sum(min(count, kept) ** 2 for count in extra if count > 1)
        return total // 2

    def certain(self) -> bool:
        """Whether a cut is certain, as counted so far (the counts only grow)."""
        opened = sum(count * count for count in self._open if count > 1)
        return (self._squares + opened) // 2 > self.budget

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
            widest.sourceline = line  # type: ignore[assignment]  # the stubs type it loosely
        copy = ValidationCopy(tree, kept, widest, self.most)
        return partial_check_warning(copy, code, schema, origin)


def trim(element: etree._Element, kept: int) -> None:
    """Cut ``element`` and everything in it to the first ``kept`` children of each."""
    for inner in element.iter():
        if len(inner) > kept:
            del inner[kept:]


@dataclass
class Frame:
    """An open element whose children are read one by one (a TEI div, an AKN section)."""

    element: etree._Element
    index: int  # its place among its parent's children
    #: Its children read and past the cut, left in the tree until the text after them is
    #: parsed (removed when the next child ends, or it does).
    dropped: list[etree._Element] = field(default_factory=list)


@functools.cache
def _turn_adapter() -> TypeAdapter[Any]:
    from transcript_model.model import Turn  # built on first use: not every process streams

    return TypeAdapter(Turn)


def _itself(turn: Any) -> Any:
    return turn


def _stand_ins() -> Callable[[Any], Any]:
    from .._stand_ins import TurnStandIns  # the model, built on first use

    return TurnStandIns().of


#: Elements read between two looks at whether the cut keeps fewer children.
_BOUND_EVERY = 4096


class StreamReader:
    """The part of a streaming reader that does not depend on the format: the events, the
    frames (open elements whose children are read one at a time), reading each other child
    whole once it ends and dropping it, and building each finished turn into the model.

    A format says which children open frames (:meth:`open_child`), how a child is read
    (:meth:`read_child`) and what closing a frame does (:meth:`close_frame`). ``cut``: for a
    schema check, the counter whose cut the streamed tree is kept to (None: drop all read).
    """

    def __init__(
        self,
        data: bytes,
        cut: CutCounter | None,
        keep_model: bool = True,
        keep: Callable[[Any], Any] | None = None,
    ) -> None:
        self.cut = cut
        #: What is kept of each turn built: itself, or (when only the verdict is wanted) a
        #: stand-in with what the model's cross-field rules look at (see json.stream); ``keep``
        #: says otherwise (see :class:`Lazy`).
        if keep is None:
            keep = _itself if keep_model else _stand_ins()
        self.keep = keep
        #: The turns built and handed out by :meth:`walking` (filled by a ``keep`` of a pass
        #: that yields them, see :class:`Lazy`).
        self.outbox: deque[Any] = deque()
        self.frames: list[Frame] = []
        #: While checking, everything is held until a cut is certain: a document checked
        #: whole is checked on the tree streamed (see the callers' validate_streamed).
        self.holding = cut is not None
        self.index = -1  # the place of the element that just started among its siblings
        self.turns: list[Any] = []
        self._events = self._counted(events(data))
        self._settled = 0
        self._read = 0

    # -- what a format says ---------------------------------------------------------------

    def open_child(self, frame: Frame, element: etree._Element) -> Frame | None:
        """The frame of ``element`` (a child of ``frame``'s) when its children are read one
        by one; None to read it whole once it ends."""
        raise NotImplementedError

    def read_child(self, frame: Frame, element: etree._Element) -> None:
        """Read a child of ``frame`` that has ended."""
        raise NotImplementedError

    def close_frame(self, frame: Frame) -> None:
        """``frame``'s element has ended (every child of it read)."""

    def check(self, element: etree._Element) -> None:
        """When checking: look at each element as it starts (its attributes are there)."""

    # -- the events ------------------------------------------------------------------------

    @property
    def bound(self) -> int:
        """Children of an element past this many are dropped once read."""
        return 0 if self.cut is None else self.cut.bound

    def next_event(self) -> tuple[str, etree._Element]:
        for event in self._events:
            return event
        raise GiveUpError("the document ends early")

    def _counted(
        self, parsed: Iterator[tuple[str, etree._Element]]
    ) -> Iterator[tuple[str, etree._Element]]:
        """Start and end events, each element counted and checked on the way."""
        cut = self.cut
        if cut is None:
            for event, element in parsed:
                if event in {"start", "end"}:
                    yield event, element
                else:
                    self._other(element, 0)
            return
        check = self.check
        for event, element in parsed:
            if event == "start":
                self.index = cut.start()
                check(element)
                yield event, element
            elif event == "end":
                cut.end(element)
                yield event, element
            else:
                self._other(element, cut.other())

    def _other(self, node: etree._Element, index: int) -> None:
        """A comment or processing instruction: dropped with what is read around it."""
        if self.holding:
            return
        frame = self.frames[-1] if self.frames else None
        if frame is not None and index >= self.bound and node.getparent() is frame.element:
            frame.dropped.append(node)

    def start_of(self, tag: str, depth: int) -> etree._Element:
        """Parse on, building everything whole, to the start of a ``tag`` element ``depth``
        levels below the element open now."""
        below = 0
        for event, element in self._events:
            if event == "end":
                below -= 1
                if below < 0:
                    break
            elif below == depth - 1 and element.tag == tag:
                return element
            else:
                below += 1
        raise GiveUpError(f"no {tag} where expected")

    def finish(self) -> None:
        """Parse to the end: nothing more may start."""
        for event, _ in self._events:
            if event == "start":
                raise GiveUpError("an element after what is read")

    # -- reading ---------------------------------------------------------------------------

    def walk(self, first: Frame) -> None:
        """Read ``first``'s element (started) to its end, child by child."""
        for _ in self.walking(first):
            pass

    def walking(self, first: Frame) -> Iterator[Any]:
        """:meth:`walk`, handing out what ``keep`` puts into the outbox as it goes."""
        self.frames = [first]
        outbox = self.outbox
        for event, element in self._events:
            if event == "end":
                frame = self.frames.pop()
                self.close_frame(frame)
                _remove(frame.element, frame.dropped)
                if not self.frames:
                    return
                self._drop(frame.element, frame.index)
                continue
            opened = self.open_child(self.frames[-1], element)
            if opened is not None:
                self.frames.append(opened)
            else:
                self._child(self.frames[-1], element)
                while outbox:
                    yield outbox.popleft()
        raise GiveUpError("the element does not end")

    @property
    def settled(self) -> int:
        """The turns built so far (all but those the transcript builds at the end)."""
        return self._settled

    def hand_out(self, turn: Any) -> None:
        """A ``keep`` for a second pass: ``turn`` (built) is handed out by :meth:`walking`,
        and nothing is kept in its place: the readers look only at the last turn, which is
        not built yet, and no transcript is made of them (the first pass made it)."""
        self.outbox.append(turn)

    def replaying(self, first: Frame) -> Iterator[Turn]:
        """Every turn of the body (``first``, started; the reader stopped there), as the
        whole read builds them, each handed out as soon as it is built, then the rest of the
        document parsed (see :class:`Lazy`)."""
        yield from self.walking(first)
        self.finish()
        adapter = _turn_adapter()
        for turn in self.turns[self._settled :]:  # the last, as the model builds it
            yield adapter.validate_python(turn) if isinstance(turn, dict) else turn

    def _child(self, frame: Frame, element: etree._Element) -> None:
        index = self.index
        depth = 0
        for event, _ in self._events:
            if event == "start":
                depth += 1
            elif depth:
                depth -= 1
            else:
                break
        else:
            raise GiveUpError("the element does not end")
        self.read_child(frame, element)
        self.settle()
        self._drop(element, index)

    def settle(self) -> None:
        """Build every finished turn (all but the last, which may still grow)."""
        turns = self.turns
        while self._settled < len(turns) - 1:
            turn = turns[self._settled]
            if isinstance(turn, dict):
                turns[self._settled] = self.keep(_turn_adapter().validate_python(turn))
            self._settled += 1

    def _drop(self, element: etree._Element, index: int) -> None:
        """Drop a read element, unless the cut copy keeps it (then only its surplus)."""
        if self.cut is not None:
            self._read += 1
            if self._read % _BOUND_EVERY == 0:
                self._lower_bound()
            if self.holding:
                return
            if index < self.cut.bound:
                trim(element, self.cut.bound)
                return
        element.clear()
        frame = self.frames[-1]
        _remove(frame.element, frame.dropped)
        frame.dropped = [element]  # the text after it is not parsed yet

    def _lower_bound(self) -> None:
        """Let the cut keep fewer children, as counted so far, and drop the surplus."""
        cut = self.cut
        assert cut is not None
        before = self.bound
        if self.holding:
            if not cut.certain():
                return
            self.holding = False
            before = cut.bound + 1  # what is held is dropped below
        cut.update_bound()
        bound = self.bound
        if bound >= before:
            return
        for frame in self.frames:
            # The last child is left alone: it may be open (a frame), or have text after it
            # still to come; the final cut drops it if the cut has no place for it.
            children = list(frame.element)[:-1]
            for child in children[:bound]:
                trim(child, bound)
            frame.dropped.extend(children[bound:])


def _remove(parent: etree._Element, children: list[etree._Element]) -> None:
    for child in children:
        if child.getparent() is parent:
            parent.remove(child)
    children.clear()


@dataclass(frozen=True)
class Lazy:
    """One large transcript read element by element and never held whole: the transcript
    without its turns, the warnings of reading it, and its turns, read again from the bytes
    each time they are asked for (:meth:`turns`). The whole transcript was read and checked
    by every rule (its turns as stand-ins, see json.stream) before this is made."""

    transcript: Transcript
    warnings: list[Problem]
    #: A second pass: the turns in order, each built as the first pass built it.
    _again: Callable[[], Iterator[Turn]]

    def turns(self) -> Iterator[Turn]:
        """The turns in order, each held by nobody here once handed out."""
        try:
            yield from self._again()
        except (*FAILURES, BodyReachedError) as error:
            # The bytes read once already: never expected, and not an answer about the input.
            raise RuntimeError(f"the turns read differently a second time: {error!r}") from None


def lazily(
    first: Callable[[Callable[[Any], Any]], tuple[ReadResult, int]],
    again: Callable[[], Iterator[Turn]],
    observe: Callable[[Turn], None],
) -> Lazy | None:
    """A :class:`Lazy` transcript, or None when the usual reader must read the input.

    ``first`` reads the whole document with the ``keep`` it is given (which gives each built
    turn to ``observe`` and keeps a stand-in: the model is never held) and says how many
    turns it built before the transcript (which builds the rest); ``again`` is the second
    pass. ``observe`` has seen every turn, in order, when the answer is not None.
    """
    stand_in = _stand_ins()

    def keep(turn: Any) -> Any:
        observe(turn)
        return stand_in(turn)

    try:
        result, settled = first(keep)
    except FAILURES:
        return None
    if len(result.transcripts) != 1:
        return None
    transcript = result.transcripts[0]
    for turn in transcript.turns[settled:]:  # built by the model: the last, still open
        observe(turn)
    return Lazy(transcript.model_copy(update={"turns": []}), result.warnings, again)
