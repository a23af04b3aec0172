"""The lines of a speaker-label transcript: decoded, every kind of line break made one, control
characters refused, surrounding spaces (no-break ones included) dropped."""

from __future__ import annotations

import re

from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import decode_text, decode_text_or_windows_1252

from .header import Line

# Line breaks other than "\n" that can reach us from copied pages; each ends a line.
_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85\x1c\x1d\x1e]")
CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\ufffe\uffff]")
#: The spaces a copied line may start or end with.
SPACES = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
SPACES += "\u202f\u205f\u3000\ufeff"


def clean(text: str) -> str:
    """``text`` without the spaces around it."""
    return text.strip(SPACES)


def split_lines(data: bytes, origin: str) -> list[Line]:
    """The numbered lines of ``data``, each without the spaces around it."""
    return [Line(number, clean(raw)) for number, raw in enumerate(raw_lines(data, origin), 1)]


def raw_lines(data: bytes, origin: str, refuse_controls: bool = True) -> list[str]:
    """The lines of ``data`` as printed, their indentation kept (a layout may need it); a
    control character (see ``CONTROL``) is refused unless ``refuse_controls`` is false."""
    return text_lines(decode_text(data, origin), origin, refuse_controls)


def legacy_raw_lines(
    data: bytes, origin: str, refuse_controls: bool = True
) -> tuple[list[str], list[Problem]]:
    """:func:`raw_lines`, of text that may be Windows-1252 too (with the warning that says it
    was read so; see :func:`transcript_model.inputs.decode_text_or_windows_1252`)."""
    text, decoding = decode_text_or_windows_1252(data, origin)
    return text_lines(text, origin, refuse_controls), decoding


def text_lines(text: str, origin: str, refuse_controls: bool = True) -> list[str]:
    """The lines of a decoded ``text``, as :func:`raw_lines` gives them."""
    text = _BREAKS.sub("\n", text)
    bad = CONTROL.search(text) if refuse_controls else None
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise TranscriptError.single(
            "control_character",
            f"control character U+{ord(bad.group()):04X} in the text (expected printable text)",
            origin,
            line,
            column,
        )
    return text.split("\n")
