"""The body of a saved kremlin.ru page (``div.entry-content``) as blocks: paragraphs with the
speaker label that opens them (a bold run ending in a colon, with the person links after
it), headings, and the person links each block holds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from .. import _kremlin as kremlin
from .._html.text import STRIP, clean, segments, text_of
from . import page
from .turns import BREAK, OMISSION, Block, Label

_BODY_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_TERMINAL = tuple(".,:;!?…»\"”)]'’")
_PERSON_LINK = re.compile(r"/catalog/persons/(\d+)")
#: An interpreter's aside between a bold label and its colon.
_ASIDE_COLON = re.compile(r"(\([^()]{1,40}\))\s*:")
_NOT_BODY = frozenset({"read__bottommeta", "read__cut", "read__tags", "masha-ignore"})


def _label_elements(paragraph: etree._Element) -> list[etree._Element]:
    """The bold run that opens ``paragraph``, with the person links and bold pieces printed
    right after it ("<b>President of Belarus</b> <a …>Alexander Lukashenko</a>: …", "<b>M.</b>
    <b>Papchenkova</b>: …"); empty if none."""
    if (paragraph.text or "").strip(STRIP):
        return []
    children = [c for c in paragraph if isinstance(c.tag, str)]
    if not children or children[0].tag not in ("b", "strong"):
        return []
    run = [children[0]]
    for child in children[1:]:
        if (run[-1].tail or "").strip(STRIP):
            break
        bold = child.tag in ("b", "strong")  # "<b>M.</b> <b>Papchenkova</b>:", two runs
        if not bold and (child.tag != "a" or not _PERSON_LINK.search(child.get("href") or "")):
            break
        run.append(child)
    return run


def _raw_text(element: etree._Element) -> str:
    """The text of ``element`` as printed, its spaces kept."""
    return "".join(t for t in element.itertext() if isinstance(t, str))


def _label(paragraph: etree._Element) -> tuple[Label, list[str]] | None:
    """The speaker label opening ``paragraph`` (a bold run ending in a colon) and the text after."""
    run = _label_elements(paragraph)
    if not run:
        return None
    # The pieces as printed, with what stands between them: "<b>Geoff Cutmore</b><b>:</b>"
    # is "Geoff Cutmore:", "<b>M.</b> <b>Papchenkova</b>" is "M. Papchenkova".
    between = [e.tail or "" for e in run[:-1]] + [""]
    printed = clean("".join(_raw_text(e) + tail for e, tail in zip(run, between, strict=True)))
    lines = segments(paragraph)
    if not printed or not lines or not lines[0].startswith(printed):
        return None
    rest = lines[0][len(printed) :].strip(STRIP)
    aside = _ASIDE_COLON.match(rest)
    if printed.endswith(":"):
        printed = printed[:-1].strip(STRIP)
    elif rest.startswith(":"):
        rest = rest[1:].strip(STRIP)
    elif aside is not None:  # "<b>… Wang Yi</b> <i>(retranslated)</i><b>:</b>Thank you"
        printed = f"{printed} {aside.group(1)}"
        rest = rest[aside.end() :].strip(STRIP)
    else:
        return None
    if not printed or len(printed) > 200 or kremlin.footer_field(printed + ": x"):
        return None
    links = [a for e in run for a in e.iter("a") if _PERSON_LINK.search(a.get("href") or "")]
    names = [text_of(a) for a in links]
    ids = [m.group(1) for a in links if (m := _PERSON_LINK.search(a.get("href") or ""))]
    texts = ([rest] if rest else []) + lines[1:]
    return Label(" ".join(printed.split()), names, ids), texts


def _blocks_in(content: etree._Element) -> Iterator[etree._Element]:
    """The outermost paragraph-level elements of the body, in order, without the footer,
    supplements and slider the body element may also hold (one pass, no re-scanning)."""
    stack = list(reversed([c for c in content if isinstance(c.tag, str)]))
    while stack:
        element = stack.pop()
        if page.classes(element) & _NOT_BODY or is_slider(element):
            continue
        if element.tag in _BODY_BLOCKS:
            yield element
        else:
            stack.extend(reversed([c for c in element if isinstance(c.tag, str)]))


def body_blocks(content: etree._Element) -> Iterator[Block]:
    for element in _blocks_in(content):
        if element.tag in _HEADINGS:
            text = text_of(element)
            if text:
                yield Block("heading", [text])
            continue
        links = [
            (text_of(a), found.group(1))
            for a in element.iter("a")
            if (found := _PERSON_LINK.search(a.get("href") or ""))
        ]
        labelled = _label(element) if element.tag == "p" else None
        if labelled is not None:
            yield Block("p", labelled[1], labelled[0], links)
            continue
        if _bold_heading(element):
            yield Block("heading", [text_of(element)])
            continue
        texts = segments(element)
        if texts:
            yield Block("p", texts, None, links)


def _bold_heading(paragraph: etree._Element) -> bool:
    """A paragraph set entirely in bold, short and without final punctuation: a subheading
    ("* * *" in bold stays a break, and a bold label has a colon)."""
    text = text_of(paragraph)
    if paragraph.tag != "p" or not text or len(text.split()) > 12:
        return False
    if text.endswith(_TERMINAL) or BREAK.match(text) or OMISSION.match(text):
        return False
    bold = "".join(text_of(b) for b in paragraph if b.tag in ("b", "strong"))
    return bold.replace(" ", "") == text.replace(" ", "")


def is_slider(element: etree._Element) -> bool:
    return any(
        c.startswith("slider") or c in ("photoset", "gallery") for c in page.classes(element)
    )
