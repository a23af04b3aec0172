"""Memory of the turns table: 1,000 transcripts into one CSV must stay under 2x one transcript.

Writes realistic transcripts (:mod:`benchmarks.corpus`) as JSON files to a temporary directory,
then measures, each in a fresh child process, the peak Python heap (``tracemalloc``) and the peak
resident set size while reading the files one at a time and streaming them into one CSV file:
first for the largest single file, then for all of them. Streaming holds one transcript at a
time, so the two peaks should be about equal.

Files are read two ways: by path, as ``transcript convert`` does (``read_one(path)``), and from
bytes the benchmark reads itself. The first includes what :func:`transcript_model.inputs.read_bytes`
allocates for reading; the second measures the conversion alone.

Run from the repository root::

    python -m benchmarks.bench_table_memory [--count 1000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks import memory_ratio
from benchmarks.corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
#: The bound the issue sets: peak for all files over peak for one file.
LIMIT = 2.0


def measure(paths: Sequence[Path], output: Path, by_path: bool) -> dict[str, float]:
    """Stream ``paths`` into one CSV file and return the peaks (run in a fresh process)."""
    import transcript_model as tm
    from transcript_model.converters.tables import convert as turns_table

    def lazily() -> Iterator[tm.Transcript]:
        for path in paths:
            yield tm.read_one(path) if by_path else tm.read_one(path.read_bytes(), "json")

    # Imports are done first so that both runs measure the conversion, not the module loading.
    tracemalloc.start()
    started = time.perf_counter()
    with output.open("w", encoding="utf-8", newline="") as out:
        turns_table.write_stream(lazily(), out)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # ru_maxrss is in KiB on Linux (bytes on macOS); only the ratio between runs is reported.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "files": len(paths),
        "heap_peak": peak,
        "max_rss": rss,
        "seconds": seconds,
        "csv_bytes": output.stat().st_size,
    }


def _child(directory: Path, files: int, by_path: bool) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_table_memory"]
    command += ["--measure", str(directory), "--files", str(files)]  # 1: the largest file
    command += ["--by-path"] if by_path else []
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the numbers; exit status 1 when the bound is exceeded."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="transcripts to convert")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--files", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--by-path", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure is not None:
        paths = sorted(args.measure.glob("*.json"))
        if args.files == 1:
            # The baseline is the largest transcript: smaller ones would flatter the ratio.
            paths = [max(paths, key=lambda p: p.stat().st_size)]
        output = args.measure / f"out-{args.files}.csv"
        print(json.dumps(measure(paths, output, args.by_path)))
        return 0
    within = True
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        paths = write_corpus(directory, args.count, "json")
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} JSON files, {size / 1e6:.1f} MB")
        for by_path in (False, True):
            print("read by path (as the CLI does):" if by_path else "read from bytes:")
            one = _child(directory, 1, by_path)
            many = _child(directory, len(paths), by_path)
            within = (
                memory_ratio.report(
                    one, many, LIMIT, lambda run: f"CSV {run['csv_bytes'] / 1e6:5.1f} MB, "
                )
                and within
            )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
