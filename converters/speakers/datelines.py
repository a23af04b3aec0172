"""Dates in the header of a speaker-label transcript: which line is a date line, what else it
says (a place before the date, a heading beside it), and which date a title names.

Dates in the layouts publishers print, their months in the languages of :mod:`.._months`
("March 11, 2022", "Friday, 11 March 2022", "31. März 2003", "MARCH 11, 2022 • PRESS
BRIEFINGS", "2022-03-11", "11.03.2022", "11 марта 2022 года", "2013年 1月 17日").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .._months import month_number

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
#: A day of the month, perhaps ordinal ("17th June, 1992", "June 17th, 1992", "1er mars 2013").
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH} {_DAY},? (?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY} {_MONTH},? (?P<year>\d{{4}})\b", re.IGNORECASE),
    # "31. März 2003", at the line's start or after a place ("Lübeck, 31. März 2003"): not
    # "Part 2. March 2021 update".
    re.compile(rf"(?:^|, )(?P<day>\d{{1,2}})\. {_MONTH} (?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})-(?P<nmonth>\d{2})-(?P<day>\d{2})\b"),
    # "2013年 1月 17日": Chinese and Japanese.
    re.compile(r"(?P<year>\d{4}) ?年 ?(?P<nmonth>\d{1,2}) ?月 ?(?P<day>\d{1,2}) ?日"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<year>\d{4})\b"),
)
#: Month words of three letters taken in a header: English abbreviations ("Sep. 5, 2019"),
#: German "Okt.", "Dez." and May ("mai"), not the short months of other languages that are
#: English words too ("Top 10 Mac 2020").
_SHORT_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec mai okt dez".split())
#: A line with one of these holds its date apart from its other words ("March 11, 2022 •
#: Press Briefings", "Office of the Press Secretary | March 3, 2020").
_SEPARATOR = re.compile(r"[•|/–—·]| - ")
#: A key or a weekday before the date, "года" and a clock after it: no words of a heading.
_KEY = re.compile(r"^(?:date|posted(?: on)?|published(?: on)?|updated)\b\s*:?", re.IGNORECASE)
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche "
    "понедельник вторник среда четверг пятница суббота воскресенье".split()
)
_CLOCK = re.compile(r"(?:at )?\d{1,2}[:.]\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: (?:Uhr|[A-Z]{2,4}))?")
_YEAR_WORD = re.compile(r"^года?\b")
#: What stands around a date and the words beside it: separators, markup, punctuation.
_AROUND = " \t,.;:•|/–—·-()*`_"
#: Words of a publisher's frame beside a date, never a heading.
_BOILERPLATE = frozenset(
    {"the white house", "office of the press secretary", "for immediate release",
     "immediate release", "transcript", "full transcript"}
)  # fmt: skip
#: At most this many words of a place before a dateline's date ("Washington, D.C.").
_PLACE_WORDS = 3


@dataclass(frozen=True)
class DateLine:
    """What a date line says: its date, a place named before the date ("Lübeck, 31. März
    2003"), and the words of a heading beside the date ("Division Press Briefing")."""

    date: dt.date
    place: str | None
    heading: str | None


def date_in(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first date in ``text`` and where it stands."""
    for pattern in _DATE_PATTERNS:
        for found in pattern.finditer(text):
            parts = found.groupdict()
            month = (
                int(parts["nmonth"]) if parts.get("nmonth") else _month_of(parts.get("month") or "")
            )
            if not month:
                continue
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"])), found
            except ValueError:
                continue
    return None


def _month_of(word: str) -> int | None:
    if len(word) < 4 and word.casefold() not in _SHORT_MONTHS:
        return None
    return month_number(word)


def date_line(text: str) -> dt.date | None:
    """The date of a line that is a date (perhaps with a weekday, a section or a "Date:" key)."""
    found = dated_line(text)
    return found.date if found is not None else None


def dated_line(text: str) -> DateLine | None:
    """The date line ``text`` is: a date alone, with a weekday, a key, a clock or up to two
    other words, or held apart by a separator from other words ("Division Press Briefing –
    December 12, 2022"); None for a line that only holds a date ("Statement on the Election of
    November 8, 2022 and what follows")."""
    found = date_in(text)
    if found is None:
        return None
    date, match = found
    before = _words_before(text[: match.start()])
    after = _words_after(text[match.end() :])
    words = " ".join(part for part in (before, after) if part)
    if words and len(words.split()) > 2 and _SEPARATOR.search(text) is None:
        return None
    place = _place(text, match) if before else None
    heading = after if place is not None else words
    return DateLine(date, place, heading if _is_heading(heading) else None)


def _words_before(text: str) -> str:
    """The words before a date, without a key or a weekday ("Posted on Monday,")."""
    words = _KEY.sub("", text.strip(_AROUND), count=1).strip(_AROUND)
    head, _, last = words.rpartition(" ")
    if last.strip(_AROUND).casefold() in _WEEKDAYS:
        words = head.strip(_AROUND)
    return "" if words.casefold() in _WEEKDAYS else words


def _words_after(text: str) -> str:
    """The words after a date, without "года" or a clock ("at 4:05 pm", "13:15 Uhr")."""
    words = _YEAR_WORD.sub("", text.strip(_AROUND), count=1).strip(_AROUND)
    clock = _CLOCK.match(words)
    return words[clock.end() :].strip(_AROUND) if clock is not None else words


def _place(text: str, match: re.Match[str]) -> str | None:
    """The place a dateline names before its date and a comma: a few capitalised words
    ("Lübeck", "Washington, D.C."), no weekday, heading or markup."""
    start = match.start()
    if not (text.endswith(", ", 0, start) or text.startswith(", ", start)):  # "…, 31. März"
        return None
    place = text[:start].strip(" ,")
    words = place.split()
    if not words or len(words) > _PLACE_WORDS or any(c in place for c in "*`_[]()<>:|"):
        return None
    if not all(word[:1].isupper() for word in words) or words[0].strip(",").casefold() in _WEEKDAYS:
        return None
    return place


def _is_heading(words: str) -> bool:
    """Words beside a date that are a heading to keep: three words or more (a Chinese
    sentence has no space: four characters), not a byline or a publisher's frame; a section's
    name ("• Press Briefings") or a hearing's day ("Day 3:") goes with the date."""
    if words.startswith(("by ", "By ")) or words.casefold() in _BOILERPLATE:
        return False
    if "：" in words:  # "时间：" (time:), a key of Chinese text
        return False
    return len(words.split()) >= 3 or (len(words) >= 4 and not words.isascii())


#: What a title says before the date of its event, at its end: "Press Conference on June 26,
#: 2023", "Briefing (July 07, 2022)", "Regierungspressekonferenz vom 15. April 2013".
_EVENT_DATE_BEFORE = ("(", " on", " vom", " am", " du", " del", " –", " -", " —", ",", ":", "|")
#: At most this far from a date line's date, the title's is the event's (a page's date line
#: may be the day it was posted).
_TITLE_DATE_DAYS = 31


def title_date(title: str | None, date: dt.date | None) -> dt.date | None:
    """The date a title ends with, as its event's, when the header gives none or one a few
    days off; ``date`` otherwise ("Statement on the Election of November 8, 2022" is about an
    earlier day: its date follows "of")."""
    found = date_in(title) if title else None
    if title is None or found is None:
        return date
    day, match = found
    before, after = title[: match.start()].rstrip(), title[match.end() :].strip()
    if after not in ("", ")") or not before.endswith(_EVENT_DATE_BEFORE):
        return date
    if date is None or abs((day - date).days) <= _TITLE_DATE_DAYS:
        return day
    return date
