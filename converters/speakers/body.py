"""The body of a speaker-label transcript: speeches, narrative, stage directions, breaks,
omissions and the closing "END" line, built line by line."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from transcript_model.model import (
    Break,
    Heading,
    Narrative,
    Omission,
    Speech,
    StageDirection,
    Turn,
)

from .header import Line
from .labels import Label, LabelMatch, is_end
from .lines import clean

_STAGE = re.compile(r"^(?:\([^()]{1,200}\)|\[[^\[\]]{1,200}\])$")
_OMISSION = re.compile(r"^(?:<…>|<\.\.\.>|\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\)|…)$")
# "* * *", and the rules Markdown and plain-text exports draw: "---", "___".
_BREAK = re.compile(r"^(?:\*(?:[ \t]*\*){2,}|-(?:[ \t]*-){2,}|_(?:[ \t]*_){2,})$")
#: What the last line of a paragraph ends with.
_PARAGRAPH_ENDS = (".", "?", "!", ":", "…", '"', "”", "’", ")", "]")


@dataclass
class _Open:
    label: Label | None
    speaker: str | None
    paragraphs: list[str]
    printed: str | None


def _unspaced(character: str) -> bool:
    """A character of Chinese or Japanese, whose words no space parts: ideographs, kana,
    their punctuation and full-width forms (Korean parts its words with spaces)."""
    return (
        "\u3000" <= character <= "\u30ff"
        or "\u3400" <= character <= "\u4dbf"
        or "\u4e00" <= character <= "\u9fff"
        or "\uff00" <= character <= "\uffef"
    )


def joined_lines(lines: Sequence[str]) -> str:
    """The lines of a wrapped paragraph as one: a space between two lines, none where a
    Chinese or Japanese line was wrapped between two of its characters."""
    pieces = [lines[0]]
    for before, after in itertools.pairwise(lines):
        pieces += ("" if _unspaced(before[-1]) and _unspaced(after[0]) else " ", after)
    return "".join(pieces)


class Body:
    """Builds the turns line by line."""

    def __init__(self, participants: dict[str, str], unwrap: bool, width: int = 0) -> None:
        self.turns: list[Turn] = []
        self.ids = participants
        self.unwrap = unwrap
        #: Shorter than this, a wrapped line that ends a sentence ends its paragraph (text
        #: that separates its paragraphs by no blank line, as a PDF's does).
        self.short = 0.75 * width if unwrap else 0
        self.open: _Open | None = None
        self.joinable = False
        self.unspoken: list[str] = []
        # The paragraphs of the narrative that ends the turns so far, still growing: models
        # are immutable, so it becomes a Narrative once another turn follows, or at the end.
        self.narrative: list[str] | None = None
        # The wrapped lines of the paragraph still growing, the last of ``_into``: joined once
        # it ends (adding each line to the paragraph's string was quadratic in its length).
        self._pending: list[str] = []
        self._into: list[str] | None = None

    def _join_pending(self) -> None:
        if len(self._pending) > 1 and self._into is not None:
            self._into[-1] = joined_lines(self._pending)
        self._pending = []
        self._into = None

    def _append(self, turn: Turn) -> None:
        self._join_pending()
        if self.narrative is not None:
            self.turns.append(Narrative(paragraphs=self.narrative))
            self.narrative = None
        self.turns.append(turn)

    def finished_turns(self) -> list[Turn]:
        """Every turn, once the body has been read."""
        self.close()
        self._join_pending()
        if self.narrative is not None:
            self.turns.append(Narrative(paragraphs=self.narrative))
            self.narrative = None
        return self.turns

    def close(self) -> None:
        self._join_pending()
        if self.open and not self.open.paragraphs and self.open.printed:
            self.unspoken.append(self.open.printed)
        if self.open and self.open.paragraphs:
            label = self.open.label
            self._append(
                Speech(
                    speaker=self.open.speaker,
                    label=self.open.printed,
                    role=label.role if label and self.open.printed else None,
                    paragraphs=self.open.paragraphs,
                )
            )
        self.open = None
        self.joinable = False

    def speech(self, label: Label, rest: str, line_length: int = 0) -> None:
        speaker = None if label.generic else self.ids[label.key]
        same = (
            self.open is not None
            and not label.generic
            and self.open.printed == label.printed
            and self.open.paragraphs
        )
        if not same:
            self.close()
            self.open = _Open(label, speaker, [], label.printed)
        self.joinable = False
        if rest:
            self.paragraph(rest, line_length)

    def paragraph(self, text: str, line_length: int = 0) -> None:
        """A line of text (``line_length``: of the whole line, when a label opened it)."""
        if self.open is None:
            if self.narrative is None:
                self.narrative = []
            target = self.narrative
        else:
            target = self.open.paragraphs
        if self.unwrap and self.joinable and target and self._into is target:
            self._pending.append(text)  # the next line of a wrapped paragraph
        else:
            self._join_pending()
            target.append(text)
            self._pending, self._into = [text], target
        self.joinable = not (
            (line_length or len(text)) < self.short and text.endswith(_PARAGRAPH_ENDS)
        )

    def blank(self) -> None:
        self.joinable = False

    def interrupt(self, turn: Turn) -> None:
        """A stage direction, break or omission between paragraphs."""
        self._join_pending()
        resumes = self.open.speaker if self.open else None
        pending = self.open is not None and not self.open.paragraphs
        if (
            self.open
            and (self.open.speaker is None or pending)
            and isinstance(turn, StageDirection)
        ):
            # A generic speaker ("Q") cannot go on without a printed label, and a label whose
            # first line is a direction must not lose it: the direction stays inside the speech
            # as one of its paragraphs, as printed.
            self.open.paragraphs.append(turn.text)
            self.joinable = False
            return
        self.close()
        self._append(turn)
        if resumes is not None and not isinstance(turn, Break):
            self.open = _Open(None, resumes, [], None)

    def end(self, text: str) -> None:
        self.close()
        if self.narrative is not None:
            self.turns.append(Narrative(paragraphs=self.narrative))
        self.narrative = [text]


#: The widest a hard-wrapped line is: e-mailed releases wrap at 70-80 characters, the text
#: of a PDF (the Federal Reserve's press conferences) at up to about 100.
_WRAP_WIDTH = 110


def wrap_width(lines: Sequence[Line], labels: dict[int, Any]) -> int:
    """The width text that opens with no label is wrapped at: the length nine lines in ten
    do not pass (one long line, a URL, does not set it)."""
    lengths = sorted(len(ln.text) for ln in lines if ln.text and ln.number not in labels)
    return lengths[(len(lengths) - 1) * 9 // 10] if lengths else 0


def looks_wrapped(lines: Sequence[Line], labels: dict[int, Any], width: int) -> bool:
    """Hard-wrapped text: paragraphs made of several lines filled to ``width`` (of
    :func:`wrap_width`), at most 110 characters.

    Copied web pages give one line per paragraph; e-mailed or plain-text releases and the text
    of PDFs wrap lines at a fixed width, and joining those lines is the only way to get their
    paragraphs back. Filled: at least 0.68 of the width (55 of 80). A wrapped line is cut
    where the width falls, mostly inside a sentence: when most filled lines end one, they are
    short paragraphs a page printed one a line, not wrapped ones.
    """
    body = [ln for ln in lines if ln.text and ln.number not in labels]
    if len(body) < 4 or width > _WRAP_WIDTH:
        return False
    full = 55 if width <= 80 else 0.68 * width
    followed = filled = ended = 0
    for line, after in itertools.pairwise(lines):
        if line.text and after.text and after.number not in labels and line.number not in labels:
            followed += 1
            if len(line.text) >= full:
                filled += 1
                ended += line.text.endswith(_PARAGRAPH_ENDS)
    return followed >= 2 and filled * 2 >= followed and ended * 2 < filled


class Layout(Protocol):
    """What a known layout tells of its lines (:mod:`.gpo`)."""

    @property
    def heading_lines(self) -> Collection[int]: ...
    @property
    def end_lines(self) -> Collection[int]: ...


def read_body(
    body: Body,
    lines: Sequence[Line],
    start: int,
    labels_at: dict[int, LabelMatch],
    labels: dict[str, Label],
    layout: Layout | None = None,
) -> int:
    """Read the body lines (those numbered ``start`` and after) into ``body``; returns how
    many of their labels printed a timestamp. ``layout`` names the lines a layout knows to be
    headings and the end of the proceedings."""
    stamps = 0
    headings = layout.heading_lines if layout else frozenset()
    ends = layout.end_lines if layout else frozenset()
    for line in lines:
        if line.number < start:
            continue
        if not line.text:
            body.blank()
        elif line.number in headings:
            body.interrupt(Heading(text=line.text))
        elif line.number in ends:
            body.interrupt(StageDirection(text=line.text))
            body.close()  # what follows (an appendix of statements) is nobody's speech
        elif line.number in labels_at:
            printed, rest, stamped = labels_at[line.number]
            stamps += stamped
            body.speech(labels[printed], clean(rest), len(line.text))
        elif _STAGE.match(line.text):
            body.interrupt(StageDirection(text=line.text))
        elif _OMISSION.match(line.text):
            body.interrupt(Omission(marker=line.text))
        elif _BREAK.match(line.text):
            body.interrupt(Break(marker=line.text))
        elif is_end(line.text):
            body.end(line.text)
        else:
            body.paragraph(line.text)
    body.close()
    return stamps
