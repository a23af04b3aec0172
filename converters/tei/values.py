"""Values read out of TEI elements: model Lines and Names, pointer tokens, text, and the
element lookups every part of the reader uses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lxml import etree

from transcript_model import types

from .common import T

_LINE = re.compile(types.LINE_PATTERN)

_NAME = re.compile(types.NAME_PATTERN)
_BIDI_CONTROL = re.compile(f"[{types.BIDI_CONTROLS}]")

MODEL_ID = re.compile(types.ID_PATTERN)


# Every character the model counts as space, plus what Python does (line breaks included).
_SPACES = re.compile(r"[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF]+")


#: Elements that interrupt an utterance: they become turns of their own between speech parts.
COMMENT_TAGS = frozenset(T + n for n in ("note", "gap", "kinesic", "vocal", "incident", "stage"))


#: Elements without content for the model, skipped without a word.
SILENT_TAGS = frozenset(
    T + n for n in ("pb", "lb", "cb", "milestone", "anchor", "fw", "timeline", "media")
)


#: Token elements of linguistically annotated (".ana") files.
TOKEN_TAGS = frozenset(T + n for n in ("w", "pc"))


# Qualified names of the body elements, built once: the body loop compares every element's tag
# with them, and building each name per comparison cost a tenth of reading.
TAG_DIV, TAG_U, TAG_NOTE, TAG_HEAD, TAG_GAP, TAG_DESC, TAG_SEG, TAG_S = (
    T + n for n in ("div", "u", "note", "head", "gap", "desc", "seg", "s")
)
#: TEI's speech of performance texts (``<sp who><speaker>…</speaker><p>…</p></sp>``), which
#: other transcripts of debates use in place of ``u``, its label and its stage directions.
TAG_SP, TAG_SPEAKER, TAG_STAGE = (T + n for n in ("sp", "speaker", "stage"))
#: What holds one paragraph of a speech: ``seg`` and ``s`` in ``u``; ``p``, ``ab``, ``l`` and
#: ``lg`` (a stanza) in ``sp``.
PARAGRAPH_TAGS = frozenset(T + n for n in ("seg", "s", "p", "ab", "l", "lg"))


def is_line(value: str) -> bool:
    """Whether text parsed from XML is a model Line, without the (slower) regular expression.

    XML text cannot hold the C0 controls the model forbids, so what is left to check is the
    line breaks and the space at either end.
    """
    return bool(
        value
        and not value[0].isspace()
        and not value[-1].isspace()
        and value[0] != "\ufeff"
        and value[-1] != "\ufeff"
        # Five substring tests are ten times faster than one regular-expression search.
        and "\n" not in value
        and "\r" not in value
        and "\x85" not in value
        and "\u2028" not in value
        and "\u2029" not in value
    )


def clean_line(value: str) -> str | None:
    """The value as a model Line: verbatim when it is one, else with whitespace collapsed."""
    if is_line(value) or _LINE.match(value):
        return value
    collapsed = _SPACES.sub(" ", value).strip()
    return collapsed if collapsed and _LINE.match(collapsed) else None


def is_name(value: str) -> bool:
    """Whether ``value`` is a model Name, tested without the (slower) regular expression;
    False may also mean "not sure" (a character Python does not count as printable).

    Every character the Name pattern refuses but the ordinary space (line breaks, other
    spaces, U+FEFF, controls) is one Python does not count as printable.
    """
    return bool(
        value and value.isprintable() and value[0] != " " and value[-1] != " " and "  " not in value
    )


def bidi_control(value: str) -> str | None:
    """The first bidirectional embedding, override or isolate control in ``value``, described
    (``U+202E RIGHT-TO-LEFT OVERRIDE at position 5``), or None."""
    found = _BIDI_CONTROL.search(value)
    if found is None:
        return None
    char = found.group()
    return f"U+{ord(char):04X} {unicodedata.name(char)} at position {found.start() + 1}"


def clean_name(value: str) -> str | None:
    """The value as a model Name: whitespace runs become single spaces."""
    if is_name(value) or _NAME.match(value):
        return value
    collapsed = _SPACES.sub(" ", value).strip()
    return collapsed if collapsed and _NAME.match(collapsed) else None


def local_name(element: etree._Element) -> str:
    tag = element.tag
    return tag[len(T) :] if isinstance(tag, str) and tag.startswith(T) else str(tag)


def child_elements(parent: etree._Element) -> Iterator[etree._Element]:
    # Skips comments and processing instructions, in C.
    return parent.iterchildren(etree.Element)


def pointer_tokens(value: str | None) -> list[str]:
    if not value:
        return []
    if value[0] == "#" and " " not in value and "\t" not in value:
        return [value[1:]]
    return [t.split("#", 1)[1] if "#" in t else t for t in (value or "").split()]


def line_of(element: etree._Element | None) -> int | None:
    """The element's line in the input (lxml-stubs type it loosely)."""
    line = element.sourceline if element is not None else None
    return line if isinstance(line, int) else None


def all_text(element: etree._Element) -> str:
    if not len(element):
        return element.text or ""
    return "".join(str(piece) for piece in element.itertext())


def find(parent: etree._Element, *tags: str) -> etree._Element | None:
    """``parent.find("a/b")`` for a path of qualified names, with the same (first) match.

    ElementPath parses and runs each path in Python; following child iterators filtered in C
    takes a third of the time, which counts for the few dozen lookups of every document.
    """
    first, rest = tags[0], tags[1:]
    for child in parent.iterchildren(first):
        found = find(child, *rest) if rest else child
        if found is not None:
            return found
    return None
