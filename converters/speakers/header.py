"""The header of a speaker-label transcript: title, date, time, place and publisher lines.

Dates in the layouts publishers print, their months in the languages of :mod:`.._months`
("March 11, 2022", "Friday, 11 March 2022", "31. März 2003",
"MARCH 11, 2022 • PRESS BRIEFINGS", "2022-03-11", "11.03.2022", "11 марта 2022 года",
"Date: …"), clock times with US, UK, Central European or Moscow zone abbreviations ("1:52 P.M.
EST" is 13:52 at -05:00), "Key: value" lines, and publisher boilerplate ("The White House").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from transcript_model.errors import Problem
from transcript_model.types import URL_PATTERN

from .._months import month_number
from .._page_frame import is_page_frame

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
_TIME = re.compile(
    r"^(?:time:\s*)?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap])\.?\s*m\.?)?(?:\s+(?P<zone>[A-Z]{2,4}))?$",
    re.IGNORECASE,
)
_ZONES = {
    "UTC": "+00:00", "GMT": "+00:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
    "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "EST": "-05:00", "EDT": "-04:00",
    "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00",
    "PDT": "-07:00",
}  # fmt: skip
_HEADER_KEY = re.compile(
    r"^(?P<key>title|date|time|place|location|venue|publisher|source|url|subjects?|topics)"
    r"\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_TOPIC_SEPARATOR = re.compile(r"[;,]")
_BOILERPLATE = {"the white house", "office of the press secretary", "for immediate release",
                "immediate release", "transcript", "full transcript", "e&oe", "e&oe proof only",
                "e & oe", "proof only", "check against delivery"}  # fmt: skip
# "года" with the spaces before it, tried only where a run of spaces starts: tried at every
# space, the pattern rescanned the rest of the run each time (quadratic in a long run).
_YEAR_WORD = re.compile(r"(?<!\s)\s*года?\b")

_URL = re.compile(URL_PATTERN)


@dataclass
class Line:
    """One input line: its 1-based number and its text without surrounding space."""

    number: int
    text: str


@dataclass
class Header:
    """What the header block gives."""

    title: str | None = None
    date: dt.date | None = None
    time: dt.time | None = None
    utc_offset: str | None = None
    place: str | None = None
    publisher: str | None = None
    url: str | None = None
    #: "SUBJECTS: Labour force, GST, …", as Australian ministers' transcripts list them.
    topics: list[str] = field(default_factory=list)
    narrative: list[str] = field(default_factory=list)


def one_spaced(text: str) -> str:
    """The text with every run of spaces made one ordinary space."""
    return " ".join(text.replace("\ufeff", " ").split())


#: Month words of three letters taken in a header: English abbreviations ("Sep. 5, 2019"),
#: German "Okt.", "Dez." and May ("mai"), not the short months of other languages that are
#: English words too ("Top 10 Mac 2020").
_SHORT_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec mai okt dez".split())


def _month_of(word: str) -> int | None:
    if len(word) < 4 and word.casefold() not in _SHORT_MONTHS:
        return None
    return month_number(word)


def _date_in(text: str) -> tuple[dt.date, re.Match[str]] | None:
    for pattern in _DATE_PATTERNS:
        for found in pattern.finditer(text):
            parts = found.groupdict()
            month = (
                int(parts["nmonth"])
                if parts.get("nmonth")
                else _month_of(parts.get("month") or "")
            )
            if not month:
                continue
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"])), found
            except ValueError:
                continue
    return None


def date_line(text: str) -> dt.date | None:
    """The date of a line that is a date (perhaps with a weekday, a section or a "Date:" key)."""
    dated = _dated_line(text)
    return dated[0] if dated is not None else None


def _dated_line(text: str) -> tuple[dt.date, str] | None:
    """(date, the line's other words) of a date line: a date alone, with a weekday, a key or
    up to two more words, or set apart by separators from a heading ("Division Press Briefing
    – December 12, 2022", "Bern, 17.08.2007 - Rede von …"); not a heading with a date inside
    ("Regierungspressekonferenz vom 15. April 2013 (BPA)")."""
    found = _date_in(text)
    if not found:
        return None
    date, match = found
    before, after = text[: match.start()].strip(), text[match.end() :].strip()
    rest = f"{before} {after}".strip()
    rest = _LEADING_KEY.sub("", rest)
    rest = _LEADING_WEEKDAY.sub("", rest.strip())
    rest = _YEAR_WORD.sub("", rest).strip(" ,")
    set_apart = (not before or before.endswith(_SEPARATORS)) and (
        not after or after.startswith(_SEPARATORS)
    )
    if rest and not set_apart and len(rest.split()) > 2:
        return None
    parts = (_without_weekday(part.strip(_AROUND_WORDS)) for part in (before, after))
    words = " ".join(part for part in parts if part and not _CLOCK_ONLY.fullmatch(part))
    return date, _LEADING_KEY.sub("", words).strip(_AROUND_WORDS)


_LEADING_KEY = re.compile(r"^(?:date|posted(?: on)?|published(?: on)?|updated)\s*:?", re.I)
_LEADING_WEEKDAY = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|"
    r"среда|четверг|пятница|суббота|воскресенье)\s*,?",
    re.IGNORECASE,
)
#: What sets a date apart from the words beside it on its line.
_SEPARATORS = tuple("•|/–—·-,:()")
_CLOCK_ONLY = re.compile(r"\d{1,2}[:.]\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,4})?")


#: What stands between a date and the other words of its line.
_AROUND_WORDS = " ,.;:•|/–—·-()"


def _without_weekday(words: str) -> str:
    """``words`` without the weekday they end with ("Mitschrift der Pressekonferenz - Montag")."""
    head, _, last = words.rpartition(" ")
    return head.strip(_AROUND_WORDS) if _WEEKDAY.fullmatch(last.strip(",")) else words


_WEEKDAY = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)",
    re.IGNORECASE,
)


_DATE_KEY = re.compile(r"(?:date|posted|published|updated)\b", re.IGNORECASE)


def _says_something(words: str) -> bool:
    """Words beside a date worth keeping: a heading of three words or more (a Chinese
    sentence has no space: four characters), not a key; a section's name ("March 11, 2022 •
    Press Briefings"), a day of a hearing ("Day 3: May 7, 1987") go with the date line."""
    if _DATE_KEY.match(words):
        return False
    return len(words.split()) >= 3 or (len(words) >= 4 and not words.isascii())


#: What a title says before the date of its event, at its end: "Press Conference on June 26,
#: 2023", "Briefing (July 07, 2022)", "Regierungspressekonferenz vom 15. April 2013".
_EVENT_DATE_BEFORE = ("(", " on", " vom", " am", " du", " del", " –", " -", " —", ",", ":", "|")
#: At most this far from a date line's date, the title's is the event's (a page's date line
#: may be the day it was posted).
_TITLE_DATE_DAYS = 31


def _title_date(title: str | None, date: dt.date | None) -> dt.date | None:
    """The date a title ends with, as its event's, when the header gives none or one a few
    days off; ``date`` otherwise ("Statement on the Election of November 8, 2022" is about an
    earlier day: its date follows "of")."""
    found = _date_in(title) if title else None
    if title is None or found is None:
        return date
    day, match = found
    before, after = title[: match.start()].rstrip(), title[match.end() :].strip()
    if after not in ("", ")") or not before.endswith(_EVENT_DATE_BEFORE):
        return date
    if date is None or abs((day - date).days) <= _TITLE_DATE_DAYS:
        return day
    return date


def _place_before_date(text: str) -> str | None:
    """The place of a dateline that names it before the date ("Lübeck, 31. März 2003")."""
    found = _date_in(text)
    if found is None:
        return None
    start = found[1].start()
    comma = text.endswith(", ", 0, start) or text.startswith(", ", start)  # "…, 31. März"
    place = text[:start].rstrip(" ,")
    if not comma or not place or _WEEKDAY.fullmatch(place) or _DATE_KEY.match(place):
        return None
    return place if place_like(place.removesuffix(".")) else None  # "Washington, D.C."


def time_line(text: str) -> tuple[dt.time, str | None] | None:
    """(local time, UTC offset or None) of a line that is a clock time ("1:52 P.M. EST")."""
    found = _TIME.match(text)
    if not found:
        return None
    hour, minute = int(found.group("h")), int(found.group("m"))
    second = int(found.group("s") or 0)
    ampm = (found.group("ampm") or "").casefold()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    zone = found.group("zone")
    if zone and zone.upper() not in _ZONES:
        return None
    try:
        value = dt.time(hour, minute, second)
    except ValueError:
        return None
    return value, _ZONES.get(zone.upper()) if zone else None


def read_header(lines: Sequence[Line], warnings: list[Problem], origin: str) -> Header:
    """Title, date, time, place and publisher of the header lines; the lines that are none of
    these are kept as narrative, and dropped boilerplate is reported in ``warnings``."""
    header = Header()
    rest: list[Line] = []
    beside_dates: list[str] = []
    for line in lines:
        keyed = _HEADER_KEY.match(line.text)
        if keyed and _keyed(header, keyed.group("key").casefold(), one_spaced(keyed["value"])):
            continue
        if header.date is None and (dated := _dated_line(line.text)) is not None:
            header.date, words = dated
            place = _place_before_date(line.text)
            if place is not None:
                header.place = header.place or place
            elif _says_something(words):  # a heading with its date: keep its words
                if header.title is None:
                    header.title = one_spaced(words)
                else:
                    beside_dates.append(words)  # narrative; never the place
            continue
        if header.time is None and (clock := time_line(line.text)) is not None:
            header.time, header.utc_offset = clock
            continue
        lowered = line.text.casefold()
        if lowered in _BOILERPLATE:
            if lowered == "the white house" and header.publisher is None:
                header.publisher = one_spaced(line.text)
            else:
                warnings.append(
                    Problem(
                        "dropped",
                        f"header line {line.text[:60]!r} is publisher boilerplate: not kept",
                        origin,
                        line.number,
                        severity="warning",
                    )
                )
            continue
        if is_page_frame(line.text):
            note = f"header line {line.text[:60]!r} is the frame of a copied page: not kept"
            warnings.append(Problem("dropped", note, origin, line.number, severity="warning"))
            continue
        if header.title is None:
            header.title = one_spaced(line.text)
            continue
        rest.append(line)
    header.date = _title_date(header.title, header.date)
    # One short line left beside the date and time is where it happened ("East Room").
    if len(rest) == 1 and header.place is None and place_like(rest[0].text):
        header.place = one_spaced(rest[0].text)
        rest = []
    header.narrative = [*beside_dates, *(line.text for line in rest)]
    return header


def _keyed(header: Header, key: str, value: str) -> bool:
    if key == "title" and header.title is None:
        header.title = value
    elif key == "date" and header.date is None and (date := date_line(value)):
        header.date = date
    elif key == "time" and header.time is None and (clock := time_line(value)):
        header.time, header.utc_offset = clock
    elif key in ("place", "location", "venue") and header.place is None:
        header.place = value
    elif key in ("publisher", "source") and header.publisher is None:
        header.publisher = value
    elif key == "url" and header.url is None and _URL.match(value):
        header.url = value
    elif key in ("subjects", "subject", "topics") and not header.topics:
        header.topics = [one_spaced(t) for t in _TOPIC_SEPARATOR.split(value) if t.strip()]
    else:
        return False
    return True


def place_like(text: str) -> bool:
    """A short line that can name where it happened ("East Room", "Alexandria, VA")."""
    return (
        len(text) <= 80
        and len(text.split()) <= 10
        and not text.endswith((".", "?", "!"))
        and "](" not in text  # a Markdown link ("[Automated Summary can be read here](./…)")
        and "://" not in text
        and not text.startswith("<")  # HTML in Markdown ("<p align="center"><img …></p>")
        and not text.startswith(("by ", "By "))  # a byline
        and _date_in(text) is None
    )
