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

from .._page_frame import WEAK_FRAME_LINES, is_page_frame
from .datelines import date_in, date_line, dated_line, title_date

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
    title_day: dt.date | None = None  # the date a title line holds ("… Briefing – May 3, 2021")
    weak_frame: Line | None = None
    for line in lines:
        keyed = _HEADER_KEY.match(line.text)
        if keyed and _keyed(header, keyed.group("key").casefold(), one_spaced(keyed["value"])):
            continue
        if header.date is None and (dated := dated_line(line.text)) is not None:
            if header.title is None and dated.heading is not None:
                header.title = one_spaced(line.text)  # a heading with its date: the title
                title_day = title_day or dated.date
                continue
            header.date = dated.date
            header.place = header.place or dated.place
            if dated.heading is not None:
                beside_dates.append(dated.heading)  # narrative; never the place
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
        if header.title is None and is_page_frame(line.text):
            warnings.append(_frame_dropped(line, origin))
            continue
        if header.title is None and line.text.casefold() in WEAK_FRAME_LINES:
            weak_frame = weak_frame or line  # "Home": the title only if no other line is
            continue
        if header.title is None and not _no_title(line.text):
            header.title = one_spaced(line.text)
            continue
        rest.append(line)
    if header.title is None and weak_frame is not None:
        header.title = one_spaced(weak_frame.text)
    elif weak_frame is not None:
        warnings.append(_frame_dropped(weak_frame, origin))
    header.date = title_date(header.title, header.date or title_day)
    # One short line left beside the date and time is where it happened ("East Room").
    if len(rest) == 1 and header.place is None and place_like(rest[0].text):
        header.place = one_spaced(rest[0].text)
        rest = []
    header.narrative = [*beside_dates, *(line.text for line in rest)]
    return header


#: A Markdown link alone on its line ("[Automated Summary can be read here](./summary.md)").
_LINK_LINE = re.compile(r"\[[^\]\n]{1,200}\]\([^()\s]{1,500}\)")
#: So many words, a word that opens a speech's sentence and a full stop make a sentence, no
#: title ("It is my profound honor to address the United Nations General Assembly."): a speech
#: with no header starts so; a headline may end with a period too ("… With U.S.", "… King Jr.").
_SENTENCE_WORDS = 8
_SPEECH_OPENERS = frozenset(
    "it i we this that there thank thanks today let ladies allow my our good please first "
    "yesterday".split()
)


def _no_title(text: str) -> bool:
    """A line that is the text's, not its title: a link alone, or a speech's sentence."""
    if _LINK_LINE.fullmatch(text):
        return True
    words = text.split()
    return (
        text.endswith(".")
        and len(words) >= _SENTENCE_WORDS
        and words[0].casefold().strip(",") in _SPEECH_OPENERS
    )


def _frame_dropped(line: Line, origin: str) -> Problem:
    note = f"header line {line.text[:60]!r} is the frame of a copied page: not kept"
    return Problem("dropped", note, origin, line.number, severity="warning")


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
        and date_in(text) is None
    )
