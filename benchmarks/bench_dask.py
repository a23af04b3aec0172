"""``convert --executor dask`` against ``-j 2``: scheduling overhead and worker memory.

Writes N small JSON transcripts, converts them to a directory of JSON files with ``-j 2`` and
then on a running two-worker ``LocalCluster`` (``--executor dask --scheduler ADDRESS``), each
run as the ``transcript`` command in a child process. Prints both times and their ratio, and the
resident memory of each worker sampled during the Dask run. Exits 1 when the Dask run is more
than ``--limit`` (1.25) times slower, or when a worker's memory grows during the run (peak of
the last quarter of its samples from its first task on above the first quarter's by more than
25 % and 20 MB).

The cluster is started before the timed run: its start (a few seconds) is paid once per
cluster, not per batch, and is printed separately.

Run from the repository root::

    python -m benchmarks.bench_dask [--n 10000] [--limit 1.25]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tests" / "data" / "cli" / "valid.json"
MB = 1024 * 1024


def write_inputs(folder: Path, count: int) -> None:
    """``count`` small transcripts (about 1 KB each), differing by id."""
    folder.mkdir()
    template = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    for index in range(count):
        template["id"] = f"session-{index:05d}"
        (folder / f"s{index:05d}.json").write_text(json.dumps(template), encoding="utf-8")


def convert(inputs: Path, out: Path, *extra: str) -> float:
    """Seconds to run ``transcript convert`` on ``inputs``; fails loudly if the command does."""
    command = [sys.executable, "-m", "transcript_model", "convert", str(inputs)]
    command += ["--to", "json", "--out-dir", str(out), "-q", *extra]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


class Sampler:
    """Samples the resident memory of every worker of a cluster in a thread."""

    def __init__(self, client: object, interval: float) -> None:
        self.client = client
        self.interval = interval
        self.samples: dict[str, list[int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            for worker, rss in self.client.run(_rss).items():  # type: ignore[attr-defined]
                self.samples.setdefault(worker, []).append(rss)
            self._stop.wait(self.interval)


def flat(samples: list[int]) -> tuple[bool, float, float]:
    """Whether memory stayed flat: the last quarter's peak against the first quarter's (MB),
    of the samples from the worker's first task on.

    A worker the scheduler gives nothing at first shows its idle size until then (62 MB,
    where a working one holds 80): counted as the run's start, that made a worker that stayed
    at 82-85 MB throughout its work look as if it grew.
    """
    working = next((i for i, rss in enumerate(samples) if rss != samples[0]), 0)
    busy = samples[working:]
    quarter = max(1, len(busy) // 4)
    first, last = max(busy[:quarter]) / MB, max(busy[-quarter:]) / MB
    return last <= max(first * 1.25, first + 20), first, last


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the numbers; exit status 1 on a miss."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of input files")
    parser.add_argument("--limit", type=float, default=1.25, help="allowed slowdown of Dask")
    args = parser.parse_args(argv)
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        write_inputs(root / "in", args.n)
        local = convert(root / "in", root / "local", "-j", "2")
        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
            ) as cluster,
            Client(cluster) as client,
        ):
            start_up = time.perf_counter() - started
            with Sampler(client, 0.25) as sampler:
                address = cluster.scheduler_address
                dask = convert(
                    root / "in", root / "dask", "--executor", "dask", "--scheduler", address
                )
        same = sorted(os.listdir(root / "local")) == sorted(os.listdir(root / "dask"))
    ratio = dask / local
    print(
        f"{args.n} files: -j 2 {local:.1f} s, dask (2 workers) {dask:.1f} s, ratio {ratio:.2f} "
        f"(limit {args.limit}); cluster start {start_up:.1f} s; same outputs: {same}"
    )
    ok = same and ratio <= args.limit
    for worker, samples in sorted(sampler.samples.items()):
        is_flat, first, last = flat(samples)
        ok = ok and is_flat
        series = " ".join(f"{s / MB:.0f}" for s in samples[:: max(1, len(samples) // 12)])
        print(f"worker {worker}: RSS MB over time: {series}; first quarter peak {first:.0f},"
              f" last quarter peak {last:.0f} -> {'flat' if is_flat else 'GROWS'}")  # fmt: skip
    print("ok" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
