"""Parallel work, second round (issue 18): convert workers write their own outputs (the parent
only renames them, in input order), and validate's processes share the files from both ends.
Behaviour only: the speed itself is measured by ``benchmarks.bench_targets``."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

import transcript_model as tm
from transcript_model import cli
from transcript_model.cli import convert as cli_convert
from transcript_model.cli import jobs as cli_jobs
from transcript_model.cli import validate as cli_validate
from transcript_model.cli.inputs import InputFile
from transcript_model.cli.output import TEMP_SUFFIX
from transcript_model.cli.report import FileReport

VALID = Path(__file__).parent / "data" / "cli" / "valid.json"


def _write_inputs(folder: Path, count: int, broken: tuple[int, ...] = ()) -> list[Path]:
    folder.mkdir()
    transcript = tm.read_one(VALID)
    paths = []
    for number in range(count):
        path = folder / f"in{number:03d}.json"
        text = tm.write(transcript.model_copy(update={"id": f"t{number}"}), "json")
        if number in broken:
            text = text.replace('"language": "', '"language": 5, "was": "', 1)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _convert(inputs: Path, out_dir: Path, jobs: int) -> int:
    argv = ["convert", str(inputs), "--to", "json", "--out-dir", str(out_dir), "-j", str(jobs)]
    return cli.main(argv)


def test_with_workers_the_parent_writes_no_output_itself(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _write_inputs(tmp_path / "in", 30)

    def parent_writes(path: Path, content: str | bytes) -> None:
        raise AssertionError(f"the parent wrote {path} itself")

    assert _convert(tmp_path / "in", tmp_path / "one", 1) == 0
    monkeypatch.setattr(cli_convert, "write_atomically", parent_writes)
    assert _convert(tmp_path / "in", tmp_path / "two", 2) == 0
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert len(two) == 30 and two == one  # the same files, and no temporary file left


def test_an_interrupted_parallel_conversion_leaves_no_temporary_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(cli_jobs, "WINDOW_PER_WORKER", 4)  # workers have written ahead
    _write_inputs(tmp_path / "in", 60)
    record_written = cli_convert._record_written
    calls = []

    def interrupted(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        record_written(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli_convert, "_record_written", interrupted)
    out_dir = tmp_path / "out"
    assert _convert(tmp_path / "in", out_dir, 2) == 130
    names = sorted(p.name for p in out_dir.iterdir())
    # Outputs already put in place stay, whole; no temporary file of a worker is left.
    assert {"t0.json", "t1.json"} <= set(names)
    assert not [n for n in names if not n.endswith(".json")], names
    for name in names:
        assert tm.read_one(out_dir / name).id == name.removesuffix(".json")
    assert "converted 2 inputs" in capsys.readouterr().err


def test_renamed_outputs_keep_an_existing_files_mode_and_write_through_a_link(
    tmp_path: Path,
) -> None:
    _write_inputs(tmp_path / "in", 6)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "t1.json").write_text("old")
    os.chmod(out_dir / "t1.json", 0o640)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("old")
    (out_dir / "t2.json").symlink_to(elsewhere)
    assert _convert(tmp_path / "in", out_dir, 2) == 0
    assert stat.S_IMODE((out_dir / "t1.json").stat().st_mode) == 0o640
    assert tm.read_one(out_dir / "t1.json").id == "t1"
    assert (out_dir / "t2.json").is_symlink()
    assert tm.read_one(elsewhere).id == "t2"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((out_dir / "t3.json").stat().st_mode) == 0o666 & ~mask


def test_an_output_refused_as_an_input_is_not_left_as_a_temporary_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = _write_inputs(tmp_path / "in", 8)
    # Converting into the input folder: t3.json would overwrite the input named t3.json.
    (tmp_path / "in" / "t3.json").write_bytes(paths[5].read_bytes())
    paths[5].unlink()
    argv = ["convert", str(tmp_path / "in"), "--to", "json", "--out-dir", str(tmp_path / "in")]
    assert cli.main([*argv, "-j", "2"]) == 0
    err = capsys.readouterr().err
    assert "would overwrite an input" in err
    assert not [p for p in (tmp_path / "in").iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_parallel_validation_reports_in_input_order_like_one_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(cli_validate, "WORKER_CLAIM", 1)
    _write_inputs(tmp_path / "in", 61, broken=(0, 1, 29, 30, 31, 59, 60))
    outputs = []
    for jobs in ("1", "2", "3"):
        code = cli.main(["validate", str(tmp_path / "in"), "-j", jobs])
        outputs.append((code, capsys.readouterr()))
    assert outputs[0][0] == 1
    assert outputs[0][1].out.count("[string_type]") == 7
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]


def test_validation_processes_take_the_files_from_both_ends(tmp_path: Path) -> None:
    paths = _write_inputs(tmp_path / "in", 120)
    items = [InputFile(str(p), p) for p in paths]

    def check(item: InputFile) -> FileReport:  # not picklable: the workers inherit it
        time.sleep(0.01)  # long enough for the worker to start before this process is done
        return FileReport(f"{item.display}@{os.getpid()}", "json")

    reports = list(cli_validate.check_all(items, check, 2))
    files = [report.file.rsplit("@", 1)[0] for report in reports]
    assert files == [item.display for item in items]
    mine = [report.file.endswith(f"@{os.getpid()}") for report in reports]
    # This process checked a first part of the list and a worker the rest (the first file,
    # checked before the fork, is this process's whatever happens).
    cut = mine.index(False) if False in mine else len(mine)
    assert all(mine[:cut]) and not any(mine[cut:])
    assert 0 < cut < len(items)
