"""Inline content and the values read from it: one-line text, names and model identifiers."""

from __future__ import annotations

import functools
import re
from typing import Any

from transcript_model.types import ID_PATTERN

from .context import Context, local_name

NOTES = frozenset({"authorialNote", "noteRef", "note", "popup"})

_BREAKING = frozenset({"eol", "eop", "br"})
_LINE_BREAK = re.compile(r"[\s\ufeff]*[\n\r\u2028\u2029\x85][\s\ufeff]*")

_EDGES = re.compile(r"^[\s\ufeff]+|[\s\ufeff]+$")


def as_line(value: str) -> str | None:
    """One line of text, as the model wants it: pretty-printing line breaks become spaces."""
    # Called for every paragraph: plain substring tests and str.strip (which strips exactly
    # what \s matches) are ~30x faster than the regexes, which stay for the rare cases.
    if not value or value.isspace():
        return None  # the indentation between pretty-printed elements, most often
    # The line breaks _LINE_BREAK replaces, tested inline: a call per paragraph costs more.
    if "\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value or "\x85" in value:
        value = _LINE_BREAK.sub(" ", value)
    value = value.strip()
    if "\ufeff" in value:  # only a BOM at an edge is stripped; the test is cheaper anywhere
        value = _EDGES.sub("", value)
    return value or None


def as_name(value: str) -> str | None:
    """A name: words separated by single spaces."""
    return " ".join(value.replace("\ufeff", " ").split()) or None


def as_identifier(value: str) -> str:
    """Map any string to a model identifier, deterministically (invalid characters → "-")."""
    pattern = _id_pattern()
    chars = [c if pattern.fullmatch("a" + c) else "-" for c in value]
    result = "".join(chars)
    if not result or not pattern.fullmatch(result[0]):
        result = "_" + result
    return result


@functools.cache
def _id_pattern() -> re.Pattern[str]:
    # Compiled on first use: its Unicode classes take ~6 ms, and only third-party documents
    # need it (our own carry model ids), so `transcript validate` on our files never does.
    return re.compile(ID_PATTERN)


def inline_text(context: Context, element: Any) -> str:
    """Text of inline content; "[…]" insertions keep their brackets, notes are dropped."""
    if not len(element):
        return element.text or ""  # most paragraphs: plain text, no inline markup
    parts = [element.text or ""]
    tag_ins = context.tag_ins
    for child in element:
        # Insertions are the usual inline markup: told apart without a call.
        name = "ins" if child.tag == tag_ins else local_name(child)
        if name is None:
            pass
        elif name == "ins":
            inner = inline_text(context, child) if len(child) else (child.text or "")
            bracketed = inner[:1] == "[" and inner[-1:] == "]"
            parts.append(inner if bracketed or not inner.strip() else f"[{inner}]")
        elif name in NOTES:
            context.warn("akn_dropped", f"dropped the {name} inside the text", child)
        elif name in _BREAKING:
            parts.append(" ")
        else:
            parts.append(inline_text(context, child))
        parts.append(child.tail or "")
    return "".join(parts)
