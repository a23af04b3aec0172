"""Inline content of utterances: paragraphs of text, and the notes, gaps and incidents that
interrupt a speech and become turns of their own."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, cast

from lxml import etree

from transcript_model import types

from .common import (
    DESC_NO_TEXT,
    DESC_TABS,
    DESC_TYPE,
    DESC_UNTYPED,
    EVENT_KINDS,
    NOTE_SPEAKER,
    NOTE_TIME,
    XML_LANG,
    T,
    restore_tabs,
)
from .context import Context
from .people import participant_id
from .values import (
    COMMENT_TAGS,
    PARAGRAPH_TAGS,
    SILENT_TAGS,
    TAG_DESC,
    TAG_GAP,
    TAG_NOTE,
    TAG_SEG,
    TAG_SPEAKER,
    TAG_STAGE,
    TOKEN_TAGS,
    all_text,
    child_elements,
    clean_line,
    find,
    is_line,
    local_name,
    pointer_tokens,
)

#: The elements of inline events, by tag: each is the event kind of the same name.
EVENT_TAGS = {T + kind: kind for kind in EVENT_KINDS} | {TAG_STAGE: "note"}
_FRAGMENT = re.compile(f"^[^{types.FORBIDDEN_CHARACTERS}]+$")
_SPACES = re.compile(r"[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF]+")
_TIME = re.compile(r"^(?:[0-9-]+T)?([0-9]{2}:[0-9]{2}:[0-9]{2})")


def comment_turn(context: Context, element: etree._Element) -> None:
    """A note, gap, kinesic, vocal or incident: an omission or a stage direction."""
    tag = element.tag
    # A note's own text is the direction; the others may describe themselves in a desc.
    desc, packaged = _descs(element) if tag != TAG_NOTE else (None, {})
    if tag == TAG_GAP:
        shown = clean_line(desc_text(desc, packaged)) if desc is not None else None
        reason = clean_line(element.get("reason") or "")
        marker = shown or (f"[{reason}]" if reason else None)
        context.turns.append(
            {"kind": "omission", "marker": marker} if marker else {"kind": "omission"}
        )
        return
    if tag == TAG_NOTE and element.get("type") == NOTE_SPEAKER:
        context.warn("tei_dropped", "a speaker label inside an utterance dropped", element)
        return
    source = desc if desc is not None else element
    value = clean_line(all_text(source))
    if value:
        context.turns.append({"kind": "stage", "text": value})
    else:
        context.warn("tei_dropped", f"an empty <{local_name(element)}> dropped", element)


@dataclass
class Speech:
    """Collects the paragraphs of one utterance, split where comments interrupt it."""

    context: Context
    base: dict[str, Any]
    label: str | None
    paragraphs: list[str] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    parts: int = 0

    def end_paragraph(self) -> None:
        value = clean_line("".join(self.buffer)) if self.buffer else None
        if value:
            self.paragraphs.append(value)
        self.buffer = []

    def flush(self) -> None:
        self.end_paragraph()
        if not self.paragraphs:
            return
        turn = {**self.base, "paragraphs": self.paragraphs}
        # A continuation after an interruption has no new label, unless it has no speaker.
        continued = self.parts > 0 and "speaker" in self.base
        if self.base["kind"] == "speech" and self.label is not None and not continued:
            turn["label"] = self.label
        self.context.turns.append(turn)
        self.parts += 1
        self.paragraphs = []

    def interrupt(self, element: etree._Element) -> None:
        self.flush()
        comment_turn(self.context, element)


def plain_paragraphs(u: etree._Element) -> list[str] | None:
    """The paragraphs of ``u`` when it holds only ``seg`` elements of plain text (all the
    writer produces), else None."""
    if u.text and not u.text.isspace():
        return None
    # Selecting the segs by name in C spares reading every child's tag from Python.
    segs = list(u.iterchildren(TAG_SEG))
    if len(segs) != len(u):
        return None
    paragraphs = []
    for seg in segs:
        tail = seg.tail
        if len(seg) or (tail and not tail.isspace()):
            return None
        value = seg.text or ""
        if is_line(value):
            paragraphs.append(value)
        else:
            cleaned = clean_line(value)
            if cleaned:
                paragraphs.append(cleaned)
    return paragraphs


def profiled_paragraphs(u: etree._Element) -> list[str] | None:
    """The paragraphs of ``u`` in a document that passed the quick profile check.

    The profile holds an utterance to segs of one Line each (whitespace between them), and
    the quick route refuses comments and processing instructions: what
    :func:`plain_paragraphs` tests seg by seg is known, and a third of reading went into
    testing it.
    """
    paragraphs = []
    for seg in u:  # one pass over the children, no generator: a call fewer per seg
        # The profile lets a seg hold events too (mixed content): those take the full route.
        if len(seg) or seg.tag != TAG_SEG:
            return None
        paragraphs.append(seg.text)
    return cast("list[str]", paragraphs)


def gather_inline(speech: Speech, element: etree._Element) -> None:
    """Gather the text of ``element``; comments inside it split the speech."""
    if element.text:
        speech.buffer.append(element.text)
    for child in child_elements(element):
        if child.tag in COMMENT_TAGS:
            speech.interrupt(child)
        elif child.tag not in SILENT_TAGS:
            _before_token(speech.buffer, child)
            gather_inline(speech, child)
        _after(speech.buffer, child)


def _before_token(buffer: list[str], child: etree._Element) -> None:
    """No space before a token that joins the one before it (``join="left"``)."""
    if child.tag in TOKEN_TAGS and child.get("join") in ("left", "both"):
        while buffer and buffer[-1].isspace():
            buffer.pop()
        if buffer:
            buffer[-1] = buffer[-1].rstrip()


def _after(buffer: list[str], child: etree._Element) -> None:
    """What follows a child: its tail; after a token (``w``, ``pc``) a space, unless it joins
    the next one (``join="right"``, as ParlaMint's annotated files mark a word before a comma),
    when its tail is only the file's indentation and is left out too."""
    tail = child.tail
    if child.tag in TOKEN_TAGS:
        if child.get("join") in ("right", "both"):
            if tail and not tail.isspace():
                buffer.append(tail)
            return
        buffer.append(" ")
    elif tail and tail.isspace() and _ends_joined(child):
        return  # "<name><w>Indrek</w><w join="right">Saar</w></name><pc>,</pc>"
    if tail:
        buffer.append(tail)


def _ends_joined(element: etree._Element) -> bool:
    """Whether the last of the elements ``element`` ends with is a token joined to the next."""
    node = element
    while len(node):
        node = node[-1]
    return node.tag in TOKEN_TAGS and node.get("join") in ("right", "both")


def inline_event(context: Context, element: etree._Element) -> dict[str, Any] | None:
    """The inline event an element inside an utterance stands for (None: dropped)."""
    kind = EVENT_TAGS[element.tag]
    if kind == "note" and element.get("type") == NOTE_SPEAKER:
        context.warn("tei_dropped", "a speaker label inside an utterance dropped", element)
        return None
    if kind == "note" and element.get("type") == NOTE_TIME:
        return _packaged_time(context, element)
    event: dict[str, Any] = {"kind": kind}
    # A type that is no XML Name (it has a space) is written to @n by the writer.
    raw_type = element.get("reason" if kind == "gap" else "type") or element.get("n")
    desc: etree._Element | None = element
    packaged: dict[str, str] = {}
    if kind not in ("note", "time"):
        desc, packaged = _descs(element)
        raw_type = packaged.get(DESC_TYPE, raw_type)
        if DESC_UNTYPED in packaged:
            raw_type = None
    kind_type = context.name(raw_type, element, "the event type") if raw_type else None
    if kind_type:
        event["type"] = kind_type
    value = clean_line(desc_text(desc, packaged)) if desc is not None else None
    if value:
        event["text"] = value
    who = pointer_tokens(element.get("who"))
    if who and kind in ("vocal", "kinesic", "incident"):
        event["speaker"] = participant_id(context, who[0], element)
    if kind == "time":
        match = _TIME.match(element.get("when") or "")
        if match:
            event["when"] = match.group(1)
    return event


def _descs(element: etree._Element) -> tuple[etree._Element | None, dict[str, str]]:
    """The desc that gives an event's text, and what ParlaMint packaging's private-use descs
    say (by language: see DESC_TYPE)."""
    text = None
    packaged = {}
    for desc in element.iterchildren(TAG_DESC):
        language = desc.get(XML_LANG) or ""
        if language in _PACKAGED_DESCS:
            packaged[language] = all_text(desc)
        elif text is None:
            text = desc
    return text, packaged


_PACKAGED_DESCS = frozenset({DESC_TYPE, DESC_UNTYPED, DESC_NO_TEXT, DESC_TABS})


def desc_text(desc: etree._Element, packaged: dict[str, str]) -> str:
    """The text of a desc, its tabs back where ParlaMint packaging wrote spaces for them."""
    return restore_tabs(all_text(desc), packaged.get(DESC_TABS))


def _packaged_time(context: Context, note: etree._Element) -> dict[str, Any]:
    """A time event as ParlaMint packaging writes it: a note holding a ``time`` (or only the
    text, where the model has no time of day), its type in ``@n``."""
    event: dict[str, Any] = {"kind": "time"}
    kind_type = context.name(note.get("n") or "", note, "the event type")
    if kind_type:
        event["type"] = kind_type
    value = clean_line(all_text(note))
    if value:
        event["text"] = value
    time = find(note, T + "time")
    match = _TIME.match(time.get("when") or "") if time is not None else None
    if match:
        event["when"] = match.group(1)
    return event


@dataclass
class Content:
    """The text and events of one paragraph (a seg) in order."""

    context: Context
    items: list[Any] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)

    def text(self) -> None:
        if not self.buffer:
            return
        joined = "".join(self.buffer)
        self.buffer = []
        if not _FRAGMENT.match(joined):
            joined = _SPACES.sub(" ", joined)  # indentation of a third-party file
        if self.items and isinstance(self.items[-1], str):
            self.items[-1] += joined
        elif joined:
            self.items.append(joined)

    def gather(self, element: etree._Element) -> None:
        if element.text:
            self.buffer.append(element.text)
        for child in child_elements(element):
            if child.tag in EVENT_TAGS:
                event = inline_event(self.context, child)
                if event is not None:
                    self.text()
                    self.items.append(event)
            elif child.tag not in SILENT_TAGS:
                _before_token(self.buffer, child)
                self.gather(child)
            _after(self.buffer, child)

    def block(self) -> Any:
        """A plain paragraph, a paragraph with events, or None when there is nothing."""
        self.text()
        items = self.items
        self.items = []
        if items and isinstance(items[0], str):
            items[0] = items[0].lstrip()
        if items and isinstance(items[-1], str):
            items[-1] = items[-1].rstrip()
        items = [item for item in items if item != ""]
        if not items:
            return None
        if len(items) == 1 and isinstance(items[0], str):
            return clean_line(items[0])
        return {"kind": "paragraph", "content": items}


def speech_blocks(context: Context, u: etree._Element) -> list[Any]:
    """The blocks of an utterance: a paragraph per seg, an event per event element between
    them, and any loose text as paragraphs of its own."""
    blocks: list[Any] = []
    loose = Content(context)

    def add(block: Any) -> None:
        if block is not None:
            blocks.append(block)

    if u.text:
        loose.buffer.append(u.text)
    for child in child_elements(u):
        tag = child.tag
        if tag in PARAGRAPH_TAGS:
            add(loose.block())
            content = Content(context)
            content.gather(child)
            add(content.block())
        elif tag == TAG_SPEAKER:
            pass  # the label of an sp, read by the caller
        elif tag in EVENT_TAGS:
            event = inline_event(context, child)
            if event is not None:
                add(loose.block())
                blocks.append(event)
        elif tag not in SILENT_TAGS:
            loose.gather(child)
        if child.tail:
            loose.buffer.append(child.tail)
    add(loose.block())
    return blocks
