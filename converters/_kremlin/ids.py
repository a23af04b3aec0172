"""Identifiers made from names and titles: slugs, transcript ids, unique participant ids."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from transcript_model.types import ID_CHARACTERS, ID_START_CHARACTERS

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" "),
        strict=True,
    )
)


#: Latin letters that Unicode does not decompose into an ASCII letter and a mark.
_LATIN_LETTERS = {"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "ŧ": "t", "æ": "ae",
                  "œ": "oe", "þ": "th", "ð": "d"}  # fmt: skip
_CYRILLIC_TABLE = str.maketrans({**_CYRILLIC, **_LATIN_LETTERS})
_SLUG_WORD = re.compile(r"[a-z0-9]+")
#: A run of the characters an identifier may hold ("梁國雄議員", "μητσοτάκης").
_OWN_WORD = re.compile(f"{ID_CHARACTERS}+")
#: A letter of a script other than Latin (Cyrillic is transliterated before this is asked).
_BEYOND_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
NCNAME_START = re.compile(ID_START_CHARACTERS)


def slug(text: str, max_length: int = 60) -> str:
    """A lowercase ASCII slug of ``text`` ("Vladimir Putin" → "vladimir-putin"), Cyrillic
    transliterated; cut at a word boundary near ``max_length``. A name in a script without
    ASCII letters keeps its own characters ("梁國雄議員"); "x" when nothing is left."""
    lowered = text.casefold().translate(_CYRILLIC_TABLE)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    ascii_slug = _joined(_SLUG_WORD.findall(ascii_text), max_length)
    if ascii_slug and not _BEYOND_LATIN.search(lowered):
        return ascii_slug
    # A script transliteration does not reach ("記者1", "李 (DAB)"): its own characters.
    own = _joined(_OWN_WORD.findall(unicodedata.normalize("NFC", text.lower())), max_length)
    return own or ascii_slug or "x"


def _joined(words: list[str], max_length: int) -> str:
    """``words`` joined by hyphens, cut at a word boundary near ``max_length``."""
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length and out:
            break
        out = candidate[:max_length]
    return out


def transcript_id(date: dt.date, title: str) -> str:
    """The id of a kremlin.ru transcript read from page text: "kremlin-2022-03-11-<slug>"."""
    return f"kremlin-{date.isoformat()}-{slug(title)}"


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is not in ``taken``; an NCName."""
    used = taken if isinstance(taken, (set, frozenset, dict)) else set(taken)
    stem = base if NCNAME_START.match(base) else f"p-{base}"
    candidate, number = stem, 2
    while candidate in used:
        candidate, number = f"{stem}-{number}", number + 1
    return candidate
