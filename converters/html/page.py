"""A saved kremlin.ru page: loaded safely (:mod:`.._html.load`), and the page-level facts that do
not depend on its layout.

A page arrives as a browser saves it ("Save page as…", which may add a ``<!-- saved from
url=(0052)http://… -->`` comment) or as a mirror tool writes it (HTTrack adds ``<!-- Mirrored from
… by HTTrack …-->``, wget keeps the page as served). This module finds the page's own URL.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from transcript_model.inputs import DEFAULT_MAX_BYTES
from transcript_model.types import URL_NEVER, URL_PATTERN

from .._html import load

_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)
_MIRRORED_FROM = re.compile(r"Mirrored from (\S+) by HTTrack", re.IGNORECASE)


def parse(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """Parse a saved kremlin.ru page safely (:func:`.._html.load.parse`), its hidden person
    tooltips left out with the scripts."""
    return load.parse(data, origin, max_bytes, hidden=_tooltips)


def _tooltips(root: etree._Element) -> list[etree._Element]:
    found = _TOOLTIPS(root)
    listed = found if isinstance(found, list) else []
    return [e for e in listed if isinstance(e, etree._Element)]


#: A person's tooltip inside a link ("Alexei Miller" holds "Miller Alexei", "Gazprom CEO"),
#: hidden on screen: read as text, it went into the label's name ("Alexander Tkachev Tkachev
#: Alexander", 3 of 200 pages).
_TOOLTIPS = etree.XPath("//*[contains(concat(' ', @class, ' '), ' read__tooltip ')]")


def elements(node: etree._Element, xpath: str) -> list[etree._Element]:
    """The elements an XPath selects (typed: lxml's xpath() result is a union)."""
    found = node.xpath(xpath)
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []


def strings(node: etree._Element, xpath: str) -> list[str]:
    """The strings (attribute values, text) an XPath selects."""
    found = node.xpath(xpath)
    return [str(v) for v in found if isinstance(v, str)] if isinstance(found, list) else []


def classes(element: etree._Element) -> set[str]:
    """The class names of an element."""
    return set((element.get("class") or "").split())


def first_with_class(root: etree._Element, name: str, tag: str = "*") -> etree._Element | None:
    """The first element (in document order) under ``root`` with class ``name``."""
    found = all_with_class(root, name, tag)
    return found[0] if found else None


def all_with_class(root: etree._Element, name: str, tag: str = "*") -> list[etree._Element]:
    """Every element under ``root`` with class ``name``, in document order."""
    return elements(
        root, f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    )


class ClassIndex:
    """The elements under one root by class name, built in one pass (lookups are then free)."""

    def __init__(self, root: etree._Element) -> None:
        self._by_class: dict[str, list[etree._Element]] = {}
        for element in root.iter():
            if isinstance(element.tag, str):
                for name in classes(element):
                    self._by_class.setdefault(name, []).append(element)

    def all(self, name: str, tag: str | None = None) -> list[etree._Element]:
        """Every element with class ``name`` (and tag ``tag``), in document order."""
        found = self._by_class.get(name, [])
        return [e for e in found if e.tag == tag] if tag else list(found)

    def first(self, name: str, tag: str | None = None) -> etree._Element | None:
        """The first element with class ``name`` (and tag ``tag``), or None."""
        found = self.all(name, tag)
        return found[0] if found else None


# URLs the model cannot take (a stray "%", brackets) are left out rather than refused with the
# page: they are no more than metadata.
_URL = re.compile(URL_PATTERN)
_NEVER_IN_URL = re.compile(f"[{URL_NEVER}]")


def page_url(root: etree._Element) -> str | None:
    """The page's own URL: canonical link, og:url, then a browser's or HTTrack's note."""
    for xpath in (
        "//link[translate(@rel,'CANONIAL','canonial')='canonical']/@href",
        "//meta[@property='og:url']/@content",
    ):
        for value in strings(root, xpath):
            url = value.strip()
            if _URL.match(url):
                return url
    # The notes usually sit before <html>, outside the root element.
    before = [n for n in root.itersiblings(preceding=True) if isinstance(n, etree._Comment)]
    for comment in [*reversed(before), *root.iter(etree.Comment)]:
        text = str(comment.text or "")
        saved = _SAVED_FROM.search(text) or _MIRRORED_FROM.search(text)
        if saved:
            url = saved.group(1)
            url = url if re.match(r"^https?://", url) else "http://" + url
            if _URL.match(url):
                return url
    return None


def absolute(url: str | None, base: str | None) -> str | None:
    """``url`` made absolute against the page URL; None unless it is an http(s) URL the model
    takes."""
    if not url:
        return None
    try:
        joined = urljoin(base, url) if base else url
    except ValueError:  # a base or link urllib cannot parse ("http://]]>host/"): no URL
        return None
    # A character no URL holds, found in one C-level scan, settles most non-URLs before the
    # pattern, whose alternation takes a third of a microsecond a character (a 1 MB "direct
    # link" took 0.1 s).
    if _NEVER_IN_URL.search(joined):
        return None
    return joined if _URL.match(joined) else None
