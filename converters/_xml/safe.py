"""Safe XML parsing for every XML reader: no DTDs, no entities, no network, bounded input.

Transcripts come from anywhere, so a document type declaration is refused outright (TEI and
Akoma Ntoso never need one): that closes external entities (XXE), external DTDs and entity
expansion bombs in one rule, whatever libxml2 would or would not expand. The rule is kept twice:
the whole prolog is searched for a DOCTYPE before parsing, and the parser itself is set never to
load a DTD or entity, with a resolver that answers every request with nothing, so that no file
named in a DOCTYPE (a FIFO or device among them) is ever opened.

Bytes alone do not bound the tree: a document is also refused when it holds more elements than
its byte limit allows (:func:`element_limit`), before libxml2 builds them.
"""

from __future__ import annotations

import re
import threading
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from lxml import etree

from transcript_model.errors import Problem, TranscriptError, excerpt
from transcript_model.inputs import DEFAULT_MAX_BYTES, check_size

from .text import clip

_PARSERS = threading.local()
#: Bytes of input allowed per element: ParlaMint's token-annotated files need ~80, our own
#: output ~60; empty elements need 4 (``<p/>``), and a tree costs ~120 bytes an element.
BYTES_PER_ELEMENT = 32
#: The element limit of a small byte limit, which would otherwise refuse ordinary documents.
_MIN_ELEMENT_LIMIT = 4096


def element_limit(max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """How many elements a document may hold under ``max_bytes`` (2,097,152 under the default
    64 MiB): raising the byte limit raises this one with it."""
    return max(max_bytes // BYTES_PER_ELEMENT, _MIN_ELEMENT_LIMIT)


class _RefuseEverything(etree.Resolver):
    """Answers every request for an external file that reaches lxml (an entity, a DTD asked
    for by an option) with nothing. Not every load asks: see :func:`parse_xml`."""

    # lxml passes the parser context as a third argument; its stubs know neither that nor
    # resolve_empty.
    def resolve(self, system_url: str, public_id: str, context: Any = None) -> Any:
        return self.resolve_empty(context)  # type: ignore[attr-defined]


#: The parser settings every XML read shares (the tree parser here, ``iterparse`` in
#: :mod:`.stream`): no entity expansion, no network, no DTD, no attribute defaults, libxml2's
#: limits on depth and text size.
SAFE_PARSER_OPTIONS: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "huge_tree": False,
}


def _safe_parser(**options: object) -> etree.XMLParser:
    parser = etree.XMLParser(**SAFE_PARSER_OPTIONS, **options)  # type: ignore[arg-type]
    parser.resolvers.add(_RefuseEverything())
    return parser


def _parser(collect_ids: bool) -> etree.XMLParser:
    # Building a parser costs about 0.17 ms, half the parse of a 48 KB document; lxml parsers
    # are not thread-safe, so each thread keeps its own.
    name = "collecting" if collect_ids else "fast"
    parser: etree.XMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = _safe_parser(
            remove_blank_text=False,  # mixed content: whitespace between inline elements is text
            collect_ids=collect_ids,
        )
        setattr(_PARSERS, name, parser)
    return parser


def parse_xml(
    data: bytes,
    origin: str = "<input>",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_elements: int | None = None,
) -> etree._ElementTree:
    """Parse ``data`` safely; raise TranscriptError (located) for anything refused or broken.

    ``max_elements`` defaults to :func:`element_limit` of ``max_bytes``.
    """
    check_size(data, origin, max_bytes)
    if not data or data.isspace():  # isspace() stops at the first other byte, strip() copies
        raise TranscriptError.single(
            "empty", "the input is empty (expected an XML document)", origin
        )
    _check_declared_encoding(data, origin)
    transparent = _ascii_transparent(data)
    prolog = _prolog(data if transparent else _ascii_view(data))
    if prolog == "doctype":
        raise _doctype_refused(origin)
    limit = element_limit(max_bytes) if max_elements is None else max_elements
    _check_element_count(data if transparent else None, data, origin, limit)
    # With collect_ids=False, lxml sets a flag that makes libxml2 open a DOCTYPE's external
    # subset even with load_dtd=False and past every resolver (lxml 6.0, libxml2 2.14). That
    # parser (which lets third-party files with a repeated xml:id be read) is used only where the
    # whole prolog was read, in an encoding whose bytes mean what they say in ASCII, and holds
    # no DOCTYPE; the parser for every other input collects ids and opens nothing.
    parser = _parser(collect_ids=not (transparent and prolog == "root"))
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = (error.msg or str(error)).split(f" ({origin}", 1)[0]
        raise TranscriptError.single(
            "xml_syntax", f"not well-formed XML: {message}", origin, line, column
        ) from None
    except ValueError as error:  # e.g. a str with an encoding declaration, or bad bytes
        raise TranscriptError.single(
            "xml_syntax", f"not readable as XML: {error}", origin
        ) from None
    info = tree.docinfo
    if getattr(info, "doctype", "") or info.internalDTD is not None or info.externalDTD is not None:
        raise _doctype_refused(origin)
    if info.xml_version not in (None, "1.0"):
        raise TranscriptError.single(
            "xml_version",
            f"XML version {info.xml_version} is refused (expected XML 1.0)",
            origin,
            1,
            1,
        )
    return tree


_DECLARATION = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_UNICODE_NAMES = {"utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be"}


def _check_declared_encoding(data: bytes, origin: str) -> None:
    """Refuse a single-byte encoding declaration on bytes that are really UTF-8.

    libxml2 would decode them without complaint and every non-ASCII character would be
    silently corrupted (mojibake); refusing loses nothing and names the cause.
    """
    match = _DECLARATION.match(data.removeprefix(b"\xef\xbb\xbf"))
    if match is None:
        return
    declared = match.group(1).decode("ascii")
    if declared.lower().replace("-", "").startswith("utf16"):
        # The declaration itself was readable as single bytes, so the document is not UTF-16.
        raise TranscriptError.single(
            "xml_encoding",
            f"the XML declaration says encoding={excerpt(declared)} but the bytes are not UTF-16 "
            "(fix the declaration, or save the file as UTF-16 with a BOM)",
            origin,
            1,
            1,
        )
    if declared.lower() in _UNICODE_NAMES:
        return
    if data.isascii():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    raise TranscriptError.single(
        "xml_encoding",
        f"the XML declaration says encoding={excerpt(declared)} but the bytes are UTF-8: "
        f"reading them as {clip(declared)} would corrupt every non-ASCII character (fix the "
        "declaration)",
        origin,
        1,
        1,
    )


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: The first four bytes of UTF-16 and UTF-32 without a BOM, as libxml2 detects them.
_WIDE_STARTS = {
    b"\x00\x00\x00<": "utf-32-be",
    b"<\x00\x00\x00": "utf-32-le",
    b"\x00<\x00?": "utf-16-be",
    b"<\x00?\x00": "utf-16-le",
}
_SPACE_RUN = re.compile(rb"[ \t\r\n]*")


def _ascii_view(data: bytes) -> bytes | None:
    """The input in an ASCII-compatible encoding: itself, or UTF-16/32 re-encoded as UTF-8;
    None when it starts like neither (EBCDIC), where only the parser's own guard holds."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace").encode("utf-8", errors="replace")
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
    wide = _WIDE_STARTS.get(data[:4])
    if wide is not None:
        return data.decode(wide, errors="replace").encode("utf-8", errors="replace")
    text = data.removeprefix(b"\xef\xbb\xbf")
    return text if text[:1] in (b"<", b" ", b"\t", b"\r", b"\n") else None


#: Declared encodings in which every ASCII byte is the ASCII character, whatever follows it.
_TRANSPARENT = re.compile(
    r"(utf-?8|(us-)?ascii|iso-?8859-[0-9]+|latin-?[0-9]+|(windows|cp)-?125[0-8])", re.IGNORECASE
)


def _ascii_transparent(data: bytes) -> bool:
    """Whether the bytes are read as ASCII where they are ASCII: UTF-8 or a declared
    single-byte superset of ASCII (not UTF-16, UTF-7 or EBCDIC, which would let markup hide
    from a search of the bytes)."""
    text = data.removeprefix(b"\xef\xbb\xbf")
    if text[:1] not in (b"<", b" ", b"\t", b"\r", b"\n") or text.startswith(b"<\x00"):
        return False
    match = _DECLARATION.match(text)
    return match is None or _TRANSPARENT.fullmatch(match.group(1).decode("ascii")) is not None


def _prolog(text: bytes | None) -> str:
    """What ends the prolog: "doctype", "root" (a start tag) or "unsure" (anything else, or
    an input that could not be read as ASCII).

    Checked before parsing, because libxml2 acts on a DTD (opens it, expands entities) while
    parsing, and its own refusals say nothing about why the input is dangerous. The prolog is
    walked once from the start, however long: whitespace, comments and processing instructions
    (the XML declaration among them) until the first other markup.
    """
    if text is None:
        return "unsure"
    position, length = (3 if text.startswith(b"\xef\xbb\xbf") else 0), len(text)
    while position < length:
        position = _SPACE_RUN.match(text, position).end()  # type: ignore[union-attr]
        if text.startswith(b"<!--", position):
            end = text.find(b"-->", position + 4)
            position = length if end < 0 else end + 3
        elif text.startswith(b"<?", position):
            end = text.find(b"?>", position + 2)
            position = length if end < 0 else end + 2
        elif text.startswith(b"<!DOCTYPE", position):
            return "doctype"
        else:
            return "root" if _NAME_START.match(text, position) else "unsure"
    return "unsure"


_NAME_START = re.compile(rb"<[A-Za-z_:\x80-\xff]")


def _check_element_count(text: bytes | None, data: bytes, origin: str, limit: int) -> None:
    """Refuse a document of more than ``limit`` elements before libxml2 builds its tree.

    Each element starts with a "<" not followed by "/", "!" or "?", so counting those bytes
    (four scans in C) bounds the element count from above; only when that bound is over the
    limit are the elements counted by the parser itself, without building a tree, as a "<" in a
    comment or CDATA section counts in the bound but is no element. ``text``: the input when
    its bytes can be searched as ASCII, else None.
    """
    if len(data) <= limit:
        return  # every element takes a byte at least: the usual input needs no count at all
    if text is not None and _start_tags_at_most(text) <= limit:
        return
    if _counted_elements(data, limit) <= limit:
        return
    line = _line_of_start_tag(text, limit + 1) if text is not None else None
    raise TranscriptError.single(
        "too_many_elements",
        f"the document holds more than {limit:,} elements, the limit for its size limit "
        f"(one element per {BYTES_PER_ELEMENT} bytes; raise it with max_bytes / --max-bytes)",
        origin,
        line,
    )


def _start_tags_at_most(text: bytes, start: int = 0, end: int | None = None) -> int:
    # A count of "</" starting in [start, end) ends at end + 1.
    stop = len(text) if end is None else end
    return (
        text.count(b"<", start, stop)
        - text.count(b"</", start, stop + 1)
        - text.count(b"<!", start, stop + 1)
        - text.count(b"<?", start, stop + 1)
    )


class _TooManyError(Exception):
    pass


class _ElementCounter:
    """A parser target that counts start tags and stops one past the limit."""

    def __init__(self, limit: int) -> None:
        self.count = 0
        self.limit = limit

    def start(self, tag: str, attrib: object, nsmap: object = None) -> None:
        self.count += 1
        if self.count > self.limit:
            raise _TooManyError

    def close(self) -> int:
        return self.count


def _counted_elements(data: bytes, limit: int) -> int:
    """The number of elements (up to ``limit + 1``) as the parser sees them; no tree is built."""
    counter = _ElementCounter(limit)
    try:
        etree.fromstring(data, _safe_parser(target=counter))  # collects ids: opens no DTD
    except _TooManyError:
        pass
    except (etree.XMLSyntaxError, ValueError):
        return 0  # the real parse reports it, with its position
    return counter.count


#: How much of the input the search for the element over the limit counts at once.
_COUNT_CHUNK = 1 << 16
_START_TAG = re.compile(rb"<[^/!?]")


def _line_of_start_tag(text: bytes, number: int) -> int | None:
    """The line of the ``number``-th start tag (counted as the bound counts them)."""
    seen, position = 0, 0
    while position < len(text):
        end = min(position + _COUNT_CHUNK, len(text))
        here = _start_tags_at_most(text, position, end)
        if seen + here >= number:
            for match in _START_TAG.finditer(text, position, end + 1):
                seen += 1
                if seen == number:
                    return text.count(b"\n", 0, match.start()) + 1
            return None
        seen, position = seen + here, end
    return None


def _doctype_refused(origin: str) -> TranscriptError:
    return TranscriptError.single(
        "xml_dtd",
        "a document type declaration (DOCTYPE) is refused: it can define entities or load "
        "external files, and neither TEI nor Akoma Ntoso needs one",
        origin,
        1,
        1,
    )


#: Sibling steps a schema check may spend locating its errors (~0.5 s at three errors an
#: element): lxml records the path of each error's element, and building a path walks every
#: earlier sibling, so n invalid siblings cost n²/2 steps (40,000 empty notes in one div: 16 s).
VALIDATION_BUDGET = 50_000_000


@dataclass(frozen=True)
class ValidationCopy:
    """A copy of a document cut down for a schema check: each element keeps only its first
    ``kept`` children. ``widest`` is the element of the original with the most children."""

    tree: etree._ElementTree
    kept: int
    widest: etree._Element
    children: int


def validation_copy(
    root: etree._Element, budget: int = VALIDATION_BUDGET, data: bytes | None = None
) -> ValidationCopy | None:
    """None when a schema check of the whole document is cheap even if every element is
    invalid; else a copy whose worst case fits ``budget``.

    ``data``: the bytes ``root`` was parsed from, when the caller has them: they bound the
    worst case without walking the tree (a tenth of a millisecond a 50 KB document).
    """
    if data is not None and _few_nodes(data, budget):
        return None
    widest, most, counts = root, 0, []
    for element in root.iter():
        count = len(element)
        if count > 1:
            counts.append(count)
            if count > most:
                widest, most = element, count
    if _error_steps(counts, most) <= budget:
        return None
    low, high = 1, most  # the most children per element whose worst case fits the budget
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if _error_steps(counts, middle) <= budget else (low, middle - 1)
    copy = deepcopy(root)
    for element in copy.iter():
        if len(element) > low:
            del element[low:]
    return ValidationCopy(etree.ElementTree(copy), low, widest, most)


def _few_nodes(data: bytes, budget: int) -> bool:
    """Whether ``data`` holds too few nodes for its worst case to exceed ``budget``.

    Every child node (element, comment, processing instruction) starts with a "<", so in an
    input whose bytes read as ASCII the count of "<" bytes bounds the children of all elements
    together, n; the worst case, the sum of each element's children squared, halved, is at
    most n² / 2.
    """
    if not _ascii_transparent(data):
        return False
    nodes = data.count(b"<")
    return nodes * nodes // 2 <= budget


def _error_steps(counts: list[int], kept: int) -> int:
    return sum(min(count, kept) ** 2 for count in counts) // 2


def partial_check_warning(copy: ValidationCopy, code: str, schema: str, origin: str) -> Problem:
    """The warning that a schema check saw only a cut-down copy."""
    local = clip(str(copy.widest.tag).rpartition("}")[2])
    line = copy.widest.sourceline
    return Problem(
        code,
        f"<{local}> holds {copy.children:,} child nodes: {schema} was checked on the first "
        f"{copy.kept:,} children of each element only (checking more could take minutes "
        "when they are invalid); split it to have it checked whole",
        origin,
        line if isinstance(line, int) else None,
        severity="warning",
    )
