"""One page of text read into a :class:`~.document.Document`, and the data of its transcript.

What the whole-page reader (:mod:`.convert`) and the reader of a large page a line at a time
(:mod:`.stream_reader`) both do with a page.
"""

from __future__ import annotations

from typing import Any

from transcript_model.errors import excerpt

from .. import _kremlin as kremlin
from . import layout
from .body import parse_body
from .document import Document, Page, RawTurn
from .footer import footer_start, parse_footer
from .header import parse_header
from .page_labels import resolve_page_labels


def menus_first(page: Page) -> bool:
    """Whether ``page`` opens with the site's menus on one line, then a breadcrumb."""
    texts, crumbs = page.texts, kremlin.BREADCRUMBS
    return len(texts) >= 3 and texts[0] not in crumbs and texts[1] in crumbs


def read_page(
    page: Page,
    origin: str,
    characters_checked: bool,
    turns: list[RawTurn] | None = None,
    footer_at: int | None = None,
) -> Document:
    """Read the header, body and footer of one page; its turns as read into ``turns`` when
    given (a reader that hands them on as they come, see :mod:`.stream_reader`), and then
    the labels only the whole page explains are the caller's (:mod:`.page_labels`).
    ``footer_at``: where the footer starts, when the caller knows (``footer_start``)."""
    doc = Document(origin, page.lines, page.texts, page.other)
    if turns is not None:
        doc.turns = turns
    doc.characters_checked = characters_checked
    start_of_footer = footer_start(doc) if footer_at is None else footer_at
    doc.site_marked = (
        page.marked_end
        or start_of_footer < len(page.lines)
        or (bool(page.texts) and page.texts[0] in kremlin.BREADCRUMBS)
    )
    parse_header(doc, start_of_footer)
    parse_body(doc, start_of_footer)
    if turns is None:
        resolve_page_labels(doc)
    parse_footer(doc, start_of_footer)
    return doc


# --- building the transcript ------------------------------------------------------------------


def transcript_data(
    doc: Document, participants: list[dict[str, Any]], turns: list[Any], sample: str
) -> dict[str, Any]:
    """The data of the transcript of a page read (``doc``), its speakers resolved: the
    model's fields; ``sample``: the page's text that tells its language (see
    :func:`.document.language_sample`)."""
    ext = doc.extensions
    event = dict(doc.event)
    for name in ("place", "attendees_intro"):
        if name in ext:
            event[name] = ext[name]
    language = ext.get("language") or kremlin.detect_language(sample)
    # A page with no mark of the site (an article's text copied alone, another publisher's
    # page read as this layout) is not said to be kremlin.ru's.
    site = doc.site_marked
    publisher = kremlin.PUBLISHERS.get(language) if site else None
    event["utc_offset"] = ext.get("utc_offset", kremlin.MOSCOW_OFFSET if site else None)
    footer = doc.footer
    published = kremlin.parse_published(footer["published"]) if "published" in footer else None
    if "published" in footer and published is None:
        doc.warn(
            "dropped",
            f"publication date not understood, dropped: {excerpt(footer['published'])} "
            "(expected a date and time such as 'March 11, 2022, 14:20')",
            footer["published_line"],
        )
    sections = ext.get("sections")
    if sections is None:
        raw = footer.get("sections")
        sections = [layout.clean(s) for s in raw.split(", ")] if raw else []
    links = ext.get("links")
    if links is None:
        links = [{"title": t, "url": None} for t in footer["see_also"]]
    return {
        "id": ext.get("id") or kremlin.transcript_id(event["date"], event["title"]),
        "language": language,
        "event": event,
        "participants": participants,
        "turns": turns,
        **_parliamentary_record(ext),
        "metadata": {
            "source": {
                "url": ext.get("url"),
                "publisher": ext.get("publisher", publisher),
                "identifier": ext.get("identifier"),
            },
            "licence": ext.get("licence", kremlin.LICENCE if site else None),
            "published": published,
            "sections": sections,
            "topics": footer["topics"],
            "geography": footer["geography"],
            "persons": footer["persons"],
            "captions": doc.captions,
            "see_also": links,
        },
    }


def _parliamentary_record(ext: dict[str, Any]) -> dict[str, Any]:
    """The organisations and the sitting, which only our own writer's extension lines give."""
    return {name: ext[name] for name in ("organisations", "sitting") if name in ext}
