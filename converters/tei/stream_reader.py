"""A large TEI transcript read element by element, for memory (issue 18).

The whole-tree reader holds the parsed document (about six times the file's size), and its
validation a cut copy of it besides. This one parses with ``iterparse``: the teiHeader is
built whole (the persons, organisations and taxonomies the body points into), then each
element of a ``div`` (an utterance, a note, a heading) is read as soon as it ends, by the
whole-tree reader's own functions, and dropped. Each finished turn is built into the model
at once (the last one stays open: a narrative note may still add a paragraph to it), so that
only the model, the header and one element are held besides the bytes.

Validating keeps what the whole-tree path checks of a large document: the project profile on
a copy cut to the first children of each element (the streamed tree keeps exactly those, see
:class:`.._xml.stream.CutCounter`), with the same partial-check warning, and the pointers
against the sets of ids of the file and its corpus root.

It is a fast path for expected input only: a document shaped otherwise (no header, a
``back``, a div that holds divs after other elements), a pointer that names nothing, a
problem the reader raises or the model refuses, or a document small enough in every element
to be checked whole makes it give up (``None``), and the caller reads the document the usual
way, which answers as it always has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pydantic import TypeAdapter, ValidationError

from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import ReadResult, ValidationResult
from transcript_model.model import Turn

from .._xml.safe import VALIDATION_BUDGET
from .._xml.stream import CutCounter, GiveUpError, events, streamable, trim
from .body import _block, _dangling, _element
from .common import NOTE_BREAK, XML_ID, T
from .context import Context
from .reader import read_tree
from .values import TAG_DIV, TAG_NOTE

#: The corpus root of a document and the warnings of loading it, given its header.
CorpusOf = Callable[[etree._ElementTree], tuple[etree._Element | None, list[Problem]]]

_TURN: TypeAdapter[Any] = TypeAdapter(Turn)
_TEXT, _FRONT, _BODY, _BACK, _HEADER = (
    T + n for n in ("text", "front", "body", "back", "teiHeader")
)
_POINTERS = ("who", "ana", "ref", "corresp")
#: Units read between two looks at whether the cut keeps fewer children.
_BOUND_EVERY = 4096


def read_streamed(
    data: bytes, origin: str, corpus_of: CorpusOf, max_bytes: int
) -> ReadResult | None:
    """The transcript of ``data`` read element by element, or None when the usual reader
    must read it (see the module's docstring)."""
    if not streamable(data, origin, max_bytes):
        return None
    try:
        return _Reader(data, origin, None).read(corpus_of)
    except (GiveUpError, TranscriptError, ValidationError, ValueError, RecursionError):
        return None


def validate_streamed(
    data: bytes,
    origin: str,
    corpus_of: CorpusOf,
    max_bytes: int,
    budget: int = VALIDATION_BUDGET,
) -> ValidationResult | None:
    """What ``validate`` answers for ``data``, found element by element, or None when the
    usual validation must tell. ``budget``: the whole-tree path's (see validation_copy)."""
    if not streamable(data, origin, max_bytes):
        return None
    from .convert import PROFILE_NAME, _profile_problems

    reader = _Reader(data, origin, CutCounter(budget))
    try:
        result = reader.read(corpus_of)
        kept = reader.cut.cut() if reader.cut is not None else None
        if kept is None:
            return None  # the whole-tree path checks the whole document
        tree = reader.root.getroottree()
        trim(reader.root, kept)
        problems = _profile_problems(tree, origin)
        problems.append(
            reader.cut.warning(tree, kept, "tei_profile_partial", PROFILE_NAME, origin)  # type: ignore[union-attr]
        )
    except (GiveUpError, TranscriptError, ValidationError, ValueError, RecursionError):
        return None
    return ValidationResult(result.transcripts, problems + result.warnings)


class _Pointers:
    """The ids the pointers of the document name (the whole-tree path's
    ``_pointer_problems``, with sets instead of the tree): each must name an xml:id of the
    header or of the corpus root, else the whole-tree path tells what it names."""

    def __init__(self) -> None:
        self.known: set[str] | None = None  # the header's and the corpus root's ids
        self.wanted: set[str] = set()

    def element(self, element: etree._Element) -> None:
        get = element.get
        for name in _POINTERS:
            value = get(name)
            if value:
                self.wanted.update(t[1:] for t in value.split() if t.startswith("#"))
        if self.wanted and self.known is not None:
            self._check()

    def header(self, root: etree._Element, corpus: etree._Element | None) -> None:
        from .convert import _ALL_IDS, _HEADER_IDS, _ids, _setting_keys

        self.wanted.update(_setting_keys(root))
        self.known = _ids(root, _HEADER_IDS)
        if corpus is not None:
            self.known |= _ids(corpus, _ALL_IDS)
        self._check()

    def _check(self) -> None:
        if not self.wanted <= self.known:  # type: ignore[operator]
            raise GiveUpError("a pointer to an id outside the header")
        self.wanted.clear()


@dataclass
class _Frame:
    """An open element of the text that holds what is read: text, front, body or a div."""

    element: etree._Element
    index: int  # its place among its parent's children
    first: bool = False  # a div: the first section of its part
    mode: str | None = None  # a div: "leaf" (it holds no div) or "nested", once known
    label: tuple[str, etree._Element] | None = None  # a leaf div: the pending speaker label
    made: int = 0  # sections made by the divs in it
    #: Its children read and past the cut, left in the tree until the text after them is
    #: parsed (removed when the next child ends, or it does).
    dropped: list[etree._Element] = field(default_factory=list)


class _Reader:
    def __init__(self, data: bytes, origin: str, cut: CutCounter | None) -> None:
        self.origin = origin
        self.cut = cut
        self.pointers = _Pointers()
        self._events = self._counted(events(data))
        self.root: etree._Element = etree.Element("none")
        self.text: etree._Element = self.root
        self.text_index = 0
        self.index = -1  # the place of the element that just started among its siblings
        self.frames: list[_Frame] = []
        self.settled = 0
        self.units = 0

    @property
    def bound(self) -> int:
        """Children of an element past this many are dropped once read."""
        return 0 if self.cut is None else self.cut.bound

    def _counted(
        self, parsed: Iterator[tuple[str, etree._Element]]
    ) -> Iterator[tuple[str, etree._Element]]:
        """Start and end events, each element counted and its pointers noted on the way."""
        cut = self.cut
        if cut is None:
            for event, element in parsed:
                if event in {"start", "end"}:
                    yield event, element
                else:
                    self._other(element, 0)
            return
        pointers = self.pointers
        for event, element in parsed:
            if event == "start":
                self.index = cut.start()
                pointers.element(element)
                yield event, element
            elif event == "end":
                cut.end(element)
                yield event, element
            else:
                self._other(element, cut.other())

    def _other(self, node: etree._Element, index: int) -> None:
        """A comment or processing instruction: dropped with what is read around it."""
        frame = self.frames[-1] if self.frames else None
        if frame is not None and index >= self.bound and node.getparent() is frame.element:
            frame.dropped.append(node)

    def read(self, corpus_of: CorpusOf) -> ReadResult:
        event, root = next(self._events)
        self.root = root
        if root.tag != T + "TEI":
            raise GiveUpError("not a TEI document")
        self._to_text()
        if [child.tag for child in root.iterchildren(etree.Element)] != [_HEADER, _TEXT]:
            raise GiveUpError("not a teiHeader and a text")
        tree = root.getroottree()
        corpus, warnings = corpus_of(tree)
        if self.cut is not None:
            self.pointers.header(root, corpus)
        result = read_tree(tree, self.origin, corpus, warnings, body=self._body)
        for event, _ in self._events:
            if event == "start":
                raise GiveUpError("an element after the text")
        return result

    def _to_text(self) -> None:
        """Parse the header whole, up to the start of the text."""
        depth = 0
        for event, element in self._events:
            if event == "end":
                depth -= 1
            elif depth == 0 and element.tag == _TEXT:
                self.text, self.text_index = element, self.index
                return
            else:
                depth += 1
        raise GiveUpError("no text")

    # -- the text -------------------------------------------------------------------------

    def _body(self, context: Context, root: etree._Element) -> None:
        self.frames = [_Frame(self.text, self.text_index)]
        for event, element in self._events:
            frame = self.frames[-1]
            if event == "end":
                self._close(context, self.frames.pop())
                if not self.frames:
                    return
                continue
            opened = self._open(context, frame, element)
            if opened is not None:
                self.frames.append(opened)
            else:
                self._unit(context, frame, element)
        raise GiveUpError("the text does not end")

    def _open(self, context: Context, frame: _Frame, element: etree._Element) -> _Frame | None:
        """The frame of ``element`` when it holds what is read, else None (read whole)."""
        tag = element.tag
        parent = frame.element.tag
        if parent == _TEXT:
            if tag == _BACK:
                raise GiveUpError("back matter")
            return _Frame(element, self.index) if tag in (_FRONT, _BODY) else None
        if parent in (_FRONT, _BODY):
            if tag != TAG_DIV:
                return None
            return _Frame(element, self.index, first=parent == _FRONT or frame.made == 0)
        if frame.mode is None:  # the first child of a div tells what the div holds
            frame.mode = "nested" if tag == TAG_DIV else "leaf"
            if frame.mode == "leaf":
                self._section(context, frame, element)
        if tag != TAG_DIV:
            return None
        if frame.mode == "leaf":
            raise GiveUpError("a div after other elements of a div")
        return _Frame(element, self.index, first=frame.first and frame.made == 0)

    @staticmethod
    def _section(context: Context, frame: _Frame, first: etree._Element | None) -> None:
        """A div of elements (no divs) starts a section: a break before it unless it is the
        first, or opens with its own break note (body._division)."""
        opens_with_break = (
            first is not None and first.tag == TAG_NOTE and first.get("type") == NOTE_BREAK
        )
        if not frame.first and not opens_with_break:
            context.turns.append({"kind": "break"})

    def _close(self, context: Context, frame: _Frame) -> None:
        if frame.element.tag == TAG_DIV:
            if frame.mode is None:
                self._section(context, frame, None)
            made = frame.made if frame.mode == "nested" else 1
            if frame.mode != "nested":
                _dangling(context, frame.label)
            parent = self.frames[-1]
            if parent.element.tag != _FRONT:
                parent.made += made
        _remove(frame.element, frame.dropped)
        if self.frames:
            self._drop(frame.element, frame.index)

    def _unit(self, context: Context, frame: _Frame, element: etree._Element) -> None:
        """Read an element of the text whole, once it ends, as body.read_body would."""
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
        parent = frame.element.tag
        if parent in (_FRONT, _BODY):
            _block(context, element, first=True)
        elif parent == TAG_DIV:
            if frame.mode == "nested":
                _element(context, element, None)
            else:
                frame.label = _element(context, element, frame.label)
        self._settle(context.turns)
        self._drop(element, index)

    def _settle(self, turns: list[Any]) -> None:
        """Build every finished turn (all but the last, which may still grow)."""
        while self.settled < len(turns) - 1:
            turn = turns[self.settled]
            if isinstance(turn, dict):
                turns[self.settled] = _TURN.validate_python(turn)
            self.settled += 1

    def _drop(self, element: etree._Element, index: int) -> None:
        """Drop a read element, unless the cut copy keeps it (then only its surplus)."""
        if self.cut is not None:
            self.units += 1
            if self.units % _BOUND_EVERY == 0:
                self._lower_bound()
            if index < self.cut.bound:
                trim(element, self.cut.bound)
                return
        element.clear()
        frame = self.frames[-1]
        _remove(frame.element, frame.dropped)
        frame.dropped = [element]  # the text after it is not parsed yet

    def _lower_bound(self) -> None:
        """Let the cut keep fewer children, as counted so far, and drop the surplus."""
        before = self.bound
        self.cut.update_bound()  # type: ignore[union-attr]
        bound = self.bound
        if bound >= before:
            return
        for frame in self.frames:
            element = frame.element
            # The last child is left alone: it may be open (a frame), or have text after it
            # still to come; the final cut drops it if the cut has no place for it.
            children = list(element)[:-1]
            for child in children[:bound]:
                trim(child, bound)
            frame.dropped.extend(children[bound:])


def _remove(parent: etree._Element, children: list[etree._Element]) -> None:
    for child in children:
        if child.getparent() is parent:
            parent.remove(child)
    children.clear()
