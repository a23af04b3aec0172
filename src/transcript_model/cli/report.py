"""What the commands print about problems, shared by ``validate`` and ``convert``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from transcript_model.codes import UNREADABLE
from transcript_model.errors import Problem

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


def print_skipped(skipped: Sequence[Problem]) -> None:
    """Say on standard error which entries of directories and patterns were left out."""
    for problem in skipped:
        print(text_line(problem), file=sys.stderr)
