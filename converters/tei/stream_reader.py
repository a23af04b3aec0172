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

:func:`read_lazily` reads it twice instead of holding its turns (see
:class:`.._xml.stream.Lazy`): for a writer a turn at a time, such as JSON's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pydantic import ValidationError

from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import ReadResult, ValidationResult

from .._xml.safe import VALIDATION_BUDGET
from .._xml.stream import (
    BodyReachedError,
    CutCounter,
    Frame,
    GiveUpError,
    Lazy,
    StreamReader,
    lazily,
    streamable,
    trim,
)
from .body import _block, _dangling, _element
from .common import NOTE_BREAK, T
from .context import Context
from .reader import read_tree
from .values import TAG_DIV, TAG_NOTE

#: The corpus root of a document and the warnings of loading it, given its header.
CorpusOf = Callable[[etree._ElementTree], tuple[etree._Element | None, list[Problem]]]

_TEXT, _FRONT, _BODY, _BACK, _HEADER = (
    T + n for n in ("text", "front", "body", "back", "teiHeader")
)
_POINTERS = ("who", "ana", "ref", "corresp")


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


def read_lazily(
    data: bytes, origin: str, corpus_of: CorpusOf, max_bytes: int, observe: Callable[[Any], None]
) -> Lazy | None:
    """The transcript of ``data`` read element by element without ever holding its turns,
    which are read again as they are asked for (see :class:`.._xml.stream.Lazy`); each turn
    of the first pass is given to ``observe``. None when the usual reader must read it."""
    if not streamable(data, origin, max_bytes):
        return None

    def first(keep: Callable[[Any], Any]) -> tuple[ReadResult, int]:
        reader = _Reader(data, origin, None, keep=keep)
        return reader.read(corpus_of), reader.settled

    def again() -> Iterator[Any]:
        return _Reader(data, origin, None, replay=True).replay(corpus_of)

    return lazily(first, again, observe)


@dataclass(frozen=True)
class WholeTree:
    """What the whole-tree validation (convert.py) lends the streaming one, which does not
    import it: finding the corpus root, the profile's checks, the ids pointers may name."""

    corpus_of: CorpusOf
    profile_name: str
    #: The profile's verdict, and whether the profile's quick route accepts a document.
    profile_problems: Callable[[etree._ElementTree, str], list[Problem]]
    quick_route: Callable[[etree._ElementTree], bool]
    #: The xml:ids of the teiHeader and of a whole document; the ids the setting names.
    header_ids: Callable[[etree._Element], set[str]]
    all_ids: Callable[[etree._Element], set[str]]
    setting_keys: Callable[[etree._Element], list[str]]


def validate_streamed(
    data: bytes,
    origin: str,
    whole: WholeTree,
    max_bytes: int,
    budget: int = VALIDATION_BUDGET,
    *,
    keep_model: bool = True,
) -> ValidationResult | None:
    """What ``validate`` answers for ``data``, found element by element, or None when the
    usual validation must tell. ``budget``: the whole-tree path's (see validation_copy);
    ``keep_model=False``: the transcript returned is made of stand-ins, for a caller that
    needs only the problems (``transcript validate``: see json.stream)."""
    if not streamable(data, origin, max_bytes):
        return None
    reader = _Reader(data, origin, CutCounter(budget), keep_model, whole)
    try:
        result = reader.read(whole.corpus_of)
        assert reader.cut is not None
        tree = reader.root.getroottree()
        kept = reader.cut.cut()
        if kept is None:
            if not reader.holding:
                return None
            # Checked whole, as the whole-tree path checks it (held whole while streamed).
            problems = [] if whole.quick_route(tree) else whole.profile_problems(tree, origin)
        else:
            trim(reader.root, kept)
            problems = whole.profile_problems(tree, origin)
            name = whole.profile_name
            problems.append(reader.cut.warning(tree, kept, "tei_profile_partial", name, origin))
    except (GiveUpError, TranscriptError, ValidationError, ValueError, RecursionError):
        return None
    return ValidationResult(result.transcripts, problems + result.warnings)


class _Pointers:
    """The ids the pointers of the document name (the whole-tree path's
    ``_pointer_problems``, with sets instead of the tree): each must name an xml:id of the
    header or of the corpus root, else the whole-tree path tells what it names."""

    def __init__(self, whole: WholeTree | None) -> None:
        self.whole = whole
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
        whole = self.whole
        assert whole is not None
        self.wanted.update(whole.setting_keys(root))
        self.known = whole.header_ids(root)
        if corpus is not None:
            self.known |= whole.all_ids(corpus)
        self._check()

    def _check(self) -> None:
        if not self.wanted <= self.known:  # type: ignore[operator]
            raise GiveUpError("a pointer to an id outside the header")
        self.wanted.clear()


@dataclass
class _Part(Frame):
    """A part of the text (front, body) or a div, whose elements are read one by one."""

    first: bool = False  # a div: the first section of its part
    mode: str | None = None  # a div: "leaf" (it holds no div) or "nested", once known
    label: tuple[str, etree._Element] | None = None  # a leaf div: the pending speaker label
    made: int = 0  # sections made by the divs in it


class _Reader(StreamReader):
    def __init__(
        self,
        data: bytes,
        origin: str,
        cut: CutCounter | None,
        keep_model: bool = True,
        whole: WholeTree | None = None,
        *,
        keep: Callable[[Any], Any] | None = None,
        replay: bool = False,
    ) -> None:
        super().__init__(data, cut, keep_model, self.hand_out if replay else keep)
        self.stop_at_body = replay
        self.origin = origin
        self.pointers = _Pointers(whole)
        self.root: etree._Element = etree.Element("none")
        self.context = Context(origin)

    def check(self, element: etree._Element) -> None:
        self.pointers.element(element)

    def read(self, corpus_of: CorpusOf) -> ReadResult:
        tree, corpus, warnings = self._header(corpus_of)
        result = read_tree(tree, self.origin, corpus, warnings, body=self._body)
        self.finish()
        return result

    def replay(self, corpus_of: CorpusOf) -> Iterator[Any]:
        """The turns, read again (a reader made with ``replay``; see read_lazily)."""
        tree, corpus, warnings = self._header(corpus_of)
        try:
            read_tree(tree, self.origin, corpus, warnings, body=self._body)
        except BodyReachedError:
            return self.replaying(_Part(self.text, self.text_index))
        raise GiveUpError("the body was not read")

    def _header(
        self, corpus_of: CorpusOf
    ) -> tuple[etree._ElementTree, etree._Element | None, list[Problem]]:
        """Parse to the text: the root and the teiHeader, whole, and the corpus root."""
        _, root = self.next_event()
        self.root = root
        if root.tag != T + "TEI":
            raise GiveUpError("not a TEI document")
        self.text = self.start_of(_TEXT, 1)
        self.text_index = self.index
        if [child.tag for child in root.iterchildren(etree.Element)] != [_HEADER, _TEXT]:
            raise GiveUpError("not a teiHeader and a text")
        tree = root.getroottree()
        corpus, warnings = corpus_of(tree)
        if self.cut is not None:
            self.pointers.header(root, corpus)
        return tree, corpus, warnings

    def _body(self, context: Context, root: etree._Element) -> None:
        self.context = context
        self.turns = context.turns
        if self.stop_at_body:
            raise BodyReachedError
        self.walk(_Part(self.text, self.text_index))

    def open_child(self, frame: Frame, element: etree._Element) -> Frame | None:
        assert isinstance(frame, _Part)
        tag = element.tag
        parent = frame.element.tag
        if parent == _TEXT:
            if tag == _BACK:
                raise GiveUpError("back matter")
            return _Part(element, self.index) if tag in (_FRONT, _BODY) else None
        if parent in (_FRONT, _BODY):
            if tag != TAG_DIV:
                return None
            return _Part(element, self.index, first=parent == _FRONT or frame.made == 0)
        if frame.mode is None:  # the first child of a div tells what the div holds
            frame.mode = "nested" if tag == TAG_DIV else "leaf"
            if frame.mode == "leaf":
                self._section(frame, element)
        if tag != TAG_DIV:
            return None
        if frame.mode == "leaf":
            raise GiveUpError("a div after other elements of a div")
        return _Part(element, self.index, first=frame.first and frame.made == 0)

    def _section(self, frame: _Part, first: etree._Element | None) -> None:
        """A div of elements (no divs) starts a section: a break before it unless it is the
        first, or opens with its own break note (body._division)."""
        opens_with_break = (
            first is not None and first.tag == TAG_NOTE and first.get("type") == NOTE_BREAK
        )
        if not frame.first and not opens_with_break:
            self.context.turns.append({"kind": "break"})

    def read_child(self, frame: Frame, element: etree._Element) -> None:
        """Read an element of the text as body.read_body does."""
        assert isinstance(frame, _Part)
        parent = frame.element.tag
        if parent in (_FRONT, _BODY):
            _block(self.context, element, first=True)
        elif parent == TAG_DIV:
            if frame.mode == "nested":
                _element(self.context, element, None)
            else:
                frame.label = _element(self.context, element, frame.label)

    def close_frame(self, frame: Frame) -> None:
        assert isinstance(frame, _Part)
        if frame.element.tag != TAG_DIV:
            return
        if frame.mode is None:
            self._section(frame, None)
        if frame.mode != "nested":
            _dangling(self.context, frame.label)
        parent = self.frames[-1]
        assert isinstance(parent, _Part)
        if parent.element.tag != _FRONT:
            parent.made += frame.made if frame.mode == "nested" else 1
