"""Akoma Ntoso 3.0 ``debate`` documents (read 3.0, 2.0 and SayIt's form; validate; write)."""

from __future__ import annotations

from transcript_model.contract import Format

from .._sniffing import markup_head

_CONVERT = "transcript_model.converters.akn.convert"
_NAMESPACES = (b"http://docs.oasis-open.org/legaldocml/ns/akn/3.0", b"http://www.akomantoso.org/2.0")


def sniff(head: bytes) -> float:
    """An Akoma Ntoso namespace or root makes it sure."""
    start = markup_head(head)
    if not start.startswith(b"<"):
        return 0.0
    if any(namespace in start for namespace in _NAMESPACES) or b"<akomaNtoso" in start:
        return 1.0
    return 0.0


FORMATS = (
    Format(
        name="akn",
        description="Akoma Ntoso 3.0 debate",
        extensions=(".akn.xml",),
        media_type="application/akn+xml",
        sniff=sniff,
        read=f"{_CONVERT}:read",
        validate=f"{_CONVERT}:validate",
        write=f"{_CONVERT}:write",
        one_per_file=True,
    ),
)
