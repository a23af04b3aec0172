"""A simple guess of a transcript's language from its words, for readers whose input does not
say it (speaker-label text, TEI without ``xml:lang``)."""

from __future__ import annotations

import re

_LANGUAGE_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "we", "you", "it", "in", "this", "for"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "wir", "sie", "ich", "mit", "den", "zu"},
    "fr": {"le", "la", "les", "et", "est", "que", "nous", "vous", "des", "une", "pour", "pas"},
    "es": {"el", "la", "los", "y", "es", "que", "nosotros", "por", "una", "para", "con", "del"},
    "it": {"il", "che", "e", "di", "non", "per", "una", "sono", "della", "noi", "gli", "questo"},
    "pt": {"o", "que", "e", "não", "uma", "para", "com", "os", "nós", "você", "isso", "do"},
    "nl": {"de", "het", "en", "een", "van", "is", "dat", "niet", "wij", "ik", "voor", "met"},
}  # fmt: skip
_UKRAINIAN_LETTERS = re.compile("[іїєґІЇЄҐ]")
_WORDS = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str:
    """A BCP 47 tag for ``text`` (Russian and Ukrainian by their letters, seven European
    languages by their commonest words), or ``und`` when unsure."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "und"
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if cyrillic > len(letters) / 2:
        return "uk" if _UKRAINIAN_LETTERS.search(text) else "ru"
    words = _WORDS.findall(text.casefold())
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _LANGUAGE_WORDS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, score = ranked[0]
    if score >= 3 and score >= 1.5 * ranked[1][1]:
        return best
    return "und"
