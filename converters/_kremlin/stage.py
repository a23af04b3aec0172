"""Stage directions as events inside a speech: "(Applause.)", "(Laughter.)", "(Смех.)".

kremlin.ru prints what happens while someone speaks in brackets, on a line of its own or inside
a paragraph. Inside a speech such a direction is an event of that speech (the model's
:class:`~transcript_model.inline.InlineEvent`); its kind and type follow from its words, and its
text stays as printed, so that the page can be printed again as the site prints it.

Inside a paragraph only the site's recurring words are taken as events (applause, laughter,
noise in the hall): a bracket in running text is far more often an aside ("(the Russian
Federation)") than a stage direction.
"""

from __future__ import annotations

import re
from typing import Any

#: The first word of a direction (casefolded) → (kind, type) of the event it records.
_EVENT_WORDS: dict[str, tuple[str, str]] = {
    "applause": ("kinesic", "applause"),
    "аплодисменты": ("kinesic", "applause"),
    "laughter": ("vocal", "laughter"),
    "смех": ("vocal", "laughter"),
    "оживление": ("vocal", "laughter"),
    "noise": ("vocal", "noise"),
    "шум": ("vocal", "noise"),
}

#: A recurring direction inside a paragraph: an opening bracket, one of the event words, then
#: up to a short sentence without brackets (one bounded repeat: linear).
_DIRECTION = r"\((?:" + "|".join(_EVENT_WORDS) + r")(?![\w-])[^()\n]{0,80}\)"
_IN_PARAGRAPH = re.compile(_DIRECTION, re.IGNORECASE)

_FIRST_WORD = re.compile(r"\(\s*([\w-]+)")


def stage_event(text: str) -> dict[str, Any]:
    """The event a stage direction printed as ``text`` records: kinesic applause, vocal
    laughter or noise, or else a note; the text as printed."""
    found = _FIRST_WORD.match(text)
    kind_type = _EVENT_WORDS.get(found.group(1).casefold()) if found else None
    if kind_type is None:
        return {"kind": "note", "text": text}
    return {"kind": kind_type[0], "type": kind_type[1], "text": text}


def has_paragraph_events(text: str) -> bool:
    """Whether ``text`` holds a recurring stage direction (one scan, however long)."""
    return _IN_PARAGRAPH.search(text) is not None


def lines_have_paragraph_events(lines: str) -> bool:
    """Whether any of ``lines`` (joined with line breaks) holds a recurring stage direction
    beside other text: one scan tells whether a page needs :func:`paragraph_events` at all."""
    # A direction alone on its line is a stage line, not one inside a paragraph. The pattern
    # opens with a literal bracket, which the regex engine scans for quickly; an alternation
    # around it (to test the line ends) would lose that.
    for found in _IN_PARAGRAPH.finditer(lines):
        start, end = found.span()
        if (start > 0 and lines[start - 1] != "\n") or (end < len(lines) and lines[end] != "\n"):
            return True
    return False


def paragraph_events(text: str) -> str | dict[str, Any]:
    """``text`` as a block of a speech: the string itself when it holds no recurring stage
    direction; else an event (the whole paragraph is one direction) or a paragraph of text
    fragments and events, as the model writes them."""
    if "(" not in text:
        return text
    content: list[Any] = []
    start = 0
    for found in _IN_PARAGRAPH.finditer(text):
        if found.start() > start:
            content.append(text[start : found.start()])
        content.append(stage_event(found.group()))
        start = found.end()
    if not content:
        return text
    if start < len(text):
        content.append(text[start:])
    if len(content) == 1:
        event: dict[str, Any] = content[0]
        return event
    return {"kind": "paragraph", "content": content}
