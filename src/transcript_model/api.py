"""The public API: read, write and validate transcripts by format name.

Every call goes through the format registry (:mod:`transcript_model.registry`) and the
converter contract (:mod:`transcript_model.contract`): the format is given by name or detected
from the file name and the content, options are checked against what the format's function
declares, and what a function cannot do is an error naming the format.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from transcript_model.checks import problems_of
from transcript_model.contract import Capability, Format
from transcript_model.errors import Problem, TranscriptError, cap_repeated
from transcript_model.inputs import (
    DEFAULT_MAX_BYTES,
    ReadResult,
    ValidationResult,
    check_size,
    read_bytes,
)
from transcript_model.model import Transcript
from transcript_model.registry import (
    REGISTRY,
    near_miss_warning,
    no_reader_error,
)

Source = str | bytes | os.PathLike[str]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    # A reader allocates one object per node and builds no reference cycles worth collecting;
    # the cyclic collector's passes over the growing heap made big inputs superlinear (15-17x
    # the time for 10x the text). Paused for the call only, and restored as it was.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class _Input:
    """One input: its bytes, its name in messages, the file name detection looks at, the limit."""

    data: bytes
    name: str
    file_name: str | None
    max_bytes: int


def _load(source: Source, max_bytes: int, origin: str | None) -> _Input:
    if isinstance(source, os.PathLike):
        name = origin or str(Path(source))
        return _Input(read_bytes(source, max_bytes), name, str(source), max_bytes)
    name = origin or "<input>"
    data = source.encode("utf-8") if isinstance(source, str) else source
    check_size(data, name, max_bytes)
    return _Input(data, name, origin, max_bytes)


def _call(
    fmt: Format,
    capability: Capability,
    item: _Input,
    options: Mapping[str, Any],
    flag: str | None,
) -> Any:
    typed = fmt.check_options(capability, options, flag)
    function = fmt.function(capability)
    if fmt.takes_max_bytes(capability):
        typed["max_bytes"] = item.max_bytes
    with _collector_paused():
        return function(item.data, item.name, **typed)


def _readable(format: str, origin: str) -> Format:
    fmt = REGISTRY.get(format, origin)
    if not fmt.reads:
        raise TranscriptError.single("write_only", f"{fmt.name} is an export-only format", origin)
    return fmt


def _checker(fmt: Format, validating: bool) -> Capability:
    # A format without its own validator is checked by reading it.
    return "validate" if validating and "validate" in fmt.capabilities else "read"


def _own_options(
    fmt: Format, options: Mapping[str, Any], validating: bool = False
) -> dict[str, Any]:
    """The options ``fmt``'s reader (validator) declares, of those given for detected input."""
    if not options:
        return {}
    known = fmt.options(_checker(fmt, validating))
    return {key: value for key, value in options.items() if key in known}


def _check_options_known(
    options: Mapping[str, Any], flag: str | None, validating: bool = False
) -> None:
    # With detection an option goes to the readers that declare it; one that no reader
    # declares is a mistake, not something to drop silently. A validation also takes the
    # validators' options (TEI's profile).
    known = {
        name for f in REGISTRY.formats() if f.reads for name in f.options(_checker(f, validating))
    }
    unknown = sorted(set(options) - known)
    if unknown:
        what = "validator" if validating else "reader"
        raise TranscriptError.single(
            "usage",
            f"unknown {what} option {', '.join(unknown)}"
            + (f" ({flag})" if flag else "")
            + f"; {what} options: {', '.join(sorted(known)) or 'none'}",
            "transcript",
        )


def check_reader_options(
    options: Mapping[str, Any], format: str | None, flag: str | None = None
) -> None:
    """Refuse, before any input is read, options that no reader that may meet it declares.

    With ``format`` the options must be that reader's (and command-line values must convert to
    their types); without it each must be declared by some reader.
    """
    if not options:
        return
    if format is not None:
        _readable(format, "transcript").check_options("read", options, flag)
    else:
        _check_options_known(options, flag)


class _UnreadableError(TranscriptError):
    """A validation that could not read its input, with the result that says so."""

    def __init__(self, result: ValidationResult) -> None:
        super().__init__(result.problems)
        self.result = result


_Result = TypeVar("_Result", ReadResult, ValidationResult)


def _detected(
    item: _Input,
    options: Mapping[str, Any],
    flag: str | None,
    attempt: Callable[[Format, Mapping[str, Any]], _Result],
    validating: bool = False,
) -> _Result:
    """The result of the likeliest format that can read ``item``.

    ``attempt`` reads (or validates) with one format and raises TranscriptError when it cannot;
    the candidates are tried in order of confidence, and the first failure is what is raised
    (or, for a validation, returned) when none succeeds.
    """
    found = REGISTRY.candidates(item.file_name, item.data)
    if not found:
        raise no_reader_error(REGISTRY.formats(), item.name, item.data[:64])
    if options:
        _check_options_known(options, flag, validating)
    first: TranscriptError | None = None
    others: list[Problem] = []
    for candidate in found:
        fmt = candidate.format
        try:
            result = attempt(fmt, _own_options(fmt, options, validating))
        except TranscriptError as error:
            if first is not None and error.problems:
                others.append(_also_tried(fmt, error, item.name))
            first = first or error
            continue
        # After a fallback, its warning says which reader was likelier: no ambiguity note.
        notes = [near_miss_warning(found, fmt, item.name) if first is None else None]
        if first is not None:
            notes.insert(0, _fallback_warning(fmt, found[0].format, first, item.name))
        listed = result.warnings if isinstance(result, ReadResult) else result.problems
        listed[:0] = [note for note in notes if note is not None]
        return result
    if isinstance(first, _UnreadableError):  # only a validation raises it
        first.result.problems.extend(others)  # what each other reader expected, as below
        return first.result  # type: ignore[return-value]
    assert first is not None
    failed: TranscriptError = first
    if others:  # what each other reader expected too, after the likeliest one's reason
        raise TranscriptError([*failed.problems, *others]) from None
    raise failed


def _also_tried(fmt: Format, error: TranscriptError, name: str) -> Problem:
    problem = error.problems[0]
    return Problem(
        "format_tried",
        f"also tried as {fmt.name}: {problem.message[:200]}",
        name,
        problem.line,
        problem.column,
        severity="warning",
    )


def _fallback_warning(chosen: Format, first: Format, error: TranscriptError, name: str) -> Problem:
    reason = error.problems[0].message if error.problems else "it failed"
    return Problem(
        "format_fallback",
        f"read as {chosen.name}: the {first.name} reader, more likely by the content, could not "
        f"read it ({reason[:120]})",
        name,
        severity="warning",
    )


def read_result(
    source: Source,
    format: str | None = None,
    *,
    origin: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: Any,
) -> ReadResult:
    """Like :func:`read`, but also return the reader's warnings (what it had to drop)."""
    item = _load(source, max_bytes, origin)
    try:
        result = _read(item, format, options, None)
    except TranscriptError:
        _raise_if_path_given_as_text(source, item.name)
        raise
    result.warnings = cap_repeated(result.warnings)
    return result


def _read(
    item: _Input, format: str | None, options: Mapping[str, Any], flag: str | None
) -> ReadResult:
    def attempt(fmt: Format, given: Mapping[str, Any]) -> ReadResult:
        result: ReadResult = _call(fmt, "read", item, given, flag)
        result.format = fmt.name
        return result

    if format is not None:
        return attempt(_readable(format, item.name), options)
    return _detected(item, options, flag, attempt)


def read_detailed(
    data: bytes,
    origin: str,
    format: str | None,
    *,
    file_name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    options: Mapping[str, str] | None = None,
) -> ReadResult:
    """Read bytes whose options come from the command line (``-r key=value`` strings).

    What ``transcript convert`` calls for each input: the same path as :func:`read_result`,
    with option values converted to the types the reader declares.
    """
    result = _read(_Input(data, origin, file_name, max_bytes), format, options or {}, "-r")
    result.warnings = cap_repeated(result.warnings)
    return result


def _raise_if_path_given_as_text(source: Source, name: str) -> None:
    # read("session.json") reads the file name itself as a transcript and says that no title
    # was found, which puzzles more than it helps: say what was meant, once reading has failed.
    if not isinstance(source, str) or "\n" in source or len(source) > 4096:
        return
    try:
        is_file = Path(source).is_file()
    except (OSError, ValueError):
        return
    if is_file:
        raise TranscriptError.single(
            "path_as_text",
            f"{source!r} names a file, but a str source is read as the content itself: "
            f"pass pathlib.Path({source!r}) to read the file",
            name,
        ) from None


def read(
    source: Source,
    format: str | None = None,
    *,
    origin: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: Any,
) -> list[Transcript]:
    """Read every transcript in ``source``.

    ``source`` is a path (``pathlib.Path`` or any ``os.PathLike``), or the content itself as
    ``str`` or ``bytes``. ``format`` is a format name (``"json"``, ``"text"``, ``"tei"``,
    ``"akn"``, …); when omitted, every format's ``sniff`` is asked how sure it is that it can
    read the content (the file name's extension counts too), the most confident reader reads
    it, and when that reader fails the next candidates are tried before giving up. ``origin``
    names the input in error messages. Inputs over ``max_bytes`` are refused.

    ``options`` are the reader's keyword options (``transcript formats --details`` lists them,
    e.g. ``date="2024-05-01"`` for ``akn``, ``language="ru"`` for ``html``); an option the
    reader does not declare, or a value of the wrong type, is an error that lists the valid
    ones. With detection, each candidate reader is given the options it declares.

    Raises :class:`~transcript_model.errors.TranscriptError`, with located problems, for any
    input that is not a valid transcript.
    """
    return read_result(source, format, origin=origin, max_bytes=max_bytes, **options).transcripts


def read_one(source: Source, format: str | None = None, **options: Any) -> Transcript:
    """Read a source that must hold exactly one transcript."""
    transcripts = read(source, format, **options)
    if len(transcripts) != 1:
        raise TranscriptError.single(
            "count",
            f"expected one transcript, found {len(transcripts)}",
            options.get("origin") or "<input>",
        )
    return transcripts[0]


def _writable(format: str, items: Sequence[Transcript]) -> Format:
    fmt = REGISTRY.get(format)
    if not fmt.writes:
        raise TranscriptError.single("read_only", f"{fmt.name} can be read but not written")
    if fmt.one_per_file and len(items) != 1:
        raise TranscriptError.single(
            "one_per_file", f"{fmt.name} holds one transcript per file, {len(items)} given"
        )
    return fmt


def write(transcripts: Transcript | Sequence[Transcript], format: str, **options: Any) -> Any:
    """Render one transcript, or several, in ``format``; returns the content of the file.

    The content is ``str`` for text formats and ``bytes`` for binary ones (``Format.binary``).
    ``options`` are the writer's keyword options (e.g. ``compact=True`` for ``json``). Formats
    that hold one transcript per file (``tei``, ``akn``) refuse a list of several; use
    :func:`write_each` for them.
    """
    items = [transcripts] if isinstance(transcripts, Transcript) else list(transcripts)
    return write_detailed(items, format, options, None)


def write_detailed(
    items: Sequence[Transcript], format: str, options: Mapping[str, Any], flag: str | None
) -> Any:
    """:func:`write` for options that may come from the command line (``flag`` is ``-w``)."""
    fmt = _writable(format, items)
    typed = fmt.check_options("write", options, flag)
    return fmt.function("write")(items, **{**fmt.write_defaults, **typed})


def write_each(transcripts: Sequence[Transcript], format: str, **options: Any) -> dict[str, Any]:
    """Render each transcript separately; returns ``{file name: content}``, named by id."""
    fmt = REGISTRY.get(format)
    return {f"{t.id}{fmt.extension}": write(t, format, **options) for t in transcripts}


def validate(
    source: Source | Transcript | Sequence[Transcript],
    format: str | None = None,
    *,
    origin: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: Any,
) -> list[Problem]:
    """Check ``source`` completely and return every problem found (an empty list: valid).

    ``source`` is what :func:`read` takes, or transcripts already in memory (a
    :class:`Transcript` or a list of them, e.g. after editing). Checks syntax, the model and
    its cross-references, and for XML formats the schema. Never raises for bad input:
    unreadable input is reported as a problem too.
    """
    return validate_result(source, format, origin=origin, max_bytes=max_bytes, **options).problems


def validate_result(
    source: Source | Transcript | Sequence[Transcript],
    format: str | None = None,
    *,
    origin: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: Any,
) -> ValidationResult:
    """Like :func:`validate`, but also return the transcripts that were read."""
    if isinstance(source, Transcript) or (
        isinstance(source, Sequence) and not isinstance(source, (str, bytes))
    ):
        return _validate_models(source, origin or "<transcript>")
    try:
        return _validate(_load(source, max_bytes, origin), format, options)
    except TranscriptError as error:
        return ValidationResult([], error.problems)


def validate_detailed(
    data: bytes,
    origin: str,
    format: str | None,
    *,
    file_name: str | None,
    max_bytes: int,
    options: Mapping[str, Any] | None = None,
) -> ValidationResult:
    """What ``transcript validate`` calls for each input (never raises for bad input);
    ``options`` go to the validator of the format found (``profile`` to TEI's)."""
    try:
        return _validate(_Input(data, origin, file_name, max_bytes), format, options or {})
    except TranscriptError as error:
        return ValidationResult([], error.problems)


def _validate_with(fmt: Format, item: _Input, options: Mapping[str, Any]) -> ValidationResult:
    try:
        if "validate" in fmt.capabilities:
            result: ValidationResult = _call(fmt, "validate", item, options, None)
            result.format = fmt.name
            return result
        # A format without its own checker: reading is the check, and the reader's warnings
        # (what it had to drop) are part of the report.
        read_back: ReadResult = _call(fmt, "read", item, options, None)
        return ValidationResult(read_back.transcripts, list(read_back.warnings), fmt.name)
    except TranscriptError as error:
        return ValidationResult([], error.problems, fmt.name)


def _validate(item: _Input, format: str | None, options: Mapping[str, Any]) -> ValidationResult:
    if format is not None:
        fmt = _readable(format, item.name)
        fmt.check_options(_checker(fmt, True), options)
        return _validate_with(fmt, item, options)

    def attempt(fmt: Format, given: Mapping[str, Any]) -> ValidationResult:
        result = _validate_with(fmt, item, given)
        if not result.transcripts and any(p.severity == "error" for p in result.problems):
            raise _UnreadableError(result)  # let a less likely format try
        return result

    return _detected(item, options, None, attempt, validating=True)


def _validate_models(source: Transcript | Sequence[Transcript], origin: str) -> ValidationResult:
    # Transcripts in memory are valid when made the usual ways (models are frozen and copies
    # revalidate), but not when built with model_construct: check them by every rule again.
    items = [source] if isinstance(source, Transcript) else list(source)
    if not all(isinstance(item, Transcript) for item in items):
        raise TypeError("validate() takes a source, a Transcript or a list of Transcripts")
    problems = [
        replace(p, file=origin)
        for p in problems_of(source if isinstance(source, Transcript) else items)
    ]
    return ValidationResult([] if problems else items, problems, "json")
