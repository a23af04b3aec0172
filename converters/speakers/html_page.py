"""Another site's saved transcript page (a government's press briefing, a hearing's record), as
the lines of its main text, for the speaker-label reader.

The page is loaded safely (:mod:`.._html.load`); its navigation, asides, forms and footers are
left out; the main text is the page's ``<main>``, else its ``<article>``, else its body, cut into
lines where a browser breaks them. The page's ``<h1>`` (else its ``<title>`` without the site's
name) is the first line, where the reader looks for the title, and its canonical address the
second, as a "URL:" line.
"""

from __future__ import annotations

import re

from lxml import etree

from .._html import load
from .._html.text import clean, segments

#: Parts of a page that are never its transcript.
_CHROME = ("nav", "footer", "aside", "form")
#: "Press Briefing by … | The White House", "Remarks – GOV.UK": the site's name after the title
#: (in text whose spaces are already single).
_SITE_SUFFIX = re.compile(r" [|–—-] [^|–—]{1,60}$")


def page_text(data: bytes, origin: str, max_bytes: int) -> bytes:
    """The page's main text, one line a block, the title first (UTF-8); after it, the page's
    own address as a "URL:" line, which the header reads (the White House's pages name their
    office holders by it)."""
    root = load.parse(data, origin, max_bytes, hidden=_chrome)
    content = _main(root)
    lines = segments(content, split_blocks=True)
    title = _title(root, content)
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    address = _address(root)
    if address is not None:
        lines.insert(1 if lines else 0, f"URL: {address}")
    return "\n".join(lines).encode("utf-8")


_ADDRESS = re.compile(r"https?://[^\s<>\"]{1,2000}")


def _address(root: etree._Element) -> str | None:
    """The page's canonical address (``<link rel="canonical">``, else ``og:url``), when it is
    an absolute http(s) URL."""
    for path, attribute in (
        (".//link[@rel='canonical']", "href"),
        (".//meta[@property='og:url']", "content"),
    ):
        found = root.find(path)
        value = (found.get(attribute) or "").strip() if found is not None else ""
        if _ADDRESS.fullmatch(value):
            return value
    return None


def _chrome(root: etree._Element) -> list[etree._Element]:
    """Navigation, asides, forms and footers; a header only outside the main text (the one
    inside it holds the title)."""
    found = list(root.iter(*_CHROME))
    main = _main(root)
    if main is not root:
        kept = set(main.iter("header"))  # one walk: no climb to the ancestors of each header
        found += [h for h in root.iter("header") if h not in kept]
    return found


def _main(root: etree._Element) -> etree._Element:
    for path in ("main", "*[@role='main']", "article", "body"):
        found = root.find(f".//{path}")
        if found is not None:
            return found
    return root


def _title(root: etree._Element, content: etree._Element) -> str | None:
    heading = content.find(".//h1")
    if heading is None:
        heading = root.find(".//h1")
    if heading is not None and (text := clean(" ".join(segments(heading)))):
        return text
    named = root.find(".//title")
    if named is None:
        return None
    text = clean(" ".join(segments(named)))
    return _SITE_SUFFIX.sub("", text) or None
