"""kremlin.ru transcript pages saved by a browser, HTTrack or wget (read only)."""

from __future__ import annotations

from transcript_model.contract import Format

from .._sniffing import is_gpo_record_head, is_html_head


def sniff(head: bytes) -> float:
    """An HTML document; sure when it shows kremlin.ru's article markup."""
    if not is_html_head(head) or is_gpo_record_head(head):  # GPO's page is the speakers reader's
        return 0.0
    # Another site's page is likelier the speakers reader's (0.7): tried after it.
    return 1.0 if b"read__" in head or b"kremlin.ru" in head else 0.5


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
