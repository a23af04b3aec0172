"""Safe loading of a saved HTML page: its bytes decoded (a BOM, the ``<meta charset>``, else
UTF-8) and parsed with lxml's HTML parser (no network, no DTD, no script execution: lxml never
runs scripts), the elements that are never page text removed."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable

from lxml import etree

from transcript_model.errors import TranscriptError, excerpt
from transcript_model.inputs import DEFAULT_MAX_BYTES, check_size, line_column

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
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


def parse(
    data: bytes,
    origin: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    hidden: Callable[[etree._Element], Iterable[etree._Element]] | None = None,
) -> etree._Element:
    """Parse a saved page safely; raise TranscriptError for empty or unreadable input. The
    elements that are never page text go, and those ``hidden`` finds in the root (the
    tooltips a site hides) with them."""
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
    _drop_skipped(root, hidden(root) if hidden is not None else ())
    return root


def _drop_skipped(root: etree._Element, hidden: Iterable[etree._Element]) -> None:
    """Remove the elements that are never page text (scripts, hidden tooltips), keeping the
    text that follows each.

    One pass per parent: the text after a run of removed elements is joined once, where adding
    each piece to a growing string cost time quadratic in the run (``<script></script>tail``
    repeated over 4 MB took 133 s).
    """
    by_parent: dict[etree._Element, list[etree._Element]] = {}
    for element in [*root.iter(*SKIPPED), *hidden]:
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
