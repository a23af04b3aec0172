"""Turn a saved en.kremlin.ru / kremlin.ru event page (HTML) into the text a browser's copy gives.

Used to build ``benchmarks/eval_real/kremlin_en``: the evaluation cases keep real pages, and the
kremlin text reader is meant for what a person copies from the page, so the page is rendered the
way a careful copy of the article reads, deterministically:

* the category link ("Events"), the title, the lead;
* date, time and place, one a line;
* the body paragraphs in order (photo sliders and "See also" boxes marked ``masha-ignore`` are
  left out, except the "See also" box, which a copy does pick up, rendered as its title, the
  linked title, its date and ``* * *``), headings inside the body on their own line;
* person tooltips inside labels (hidden on screen) are left out;
* the footer blocks (Geography / Topics / Persons with their entries, "Publication status",
  "Published in sections: ...", "Publication date: ...", "Text version").

Run: ``python scripts/kremlin_html_to_text.py PAGE.html > input.txt``; with ``--whole-page``,
the whole page as a browser's Ctrl+A copy gives it (:func:`whole_page_text`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement

_SPACES = re.compile(r"\s+")


def _text(element: HtmlElement) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _first(root: HtmlElement, xpath: str) -> HtmlElement | None:
    found = root.xpath(xpath)
    return found[0] if found else None


def _header(article: HtmlElement) -> list[str]:
    lines: list[str] = []
    for xpath in (
        ".//a[contains(@class,'read__categ')]",
        ".//h1",
        ".//div[contains(@class,'read__lead')]",
        ".//time[contains(@class,'read__published')]",
        ".//div[contains(@class,'read__time')]",
        ".//div[contains(@class,'read__place')]",
    ):
        element = _first(article, xpath)
        if element is not None and _text(element):
            lines.append(_text(element))
    return lines


def _see_also(box: HtmlElement) -> list[str]:
    lines = [_text(t) for t in box.xpath(".//*[contains(@class,'cut__title')]")]
    for item in box.xpath(".//*[contains(@class,'cut__description')]"):
        lines += [_text(x) for x in item.xpath(".//a | .//div[contains(@class,'cut__date')]")]
    return [*lines, "* * *"]


def _body(article: HtmlElement) -> list[str]:
    body = _first(article, ".//*[@itemprop='articleBody']")
    if body is None:
        return []
    lines: list[str] = []
    for element in body.iter("p", "h2", "h3", "h4", "div", "blockquote"):
        classes = element.get("class") or ""
        if element.tag == "div":
            if "read__cut" in classes:
                lines += _see_also(element)
            continue
        if any("masha-ignore" in (a.get("class") or "") for a in element.iterancestors()):
            continue
        if element.tag == "blockquote":
            continue
        text = _text(element)
        if text:
            lines.append(text)
    return lines


def _footer(article: HtmlElement) -> list[str]:
    lines: list[str] = []
    for column in article.xpath(".//div[contains(@class,'read__tagscol')]"):
        lines += [_text(h) for h in column.xpath("./h3")]
        lines += [_text(li) for li in column.xpath(".//li") if _text(li)]
    status = _first(article, ".//div[contains(@class,'read__status')]")
    if status is not None:
        lines += [_text(h) for h in status.xpath(".//h3")]
        lines += [_text(p) for p in status.xpath(".//p") if _text(p)]
    return [line for line in lines if not line.startswith("Direct link")]


def drop_hidden(root: HtmlElement) -> None:
    """Remove the person tooltips (hidden on screen, so absent from a copy) inside labels."""
    for tip in root.xpath("//*[contains(@class,'read__tooltip')]"):
        tail = tip.tail
        parent = tip.getparent()
        if parent is None:
            continue
        previous = tip.getprevious()
        if tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(tip)


def page_text(source: str) -> str:
    """The browser-copy text of one kremlin.ru event page."""
    root = lxml_html.fromstring(source)
    drop_hidden(root)
    article = _first(root, "//article")
    if article is None:
        raise ValueError("no <article> in the page")
    return "\n".join(_header(article) + _body(article) + _footer(article)) + "\n"


# -- the whole page, as Ctrl+A, Ctrl+C in a browser copies it ---------------------------------

_BLOCKS = frozenset(
    "div p h1 h2 h3 h4 h5 h6 li ul ol section article header footer nav table tr td th "
    "blockquote figure figcaption dl dt dd form main aside".split()
)
_NOT_COPIED = frozenset(
    "script style noscript svg head template iframe select button input".split()
)


def whole_page_text(source: str) -> str:
    """The text of the whole page as a browser copies it with Ctrl+A: the site's menus and
    links around the article, block elements a line each, inline ones joined on their line,
    hidden elements left out. A person tooltip inside a label breaks the line where it stands,
    as real copies show (the seed's "President of Belarus Alexander Lukashenko" / ": More
    than …"); the "* * *" a style sheet draws after a "See also" box is not copied."""
    root = lxml_html.fromstring(source)
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    def walk(element: HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        classes = (element.get("class") or "").split()
        if "read__tooltip" in classes:
            flush()  # the tooltip's box ends the line in a copy
        hidden = element.get("hidden") is not None or element.get("aria-hidden") == "true"
        if tag in _NOT_COPIED or "hidden" in classes or hidden:
            if element.tail:
                current.append(element.tail)
            return
        block = tag in _BLOCKS or tag == "br"
        if block:
            flush()
        current.append(element.text or "")
        for child in element:
            walk(child)
        if block:
            flush()
        current.append(element.tail or "")

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return "\n".join(lines) + "\n"


def main() -> None:
    """``python scripts/kremlin_html_to_text.py [--whole-page] PAGE.html``."""
    whole = "--whole-page" in sys.argv[1:]
    path = Path(next(a for a in sys.argv[1:] if a != "--whole-page"))
    source = path.read_text(encoding="utf-8")
    sys.stdout.write(whole_page_text(source) if whole else page_text(source))


if __name__ == "__main__":
    main()
