"""``--executor dask`` and ``transcript_model.dask`` on a two-worker local cluster.

One cluster is started for the module (a few seconds), and one more for each test that kills a
worker; every test passes its address with ``--scheduler``, as a user of a running cluster would.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask", reason="the Dask executor needs the extra transcript-model[dask]")
pytest.importorskip("distributed", reason="the Dask executor needs transcript-model[dask]")

import fsspec
from distributed import Client, LocalCluster

from transcript_model.cli.main import main

ROOT = Path(__file__).parent.parent
DATA = ROOT / "tests" / "data"


@contextlib.contextmanager
def _two_workers() -> Iterator[Client]:
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    dask_client = Client(cluster)
    try:
        yield dask_client
    finally:
        dask_client.close()
        # After a nanny restarted a killed worker under a new address, distributed's
        # worker-status watcher can raise KeyError while the cluster closes (a race inside
        # distributed, seen in CI); the run under test has finished by then.
        with contextlib.suppress(KeyError):
            cluster.close()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """The cluster every test but the worker-killing ones shares."""
    with _two_workers() as dask_client:
        yield dask_client


@pytest.fixture
def own_client() -> Iterator[Client]:
    """A cluster of its own for a test that kills a worker, so the shared one stays whole."""
    with _two_workers() as dask_client:
        yield dask_client


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Valid, invalid and unreadable inputs of several formats."""
    folder = tmp_path / "in"
    folder.mkdir()
    for source in (
        *sorted((DATA / "cli").glob("*.json")),
        *sorted((DATA / "akn").glob("*.xml")),
        *sorted((ROOT / "examples").glob("*.tei.xml")),
        ROOT / "examples" / "kremlin-2022-03-11.txt",
        DATA / "html" / "kremlin-ru-meeting.html",
    ):
        shutil.copy(source, folder / source.name)
    (folder / "broken.json").write_text("{broken", encoding="utf-8")
    (folder / "dangling.json").symlink_to(folder / "gone.json")  # unreadable
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("output_format", ["json", "text", "sarif"])
def test_validate_reports_as_the_local_executor(
    capsys: pytest.CaptureFixture[str], client: Client, mixed: Path, output_format: str
) -> None:
    local = run(capsys, "validate", mixed, "-j", "2", "--output-format", output_format)
    dask = run(
        capsys, "validate", mixed, "--output-format", output_format,
        "--executor", "dask", "--scheduler", client.scheduler.address,
    )  # fmt: skip
    assert dask == local
    assert local[0] == 2  # the dangling link is unreadable
    if output_format == "json":
        summary = json.loads(local[1])["summary"]
        assert summary["files"] == 11 and summary["invalid"] >= 2 and summary["unreadable"] == 1


@pytest.mark.parametrize("target", ["json", "tei", "csv"])
def test_convert_outputs_as_the_local_executor(
    capsys: pytest.CaptureFixture[str], client: Client, mixed: Path, tmp_path: Path, target: str
) -> None:
    address = client.scheduler.address
    local = run(capsys, "convert", mixed, "--to", target, "--out-dir", tmp_path / "a", "-j", "2")
    dask = run(
        capsys, "convert", mixed, "--to", target, "--out-dir", tmp_path / "b",
        "--executor", "dask", "--scheduler", address,
    )  # fmt: skip
    assert dask[0] == local[0] == 2
    assert dask[2].replace(str(tmp_path / "b"), "OUT") == local[2].replace(
        str(tmp_path / "a"), "OUT"
    )
    assert files(tmp_path / "b") == files(tmp_path / "a")
    assert len(files(tmp_path / "a")) == 8
    one = run(
        capsys, "convert", mixed, "--to", "csv", "-o", tmp_path / "one.csv",
        "--executor", "dask", "--scheduler", address,
    )  # fmt: skip
    run(capsys, "convert", mixed, "--to", "csv", "-o", tmp_path / "two.csv", "-j", "2")
    assert one[0] == 2
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


def test_duplicate_ids_are_refused_as_by_the_local_executor(
    capsys: pytest.CaptureFixture[str], client: Client, tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(3):
        shutil.copy(DATA / "cli" / "valid.json", inputs / f"copy{index}.json")
    local = run(capsys, "convert", inputs, "--to", "json", "--out-dir", tmp_path / "a", "-j", "2")
    dask = run(
        capsys, "convert", inputs, "--to", "json", "--out-dir", tmp_path / "b",
        "--executor", "dask", "--scheduler", client.scheduler.address,
    )  # fmt: skip
    assert "duplicate_output" in dask[2]
    assert dask[0] == local[0] == 1
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_memory_urls_in_and_out(
    capsys: pytest.CaptureFixture[str], client: Client, mixed: Path, tmp_path: Path
) -> None:
    memory = fsspec.filesystem("memory")
    for path in mixed.iterdir():
        if path.exists():
            memory.pipe_file(f"/corpus/{path.name}", path.read_bytes())
    try:
        code, _, err = run(
            capsys, "convert", "memory://corpus", "--to", "json", "--out-dir", "memory://out",
            "--executor", "dask", "--scheduler", client.scheduler.address,
        )  # fmt: skip
        run(capsys, "convert", mixed, "--to", "json", "--out-dir", tmp_path / "a", "-j", "2")
        written = {p.rsplit("/", 1)[-1]: memory.cat_file(p) for p in memory.find("/out")}
        assert code == 1  # broken.json and invalid.json fail; nothing is unreadable
        assert "memory:///corpus/broken.json" in err
        assert written == files(tmp_path / "a")
        validated = run(
            capsys, "validate", "memory://corpus/*.json", "--output-format", "json",
            "--executor", "dask", "--scheduler", client.scheduler.address,
        )  # fmt: skip
        names = [f["file"] for f in json.loads(validated[1])["files"]]
        assert names == [f"memory:///corpus/{n}" for n in ("broken.json", "invalid.json",
                                                           "two.json", "valid.json")]  # fmt: skip
    finally:
        memory.rm("/corpus", recursive=True)
        if memory.exists("/out"):
            memory.rm("/out", recursive=True)


def _many(folder: Path, count: int) -> None:
    folder.mkdir()
    template = json.loads((DATA / "cli" / "valid.json").read_text(encoding="utf-8"))
    for index in range(count):
        template["id"] = f"session-{index:04d}"
        (folder / f"s{index:04d}.json").write_text(json.dumps(template), encoding="utf-8")


def test_a_worker_killed_mid_run_loses_nothing(
    capsys: pytest.CaptureFixture[str], own_client: Client, tmp_path: Path
) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _many(inputs, 400)
    pids = own_client.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed: list[int] = []

    def kill_once_writing_started() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.is_dir() and any(out.iterdir()):
                written = sum(1 for _ in out.iterdir())
                os.kill(victim, 9)
                killed.append(written)
                return
            time.sleep(0.002)

    killer = threading.Thread(target=kill_once_writing_started)
    killer.start()
    code, _, err = run(
        capsys, "convert", inputs, "--to", "json", "--out-dir", out, "--quiet",
        "--executor", "dask", "--scheduler", own_client.scheduler.address,
    )  # fmt: skip
    killer.join()
    assert killed and killed[0] < 400, "the worker was killed after the run had finished"
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"session-{i:04d}.json" for i in range(400)]  # every output once, no temps
    own_client.wait_for_workers(2, timeout=30)  # the nanny restarts the killed worker


def test_validate_report_is_complete_after_a_worker_is_killed(
    capsys: pytest.CaptureFixture[str], own_client: Client, tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    _many(inputs, 300)
    own_client.wait_for_workers(2, timeout=30)
    victim = sorted(own_client.run(os.getpid).values())[-1]
    timer = threading.Timer(0.5, os.kill, (victim, 9))
    timer.start()
    code, out, _ = run(
        capsys, "validate", inputs, "--output-format", "json",
        "--executor", "dask", "--scheduler", own_client.scheduler.address,
    )  # fmt: skip
    timer.join()
    report = json.loads(out)
    assert code == 0
    assert [f["file"] for f in report["files"]] == [
        str(inputs / f"s{i:04d}.json") for i in range(300)
    ]
    own_client.wait_for_workers(2, timeout=30)


def test_parquet_through_dask_is_a_dataset_with_a_row_per_paragraph(
    capsys: pytest.CaptureFixture[str], client: Client, mixed: Path, tmp_path: Path
) -> None:
    dataset = pytest.importorskip("pyarrow.dataset")
    import transcript_model as tm

    out = tmp_path / "turns"
    code, _, _ = run(
        capsys, "convert", mixed, "--to", "parquet", "--out-dir", out,
        "--executor", "dask", "--scheduler", client.scheduler.address,
    )  # fmt: skip
    assert code == 2
    table = dataset.dataset(out, format="parquet").to_table()
    from transcript_model.converters.tables.convert import turn_records

    rows: dict[str, int] = {}  # by transcript id: a repeated id is refused, the first is written
    for path in sorted(mixed.iterdir()):
        try:
            transcripts = tm.read(path)
        except Exception:
            continue
        for transcript in transcripts:
            rows.setdefault(transcript.id, len(list(turn_records(transcript))))
    expected = sum(rows.values())
    assert table.num_rows == expected
    assert table.schema.field("date").type == "date32[day]"


def test_python_api_bag_report_and_turns_frame(client: Client, mixed: Path, tmp_path: Path) -> None:
    dataset = pytest.importorskip("pyarrow.dataset")
    import transcript_model.dask as tmd

    with client.as_current():
        bag = tmd.read_bag(str(mixed))
        outcomes = bag.compute()
        assert len(outcomes) == 11
        assert sum(not o.ok for o in outcomes) == 3  # broken, invalid, dangling
        report = tmd.report(tmd.validate_bag([str(mixed), str(mixed / "missing.json")]))
        assert report["summary"]["files"] == 12
        assert report["summary"]["unreadable"] == 2
        frame = tmd.turns_frame(bag)
        frame.to_parquet(str(tmp_path / "frame"))
    rows = dataset.dataset(tmp_path / "frame", format="parquet").to_table()
    cli = dataset.dataset(_cli_parquet(mixed, tmp_path), format="parquet").to_table()
    assert rows.num_rows == cli.num_rows > 0
    assert sorted(rows.column("text").to_pylist()) == sorted(cli.column("text").to_pylist())


def _cli_parquet(mixed: Path, tmp_path: Path) -> Path:
    out = tmp_path / "all.parquet"  # one table of every transcript, repeated ids included
    main(["convert", str(mixed), "--to", "parquet", "-o", str(out), "-j", "1", "-q"])
    return out
