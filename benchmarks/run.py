"""Every benchmark in one command: ``python -m benchmarks.run --n 1000`` (by hand, not in CI).

Runs :mod:`benchmarks.bench_targets` (the targets of issue 18, three paired runs each, with
median and spread), then every other benchmark module through its ``main()``, and last
:mod:`benchmarks.xml_floors` (the least any validation that reads the model costs on the XML
targets' files, beside their peer tools), each in a fresh Python process: benchmarks that
read the peak memory of their child processes (``RUSAGE_CHILDREN``) would otherwise see the
children of the benchmarks before them. A module gets the size as ``--n N``, ``--count N`` or
a first positional argument, whichever its source shows. Every benchmark exits 1 when it
misses its target; this command lists each one's verdict at the end and exits 1 when any
missed (or failed to run).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = (
    "bench_targets",
    "bench_cli",
    "bench_text",
    "bench_tei",
    "bench_akn",
    "bench_table_memory",
    "bench_parquet_memory",
    "bench_complexity",
    "bench_dask",
    "xml_floors",
)
_OWN_SIZE = frozenset({"bench_dask"})
#: Modules that measure without a target of their own (the floors under the XML targets).
_MEASUREMENTS = frozenset({"xml_floors"})
_CALL_MAIN = "import sys; from benchmarks.{name} import main; sys.exit(main({arguments!r}))"


def size_arguments(source: str, n: int) -> list[str]:
    """How a benchmark whose source is ``source`` takes the corpus size ``n``."""
    # The modules were written in parallel and take the size in different ways; pass it in the
    # way each one's source shows, or nothing (their defaults are 1,000 too).
    for option in ("--n", "--count"):
        if f'"{option}"' in source:
            return [option, str(n)]
    return [str(n)] if "int(args[0])" in source else []


def run_module(name: str, arguments: list[str]) -> tuple[int, float] | None:
    """Run ``benchmarks.<name>.main(arguments)`` in a fresh process: its exit status and
    seconds, or None when it is absent."""
    spec = importlib.util.find_spec(f"benchmarks.{name}")
    if spec is None or spec.origin is None:
        return None
    start = time.perf_counter()
    code = _CALL_MAIN.format(name=name, arguments=arguments)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False)
    return done.returncode, time.perf_counter() - start


def _arguments(name: str, args: argparse.Namespace) -> list[str]:
    spec = importlib.util.find_spec(f"benchmarks.{name}")
    source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
    # The Dask benchmark keeps its own size (10,000 files): it measures scheduling over a
    # large batch, and at 1,000 files the client's start alone (~1 s) is the difference.
    arguments = [] if name in _OWN_SIZE else size_arguments(source, args.n)
    if name in ("bench_targets", "xml_floors"):
        arguments += ["--runs", str(args.runs)]
    elif name == "bench_cli":
        arguments += ["--repeat", str(args.runs)]
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark; returns 1 when any reports a missed target or fails."""
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="transcripts per format")
    parser.add_argument("--runs", type=int, default=3, help="paired runs per target")
    parser.add_argument(
        "--skip", action="append", default=[], metavar="NAME", help="leave out this benchmark"
    )
    args = parser.parse_args(argv)
    verdicts: list[str] = []
    status = 0
    for name in BENCHMARKS:
        if name in args.skip:
            verdicts.append(f"{name:<22} skipped (--skip)")
            continue
        print(f"\n== {name}", flush=True)
        result = run_module(name, _arguments(name, args))
        if result is None:
            verdicts.append(f"{name:<22} not present")
            continue
        code, seconds = result
        met = "measured (no target)" if name in _MEASUREMENTS else "all targets met"
        verdict = {0: met, 1: "TARGET MISSED"}.get(code, f"FAILED (exit {code})")
        verdicts.append(f"{name:<22} {verdict} ({seconds:.0f} s)")
        status = status or int(code != 0)
    load = os.getloadavg()
    print("\n== summary")
    print("\n".join(verdicts))
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return status


if __name__ == "__main__":
    sys.exit(main())
