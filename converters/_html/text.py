"""The text of elements of a saved page, as a browser shows it: runs of spaces made one, cut
into lines at ``<br>`` (and at block elements when asked)."""

from __future__ import annotations

import re

from lxml import etree

_SPACE = re.compile(r"[ \t\n\r\f]+")
#: The spaces trimmed from both ends of a value (no-break ones included).
STRIP = " \t\n\r\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
STRIP += "\u200a\u202f\u205f\u3000\ufeff"
_BLOCKS = frozenset(
    "p div li ul ol figure figcaption h1 h2 h3 h4 h5 h6 section header footer table tr td th "
    "blockquote dl dt dd article aside nav".split()
)


def clean(text: str) -> str:
    """HTML whitespace rules: runs of spaces and line breaks are one space; no-break spaces
    are content and stay (but never at either end of a value)."""
    return _SPACE.sub(" ", text).strip(STRIP)


def segments(element: etree._Element, split_blocks: bool = False) -> list[str]:
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
    texts = [clean("".join(p)) for p in pieces]
    return [t for t in texts if t]


def text_of(element: etree._Element) -> str:
    return clean(" ".join(segments(element)))
