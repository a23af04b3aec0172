"""Memory of the Parquet export: 1,000 transcripts into one file within 1.5x of one transcript.

Writes realistic transcripts (:mod:`benchmarks.corpus`) as JSON files to a temporary directory,
then measures, each in a fresh child process, the peaks while reading the files one at a time
(by path, as ``transcript convert`` does) and streaming them into one Parquet file: first for
the largest single file, then for all of them.

Three peaks are reported: the Python heap (``tracemalloc``), Arrow's memory pool (where the rows
of the pending row group live, outside the Python heap) and the resident set size of the process.
The bound applies to the Python heap and to the resident set: what the process really holds.
Arrow's pool is bounded by one row group (``--row-group-size`` rows), not by the number of
transcripts; its peak is printed so a reader can see that bound.

Run from the repository root::

    python -m benchmarks.bench_parquet_memory [--count 1000] [--row-group-size 16384]
"""

from __future__ import annotations

import argparse
import io
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
LIMIT = 1.5


def measure(paths: Sequence[Path], output: Path, row_group_size: int) -> dict[str, float]:
    """Stream ``paths`` into one Parquet file and return the peaks (run in a fresh process)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    import transcript_model as tm
    from transcript_model.converters.tables import parquet

    def lazily() -> Iterator[tm.Transcript]:
        for path in paths:
            yield tm.read_one(path)

    # The first conversion loads the JSON reader and pyarrow's lazy modules (pyarrow imports
    # pandas on its first array where pandas is installed): done before measuring, so that both
    # runs measure the conversion, not the module loading.
    parquet.write_stream([tm.read_one(paths[0])], io.BytesIO())
    pool = pa.default_memory_pool()
    tracemalloc.start()
    started = time.perf_counter()
    with output.open("wb") as out:
        parquet.write_stream(lazily(), out, row_group_size=row_group_size)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # ru_maxrss is in KiB on Linux (bytes on macOS); only the ratio between runs is reported.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "files": len(paths),
        "heap_peak": peak,
        "arrow_peak": pool.max_memory(),
        "max_rss": rss,
        "seconds": seconds,
        "parquet_bytes": output.stat().st_size,
    }


def _child(directory: Path, files: int, row_group_size: int) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_parquet_memory"]
    command += ["--measure", str(directory), "--files", str(files)]  # 1: the largest file
    command += ["--row-group-size", str(row_group_size)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the numbers; exit status 1 when the bound is exceeded."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="transcripts to convert")
    # The default is the writer's own (parquet.write_stream's row_group_size).
    parser.add_argument("--row-group-size", type=int, default=16_384, help="rows per row group")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--files", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure is not None:
        paths = sorted(args.measure.glob("*.json"))
        if args.files == 1:
            # The baseline is the largest transcript: smaller ones would flatter the ratio.
            paths = [max(paths, key=lambda p: p.stat().st_size)]
        output = args.measure / f"out-{args.files}.parquet"
        print(json.dumps(measure(paths, output, args.row_group_size)))
        return 0
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        paths = write_corpus(directory, args.count, "json")
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} JSON files, {size / 1e6:.1f} MB")
        print(f"read by path (as the CLI does), {args.row_group_size} rows per row group:")
        one = _child(directory, 1, args.row_group_size)
        many = _child(directory, len(paths), args.row_group_size)
    within = memory_ratio.report(
        one,
        many,
        LIMIT,
        lambda run: (
            f"Arrow pool peak {run['arrow_peak'] / 1e6:6.2f} MB, "
            f"Parquet {run['parquet_bytes'] / 1e6:5.1f} MB, "
        ),
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
