"""Speaker-label transcripts of other publishers: briefings, remarks, interviews (read only)."""

from __future__ import annotations

from transcript_model.contract import Format

from .._sniffing import is_html_head, text_head
from .sniff import (
    looks_like_gpo_record,
    looks_like_markdown_transcript,
    looks_like_name_labels,
    looks_like_speaker_text,
)


def sniff(head: bytes) -> float:
    """A Markdown transcript (front matter, heading labels) is all but sure; several
    unmistakable speaker lines make it likely; name labels without a page date line somewhat
    (kremlin.ru text, without marks, is 0.5 too); other plain text is a fallback."""
    if text_head(head) is None:
        # Another site's saved page: tried after the kremlin.ru page reader (0.9), which it is
        # not when that reader refuses it.
        if not is_html_head(head):  # first: JSON and XML are told by their first bytes
            return 0.0
        if looks_like_gpo_record(head):  # GPO's page of a hearing record: surely no kremlin.ru page
            return 0.95
        return 0.0 if b"read__" in head or b"kremlin.ru" in head else 0.55
    if looks_like_markdown_transcript(head) or looks_like_gpo_record(head):
        return 0.9
    if looks_like_speaker_text(head):
        return 0.8
    return 0.6 if looks_like_name_labels(head) else 0.5


FORMATS = (
    Format(
        name="speakers",
        description="speaker-label text from other publishers",
        media_type="text/plain",
        sniff=sniff,
        read="transcript_model.converters.speakers.convert:read",
    ),
)
