"""kremlin.ru transcript pages saved by a browser, HTTrack or wget (read only)."""

from __future__ import annotations

from transcript_model.contract import Format

from .._sniffing import markup_head


def sniff(head: bytes) -> float:
    """An HTML document; sure when it shows kremlin.ru's article markup."""
    start = markup_head(head)[:4096].lower()
    if not start.startswith(b"<") or not (b"<html" in start or b"<!doctype html" in start):
        return 0.0
    return 1.0 if b"read__" in head or b"kremlin.ru" in head else 0.9


FORMATS = (
    Format(
        name="html",
        description="saved kremlin.ru page",
        extensions=(".html", ".htm"),
        media_type="text/html",
        sniff=sniff,
        read="transcript_model.converters.html.convert:read",
    ),
)
