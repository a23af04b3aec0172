"""What the commands print about problems, shared by ``validate`` and ``convert``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from transcript_model.codes import CODES, UNREADABLE, matches, selected
from transcript_model.errors import Problem, TranscriptError

#: Problems that mean the file could not be checked at all (exit code 2, not 1).
UNREADABLE_CODES = UNREADABLE


EXCEPTION_TEXT_LIMIT = 160


def describe_exception(error: BaseException) -> str:
    """``Type: text`` of an unexpected exception, its text cut short."""
    text = " ".join(str(error).split())
    if len(text) > EXCEPTION_TEXT_LIMIT:
        text = text[: EXCEPTION_TEXT_LIMIT - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


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
    """One GitHub Actions workflow command (``::error file=…,line=…,col=…::…``), with
    ``endLine`` and ``endColumn`` when the problem knows where it ends."""
    properties = [f"file={_escape_property(github_path(problem.file))}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.end_line is not None:
            properties.append(f"endLine={problem.end_line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
            if problem.end_column is not None:
                properties.append(f"endColumn={problem.end_column}")
    properties.append(f"title={_escape_property(f'transcript [{problem.code}]')}")
    where = f"{problem.path}: " if problem.path else ""
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(where + problem.message)}"


def text_line(problem: Problem) -> str:
    """``path:line:col: [code] message``; warnings say so after the code."""
    if problem.severity == "error":
        return str(problem)
    where = f"{problem.path}: " if problem.path else ""
    return f"{problem.location()}: [{problem.code}] warning: {where}{problem.message}"


def print_skipped(skipped: Sequence[Problem]) -> None:
    """Say on standard error which entries of directories and patterns were left out."""
    for problem in skipped:
        print(text_line(problem), file=sys.stderr)


@dataclass
class CodeFilter:
    """Which problems a command reports, from ``--select`` and ``--ignore`` (as ruff has them).

    A selector names a code, or every code starting with it when it ends in ``_`` (``tei_``).
    The most specific selector that matches a code decides; between a ``--select`` and an
    ``--ignore`` equally specific, the ignore wins. Without ``--select`` every code is selected.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: How many problems :meth:`keep` left out.
    ignored: int = 0
    _verdicts: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def from_arguments(cls, select: Iterable[str], ignore: Iterable[str]) -> CodeFilter | None:
        """The filter the arguments ask for (None when they ask for none); a selector that
        names no catalogued code is a usage error."""
        chosen = _selectors(select, "--select")
        left_out = _selectors(ignore, "--ignore")
        return cls(chosen, left_out) if chosen or left_out else None

    def selects(self, code: str) -> bool:
        """True when problems of ``code`` are reported."""
        verdict = self._verdicts.get(code)
        if verdict is None:
            chosen = _specificity(self.select, code) if self.select else 0
            left_out = _specificity(self.ignore, code)
            verdict = chosen is not None and (left_out is None or chosen > left_out)
            self._verdicts[code] = verdict
        return verdict

    def keep(self, problems: Sequence[Problem]) -> list[Problem]:
        """The problems to report; the others are counted in :attr:`ignored`."""
        kept = [p for p in problems if self.selects(p.code)]
        self.ignored += len(problems) - len(kept)
        return kept


def _specificity(selectors: Sequence[str], code: str) -> int | None:
    lengths = [len(s) for s in selectors if matches(s, code)]
    return max(lengths) if lengths else None


def _selectors(values: Iterable[str], flag: str) -> tuple[str, ...]:
    found = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    unknown = [s for s in found if not selected(s, CODES)]
    if unknown:
        raise TranscriptError.single(
            "usage",
            f"{flag}: {', '.join(map(repr, unknown))} names no problem code (a code, or a "
            "prefix ending in '_' such as 'tei_'; the catalogue is transcript_model.codes, "
            "listed in docs/problems.md)",
            "transcript",
        )
    return found


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


def summary(reports: list[FileReport], strict: bool) -> dict[str, int]:
    """The counts of a report: files valid, invalid and unreadable, errors and warnings."""
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
