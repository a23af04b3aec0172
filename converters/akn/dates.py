"""Dates as a debate prints them in its own language ("Thursday, 14 February 2013",
"Donnerstag, 14. Februar 2013", "14 de febrero de 2013", "le 1er mars 2013", "February 14,
2013", "13 JULAI 2020"), for documents whose markup gives no usable date.

One regular expression pass per text, linear in its length: a number, a word and a year, in
either order, each part a run of one character class.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_MONTHS_BY_LANGUAGE = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "af": "januarie februarie maart april mei junie julie augustus september oktober november "
    "desember",
    # Malay and Indonesian ("13 JULAI 2020 (ISNIN)": Sinar Project's Selangor assembly).
    "ms": "januari februari mac april mei jun julai ogos september oktober november disember",
    "id": "januari februari maret april mei juni juli agustus september oktober november "
    "desember",
    "sw": "januari februari machi aprili mei juni julai agosti septemba oktoba novemba desemba",
}
_ABBREVIATIONS = "jan feb mar apr may jun jul aug sep oct nov dec"


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for words in (*_MONTHS_BY_LANGUAGE.values(), _ABBREVIATIONS):
        for number, word in enumerate(words.split(), 1):
            table.setdefault(_fold(word), number)
    table["sept"] = 9
    table["setiembre"] = 9
    table["jänner"] = 1
    table["mrt"] = 3
    return table


def _fold(word: str) -> str:
    """Lower case without accents: "Février", "fevrier" and "FÉVRIER" are one month."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_MONTHS = _month_table()

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
    number = _MONTHS.get(_fold(month))
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None
