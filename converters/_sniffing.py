"""Helpers the formats' ``sniff`` functions share: cheap looks at the head of an input."""

from __future__ import annotations

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def markup_head(head: bytes) -> bytes:
    """The head without a UTF-8 byte order mark and leading white space."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")


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
        if b"\x00" in head:
            return None
        try:
            text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:
                return None
            text = head[: error.start].removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    stripped = text.lstrip()
    if not stripped or stripped[0] in "<{[":
        return None
    return text
