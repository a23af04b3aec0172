"""Every benchmark in one command: ``python -m benchmarks.run --n 1000`` (by hand, not in CI).

Runs the command-line benchmark (:mod:`benchmarks.bench_cli`) and then each format's own
benchmark module that is present (``bench_text``, ``bench_tei``, ``bench_akn``,
``bench_table_memory``) through its ``main()``, each in a fresh Python process: benchmarks that
read the peak memory of their child processes (``RUSAGE_CHILDREN``) would otherwise see the
children of the benchmarks before them. A module gets the size as ``--n N``, ``--count N`` or a
first positional argument, whichever its source shows, and no arguments otherwise.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OTHER_BENCHMARKS = (
    "bench_text",
    "bench_tei",
    "bench_akn",
    "bench_table_memory",
    "bench_parquet_memory",
    "bench_complexity",
)
_CALL_MAIN = "import sys; from benchmarks.{name} import main; sys.exit(main({arguments!r}))"


def size_arguments(source: str, n: int) -> list[str]:
    """How a benchmark whose source is ``source`` takes the corpus size ``n``."""
    # The modules were written in parallel and take the size in different ways; pass it in the
    # way each one's source shows, or nothing (their defaults are 1,000 too).
    for option in ("--n", "--count"):
        if f'"{option}"' in source:
            return [option, str(n)]
    return [str(n)] if "int(args[0])" in source else []


def run_module(name: str, arguments: list[str]) -> int | None:
    """Run ``benchmarks.<name>.main(arguments)`` in a fresh process; None when it is absent."""
    spec = importlib.util.find_spec(f"benchmarks.{name}")
    if spec is None or spec.origin is None:
        return None
    start = time.perf_counter()
    code = _CALL_MAIN.format(name=name, arguments=arguments)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False)
    print(f"({name} took {time.perf_counter() - start:.1f} s, exit status {done.returncode})")
    return done.returncode


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark; returns 1 when any reports a missed target or fails."""
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="transcripts per format")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best kept)")
    args = parser.parse_args(argv)
    status = 0
    for name in ("bench_cli", *OTHER_BENCHMARKS):
        print(f"\n== {name}", flush=True)
        spec = importlib.util.find_spec(f"benchmarks.{name}")
        source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
        arguments = size_arguments(source, args.n)
        if name == "bench_cli":
            arguments += ["--repeat", str(args.repeat)]
        result = run_module(name, arguments)
        if result is None:
            print(f"{name}: not present, skipped")
        elif result:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
