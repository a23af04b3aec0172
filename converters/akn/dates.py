"""Dates as a debate prints them in its own language ("Thursday, 14 February 2013",
"Donnerstag, 14. Februar 2013", "14 de febrero de 2013", "le 1er mars 2013", "February 14,
2013", "13 JULAI 2020"), for documents whose markup gives no usable date.

One regular expression pass per text, linear in its length: a number, a word and a year, in
either order, each part a run of one character class.
"""

from __future__ import annotations

import datetime as dt
import re

from .._months import month_number

# "14 February 2013", "14. Februar 2013", "14 de febrero de 2013", "1er mars 2013",
# "14th of February 2013", "31st October, 1995".
_DAY_FIRST = re.compile(
    r"\b([0-9]{1,2})(?:st|nd|rd|th|er|e|º|°)?\.?[ \t\u00a0]+(?:(?:de|of)[ \t\u00a0]+)?"
    r"([^\W\d_]+)\.?,?[ \t\u00a0]+(?:(?:de|del)[ \t\u00a0]+)?([0-9]{4})\b"
)
# "February 14, 2013", "February 14th 2013".
_MONTH_FIRST = re.compile(
    r"\b([^\W\d_]+)\.?[ \t\u00a0]+([0-9]{1,2})(?:st|nd|rd|th)?,?[ \t\u00a0]+([0-9]{4})\b"
)


def printed_date(text: str) -> dt.date | None:
    """The first date printed in ``text`` with a month name of a known language, or None."""
    found: list[tuple[int, dt.date]] = []
    for match in _DAY_FIRST.finditer(text):
        day = _date(match.group(3), match.group(2), match.group(1))
        if day is not None:
            found.append((match.start(), day))
            break
    for match in _MONTH_FIRST.finditer(text):
        day = _date(match.group(3), match.group(1), match.group(2))
        if day is not None:
            found.append((match.start(), day))
            break
    return min(found)[1] if found else None


def _date(year: str, month: str, day: str) -> dt.date | None:
    number = month_number(month)
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None
