"""Escaping text for XML written as strings (the TEI and AKN writers build text, not trees),
and element names cut short for messages.

Building the documents as text is several times faster than lxml element factories; the two
escaping functions are what keeps that safe. The model guarantees no character XML 1.0 cannot
carry.
"""

from __future__ import annotations

from transcript_model.errors import EXCERPT_CHARACTERS


def clip(name: str) -> str:
    """An element name (or another unquoted word) of the input, at most as long as an
    :func:`~transcript_model.errors.excerpt`: XML names have no length limit."""
    if len(name) <= EXCERPT_CHARACTERS:
        return name
    return name[: EXCERPT_CHARACTERS - 3] + "..."


def escape_text(value: str) -> str:
    """Escape character data."""
    # Chained str.replace runs in C; str.translate with a dict calls back per character.
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def escape_attribute(value: str) -> str:
    """Escape an attribute value quoted with double quotes."""
    value = escape_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    # Every XML parser normalises attribute values: a tab must be a reference to survive.
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value
