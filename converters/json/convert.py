"""Canonical JSON: the model as it is, UTF-8, stable key order, pretty by default.

A file holds one transcript (an object) or several (an array of objects). Duplicate keys are
rejected rather than silently resolved, because the two usual answers (first wins, last wins)
disagree between JSON libraries and one of the values would be lost without a word.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from transcript_model.errors import (
    Problem,
    TranscriptError,
    format_path,
    problems_from_validation_error,
)
from transcript_model.inputs import ReadResult, ValidationResult, decode_text
from transcript_model.model import SCHEMA_VERSION, SCHEMA_VERSIONS, Transcript, Turn
from transcript_model.trusted import validate_checked_paragraphs

if TYPE_CHECKING:
    from .stream import TurnByTurn

_LIST_ADAPTER = TypeAdapter(list[Transcript])
_ONE_ADAPTER = TypeAdapter(Transcript)
#: Inputs from this size up are first read turn by turn (see ``stream``).
STREAM_FROM = 4 * 1024 * 1024


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


def _load(text: str, origin: str) -> Any:
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
_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys,
    parse_constant=_refuse_constant,
    parse_float=_finite_float,
    parse_int=_bounded_int,
)


def _items(document: Any, origin: str) -> tuple[list[Any], tuple[int, ...] | None]:
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


def _no_forbidden_characters(text: str) -> bool:
    """Whether no string of the JSON ``text`` holds a character a paragraph may not: then its
    speeches' and narratives' paragraphs need no pattern match
    (:mod:`transcript_model.trusted`, a third of the validation's time). A few scans of the
    text, in C; an escape that might make such a character sends the file the usual way."""
    if not any(mark in text for mark in _MAY_BREAK_A_LINE):
        return True
    if any(mark in text for mark in _MAY_BREAK_A_LINE[1:]):
        return False
    return _ESCAPE_OF_A_FORBIDDEN.search(text) is None  # only \" \\ \/ \t escapes


def _parse(data: bytes, origin: str) -> tuple[list[Transcript], list[Problem]]:
    if len(data) >= STREAM_FROM:
        # A large valid transcript is read turn by turn (a third less memory); anything else,
        # every problem included, the usual way below.
        from .stream import read_turn_by_turn

        transcript = read_turn_by_turn(data, _DECODER)
        if transcript is not None:
            return [transcript], []
    text = decode_text(data, origin)
    document = _load(text, origin)
    checked = _no_forbidden_characters(text)
    # The transcripts are built from the parsed values; the decoded text (up to 4 bytes a
    # character) is dropped before they are, and decoded again only to locate problems.
    del text
    items, indexed = _items(document, origin)
    del document
    transcripts: list[Transcript] = []
    problems: list[Problem] = []
    # Where each problem sits, found for all of them in one pass once all are known: locating
    # them one by one would scan the file once per problem.
    paths: list[list[int | str]] = []
    for index, item in enumerate(items):
        loc: tuple[int, ...] = () if indexed is None else (index,)
        version = item.get("schema_version", SCHEMA_VERSION) if isinstance(item, dict) else None
        if version not in SCHEMA_VERSIONS and isinstance(version, str):
            known = " or ".join(repr(v) for v in SCHEMA_VERSIONS)
            message = f"schema_version {version!r} is not supported (expected {known})"
            steps: list[int | str] = [*loc, "schema_version"]
            problems.append(Problem("schema_version", message, origin, path=format_path(steps)))
            paths.append(steps)
            continue
        try:
            if checked:
                transcripts.append(validate_checked_paragraphs(item))
            else:
                transcripts.append(Transcript.model_validate(item))
        except ValidationError as error:
            # Called once per problem, in order: records each path to locate it later.
            problems.extend(
                problems_from_validation_error(error, origin, loc, position=paths.append)
            )
    if not problems:
        return transcripts, problems
    return transcripts, _located(problems, paths, decode_text(data, origin))


def _located(problems: list[Problem], paths: list[list[int | str]], text: str) -> list[Problem]:
    from .locate import locate_all  # imported only when there are problems to locate

    if len(paths) != len(problems):  # never expected: then leave the problems unlocated
        return problems
    return [
        problem if position is None else replace(problem, line=position[0], column=position[1])
        for problem, position in zip(problems, locate_all(text, paths), strict=True)
    ]


def valid_large_transcript(data: bytes) -> bool:
    """True when ``data`` is a large input (``STREAM_FROM`` bytes or more) holding one valid
    transcript, found without holding its model (for ``transcript validate``, which needs only
    the verdict: the model of a 100 MB file takes 370 MB). False says nothing: validate the
    input the usual way to know its problems."""
    if len(data) < STREAM_FROM:
        return False
    from .stream import check_turn_by_turn

    return check_turn_by_turn(data, _DECODER)


def turn_by_turn(data: bytes, observe: Callable[[Turn], None]) -> TurnByTurn | None:
    """A large input (``STREAM_FROM`` bytes or more) holding one valid transcript, as its
    transcript without turns and its turns parsed again on demand (a writer that needs two
    passes over them, such as TEI's, never holds the model); ``observe`` sees each turn of the
    checking pass. None says nothing: read the input the usual way."""
    if len(data) < STREAM_FROM:
        return None
    from .stream import read_lazily

    return read_lazily(data, _DECODER, observe)


def read(data: bytes, origin: str = "<input>") -> ReadResult:
    """Read canonical JSON: one transcript object or an array of them."""
    transcripts, problems = _parse(data, origin)
    if problems:
        raise TranscriptError(problems)
    return ReadResult(transcripts)


def validate(data: bytes, origin: str = "<input>") -> ValidationResult:
    """Check canonical JSON and report every problem in every transcript of the file."""
    try:
        return ValidationResult(*_parse(data, origin))
    except TranscriptError as error:
        return ValidationResult([], error.problems)


def write(transcripts: Sequence[Transcript], *, compact: bool = False) -> str:
    """Write one transcript as an object, several as an array; pretty unless ``compact``."""
    indent = None if compact else 2
    if len(transcripts) == 1:
        encoded = _ONE_ADAPTER.dump_json(transcripts[0], indent=indent)
    else:
        encoded = _LIST_ADAPTER.dump_json(list(transcripts), indent=indent)
    # The newline is added to the UTF-8 bytes, not to the text: a text with a dash or a curly
    # quote in it takes 2 bytes a character, and adding to it would copy it whole beside itself.
    text = bytearray(encoded)
    del encoded
    text += b"\n"
    return text.decode("utf-8")
