"""Parallel work in the command (issue 18): how many workers, and that order and refusals
stay exactly as in one process while workers run ahead and files are written on threads."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import transcript_model as tm
from transcript_model import cli
from transcript_model.cli import jobs as cli_jobs
from transcript_model.cli import validate as cli_validate
from transcript_model.cli.inputs import InputFile

VALID = Path(__file__).parent / "data" / "cli" / "valid.json"


def _confined_to_one_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    # A machine of 8 CPUs, of which this process may use one (taskset, a container's cpuset).
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.delattr(os, "process_cpu_count", raising=False)


def test_the_default_number_of_workers_counts_the_cpus_this_process_may_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _confined_to_one_cpu(monkeypatch)
    assert cli_jobs.available_cores() == 1
    assert cli_validate._workers(0, 5000) == 1  # not 8 workers competing for one CPU
    assert cli_validate._workers(3, 5000) == 3  # an explicit -j is taken as given


def _write_inputs(folder: Path, ids: list[str]) -> list[Path]:
    folder.mkdir()
    transcript = tm.read_one(VALID)
    paths = []
    for number, identifier in enumerate(ids):
        path = folder / f"in{number:03d}.json"
        path.write_text(tm.write(transcript.model_copy(update={"id": identifier}), "json"))
        paths.append(path)
    return paths


def test_parallel_conversion_refuses_a_repeated_id_in_input_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(cli_jobs, "WINDOW_PER_WORKER", 2)  # workers run ahead of the writes
    ids = [f"t{number}" for number in range(40)]
    ids[31] = ids[7] = "twice"
    paths = _write_inputs(tmp_path / "in", ids)
    out_dir = tmp_path / "out"
    argv = ["convert", str(tmp_path / "in"), "--to", "json", "--out-dir", str(out_dir), "-j", "2"]
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == 1
    assert f"{paths[31]}: [duplicate_output] output twice.json was already written from " in err
    assert f"from {paths[7]} in this run" in err
    assert tm.read_one(out_dir / "twice.json").id == "twice"
    assert len(list(out_dir.iterdir())) == 39  # every other input written, no temporary file
    assert "converted 39 inputs (39 transcripts, 39 files written" in err


def test_a_consumer_that_stops_early_does_not_leave_the_pool_waiting(tmp_path: Path) -> None:
    paths = _write_inputs(tmp_path / "in", [f"t{number}" for number in range(200)])
    items = [InputFile(str(p), p) for p in paths]
    settings = cli_jobs.Settings("json", None)
    finished = threading.Event()

    def take_one_and_stop() -> None:
        outcomes = cli_jobs.run_jobs(cli_jobs.read_job, items, settings, 2)
        assert next(outcomes).status == "converted"
        outcomes.close()  # as Ctrl-C or an error in the caller does
        finished.set()

    worker = threading.Thread(target=take_one_and_stop, daemon=True)
    worker.start()
    assert finished.wait(30), "the pool's task thread kept waiting for a free slot"
