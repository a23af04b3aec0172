"""Telling other publishers' speaker-label text from kremlin.ru page text, by content alone.

Used by format detection. It is conservative: kremlin.ru page text (its footer, its breadcrumb,
its "Text version" end marker) is always "text", and only text with several unmistakable
speaker-label lines of the other layouts ("THE PRESIDENT:", "HOLT:" alone on its line, "Q    …",
"Name: (09:51)", "[09:51] Name:", "Mr. LIMAN.", "CHAIR POWELL.  Good…", "主席：…"), a Markdown
transcript, a GPO record or a court reporter's numbered lines counts as speaker-label text.
Everything else stays with the default text reader.
"""

from __future__ import annotations

import re

from .._sniffing import is_gpo_record_head
from .numbered import looks_like_numbered_transcript

_HEAD = 64 * 1024
_KREMLIN = re.compile(
    r"^(?:Publication date|Published in sections|Дата публикации|Опубликован в разделах):"
    r"|^(?:Text version|Текстовая версия)(?:Events|События)?$"
    r"|^(?:Events|События|Transcripts|Стенограммы)$",
    re.MULTILINE,
)
# "THE PRESIDENT:  Good…", "MS. JEAN-PIERRE:  …": two or more capitals, then a colon and text.
# "HOLT:" alone on its line, the words below (NBC's debate transcripts) count the same.
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z.'’\- ]{1,50}[A-Z.]:(?:[ \t]+\S|[ \t]*$)", re.MULTILINE)
_NOT_CAPS_LABELS = ("NOTE:", "NB:", "PS:", "UPDATE:", "CORRECTION:", "SOURCE:", "EMBARGOED",
                    "PRESENT:", "ABSENT:", "ALSO PRESENT:", "AGENDA:", "ATTENDEES:",
                    "IN ATTENDANCE:")  # fmt: skip
#: A name of two words or more in capitals closed by a period, then the words: "CHAIR POWELL.
#: Good afternoon" (the Federal Reserve's press conferences; labels.py reads them).
CAPS_PERIOD_LABEL = (
    r"^(?P<label>[A-Z][A-Z'’\-]*\.?(?: [A-Z][A-Z'’\-]*\.?){0,3} [A-Z][A-Z'’\-]+)\.[ ]+(?=\S)"
)
_CAPS_PERIOD_LINES = re.compile(CAPS_PERIOD_LABEL, re.MULTILINE)
#: An honorific and a name in capitals, maybe an office in brackets, then a dash, then the
#: words: "Mr JIMMY UGURO - Thank you" (Papua New Guinea's Hansard), "HON. S.S. KIRPAL.- Thank
#: you", "HON. F.S. KOYA (Minister for Trade).- Sir" (Fiji's); labels.py reads them.
DASH_LABEL = (
    r"^(?P<label>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Madam|Hon\.?|HON\.?) +[A-Z][A-Z.'’\- ]{1,50}[A-Z]"
    r"(?: \([^()\n]{1,100}\))?)\.? ?(?:\.- *|[-–] +)(?=\S)"
)
_DASH_LINES = re.compile(DASH_LABEL, re.MULTILINE)
#: A name and title in Chinese or Japanese characters, at most eight ("梁國雄議員", "主席");
#: labels.py reads labels of them.
CJK_NAME = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{1,8}"
# "主席：甚麼規程問題？": a name and title in Chinese or Japanese characters, a full-width colon.
_CJK_LABEL_LINES = re.compile(
    rf"^{CJK_NAME}：[ \t]*\S", re.MULTILINE
)
_QUESTION = re.compile(r"^Q(?:[ \t]{2,}|\t|: )\S", re.MULTILINE)
#: A timestamp in brackets, "(09:51)", "[01:10:18.10]" (labels.py reads labels with them).
TIMESTAMP = r"[\(\[]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?[\)\]]"
_STAMP = TIMESTAMP
# A name of at most 60 characters, the blanks after it, a timestamp: "Anna Berg (09:51)". The name
# ends at a non-blank (or is blank and one character long), so that it and the blanks after it
# never take turns at the same run of blanks: "B" and 5,000 spaces cost 60 passes over the run.
_NAME_STAMP = rf"(?:[^:\n]{{0,59}}[^:\n \t][ \t]*|[ \t]+){_STAMP}"
# "Name: (09:51)" or "Name (09:51): (09:51)".
_TIMESTAMPED = re.compile(
    rf"^[^\W\d_](?:[^:\n]{{1,60}}|{_NAME_STAMP}):[ \t]*{_STAMP}", re.MULTILINE
)
_TIMESTAMP_BEFORE = re.compile(rf"^[^\W\d_]{_NAME_STAMP}:", re.MULTILINE)
# "[00:01:02] Name: …": the timestamp first, then a label of at most 60 characters.
_STAMP_FIRST = re.compile(rf"^{_STAMP}[ \t]+[^\W\d_][^:\n]{{0,59}}:[ \t]", re.MULTILINE)
# Markdown: front matter that opens the file and has a title, a label as a heading of its own
# ("### Audrey Tang:"), a title heading with an ISO date ("# 2017-04-12 Press conference").
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(?:---|\+\+\+)[ \t]*\r?\n")
_MATTER_TITLE = re.compile(r"^title[ \t]*[:=]", re.MULTILINE)
_HEADING_LABEL = re.compile(r"^#{1,6}[ \t]+[^\W\d_][\w.'’\- ]{0,80}:[ \t]*$", re.MULTILINE)
# A bold label opening a line, alone or before the words: "**Operator**:", "**Prime Minister
# Trudeau:**", "**Adam Stacoviak:** Alright everyone…" (the Changelog's transcripts).
_BOLD_LABEL_LINE = re.compile(
    r"^\*\*[^\W\d_][\w.'’\- ]{0,80}(?::\*\*|\*\*:)(?:[ \t]|$)", re.MULTILINE
)
_DATED_HEADING = re.compile(r"^#{1,2}[ \t]+\d{4}-\d{2}-\d{2}[ \t]", re.MULTILINE)
# A name and a clock alone on a line, the words below (Otter.ai): "Don Lemon  0:00". The name
# ends at a non-blank, so that it and the blanks never take turns at one run of blanks.
_NAME_THEN_CLOCK = re.compile(
    r"^[^\W\d_](?:[^:\n]{0,58}[^:\n \t])?[ \t]{2,}\d{1,2}:\d{2}(?::\d{2})?[ \t]*$", re.MULTILINE
)
# A name label in mixed case opening a line ("Howard K Smith: Good evening."): kremlin.ru
# prints them too ("Vladimir Putin: …"), so they count only in text without a page date line.
_NAME_LABEL = re.compile(r"^[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,4}:[ \t]+\S", re.MULTILINE)
_PAGE_DATE_LINE = re.compile(
    r"^(?:\d{1,2} [а-я]+ \d{4} года|[A-Z][a-z]+ \d{1,2}, \d{4})", re.MULTILINE
)
# Hearing records: "Mr. LIMAN:", "Senator SMITH.", "The CHAIRMAN." at the start of a line.
_HEARING_LABEL = re.compile(
    r"^(?:Mr|Ms|Mrs|Dr|Senator|Representative|Chairman|The)\.?[ \t]+[A-Z][A-Z'’\-]+[.:][ \t]",
    re.MULTILINE,
)


def _text(data: bytes) -> str:
    text = data[:_HEAD].decode("utf-8", errors="ignore")
    if "\r" not in text:  # the usual case: no copy
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Words every line _KREMLIN matches holds: where none is in the text, the pattern (a scan of
#: every line start, as long as the three others here together) need not run.
_KREMLIN_WORDS = ("Publication date", "Published in sections", "Дата публикации",
                  "Опубликован в разделах", "Text version", "Текстовая версия",
                  "Events", "События", "Transcripts", "Стенограммы")  # fmt: skip


def confidence(data: bytes) -> float:
    """How sure detection is that ``data``, plain text, is another publisher's speaker-label
    transcript (see :func:`transcript_model.converters.speakers.sniff`): the text decoded
    and kremlin.ru's marks looked for once, for every test below."""
    if is_gpo_record_head(data):
        return 0.9
    text = _text(data)
    if any(word in text for word in _KREMLIN_WORDS) and _KREMLIN.search(text):
        return 0.5  # kremlin.ru page text: the text reader's
    if _is_markdown_transcript(text) or looks_like_numbered_transcript(text):
        return 0.9
    if _is_speaker_text(text):
        return 0.8
    return 0.6 if _has_name_labels(text) else 0.5


def looks_like_gpo_record(data: bytes) -> bool:
    """True for a US congressional hearing record as GPO prints it ("[House Hearing, 111
    Congress]", "[From the U.S. Government Printing Office]")."""
    return is_gpo_record_head(data)


def _is_markdown_transcript(text: str) -> bool:
    """A Markdown transcript: front matter with a title, or heading labels / a dated title
    heading (the caller has ruled out kremlin.ru's page marks)."""
    if _FRONT_MATTER.match(text) and _MATTER_TITLE.search(text, 0, 4096):
        return True
    labels = len(_HEADING_LABEL.findall(text)) + len(_BOLD_LABEL_LINE.findall(text))
    return labels >= 2 or (labels >= 1 and _DATED_HEADING.search(text, 0, 4096) is not None)


def _is_speaker_text(text: str) -> bool:
    """Several unmistakable speaker-label lines of the other layouts."""
    caps = [
        m.group() for m in _CAPS_LABEL.finditer(text) if not m.group().startswith(_NOT_CAPS_LABELS)
    ]
    questions = len(_QUESTION.findall(text))
    stamped = (
        len(_TIMESTAMPED.findall(text))
        + len(_TIMESTAMP_BEFORE.findall(text))
        + len(_STAMP_FIRST.findall(text))
    )
    hearing = len(_HEARING_LABEL.findall(text)) + len(_CAPS_PERIOD_LINES.findall(text))
    hearing += len(_CJK_LABEL_LINES.findall(text)) + len(_DASH_LINES.findall(text))
    stamped += len(_NAME_THEN_CLOCK.findall(text))
    return len(caps) + questions + hearing >= 3 or stamped >= 2


def _has_name_labels(text: str) -> bool:
    """Lines that open with name labels ("Howard K Smith: …") and no page date line, which
    every kremlin.ru page prints: other publishers' more likely."""
    if _PAGE_DATE_LINE.search(text, 0, 4096):
        return False
    return len(_NAME_LABEL.findall(text)) >= 3
