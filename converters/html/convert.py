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
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any

from lxml import etree
from pydantic import ValidationError

from transcript_model.errors import Problem, TranscriptError, problems_from_validation_error
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult
from transcript_model.model import Transcript

from .. import _kremlin as kremlin
from . import page
from .turns import BREAK, OMISSION, Block, Label, People, turns

_SPACE = re.compile(r"[ \t\n\r\f]+")
_STRIP = " \t\n\r\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
_STRIP += "\u200a\u202f\u205f\u3000\ufeff"
_BLOCKS = frozenset(
    "p div li ul ol figure figcaption h1 h2 h3 h4 h5 h6 section header footer table tr td th "
    "blockquote dl dt dd article aside nav".split()
)
_BODY_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_COUNTER = re.compile(r"^(\d{1,3}) (?:of|из) (\d{1,3})$")
_TERMINAL = tuple(".,:;!?…»\"”)]'’")
_PERSON_LINK = re.compile(r"/catalog/persons/(\d+)")
_DOCUMENT_ID = re.compile(r"/(\d+)/?(?:[?#].*)?$")
_DIRECT_LINK = ("Direct link", "Прямая ссылка")
_NOT_BODY = frozenset({"read__bottommeta", "read__cut", "read__tags", "masha-ignore"})


# --- text of elements -----------------------------------------------------------------------


def _clean(text: str) -> str:
    """HTML whitespace rules: runs of spaces and line breaks are one space; no-break spaces
    are content and stay (but never at either end of a value)."""
    return _SPACE.sub(" ", text).strip(_STRIP)


def _segments(element: etree._Element, split_blocks: bool = False) -> list[str]:
    """The text of ``element`` cut at ``<br>`` (and at block elements if ``split_blocks``)."""
    pieces: list[list[str]] = [[]]
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if not isinstance(node.tag, str):  # comments and processing instructions
            if event == "end" and node.tail:
                pieces[-1].append(node.tail)
            continue
        block = node.tag == "br" or (split_blocks and node.tag in _BLOCKS)
        if event == "start":
            if block:
                pieces.append([])
            if node.text:
                pieces[-1].append(node.text)
        else:
            if block and node is not element:
                pieces.append([])
            if node is not element and node.tail:
                pieces[-1].append(node.tail)
    texts = [_clean("".join(p)) for p in pieces]
    return [t for t in texts if t]


def _text(element: etree._Element) -> str:
    return _clean(" ".join(_segments(element)))


# --- the parts of the page ------------------------------------------------------------------


def _label_elements(paragraph: etree._Element) -> list[etree._Element]:
    """The bold run that opens ``paragraph``, with the person links printed right after it
    ("<b>President of Belarus</b> <a …>Alexander Lukashenko</a>: …"); empty if none."""
    if (paragraph.text or "").strip(_STRIP):
        return []
    children = [c for c in paragraph if isinstance(c.tag, str)]
    if not children or children[0].tag not in ("b", "strong"):
        return []
    run = [children[0]]
    for child in children[1:]:
        if (run[-1].tail or "").strip(_STRIP) or child.tag != "a":
            break
        if not _PERSON_LINK.search(child.get("href") or ""):
            break
        run.append(child)
    return run


def _label(paragraph: etree._Element) -> tuple[Label, list[str]] | None:
    """The speaker label opening ``paragraph`` (a bold run ending in a colon) and the text after."""
    run = _label_elements(paragraph)
    if not run:
        return None
    printed = _clean(" ".join(_text(e) for e in run))
    segments = _segments(paragraph)
    if not printed or not segments or not segments[0].startswith(printed):
        return None
    rest = segments[0][len(printed) :].strip(_STRIP)
    if printed.endswith(":"):
        printed = printed[:-1].strip(_STRIP)
    elif rest.startswith(":"):
        rest = rest[1:].strip(_STRIP)
    else:
        return None
    if not printed or len(printed) > 200 or kremlin.footer_field(printed + ": x"):
        return None
    links = [a for e in run for a in e.iter("a") if _PERSON_LINK.search(a.get("href") or "")]
    names = [_text(a) for a in links]
    ids = [m.group(1) for a in links if (m := _PERSON_LINK.search(a.get("href") or ""))]
    texts = ([rest] if rest else []) + segments[1:]
    return Label(" ".join(printed.split()), names, ids), texts


def _blocks_in(content: etree._Element) -> Iterator[etree._Element]:
    """The outermost paragraph-level elements of the body, in order, without the footer,
    supplements and slider the body element may also hold (one pass, no re-scanning)."""
    stack = list(reversed([c for c in content if isinstance(c.tag, str)]))
    while stack:
        element = stack.pop()
        if page.classes(element) & _NOT_BODY or _slider_class(element):
            continue
        if element.tag in _BODY_BLOCKS:
            yield element
        else:
            stack.extend(reversed([c for c in element if isinstance(c.tag, str)]))


def _body_blocks(content: etree._Element) -> Iterator[Block]:
    for element in _blocks_in(content):
        if element.tag in _HEADINGS:
            text = _text(element)
            if text:
                yield Block("heading", [text])
            continue
        links = [
            (_text(a), found.group(1))
            for a in element.iter("a")
            if (found := _PERSON_LINK.search(a.get("href") or ""))
        ]
        labelled = _label(element) if element.tag == "p" else None
        if labelled is not None:
            yield Block("p", labelled[1], labelled[0], links)
            continue
        if _bold_heading(element):
            yield Block("heading", [_text(element)])
            continue
        texts = _segments(element)
        if texts:
            yield Block("p", texts, None, links)


def _bold_heading(paragraph: etree._Element) -> bool:
    """A paragraph set entirely in bold, short and without final punctuation: a subheading
    ("* * *" in bold stays a break, and a bold label has a colon)."""
    text = _text(paragraph)
    if paragraph.tag != "p" or not text or len(text.split()) > 12:
        return False
    if text.endswith(_TERMINAL) or BREAK.match(text) or OMISSION.match(text):
        return False
    bold = "".join(_text(b) for b in paragraph if b.tag in ("b", "strong"))
    return bold.replace(" ", "") == text.replace(" ", "")


def _slider_class(element: etree._Element) -> bool:
    return any(
        c.startswith("slider") or c in ("photoset", "gallery") for c in page.classes(element)
    )


def _captions(article: etree._Element) -> list[dict[str, Any]]:
    sliders = [
        e
        for e in article.iter()
        if isinstance(e.tag, str)
        and _slider_class(e)
        and not any(_slider_class(a) for a in e.iterancestors())
    ]
    captions: list[dict[str, Any]] = []
    for slider in sliders:
        texts = _segments(slider, split_blocks=True)
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


def _tag_columns(index: page.ClassIndex, base: str | None) -> dict[str, Any]:
    footer: dict[str, Any] = {"geography": [], "topics": [], "persons": [], "see_also": []}
    for column in index.all("read__tagscol"):
        heading = page.elements(column, ".//h1|.//h2|.//h3|.//h4|.//h5")
        key = kremlin.footer_key(_text(heading[0])) if heading else None
        if key not in footer:
            continue
        for item in column.iter("li"):
            text = _text(item)
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
                text = _text(element)
                if not text.startswith(key):
                    break
                found = re.match(re.escape(key) + r"\s*:\s*(\S.*)?$", text)
                if found and found.group(1):
                    return element
                element = element.getparent()
    return None


def _document_id(url: str | None) -> str | None:
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


def _publication(article: etree._Element) -> dict[str, Any]:
    result: dict[str, Any] = {"sections": [], "published": None, "direct": None}
    section_keys = [k for k, v in kremlin.FOOTER_FIELDS.items() if v == "sections"]
    date_keys = [k for k, v in kremlin.FOOTER_FIELDS.items() if v == "published"]
    sections = _field_value(article, section_keys)
    if sections is not None:
        links = [_text(a) for a in sections.iter("a")]
        names = [n for n in links if n] or _after_colon(_text(sections)).split(", ")
        result["sections"] = [" ".join(n.split()) for n in names if n.strip()]
    published = _field_value(article, date_keys)
    if published is not None:
        stamp = next(iter(page.strings(published, ".//time/@datetime")), None)
        value = _published_attribute(str(stamp)) if stamp else None
        result["published"] = value or kremlin.parse_published(_after_colon(_text(published)))
    material = page.elements(article, "//*[@id='material_link']")
    direct = _field_value(article, _DIRECT_LINK)
    if material:
        result["direct"] = material[0].get("href") or _text(material[0])
    elif direct is not None:
        anchors = page.elements(direct, ".//a[@href]")
        result["direct"] = anchors[0].get("href") if anchors else _after_colon(_text(direct))
    return result


def _published_attribute(value: str) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is not None or "T" not in value:
        return stamp.replace(tzinfo=None) if "T" in value else None
    return stamp


# --- the reader -------------------------------------------------------------------------------


def _article(root: etree._Element, origin: str) -> etree._Element:
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


def _event_date(
    article: etree._Element, index: page.ClassIndex
) -> tuple[dt.date | None, str | None]:
    published = index.first("read__published", "time")
    if published is None:
        published = next(iter(article.iter("time")), None)
    if published is None:
        return None, None
    stamp = (published.get("datetime") or "")[:10]
    try:
        return dt.date.fromisoformat(stamp), _text(published)
    except ValueError:
        return kremlin.parse_date(_text(published)), _text(published)


def _title(article: etree._Element, index: page.ClassIndex, root: etree._Element) -> str | None:
    heading = index.first("entry-title")
    if heading is None:
        heading = next(iter(article.iter("h1")), None)
    if heading is not None and _text(heading):
        return " ".join(_text(heading).split())
    og = page.strings(root, "//meta[@property='og:title']/@content")
    title = og[0] if og else str(root.findtext(".//title") or "")
    title = title.split(" • ")[0]
    return " ".join(title.split()) or None


def _language(root: etree._Element, url: str | None, sample: str) -> str:
    lang = str(root.get("lang") or "").strip().lower()
    if re.match(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$", lang):
        return lang.split("-")[0] if lang.split("-")[0] in ("en", "ru") else lang
    if url and re.match(r"^https?://en\.kremlin\.ru", url):
        return "en"
    if url and re.match(r"^https?://(?:www\.)?kremlin\.ru", url):
        return "ru"
    return str(kremlin.detect_language(sample))


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
    article = _article(root, origin)
    index = page.ClassIndex(article)
    warnings: list[Problem] = []
    url = url or page.page_url(root)
    title = _title(article, index, root)
    date, printed_date = _event_date(article, index)
    line = article.sourceline if isinstance(article.sourceline, int) else None
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
    publication = _publication(article)
    if url is None and publication["direct"]:
        url = page.absolute(
            publication["direct"]
            if re.match(r"^https?://", publication["direct"])
            else "http://" + publication["direct"].lstrip("/"),
            None,
        )
    footer = _tag_columns(index, url)
    tag_names = [kremlin.person_tag_to_name(t) for t in footer["persons"]]
    content = index.first("entry-content")
    if content is None:
        content = next(iter(page.elements(article, ".//*[@itemprop='articleBody']")), article)
    blocks = list(_body_blocks(content))
    event: dict[str, Any] = {"title": title, "date": date}
    lead = index.first("read__lead")
    if lead is not None and _text(lead):
        event["lead"] = _text(lead)
    people = People(tag_names, [title, event.get("lead")])
    body = turns(blocks, people)
    clock = index.first("read__time")
    if clock is not None and kremlin.parse_time(_text(clock)):
        event["time"] = kremlin.parse_time(_text(clock))
    place = index.first("read__place")
    if place is not None and _text(place):
        event["place"] = " ".join(_text(place).split())
    if body.attendees_intro:
        event["attendees_intro"] = body.attendees_intro
    sample = "\n".join([title, *(p for t in body.turns for p in t.get("paragraphs", ()))])
    language = language or _language(root, url, sample)
    event["utc_offset"] = kremlin.MOSCOW_OFFSET
    identifier = next(
        (found for candidate in (url, publication["direct"]) if (found := _document_id(candidate))),
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
            "captions": _captions(article),
            "see_also": footer["see_also"],
        },
    }
    if body.unspoken:
        warnings.append(
            Problem(
                "dropped",
                f"{len(body.unspoken)} speaker labels have no text after them and are not kept "
                f"(first: {body.unspoken[0][:40]!r})",
                origin,
                line,
                severity="warning",
            )
        )
    if printed_date and kremlin.parse_date(printed_date) not in (None, date):
        warnings.append(
            Problem(
                "date_disagrees",
                f"the printed date {printed_date!r} differs from the datetime attribute "
                f"{date.isoformat()}: the attribute is kept",
                origin,
                line,
                severity="warning",
            )
        )
    try:
        return ReadResult([Transcript.model_validate(data_model)], warnings)
    except ValidationError as error:
        raise TranscriptError(
            [
                Problem(p.code, p.message, origin, line, None, p.path)
                for p in problems_from_validation_error(error, origin)
            ]
        ) from None
