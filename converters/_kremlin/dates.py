"""Dates and times as kremlin.ru prints them: "March 11, 2022", "11 марта 2022 года",
"14:20", and the publication stamp "March 11, 2022, 14:20"."""

from __future__ import annotations

import datetime as dt
import re

from .site import clean

ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()
RUSSIAN_MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()
_EN_MONTH = {m.lower(): i for i, m in enumerate(ENGLISH_MONTHS, 1)}
_RU_MONTH = {m: i for i, m in enumerate(RUSSIAN_MONTHS, 1)}

_EN_DATE = re.compile(r"([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})")
_RU_DATE = re.compile(r"(\d{1,2})\s+([а-яё]+)\s+(\d{4})(?:\s+(?:года|г\.))?", re.IGNORECASE)
_TIME = r"([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?"
_TIME_RE = re.compile(_TIME)
_PUBLISHED = re.compile(r"(.+?),?\s+" + _TIME)


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groups()
    if groups[0].isdigit():
        day, month, year = int(groups[0]), _RU_MONTH.get(groups[1].lower()), int(groups[2])
    else:
        month, day, year = _EN_MONTH.get(groups[0].lower()), int(groups[1]), int(groups[2])
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The date of a whole line "March 11, 2022" or "11 марта 2022 года"; None otherwise."""
    # A date is three words ("March 11, 2022") or four ("11 марта 2022 года"): longer lines,
    # such as the lead under a title, are ruled out before the costly cleaning.
    if len(text.split(None, 4)) > 4:
        return None
    line = clean(text)
    match = _EN_DATE.fullmatch(line) or _RU_DATE.fullmatch(line)
    return _date_from_match(match) if match else None


def format_date(date: dt.date, language: str = "en") -> str:
    """A date as the site prints it in ``language`` ("ru" or anything else for English)."""
    if language.split("-", maxsplit=1)[0] == "ru":
        return f"{date.day} {RUSSIAN_MONTHS[date.month - 1]} {date.year:04d} года"
    return f"{ENGLISH_MONTHS[date.month - 1]} {date.day}, {date.year:04d}"


def parse_time(text: str) -> dt.time | None:
    """The time of a whole line "14:20" (or "14:20:05"); None otherwise."""
    if ":" not in text:
        return None
    match = _TIME_RE.fullmatch(clean(text))
    if not match:
        return None
    hour, minute, second = match.groups()
    return dt.time(int(hour), int(minute), int(second or 0))


def format_time(time: dt.time) -> str:
    """A time as the site prints it: "14:20", with seconds only when there are any."""
    return time.strftime("%H:%M:%S" if time.second else "%H:%M")


def parse_published(text: str) -> dt.datetime | None:
    """The value of "Publication date: March 11, 2022, 14:20" (the part after the colon)."""
    if ":" not in text:  # no time: most lines tried as a header date are sentences
        return None
    line = clean(text)
    match = _PUBLISHED.fullmatch(line)
    if not match:
        return None
    date = parse_date(match.group(1))
    time = parse_time(line[match.start(2) :])
    return dt.datetime.combine(date, time) if date and time else None


def format_published(value: dt.datetime, language: str = "en") -> str:
    """A publication date-time as the site prints it."""
    return f"{format_date(value.date(), language)}, {format_time(value.time())}"
