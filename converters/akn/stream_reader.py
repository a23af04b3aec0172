"""A large Akoma Ntoso debate read element by element, for memory (issue 18).

The whole-tree reader holds the parsed document (about six times the file's size), and its
validation a cut copy of it besides. This one parses with ``iterparse``: ``meta`` and the
``preface`` are built whole (the references the body points into, the event), then each
child of a debate section (a speech, a heading, a narrative) is read as soon as it ends, by
the whole-tree reader's own functions, and dropped; each finished turn is built into the
model at once (see :class:`.._xml.stream.StreamReader`).

Validating keeps what the whole-tree path checks of a large document: the OASIS XSD on a copy
cut to the first children of each element (the streamed tree keeps exactly those), with the
same partial-check warning, and the pointers against the references of ``meta``.

It is a fast path for expected input only: a debate shaped otherwise (a cover page, a
``mainBody`` or ``conclusions``, references outside ``meta``), an event whose title or date
the preface does not give (the reader would look for them in the body), a pointer that
names no reference, a speech by a reference that is no person, a problem the reader raises or
the model refuses, or an AKN 3.0 document small enough in every element to be checked whole
makes it give up (``None``), and the caller reads the document the usual way, which answers
as it always has.

:func:`read_lazily` reads it twice instead of holding its turns (see
:class:`.._xml.stream.Lazy`): for a writer a turn at a time, such as JSON's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from transcript_model.errors import Problem, excerpt
from transcript_model.inputs import ReadResult, ValidationResult

from .._xml.safe import VALIDATION_BUDGET
from .._xml.stream import (
    FAILURES,
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
from .body import _SECTIONS, _WRAPPERS, read_block, read_speech
from .common import AKN30, line_of
from .context import SPEECHES, Context, local_name, open_document
from .reader import _date_option, build_transcript
from .validate import _pointer_problem, _reference_kinds, schema_problems, unsettled_pointers

_CONTAINERS = _SECTIONS | _WRAPPERS
#: Children of the debate before its body that the reader reads from the partial tree.
_BEFORE_BODY = frozenset({"meta", "preface"})
_FAILURES = FAILURES


def read_streamed(
    data: bytes, origin: str, date: str | dt.date | None, max_bytes: int
) -> ReadResult | None:
    """The transcript of ``data`` read element by element, or None when the usual reader
    must read it (see the module's docstring). ``date``: the reader's date option."""
    if not streamable(data, origin, max_bytes):
        return None
    try:
        return _Reader(data, origin, None).read(_date_option(date, origin))
    except _FAILURES:
        return None


def read_lazily(
    data: bytes, origin: str, max_bytes: int, observe: Callable[[Any], None]
) -> Lazy | None:
    """The transcript of ``data`` read element by element without ever holding its turns,
    which are read again as they are asked for (see :class:`.._xml.stream.Lazy`); each turn
    of the first pass is given to ``observe``. None when the usual reader must read it."""
    if not streamable(data, origin, max_bytes):
        return None

    def first(keep: Callable[[Any], Any]) -> tuple[ReadResult, int]:
        reader = _Reader(data, origin, None, keep=keep)
        return reader.read(None), reader.settled

    def again() -> Iterator[Any]:
        return _Reader(data, origin, None, replay=True).replay()

    return lazily(first, again, observe)


def check_streamed(data: bytes, origin: str, max_bytes: int) -> list[Problem] | None:
    """The problems ``validate`` finds in ``data`` (a document of one transcript, found
    without holding its model: for ``transcript validate``, which needs only the verdict),
    or None when the usual validation must tell."""
    result = validate_streamed(data, origin, max_bytes, keep_model=False)
    return None if result is None else result.problems


def validate_streamed(
    data: bytes,
    origin: str,
    max_bytes: int,
    budget: int = VALIDATION_BUDGET,
    *,
    keep_model: bool = True,
) -> ValidationResult | None:
    """What ``validate`` answers for ``data``, found element by element, or None when the
    usual validation must tell. ``budget``: the whole-tree path's (see validation_copy);
    ``keep_model=False``: the transcript returned is made of stand-ins (see check_streamed)."""
    if not streamable(data, origin, max_bytes):
        return None
    reader = _Reader(data, origin, CutCounter(budget), keep_model)
    try:
        result = reader.read(None)
        problems: list[Problem] = []
        if reader.namespace == AKN30:
            assert reader.cut is not None
            tree = reader.root.getroottree()
            kept = reader.cut.cut()
            if kept is None and not reader.holding:
                return None
            if kept is not None:
                trim(reader.root, kept)
            problems += schema_problems(tree, origin)  # of the whole document, or its cut
            if kept is not None:
                problems.append(
                    reader.cut.warning(tree, kept, "akn_schema_partial", "the XSD", origin)
                )
        else:
            problems.append(
                Problem(
                    "akn_schema_skipped",
                    f"namespace {excerpt(reader.namespace or '(none)')} is not AKN 3.0: the "
                    "OASIS 3.0 XSD was not applied",
                    origin,
                    line_of(reader.root),
                    severity="warning",
                )
            )
    except _FAILURES:
        return None
    return ValidationResult(result.transcripts, problems + result.warnings)


class _DocumentView:
    """The debate element as the reader sees it before the body is read: it notes when the
    reader looks into the body (for a title or date the preface does not give)."""

    def __init__(self, element: etree._Element, names: tuple[str, ...]) -> None:
        self._element = element
        self._names = names  # tags the reader looks for everywhere only as a fallback
        self.looked = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._element, name)

    def __iter__(self) -> Any:
        return iter(self._element)

    def find(self, path: str, *args: Any) -> Any:
        self.looked = self.looked or "debateBody" in path
        return self._element.find(path, *args)

    def iter(self, *tags: Any) -> Any:
        self.looked = self.looked or any(tag in self._names for tag in tags)
        return self._element.iter(*tags)


class _Reader(StreamReader):
    def __init__(
        self,
        data: bytes,
        origin: str,
        cut: CutCounter | None,
        keep_model: bool = True,
        *,
        keep: Callable[[Any], Any] | None = None,
        replay: bool = False,
    ) -> None:
        super().__init__(data, cut, keep_model, self.hand_out if replay else keep)
        self.stop_at_body = replay
        self.origin = origin
        self.root: etree._Element = etree.Element("none")
        self.namespace = ""
        self.context: Context | None = None
        self.entries: dict[str, str] | None = None  # when checking: the references' kinds
        self.references = ""
        self.speeches: tuple[str, ...] = ()
        self.body: Frame | None = None  # a second pass: the body, where it stopped

    def read(self, date: dt.date | None) -> ReadResult:
        _, root = self.next_event()
        self.root = root
        self.namespace = etree.QName(root).namespace or ""
        # As validate._reference_kinds looks for them (none without a namespace).
        self.references = f"{{{self.namespace}}}references"
        if self.namespace != AKN30 and self.cut is not None:
            self.cut.bound = 0  # no schema check: nothing kept for one
            self.holding = False
        event, debate = self.next_event()
        if event != "start":
            raise GiveUpError("an empty document")
        body = self.start_of(self._q("debateBody"), 1)
        body_index = self.index
        names = [local_name(c) for c in debate.iterchildren(etree.Element)]
        if [local_name(c) for c in root.iterchildren(etree.Element)] != [local_name(debate)]:
            raise GiveUpError("more than the debate")
        if not set(names[:-1]) <= _BEFORE_BODY or names.count("meta") > 1:
            raise GiveUpError("a part of the debate read from the body")
        context = open_document(root.getroottree(), self.origin, date)
        if context.doc is not debate:
            raise GiveUpError("another document")
        self.context = context
        self.speeches = tuple(context.q(n) for n in sorted(SPEECHES))
        if self.cut is not None:
            self._check_header()
        view = _DocumentView(
            debate, tuple(context.q(n) for n in ("docTitle", "shortTitle", "docDate"))
        )
        context.doc = view

        def read_body(context: Context) -> None:
            context.doc = debate
            if view.looked:
                raise GiveUpError("the reader looked into the body")
            self.turns = context.turns
            if self.stop_at_body:
                self.body = Frame(body, body_index)
                raise BodyReachedError
            self.walk(Frame(body, body_index))

        transcript = build_transcript(context, read_body)
        self.finish()
        return ReadResult([transcript], context.warnings.result())

    def replay(self) -> Iterator[Any]:
        """The turns, read again (a reader made with ``replay``; see read_lazily)."""
        try:
            self.read(None)
        except BodyReachedError:
            assert self.body is not None
            return self.replaying(self.body)
        raise GiveUpError("the body was not read")

    def _q(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name

    # -- the body ------------------------------------------------------------------------

    def open_child(self, frame: Frame, element: etree._Element) -> Frame | None:
        assert self.context is not None
        if self.context.mine(element) in _CONTAINERS:
            self.context.boundary = True  # as body.read_section does at its start
            return Frame(element, self.index)
        return None

    def read_child(self, frame: Frame, element: etree._Element) -> None:
        """Read a child of a section as body.read_section does."""
        context = self.context
        assert context is not None
        for speech in element.iter(*self.speeches):
            key = (speech.get("by") or "").removeprefix("#")
            entry = context.refs.get(key) if key else None
            if entry is not None and local_name(entry) != "TLCPerson":
                # The whole-tree reader makes such a reference a participant.
                raise GiveUpError("a speech by a reference that is no person")
        if element.tag == context.tag_speech:
            read_speech(context, element)
        else:
            read_block(context, element)

    def close_frame(self, frame: Frame) -> None:
        assert self.context is not None
        self.context.pending_num = None  # as body.read_section does at its end
        self.context.boundary = True

    # -- pointers ------------------------------------------------------------------------

    def _check_header(self) -> None:
        self.entries = _reference_kinds(self.root)
        for element in self.root.iter(etree.Element):
            self._pointers(element)

    def check(self, element: etree._Element) -> None:
        if self.entries is None:
            return  # the header's, looked at once the references are known
        if element.tag == self.references:
            raise GiveUpError("references outside meta")
        self._pointers(element)

    def _pointers(self, element: etree._Element) -> None:
        """Give up on a pointer the whole-tree path reports or looks up in the body."""
        entries = self.entries
        assert entries is not None
        for attribute, value, kinds in unsettled_pointers(element, entries):
            if attribute == "refersTo" and value.startswith("#"):
                raise GiveUpError("refersTo names a part of the document, or nothing")
            if _pointer_problem(element, attribute, value, entries, kinds):
                raise GiveUpError("a pointer that names nothing")
