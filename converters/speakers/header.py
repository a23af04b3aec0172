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
_DATE_SEPARATORS = re.compile(r"[•|/–—·]")
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
    found = _date_in(text)
    if not found:
        return None
    date, match = found
    rest = (text[: match.start()] + " " + text[match.end() :]).strip()
    rest = re.sub(r"^(?:date|posted(?: on)?|published(?: on)?|updated)\s*:?", "", rest, flags=re.I)
    rest = re.sub(
        r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|"
        r"среда|четверг|пятница|суббота|воскресенье)\s*,?",
        "",
        rest.strip(),
        flags=re.IGNORECASE,
    )
    rest = _YEAR_WORD.sub("", rest).strip(" ,")
    if not rest or _DATE_SEPARATORS.search(text):
        return date
    return date if len(rest.split()) <= 2 else None


_WEEKDAY = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)",
    re.IGNORECASE,
)


_DATE_KEY = re.compile(r"(?:date|posted|published|updated)\b", re.IGNORECASE)


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
    for line in lines:
        keyed = _HEADER_KEY.match(line.text)
        if keyed and _keyed(header, keyed.group("key").casefold(), one_spaced(keyed["value"])):
            continue
        if header.date is None and (date := date_line(line.text)) is not None:
            header.date = date
            header.place = header.place or _place_before_date(line.text)
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
        if header.title is None:
            header.title = one_spaced(line.text)
            continue
        rest.append(line)
    # One short line left beside the date and time is where it happened ("East Room").
    if len(rest) == 1 and header.place is None and place_like(rest[0].text):
        header.place = one_spaced(rest[0].text)
        rest = []
    header.narrative = [line.text for line in rest]
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
    )
