"""Speed of ``transcript validate`` against the tools people use today, on N transcripts.

Generates N realistic transcripts (``benchmarks.corpus``: ~30 KB, ~40 turns, ~150 paragraphs)
in every format that can be written and read back, then times whole processes (wall clock,
best of ``--repeat`` runs) and reports the issue's ratios against floors measured in the same
run:

* JSON: ``transcript validate`` ≤ 3× a Python script that only reads and ``json.loads`` the
  files, and ≥ 8× faster than ``check-jsonschema --schemafile schema/transcript.schema.json``;
* TEI: ≥ 3× faster than ``jing`` with tei_all;
* AKN: no slower than ``xmllint --noout --schema akomantoso30.xsd``;
* one small JSON file: under 0.25 s.

A tool that is not installed is skipped with a note. Run by hand, not in CI::

    python -m benchmarks.bench_cli --n 1000
"""

from __future__ import annotations

import argparse
import importlib.resources
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import realistic_transcript

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema" / "transcript.schema.json"
SMALL_FILE_LIMIT = 0.25

_READ_ONLY_FLOOR = """\
import json, os, sys
for root, _, files in os.walk(sys.argv[1]):
    for name in files:
        with open(os.path.join(root, name), "rb") as handle:
            json.loads(handle.read())
"""


@dataclass
class Row:
    """One comparison: our time, the other tool's, and whether the target is met."""

    label: str
    ours: float
    other: float | None
    target: str
    met: bool | None
    note: str = ""

    def render(self) -> str:
        """One line of the report."""
        other = "-" if self.other is None else f"{self.other:7.2f} s"
        verdict = {True: "MET", False: "NOT MET", None: "skipped"}[self.met]
        note = f"  ({self.note})" if self.note else ""
        ours = f"ours {self.ours:6.2f} s"
        return f"{self.label:<46} {ours}  other {other}  {self.target:<14} {verdict}{note}"


def _transcript_command() -> list[str]:
    script = Path(sys.executable).parent / "transcript"
    return [str(script)] if script.exists() else [sys.executable, "-m", "transcript_model"]


#: CPU seconds (user + system) of the fastest run of each command, children included; on a
#: busy machine they show what wall time would be on an idle one.
CPU: dict[tuple[str, ...], float] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# Commands run as on a normal install, where Python caches the bytecode of the modules it
# imports: an environment that forbids writing it (some sandboxes and CI images set
# PYTHONDONTWRITEBYTECODE) would make every run compile our package's sources anew.
_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _wall(command: Sequence[str], repeat: int) -> tuple[float, int]:
    """Best wall time of ``repeat`` runs, and the exit code of the last one."""
    best, code = float("inf"), 0
    for _ in range(repeat):
        start, cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            env=_ENVIRONMENT,
        )
        wall = time.perf_counter() - start
        if wall < best:
            best, CPU[tuple(command)] = wall, _children_cpu() - cpu
        code = done.returncode
    return best, code


def generate(n: int, root: Path) -> dict[str, Path]:
    """Write N transcripts in every format that can be written and read; ``{format: dir}``."""
    import transcript_model as tm

    formats = [f for f in tm.all_formats() if f.reads and f.writes]
    directories: dict[str, Path] = {}
    broken: set[str] = set()
    for number in range(n):
        transcript = realistic_transcript(number)
        for fmt in formats:
            if fmt.name in broken:
                continue
            try:
                text = tm.write(transcript, fmt.name)
            except Exception as error:  # a format still in the works: report it, measure the rest
                print(f"note: cannot write {fmt.name}: {type(error).__name__}: {error}")
                broken.add(fmt.name)
                continue
            directory = directories.setdefault(fmt.name, root / fmt.name)
            directory.mkdir(exist_ok=True)
            (directory / f"t{number:05d}{fmt.extension}").write_text(text, encoding="utf-8")
    return {name: path for name, path in directories.items() if name not in broken}


def _existing(workdir: Path, n: int) -> dict[str, Path]:
    """The corpus a previous ``--keep`` run left in ``workdir``, if it has ``n`` files a format."""
    found = {
        d.name: d for d in sorted(workdir.iterdir()) if d.is_dir() and len(list(d.iterdir())) == n
    }
    return found if "json" in found else {}


def _files(directory: Path) -> list[str]:
    return sorted(str(p) for p in directory.iterdir())


def _ours(directory: Path, repeat: int) -> tuple[float, str]:
    seconds, code = _wall([*_transcript_command(), "validate", "-q", str(directory)], repeat)
    return seconds, "" if code == 0 else f"transcript validate exit {code}"


def bench_json(directory: Path, repeat: int, workdir: Path) -> list[Row]:
    """The two JSON ratios."""
    ours, note = _ours(directory, repeat)
    floor_script = workdir / "read_only_floor.py"
    floor_script.write_text(_READ_ONLY_FLOOR, encoding="utf-8")
    floor, _ = _wall([sys.executable, str(floor_script), str(directory)], repeat)
    rows = [
        Row(
            f"json: validate vs read+json.loads ({floor:.2f} s)",
            ours,
            floor,
            f"{ours / floor:.2f}x ≤ 3x",
            ours <= 3 * floor,
            note,
        )
    ]
    venv_checker = Path(sys.executable).parent / "check-jsonschema"
    checker = shutil.which("check-jsonschema") or str(venv_checker)
    label = "json: check-jsonschema / validate"
    if not Path(checker).exists():
        missing = "check-jsonschema not installed (pip install check-jsonschema)"
        return [*rows, Row(label, ours, None, "≥ 8x", None, missing)]
    other, code = _wall([checker, "--schemafile", str(SCHEMA), *_files(directory)], 1)
    notes = "; ".join(x for x in (note, "" if code == 0 else f"check-jsonschema exit {code}") if x)
    ratio = f"{other / ours:.1f}x ≥ 8x"
    rows.append(Row(label, ours, other, ratio, other >= 8 * ours, notes))
    return rows


def _xml_row(
    label: str, directory: Path, command: list[str] | None, factor: float, repeat: int, missing: str
) -> Row:
    ours, note = _ours(directory, repeat)
    if command is None:
        return Row(label, ours, None, f"≥ {factor:g}x", None, missing)
    other, code = _wall([*command, *_files(directory)], 1)
    extra = "" if code == 0 else f"{Path(command[0]).name} exit {code}"
    notes = "; ".join(x for x in (note, extra) if x)
    ratio = f"{other / ours:.1f}x ≥ {factor:g}x"
    return Row(label, ours, other, ratio, other >= factor * ours, notes)


def bench_tei(directory: Path, repeat: int) -> Row:
    """TEI: ours against jing with tei_all."""
    jing = shutil.which("jing")
    schema = importlib.resources.files("schemas") / "tei_all.rng"
    command = [jing, str(schema)] if jing else None
    missing = "jing not installed (apt-get install jing)"
    return _xml_row("tei: jing tei_all / validate", directory, command, 3, repeat, missing)


def bench_akn(directory: Path, repeat: int) -> Row:
    """AKN: ours against xmllint with the OASIS XSD."""
    xmllint = shutil.which("xmllint")
    xsd = ROOT / "schema" / "akn" / "akomantoso30.xsd"
    command = [xmllint, "--noout", "--schema", str(xsd)] if xmllint else None
    missing = "xmllint not installed (apt-get install libxml2-utils)"
    return _xml_row("akn: xmllint XSD / validate", directory, command, 1, repeat, missing)


def bench_small(json_dir: Path, runs: int = 11) -> Row:
    """One small JSON file: the median of several runs."""
    small = sorted(json_dir.iterdir())[0]
    command = [*_transcript_command(), "validate", "-q", str(small)]
    times = [_wall(command, 1)[0] for _ in range(runs)]
    median = statistics.median(times)
    label = f"one small JSON file (median of {runs}, min {min(times):.3f} s)"
    return Row(label, median, None, f"< {SMALL_FILE_LIMIT} s", median < SMALL_FILE_LIMIT)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the corpus, time everything, print the report; 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="bench_cli", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="transcripts per format")
    parser.add_argument("--repeat", type=int, default=3, help="runs of our command (best kept)")
    parser.add_argument(
        "--keep", metavar="DIR", help="generate into DIR and keep it (reused when complete)"
    )
    args = parser.parse_args(argv)
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="transcript-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        directories = _existing(workdir, args.n) or generate(args.n, workdir)
        took = time.perf_counter() - start
        print(f"{args.n} transcripts as {', '.join(directories)} ready in {took:.1f} s")
        rows: list[Row] = []
        if "json" in directories:
            rows += bench_json(directories["json"], args.repeat, workdir)
            rows.append(bench_small(directories["json"]))
        if "tei" in directories:
            rows.append(bench_tei(directories["tei"], args.repeat))
        if "akn" in directories:
            rows.append(bench_akn(directories["akn"], args.repeat))
        for fmt in sorted(set(directories) - {"json", "tei", "akn"}):
            seconds, note = _ours(directories[fmt], args.repeat)
            rows.append(Row(f"{fmt}: validate {args.n} files", seconds, None, "-", None, note))
        print("\n".join(row.render() for row in rows))
        print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print("CPU seconds (user+system, with children) of the fastest run of each command:")
        for command, seconds in CPU.items():
            shown = " ".join(Path(part).name if "/" in part else part for part in command[:4])
            print(f"  {seconds:7.2f}  {shown} …")
        return 1 if any(row.met is False for row in rows) else 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
