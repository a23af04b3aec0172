"""Every benchmark in one command: ``python -m benchmarks.run --n 1000`` (by hand, not in CI).

Runs the command-line benchmark (:mod:`benchmarks.bench_cli`) and then each format's own
benchmark module that is present (``bench_text``, ``bench_tei``, ``bench_akn``,
``bench_table_memory``) through its ``main()``. A module whose ``main`` takes an argument list
gets the size as ``--n N``, ``--count N`` or a first positional argument, whichever its source
shows, and no arguments otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import sys
import time
from collections.abc import Sequence

OTHER_BENCHMARKS = ("bench_text", "bench_tei", "bench_akn", "bench_table_memory")


def _arguments(main: object, n: int) -> list[str]:
    # The modules were written in parallel and take the size in different ways; pass it in the
    # way each one's source shows, or nothing (their defaults are 1,000 too).
    try:
        source = inspect.getsource(inspect.getmodule(main))  # type: ignore[arg-type]
    except (OSError, TypeError):
        return []
    for option in ("--n", "--count"):
        if f'"{option}"' in source:
            return [option, str(n)]
    return [str(n)] if "int(args[0])" in source else []


def _run_module(name: str, n: int) -> int | None:
    """Run ``benchmarks.<name>.main``; None when the module is absent."""
    if importlib.util.find_spec(f"benchmarks.{name}") is None:
        return None
    main = importlib.import_module(f"benchmarks.{name}").main
    takes_arguments = bool(inspect.signature(main).parameters)
    start = time.perf_counter()
    try:
        result = main(_arguments(main, n)) if takes_arguments else main()
    except SystemExit as exit_:
        result = exit_.code
    except Exception as error:  # one broken benchmark must not hide the others' numbers
        print(f"{name}: failed: {type(error).__name__}: {error}")
        return 1
    print(f"({name} took {time.perf_counter() - start:.1f} s)")
    return result if isinstance(result, int) else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark; returns 1 when any reports a missed target."""
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="transcripts per format")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best kept)")
    args = parser.parse_args(argv)
    from benchmarks import bench_cli

    print(f"== bench_cli (n={args.n})")
    status = bench_cli.main(["--n", str(args.n), "--repeat", str(args.repeat)])
    for name in OTHER_BENCHMARKS:
        print(f"\n== {name}")
        result = _run_module(name, args.n)
        if result is None:
            print(f"{name}: not present, skipped")
        else:
            status = max(status, 1 if result else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
