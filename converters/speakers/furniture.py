"""The page furniture of a transcript's text taken from a PDF: page numbers and running heads.

A PDF's text keeps, between its pages, the page number ("Page 2 of 24", "- 3 -", or the number
alone) and the running head ("October 30, 2019   Chair Powell's Press Conference  FINAL").
Left in, they become paragraphs of whoever speaks across the page break, cut that speaker's
paragraph in two, and the first page's running head becomes the title. A line is furniture
when it is a page number in a run of numbers each one more than the one before (two pages at
least, three for a number alone on its line), or a text that stands three times or more within
two lines of a page number and once more elsewhere at most (the first page may print no
number), and is no label. Such lines are left out, and the
blank lines around them, so that the paragraph a page break cut goes on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from transcript_model.errors import Problem

from .datelines import date_line
from .header import Line

_PAGE_NUMBER = re.compile(r"(?:Page (\d{1,4})(?: of \d{1,4})?|- ?(\d{1,4}) ?-|(\d{1,4}))")
_BARE = 2  # the group of a number alone on its line
#: How many lines (blank ones not counted) a running head stands from its page number (a head
#: may be printed on two lines).
_NEAR = 2


def without_furniture(lines: Sequence[Line], origin: str) -> tuple[list[Line], list[Problem]]:
    """``lines`` without the page numbers and running heads between pages (see the module),
    and a warning saying how many lines were left out; the lines as they are when there are
    none."""
    text_lines = [(index, line) for index, line in enumerate(lines) if line.text]
    numbers = _page_numbers(text_lines)
    if len(numbers) < 2:
        return list(lines), []
    furniture = set(numbers) | _running_heads(text_lines, numbers)
    kept: list[Line] = []
    skipping_blanks = False
    for index, line in enumerate(lines):
        if index in furniture:
            while kept and not kept[-1].text:  # the blank lines before the page break
                kept.pop()
            skipping_blanks = True
            continue
        if skipping_blanks and not line.text:
            continue
        skipping_blanks = False
        kept.append(line)
    first = lines[min(furniture)].number
    note = f"{len(furniture)} lines of page furniture (page numbers, running heads) are not kept"
    return kept, [Problem("dropped", note, origin, first, severity="warning")]


def running_head_date(lines: Sequence[Line]) -> tuple[dt.date, int] | None:
    """(date, line number) of the first date line standing within two lines of a page number
    ("Page 46" / "484" / "Questions" / "10th Feb., 2021"): the day a Hansard's running head
    prints on every page, when the excerpt's own header gives none."""
    text_lines = [(index, line) for index, line in enumerate(lines) if line.text]
    numbers = set(_page_numbers(text_lines))
    if len(numbers) < 2:
        return None
    for place, (index, line) in enumerate(text_lines):
        if index in numbers:
            continue
        near = text_lines[max(0, place - _NEAR) : place + _NEAR + 1]
        if any(other in numbers for other, _ in near) and (day := date_line(line.text)):
            return day, line.number
    return None


def _page_numbers(text_lines: Sequence[tuple[int, Line]]) -> list[int]:
    """The indexes of the lines that are page numbers: runs of numbers one more than the one
    before ("Page 2 of 24", "- 3 -", "3447"), of two at least ("Page N"), or of three for a
    number alone on its line (a year or a count read out is no page). A number out of the run
    between its pages is passed over, not taken."""
    # (form, next number expected) → the run so far; a form ("Page N", "- N -", "N") runs on
    # its own, so that a "2" read out between "Page 1" and "Page 2" takes no run over.
    runs: dict[tuple[int, int], list[int]] = {}
    for index, line in text_lines:
        match = _PAGE_NUMBER.fullmatch(line.text)
        if match is None:
            continue
        form = next(place for place, group in enumerate(match.groups()) if group)
        number = int(match.group(form + 1))
        run = runs.pop((form, number), [])
        run.append(index)
        runs[(form, number + 1)] = run
    found: list[int] = []
    for (form, _), run in runs.items():
        if len(run) >= (3 if form == _BARE else 2):
            found.extend(run)
    return sorted(found)


def _running_heads(text_lines: Sequence[tuple[int, Line]], numbers: Sequence[int]) -> set[int]:
    """The indexes of the lines whose text stands three times or more beside a page number,
    and once more at most elsewhere (a speaker's label, which stands elsewhere too, never is
    one)."""
    position = {index: place for place, (index, _) in enumerate(text_lines)}
    beside: set[tuple[int, str]] = set()
    for number in numbers:
        place = position[number]
        for index, line in text_lines[max(0, place - _NEAR) : place + _NEAR + 1]:
            if index != number:
                beside.add((index, line.text))
    near_counts = Counter(text for _, text in beside)
    # A label alone on its line ("TRUMP:") is never a head, however often a page ends on it.
    candidates = {t for t, count in near_counts.items() if count >= 3 and not t.endswith(":")}
    everywhere = Counter(line.text for _, line in text_lines if line.text in candidates)
    # Once more elsewhere at most: the first page, which may print no number. The first line
    # stays there, when no page number stands by it: the title, which the pages repeat.
    heads = {t for t in candidates if everywhere[t] <= near_counts[t] + 1}
    by_numbers = {index for index, _ in beside}
    first = text_lines[0][0]
    return {
        index
        for index, line in text_lines
        if line.text in heads and (index in by_numbers or index != first)
    }
