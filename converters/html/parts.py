"""The parts of a saved kremlin.ru page around its body: the article, title, date, language,
photo captions, tag columns and the publication block."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from transcript_model.errors import TranscriptError

from .. import _kremlin as kremlin
from .._html.text import segments, text_of
from . import page
from .body import is_slider

_COUNTER = re.compile(r"^(\d{1,3}) (?:of|из) (\d{1,3})$")
_DOCUMENT_ID = re.compile(r"/(\d+)/?(?:[?#].*)?$")
_DIRECT_LINK = ("Direct link", "Прямая ссылка")


def captions(article: etree._Element) -> list[dict[str, Any]]:
    sliders = [
        e
        for e in article.iter()
        if isinstance(e.tag, str)
        and is_slider(e)
        and not any(is_slider(a) for a in e.iterancestors())
    ]
    captions: list[dict[str, Any]] = []
    for slider in sliders:
        texts = segments(slider, split_blocks=True)
        position = 0
        while position < len(texts):
            found = _COUNTER.match(texts[position])
            position += 1
            if not found:
                continue
            caption: dict[str, Any] = {
                "index": int(found.group(1)),
                "total": int(found.group(2)),
                "text": None,
            }
            if position < len(texts) and not _COUNTER.match(texts[position]):
                caption["text"] = texts[position]
                position += 1
            captions.append(caption)
    return captions


def tag_columns(index: page.ClassIndex, base: str | None) -> dict[str, Any]:
    footer: dict[str, Any] = {"geography": [], "topics": [], "persons": [], "see_also": []}
    for column in index.all("read__tagscol"):
        heading = page.elements(column, ".//h1|.//h2|.//h3|.//h4|.//h5")
        key = kremlin.footer_key(text_of(heading[0])) if heading else None
        if key not in footer:
            continue
        for item in column.iter("li"):
            text = text_of(item)
            if not text:
                continue
            if key == "see_also":
                anchors = page.elements(item, ".//a[@href]")
                url = page.absolute(anchors[0].get("href"), base) if anchors else None
                footer[key].append({"title": text, "url": url})
            else:
                footer[key].append(" ".join(text.split()))
    return footer


def _field_value(article: etree._Element, keys: Sequence[str]) -> etree._Element | None:
    """The innermost element whose text is "<key>: <value>" for one of ``keys``.

    Starts from the elements whose own text holds the key and climbs while the text still
    begins with it, so that a key and its value in sibling elements are found together.
    """
    for key in keys:
        # An element climbed through once gave nothing, and gives nothing again: climbing
        # again from each of many holders took the text of the same block each time
        # (quadratic: 100 KB of "<span>Publication date x</span>" in one block took 14 s).
        climbed: set[etree._Element] = set()
        for holder in page.elements(article, f".//*[text()[contains(., '{key}')]]"):
            element: etree._Element | None = holder
            while element is not None and element is not article and element not in climbed:
                climbed.add(element)
                text = text_of(element)
                if not text.startswith(key):
                    break
                found = re.match(re.escape(key) + r"\s*:\s*(\S.*)?$", text)
                if found and found.group(1):
                    return element
                element = element.getparent()
    return None


def document_id(url: str | None) -> str | None:
    """The numeric id that ends a page URL ("…/transcripts/67000", perhaps with a query)."""
    if not url:
        return None
    # A match runs to the end of the text without a line break, so only the last line is
    # searched: from every slash of a link holding line breaks, ".*" ran to the line's end and
    # back (quadratic: 100 KB of "/1?" and a line break took 16 s).
    found = _DOCUMENT_ID.search(url, url.rfind("\n", 0, len(url) - 1) + 1)
    return found.group(1) if found else None


def _after_colon(text: str) -> str:
    value = text.split(":", 1)[1] if ":" in text else text
    for stop in (*kremlin.FOOTER_FIELDS, *_DIRECT_LINK):
        value = value.split(stop, 1)[0]
    return value.strip(" ,")


def publication(article: etree._Element) -> dict[str, Any]:
    result: dict[str, Any] = {"sections": [], "published": None, "direct": None}
    section_keys = [k for k, v in kremlin.FOOTER_FIELDS.items() if v == "sections"]
    date_keys = [k for k, v in kremlin.FOOTER_FIELDS.items() if v == "published"]
    sections = _field_value(article, section_keys)
    if sections is not None:
        links = [text_of(a) for a in sections.iter("a")]
        names = [n for n in links if n] or _after_colon(text_of(sections)).split(", ")
        result["sections"] = [" ".join(n.split()) for n in names if n.strip()]
    published = _field_value(article, date_keys)
    if published is not None:
        stamp = next(iter(page.strings(published, ".//time/@datetime")), None)
        value = _published_attribute(str(stamp)) if stamp else None
        result["published"] = value or kremlin.parse_published(_after_colon(text_of(published)))
    material = page.elements(article, "//*[@id='material_link']")
    direct = _field_value(article, _DIRECT_LINK)
    if material:
        result["direct"] = material[0].get("href") or text_of(material[0])
    elif direct is not None:
        anchors = page.elements(direct, ".//a[@href]")
        result["direct"] = anchors[0].get("href") if anchors else _after_colon(text_of(direct))
    return result


def _published_attribute(value: str) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is not None or "T" not in value:
        return stamp.replace(tzinfo=None) if "T" in value else None
    return stamp


def find_article(root: etree._Element, origin: str) -> etree._Element:
    found: etree._Element | None = page.first_with_class(root, "read__in", "article")
    if found is None:
        candidates = [
            a
            for a in root.iter("article")
            if page.first_with_class(a, "entry-content") is not None
            or page.first_with_class(a, "entry-title") is not None
        ]
        found = candidates[0] if candidates else None
    if found is None:
        raise TranscriptError.single(
            "not_a_transcript",
            "not a saved kremlin.ru transcript page: expected an <article> element holding the "
            "transcript (class 'read__in', with 'entry-title' and 'entry-content')",
            origin,
            1,
            1,
        )
    return found


def event_date(
    article: etree._Element, index: page.ClassIndex
) -> tuple[dt.date | None, str | None]:
    published = index.first("read__published", "time")
    if published is None:
        published = next(iter(article.iter("time")), None)
    if published is None:
        return None, None
    stamp = (published.get("datetime") or "")[:10]
    try:
        return dt.date.fromisoformat(stamp), text_of(published)
    except ValueError:
        return kremlin.parse_date(text_of(published)), text_of(published)


def title_of(article: etree._Element, index: page.ClassIndex, root: etree._Element) -> str | None:
    heading = index.first("entry-title")
    if heading is None:
        heading = next(iter(article.iter("h1")), None)
    if heading is not None and text_of(heading):
        return " ".join(text_of(heading).split())
    og = page.strings(root, "//meta[@property='og:title']/@content")
    title = og[0] if og else str(root.findtext(".//title") or "")
    title = title.split(" • ")[0]
    return " ".join(title.split()) or None


def language_of(root: etree._Element, url: str | None, sample: str) -> str:
    lang = str(root.get("lang") or "").strip().lower()
    if re.match(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$", lang):
        return lang.split("-")[0] if lang.split("-")[0] in ("en", "ru") else lang
    if url and re.match(r"^https?://en\.kremlin\.ru", url):
        return "en"
    if url and re.match(r"^https?://(?:www\.)?kremlin\.ru", url):
        return "ru"
    return str(kremlin.detect_language(sample))
