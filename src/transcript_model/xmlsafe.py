"""Safe XML parsing for every XML reader: no DTDs, no entities, no network, bounded input.

Transcripts come from anywhere, so a document type declaration is refused outright (TEI and
Akoma Ntoso never need one): that closes external entities (XXE), external DTDs and entity
expansion bombs in one rule, whatever libxml2 would or would not expand.
"""

from __future__ import annotations

import re
import threading

from lxml import etree

from transcript_model.errors import TranscriptError
from transcript_model.inputs import DEFAULT_MAX_BYTES, check_size

_PARSERS = threading.local()


def _parser() -> etree.XMLParser:
    # Building a parser costs about 0.17 ms, half the parse of a 48 KB document; lxml parsers
    # are not thread-safe, so each thread keeps its own.
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_blank_text=False,  # mixed content: whitespace between inline elements is text
            collect_ids=False,
        )
    return parser


def parse_xml(
    data: bytes, origin: str = "<input>", max_bytes: int = DEFAULT_MAX_BYTES
) -> etree._ElementTree:
    """Parse ``data`` safely; raise TranscriptError (located) for anything refused or broken."""
    check_size(data, origin, max_bytes)
    if not data or data.isspace():  # isspace() stops at the first other byte, strip() copies
        raise TranscriptError.single(
            "empty", "the input is empty (expected an XML document)", origin
        )
    _check_declared_encoding(data, origin)
    if _has_doctype(data):
        raise _doctype_refused(origin)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
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
            f"the XML declaration says encoding={declared!r} but the bytes are not UTF-16 "
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
        f"the XML declaration says encoding={declared!r} but the bytes are UTF-8: reading them "
        f"as {declared} would corrupt every non-ASCII character (fix the declaration)",
        origin,
        1,
        1,
    )


_ROOT_START = re.compile(r"<[A-Za-z_:]")
_ROOT_START_BYTES = re.compile(rb"<[A-Za-z_:]")
#: How far into the input a DOCTYPE is looked for.
_PROLOG = 65536


def _has_doctype(data: bytes) -> bool:
    """True when a DOCTYPE stands before the root element.

    Checked before parsing, because libxml2 acts on a DTD (loads it, expands entities) while
    parsing, and its own refusals say nothing about why the input is dangerous.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        prolog = data[:_PROLOG].decode("utf-16", errors="ignore")
        doctype = prolog.find("<!DOCTYPE")
        root = _ROOT_START.search(prolog)
        return doctype >= 0 and (root is None or doctype < root.start())
    # Every other encoding XML allows here is ASCII-compatible: search the bytes themselves
    # (decoding 64 KB for the test cost 20 us a file), for a DOCTYPE up to the root element.
    root_bytes = _ROOT_START_BYTES.search(data, 0, _PROLOG)
    return data.find(b"<!DOCTYPE", 0, root_bytes.start() if root_bytes else _PROLOG) >= 0


def _doctype_refused(origin: str) -> TranscriptError:
    return TranscriptError.single(
        "xml_dtd",
        "a document type declaration (DOCTYPE) is refused: it can define entities or load "
        "external files, and neither TEI nor Akoma Ntoso needs one",
        origin,
        1,
        1,
    )
