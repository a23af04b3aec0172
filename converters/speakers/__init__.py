"""Speaker-label transcripts of other publishers: briefings, remarks, interviews (read only)."""

from __future__ import annotations

from transcript_model.contract import Format

from .._sniffing import is_html_head, text_head
from .sniff import confidence, looks_like_gpo_record


def sniff(head: bytes) -> float:
    """A Markdown transcript, a GPO record or a court reporter's numbered transcript is all but
    sure (0.9); several unmistakable speaker lines make text likely (0.8); name labels without
    a page date line somewhat (0.6); kremlin.ru text, and other plain text, 0.5. Another site's
    HTML page (no kremlin.ru marks) 0.7, GPO's page of a record 0.95."""
    if text_head(head) is None:
        # Another site's saved page (no kremlin.ru marks): tried before the kremlin.ru page
        # reader (0.5), whose refusal would otherwise lead the error.
        if not is_html_head(head):  # first: JSON and XML are told by their first bytes
            return 0.0
        if looks_like_gpo_record(head):  # GPO's page of a hearing record: surely no kremlin.ru page
            return 0.95
        return 0.0 if b"read__" in head or b"kremlin.ru" in head else 0.7
    return confidence(head)


FORMATS = (
    Format(
        name="speakers",
        description="speaker-label text from other publishers",
        media_type="text/plain",
        sniff=sniff,
        read="transcript_model.converters.speakers.convert:read",
    ),
)
