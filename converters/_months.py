"""Month names in the languages transcripts are printed in, for the readers' date parsers.

Folded to lower case without accents, so that "Février", "fevrier" and "FÉVRIER" are one
month; English and Russian (genitive, as dates print it: "11 марта 2022") among them.
"""

from __future__ import annotations

import unicodedata

_BY_LANGUAGE = {
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
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
_ABBREVIATIONS = "jan feb mar apr may jun jul aug sep oct nov dec"
_GERMAN_ABBREVIATIONS = "jan feb mär apr mai jun jul aug sep okt nov dez"


def _table() -> dict[str, int]:
    table: dict[str, int] = {}
    for words in (*_BY_LANGUAGE.values(), _ABBREVIATIONS, _GERMAN_ABBREVIATIONS):
        for number, word in enumerate(words.split(), 1):
            table.setdefault(fold(word), number)
    table["sept"] = 9
    table["setiembre"] = 9
    table["jänner"] = 1
    table["mrt"] = 3
    return table


def fold(word: str) -> str:
    """Lower case without accents: "Février", "fevrier" and "FÉVRIER" are one month."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_MONTHS = _table()


def month_number(word: str) -> int | None:
    """The number of the month ``word`` names in any language known here, or None."""
    return _MONTHS.get(fold(word))

