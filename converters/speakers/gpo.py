"""US congressional hearing records as the Government Publishing Office prints them (GPO text).

A hearing record (govinfo's ``CHRG-…`` text, public domain; a page of the Congressional Record,
``CREC-…``, is read alike, its first centred heading the title) opens with a title page — "[House
Hearing, 111 Congress]", "[From the U.S. Government Printing Office]", the title in capitals,
"HEARING BEFORE THE COMMITTEE ON …", the date, the serial number — then the committee's roster
and the contents. The hearing itself starts where "The committee met, pursuant to notice, …".
Its paragraphs are hard-wrapped: a paragraph's first line is indented, the lines after it are
not; a speech opens with a label closed by a period ("The Chairman.", "Mr. Moore of Kansas.",
"Senator LEAHY.", "Chairman Frank."); headings are centred ("STATEMENT OF THE HONORABLE …");
notes stand in brackets ("[Laughter.]", "[The prepared statement of Mr. Gordon follows:]");
"[Whereupon, … the hearing was adjourned.]" ends it, and an appendix of written statements may
follow.

:func:`prepare` turns such a record into the lines the speaker-label reader reads: one line a
paragraph (its wrapped lines joined), a label closed by a colon, the title page, roster and
contents left out (a warning says how many lines), the title and date taken from the title page,
and which lines are labels, headings and the end of the hearing. Other text gives None.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from transcript_model.errors import Problem
from transcript_model.inputs import decode_text

from .._sniffing import is_gpo_record_head, is_html_head
from .gpo_names import Person, presiding_chair, roster_people, witness
from .header import Line, one_spaced
from .lines import CONTROL, legacy_raw_lines, text_lines

_FROM_GPO = re.compile(r"^\[From the U\.S\. Government (?:Printing|Publishing) Office\]")
#: What ends the title on the title page ("HEARING", "JOINT HEARING", "BEFORE THE", a rule).
_TITLE_END = re.compile(
    r"^(?:(?:(?:JOINT |FIELD |OVERSIGHT |LEGISLATIVE )?HEARINGS?|ROUNDTABLE|MARKUP|BEFORE THE"
    r"|BUSINESS MEETING)\b|[=_\-]{5,})"
)
_NOT_TITLE = re.compile(r"^(?:[SH]\. HRG\. |\[|Serial No\.)", re.IGNORECASE)
_MONTHS = (
    "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER"
).split()
#: "MAY 5, 2009", "Tuesday, May 5, 2009", "MARCH 3 AND 4, 2009", "JUNE 12-13, 2007": the first day.
_DATE = re.compile(
    rf"\b(?P<month>{'|'.join(_MONTHS)}) (?P<day>\d{{1,2}})"
    r"(?:(?:,? (?:AND|&)|,|[-\u2013]{1,2}) ?\d{1,2}){0,6},? (?P<year>\d{4})\b",
    re.IGNORECASE,
)
#: Where the hearing starts: "The committee met, pursuant to notice, at 10:04 a.m., …".
_OPENING = re.compile(r"\b(?:met|convened|assembled),? (?:pursuant to|at \d)", re.IGNORECASE)
_HONORIFIC = r"(?:Mr|Ms|Mrs|Miss|Dr)\."
_TITLES = (
    "Chairman|Chairwoman|Chair|Senator|Representative|Secretary|General|Admiral|Ambassador"
    "|Governor|Judge|Justice|Commissioner|Director|Dean|Professor|Mayor|Delegate|Colonel"
    "|Captain|Major|Sheriff|Chief|Commander|Administrator|Inspector General|Speaker|Leader"
)
_OFFICES = (
    "Chairman|CHAIRMAN|Chairwoman|CHAIRWOMAN|Chair|CHAIR|Vice Chairman|VICE CHAIRMAN|Clerk|CLERK"
    "|Presiding Officer|PRESIDING OFFICER|Witness|WITNESS|Reporter|REPORTER|Speaker|SPEAKER"
)
_SURNAME = r"(?:Mc|Mac|O'|O’|De|Van |Von |St\. )?[A-Z][A-Za-z'’\-]{1,30}"
#: A label opening a paragraph: an honorific or a title, perhaps a given name, a surname (in
#: capitals or not, of one or two words), perhaps "of Kansas"; or "The Chairman"; then a
#: period, perhaps a bracketed note ("[presiding]"), and the words spoken.
_LABEL = re.compile(
    rf"(?P<label>(?:{_HONORIFIC}|{_TITLES}) (?:[A-Z][a-z]{{1,20}} |[A-Z]\. )?{_SURNAME}"
    rf"(?: {_SURNAME})?(?: of [A-Z][a-z]{{1,20}}(?: [A-Z][a-z]{{1,20}})?)?"
    rf"|The (?:{_OFFICES}))\.(?P<note> \[[^\]\n]{{1,60}}\])?(?= +\S)"
)
#: A centred heading: far from the margin, and no sentence ("STATEMENT OF THE HONORABLE …").
_HEADING_INDENT = 8
_END = re.compile(r"^\[Whereupon,? .{0,200}\b(?:adjourned|recessed|concluded)\b", re.IGNORECASE)


@dataclass
class Record:
    """A GPO record made into the reader's lines, and what its title page and layout say."""

    lines: list[Line]
    title: str | None = None
    date: dt.date | None = None
    label_lines: set[int] = field(default_factory=set)
    heading_lines: set[int] = field(default_factory=set)
    end_lines: set[int] = field(default_factory=set)
    warnings: list[Problem] = field(default_factory=list)
    #: The people the roster and the statements' headings print in full (gpo_names).
    people: list[Person] = field(default_factory=list)
    #: Who presides, as the hearing's opening says ("Hon. Barney Frank [chairman …] presiding").
    chair: str | None = None


def read_record(data: bytes, origin: str) -> Record | None:
    """The record in ``data`` — its text, or the page GPO serves it in (``<pre>`` holding the
    text) — made ready to read (see :func:`prepare`); None for any other input."""
    if not is_gpo_record_head(data[:4096]):
        return None
    if not is_html_head(data[:4096]):
        lines, decoding = legacy_raw_lines(data, origin, False)
        return with_warning(prepare(lines, origin), decoding)
    text = decode_text(data, origin)
    opened = _PRE.search(text)
    start = opened.end() if opened else 0
    end = max(text.rfind("</pre>"), text.rfind("</PRE>"))  # no lower-case copy of the page
    # GPO's own codes inside stay as the text file prints them ("<bullet>", "<F-dash>"); a
    # link is its words ("[<a href=…>www.gpo.gov</a>]" in a Congressional Record page's head).
    inner = html.unescape(_LINK.sub(r"\1", text[start : end if end > start else len(text)]))
    # The page's lines keep their numbers: a line of the record is its line of the page.
    lines_before = text.count("\n", 0, start)
    return prepare([""] * lines_before + text_lines(inner, origin, False), origin)


_PRE = re.compile(r"<pre>", re.IGNORECASE)


def with_warning(record: Record, warnings: list[Problem]) -> Record:
    """``record`` with ``warnings`` (how its bytes were decoded) first among its warnings."""
    record.warnings[:0] = warnings
    return record
_LINK = re.compile(r"<a [^<>\n]{0,300}>([^<>\n]{0,300})</a>", re.IGNORECASE)


def prepare(raw_lines: Sequence[str], origin: str) -> Record:
    """A record's paragraphs as lines, its title and date, and its labels, headings and end
    (see the module)."""
    record = Record([Line(n, "") for n in range(1, len(raw_lines) + 1)])
    raw_lines = _without_controls(raw_lines, record, origin)
    start = _hearing_start(raw_lines)
    record.title, record.date = _title_page(raw_lines, start)
    if start > 0:
        record.warnings.append(
            Problem(
                "dropped",
                f"the record's title page, roster and contents (lines 1-{start}) are not kept: "
                "the hearing starts at line "
                f"{start + 1}",
                origin,
                start + 1,
                severity="warning",
            )
        )
    _paragraphs(raw_lines, start, record)
    record.people = roster_people(raw_lines[:start])
    headings = (record.lines[number - 1].text for number in sorted(record.heading_lines))
    record.people += [person for text in headings if (person := witness(text)) is not None]
    opening = next((line.text for line in record.lines[start:] if line.text), "")
    record.chair = presiding_chair(opening)
    return record


def _without_controls(raw_lines: Sequence[str], record: Record, origin: str) -> list[str]:
    """The lines without the control characters GPO's typesetting leaves (a bullet as U+0001,
    a DOS end-of-file U+001A on the last line): nothing a transcript can hold; a warning says
    how many were left out and where the first was."""
    kept = list(raw_lines)
    count = 0
    for index, raw in enumerate(raw_lines):
        found = CONTROL.search(raw)
        if found is None:
            continue
        if not count:
            first = (index + 1, found.start() + 1, f"U+{ord(found.group()):04X}")
        cleaned, removed = CONTROL.subn("", raw)
        kept[index] = cleaned
        count += removed
    if count:
        record.warnings.append(
            Problem(
                "dropped",
                f"{count} control character(s) of the record's typesetting are left out (the "
                f"first, {first[2]}, here)",
                origin,
                first[0],
                first[1],
                severity="warning",
            )
        )
    return kept


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" \t\u00a0"))


def _hearing_start(raw_lines: Sequence[str]) -> int:
    """The index of the line the hearing starts at: the first indented paragraph saying the
    committee met, or else the first one opening with a label; 0 when neither is found."""
    first_label = None
    for index, raw in enumerate(raw_lines):
        indent = _indent(raw)
        if not 2 <= indent < _HEADING_INDENT:
            continue
        text = raw.strip()
        if _OPENING.search(text):
            return index
        if first_label is None and _LABEL.match(text):
            first_label = index
    return first_label or 0


def _title_page(raw_lines: Sequence[str], end: int) -> tuple[str | None, dt.date | None]:
    """The title (the lines after "[From the U.S. Government Printing Office]" up to
    "HEARING") and the first date of the title page, or of the whole front matter."""
    title: list[str] = []
    date = None
    in_title = False
    for raw in raw_lines[: end or len(raw_lines)]:
        text = one_spaced(raw)
        if _FROM_GPO.match(text):
            in_title = True
            continue
        if in_title and _TITLE_END.match(text) and title:
            in_title = False
        elif in_title and text and not _NOT_TITLE.match(text):
            title.append(text)
        if date is None and not in_title and (found := _DATE.search(text)):
            date = _date_of(found)
    return (" ".join(title) or _first_heading(raw_lines, end)), date


def _first_heading(raw_lines: Sequence[str], end: int) -> str | None:
    """The first centred heading before the proceedings, its lines joined: the title of a
    Congressional Record page ("THE BALANCED BUDGET AMENDMENT"), which has no title page."""
    heading: list[str] = []
    for raw in raw_lines[:end]:
        text = one_spaced(raw)
        if text and _indent(raw) >= _HEADING_INDENT and text[0] not in "[{":  # "{time} 1117"
            heading.append(text)
        elif heading:
            break
    return " ".join(heading) or None


def date_in(text: str) -> dt.date | None:
    """The first date ``text`` prints ("MAY 5, 2009", "Monday, March 26, 2012"), or None."""
    found = _DATE.search(text)
    return _date_of(found) if found else None


def _date_of(found: re.Match[str]) -> dt.date | None:
    try:
        month = _MONTHS.index(found.group("month").upper()) + 1
        return dt.date(int(found.group("year")), month, int(found.group("day")))
    except ValueError:
        return None


def _paragraphs(raw_lines: Sequence[str], start: int, record: Record) -> None:
    """Join each paragraph's lines, and each centred heading's, onto its first line; a
    label's period becomes a colon."""
    opened: int | None = None  # the index of the line the open paragraph or heading is on
    heading = False
    parts: list[str] = []

    def flush() -> None:
        if opened is not None:
            (_set_heading if heading else _set_paragraph)(record, opened, " ".join(parts))
        parts.clear()

    after_blank = True
    for index in range(start, len(raw_lines)):
        raw = raw_lines[index]
        text = raw.strip()
        if not text:
            flush()
            opened, after_blank = None, True
            continue
        titled = _heading_like(raw, text, after_blank or heading)
        if opened is not None and titled == heading and (titled or _indent(raw) < 2):
            parts.append(text)  # the next line of a heading, or of a paragraph
        else:
            flush()
            opened, heading = index, titled
            parts.append(text)
        after_blank = False
    flush()


def _heading_like(raw: str, text: str, may_open: bool) -> bool:
    """A line of a heading: centred, or (after a blank line or another heading line) in
    capitals, like "STATEMENT OF CHRISTOPHER THORNBERG, ECONOMIST, BEACON ECONOMICS", which
    GPO starts at the margin when it is long."""
    if _LABEL.match(text):
        return False
    if _indent(raw) >= _HEADING_INDENT:
        return True
    return (
        may_open
        and text[0] != "["
        and not any(c.islower() for c in text)
        and sum(c.isalpha() for c in text) >= 4
    )


def _set_paragraph(record: Record, index: int, text: str) -> None:
    number = index + 1
    label = _LABEL.match(text)
    if label is not None:
        rest = text[label.end() :].strip()
        note = label.group("note")
        text = f"{label.group('label')}: {note.strip() + ' ' if note else ''}{rest}"
        record.label_lines.add(number)
    elif _END.match(text):
        record.end_lines.add(number)
    record.lines[index] = Line(number, text)


def _set_heading(record: Record, index: int, text: str) -> None:
    record.lines[index] = Line(index + 1, text)
    record.heading_lines.add(index + 1)
