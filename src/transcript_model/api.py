"""The public API: read, write and validate transcripts by format name."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from transcript_model.errors import Problem, TranscriptError
from transcript_model.formats import ValidationResult, detect_format, get_format, load_module
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult, check_size, read_bytes
from transcript_model.model import Transcript

Source = str | bytes | os.PathLike[str]


def _load(
    source: Source, fmt: str | None, max_bytes: int, origin: str | None
) -> tuple[bytes, str, str]:
    if isinstance(source, os.PathLike):
        name = origin or str(Path(source))
        data = read_bytes(source, max_bytes)
    else:
        name = origin or "<input>"
        data = source.encode("utf-8") if isinstance(source, str) else source
        check_size(data, name, max_bytes)
    file_name = str(source) if isinstance(source, os.PathLike) else origin
    return data, (fmt or detect_format(file_name, data)), name


def read_result(
    source: Source,
    format: str | None = None,
    *,
    origin: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: Any,
) -> ReadResult:
    """Like :func:`read`, but also return the reader's warnings (what it had to drop)."""
    data, fmt_name, name = _load(source, format, max_bytes, origin)
    fmt = get_format(fmt_name, name)
    if not fmt.reads:
        raise TranscriptError.single("write_only", f"{fmt.name} is an export-only format", name)
    try:
        return fmt.load().read(data, name, **options)
    except TranscriptError:
        _raise_if_path_given_as_text(source, name)
        raise


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
    ``"akn"``, …); when omitted it is detected from the file name and the content. ``origin``
    names the input in error messages. Inputs over ``max_bytes`` are refused.

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


def write(transcripts: Transcript | Sequence[Transcript], format: str, **options: Any) -> str:
    """Render one transcript, or several, in ``format``; returns the text of the file.

    Formats that hold one transcript per file (``tei``, ``akn``) refuse a list of several; use
    :func:`write_each` for them.
    """
    items = [transcripts] if isinstance(transcripts, Transcript) else list(transcripts)
    fmt = get_format(format)
    if not fmt.writes:
        raise TranscriptError.single("read_only", f"{fmt.name} can be read but not written")
    if fmt.one_per_file and len(items) != 1:
        raise TranscriptError.single(
            "one_per_file", f"{fmt.name} holds one transcript per file, {len(items)} given"
        )
    return fmt.load().write(items, **{**dict(fmt.write_options), **options})


def write_each(transcripts: Sequence[Transcript], format: str, **options: Any) -> dict[str, str]:
    """Render each transcript separately; returns ``{file name: text}``, named by transcript id."""
    fmt = get_format(format)
    return {f"{t.id}{fmt.extension}": write(t, format, **options) for t in transcripts}


def validate(
    source: Source,
    format: str | None = None,
    *,
    origin: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Problem]:
    """Check ``source`` completely and return every problem found (an empty list: valid).

    Checks syntax, the model and its cross-references, and for XML formats the schema. Never
    raises for bad input: unreadable input is reported as a problem too.
    """
    return validate_result(source, format, origin=origin, max_bytes=max_bytes).problems


def validate_result(
    source: Source,
    format: str | None = None,
    *,
    origin: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ValidationResult:
    """Like :func:`validate`, but also return the transcripts that were read."""
    try:
        data, fmt_name, name = _load(source, format, max_bytes, origin)
        fmt = get_format(fmt_name, name)
        module = load_module(fmt)
        if hasattr(module, "validate"):
            result: ValidationResult = module.validate(data, name)
            return result
        read_back = fmt.load().read(data, name)
        return ValidationResult(read_back.transcripts, [])
    except TranscriptError as error:
        return ValidationResult([], error.problems)
