"""Helpers the formats' ``sniff`` functions share: cheap looks at the head of an input."""

from __future__ import annotations

import functools


def markup_head(head: bytes) -> bytes:
    """The head without a UTF-8 byte order mark and leading white space."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")


def is_html_head(head: bytes) -> bool:
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
        if markup_head(body[:256])[:1] in (b"<", b"{", b"[") or b"\x00" in body:
            return None
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(body) - 4:
                return None
            text = body[: error.start].decode("utf-8")
    stripped = text.lstrip()
    if not stripped or stripped[0] in "<{[":
        return None
    return text
