"""Helpers the formats' ``sniff`` functions share: cheap looks at the head of an input."""

from __future__ import annotations

import functools
import re

from transcript_model.inputs import windows_1252_text


def markup_head(head: bytes) -> bytes:
    """The head without a UTF-8 byte order mark and leading white space."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")


#: What may follow the "[" that opens a JSON array: a value, or the "]" of an empty one. A
#: bracketed note opening a text ("[House Hearing, 111 Congress]") is no JSON.
_ARRAY_ITEM_STARTS = b'{["]-0123456789tfn'


def opens_like_json(start: bytes) -> bool:
    """True when ``start`` (a head without its byte order mark and leading blanks) opens a
    JSON object or array."""
    if start[:1] == b"{":
        return True
    return start[:1] == b"[" and start[1:].lstrip(b" \t\r\n")[:1] in (
        *(bytes([c]) for c in _ARRAY_ITEM_STARTS),
        b"",  # a head that ends right after the "["
    )


#: The first lines of a US congressional record as GPO prints it: "[House Hearing, 111
#: Congress]", "[Senate Hearing 109-350]", "[From the U.S. Government Printing Office]", or a
#: page of the Congressional Record: "[Congressional Record Volume 143, Number 8 (Tuesday, …)]".
_GPO_RECORD = re.compile(
    rb"\A\s*(?:<html>\s*(?:<head>\s*)?(?:<title>.{0,500}?</title>\s*)?(?:</head>\s*)?"
    rb"<body>\s*<pre>\s*)?"
    rb"\[(?:(?:House|Senate|Joint)(?: Hearing| Report|,)[^\]\n]{0,60}"
    rb"|From the U\.S\. Government (?:Printing|Publishing) Office"
    rb"|Congressional Record Volume \d{1,3}, Number \d{1,4}[^\]\n]{0,60})\]",
    re.IGNORECASE | re.DOTALL,
)


def is_gpo_record_head(head: bytes) -> bool:
    """A US congressional hearing record as GPO prints it: its text, or GPO's page of it (the
    text in a ``<pre>``)."""
    return _GPO_RECORD.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


#: The elements a fragment of HTML saved on its own starts with ("<h1>Press Briefing …</h1>").
_FRAGMENT_STARTS = (b"<h1", b"<h2", b"<h3", b"<div", b"<p>", b"<p ", b"<body", b"<article",
                    b"<main", b"<section", b"<head>", b"<title", b"<meta ")  # fmt: skip


def is_html_head(head: bytes) -> bool:
    """An HTML document (see :func:`is_html_document`), or a fragment that opens with an
    element only HTML has (a heading, a paragraph, a div)."""
    return is_html_document(head) or markup_head(head)[:16].lower().startswith(_FRAGMENT_STARTS)


def is_html_document(head: bytes) -> bool:
    """An HTML document: markup that opens ``<html`` or ``<!doctype html`` near its start."""
    start = markup_head(head)[:4096].lower()
    return start.startswith(b"<") and (b"<html" in start or b"<!doctype html" in start)


# Several formats' sniffs ask for the same head of the same input (text, speakers): decode once.
@functools.lru_cache(maxsize=4)
def text_head(head: bytes) -> str | None:
    """The head as text when it looks like plain text (not markup, JSON or binary), else None.

    UTF-8 and UTF-16 with a byte order mark count; a NUL byte or a head that does not decode
    (apart from a character cut at the end) does not.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = head.decode("utf-16", errors="ignore")
        except UnicodeError:
            return None
    else:
        body = head.removeprefix(b"\xef\xbb\xbf")
        # Markup and JSON are told by their first byte, without decoding the whole head.
        start = markup_head(body[:256])
        if start[:1] == b"<" or opens_like_json(start) or b"\x00" in body:
            return None
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start >= len(body) - 4:  # a character the head's end cut in two
                text = body[: error.start].decode("utf-8")
            elif (legacy := windows_1252_text(body)) is not None:
                text = legacy  # a Latin text saved by Windows software, as the readers take it
            else:
                return None
    stripped = text.lstrip()
    if not stripped or stripped[0] == "<" or opens_like_json(stripped[:64].encode()):
        return None
    return text
