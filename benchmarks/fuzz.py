"""A long fuzz campaign over every reader, run by hand (not in CI).

    python -m benchmarks.fuzz --cases 100000

For each reader: valid documents (synthetic transcripts written by the format's own writer, or
the repository's fixtures for read-only formats) are mutated at random — byte flips, truncation,
junk insertion, deletion, line or element duplication — and read. A reader must return valid
transcripts or raise TranscriptError within the time bound; anything else is a finding, saved
under ``--findings`` (default ``fuzz-findings/``) with its traceback for a regression test.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

import transcript_model as tm
from benchmarks.corpus import realistic_transcript

_JUNK = [
    b"\x00",
    b"<",
    b"&",
    b"]]>",
    b'"',
    b"\xff",
    b"{",
    b",",
    b"\n: ",
    b"\r",
    b"* * *\n",
    b"&#0;",
]


def _mutate(rng: random.Random, document: bytes) -> bytes:
    if not document:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    position = rng.randrange(len(document))
    choice = rng.randrange(6)
    if choice == 0:
        return (
            document[:position]
            + bytes([document[position] ^ (1 << rng.randrange(8))])
            + document[position + 1 :]
        )
    if choice == 1:
        return document[:position]
    if choice == 2:
        return document[:position] + rng.choice(_JUNK) + document[position:]
    if choice == 3:
        return document[:position] + document[position + rng.randrange(1, 200) :]
    lines = document.split(b"\n")
    index = rng.randrange(len(lines))
    if choice == 4:
        lines.insert(index, lines[index])
    else:
        del lines[index]
    return b"\n".join(lines)


def _seeds(fmt: tm.Format) -> list[bytes]:
    if fmt.writes:
        samples = [realistic_transcript(i) for i in range(3)]
        small = samples[0].model_copy(update={"turns": samples[0].turns[:6]})
        return [tm.write(t, fmt.name).encode("utf-8") for t in [small, *samples[1:]]]
    root = Path(__file__).resolve().parent.parent / "tests" / "data"
    return [
        p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix in (*fmt.extensions, ".txt")
    ][:20]


def campaign(
    fmt: tm.Format, cases: int, seed: int, findings: Path, bound: float
) -> tuple[int, int]:
    """Run ``cases`` mutated inputs through the reader of ``fmt``; return (cases, findings)."""
    rng = random.Random(seed)
    seeds = _seeds(fmt)
    if not seeds:
        return 0, 0
    found = 0
    for case in range(cases):
        data = _mutate(rng, rng.choice(seeds))
        for _ in range(rng.randrange(3)):
            data = _mutate(rng, data)
        started = time.perf_counter()
        try:
            for transcript in tm.read(data, fmt.name, origin="fuzz"):
                tm.Transcript.model_validate(transcript.model_dump())
            problem = None
        except tm.TranscriptError:
            problem = None
        except Exception:  # a finding: anything but the documented error
            problem = traceback.format_exc()
        elapsed = time.perf_counter() - started
        if problem is None and elapsed > bound:
            problem = f"took {elapsed:.2f} s (bound {bound} s)"
        if problem is not None:
            found += 1
            findings.mkdir(parents=True, exist_ok=True)
            (findings / f"{fmt.name}-{case}.input").write_bytes(data)
            (findings / f"{fmt.name}-{case}.txt").write_text(problem, encoding="utf-8")
    return cases, found


def main(argv: list[str] | None = None) -> int:
    """Run the campaign for every readable format; print a line per reader."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000, help="cases per reader")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bound", type=float, default=5.0, help="seconds allowed per input")
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    parser.add_argument("--format", action="append", help="only these formats")
    args = parser.parse_args(argv)
    total_found = 0
    for fmt in tm.all_formats():
        if not fmt.reads or (args.format and fmt.name not in args.format):
            continue
        started = time.perf_counter()
        cases, found = campaign(fmt, args.cases, args.seed, args.findings, args.bound)
        total_found += found
        seconds = time.perf_counter() - started
        print(f"{fmt.name:10} {cases:8,} cases  {found:4} findings  {seconds:7.1f} s", flush=True)
    return 1 if total_found else 0


if __name__ == "__main__":
    sys.exit(main())
