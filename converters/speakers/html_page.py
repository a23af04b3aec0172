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


#: ARIA roles of the parts of a page around its text.
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
)
#: Words of a class or id that name such a part ("site-nav", "breadcrumbs", "share-buttons"
#: is not one: "share" also names articles' own blocks), for pages that mark them no other way.
_CHROME_WORDS = frozenset(
    {"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "footer",
     "sidebar", "cookie", "cookies", "newsletter", "masthead", "toolbar", "sharing", "social",
     "comments", "skip"}
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def _chrome(root: etree._Element) -> list[etree._Element]:
    """Navigation, asides, forms and footers; a header only outside the main text (the one
    inside it holds the title); and what a page marks as such by its role, class or id
    (obamawhitehouse.archives.gov has no <nav>: 140 lines of menus were read) — never the
    main text, the page's heading, or an element holding either."""
    found = list(root.iter(*_CHROME))
    main = _main(root)
    if main is not root:
        kept = set(main.iter("header"))  # one walk: no climb to the ancestors of each header
        found += [h for h in root.iter("header") if h not in kept]
    heading = main.find(".//h1")
    if heading is None:
        heading = root.find(".//h1")
    protected = {main, *main.iterancestors()}
    if heading is not None:
        protected |= {heading, *heading.iterancestors()}
    found += [
        element
        for element in root.iter(etree.Element)
        if element not in protected and _marked_as_chrome(element)
    ]
    return found


def _marked_as_chrome(element: etree._Element) -> bool:
    if (element.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(marks.strip()) and not _CHROME_WORDS.isdisjoint(_WORD.findall(marks))


def _main(root: etree._Element) -> etree._Element:
    """The page's main text: its <main>; else the <article> its heading stands in, or its
    body when the heading stands in none (the articles are then teasers around it); else its
    first <article>; else its body."""
    for path in ("main", "*[@role='main']"):
        found = root.find(f".//{path}")
        if found is not None:
            return found
    heading = root.find(".//h1")
    if heading is not None:
        holder = next(heading.iterancestors("article"), None)
        if holder is not None:
            return holder
        body = root.find(".//body")
        return root if body is None else body
    for path in ("article", "body"):
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
