"""What kremlin.ru prints on every page: publisher, licence, time zone, footer headings and
fields, breadcrumbs and the end marker (English and Russian); and the plain-text basics that
every part of the reader shares (:func:`clean`, :func:`detect_language`)."""

from __future__ import annotations

#: The publisher printed on the site, by page language.
PUBLISHERS = {"en": "President of Russia", "ru": "Президент России"}
#: kremlin.ru prints Moscow time.
MOSCOW_OFFSET = "+03:00"
#: Licence of the site's texts (SPDX id).
LICENCE = "CC-BY-4.0"


def clean(text: str) -> str:
    """Collapse every kind of space to one ordinary space (copied pages hold no-break spaces)."""
    return " ".join(text.split())


#: Footer headings on their own line, by canonical key, in English and Russian.
FOOTER_HEADINGS = {
    "See also": "see_also",
    "См. также": "see_also",
    "Geography": "geography",
    "География": "geography",
    "Topics": "topics",
    "Темы": "topics",
    "Persons": "persons",
    "Персоны": "persons",
    "Publication status": "status",
    "Статус публикации": "status",
    "Статус материала": "status",
    "Text version": "end",
    "Текстовая версия": "end",
}
_LONGEST_HEADING = 2 * max(len(h) for h in FOOTER_HEADINGS)
#: Footer "Key: value" lines, by canonical key.
FOOTER_FIELDS = {
    "Published in sections": "sections",
    "Опубликован в разделах": "sections",
    # Pages in one section print the singular.
    "Published in section": "sections",
    "Опубликован в разделе": "sections",
    "Publication date": "published",
    "Дата публикации": "published",
}
# Copied text is compared with the footer words once cleaned (clean(text) == words); that is
# comparing their words, which needs no cleaned copy.
_HEADINGS_BY_WORDS = {tuple(words.split()): key for words, key in FOOTER_HEADINGS.items()}
_FIELDS_BY_WORDS = {tuple(words.split()): key for words, key in FOOTER_FIELDS.items()}
#: Footer words, by language, for writers.
FOOTER_WORDS = {
    "en": {
        "see_also": "See also",
        "geography": "Geography",
        "topics": "Topics",
        "persons": "Persons",
        "status": "Publication status",
        "end": "Text version",
        "sections": "Published in sections",
        "published": "Publication date",
        "breadcrumb": "Events",
    },
    "ru": {
        "see_also": "См. также",
        "geography": "География",
        "topics": "Темы",
        "persons": "Персоны",
        "status": "Статус публикации",
        "end": "Текстовая версия",
        "sections": "Опубликован в разделах",
        "published": "Дата публикации",
        "breadcrumb": "События",
    },
}
#: Breadcrumb lines that open a copied page.
BREADCRUMBS = frozenset({"Events", "События", "Transcripts", "Стенограммы", "News", "Новости"})
#: Lines of the links and buttons below a kremlin.ru page ("Last updated at" / "March 20,
#: 2015, 18:02" among them: a date, but no transcript's).
SITE_LINKS = frozenset(
    {"Direct link", "Share", "Send by email", "Print", "Official Internet Resources",
     "Прямая ссылка", "Поделиться", "Отправить по почте", "Распечатать"}
)  # fmt: skip
#: Footer fields that give the page's own short address ("Ссылка на материал: kremlin.ru/d/77446",
#: where a copy or a scraper keeps it): what the page is, not what it says; left out.
ADDRESS_FIELDS = ("Ссылка на материал", "Link to the material", "Direct link")


def address_field(line: str) -> bool:
    """True for a footer line giving the page's own address (see ``ADDRESS_FIELDS``)."""
    head, colon, _ = line.partition(":")
    return bool(colon) and head.strip() in ADDRESS_FIELDS


#: The first of them, right after "Text version".
FIRST_SITE_LINKS = ("Direct link", "Прямая ссылка")
#: The end marker ("Text version") in either language.
END_MARKERS = ("Text version", "Текстовая версия")


def words_for(language: str) -> dict[str, str]:
    """The footer words of a page in ``language`` (English unless Russian)."""
    return FOOTER_WORDS["ru" if language.split("-", maxsplit=1)[0] == "ru" else "en"]


def footer_key(line: str) -> str | None:
    """The canonical key of a footer heading line ("Topics" → "topics"), else None."""
    if len(line) > _LONGEST_HEADING:
        return None
    return FOOTER_HEADINGS.get(line) or _HEADINGS_BY_WORDS.get(tuple(line.split()))


def footer_field(line: str) -> tuple[str, str] | None:
    """``(key, value)`` of a footer field line ("Publication date: …"), else None."""
    # Look for the colon only where a key could end: body lines are long.
    colon = line.find(":", 0, _LONGEST_HEADING + 1)
    if colon < 0:
        return None
    head = line[:colon]
    key = FOOTER_FIELDS.get(head) or _FIELDS_BY_WORDS.get(tuple(head.split()))
    return (key, line[colon + 1 :].strip()) if key else None


def detect_language(text: str) -> str:
    """ "ru" when most letters of ``text`` are Cyrillic, else "en"."""
    sample = text[:20000]
    # The three commonest letters of each alphabet stand for all of them, and counting
    # characters is far cheaper than classifying every one.
    cyrillic = sum(map(sample.count, "оеа"))
    latin = sum(map(sample.count, "eta"))
    return "ru" if cyrillic > latin else "en"
