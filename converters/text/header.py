"""The header of a page read as text: breadcrumbs, title, lead, date, time and place, photo
captions and the attendee sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from transcript_model.errors import excerpt

from .. import _kremlin as kremlin
from . import layout
from .document import Document

_DATE_WINDOW = 6


def parse_header(doc: Document, end: int) -> None:
    """Read the header of ``doc`` from its start (the body starts where it stops)."""
    # "Events", sometimes followed by a section ("Events" / "Transcripts"): the trail above
    # the title.
    while doc.position < 2 and doc.peek() in kremlin.BREADCRUMBS and doc.position + 1 < end:
        doc.position += 1
    if doc.position >= end:
        raise doc.not_a_transcript(
            "expected a transcript title line, then a date such as 'March 11, 2022'"
        )
    title_line = doc.position
    doc.event["title"] = layout.clean(layout.unescape(doc.lines[title_line][1]))
    date_at = _date_offset(doc, end)
    if date_at is None:
        _announcement_header(doc, title_line, end)
        return
    lead = [layout.unescape(doc.lines[title_line + k][1]) for k in range(1, date_at)]
    if lead:
        doc.event["lead"] = " ".join(lead)
    date, time, place = _header_date(doc.lines[title_line + date_at][1]) or (None, None, None)
    doc.event["date"] = date
    if time is not None:
        doc.event["time"] = time
    if place is not None:
        doc.event["place"] = place
    doc.position = title_line + date_at + 1
    if place is None:
        _parse_time_place(doc, end)
    _parse_captions(doc, end)
    parse_attendees(doc, end)


def article_start(texts: Sequence[str]) -> int | None:
    """Where the article starts in a whole copied page: the first breadcrumb line ("Events"),
    past the first line, whose title is followed by a date within the usual window. Before
    it, a copy of the whole page holds the site's menus ("President of Russia", "Structure",
    "Videos and Photos", …). None when there is no such breadcrumb."""
    for index in range(1, len(texts) - 2):
        if texts[index] not in kremlin.BREADCRUMBS:
            continue
        title = index + 1
        # "Events" / "Transcripts": at most the one more the site prints (a run of them is no
        # trail to look past from each of its lines: that was quadratic in the run).
        if title < len(texts) - 1 and texts[title] in kremlin.BREADCRUMBS:
            title += 1
        if texts[title] in kremlin.BREADCRUMBS:
            continue
        window = texts[title + 1 : title + 1 + _DATE_WINDOW]
        if any(map(has_date, window)):
            return index
    return None


def _date_offset(doc: Document, end: int) -> int | None:
    """How many lines after the title (at ``doc.position``) the date line is; None when
    there is none."""
    for offset in range(1, _DATE_WINDOW + 1):
        line = doc.peek(offset)
        if line is None or doc.position + offset >= end:
            break
        if not layout.is_escaped(line) and _header_date(line):
            return offset
    return None


def _announcement_header(doc: Document, title_line: int, end: int) -> None:
    """The header of a page that prints no date under its title: kremlin.ru announcements
    ("Events" / title / text … "Publication date: March 11, 2022, 14:20") give only the
    publication date, which is then the page's date. Only a page that is plainly the site's
    (its breadcrumb above the title, its publication fields below the text) is read so: any
    other text without a date is not a transcript."""
    published = _publication_date(doc, end) if title_line > 0 else None
    if published is None:
        raise doc.not_a_transcript(
            f"expected the date of the event (such as 'March 11, 2022' or '11 марта 2022 "
            f"года') within {_DATE_WINDOW} lines after the title "
            f"{excerpt(doc.event['title'])}; no date found: this does not read as a "
            "transcript",
        )
    doc.event["date"] = published
    doc.position = title_line + 1
    _parse_captions(doc, end)
    parse_attendees(doc, end)


def _publication_date(doc: Document, end: int) -> dt.date | None:
    """The date of the footer's "Publication date" field when the footer also prints another
    of the site's footer words (the status heading, the sections, the tags)."""
    date: dt.date | None = None
    other_words = False
    for line in doc.texts[end:]:
        field = kremlin.footer_field(line)
        if field is not None and field[0] == "published":
            stamp = kremlin.parse_published(field[1])
            date = stamp.date() if stamp is not None else date
        elif field is not None or kremlin.footer_key(line) not in (None, "end"):
            other_words = True
    return date if other_words else None


def has_date(line: str) -> bool:
    """Whether ``line`` is a header's date line ("March 11, 2022", "11 марта 2022 года")."""
    return _header_date(line) is not None


def _header_date(line: str) -> tuple[dt.date, dt.time | None, str | None] | None:
    """The date line of a header: "March 11, 2022"; with the time, "March 11, 2022, 14:20";
    or date, time and place on one line, "May 8, 2021 - 18:10 - The Kremlin, Moscow"; an
    announcement's, "Announcement, March 4, 2013"."""
    if line.startswith(_ANNOUNCEMENT):
        line = first_day(line.partition(", ")[2])
    date = kremlin.parse_date(line)
    if date is not None:
        return date, None, None
    stamp = kremlin.parse_published(line)
    if stamp is not None:
        return stamp.date(), stamp.time(), None
    return _dated_line(line)


_ANNOUNCEMENT = ("Announcement, ", "Анонс, ")
_DAYS = re.compile(r"(?P<first>[^−–-]{1,30}?) [−–-] (?P<last>[^−–-]{1,40})")
_YEAR = re.compile(r"\d{4}")


def first_day(line: str) -> str:
    """The first day of "April 28 − 30, 2013", "28 − 30 апреля 2013 года", "April 30 − May 2,
    2013" (an announcement's days, a "See also" item's), as a date line of one day; any other
    line as it is."""
    days = _DAYS.fullmatch(line)
    if days is None:
        return line
    first, last = days.group("first"), days.group("last")
    year = _YEAR.search(last)
    if year is None:
        return first
    if first.isdigit():  # "28 − 30 апреля 2013 года": the month and year are the last day's
        return f"{first} {last.partition(' ')[2]}"
    if first[:1].isdigit():  # "30 апреля − 2 мая 2013 года"
        return f"{first} {year.group()} года"
    return f"{first}, {year.group()}"


# Pages reposted from the site's archive print the header on one line, joined by dashes.
_DATED_LINE = re.compile(r"(.+?) [-–—] (?:(\d{1,2}:\d{2}(?::\d{2})?)(?: [-–—] (.+))?|(.+))")


def _dated_line(line: str) -> tuple[dt.date, dt.time | None, str | None] | None:
    match = _DATED_LINE.fullmatch(line)
    if match is None:
        return None
    date = kremlin.parse_date(match.group(1))
    if date is None:
        return None
    time = kremlin.parse_time(match.group(2)) if match.group(2) else None
    place = match.group(3) or match.group(4)
    if place is not None and not layout.looks_like_place(place):
        return None
    return date, time, layout.clean(place) if place is not None else None


def _parse_time_place(doc: Document, end: int) -> None:
    line = doc.peek()
    if (
        "time" not in doc.event
        and line is not None
        and doc.position < end
        and kremlin.parse_time(line)
    ):
        doc.event["time"] = kremlin.parse_time(line)
        doc.position += 1
    line = doc.peek()
    if line is not None and doc.position < end and layout.looks_like_place(line):
        following = doc.peek(1)
        if not (following and layout.starts_with_colon(following)):
            doc.event["place"] = layout.clean(line)
            doc.position += 1


def _parse_captions(doc: Document, end: int) -> None:
    while doc.position < end:
        line = doc.peek()
        found = layout.counter(line) if line else None
        if found is None:
            return
        doc.position += 1
        caption: dict[str, Any] = {"index": found[0], "total": found[1], "text": None}
        slot = doc.peek() if doc.position < end else None
        if slot == layout.NO_CAPTION:
            doc.position += 1
        elif slot is not None and is_caption_text(slot):
            caption["text"] = layout.unescape(slot)
            doc.position += 1
        doc.captions.append(caption)


def is_caption_text(line: str) -> bool:
    """True when ``line``, after a photo counter ("2 of 4"), reads as that photo's caption."""
    if line.startswith(layout.ESCAPE):
        return True
    return not (
        layout.is_escaped(line)
        or layout.counter(line)
        or layout.is_structural(line)
        or layout.split_label_line(line)
        or kremlin.attendee_intro(line)
    )


def parse_attendees(doc: Document, end: int) -> None:
    """Read the attendee sentence at ``doc.position``, if one starts there."""
    line = doc.peek()
    if line is None or doc.position >= end or layout.is_escaped(line):
        return
    intro = kremlin.attendee_intro(line)
    if intro is None:
        return
    doc.event["attendees_intro"] = intro
    first = layout.clean(line)[len(intro) :].lstrip(" :")
    parts = [first]
    doc.position += 1
    while doc.position < end and not parts[-1].endswith("."):
        following = doc.peek()
        if following is None or not following.startswith((",", ".", "and ", "и ")):
            break
        parts.append(following)
        doc.position += 1
    doc.attendees_text = parts
