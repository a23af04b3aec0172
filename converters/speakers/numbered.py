"""Lines numbered as a court reporter numbers them (1 to 25 a page): telling such a transcript
by its head, for detection, without loading what reading it needs (:mod:`.court`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A line's number at the margin, then its text after at least one blank (or nothing).
NUMBERED = re.compile(r"[ \t]{0,12}(\d{1,2})(?=[ \t]|$)")
#: The same, as a test over a whole head (detection).
_NUMBERED_LINES = re.compile(r"^[ \t]{0,12}\d{1,2}(?:[ \t]|$)", re.MULTILINE)
#: The last line number a page may have (25 is usual, some reporters print 28).
LAST_LINE_NUMBER = 28
#: How many numbered lines a head must hold to be looked at more closely.
_ENOUGH_LINES = 40


def looks_like_numbered_transcript(text: str) -> bool:
    """True for a head whose lines are numbered as a court reporter numbers them: most of its
    lines, the numbers counting up by one and starting again at 1 on each page."""
    if len(_NUMBERED_LINES.findall(text)) < _ENOUGH_LINES:
        return False
    return _numbered_share(text.split("\n")) >= 0.6


def _numbered_share(lines: Sequence[str]) -> float:
    """The share of non-blank lines that are numbered in sequence (the next number, or 1 on
    a new page); 0 when no page starts again at 1 (a numbered list, not pages of lines)."""
    counted = in_sequence = pages = 0
    previous = 0
    for raw in lines:
        if not raw.strip():
            continue
        counted += 1
        found = NUMBERED.match(raw)
        if found is None:
            continue
        number = int(found.group(1))
        if number == previous + 1:
            in_sequence += 1
        elif number == 1 and previous >= 10:
            in_sequence += 1
            pages += 1
        previous = number
    return in_sequence / counted if counted and pages else 0.0
