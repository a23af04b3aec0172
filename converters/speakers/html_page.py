"""Another site's saved transcript page (a government's press briefing, a hearing's record), as
the lines of its main text, for the speaker-label reader.

The page is loaded safely (:mod:`.._html.load`); its navigation, asides, forms and footers, and
what it marks as such by role, class or id, are left out (never what holds its text or heading);
the main text is the page's ``<main>``, else the ``<article>`` that holds its heading or a third
of its words, else its body, cut into lines where a browser breaks them. The page's ``<h1>``
(else its ``<title>`` without the site's name) is the first line, where the reader looks for the
title, and its canonical address the second, as a "URL:" line.
"""

from __future__ import annotations

import re

from lxml import etree

from transcript_model.types import URL_PATTERN

from .._html import load
from .._html.text import clean, segments
from .datelines import date_line

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
    under_title = 1 if title else 0
    dated = _dated_site_suffix(root)
    if dated is not None and not any(map(date_line, lines[:_DATE_WINDOW])):
        lines.insert(under_title, dated)  # "QUESTIONS - Fiji Hansard 2024-10-02": its only date
    address = _address(root)
    if address is not None:  # under the title, or first: never inside the page's text
        lines.insert(under_title, f"URL: {address}")
    return "\n".join(lines).encode("utf-8")


_ADDRESS = re.compile(URL_PATTERN)  # as the header reads a "URL:" line


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
#: Words of a class or id that name such a part ("site-nav", "breadcrumbs"), for pages that
#: mark them no other way. Not "share", "social" or "comments": articles' own blocks and a
#: hearing's public comments are named so too ("tag-social-security", "public-comments").
_CHROME_WORDS = frozenset(
    {"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "footer",
     "sidebar", "cookie", "cookies", "newsletter", "masthead", "toolbar", "skip"}
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
#: A class that says what a layout lacks or has ("no-sidebar", "with-sidebar"): no part.
_LAYOUT_FLAG = re.compile(r"(?:no|with|has|without)-[\w-]*")


def _chrome(root: etree._Element) -> list[etree._Element]:
    """Navigation, asides, forms and footers; a header only outside the main text (the one
    inside it holds the title); and what a page marks as such by its role, class or id
    (obamawhitehouse.archives.gov has no <nav>: 140 lines of menus were read) — outside the
    main text only (when the main text is the body, inside it all the same), and never the
    page's heading or an element holding it or the main text."""
    main = _main(root)
    heading = main.find(".//h1")
    if heading is None:
        heading = root.find(".//h1")
    protected = {main, *main.iterancestors()}
    if heading is not None:
        protected |= {heading, *heading.iterancestors()}
    # An ASP.NET page holds its whole body in a <form>: what holds the text stays.
    found = [element for element in root.iter(*_CHROME) if element not in protected]
    if main is not root:
        kept = set(main.iter("header"))  # one walk: no climb to the ancestors of each header
        found += [h for h in root.iter("header") if h not in kept and h not in protected]
    # Inside the main text nothing goes by its marks; when the body is the main text, what
    # holds a speaker's label is kept (a transcript's div of class "nav-anchor").
    inside = _holding_labels(root) if main.tag == "body" else set(main.iter(etree.Element))
    found += [
        element
        for element in root.iter(etree.Element)
        if element not in protected and element not in inside and _marked_as_chrome(element)
    ]
    return found


#: A speaker's label opening a text: "MAYOR SMITH: Good evening", "Q: …" (tried on the first
#: characters of a text, its leading spaces stripped).
_LABEL_START = re.compile(r"[A-Z][\w.'’\- ]{0,40}:(?:\s|$)")  # "<b>NAME:</b> text" too


def _opens_with_label(text: str | None) -> bool:
    return text is not None and _LABEL_START.match(text.lstrip()[:64]) is not None


def _holding_labels(root: etree._Element) -> set[etree._Element]:
    """The elements whose text, or an element's inside them, opens with a speaker's label:
    one walk, each element's mark carried to its parent (children come after their parent in
    document order, so the walk goes backwards)."""
    holding: set[etree._Element] = set()
    for element in reversed(list(root.iter(etree.Element))):
        if element in holding or _opens_with_label(element.text):
            holding.add(element)
        if _opens_with_label(element.tail):
            holding.add(element)  # the tail is the parent's text: marked below with it
        parent = element.getparent()
        if parent is not None and element in holding:
            holding.add(parent)
    return holding


def _marked_as_chrome(element: etree._Element) -> bool:
    if (element.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    marks = _LAYOUT_FLAG.sub(" ", marks)
    return bool(marks.strip()) and not _CHROME_WORDS.isdisjoint(_WORD.findall(marks))


def _main(root: etree._Element) -> etree._Element:
    """The page's main text: its <main>; else the <article> its heading stands in; on a page
    without articles, the element its id marks as the main text ("main", "content") if it holds
    a third of the page's words; when the heading stands in no article, the one article if it
    holds a third of the page's words, else the body (the articles are then teasers around
    it); else its first <article>; else its body."""
    for path in ("main", "*[@role='main']"):
        found = root.find(f".//{path}")
        if found is not None:
            return found
    body = root.find(".//body")
    heading = root.find(".//h1")
    articles = root.findall(".//article")
    holder = next(heading.iterancestors("article"), None) if heading is not None else None
    if holder is not None:
        return holder
    # The page's words, counted once: each candidate is weighed against them.
    page_words = _words(body) if body is not None else 0
    if body is not None and not articles:
        # Older government CMSs mark the main text by id alone ("<div id="main">", after a
        # skip-link <h1> and the menus): taken when it holds a third of the page's words.
        for name in _MAIN_IDS:
            found = root.find(f".//*[@id='{name}']")
            if found is not None and _words(found) * 3 >= page_words > 0:
                return found
    if heading is not None and articles:
        # The heading stands above the articles (Drupal's page title block): the text is the
        # article that holds a third of the page's words or more, if one does; else the
        # articles are teasers around the body. The first few only: a page of thousands of
        # nested articles would be counted over and over.
        if body is not None:
            for article in articles[:_ARTICLES_WEIGHED]:
                if _words(article) * 3 >= page_words > 0:
                    return article
        return root if body is None else body
    for path in ("article", "body"):
        found = root.find(f".//{path}")
        if found is not None:
            return found
    return root


_ARTICLES_WEIGHED = 20
#: The ids pages give the element of their main text.
_MAIN_IDS = ("main", "main-content", "maincontent", "mainContent", "main_content", "content")


def _words(element: etree._Element) -> int:
    """How many words the text of ``element`` holds."""
    return sum(len(str(text).split()) for text in element.itertext())


#: The lines of a page's text that hold its date, if it prints one where a header would.
_DATE_WINDOW = 12


def _dated_site_suffix(root: etree._Element) -> str | None:
    """What follows the title in the page's ``<title>`` when it is a date line ("Fiji Hansard
    2024-10-02"): the suffix left out of the title, which may be the page's only date."""
    named = root.find(".//title")
    if named is None:
        return None
    suffix = _SITE_SUFFIX.search(clean(" ".join(segments(named))))
    text = suffix.group()[3:] if suffix is not None else ""
    return text if text and date_line(text) is not None else None


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
