"""``transcript validate``: check many files in one process and report every problem.

Each converter compiles its schema once and caches it, so checking all inputs in one process
pays for schema compilation once. Formats are imported only when a file needs them: validating
JSON never loads lxml or an XML schema.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from transcript_model.api import validate_result
from transcript_model.cli_inputs import InputFile, expand
from transcript_model.errors import Problem, TranscriptError
from transcript_model.formats import Format, all_formats, detect_format, get_format
from transcript_model.inputs import read_bytes

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2

#: Problems that mean the file could not be checked at all (exit code 2, not 1).
UNREADABLE_CODES = frozenset(
    {
        "unreadable",
        "not_found",
        "too_large",
        "binary",
        "unknown_format",
        "write_only",
        "internal_error",
    }
)


@dataclass
class FileReport:
    """What checking one input found."""

    file: str
    format: str | None
    transcripts: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def unreadable(self) -> bool:
        """True when the file could not be checked at all."""
        return any(p.code in UNREADABLE_CODES for p in self.problems)

    def failed(self, strict: bool) -> bool:
        """True when the file is invalid: any error, or any warning under ``--strict``."""
        return any(strict or p.severity == "error" for p in self.problems)

    def as_dict(self, strict: bool) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "file": self.file,
            "format": self.format,
            "valid": not self.failed(strict),
            "transcripts": self.transcripts,
            "problems": [p.as_dict() for p in self.problems],
        }


def check_file(
    item: InputFile, forced: str | None, max_bytes: int, debug: bool = False
) -> FileReport:
    """Validate one input completely; never raises for bad input."""
    name: str | None = None
    try:
        data = item.data if item.path is None else read_bytes(item.path, max_bytes)
        assert data is not None  # stdin inputs carry their bytes
        name = forced or detect_format(item.name_for_detection, data)
        fmt = get_format(name)
        if not fmt.reads:
            raise TranscriptError.single(
                "write_only", f"{fmt.name} is an export-only format: it cannot be checked"
            )
    except TranscriptError as error:
        return FileReport(item.display, name, problems=_relocated(error.problems, item.display))
    try:
        result = validate_result(data, name, origin=item.display, max_bytes=max_bytes)
    except Exception as error:  # a converter bug: report it for this file and check the others
        if debug:
            traceback.print_exc()
        message = f"internal error in the {name} checker: {type(error).__name__}: {error}"
        return FileReport(
            item.display, name, problems=[Problem("internal_error", message, item.display)]
        )
    return FileReport(item.display, name, len(result.transcripts), list(result.problems))


def _relocated(problems: list[Problem], file: str) -> list[Problem]:
    # Problems raised before a file name was known say "<input>"; name the file instead.
    return [p if p.file == file else replace(p, file=file) for p in problems]


def github_path(file: str) -> str:
    """A path as GitHub annotations want it: relative to the workspace, no leading ``./``."""
    if os.path.isabs(file):
        relative = os.path.relpath(file)
        if not relative.startswith(".."):
            file = relative
    while file.startswith("./"):
        file = file[2:]
    return file


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(problem: Problem) -> str:
    """One GitHub Actions workflow command (``::error file=…,line=…,col=…::…``)."""
    properties = [f"file={_escape_property(github_path(problem.file))}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append(f"title={_escape_property(f'transcript [{problem.code}]')}")
    where = f"{problem.path}: " if problem.path else ""
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(where + problem.message)}"


def text_line(problem: Problem) -> str:
    """``path:line:col: [code] message``; warnings say so after the code."""
    if problem.severity == "error":
        return str(problem)
    where = f"{problem.path}: " if problem.path else ""
    return f"{problem.location()}: [{problem.code}] warning: {where}{problem.message}"


def _summary(reports: list[FileReport], strict: bool) -> dict[str, int]:
    unreadable = sum(r.unreadable for r in reports)
    invalid = sum(r.failed(strict) and not r.unreadable for r in reports)
    problems = [p for r in reports for p in r.problems]
    return {
        "files": len(reports),
        "valid": len(reports) - unreadable - invalid,
        "invalid": invalid,
        "unreadable": unreadable,
        "errors": sum(p.severity == "error" for p in problems),
        "warnings": sum(p.severity == "warning" for p in problems),
    }


def _summary_line(counts: dict[str, int]) -> str:
    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (
        f"checked {plural(counts['files'], 'file')}: {counts['valid']} valid, "
        f"{counts['invalid']} invalid, {counts['unreadable']} unreadable "
        f"({plural(counts['errors'], 'error')}, {plural(counts['warnings'], 'warning')})"
    )


def _forced_format(name: str | None) -> Format | None:
    if name is None:
        return None
    fmt = get_format(name)
    if not fmt.reads:
        raise TranscriptError.single(
            "usage", f"--from {name}: {name} is an export-only format", "transcript"
        )
    return fmt


def run(args: argparse.Namespace) -> int:
    """Validate every input named on the command line; returns the exit code."""
    forced = _forced_format(args.source_format)
    inputs = expand(args.paths, all_formats(), forced)
    reports = [FileReport(p.file, None, problems=[p]) for p in inputs.missing]
    emitters: dict[str, Callable[[Problem], str]] = {"text": text_line, "github": github_line}
    emit = emitters.get(args.output_format)
    for report in reports:
        _emit(report, emit)
    for item in inputs.files:
        report = check_file(item, args.source_format, args.max_bytes, args.debug)
        reports.append(report)
        _emit(report, emit)
    counts = _summary(reports, args.strict)
    if args.output_format == "json":
        document = {
            "summary": counts,
            "strict": args.strict,
            "files": [r.as_dict(args.strict) for r in reports],
        }
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if not reports:
        print("transcript: no transcript files found in the given paths", file=sys.stderr)
        return EXIT_UNREADABLE
    if not args.quiet:
        print(_summary_line(counts), file=sys.stderr)
    if counts["unreadable"]:
        return EXIT_UNREADABLE
    return EXIT_INVALID if counts["invalid"] else EXIT_OK


def _emit(report: FileReport, emit: Callable[[Problem], str] | None) -> None:
    if emit is None:
        return
    for problem in report.problems:
        sys.stdout.write(emit(problem) + "\n")
