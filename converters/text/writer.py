"""Rendering a transcript as kremlin.ru page text that reads back to the same transcript.

The writer first prints the page as the site does. It then reads its own output back and, for
each part that did not survive (the header, the participant list, a turn, the footer), switches
that part to its explicit form: escaped lines, directives, footer extension lines. Real pages
therefore come out looking like the page, and anything else still round-trips exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from transcript_model.errors import TranscriptError, excerpt
from transcript_model.inline import InlineEvent, Paragraph
from transcript_model.model import Speech, Transcript

from .. import _kremlin as kremlin
from . import layout
from .document import language_sample
from .footer import is_box_furniture
from .header import has_date, is_caption_text

Parser = Callable[[list[tuple[int, str]], str], Transcript]


@dataclass
class _Explicit:
    """Which parts of a transcript are written in their explicit form."""

    header: bool = False
    participants: bool = False
    footer: bool = False
    turns: set[int] = field(default_factory=set)


#: How many parts the writer switches to their explicit form one at a time.
_STEPS = 12


def render(transcript: Transcript, parse: Parser) -> str:
    """The page text of ``transcript``; ``parse`` is the reader used to check it."""
    explicit = _Explicit()
    for attempt in range(_STEPS + 2):
        lines = render_lines(transcript, explicit)
        back = _read_back(lines, parse)
        if back == transcript:
            return "\n".join(lines) + "\n"
        if attempt < _STEPS:
            _escalate(transcript, back, explicit)
        else:
            # Settling parts one by one takes a read per part: past a few, write every part
            # explicitly, so that writing stays linear in the size of the transcript.
            explicit = _Explicit(True, True, True, set(range(len(transcript.turns))))
    raise TranscriptError.single(
        "unwritable",
        f"transcript {excerpt(transcript.id)} cannot be written as page text without loss "
        "(please report this as a bug)",
    )


def _read_back(lines: list[str], parse: Parser) -> Transcript | None:
    try:
        return parse(list(enumerate(lines, 1)), "<written>")
    except TranscriptError:
        return None


def _escalate(original: Transcript, back: Transcript | None, explicit: _Explicit) -> None:
    """Switch the next part that did not survive to its explicit form.

    Document-level parts go first, one step at a time, so that a turn is only written
    explicitly when it still fails with them settled: a page keeps its plain look as far as
    it can.
    """
    if back is None:
        explicit.header = explicit.participants = explicit.footer = True
        explicit.turns.update(range(len(original.turns)))
        return
    header_differs = (
        back.event != original.event or back.metadata.captions != original.metadata.captions
    )
    if header_differs and not explicit.header:
        explicit.header = explicit.participants = True
        return
    if back.participants != original.participants and not explicit.participants:
        explicit.participants = True
        return
    footer_differs = back.metadata.model_copy(
        update={"captions": []}
    ) != original.metadata.model_copy(update={"captions": []})
    if footer_differs and not explicit.footer:
        explicit.footer = True
        return
    if header_differs and original.turns and 0 not in explicit.turns:
        # The header still reads wrong: it took in the first lines of the body.
        explicit.turns.add(0)
        return
    pairs = zip(original.turns, back.turns, strict=False)
    first = next((i for i, (a, b) in enumerate(pairs) if a != b), None)
    if first is None and len(back.turns) != len(original.turns):
        first = min(len(original.turns), len(back.turns))
    if first is None:
        return
    # The turn that went wrong, or else the nearest plain one before it (which may have taken
    # in the lines of the next).
    after = [i for i in range(first, len(original.turns)) if i not in explicit.turns]
    before = [i for i in range(min(first, len(original.turns))) if i not in explicit.turns]
    if after:
        explicit.turns.add(after[0])
    elif before:
        explicit.turns.add(before[-1])


def render_lines(t: Transcript, explicit: _Explicit) -> list[str]:
    """The lines of the page of ``t``, with the given parts in explicit form."""
    words = kremlin.words_for(t.language)
    extensions: list[tuple[str, str]] = []
    lines = [words["breadcrumb"], *_header(t, explicit, extensions)]
    lines.extend(_body(t, explicit))
    lines.extend(_footer(t, explicit, words, extensions))
    return lines


def _escape_if(text: str, needed: bool) -> str:
    return layout.ESCAPE + text if needed else text


def _title_needs_escape(text: str) -> bool:
    return bool(
        layout.has_typographic_space(text)
        or text in kremlin.BREADCRUMBS
        or layout.is_escaped(text)
        or layout.is_end_marker(text)
        or layout.glued_end(text)
        or layout.is_footer_start(text)
    )


def _header(t: Transcript, explicit: _Explicit, ext: list[tuple[str, str]]) -> list[str]:
    event = t.event
    lines = [_escape_if(event.title, explicit.header or _title_needs_escape(event.title))]
    if event.lead is not None:
        risky = _title_needs_escape(event.lead) or has_date(event.lead)
        lines.append(_escape_if(event.lead, explicit.header or risky))
    lines.append(kremlin.format_date(event.date, t.language))
    if event.time is not None:
        lines.append(kremlin.format_time(event.time))
    if event.place is not None:
        if explicit.header or not layout.looks_like_place(event.place):
            ext.append(("Place", event.place))
        else:
            lines.append(event.place)
    separator = "из" if t.language.split("-")[0] == "ru" else "of"
    for caption in t.metadata.captions:
        lines.append(f"{caption.index} {separator} {caption.total}")
        if caption.text is None:
            lines.append(layout.NO_CAPTION)
        else:
            plain = not explicit.header and _caption_plain(caption.text)
            lines.append(_escape_if(caption.text, not plain))
    lines.extend(_attendees(t, explicit, ext))
    return lines


def _caption_plain(text: str) -> bool:
    return is_caption_text(text) and not _title_needs_escape(text)


def _attendees(t: Transcript, explicit: _Explicit, ext: list[tuple[str, str]]) -> list[str]:
    intro = t.event.attendees_intro
    attending = [p for p in t.participants if p.attending]
    if intro is None:
        return []
    if explicit.participants or not attending or kremlin.attendee_intro(f"{intro} X") != intro:
        ext.append(("Attendees intro", intro))
        return []
    items = [" ".join(x for x in (p.role, p.name) if x) for p in attending]
    lines = [f"{intro} {items[0]}"]
    for number, item in enumerate(items[1:], 2):
        lines.append(f", and {item}" if number == len(items) else f", {item}")
    lines.append(".")
    return lines


@dataclass
class _BodyState:
    """What the reader will know when it reaches the next turn (mirrors its state)."""

    open_kind: str | None = None
    open_speaker: str | None = None
    #: The speech an interruption sits in: (its speaker,) or None when there is none.
    resume: tuple[str | None] | None = None
    #: Whether only stage directions stand since that speech: the reader takes a speech going
    #: on after them as the same speech, with the directions as its events.
    only_stages: bool = False

    def after(self, turn: Any) -> None:
        kind = turn.kind
        if kind in ("stage", "omission"):
            if self.open_kind == "speech":
                self.resume = (self.open_speaker,)
                self.only_stages = True
            self.only_stages = self.only_stages and kind == "stage"
            self.open_kind = None
        elif kind in ("break", "heading"):
            self.open_kind, self.resume = None, None
        elif kind == "speech":
            if turn.label is not None:
                self.resume = None
            self.open_kind, self.open_speaker = "speech", turn.speaker
        else:
            self.open_kind = "narrative"

    def after_explicit(self, turn: Any) -> None:
        if turn.kind in ("speech", "narrative"):
            self.resume = None
        self.after(turn)


def _body(t: Transcript, explicit: _Explicit) -> list[str]:
    lines: list[str] = []
    state = _BodyState()
    for index, turn in enumerate(t.turns):
        if index in explicit.turns or not _plain_turn(turn, state, lines):
            lines.extend(_explicit_turn(turn))
            state.after_explicit(turn)
        else:
            state.after(turn)
    return lines


def _paragraph_lines(paragraphs: list[str]) -> list[str]:
    return [_escape_if(p, layout.needs_plain_escape(p)) for p in paragraphs]


def _plain_turn(turn: Any, state: _BodyState, lines: list[str]) -> bool:
    """Append ``turn`` in the page's own form to ``lines``; False when it has none."""
    kind = turn.kind
    if kind == "speech":
        return _plain_speech(turn, state, lines)
    if kind == "narrative":
        if state.open_kind is not None or state.resume not in (None, (None,)):
            return False
        lines.extend(_paragraph_lines(turn.paragraphs))
        return True
    text = turn.text if kind in ("stage", "heading") else turn.marker
    if kind == "heading" and state.open_kind == "speech":
        return False
    plain = {
        "stage": layout.is_stage,
        "omission": layout.is_omission,
        "break": layout.is_break,
        "heading": _heading_plain,
    }[kind](text)
    if plain:
        lines.append(text)
    return bool(plain)


def _plain_speech(turn: Speech, state: _BodyState, lines: list[str]) -> bool:
    if turn.function is not None or turn.language is not None:
        return False
    texts = _block_texts(turn.paragraphs)
    if texts is None:
        return False
    first = texts[0]
    if turn.label is not None:
        label_line = f"{turn.label}: {first}"
        if layout.split_label_line(label_line) != (turn.label, first):
            return False
        if layout.has_typographic_space(label_line):
            return False  # read as ordinary spaces: the explicit form keeps them
        lines.append(label_line)
    elif state.open_kind is not None or state.resume != (turn.speaker,) or state.only_stages:
        return False
    else:
        lines.append(_escape_if(first, layout.needs_plain_escape(first)))
    for block, text in zip(turn.paragraphs[1:], texts[1:], strict=True):
        # An event between paragraphs is printed as the stage direction it records.
        plain = not isinstance(block, InlineEvent) and layout.needs_plain_escape(text)
        lines.append(_escape_if(text, plain))
    return True


def _block_texts(blocks: list[Any]) -> list[str] | None:
    """The printed text of each block of a speech as the site prints it, or None when the
    page would read it back differently: an event stands on its own line between paragraphs
    as a stage direction; a paragraph prints its events' texts in place."""
    texts = []
    last_paragraph = max(
        (n for n, block in enumerate(blocks) if not isinstance(block, InlineEvent)), default=-1
    )
    for number, block in enumerate(blocks):
        if isinstance(block, InlineEvent):
            inside = 0 < number < last_paragraph
            if not inside or block.text is None or not layout.is_stage(block.text):
                return None
            if InlineEvent.model_validate(kremlin.stage_event(block.text)) != block:
                return None
            texts.append(block.text)
            continue
        text = _paragraph_text(block)
        if text is None or _read_paragraph(text) != block:
            return None
        texts.append(text)
    return texts


def _paragraph_text(block: str | Paragraph) -> str | None:
    if isinstance(block, str):
        return block
    parts = [item if isinstance(item, str) else item.text for item in block.content]
    return None if None in parts else "".join(p for p in parts if p is not None)


def _read_paragraph(text: str) -> str | InlineEvent | Paragraph:
    found = kremlin.paragraph_events(text)
    if isinstance(found, str):
        return found
    if found["kind"] == "paragraph":
        return Paragraph.model_validate(found)
    return InlineEvent.model_validate(found)


def _heading_plain(text: str) -> bool:
    return (
        layout.is_heading(text)
        and not layout.is_structural(text)
        and layout.split_label_line(text) is None
        and not layout.is_end_marker(text)
    )


def _explicit_turn(turn: Any) -> list[str]:
    kind = turn.kind
    if isinstance(turn, Speech):
        fields = {"speaker": turn.speaker, "label": turn.label, "role": turn.role}
        for name in ("function", "language"):
            if getattr(turn, name) is not None:
                fields[name] = getattr(turn, name)
        head = "\\speech " + json.dumps(fields, ensure_ascii=False)
        return [head, *map(_explicit_block, turn.paragraphs)]
    if kind == "narrative":
        return ["\\narrative", *(layout.ESCAPE + p for p in turn.paragraphs)]
    text = turn.text if kind in ("stage", "heading") else turn.marker
    return [f"\\{kind} {text}"]


def _explicit_block(block: str | InlineEvent | Paragraph) -> str:
    if isinstance(block, str):
        return layout.ESCAPE + block
    name = "paragraph" if isinstance(block, Paragraph) else "event"
    fields = block.model_dump(mode="json", exclude_none=True)
    return f"\\{name} " + json.dumps(fields, ensure_ascii=False)


def _footer_needs_escape(text: str) -> bool:
    return bool(
        layout.is_escaped(text)
        or layout.is_footer_start(text)
        or layout.extension(text)
        or layout.is_end_marker(text)
        or layout.glued_end(text)
        or kremlin.footer_key(text)
    )


def _footer(
    t: Transcript, explicit: _Explicit, words: dict[str, str], ext: list[tuple[str, str]]
) -> list[str]:
    meta = t.metadata
    lines: list[str] = []
    sections: list[tuple[str, list[str]]] = [
        ("see_also", [link.title for link in meta.see_also]),
        ("geography", meta.geography),
        ("topics", meta.topics),
        ("persons", meta.persons),
    ]
    for key, values in sections:
        if values:
            lines.append(words[key])
            lines.extend(
                _escape_if(
                    v,
                    explicit.footer
                    or _footer_needs_escape(v)
                    or (key == "see_also" and is_box_furniture(v)),
                )
                for v in values
            )
    lines.append(words["status"])
    if meta.sections:
        joined = ", ".join(meta.sections)
        if explicit.footer or [s for s in joined.split(", ")] != meta.sections:
            ext.append(("Sections", json.dumps(meta.sections, ensure_ascii=False)))
        else:
            lines.append(f"{words['sections']}: {joined}")
    if meta.published is not None:
        lines.append(
            f"{words['published']}: {kremlin.format_published(meta.published, t.language)}"
        )
    if explicit.footer or any(link.url for link in meta.see_also):
        links = [link.model_dump() for link in meta.see_also]
        ext.append(("Links", json.dumps(links, ensure_ascii=False)))
    ext.extend(_document_extensions(t))
    if explicit.participants:
        ext.extend(("Participant", _json(p, exclude_none=False)) for p in t.participants)
    # The parliamentary record the page has no place for: its organisations and the sitting.
    ext.extend(("Organisation", _json(o)) for o in t.organisations)
    if t.sitting is not None:
        ext.append(("Sitting", _json(t.sitting)))
    lines.extend(f"{key}: {value}" if value else f"{key}:" for key, value in ext)
    lines.append(words["end"])
    return lines


def _json(value: Any, exclude_none: bool = True) -> str:
    fields = value.model_dump(mode="json", exclude_none=exclude_none)
    return json.dumps(fields, ensure_ascii=False)


def _document_extensions(t: Transcript) -> list[tuple[str, str]]:
    ext: list[tuple[str, str]] = []
    if t.id != kremlin.transcript_id(t.event.date, t.event.title):
        ext.append(("Transcript id", t.id))
    turns = [turn.model_dump() for turn in t.turns]
    event = {"title": t.event.title, "lead": t.event.lead}
    if t.language != kremlin.detect_language(language_sample(event, turns)):
        ext.append(("Language", t.language))
    source = t.metadata.source
    if source.url is not None:
        ext.append(("Source", source.url))
    if source.identifier is not None:
        ext.append(("Document number", source.identifier))
    if source.publisher != kremlin.PUBLISHERS.get(t.language):
        ext.append(("Publisher", source.publisher or ""))
    if t.metadata.licence != kremlin.LICENCE:
        ext.append(("Licence", t.metadata.licence or ""))
    if t.event.utc_offset != kremlin.MOSCOW_OFFSET:
        ext.append(("UTC offset", t.event.utc_offset or ""))
    return ext
