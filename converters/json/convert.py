"""Canonical JSON: the model as it is, UTF-8, stable key order, pretty by default.

A file holds one transcript (an object) or several (an array of objects). Duplicate keys are
rejected rather than silently resolved, because the two usual answers (first wins, last wins)
disagree between JSON libraries and one of the values would be lost without a word.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

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

from .parse import DECODER, items_of, load, no_forbidden_characters

if TYPE_CHECKING:
    from .stream import TurnByTurn

_LIST_ADAPTER = TypeAdapter(list[Transcript])
_ONE_ADAPTER = TypeAdapter(Transcript)
#: Inputs from this size up are first read turn by turn (see ``stream``).
STREAM_FROM = 4 * 1024 * 1024


def _parse(data: bytes, origin: str) -> tuple[list[Transcript], list[Problem]]:
    if len(data) >= STREAM_FROM:
        # A large valid transcript is read turn by turn (a third less memory); anything else,
        # every problem included, the usual way below.
        from .stream import read_turn_by_turn

        transcript = read_turn_by_turn(data, DECODER)
        if transcript is not None:
            return [transcript], []
    text = decode_text(data, origin)
    document = load(text, origin)
    checked = no_forbidden_characters(text)
    # The transcripts are built from the parsed values; the decoded text (up to 4 bytes a
    # character) is dropped before they are, and decoded again only to locate problems.
    del text
    items, indexed = items_of(document, origin)
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

    return check_turn_by_turn(data, DECODER)


def turn_by_turn(data: bytes, observe: Callable[[Turn], None]) -> TurnByTurn | None:
    """A large input (``STREAM_FROM`` bytes or more) holding one valid transcript, as its
    transcript without turns and its turns parsed again on demand (a writer that needs two
    passes over them, such as TEI's, never holds the model); ``observe`` sees each turn of the
    checking pass. None says nothing: read the input the usual way."""
    if len(data) < STREAM_FROM:
        return None
    from .stream import read_lazily

    return read_lazily(data, DECODER, observe)


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
