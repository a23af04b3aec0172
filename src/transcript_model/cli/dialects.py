"""Reports in the dialects of CI systems: SARIF 2.1.0 and GitLab Code Quality.

SARIF (OASIS Static Analysis Results Interchange Format) is what GitHub code scanning, GitLab
and Azure DevOps read; its rules come from the problem-code catalogue. GitLab's Code Quality
report is a JSON array of issues with a stable fingerprint each, so that merge requests show
which problems are new.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from transcript_model.cli.report import github_path
from transcript_model.codes import CODES
from transcript_model.errors import Problem

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
TOOL_NAME = "transcript-model"
#: Where the tool is described when the installed metadata names no home page.
FALLBACK_URL = "https://pypi.org/project/transcript-model/"
#: Relative artifact URIs are relative to the root of the checked-out sources.
SOURCE_ROOT = "%SRCROOT%"


def _information_uri() -> str:
    from importlib import metadata

    try:
        urls = metadata.metadata(TOOL_NAME).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return FALLBACK_URL
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return str(url).strip()
    return FALLBACK_URL


def _version() -> str:
    from transcript_model import __version__

    return __version__


def _rules(codes: Iterable[str]) -> list[dict[str, Any]]:
    rules = []
    for code in codes:
        entry = CODES.get(code)
        rules.append(
            {
                "id": code,
                "shortDescription": {
                    "text": entry.meaning if entry else "a problem code outside the catalogue"
                },
                "defaultConfiguration": {"level": entry.severity if entry else "error"},
                "properties": {"category": entry.category if entry else "plugin"},
            }
        )
    return rules


def _artifact(file: str) -> dict[str, str]:
    path = github_path(file).replace(os.sep, "/")
    if os.path.isabs(path):  # outside the working directory: an absolute file URI
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SOURCE_ROOT}


def _region(problem: Problem) -> dict[str, int] | None:
    if problem.line is None:
        return None
    region = {"startLine": problem.line}
    if problem.column is not None:
        region["startColumn"] = problem.column
    if problem.end_line is not None:
        region["endLine"] = problem.end_line
    if problem.end_column is not None and problem.column is not None:
        region["endColumn"] = problem.end_column
    return region


def _sarif_result(problem: Problem, rule_index: int) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(problem.file)}
    region = _region(problem)
    if region is not None:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if problem.path:
        location["logicalLocations"] = [{"fullyQualifiedName": problem.path}]
    return {
        "ruleId": problem.code,
        "ruleIndex": rule_index,
        "level": problem.severity,
        "message": {"text": problem.message},
        "locations": [location],
    }


def sarif_document(problems: Iterable[Problem]) -> dict[str, Any]:
    """One SARIF 2.1.0 log with one run: the catalogue as rules, each problem a result."""
    problems = list(problems)
    codes = list(CODES)
    codes += sorted({p.code for p in problems} - set(CODES))  # a plugin's own codes
    index = {code: number for number, code in enumerate(codes)}
    driver = {
        "name": TOOL_NAME,
        "version": _version(),
        "informationUri": _information_uri(),
        "rules": _rules(codes),
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(p, index[p.code]) for p in problems],
            }
        ],
    }


def _fingerprint(problem: Problem) -> str:
    # The same problem in the same place keeps its fingerprint from run to run; the message is
    # part of it because one line can hold several problems of one code.
    parts = (problem.code, github_path(problem.file), str(problem.line), str(problem.column),
             problem.path or "", problem.message)  # fmt: skip
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def gitlab_report(problems: Iterable[Problem]) -> list[dict[str, Any]]:
    """A GitLab Code Quality report: one issue per problem."""
    issues = []
    for problem in problems:
        where = f"{problem.path}: " if problem.path else ""
        lines = {"begin": problem.line or 1}
        if problem.end_line is not None:
            lines["end"] = problem.end_line
        issues.append(
            {
                "type": "issue",
                "description": f"[{problem.code}] {where}{problem.message}",
                "check_name": problem.code,
                "fingerprint": _fingerprint(problem),
                "severity": "major" if problem.severity == "error" else "minor",
                "location": {"path": github_path(problem.file), "lines": lines},
            }
        )
    return issues
