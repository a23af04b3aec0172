"""Escaping text for XML written as strings (the TEI and AKN writers build text, not trees),
and element names cut short for messages.

Building the documents as text is several times faster than lxml element factories; the two
escaping functions are what keeps that safe. The model guarantees no character XML 1.0 cannot
carry.
"""

from __future__ import annotations

import re

from transcript_model.errors import EXCERPT_CHARACTERS, excerpt

#: A value libxml2 quotes in a schema message ('...'). Every quoted run is matched, short ones
#: too, so that a closing quote is never taken for an opening one; libxml2 cuts its messages at
#: about a thousand bytes, so the last closing quote may be missing.
_QUOTED = re.compile("'([^']*)(?:'|$)")
#: An element name or value libxml2 names without quotes ("Did not expect element ..."),
#: longer than an excerpt.
_LONG_WORD = re.compile(f"[^\\s']{{{EXCERPT_CHARACTERS + 1},}}")


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


def shorten_quoted(message: str) -> str:
    """A libxml2 schema message with every value it names cut to an excerpt: libxml2 quotes
    values and element names whole, with or without quotes (up to its own limit of about a
    thousand bytes). A qualified name ``{namespace}name`` is cut part by part, so that the
    ordinary long ones (an AKN namespace and ``debateSection``) stay whole."""
    message = _QUOTED.sub(_shortened_quote, message)
    return _LONG_WORD.sub(lambda found: _shortened(found.group(), quoted=False), message)


def _shortened_quote(found: re.Match[str]) -> str:
    value = found.group(1)
    return found.group() if len(value) <= EXCERPT_CHARACTERS else _shortened(value, quoted=True)


def _shortened(value: str, *, quoted: bool) -> str:
    namespace, brace, local = value.rpartition("}")
    if brace and namespace.startswith("{") and "{" not in namespace[1:]:
        shown = f"{clip(namespace)}{brace}{clip(local)}"
        return f"'{shown}'" if quoted else shown
    return excerpt(value) if quoted else clip(value)
