"""The ``transcript`` command: validate, convert, formats, schema; exit codes and outputs.

Most tests run the command in-process (``cli.main``) for speed; a few run real processes to
check exit codes, the absence of tracebacks and that validating JSON never imports lxml.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import pytest

import transcript_model as tm
from transcript_model import cli
from transcript_model.cli import jobs as cli_jobs
from transcript_model.cli.output import TEMP_SUFFIX, Progress, atomic_output
from transcript_model.cli.report import github_line, github_path
from transcript_model.converters.json import convert as json_format
from transcript_model.converters.json import quick as json_quick
from transcript_model.errors import Problem
from transcript_model.inputs import ReadResult, ValidationResult

from conftest import ROOT, SLOW_CONVERT

DATA = ROOT / "tests" / "data" / "cli"
VALID = DATA / "valid.json"
TWO = DATA / "two.json"
INVALID = DATA / "invalid.json"


def _replace_json(monkeypatch: pytest.MonkeyPatch, **changes: Any) -> None:
    """Give the json format other functions for one test (as a plugin could declare them)."""
    built_in = tm.REGISTRY._builtins()
    monkeypatch.setitem(built_in, "json", dataclasses.replace(built_in["json"], **changes))


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run the command in-process; returns (exit code, stdout, stderr)."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def use_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A directory of valid, invalid, unreadable and irrelevant files."""
    root = tmp_path / "mixed"
    (root / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(VALID, root / "a-valid.json")
    shutil.copy(TWO, root / "sub" / "b-two.json")
    shutil.copy(INVALID, root / "sub" / "deeper" / "c-invalid.json")
    (root / "d-syntax.json").write_text('{"id": "x",\n  "language": }\n', encoding="utf-8")
    (root / "e-binary.json").write_bytes(b"{\x00\x01\x02")
    (root / "f-dangling.json").symlink_to(root / "missing-target.json")
    (root / "notes.csv").write_text("not,a,transcript\n", encoding="utf-8")
    (root / ".hidden.json").write_text("not json", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config.json").write_text("not json", encoding="utf-8")
    return root


# ---------------------------------------------------------------- validate


def test_validate_valid_file_exits_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", VALID)
    assert (code, out) == (0, "")
    assert "checked 1 file: 1 valid, 0 invalid, 0 unreadable" in err


def test_validate_reports_every_error_with_line_and_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "validate", INVALID)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3, out
    assert lines[0].startswith(f"{INVALID}:4:15: [string_type] language: ")
    assert lines[1].startswith(f"{INVALID}:16:13: [string_pattern_mismatch] participants[0].id: ")
    assert "found 'vladimir putin'" in lines[1]
    # The cross-field rules report beside the field errors (issue 17).
    assert lines[2].startswith(f"{INVALID}:31:18: [unknown_speaker] turns[1].speaker: ")


def test_validate_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--output-format", "json", VALID, INVALID)
    assert code == 1
    report = json.loads(out)
    assert report["summary"] == {
        "files": 2,
        "valid": 1,
        "invalid": 1,
        "unreadable": 0,
        "errors": 3,
        "warnings": 0,
    }
    first, second = report["files"]
    assert (first["valid"], first["format"], first["transcripts"]) == (True, "json", 1)
    assert second["valid"] is False
    assert {(p["code"], p["line"], p["column"]) for p in second["problems"]} == {
        ("string_type", 4, 15),
        ("string_pattern_mismatch", 16, 13),
        ("unknown_speaker", 31, 18),
    }


def test_validate_github_annotations(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    relative = f"./{INVALID.relative_to(ROOT)}"
    code, out, _ = run(capsys, "validate", "--output-format", "github", relative)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(
        "::error file=tests/data/cli/invalid.json,line=4,col=15,title=transcript [string_type]::"
    ), first


def test_github_lines_escape_properties_and_data(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = Problem("code", "first 50%\nsecond", "./dir/a,b:c.json", 3, None)
    assert github_line(problem) == (
        "::error file=dir/a%2Cb%3Ac.json,line=3,title=transcript [code]::first 50%25%0Asecond"
    )
    monkeypatch.chdir(ROOT)
    assert github_path(str(VALID)) == "tests/data/cli/valid.json"
    warning = Problem("w", "dropped", "x.json", severity="warning")
    assert github_line(warning).startswith("::warning file=x.json,title=")


def test_validate_directory_with_mixed_files(
    capsys: pytest.CaptureFixture[str], mixed: Path
) -> None:
    code, out, err = run(capsys, "validate", mixed)
    assert code == 2  # unreadable inputs outrank invalid ones
    files = {line.split(":")[0] for line in out.splitlines()}
    assert files == {
        str(mixed / "sub" / "deeper" / "c-invalid.json"),
        str(mixed / "d-syntax.json"),
        str(mixed / "e-binary.json"),
        str(mixed / "f-dangling.json"),
    }
    assert "[unreadable] cannot read the file" in out
    assert "[binary]" in out
    assert "checked 6 files: 2 valid, 2 invalid, 2 unreadable" in err


def test_parallel_validation_reports_the_same_in_the_same_order(
    capsys: pytest.CaptureFixture[str], mixed: Path
) -> None:
    for number in range(6):
        shutil.copy(INVALID, mixed / f"g{number}-invalid.json")
        shutil.copy(VALID, mixed / f"h{number}-valid.json")
    single = run(capsys, "validate", "-j", "1", "--output-format", "json", mixed)
    parallel = run(capsys, "validate", "-j", "2", "--output-format", "json", mixed)
    assert single == parallel
    assert single[0] == 2
    assert json.loads(single[1])["summary"]["invalid"] == 8


def test_validate_carries_on_past_a_missing_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "validate", tmp_path / "nope.json", VALID, INVALID)
    assert code == 2
    assert f"{tmp_path / 'nope.json'}: [not_found] no such file or directory" in out
    assert str(INVALID) in out


def test_validate_glob_patterns(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, err = run(capsys, "validate", f"{mixed}/**/b-*.json", f"{mixed}/a-*.json")
    assert (code, out) == (0, "")
    assert "checked 2 files: 2 valid" in err
    code, out, _ = run(capsys, "validate", f"{mixed}/**/*.nothing")
    assert code == 2
    assert "[not_found] the pattern matches no file" in out


def test_validate_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_stdin(monkeypatch, INVALID.read_bytes())
    code, out, _ = run(capsys, "validate", "-")
    assert code == 1
    assert out.startswith("<stdin>:4:15: [string_type]")


def test_validate_forced_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    disguised = tmp_path / "transcript.data"
    shutil.copy(VALID, disguised)
    assert run(capsys, "validate", "--from", "json", disguised)[0] == 0


@pytest.mark.parametrize("name", [f.name for f in tm.all_formats() if not f.reads and f.extensions])
def test_validate_says_export_only_files_cannot_be_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    exported = tmp_path / f"out{tm.get_format(name).extension}"
    exported.write_text("{}\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", exported)
    assert code == 2
    assert out.startswith(f"{exported}: [write_only] this is {name} (")


def _without_the_quick_route(monkeypatch: pytest.MonkeyPatch) -> None:
    # A JSON file shown valid without the model never reaches the checker a test replaces.
    monkeypatch.setattr(json_quick, "valid_transcript_count", lambda data: None)


def test_warnings_fail_only_under_strict(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = json_format.validate

    def with_warning(data: bytes, origin: str = "<input>") -> ValidationResult:
        result = original(data, origin)
        warning = Problem("dropped", "a caption was dropped", origin, 2, 3, severity="warning")
        return ValidationResult(result.transcripts, [*result.problems, warning])

    monkeypatch.setattr(json_format, "validate", with_warning)
    _without_the_quick_route(monkeypatch)
    code, out, err = run(capsys, "validate", VALID)
    assert code == 0
    assert out == f"{VALID}:2:3: [dropped] warning: a caption was dropped\n"
    assert "1 warning" in err
    assert run(capsys, "validate", "--strict", VALID)[0] == 1


def test_a_checker_that_crashes_on_one_file_does_not_stop_the_others(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = json_format.validate

    def crashes_on_two(data: bytes, origin: str = "<input>") -> ValidationResult:
        if origin.endswith("two.json"):
            raise OSError("schema file missing")
        return original(data, origin)

    monkeypatch.setattr(json_format, "validate", crashes_on_two)
    _without_the_quick_route(monkeypatch)
    code, out, err = run(capsys, "validate", TWO, INVALID, VALID)
    assert code == 2
    assert out.startswith(f"{TWO}: [internal_error] internal error in the json checker: OSError")
    assert str(INVALID) in out
    assert "checked 3 files: 1 valid, 1 invalid, 1 unreadable" in err
    assert "Traceback" not in err


def test_formats_without_a_checker_show_the_reader_warnings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = json_format.read

    def read_with_warning(data: bytes, origin: str = "<input>", **options: Any) -> ReadResult:
        result = original(data, origin)
        warning = Problem("dropped", "a footnote was dropped", origin, 7, severity="warning")
        return ReadResult(result.transcripts, [warning])

    _replace_json(monkeypatch, validate=None, read=read_with_warning)
    code, out, _ = run(capsys, "validate", VALID, INVALID)
    assert code == 1
    assert out.startswith(f"{VALID}:7: [dropped] warning: a footnote was dropped\n")
    assert f"{INVALID}:4:15: [string_type]" in out
    assert run(capsys, "validate", "--strict", VALID)[0] == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["validate", "--output-format", "xml", "x.json"],
        ["validate", "--from", "no-such-format", "x.json"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err
    assert err.strip()


def test_validate_empty_directory_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "validate", tmp_path)
    assert code == 2
    assert "no transcript files found" in err


# ---------------------------------------------------------------- convert


def test_convert_file_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "convert", VALID, "--to", "json")
    assert (code, err) == (0, "")
    assert tm.read(out, "json") == tm.read(VALID)


def test_convert_stdin_to_stdout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_stdin(monkeypatch, VALID.read_bytes())
    code, out, _ = run(capsys, "convert", "-", "--to", "json", "-w", "compact=true", "-o", "-")
    assert code == 0
    assert "\n" not in out.rstrip("\n")
    assert tm.read(out, "json") == tm.read(VALID)


def test_several_transcripts_go_to_stdout_as_a_json_array(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "convert", TWO, VALID, "--to", "json")
    assert code == 0
    document = json.loads(out)
    assert [t["id"] for t in document] == ["cli-2", "cli-3", "cli-1"]


def test_several_transcripts_give_one_file_each_in_out_dir(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "convert", TWO, "--to", "json", "--out-dir", tmp_path / "out")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["cli-2.json", "cli-3.json"]
    assert tm.read_one(tmp_path / "out" / "cli-3.json").id == "cli-3"
    assert "converted 1 input (2 transcripts, 2 files written" in err


@pytest.mark.parametrize("name", [f.name for f in tm.all_formats() if f.one_per_file])
def test_one_per_file_formats_ask_for_out_dir_for_several(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = run(capsys, "convert", TWO, "--to", name)
    assert (code, out) == (2, "")
    assert "use --out-dir DIR for one file each" in err


def test_convert_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "deep" / "out.json"
    code, out, _ = run(capsys, "convert", VALID, "--to", "json", "-o", target)
    assert (code, out) == (0, "")
    assert tm.read(target) == tm.read(VALID)
    assert not list(target.parent.glob(f"*{TEMP_SUFFIX}"))


def test_convert_refuses_to_overwrite_its_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "cli-1.json"
    shutil.copy(VALID, source)
    before = source.read_bytes()
    code, _, err = run(
        capsys, "convert", source, "--to", "json", "-w", "compact=true", "-o", source
    )
    assert code == 2
    assert "refusing to overwrite" in err
    # In a batch, the input whose output would replace it is skipped, the others converted.
    shutil.copy(TWO, tmp_path / "two.json")
    code, _, err = run(capsys, "convert", tmp_path, "--to", "json", "--out-dir", tmp_path)
    assert code == 0
    assert "would overwrite an input" in err
    assert "1 skipped" in err
    assert source.read_bytes() == before
    assert (tmp_path / "cli-2.json").exists()


def test_batch_conversion_in_parallel(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(cli_jobs, "WINDOW_PER_WORKER", 2)  # several windows of work
    inputs = tmp_path / "in"
    (inputs / "nested").mkdir(parents=True)
    expected = []
    transcript = tm.read_one(VALID)
    for number in range(12):
        copy = transcript.model_copy(update={"id": f"batch-{number}"})
        folder = inputs / "nested" if number % 2 else inputs
        (folder / f"file{number}.json").write_text(tm.write(copy, "json"), encoding="utf-8")
        expected.append(f"batch-{number}.json")
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "convert", inputs, "--to", "json", "--out-dir", out_dir, "-j", "2")
    assert (code, out) == (0, "")
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(expected)
    assert tm.read_one(out_dir / "batch-7.json").id == "batch-7"
    assert "converted 12 inputs (12 transcripts, 12 files written" in err
    assert "0 failed, 0 skipped" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_batch_reports_failures_and_keeps_the_other_outputs(
    capsys: pytest.CaptureFixture[str], mixed: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "convert", mixed, "--to", "json", "--out-dir", out_dir, "-j", "2")
    assert code == 2  # unreadable inputs among the failures
    assert sorted(p.name for p in out_dir.iterdir()) == ["cli-1.json", "cli-2.json", "cli-3.json"]
    assert "converted 2 inputs (3 transcripts, 3 files written" in err
    assert "4 failed, 0 skipped" in err
    assert "c-invalid.json:16:13: [string_pattern_mismatch]" in err


def test_invalid_input_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "convert", INVALID, "--to", "json")
    assert (code, out) == (1, "")
    assert f"{INVALID}:4:15: [string_type]" in err


def test_duplicate_transcript_ids_in_a_batch_fail_clearly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "convert", VALID, TWO, TWO.with_name("valid.json"), "--to", "json",
                       "--out-dir", tmp_path)  # fmt: skip
    assert code == 0  # the same file named twice is one input
    shutil.copy(VALID, tmp_path / "copy.json")
    code, _, err = run(capsys, "convert", VALID, tmp_path / "copy.json", "--to", "json",
                       "--out-dir", tmp_path / "out")  # fmt: skip
    assert code == 1
    assert "[duplicate_output] output cli-1.json was already written from" in err


# ---------------------------------------------------------------- atomic writes, interruptions


def test_interrupted_batch_leaves_no_partial_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    transcript = tm.read_one(VALID)
    for number in range(5):
        copy = transcript.model_copy(update={"id": f"t{number}"})
        (inputs / f"{number}.json").write_text(tm.write(copy, "json"), encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "t3.json").write_text("from an earlier run\n", encoding="utf-8")
    original = json_format.write
    calls = 0

    def interrupted(transcripts: Sequence[tm.Transcript], **options: Any) -> str:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise KeyboardInterrupt
        return original(transcripts, **options)

    monkeypatch.setattr(json_format, "write", interrupted)
    code, _, err = run(capsys, "convert", inputs, "--to", "json", "--out-dir", out_dir, "-j", "1")
    assert code == 130
    assert "interrupted" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["t0.json", "t1.json", "t2.json", "t3.json"]
    assert (out_dir / "t3.json").read_text(encoding="utf-8") == "from an earlier run\n"
    assert tm.read_one(out_dir / "t2.json").id == "t2"


@pytest.mark.parametrize("failure", [KeyboardInterrupt, RuntimeError, FileExistsError])
def test_atomic_output_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, failure: type[BaseException]
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(failure), atomic_output(target) as handle:
        handle.write("half of the new")
        raise failure
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    with atomic_output(target) as handle:
        handle.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_output_gives_new_files_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    with atomic_output(target) as handle:
        handle.write("x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def _streaming_json(fail_after: int | None = None) -> dict[str, Any]:
    """A json format that also streams: one id per line, optionally failing part-way."""

    def write_stream(
        transcripts: Iterable[tm.Transcript], out: TextIO, *, prefix: str = ""
    ) -> None:
        for number, transcript in enumerate(transcripts):
            if fail_after is not None and number == fail_after:
                raise RuntimeError("the disk is on fire")
            out.write(f"{prefix}{transcript.id}\n")

    return {"write_stream": write_stream}


def test_streaming_writers_get_every_transcript_of_every_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _replace_json(monkeypatch, **_streaming_json())
    target = tmp_path / "table.txt"
    code, _, err = run(capsys, "convert", VALID, TWO, INVALID, "--to", "json", "-o", target,
                       "-w", "prefix=id:")  # fmt: skip
    assert code == 1  # the invalid input failed; the others are in the table
    assert target.read_text(encoding="utf-8") == "id:cli-1\nid:cli-2\nid:cli-3\n"
    assert "converted 2 inputs (3 transcripts, 1 file written" in err
    code, out, _ = run(capsys, "convert", TWO, "--to", "json", "-w", "prefix=")
    assert (code, out) == (0, "cli-2\ncli-3\n")


def test_a_stream_that_fails_midway_leaves_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _replace_json(monkeypatch, **_streaming_json(fail_after=1))
    target = tmp_path / "table.txt"
    code, _, err = run(capsys, "convert", TWO, "--to", "json", "-o", target)
    assert code == 2
    assert "internal error: RuntimeError: the disk is on fire" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_package_writers_lay_out_a_corpus(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def write_package(transcripts: Sequence[tm.Transcript], *, title: str = "") -> dict[str, str]:
        files = {f"sessions/{t.id}.xml": f"<{t.id}/>" for t in transcripts}
        return {f"{title}.xml": "<corpus/>", **files}

    _replace_json(monkeypatch, write_package=write_package)
    out_dir = tmp_path / "corpus"
    code, _, err = run(capsys, "convert", VALID, TWO, "--to", "json", "--package",
                       "--out-dir", out_dir, "-w", "title=ParlaMint")  # fmt: skip
    assert code == 0, err
    written = sorted(str(p.relative_to(out_dir)) for p in out_dir.rglob("*") if p.is_file())
    assert written == ["ParlaMint.xml", *(f"sessions/cli-{n}.xml" for n in (1, 2, 3))]
    # A package is one unit: an input that fails means no package at all.
    code, _, err = run(capsys, "convert", VALID, INVALID, "--to", "json", "--package",
                       "--out-dir", tmp_path / "none")  # fmt: skip
    assert code == 1
    assert "the package was not written" in err
    assert not (tmp_path / "none").exists()


def test_package_needs_a_package_writer_and_an_out_dir(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "convert", VALID, "--to", "json", "--package", "--out-dir", tmp_path)
    assert code == 2
    assert "json has no corpus packaging" in err


# ---------------------------------------------------------------- options, help, other commands


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["-w", "colour=blue"], "unknown option colour for the json writer (-w); valid: compact"),
        (["-w", "compact=maybe"], "-w compact=maybe: expected true or false"),
        (["-w", "compact"], "-w expects KEY=VALUE"),
        (["--from", "json", "-r", "corpus_root=x"], "unknown option corpus_root for the json"),
    ],
)
def test_unknown_or_malformed_options_are_usage_errors(
    capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    code, out, err = run(capsys, "convert", VALID, "--to", "json", *option)
    assert (code, out) == (2, "")
    assert message in err


def test_options_come_from_keyword_parameters_with_their_types() -> None:
    def read(
        data: bytes,
        origin: str = "<input>",
        *,
        root: str | None = None,
        limit: int = 5,
        unwrap: bool | None = None,
        max_bytes: int = 1,
    ) -> ReadResult:
        raise AssertionError("not called")

    fmt = tm.Format("probe", "a probe", read=read)
    found = fmt.options("read")
    assert {name: (o.kind, o.nullable) for name, o in found.items()} == {
        "root": (str, True),
        "limit": (int, False),
        "unwrap": (bool, True),
    }
    options = {"limit": "7", "unwrap": "no", "root": "corpus.xml"}
    assert fmt.check_options("read", options, "-r") == {
        "limit": 7,
        "unwrap": False,
        "root": "corpus.xml",
    }
    with pytest.raises(tm.TranscriptError, match="expected a number"):
        fmt.check_options("read", {"limit": "many"}, "-r")
    with pytest.raises(tm.TranscriptError, match="expects limit: int"):
        fmt.check_options("read", {"limit": "7"})  # the Python API takes typed values


def test_convert_help_names_export_only_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convert", "--help")
    assert code == 0
    for fmt in tm.all_formats():
        line = next(line for line in out.splitlines() if line.strip().startswith(fmt.name + " "))
        assert ("export only" in line) == (not fmt.reads), line


def test_formats_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats")
    assert code == 0
    assert out.splitlines()[1].split()[:4] == ["json", "yes", "yes", ".json"]
    code, out, _ = run(capsys, "formats", "--json", "--details")
    rows = {row["name"]: row for row in json.loads(out)}
    assert set(rows) == {f.name for f in tm.all_formats()}
    assert rows["json"]["validates"] is True
    assert rows["json"]["packages"] is False


def test_schema_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == tm.json_schema()
    assert run(capsys, "schema", "-o", tmp_path / "s.json")[0] == 0
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == out
    assert out == (ROOT / "schema" / "transcript.schema.json").read_text(encoding="utf-8")


def test_internal_errors_are_one_line_unless_debug(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(transcripts: Sequence[tm.Transcript], **options: Any) -> str:
        raise RuntimeError("bug")

    monkeypatch.setattr(json_format, "write", broken)
    code, _, err = run(capsys, "convert", VALID, "--to", "json")
    assert code == 2
    assert (
        err
        == "transcript: internal error: RuntimeError: bug (run with --debug for the traceback)\n"
    )
    code, _, err = run(capsys, "convert", "--debug", VALID, "--to", "json")
    assert code == 2
    assert "Traceback (most recent call last)" in err


def test_progress_bar_only_on_a_terminal_outside_ci(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    from transcript_model.cli.output import interactive

    assert interactive(sys.stderr)
    bar = Progress(10, enabled=True)
    bar.update(10, 1)
    bar.close()
    assert "[" + "#" * 30 + "] 10/10, 1 failed" in capsys.readouterr().err
    monkeypatch.setenv("CI", "true")
    assert not interactive(sys.stderr)


# ---------------------------------------------------------------- every format


def _formats(reads: bool) -> list[str]:
    return [f.name for f in tm.all_formats() if f.writes and (f.reads or not reads)]


@pytest.mark.parametrize("name", _formats(reads=False))
def test_convert_to_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    fmt = tm.get_format(name)
    code, _, err = run(capsys, "convert", VALID, "--to", name, "--out-dir", tmp_path)
    assert code == 0, err
    (output,) = tmp_path.iterdir()
    assert output.name == f"cli-1{fmt.extension}"
    assert output.stat().st_size > 0
    if fmt.reads:
        assert run(capsys, "validate", output)[0] == 0
        code, out, err = run(capsys, "convert", output, "--to", "json")
        assert code == 0, err
        assert tm.read_one(out, "json").id == "cli-1"


def _with(capability: str) -> list[str]:
    # Binary formats (parquet) are read back in their own tests.
    return [f.name for f in tm.all_formats() if capability in f.capabilities and not f.binary]


@pytest.mark.parametrize(
    "name", [n for n in _with("stream") if not tm.get_format(n).one_per_file]
)  # TEI streams too, a turn at a time, but holds one transcript per file
def test_streaming_formats_put_every_input_in_one_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    target = tmp_path / f"all{tm.get_format(name).extension}"
    code, _, err = run(capsys, "convert", DATA, "--to", name, "-o", target)
    assert code == 1  # invalid.json fails; the others are in the table
    text = target.read_text(encoding="utf-8")
    assert all(f"cli-{n}" in text for n in (1, 2, 3))
    assert "cli-4" not in text
    assert "converted 2 inputs (3 transcripts, 1 file written" in err


@pytest.mark.parametrize("name", _with("package"))
def test_package_formats_write_a_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    code, _, err = run(capsys, "convert", VALID, TWO, "--to", name, "--package",
                       "--out-dir", tmp_path)  # fmt: skip
    assert code == 0, err
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) > 3  # a file per transcript, and the corpus-level files
    assert not [p for p in written if p.name.endswith(TEMP_SUFFIX)]


# ---------------------------------------------------------------- real processes


def _process(*argv: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "transcript_model", *map(str, argv)],
        input=stdin,
        capture_output=True,
        check=False,
        env={**os.environ, "CI": "true"},
    )


def test_process_exit_codes_and_no_tracebacks(mixed: Path, tmp_path: Path) -> None:
    results = {
        "valid": _process("validate", VALID),
        "invalid": _process("validate", INVALID),
        "mixed": _process("validate", mixed),
        "usage": _process("convert", VALID),
        "convert": _process("convert", "-", "--to", "json", stdin=TWO.read_bytes()),
    }
    codes = {name: result.returncode for name, result in results.items()}
    assert codes == {"valid": 0, "invalid": 1, "mixed": 2, "usage": 2, "convert": 0}
    assert all(b"Traceback" not in r.stderr for r in results.values())
    assert len(json.loads(results["convert"].stdout)) == 2


def test_ctrl_c_on_a_parallel_batch_leaves_only_complete_files(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    transcript = tm.read_one(VALID)
    for number in range(200):
        copy = transcript.model_copy(update={"id": f"t{number}"})
        (inputs / f"{number}.json").write_text(tm.write(copy, "json"), encoding="utf-8")
    out_dir = tmp_path / "out"
    # Ctrl-C as a terminal sends it, to a process that takes it: a SIGINT disposition the test
    # process may have been left with (ignored) would otherwise be inherited.
    takes_ctrl_c = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
    command = [sys.executable, "-c", takes_ctrl_c + SLOW_CONVERT, "convert", str(inputs), "--to",
               "json", "--out-dir", str(out_dir), "-j", "2"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, env={**os.environ, "CI": "1"})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(out_dir.glob("*.json"))) < 5:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert b"interrupted" in err
    assert b"Traceback" not in err
    written = list(out_dir.iterdir())
    assert 5 <= len(written) < 200
    assert not [p for p in written if not p.name.endswith(".json")]  # no temporary files
    assert all(tm.read_one(p).id == p.stem for p in written)


def test_validating_json_never_imports_lxml() -> None:
    probe = (
        "import sys; from transcript_model.cli import main;"
        f"code = main(['validate', '-q', {str(VALID)!r}]);"
        "print(code, 'lxml' in sys.modules, any(m.startswith('jsonschema') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "False", "False"]


def test_pre_commit_hook_runs_validate_on_transcript_files() -> None:
    from identify.identify import tags_from_filename

    fields = {}
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        key, sep, value = line.strip().removeprefix("- ").partition(": ")
        if sep and not key.startswith("#"):
            fields[key] = value
    assert fields["id"] == "transcript-validate"
    assert fields["entry"] == "transcript validate --skip-unrecognised"
    assert fields["require_serial"] == "true"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'transcript = "transcript_model.cli:main"' in pyproject
    types = set(fields["types_or"].strip("[]").split(", "))

    def selected(name: str) -> bool:
        # As pre-commit selects: any of types_or among the file's tags, and not excluded.
        return bool(types & tags_from_filename(name)) and not re.search(fields["exclude"], name)

    assert all(map(selected, ["a/s.json", "s.txt", "s.tei.xml", "s.akn.xml", "page.html"]))
    assert not any(map(selected, ["out.popolo.json", "turns.csv", "turns.tsv"]))
    assert not any(map(selected, ["README.md", "setup.py", "ci.yml", "pyproject.toml"]))


def test_the_dask_executor_without_its_extra_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("dask", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed
    # and as if transcript_model.dask had never been imported by an earlier test
    monkeypatch.delitem(sys.modules, "transcript_model.dask", raising=False)
    monkeypatch.delattr(tm, "dask", raising=False)
    code, out, err = run(capsys, "validate", "--executor", "dask", VALID)
    assert (code, out) == (2, "")
    assert "[missing_dependency]" in err and "transcript-model[dask]" in err
