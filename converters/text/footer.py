"""The footer of a page read as text: tag lists, publication fields, and the extension lines
our own writer adds ("Transcript id: …", "Participant: {…}")."""

from __future__ import annotations

import json
import re

from transcript_model.errors import TranscriptError, excerpt

from .. import _kremlin as kremlin
from . import layout
from .document import Document, Page
from .header import first_day


def footer_start(doc: Document) -> int:
    """The index of the first footer line of ``doc`` (its line count when there is none)."""
    texts = doc.texts
    heads, length, spaces = layout.FOOTER_HEADS, layout.FOOTER_HEAD_LENGTH, layout.SPACES
    for index in doc.other:
        line = texts[index]
        if (
            index > 0
            and (line[:length] in heads or line[:1] in spaces)
            and layout.is_footer_start(line)
        ):
            return index
    return len(texts)


#: The most lines a "See also" box spans: its heading, a few linked titles with their dates,
#: and the "* * *" that closes it.
_BOX_LINES = 24
#: A box line is a linked title or a date: never a paragraph's length (characters).
_BOX_LINE_LIMIT = 200


def inline_see_also(page: Page) -> Page | None:
    """``page`` without the "See also" boxes a copy picks up inside the text, or None when it
    has none.

    A copied page carries such a box where the site shows it, often between two paragraphs of
    a speech; read as the footer, it would take the rest of the transcript with it. A box is
    inline when the line after its closing "* * *" is a paragraph or a label, not a footer line.
    """
    texts, heads, length = page.texts, layout.FOOTER_HEADS, layout.FOOTER_HEAD_LENGTH
    boxes: list[tuple[int, int]] = []
    for index in page.other:
        line = texts[index]
        if index == 0 or line[:length] not in heads or not layout.is_footer_start(line):
            continue
        stop = _inline_box_stop(texts, index) if kremlin.footer_key(line) == "see_also" else None
        if stop is None:
            break  # the footer itself
        if not boxes or index >= boxes[-1][1]:
            boxes.append((index, stop))
    if not boxes:
        return None
    kept: list[tuple[int, str]] = []
    at = 0
    for start, stop in boxes:
        kept += page.lines[at:start]
        at = stop
    kept += page.lines[at:]
    return Page.of(kept)


def _inline_box_stop(texts: list[str], heading: int) -> int | None:
    """The index after the "* * *" closing the box at ``heading`` when text goes on after it;
    without the "* * *" (a copy that leaves out what the site's style sheet draws), the index
    after the box's last date line ("See also" / linked title / "February 16, 2018")."""
    last_date = None
    for index in range(heading + 1, min(heading + _BOX_LINES, len(texts))):
        line = texts[index]
        if len(line) > _BOX_LINE_LIMIT:
            break
        if layout.is_break(line):
            after = index + 1
            return after if _text_follows(texts, after) else None
        if _link_date(line):
            last_date = index
        elif last_date is not None and index > last_date + 1:
            break  # a title takes one line, then its date
    if last_date is not None and _text_follows(texts, last_date + 1):
        return last_date + 1
    return None


#: The most short lines between a box's "* * *" and the next paragraph or label of the text
#: it stands in: subheadings, or the short items of a list the box interrupts ("Deputy Prime
#: Minister Olga Golodets." …, a new government's lineup).
_SHORT_LINES_AFTER_BOX = 40


def _text_follows(texts: list[str], start: int) -> bool:
    """True when the transcript goes on at ``start``: past more "* * *" lines, a long
    paragraph or a speaker label comes before any footer line (a box is often closed twice,
    followed by the next section's heading, or stands in a list of short lines)."""
    first = start
    while first < len(texts) and layout.is_break(texts[first]):
        first += 1
    for line in texts[first : first + _SHORT_LINES_AFTER_BOX + 1]:
        if _goes_on(line):
            return True
        if kremlin.footer_key(line) is not None or kremlin.footer_field(line) is not None:
            return False
    return False


def _goes_on(line: str) -> bool:
    """True for a line that carries on the transcript: a long paragraph or a speaker label."""
    if kremlin.footer_key(line) is not None or kremlin.footer_field(line) is not None:
        return False
    return len(line) > layout.FOOTER_LIMIT or layout.split_label_line(line) is not None


def is_box_furniture(line: str) -> bool:
    """A line of a "See also" box that is no linked title: a title's date ("June 27, 2017",
    "September 6 − 8, 2000") or the "* * *" closing the box (the box that ends a page is read
    as its see-also links; our writer escapes a title that looks so)."""
    return layout.is_break(line) or _link_date(line)


def _link_date(line: str) -> bool:
    """A linked title's date in a "See also" box: "June 27, 2017", "March 29 − 30, 2017"."""
    return kremlin.parse_date(first_day(line)) is not None


def parse_footer(doc: Document, start: int) -> None:
    """Read the footer of ``doc``, from its line ``start`` to the end."""
    section: str | None = None
    lists: dict[str, list[str]] = {"see_also": [], "geography": [], "topics": [], "persons": []}
    # A field printed without its value, which follows on the lines after it (a copy that
    # breaks at every element: "Published in sections:" / "News" / "," / "Transcripts").
    pending: tuple[str, list[str]] | None = None
    for number, line in doc.lines[start:]:
        if line.startswith(kremlin.ADDRESS_FIELDS) and line.partition(":")[2].strip():
            # The page's own address with its value, as the flat text's reader leaves it out
            # too; without its value, the line ends a field as any "…:" line does (below).
            _settle(doc, pending)
            pending = None
            continue
        # An escaped line is a list item, whatever it looks like.
        if not layout.is_escaped(line):
            key = kremlin.footer_key(line)
            found = kremlin.footer_field(line) if key is None else None
            ext = layout.extension(line) if key is None and found is None else None
            if pending is not None:
                if key is None and found is None and ext is None and not line.endswith(":"):
                    pending[1].append(line)  # "Direct link:" ends it too
                    continue
                _settle(doc, pending)
                pending = None
            if key is not None:
                section = key
                continue
            if found is not None:
                doc.footer[found[0]] = found[1]
                doc.footer[f"{found[0]}_line"] = number
                if not found[1]:
                    pending = found[0], []
                continue
            if ext is not None:
                _store_extension(doc, ext[0], ext[1], number)
                continue
        if section == "see_also":
            if layout.is_escaped(line) or not is_box_furniture(line):
                lists[section].append(layout.unescape(line))
        elif section in lists:
            lists[section].append(layout.clean(layout.unescape(line)))
        else:
            doc.warn("dropped", f"footer line not understood, dropped: {excerpt(line)}", number)
    _settle(doc, pending)
    doc.footer.update(lists)


def _settle(doc: Document, pending: tuple[str, list[str]] | None) -> None:
    """Give a field printed without its value the lines that followed it, joined once."""
    if pending is not None and pending[1]:
        doc.footer[pending[0]] = _SPACE_BEFORE_COMMA.sub(",", " ".join(pending[1]))


#: "News" "," "Transcripts" joined: "News , Transcripts" → "News, Transcripts".
_SPACE_BEFORE_COMMA = re.compile(r" ,")


_JSON_EXTENSIONS = {
    "participant": dict,
    "organisation": dict,
    "sitting": dict,
    "sections": list,
    "links": list,
}


def _store_extension(doc: Document, name: str, value: str | None, number: int) -> None:
    if name not in _JSON_EXTENSIONS:
        doc.extensions[name] = value
        return
    expected = _JSON_EXTENSIONS[name]
    try:
        parsed = json.loads(value) if value is not None else None
    except (json.JSONDecodeError, RecursionError):
        parsed = None
    if not isinstance(parsed, expected):
        what = "a JSON object" if expected is dict else "a JSON array"
        raise TranscriptError.single(
            "text_syntax",
            f"expected {what} after the footer key for {name}",
            doc.origin,
            number,
        )
    if name == "participant":
        doc.participants_explicit.append(parsed)
    elif name == "organisation":
        doc.extensions.setdefault("organisations", []).append(parsed)
    else:
        doc.extensions[name] = parsed
