"""What reading one Akoma Ntoso debate collects: the document, its meta and references, the
participants and turns so far, and the warnings; and opening a document into it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from transcript_model.errors import CappedProblems, Problem, TranscriptError, excerpt

from .common import AKN10, AKN20, AKN30, AKN30_DRAFT_PREFIX, TM, line_of, reference_key

_DOCUMENT_TYPES = ("debate", "debateRecord", "debateReport")


SPEECHES = frozenset({"speech", "question", "answer", "other"})


def local_name(element: Any) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):
        return None  # comments and processing instructions
    # "{namespace}name" or "name"; a name holds no "}". Cheaper than building an etree.QName.
    return tag.rpartition("}")[2]


def is_akn(namespace: str) -> bool:
    return namespace in ("", AKN30, AKN20, AKN10) or namespace.startswith(AKN30_DRAFT_PREFIX)


@dataclass
class Context:
    """State of one read: the document, its references, the turns so far, the warnings."""

    origin: str
    default_date: dt.date | None
    root: Any
    #: The document's AKN namespace ("" for SayIt's import format).
    ns: str
    #: At most a hundred of one code: a file of a million empty speeches is a million warnings.
    warnings: CappedProblems = field(default_factory=CappedProblems)
    #: The debate element, its meta (made empty when missing), our own proprietary block (None
    #: in third-party documents) and the references entries by the key pointers use.
    doc: Any = None
    meta: Any = None
    own: Any = None
    refs: dict[str, Any] = field(default_factory=dict)
    turns: list[dict[str, Any]] = field(default_factory=list)
    people: dict[str, dict[str, Any]] = field(default_factory=dict)  # reference eId → participant
    # The same participants by model id, and the next suffix to try for a base id: a
    # document of many speakers made every lookup and every new id scan them all.
    people_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    next_suffix: dict[str, int] = field(default_factory=dict)
    pending_num: str | None = None
    participant_list: list[dict[str, Any]] = field(default_factory=list)
    captions: list[dict[str, Any]] = field(default_factory=list)
    #: Participants made from the labels of speeches whose ``by`` is a bare "#", by label.
    label_people: dict[str, str] = field(default_factory=dict)
    #: The language of the preface block the title came from (Oireachtas: "title_en").
    title_language: str | None = None
    #: The sitting as read from the preface (model 1.1), None while nothing says there is one.
    sitting: dict[str, Any] | None = None
    #: True at the start of a section: paragraphs do not continue a passage across it.
    boundary: bool = True
    #: The entries of ``people`` by their key in lower case (None for a key two entries share),
    #: built on first use by a bare ``by`` in another letter case.
    people_folded: dict[str, dict[str, Any] | None] | None = None
    # Qualified names the body loops compare every child with, built once.
    prefix: str = field(init=False)  # of every tag in the document's namespace
    tag_p: str = field(init=False)
    tag_speech: str = field(init=False)
    tag_from: str = field(init=False)
    tag_ins: str = field(init=False)
    tag_remark: str = field(init=False)

    def __post_init__(self) -> None:
        self.prefix = f"{{{self.ns}}}"
        self.tag_p = self.q("p")
        self.tag_speech = self.q("speech")
        self.tag_from = self.q("from")
        self.tag_ins = self.q("ins")
        self.tag_remark = self.q("remark")

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name

    def mine(self, element: Any) -> str | None:
        """The local name of an element of the document's AKN namespace, else None."""
        tag = element.tag
        if not isinstance(tag, str):
            return None
        if not self.ns:  # SayIt's import format: AKN element names without a namespace
            return None if tag.startswith("{") else tag
        prefix = self.prefix
        return tag[len(prefix) :] if tag.startswith(prefix) else None

    def warn(self, code: str, message: str, element: Any) -> None:
        line = line_of(element)
        self.warnings.append(Problem(code, message, self.origin, line=line, severity="warning"))

    def fail(self, code: str, message: str, element: Any) -> TranscriptError:
        line = line_of(element)
        return TranscriptError.single(code, message, self.origin, line)

    def target(self, pointer: str | None) -> Any:
        """The references entry a "#eId" pointer names (a bare eId is accepted too), or None."""
        if not pointer:
            return None
        found = self.refs.get(pointer.removeprefix("#"))
        if found is None and pointer[:1].isspace():
            # Hand-made files write as=" #speaker" (Bungeni's example debate does).
            found = self.refs.get(pointer.strip().removeprefix("#"))
        return found

    def frbr(self, level: str, child: str, attribute: str) -> str | None:
        found = self.meta.find(f"{self.q('identification')}/{self.q(level)}/{self.q(child)}")
        return None if found is None else found.get(attribute)


def open_document(
    tree: etree._ElementTree, origin: str, default_date: dt.date | None = None
) -> Context:
    """The context for reading ``tree``, with its debate, meta and references found."""
    root = tree.getroot()
    ns = etree.QName(root).namespace or ""
    if not is_akn(ns) or etree.QName(root).localname != "akomaNtoso":
        raise TranscriptError.single(
            "akn_root",
            "expected an Akoma Ntoso document (root element akomaNtoso in the 3.0 or 2.0 "
            f"namespace), found {excerpt(etree.QName(root).localname)} in "
            f"{excerpt(ns or 'no namespace')}",
            origin,
            line_of(root),
        )
    context = Context(origin, default_date, root, ns)
    context.doc = _document(context)
    context.meta = context.doc.find(context.q("meta"))
    context.own = _find_own(context)
    context.refs = _references(context)
    return context


def _document(context: Context) -> Any:
    for child in context.root:
        name = context.mine(child)
        if name in _DOCUMENT_TYPES:
            return child
        if name is not None:
            raise context.fail(
                "akn_not_debate",
                f"expected a debate document, found an Akoma Ntoso {excerpt(name)}",
                child,
            )
    raise context.fail("akn_not_debate", "akomaNtoso holds no debate document", context.root)


def _find_own(context: Context) -> Any:
    if context.meta is None:
        # Minimal exports (SayIt's import format) may lack meta: read what the body holds.
        context.meta = etree.Element(context.q("meta"))
        context.warn("akn_no_meta", "the debate has no meta element", context.doc)
    return context.meta.find(f"{context.q('proprietary')}/{{{TM}}}transcript")


def _references(context: Context) -> dict[str, Any]:
    refs: dict[str, Any] = {}
    for block in context.meta.iterfind(context.q("references")):
        for entry in block:
            key = reference_key(entry) if local_name(entry) is not None else None
            if key is not None:
                refs.setdefault(key, entry)
    return refs
