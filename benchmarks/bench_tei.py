"""TEI speed: writing and reading against lxml parse+serialise of the same documents.

Run with ``python -m benchmarks.bench_tei [COUNT]`` (default 1,000 transcripts of ~30 KB).
The targets (issue 4): writing TEI takes no more than 2x the time lxml needs to parse and
serialise the same documents; reading them back into the model no more than 3x. Validating
them (profile, pointers, model) is timed too, per file. CPU time is
measured (``time.process_time``) next to wall time, because the machine may be shared.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from lxml import etree

from benchmarks.corpus import realistic_transcript
from transcript_model.converters.tei import convert as tei


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def _best(work: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """The fastest of ``repeat`` runs (by CPU time): the least disturbed measurement."""
    return min((_timed(work) for _ in range(repeat)), key=lambda pair: pair[1])


def main(argv: list[str] | None = None) -> int:
    """Print writing and reading times against lxml's; exit 1 if a target is missed."""
    args = sys.argv[1:] if argv is None else argv
    count = int(args[0]) if args else 1000
    transcripts = [realistic_transcript(n) for n in range(count)]
    texts = [tei.write([t]) for t in transcripts]
    documents = [t.encode("utf-8") for t in texts]
    size = sum(len(d) for d in documents) / count / 1024

    def write_all() -> None:
        for transcript in transcripts:
            tei.write([transcript])

    def lxml_all() -> None:
        for document in documents:
            etree.tostring(etree.fromstring(document), encoding="UTF-8")

    def read_all() -> None:
        for number, document in enumerate(documents):
            tei.read(document, f"doc{number}")

    def validate_all() -> None:
        for number, document in enumerate(documents):
            if tei.validate(document, f"doc{number}").problems:
                raise SystemExit(f"doc{number}: the written TEI does not validate")

    lxml_wall, lxml_cpu = _best(lxml_all)
    write_wall, write_cpu = _best(write_all)
    read_wall, read_cpu = _best(read_all)
    validate_wall, validate_cpu = _best(validate_all)
    back = [tei.read(d).transcripts[0] for d in documents[:20]]
    if back != transcripts[:20]:
        raise SystemExit("reading the written TEI did not give the transcripts back")
    print(f"{count} transcripts, {size:.1f} KB of TEI each")
    print(f"lxml parse+serialise: {lxml_wall:7.3f} s wall {lxml_cpu:7.3f} s CPU")
    print(
        f"write TEI:            {write_wall:7.3f} s wall {write_cpu:7.3f} s CPU  "
        f"= {write_cpu / lxml_cpu:.2f}x lxml (target <= 2x)"
    )
    print(
        f"read TEI:             {read_wall:7.3f} s wall {read_cpu:7.3f} s CPU  "
        f"= {read_cpu / lxml_cpu:.2f}x lxml (target <= 3x)"
    )
    # No target of its own: issue 6 compares whole `transcript validate` processes with jing
    # (benchmarks/bench_cli.py); this is the per-file share of it.
    print(
        f"validate TEI:         {validate_wall:7.3f} s wall {validate_cpu:7.3f} s CPU  "
        f"= {validate_cpu / count * 1000:.2f} ms CPU a file"
    )
    return 0 if write_cpu <= 2 * lxml_cpu and read_cpu <= 3 * lxml_cpu else 1


if __name__ == "__main__":
    raise SystemExit(main())
