"""Inline content of utterances: paragraphs of text, and the notes, gaps and incidents that
interrupt a speech and become turns of their own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from lxml import etree

from .common import NOTE_SPEAKER
from .context import Context
from .values import (
    COMMENT_TAGS,
    SILENT_TAGS,
    TAG_DESC,
    TAG_GAP,
    TAG_NOTE,
    TAG_SEG,
    TOKEN_TAGS,
    all_text,
    child_elements,
    clean_line,
    find,
    is_line,
    local_name,
)


def comment_turn(context: Context, element: etree._Element) -> None:
    """A note, gap, kinesic, vocal or incident: an omission or a stage direction."""
    tag = element.tag
    # A note's own text is the direction; the others may describe themselves in a desc.
    desc = find(element, TAG_DESC) if tag != TAG_NOTE else None
    if tag == TAG_GAP:
        shown = clean_line(all_text(desc)) if desc is not None else None
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


def profiled_paragraphs(u: etree._Element) -> list[str]:
    """The paragraphs of ``u`` in a document that passed the quick profile check.

    The profile holds an utterance to segs of one Line each (whitespace between them), and
    the quick route refuses comments and processing instructions: what
    :func:`plain_paragraphs` tests seg by seg is known, and a third of reading went into
    testing it.
    """
    return cast("list[str]", [seg.text for seg in u])


def gather_inline(speech: Speech, element: etree._Element) -> None:
    """Gather the text of ``element``; comments inside it split the speech."""
    if element.text:
        speech.buffer.append(element.text)
    for child in child_elements(element):
        if child.tag in COMMENT_TAGS:
            speech.interrupt(child)
        elif child.tag not in SILENT_TAGS:
            gather_inline(speech, child)
            if child.tag in TOKEN_TAGS and child.get("join") != "right":
                speech.buffer.append(" ")
        if child.tail:
            speech.buffer.append(child.tail)
