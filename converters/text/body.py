r"""The body of a page read as text: speeches, narrative, stage directions, headings,
omissions and breaks, with the directives of our own writer (``\speech``, ``\narrative`` …)."""

from __future__ import annotations

import bisect
import json
from typing import Any

from transcript_model.errors import TranscriptError

from .. import _kremlin as kremlin
from . import layout
from .document import Document, RawSpeech, RawTurn
from .header import parse_attendees
from .page_labels import described_head


def parse_body(doc: Document, end: int) -> None:
    """Read the body of ``doc``, from ``doc.position`` to the footer at ``end``."""
    open_turn: RawTurn | None = None
    resume: int | None = None  # the speech an interruption (stage, omission) sits in
    attendees_possible = not doc.attendees_text and "attendees_intro" not in doc.event
    texts, other = doc.texts, doc.other
    # The lines to look at one by one, then ``end`` to stop at.
    pending = other[bisect.bisect_left(other, doc.position) : bisect.bisect_left(other, end)]
    pending.append(end)
    next_pending = 0
    while doc.position < end:
        position = doc.position
        while pending[next_pending] < position:
            next_pending += 1
        stop = pending[next_pending]
        if position < stop and not attendees_possible:
            # Plain paragraphs up to the next line that may be something else.
            doc.position = stop
            if open_turn is None:
                open_turn = _add_paragraph(doc, texts[position], open_turn, resume)
                position += 1
            _paragraphs(open_turn).extend(texts[position:stop])
            continue
        line = texts[position]
        doc.position = position + 1
        if line[0] in _MARKERS:
            step = _marker_line(doc, line, open_turn, resume, attendees_possible)
            if step is not None:
                open_turn, resume, attendees_possible = step
                continue
        labelled = layout.split_label_line(line)
        if labelled is not None:
            open_turn = RawSpeech(labelled[0], [labelled[1]])
            doc.turns.append(open_turn)
            if " " not in labelled[0]:
                doc.one_word_labels.append(labelled[0])
            resume, attendees_possible = None, False
            continue
        open_turn, resume, attendees_possible = _unlabelled_line(
            doc, end, line, open_turn, resume, attendees_possible
        )


_MARKERS = frozenset("\\*<[(")


def _paragraphs(turn: RawTurn) -> list[str]:
    if isinstance(turn, RawSpeech):
        return turn.paragraphs
    paragraphs: list[str] = turn["paragraphs"]
    return paragraphs


def _marker_line(
    doc: Document,
    line: str,
    open_turn: RawTurn | None,
    resume: int | None,
    attendees_possible: bool,
) -> tuple[RawTurn | None, int | None, bool] | None:
    """Read a directive, escaped, break, omission or stage line (the line before
    ``doc.position``); None when ``line`` only starts like one. Returns the open turn, the
    resumed speech and whether an attendee sentence may follow."""
    first = line[0]
    if first == "\\":
        command = layout.directive(line)
        if command is None:
            text = layout.unescape(line)
            return _add_paragraph(doc, text, open_turn, resume), resume, attendees_possible
        open_turn, resume = _apply_directive(doc, command, open_turn, resume)
        return open_turn, resume, attendees_possible and command[0] != "speech"
    if first == "*" and layout.is_break(line):
        doc.turns.append({"kind": "break", "marker": line})
        return None, None, attendees_possible
    if first in "<[" and layout.is_omission(line):
        doc.turns.append({"kind": "omission", "marker": line})
        return None, _interrupted(open_turn, resume, doc), attendees_possible
    if first == "(" and layout.is_stage(line):
        doc.turns.append({"kind": "stage", "text": line})
        return None, _interrupted(open_turn, resume, doc), attendees_possible
    return None


def _broken_label(doc: Document, end: int, line: str) -> tuple[str, str, int] | None:
    """(label, its first paragraph, how many lines after ``line`` they took) of a label a copy
    broke into lines: before its colon ("President of Belarus Alexander Lukashenko" / ": More
    than …", where the name's tooltip stands) and, in a copy that breaks at every element,
    also between role and name and after the colon ("President of South Ossetia" / "Anatoly
    Bibilov" / ":" / "Thank you")."""
    start = doc.position
    for name_lines in (0, 1):
        colon_at = start + name_lines
        if colon_at >= end:
            return None
        colon_line = doc.texts[colon_at]
        if colon_line[:1] != ":":  # nearly every line: one comparison
            continue
        if colon_line != ":" and not layout.starts_with_colon(colon_line):
            continue
        label = " ".join([line, *doc.texts[start:colon_at]])
        if not layout.is_label(label):
            return None
        text, taken = colon_line[1:].strip(), name_lines + 1
        if not text:  # ":" alone: the text is the next line
            if colon_at + 1 >= end:
                return None
            text, taken = doc.texts[colon_at + 1], taken + 1
            if layout.is_structural(text) or layout.split_label_line(text) is not None:
                return None
        return layout.clean(label), text, taken
    return None


def _unlabelled_line(
    doc: Document,
    end: int,
    line: str,
    open_turn: RawTurn | None,
    resume: int | None,
    attendees_possible: bool,
) -> tuple[RawTurn | None, int | None, bool]:
    """Read a body line without a marker or an inline label (the line before
    ``doc.position``): a label on its own line, an attendee sentence, a heading or a paragraph.
    Returns the open turn, the resumed speech and whether an attendee sentence may follow."""
    following = doc.texts[doc.position] if doc.position < end else None
    broken = _broken_label(doc, end, line) if following is not None else None
    if broken is not None:
        label, text, taken = broken
        speech = RawSpeech(label, [text])
        doc.turns.append(speech)
        if " " not in label:
            doc.one_word_labels.append(label)
        doc.position += taken
        return speech, None, False
    aside = layout.aside_and_rest(following) if following is not None else None
    if aside is not None and layout.is_label(line):
        # "President of Turkey Recep Tayyip Erdogan" / "(retranslated): Thank you.": a copy
        # breaks the line where the label's name tooltip stands.
        label = layout.clean(f"{line} {aside[0]}")
        speech = RawSpeech(label, [aside[1]])
        doc.turns.append(speech)
        doc.position += 1
        return speech, None, False
    if (
        line.endswith(":")
        and following is not None
        and (" " in line or kremlin.is_generic_label(line[:-1]))
        and layout.is_label(line[:-1])
        and not layout.is_structural(following)
        and layout.split_label_line(following) is None
    ):
        speech = RawSpeech(layout.clean(line[:-1]), [following])
        doc.turns.append(speech)
        doc.position += 1
        return speech, None, False
    if attendees_possible and kremlin.attendee_intro(line):
        doc.position -= 1
        parse_attendees(doc, end)
        return None, None, False
    if (
        not isinstance(open_turn, RawSpeech)
        and layout.is_heading(line)
        and not layout.starts_with_colon(following or "")
    ):
        # Inside a speech a short line is taken as its text: cutting the speech at a
        # false heading would lose the speaker of what follows.
        doc.turns.append({"kind": "heading", "text": line})
        return None, None, attendees_possible
    if described_head(line) is not None:
        doc.described.append(line)
    return _add_paragraph(doc, line, open_turn, resume), resume, attendees_possible


def _interrupted(open_turn: RawTurn | None, resume: int | None, doc: Document) -> int | None:
    if isinstance(open_turn, RawSpeech):
        index = next(i for i in range(len(doc.turns) - 1, -1, -1) if doc.turns[i] is open_turn)
        return _speech_origin(doc, index)
    return resume


def _speech_origin(doc: Document, index: int) -> int:
    turn = doc.turns[index]
    if isinstance(turn, RawSpeech) and turn.resumes is not None:
        return turn.resumes
    return index


def _add_paragraph(
    doc: Document,
    text: str,
    open_turn: RawTurn | None,
    resume: int | None,
) -> RawTurn:
    if isinstance(open_turn, RawSpeech):
        open_turn.paragraphs.append(text)
        return open_turn
    if open_turn is not None:
        open_turn["paragraphs"].append(text)
        return open_turn
    new_turn: RawTurn
    if resume is not None:
        new_turn = RawSpeech(None, [text], resumes=resume)
    else:
        new_turn = {"kind": "narrative", "paragraphs": [text]}
    doc.turns.append(new_turn)
    return new_turn


def _apply_directive(
    doc: Document,
    command: tuple[str, str],
    open_turn: RawTurn | None,
    resume: int | None,
) -> tuple[RawTurn | None, int | None]:
    name, argument = command
    if name == "narrative":
        turn: dict[str, Any] = {"kind": "narrative", "paragraphs": []}
        doc.turns.append(turn)
        return turn, None
    if name == "speech":
        fields = _json_object(doc, name, argument, "speaker, label, role")
        speech = RawSpeech(fields.get("label"), [], explicit=fields)
        doc.turns.append(speech)
        return speech, None
    if name in ("event", "paragraph"):
        # An event or a paragraph with events inside, in its explicit form: a block of the
        # speech being read.
        block = _json_object(doc, name, argument, "an event or a paragraph of the model")
        if not isinstance(open_turn, RawSpeech):
            raise TranscriptError.single(
                "text_syntax",
                f"\\{name} outside a speech (it belongs after \\speech or a label)",
                doc.origin,
                doc.lines[doc.position - 1][0],
            )
        if name == "paragraph":
            block = {**block, "kind": "paragraph"}
        open_turn.paragraphs.append(block)
        return open_turn, resume
    if name in ("stage", "heading"):
        doc.turns.append({"kind": name, "text": argument})
    else:
        doc.turns.append({"kind": name, "marker": argument})
    if name in ("stage", "omission"):
        return None, _interrupted(open_turn, resume, doc)
    return None, None


def _json_object(doc: Document, name: str, argument: str, what: str) -> dict[str, Any]:
    try:
        fields = json.loads(argument)
    except (json.JSONDecodeError, RecursionError):
        fields = None
    if not isinstance(fields, dict):
        raise TranscriptError.single(
            "text_syntax",
            f"expected a JSON object after \\{name} ({what})",
            doc.origin,
            doc.lines[doc.position - 1][0],
        )
    return fields
