"""One document of copied kremlin.ru page text: its lines, and what is read of it so far.

:func:`split_pages` cuts the text into documents (one per page, each ending at "Text
version"); :class:`Document` is the state the header, body and footer readers fill in, and
:class:`RawSpeech` a speech whose speaker is resolved only once the whole page is read.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from transcript_model.errors import Problem, TranscriptError

from .. import _kremlin as kremlin
from . import layout

Line = tuple[int, str]


@dataclass
class Page:
    """The numbered lines of one document, their texts, and which of them are not plain."""

    lines: list[Line]
    texts: list[str]
    other: list[int]  # indices of the lines that may be something else than a paragraph
    #: Whether the page ended at a mark of kremlin.ru's (its "Text version", its publication
    #: fields before a breadcrumb), not where the input does.
    marked_end: bool = False

    @classmethod
    def of(cls, lines: list[Line]) -> Page:
        texts = [line for _, line in lines]
        return cls(lines, texts, other_lines(texts))


def split_pages(text: str) -> list[Page]:
    """The numbered non-blank lines of ``text``, split into documents at each "Text version".

    Line ends of every kind, BOMs and surrounding spaces (no-break ones included) are dropped:
    copied pages carry them and none of it is text. A page copied without its "Text version"
    line ends where a breadcrumb follows its "Publication date".
    """
    raw = text.splitlines()
    if layout.has_typographic_space(text):
        raw = list(map(plain_spaces, raw))
    stripped = list(map(strip_bom if "\ufeff" in text else str.strip, raw))
    # Dropping blank lines and numbering the others, without a Python step per line.
    texts = list(itertools.compress(stripped, stripped))
    lines = list(zip(itertools.compress(itertools.count(1), stripped), texts, strict=True))
    other = other_lines(texts)
    bounds = document_bounds(lines, texts, other)
    pages = []
    for start, stop, marked in bounds:
        first, last = bisect.bisect_left(other, start), bisect.bisect_left(other, stop)
        # The line of a glued marker becomes its breadcrumb, which is not plain either.
        page_other = [index - start for index in other[first:last]]
        pages.append(Page(lines[start:stop], texts[start:stop], page_other, marked))
    return pages


def document_bounds(
    lines: list[Line], texts: list[str], other: list[int]
) -> list[tuple[int, int, bool]]:
    """``(start, stop, ended by a mark)`` of every non-empty document; a glued end marker
    ("Text versionEvents") is replaced in ``lines`` and ``texts`` by the breadcrumb it holds."""
    bounds = []
    start = 0
    # Markers and publication fields never read as plain paragraphs: look among the others.
    for index in other:
        line = texts[index]
        if not may_end_page(line):
            continue
        if line[0] in "PД":
            following = index + 1
            # "Published in sections:" alone has its value on the next lines ("News", ", ", …),
            # a breadcrumb's word: only a field with its value ends a page.
            if (
                following < len(texts)
                and texts[following] in kremlin.BREADCRUMBS
                and (field := kremlin.footer_field(line)) is not None
                and field[1]
            ):
                bounds.append((start, following, True))
                start = following
            continue
        glued = layout.glued_end(line)
        if glued is not None:
            bounds.append((start, index, True))
            lines[index] = (lines[index][0], glued)
            texts[index] = glued
            start = index
        elif layout.is_end_marker(line):
            bounds.append((start, index, True))
            start = index + 1
    bounds.append((start, len(lines), False))
    return [bound for bound in bounds if bound[0] < bound[1]]


_AS_SPACES = str.maketrans(dict.fromkeys(layout.TYPOGRAPHIC_SPACES, " "))


def plain_spaces(line: str) -> str:
    """``line`` with the site's no-break and thin spaces as ordinary ones
    (``layout.TYPOGRAPHIC_SPACES``), unless it is one of our writer's escaped, explicit or
    extension lines ("\\ …", "\\speech {…}", "Attendees intro: …"), which keep theirs."""
    if line[:1] == "\\" or layout.extension(line.lstrip()) is not None:
        return line
    return line.translate(_AS_SPACES)


def strip_bom(line: str) -> str:
    line = line.strip()
    return line.lstrip("\ufeff").strip() if line[:1] == "\ufeff" else line


# The first words of the end marker and of the publication fields (a page copied without its
# end marker ends after them): each of these lines starts with one.
_CUT_PREFIXES = tuple(
    {marker.split(" ")[0] for marker in kremlin.END_MARKERS}
    | {key.split(" ")[0] for key in kremlin.FOOTER_FIELDS if key[0] in "PД"}
)
# Their first few characters, a cheaper test to begin with.
_CUT_HEAD = min(map(len, _CUT_PREFIXES))
_CUT_HEADS = frozenset(prefix[:_CUT_HEAD] for prefix in _CUT_PREFIXES)
# A line ending like a sentence, without a colon or an opening marker, can only be a paragraph:
# most lines are. Only the others need a closer look: no marker, breadcrumb or footer heading
# ends like a sentence, and footer fields hold a colon.
#: Bytes of UTF-8 text that make a character no paragraph may hold, except the line ends:
#: the C0 controls but tab and the line breaks (U+FFFE and U+FFFF are looked for as characters).
FORBIDDEN_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F])
_SENTENCE_END = frozenset(".!?…,;")
_MARKER_START = frozenset("\\*<([:")


def may_end_page(line: str) -> bool:
    """Whether ``line`` opens like the end marker or a publication field, which end a page."""
    return line[:_CUT_HEAD] in _CUT_HEADS and line.startswith(_CUT_PREFIXES)


def other_lines(texts: list[str]) -> list[int]:
    """The indices of the lines that may be something else than a plain paragraph."""
    end, start = _SENTENCE_END, _MARKER_START
    return [
        index
        for index, line in enumerate(texts)
        # The colon test first: it settles the labelled lines with one C-level scan.
        if not line or ":" in line or line[-1] not in end or line[0] in start
    ]


@dataclass
class RawSpeech:
    """A speech before its speaker is resolved: the label as printed, or explicit fields."""

    label: str | None
    #: Paragraphs as read; blocks of our own writer's explicit form (\\event, \\paragraph) as
    #: the model's objects.
    paragraphs: list[Any]
    explicit: dict[str, Any] | None = None
    resumes: int | None = None  # index of the speech this one continues after an interruption
    #: The label's role and name when the reader split it itself (see :mod:`.page_labels`).
    parts: Any = None


#: A turn as read: a finished turn's fields, or a speech whose speaker is not resolved yet.
RawTurn: TypeAlias = dict[str, Any] | RawSpeech


@dataclass
class Document:
    """One document being read: its lines, a position in them, and what is read so far."""

    origin: str
    lines: list[Line]
    texts: list[str]  # the text of each line
    other: list[int]  # the indices of the lines that may be something else than a paragraph
    position: int = 0
    event: dict[str, Any] = field(default_factory=dict)
    captions: list[dict[str, Any]] = field(default_factory=list)
    attendees_text: list[str] = field(default_factory=list)
    turns: list[RawTurn] = field(default_factory=list)
    footer: dict[str, Any] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)
    participants_explicit: list[dict[str, Any]] = field(default_factory=list)
    #: Unescaped lines read as paragraphs that may open with a descriptive speaker label (see
    #: :mod:`.page_labels`): only these are looked at again once the page is read.
    described: list[str] = field(default_factory=list)
    #: The labels of one word read so far: only these can be glued ("VladimirPutin").
    one_word_labels: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: Whether the input was seen to hold no character a paragraph may not (see
    #: :func:`transcript_model.trusted.validate_checked_paragraphs`).
    characters_checked: bool = False
    #: Whether the page shows a mark of kremlin.ru (breadcrumb, footer, end marker): only
    #: then are the site's publisher, licence and time zone assumed.
    site_marked: bool = False

    def warn(self, code: str, message: str, line: int) -> None:
        self.warnings.append(Problem(code, message, self.origin, line, severity="warning"))

    def peek(self, offset: int = 0) -> str | None:
        index = self.position + offset
        return self.lines[index][1] if index < len(self.lines) else None

    def line_number(self, offset: int = 0) -> int:
        index = min(self.position + offset, len(self.lines) - 1)
        return self.lines[index][0]

    def not_a_transcript(self, message: str, offset: int = 0) -> TranscriptError:
        return TranscriptError.single(
            "not_a_transcript", message, self.origin, self.line_number(offset)
        )


_LANGUAGE_SAMPLE = 4000


def language_sample(event: dict[str, Any], turns: list[dict[str, Any]]) -> str:
    """The title, lead and paragraphs, up to a few thousand characters: enough to tell the
    language (the reader and the writer must take the same sample)."""
    sample = LanguageSample(event)
    for turn in turns:
        if sample.add(turn):
            break
    return sample.text()


class LanguageSample:
    """:func:`language_sample`, taken from the turns as they come."""

    def __init__(self, event: dict[str, Any]) -> None:
        self._parts: list[str] = [event["title"], event.get("lead") or ""]
        self._size = 0
        self.full = False

    def add(self, turn: dict[str, Any]) -> bool:
        """Take the paragraphs of the next turn; True once the sample is full."""
        if self.full:
            return True
        for block in turn.get("paragraphs", ()):
            paragraph = block if type(block) is str else _block_text(block)
            self._parts.append(paragraph)
            self._size += len(paragraph)
            if self._size > _LANGUAGE_SAMPLE:
                self.full = True
                return True
        return False

    def text(self) -> str:
        """The sample."""
        return "\n".join(self._parts)


def _block_text(block: Any) -> str:
    """The words of a block of a speech: a paragraph's text, nothing of an event."""
    if isinstance(block, str):
        return block
    if block.get("kind") == "paragraph":
        return "".join(item for item in block.get("content", ()) if isinstance(item, str))
    return ""
