"""Saved kremlin.ru and en.kremlin.ru transcript pages (HTML), read by their structure.

The reader does not flatten the page to text and guess; it reads the parts the site marks up
(class names as found in the site's markup and in public scrapers of it):

* the article ``<article class="read__in hentry h-entry">``; its title ``h1.entry-title``, the
  lead ``div.read__lead``, the date ``time.read__published`` (its ``datetime`` attribute wins
  over the printed date), the time ``div.read__time`` and the place ``div.read__place``;
* the photo slider (an element whose class starts with ``slider``): "2 of 4" counters and
  their captions;
* the body ``div.entry-content`` (``read__internal_content``): speaker labels are the bold run
  that opens a paragraph and ends with a colon (``<p><b>В.Путин:</b> …</p>``), person links
  (``/catalog/persons/…``) mark where a name starts in a label or an attendee list, "* * *",
  "<…>", "(Applause.)" and headings are turns of their own;
* the tag columns ``div.read__tagscol`` (Geography, Topics, Persons, See also: the link targets
  are kept), and the publication block ("Published in sections", "Publication date", "Direct
  link" / ``#material_link``);
* the page's own URL (canonical link, ``og:url``, a browser's "saved from" note) and the numeric
  document id at the end of it.

Everything the copied page text also carries comes out as the text reader gives it (same ids,
roles, participants); the HTML adds the source URL, the document id and the "See also" targets.

The page is parsed by page.py, element text taken by text.py, the body cut into blocks by
body.py and into turns and participants by turns.py, the parts around it read by parts.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lxml import etree
from pydantic import ValidationError

from transcript_model.errors import (
    Problem,
    TranscriptError,
    excerpt,
    problems_from_validation_error,
)
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult
from transcript_model.model import Transcript

from .. import _kremlin as kremlin
from .._html.text import text_of
from .._warnings import unspoken_labels
from . import page, parts
from .body import body_blocks
from .turns import People, turns


def read(
    data: bytes,
    origin: str = "<input>",
    *,
    url: str | None = None,
    language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadResult:
    """Read one saved kremlin.ru transcript page.

    ``url`` is the page URL when the saved page does not name it; ``language`` (BCP 47) overrides
    the language told from the URL and the text. Raises TranscriptError with a located problem
    for input that is not a kremlin.ru transcript page (no article, no title, no date).
    """
    root = page.parse(data, origin, max_bytes)
    article = parts.find_article(root, origin)
    index = page.ClassIndex(article)
    url = url or page.page_url(root)
    line = article.sourceline if isinstance(article.sourceline, int) else None
    title, date, printed_date = _title_and_date(root, article, index, origin, line)
    publication = parts.publication(article)
    if url is None and publication["direct"]:
        url = _direct_url(publication["direct"])
    footer = parts.tag_columns(index, url)
    event = _event(index, title, date)
    tag_names = [kremlin.person_tag_to_name(t) for t in footer["persons"]]
    people = People(tag_names, [title, event.get("lead")])
    body = turns(list(body_blocks(_content(index, article))), people)
    if body.attendees_intro:
        event["attendees_intro"] = body.attendees_intro
    paragraphs = (p for t in body.turns for p in t.get("paragraphs", ()))
    # Events are no words of the language: only the text is a sample of it.
    sample = "\n".join([title, *(p for p in paragraphs if isinstance(p, str))])
    language = language or parts.language_of(root, url, sample)
    identifier = next(
        (
            found
            for candidate in (url, publication["direct"])
            if (found := parts.document_id(candidate))
        ),
        None,
    )
    data_model = {
        "id": kremlin.transcript_id(date, title),
        "language": language,
        "event": event,
        "participants": people.people,
        "turns": body.turns,
        "metadata": {
            "source": {
                "url": url,
                "publisher": kremlin.PUBLISHERS.get(language),
                "identifier": identifier,
            },
            "licence": kremlin.LICENCE,
            "published": publication["published"],
            "sections": publication["sections"],
            "topics": footer["topics"],
            "geography": footer["geography"],
            "persons": footer["persons"],
            "captions": parts.captions(article),
            "see_also": footer["see_also"],
        },
    }
    warnings = _warnings(body.unspoken, printed_date, date, origin, line)
    try:
        return ReadResult([Transcript.model_validate(data_model)], warnings)
    except ValidationError as error:
        raise TranscriptError(
            [
                Problem(p.code, p.message, origin, line, None, p.path)
                for p in problems_from_validation_error(error, origin)
            ]
        ) from None


def _title_and_date(
    root: etree._Element,
    article: etree._Element,
    index: page.ClassIndex,
    origin: str,
    line: int | None,
) -> tuple[str, dt.date, str | None]:
    """The title, the date and the date as printed; refused (located at the article) when
    the page has no title or no date."""
    title = parts.title_of(article, index, root)
    date, printed_date = parts.event_date(article, index)
    if not title:
        raise TranscriptError.single(
            "no_title", "the article has no title (expected h1.entry-title)", origin, line
        )
    if date is None:
        raise TranscriptError.single(
            "no_date",
            "the article has no date (expected time.read__published with a datetime attribute "
            "or a date such as 'March 11, 2022')",
            origin,
            line,
        )
    return title, date, printed_date


def _direct_url(direct: str) -> str | None:
    """The page URL from the "Direct link" the page prints (often without its scheme)."""
    return page.absolute(
        direct if re.match(r"^https?://", direct) else "http://" + direct.lstrip("/"),
        None,
    )


def _content(index: page.ClassIndex, article: etree._Element) -> etree._Element:
    """The element holding the transcript's body."""
    content = index.first("entry-content")
    if content is None:
        content = next(iter(page.elements(article, ".//*[@itemprop='articleBody']")), article)
    return content


def _event(index: page.ClassIndex, title: str, date: dt.date) -> dict[str, Any]:
    """The event's title, date, lead, time, place and time zone."""
    event: dict[str, Any] = {"title": title, "date": date}
    lead = index.first("read__lead")
    if lead is not None and text_of(lead):
        event["lead"] = text_of(lead)
    clock = index.first("read__time")
    if clock is not None and kremlin.parse_time(text_of(clock)):
        event["time"] = kremlin.parse_time(text_of(clock))
    place = index.first("read__place")
    if place is not None and text_of(place):
        event["place"] = " ".join(text_of(place).split())
    event["utc_offset"] = kremlin.MOSCOW_OFFSET
    return event


def _warnings(
    unspoken: list[str], printed_date: str | None, date: dt.date, origin: str, line: int | None
) -> list[Problem]:
    """Labels without text (not kept), and a printed date the datetime attribute overrides."""
    warnings = unspoken_labels(unspoken, origin, line)
    if printed_date and kremlin.parse_date(printed_date) not in (None, date):
        warnings.append(
            Problem(
                "date_disagrees",
                f"the printed date {excerpt(printed_date)} differs from the datetime attribute "
                f"{date.isoformat()}: the attribute is kept",
                origin,
                line,
                severity="warning",
            )
        )
    return warnings
