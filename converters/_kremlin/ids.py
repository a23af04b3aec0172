"""Identifiers made from names and titles: slugs, transcript ids, unique participant ids."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" "),
        strict=True,
    )
)


_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)
_SLUG_WORD = re.compile(r"[a-z0-9]+")
NCNAME_START = re.compile(r"[A-Za-z_]")


def slug(text: str, max_length: int = 60) -> str:
    """A lowercase ASCII slug of ``text`` ("Vladimir Putin" → "vladimir-putin"), Cyrillic
    transliterated; cut at a word boundary near ``max_length``; "x" when nothing is left."""
    lowered = text.casefold().translate(_CYRILLIC_TABLE)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    words = _SLUG_WORD.findall(ascii_text)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length and out:
            break
        out = candidate[:max_length]
    return out or "x"


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
