"""Telling other publishers' speaker-label text from kremlin.ru page text, by content alone.

Used by format detection. It is conservative: kremlin.ru page text (its footer, its breadcrumb,
its "Text version" end marker) is always "text", and only text with several unmistakable
speaker-label lines of the other layouts ("THE PRESIDENT:", "Q    …", "Name: (09:51)") counts as
speaker-label text. Everything else stays with the default text reader.
"""

from __future__ import annotations

import re

_HEAD = 64 * 1024
_KREMLIN = re.compile(
    r"^(?:Publication date|Published in sections|Дата публикации|Опубликован в разделах):"
    r"|^(?:Text version|Текстовая версия)(?:Events|События)?$"
    r"|^(?:Events|События|Transcripts|Стенограммы)$",
    re.MULTILINE,
)
# "THE PRESIDENT:  Good…", "MS. JEAN-PIERRE:  …": two or more capitals, then a colon and text.
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z.'’\- ]{1,50}[A-Z.]:[ \t]+\S", re.MULTILINE)
_NOT_CAPS_LABELS = ("NOTE:", "NB:", "PS:", "UPDATE:", "CORRECTION:", "SOURCE:", "EMBARGOED")
_QUESTION = re.compile(r"^Q(?:[ \t]{2,}|\t|: )\S", re.MULTILINE)
_STAMP = r"[\(\[]\d{1,2}:\d{2}(?::\d{2})?[\)\]]"
# A name of at most 60 characters, the blanks after it, a timestamp: "Anna Berg (09:51)". The name
# ends at a non-blank (or is blank and one character long), so that it and the blanks after it
# never take turns at the same run of blanks: "B" and 5,000 spaces cost 60 passes over the run.
_NAME_STAMP = rf"(?:[^:\n]{{0,59}}[^:\n \t][ \t]*|[ \t]+){_STAMP}"
# "Name: (09:51)" or "Name (09:51): (09:51)".
_TIMESTAMPED = re.compile(
    rf"^[^\W\d_](?:[^:\n]{{1,60}}|{_NAME_STAMP}):[ \t]*{_STAMP}", re.MULTILINE
)
_TIMESTAMP_BEFORE = re.compile(rf"^[^\W\d_]{_NAME_STAMP}:", re.MULTILINE)


def looks_like_speaker_text(data: bytes) -> bool:
    """True when ``data`` reads as another publisher's speaker-label transcript."""
    text = data[:_HEAD].decode("utf-8", errors="ignore").replace("\r\n", "\n").replace("\r", "\n")
    if _KREMLIN.search(text):
        return False
    caps = [
        m.group() for m in _CAPS_LABEL.finditer(text) if not m.group().startswith(_NOT_CAPS_LABELS)
    ]
    questions = len(_QUESTION.findall(text))
    stamped = len(_TIMESTAMPED.findall(text)) + len(_TIMESTAMP_BEFORE.findall(text))
    return len(caps) + questions >= 3 or stamped >= 2
