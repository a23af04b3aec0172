"""The verdict of the streaming-memory benchmarks: peak memory of all files against one file."""

from __future__ import annotations

from collections.abc import Callable

#: Growth of the heap peak below which the ratio is not judged (bytes).
HEAP_SLACK = 1_000_000


def report(
    one: dict[str, float],
    many: dict[str, float],
    limit: float,
    extra: Callable[[dict[str, float]], str],
) -> bool:
    """Print both runs (``extra`` adds the benchmark's own columns) and whether the peaks of
    the run over every file stay within ``limit`` times those of the run over one file."""
    for run in (one, many):
        print(
            f"  {run['files']:>5.0f} file(s): heap peak {run['heap_peak'] / 1e6:7.2f} MB, "
            f"{extra(run)}max RSS {run['max_rss'] / 1024:6.1f} MiB, {run['seconds']:6.2f} s"
        )
    heap_ratio = many["heap_peak"] / one["heap_peak"]
    rss_ratio = many["max_rss"] / one["max_rss"]
    print(f"  ratio all/one: heap peak {heap_ratio:.2f}, max RSS {rss_ratio:.2f} (limit {limit})")
    # A heap peak under a megabyte is the interpreter's own noise: once the writers streamed,
    # one file's peak fell to 0.25 MB and 1,000 files' to 0.6 MB (from 1.1 and 1.3 MB), a
    # ratio of 2.4 that says nothing about growth with the number of files.
    heap_within = heap_ratio <= limit or many["heap_peak"] - one["heap_peak"] < HEAP_SLACK
    return heap_within and rss_ratio <= limit
