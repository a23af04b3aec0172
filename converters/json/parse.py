"""Parsing a JSON text as this format reads it: RFC 8259 only, duplicate keys refused, every
refusal a located :class:`~transcript_model.errors.TranscriptError`.

Without pydantic: the quick check of :mod:`.quick` parses as the reader does, before anything
of the model is loaded.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from transcript_model.errors import TranscriptError


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _NumberError(ValueError):
    """A number JSON cannot mean, met by the parser: ``literal`` is its text as written."""

    def __init__(self, literal: str, message: str) -> None:
        super().__init__(message)
        self.literal = literal
        self.message = message


#: The longest integer read: Python's own default limit for converting digits to an int, fixed
#: here so that a host application's setting does not change what a file means. No value of a
#: transcript needs more than a few digits; converting many more costs quadratic time.
MAX_INTEGER_DIGITS = 4300


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def _shown(literal: str) -> str:
    return literal if len(literal) <= 24 else f"{literal[:20]}… ({len(literal):,} characters)"


def _refuse_constant(literal: str) -> Any:
    raise _NumberError(literal, f"{literal} is not a JSON value (RFC 8259 has no NaN or Infinity)")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise _NumberError(literal, f"the number {_shown(literal)} is too large for a 64-bit float")
    return value


def _bounded_int(literal: str) -> int:
    digits = len(literal.lstrip("-"))
    if digits <= MAX_INTEGER_DIGITS:
        try:
            return int(literal)
        except ValueError:  # a host application lowered sys.set_int_max_str_digits
            pass
    raise _NumberError(
        literal,
        f"the integer {_shown(literal)} has {digits:,} digits, more than can be read "
        f"(at most {MAX_INTEGER_DIGITS:,})",
    )


def load(text: str, origin: str) -> Any:
    """Parse ``text`` as RFC 8259 JSON; every refusal a located ``TranscriptError``."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as error:
        raise TranscriptError.single(
            "json_syntax", f"invalid JSON: {error.msg}", origin, error.lineno, error.colno
        ) from None
    except _DuplicateKeyError as error:
        from .locate import find_duplicate_key  # only for broken files: it compiles a tokenizer

        line, column = (find_duplicate_key(text) or (error.key, None, None))[1:]
        raise TranscriptError.single(
            "duplicate_key",
            f"key {error.key!r} appears twice in one object (duplicate keys are rejected)",
            origin,
            line,
            column,
        ) from None
    except _NumberError as error:
        from .locate import find_scalar

        line, column = find_scalar(text, error.literal) or (None, None)
        raise TranscriptError.single(
            "json_syntax", f"invalid JSON: {error.message}", origin, line, column
        ) from None
    except RecursionError:
        raise TranscriptError.single(
            "too_deep", "the JSON is nested too deeply to be a transcript", origin
        ) from None
    except ValueError as error:  # nothing known raises it; "validate() never raises" holds
        raise TranscriptError.single(
            "json_syntax", f"invalid JSON: {str(error)[:200]}", origin
        ) from None


#: The whole-document reader's rules for values, for the reader that goes turn by turn.
DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys,
    parse_constant=_refuse_constant,
    parse_float=_finite_float,
    parse_int=_bounded_int,
)


def items_of(document: Any, origin: str) -> tuple[list[Any], tuple[int, ...] | None]:
    """The transcripts of a file, and whether their paths start with their index."""
    if isinstance(document, dict):
        return [document], None
    if isinstance(document, list):
        return document, ()
    raise TranscriptError.single(
        "json_type", "expected a transcript object or an array of them", origin, 1, 1
    )


#: What a JSON text must hold for one of its strings to hold a character no paragraph may:
#: an escape ("\\n", "\\u0001"; raw control characters are no JSON), or one of the line
#: breaks and non-characters JSON lets stand as they are.
_MAY_BREAK_A_LINE = ("\\", "\x85", "\u2028", "\u2029", "\ufffe", "\uffff")
_ESCAPE_OF_A_FORBIDDEN = re.compile(r"\\[nrbfu]")


def no_forbidden_characters(text: str) -> bool:
    """Whether no string of the JSON ``text`` holds a character a paragraph may not: then its
    speeches' and narratives' paragraphs need no pattern match
    (:mod:`transcript_model.trusted`, a third of the validation's time). A few scans of the
    text, in C; an escape that might make such a character sends the file the usual way."""
    if not any(mark in text for mark in _MAY_BREAK_A_LINE):
        return True
    if any(mark in text for mark in _MAY_BREAK_A_LINE[1:]):
        return False
    return _ESCAPE_OF_A_FORBIDDEN.search(text) is None  # only \" \\ \/ \t escapes
