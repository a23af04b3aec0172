"""Safe loading of a saved HTML page, and the page-level facts that do not depend on its layout.

A page arrives as a browser saves it ("Save page as…", which may add a ``<!-- saved from
url=(0052)http://… -->`` comment) or as a mirror tool writes it (HTTrack adds ``<!-- Mirrored from
… by HTTrack …-->``, wget keeps the page as served). This module decodes the bytes, parses them
with lxml's HTML parser (no network, no DTD, no script execution: lxml never runs scripts) and
finds the page's own URL.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import urljoin

from lxml import etree

from transcript_model.errors import TranscriptError, excerpt
from transcript_model.inputs import DEFAULT_MAX_BYTES, check_size, line_column
from transcript_model.types import URL_NEVER, URL_PATTERN

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)
_MIRRORED_FROM = re.compile(r"Mirrored from (\S+) by HTTrack", re.IGNORECASE)
#: Elements whose content is never page text.
SKIPPED = ("script", "style", "noscript", "template", "iframe", "object", "svg", "button")


def decode(data: bytes, origin: str) -> str:
    """The page as text: a BOM, else the ``<meta charset>`` of the page, else UTF-8."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    declared = None if encoding is not None else _META_CHARSET.search(data[:4096])
    if declared is not None:
        encoding = _declared_encoding(data, declared, origin)
    encoding = encoding or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line, column = line_column(data, error.start)
        raise TranscriptError.single(
            "encoding",
            f"the page is not valid {encoding.replace('-sig', '')}: byte 0x{data[error.start]:02x} "
            "cannot be decoded",
            origin,
            line,
            column,
        ) from None
    except UnicodeError as error:  # codecs such as punycode and idna fail without a position
        line, column = line_column(data, declared.start(1)) if declared else (1, 1)
        reason = str(error)[:120]
        raise TranscriptError.single(
            "encoding",
            f"the page cannot be decoded as {excerpt(encoding)}, the character set it declares: "
            f"{reason}",
            origin,
            line,
            column,
        ) from None


def _declared_encoding(data: bytes, declared: re.Match[bytes], origin: str) -> str:
    """The text encoding a ``<meta charset>`` (or http-equiv Content-Type) names.

    Python's codec registry also holds bytes-to-bytes and str-to-str transforms (base64, zlib,
    rot13, hex, uu, bz2, quopri), which ``bytes.decode`` refuses with a LookupError: a page
    naming one of them is refused here, located at the declaration.
    """
    name = declared.group(1).decode("ascii").lower()
    line, column = line_column(data, declared.start(1))
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise TranscriptError.single(
            "encoding",
            f"the page declares an unknown character set {excerpt(name)}",
            origin,
            line,
            column,
        ) from None
    if not info._is_text_encoding:
        raise TranscriptError.single(
            "encoding",
            f"the page declares the character set {excerpt(name)}, which is not a text encoding "
            "(expected one such as utf-8 or windows-1251)",
            origin,
            line,
            column,
        )
    return name


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """Parse a saved page safely; raise TranscriptError for empty or unreadable input."""
    check_size(data, origin, max_bytes)
    text = decode(data, origin)
    if not text.strip():
        raise TranscriptError.single("empty", "the input is empty (expected an HTML page)", origin)
    illegal = _NOT_XML.search(text)
    if illegal is not None:
        # libxml2's HTML parser keeps such characters, but lxml (and every XML format) cannot
        # carry them; a saved page that holds them is damaged.
        line, column = line_column(text, illegal.start())
        code = "binary" if illegal.group() == "\x00" else "control_character"
        raise TranscriptError.single(
            code,
            f"the input holds the control character U+{ord(illegal.group()):04X}, which no "
            "transcript can carry: it is not an intact HTML page",
            origin,
            line,
            column,
        )
    # lxml's HTML parser (libxml2), with plain elements: lxml.html's element classes cost a
    # class lookup per element and add nothing this reader uses.
    parser = etree.HTMLParser(no_network=True, remove_pis=True, huge_tree=False)
    # An encoding declaration in a str confuses lxml; the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = etree.fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise TranscriptError.single(
            "html_syntax", f"not readable as HTML: {error}"[:200], origin
        ) from None
    if root is None:
        raise TranscriptError.single("html_syntax", "not readable as HTML: no elements", origin)
    _drop_skipped(root)
    return root


#: A person's tooltip inside a link ("Alexei Miller" holds "Miller Alexei", "Gazprom CEO"),
#: hidden on screen: read as text, it went into the label's name ("Alexander Tkachev Tkachev
#: Alexander", 3 of 200 pages).
_TOOLTIPS = etree.XPath("//*[contains(concat(' ', @class, ' '), ' read__tooltip ')]")


def _drop_skipped(root: etree._Element) -> None:
    """Remove the elements that are never page text (scripts, hidden tooltips), keeping the
    text that follows each.

    One pass per parent: the text after a run of removed elements is joined once, where adding
    each piece to a growing string cost time quadratic in the run (``<script></script>tail``
    repeated over 4 MB took 133 s).
    """
    by_parent: dict[etree._Element, list[etree._Element]] = {}
    found = _TOOLTIPS(root)
    listed = found if isinstance(found, list) else []
    tooltips = [e for e in listed if isinstance(e, etree._Element)]
    for element in [*root.iter(*SKIPPED), *tooltips]:
        parent = element.getparent()
        if parent is not None:
            by_parent.setdefault(parent, []).append(element)
    for parent, dropped in by_parent.items():
        _drop_children(parent, set(dropped))


def _drop_children(parent: etree._Element, dropped: set[etree._Element]) -> None:
    """Remove ``dropped`` from ``parent``; each one's tail joins the text before it."""
    holder: etree._Element | None = None  # whose tail takes the text (None: parent.text)
    pieces: list[str] = []
    for child in list(parent):
        if child not in dropped:
            _add_text(parent, holder, pieces)
            holder, pieces = child, []
            continue
        if child.tail:
            pieces.append(child.tail)
        parent.remove(child)
    _add_text(parent, holder, pieces)


def _add_text(parent: etree._Element, holder: etree._Element | None, pieces: list[str]) -> None:
    if not pieces:
        return
    if holder is None:
        parent.text = (parent.text or "") + "".join(pieces)
    else:
        holder.tail = (holder.tail or "") + "".join(pieces)


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
