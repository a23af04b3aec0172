"""``transcript validate --select/--ignore`` and the CI dialects: SARIF 2.1.0, GitLab Code
Quality, and GitHub annotations with an end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from transcript_model import cli
from transcript_model.cli.dialects import gitlab_report, sarif_document
from transcript_model.cli.report import github_line
from transcript_model.codes import CODES
from transcript_model.errors import Problem

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "cli"
INVALID = DATA / "invalid.json"
INVALID_RELATIVE = "tests/data/cli/invalid.json"
SARIF_SCHEMA = json.loads(
    (ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def codes_in(out: str) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines()]


# ---------------------------------------------------------------- --select / --ignore


def test_without_filters_both_problems_of_the_invalid_fixture_are_reported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "validate", INVALID)
    assert code == 1
    assert codes_in(out) == ["string_type", "string_pattern_mismatch", "unknown_speaker"]
    assert "ignored" not in err


def test_ignore_a_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "--ignore", "string_type", INVALID)
    assert code == 1
    assert codes_in(out) == ["string_pattern_mismatch", "unknown_speaker"]
    assert "(2 errors, 0 warnings, 1 ignored)" in err


def test_ignoring_every_problem_of_a_file_makes_it_pass(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "validate", "--ignore", "string_,unknown_speaker", INVALID)
    assert code == 0
    assert out == ""
    assert "1 valid, 0 invalid" in err and "3 ignored" in err


def test_select_a_code_and_the_json_summary_counts_the_ignored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys, "validate", "--select", "string_type", "--output-format", "json", INVALID
    )
    assert code == 1
    report = json.loads(out)
    assert report["summary"]["errors"] == 1 and report["summary"]["ignored"] == 2
    assert [p["code"] for p in report["files"][0]["problems"]] == ["string_type"]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--ignore", "string_type,string_pattern_mismatch"], ["unknown_speaker"]),
        (["--ignore", "string_type", "--ignore", "string_pattern_mismatch"], ["unknown_speaker"]),
        # The more specific selector wins, as in ruff.
        (["--ignore", "string_", "--select", "string_type"], ["string_type"]),
        (["--select", "string_", "--ignore", "string_type"], ["string_pattern_mismatch"]),
        (["--select", "xml_"], []),
    ],
)
def test_selectors_combine(
    capsys: pytest.CaptureFixture[str], arguments: list[str], expected: list[str]
) -> None:
    _, out, _ = run(capsys, "validate", *arguments, INVALID)
    assert codes_in(out) == expected


@pytest.mark.parametrize("selector", ["tei", "no_such_code", "string_type,bogus_"])
def test_unknown_codes_are_a_usage_error_naming_the_catalogue(
    capsys: pytest.CaptureFixture[str], selector: str
) -> None:
    code, out, err = run(capsys, "validate", "--ignore", selector, INVALID)
    assert code == 2 and out == ""
    assert "names no problem code" in err and "docs/problems.md" in err


def test_an_ignored_unreadable_file_no_longer_fails_the_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary = tmp_path / "b.json"
    binary.write_bytes(b"{\x00}")
    assert run(capsys, "validate", binary)[0] == 2
    code, _, err = run(capsys, "validate", "--ignore", "binary", binary)
    assert code == 0 and "1 ignored" in err


# ---------------------------------------------------------------- SARIF


def _validate_sarif(document: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_the_sarif_schema_is_really_applied() -> None:
    # A result without its message is not SARIF; the check must say so.
    broken = sarif_document([Problem("json_syntax", "invalid JSON", "a.json", 1, 2)])
    del broken["runs"][0]["results"][0]["message"]
    with pytest.raises(AssertionError):
        _validate_sarif(broken)


def test_sarif_report_of_an_invalid_fixture_is_valid_sarif_2_1_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "validate", "--output-format", "sarif", INVALID_RELATIVE)
    assert code == 1
    document = json.loads(out)
    _validate_sarif(document)
    assert document["version"] == "2.1.0"
    (sarif_run,) = document["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "transcript-model" and driver["version"]
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == list(CODES)
    first, second, third = sarif_run["results"]
    assert third["ruleId"] == "unknown_speaker"  # the cross-field layer reports too
    assert (first["ruleId"], first["level"]) == ("string_type", "error")
    assert rules[first["ruleIndex"]]["id"] == "string_type"
    assert rules[first["ruleIndex"]]["shortDescription"]["text"] == CODES["string_type"].meaning
    location = first["locations"][0]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": INVALID_RELATIVE, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 4, "startColumn": 15},
    }
    assert location["logicalLocations"] == [{"fullyQualifiedName": "language"}]
    assert second["ruleId"] == "string_pattern_mismatch"
    assert second["locations"][0]["physicalLocation"]["region"]["startLine"] == 16


def test_sarif_of_mixed_problems_is_valid(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Unreadable files (no line), syntax errors, a warning, odd characters in names.
    monkeypatch.chdir(tmp_path)
    shutil.copy(INVALID, tmp_path / "a b%.json")
    (tmp_path / "binary.json").write_bytes(b"{\x00}")
    (tmp_path / "syntax.json").write_text('{"id": \n', encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--output-format", "sarif", ".", "missing.json")
    assert code == 2
    document = json.loads(out)
    _validate_sarif(document)
    results = document["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"a%20b%25.json", "binary.json", "syntax.json", "missing.json"}
    assert {r["ruleId"] for r in results} >= {"binary", "json_syntax", "not_found"}


def test_sarif_regions_carry_the_end_and_uris_outside_the_tree_are_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    outside = str(Path("/") / "elsewhere" / "x.xml")
    problems = [
        Problem("xml_syntax", "m", "in.xml", 3, 5, end_line=4, end_column=2),
        Problem("tei_dropped", "m", outside, 7, severity="warning"),
        Problem("plugin_own_code", "m", "p.txt"),  # a plugin's code outside the catalogue
    ]
    document = sarif_document(problems)
    _validate_sarif(document)
    first, second, third = document["runs"][0]["results"]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 5, "endLine": 4, "endColumn": 2}
    artifact = second["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file:///elsewhere/x.xml"}
    assert second["level"] == "warning"
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert rules[third["ruleIndex"]]["id"] == "plugin_own_code"


# ---------------------------------------------------------------- GitLab, GitHub


def test_gitlab_code_quality_report(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "validate", "--output-format", "gitlab", INVALID_RELATIVE)
    assert code == 1
    issues = json.loads(out)
    assert [issue["check_name"] for issue in issues] == [
        "string_type",
        "string_pattern_mismatch",
        "unknown_speaker",
    ]
    first = issues[0]
    assert first["description"].startswith("[string_type] language: ")
    assert first["severity"] == "major"
    assert first["location"] == {"path": INVALID_RELATIVE, "lines": {"begin": 4}}
    assert len({issue["fingerprint"] for issue in issues}) == 3
    again = json.loads(run(capsys, "validate", "--output-format", "gitlab", INVALID_RELATIVE)[1])
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


def test_gitlab_issues_without_a_line_start_at_line_1() -> None:
    (issue,) = gitlab_report([Problem("dropped", "m", "x.txt", severity="warning")])
    assert issue["location"]["lines"] == {"begin": 1}
    assert issue["severity"] == "minor"


def test_github_annotations_carry_the_end_when_it_is_known() -> None:
    problem = Problem("xml_syntax", "m", "a.xml", 3, 5, end_line=4, end_column=9)
    assert github_line(problem).startswith(
        "::error file=a.xml,line=3,endLine=4,col=5,endColumn=9,title=transcript [xml_syntax]::"
    )
    assert "end" not in github_line(Problem("xml_syntax", "m", "a.xml", 3, 5))


def test_problem_dicts_mention_the_end_only_when_known() -> None:
    plain = Problem("xml_syntax", "m", "a.xml", 3, 5)
    assert set(plain.as_dict()) == {
        "code", "message", "file", "line", "column", "path", "severity"
    }  # fmt: skip
    ended = Problem("xml_syntax", "m", "a.xml", 3, 5, end_line=3, end_column=8)
    assert (ended.as_dict()["end_line"], ended.as_dict()["end_column"]) == (3, 8)
