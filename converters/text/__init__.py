"""kremlin.ru transcript page text, as copied from the page (read and write)."""

from __future__ import annotations

import re

from transcript_model.contract import Format

from .._sniffing import text_head

_CONVERT = "transcript_model.converters.text.convert"

# What every kremlin.ru page prints: its footer fields and the end marker. Looked for as plain
# substrings: an alternation of words is tried at every character of the head (0.5 ms for
# 30 KB, as long as reading the page), a substring search is not.
_PAGE_MARKS = (
    "Publication date", "Published in sections", "Дата публикации", "Опубликован в разделах",
    "Text version", "Текстовая версия", "Статус материала",
)  # fmt: skip
# A Russian or English date line of the page header ("11 марта 2022 года", "March 11, 2022").
_DATE_LINE = re.compile(
    r"^(?:\d{1,2} [а-я]+ \d{4} года|[A-Z][a-z]+ \d{1,2}, \d{4})",
    re.MULTILINE,
)


def sniff(head: bytes) -> float:
    """kremlin.ru marks make it sure; a page date line or a one-line scraped page with its
    date likely; any plain text is the default."""
    text = text_head(head)
    if text is None:
        return 0.0
    if any(mark in text for mark in _PAGE_MARKS):
        return 0.95
    if _DATE_LINE.search(text[:4096]):
        return 0.7
    if text.lstrip()[:1] in ("{", "[", "<"):
        return 0.5  # JSON or markup: no page text on one line
    from .flat import is_flat  # its patterns take a few ms to compile: only for plain text

    if is_flat(text):  # a scraped page on one line, its page date inside it
        return 0.85
    return 0.5


FORMATS = (
    Format(
        name="text",
        description="kremlin.ru transcript page text",
        extensions=(".txt",),
        media_type="text/plain",
        sniff=sniff,
        read=f"{_CONVERT}:read",
        write=f"{_CONVERT}:write",
    ),
)
