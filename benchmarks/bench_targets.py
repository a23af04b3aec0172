"""The targets of issue 18, each as paired runs: ours against a floor or a peer tool.

Every target is measured ``--runs`` times (3); each run times our side and the other side one
right after the other (in alternating order, so that load from other processes on a shared
machine falls on both alike) and gives one ratio. The report prints, per target, the median
ratio, its spread (lowest-highest) and the verdict against the target; the exit status is 1
when any measured target is missed. A target whose peer tool is not installed is skipped with
a message (it is not a miss, and not a pass).

* start-up: ``transcript validate one-small.json`` ≤ 4× ``python -c pass``;
* JSON: ``transcript validate`` on 1,000 files ≤ 3× a script that only reads and
  ``json.loads`` them; faster than ``ajv validate`` (ajv-cli, installed with npm into a
  temporary prefix when npm is there) on 1,000 and 10,000 files;
* AKN: no slower than ``xmllint --noout --schema akomantoso30.xsd``; TEI: ≥ 3× faster than
  ``jing`` with tei_all (both on 1,000 files);
* text reader: ≤ 4× reading and splitting the same files into lines (CPU time, in process);
* parallelism: ``-j 2`` ≥ 1.6× faster than ``-j 1`` converting 1,000 JSON files to TEI and
  validating them;
* memory: the peak resident memory of validating, and of converting, one ~100 MB transcript
  in each format is ≤ 3× the file's size (one run each: memory does not vary with load).

Run ``python -m benchmarks.bench_targets`` (``--n``, ``--runs``, ``--memory-mb``, ``--only``).
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transcript_model.cli.validate import PARALLEL_FROM

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema" / "transcript.schema.json"
AKN_XSD = ROOT / "schema" / "akn" / "akomantoso30.xsd"
MIB = 1024 * 1024

_READ_ONLY_FLOOR = """\
import json, os, sys
for root, _, files in os.walk(sys.argv[1]):
    for name in files:
        with open(os.path.join(root, name), "rb") as handle:
            json.loads(handle.read())
"""

# Runs a command and prints the peak resident memory (KiB) of it and its children.
_PEAK_MEMORY = """\
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.stderr.write(done.stderr.decode(errors="replace")[-2000:])
"""

# As bench_cli: commands run as on a normal install, which caches the bytecode it compiles.
_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Target:
    """One target: its ratios (ours ÷ theirs, or theirs ÷ ours when higher is better)."""

    name: str
    goal: str
    limit: float
    higher_is_better: bool = False
    ratios: list[float] = field(default_factory=list)
    skipped: str = ""
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)

    @property
    def met(self) -> bool | None:
        """None when skipped or not measured."""
        if self.skipped or not self.ratios:
            return None
        return self.median >= self.limit if self.higher_is_better else self.median <= self.limit

    def render(self) -> str:
        """One line of the report."""
        if self.met is None:
            reason = self.skipped or "not measured"
            return f"{self.name:<44} {'-':>7}  {'':<15} {self.goal:<16} SKIPPED ({reason})"
        spread = f"{min(self.ratios):.2f}-{max(self.ratios):.2f}"
        verdict = "MET" if self.met else "MISSED"
        note = f"  ({self.note})" if self.note else ""
        return (
            f"{self.name:<44} {self.median:6.2f}x  spread {spread:<8} {self.goal:<16} "
            f"{verdict}{note}"
        )


def _transcript() -> list[str]:
    script = Path(sys.executable).parent / "transcript"
    return [str(script)] if script.exists() else [sys.executable, "-m", "transcript_model"]


def wall(command: Sequence[str], expect: tuple[int, ...] = (0,)) -> float:
    """Wall seconds of one run of ``command``; fails loudly on an unexpected exit status."""
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_ENVIRONMENT, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode not in expect:
        shown = " ".join(Path(c).name if "/" in c else c for c in command[:5])
        tail = done.stderr.decode(errors="replace")[-500:]
        raise SystemExit(f"{shown} … exited {done.returncode}: {tail}")
    return seconds


def paired(
    target: Target,
    ours: Callable[[], float],
    theirs: Callable[[], float],
    runs: int,
) -> Target:
    """Fill ``target`` with ``runs`` ratios of ``ours()`` and ``theirs()`` timed side by side."""
    for number in range(runs):
        if number % 2:
            other, mine = theirs(), ours()
        else:
            mine, other = ours(), theirs()
        target.ratios.append(other / mine if target.higher_is_better else mine / other)
    return target


def median_of(command: Sequence[str], times: int) -> Callable[[], float]:
    """A timer: the median wall time of ``times`` runs of a short command."""
    return lambda: statistics.median(wall(command) for _ in range(times))


# -- corpora ---------------------------------------------------------------------------------


def corpus(n: int, workdir: Path) -> dict[str, Path]:
    """N realistic transcripts as json, text, tei and akn files, one directory each."""
    from benchmarks.corpus import realistic_transcript
    from transcript_model import get_format, write

    directories = {name: workdir / name for name in ("json", "text", "tei", "akn")}
    if all(d.is_dir() and len(list(d.iterdir())) == n for d in directories.values()):
        return directories  # a --keep directory from an earlier run
    for directory in directories.values():
        directory.mkdir(parents=True, exist_ok=True)
    for number in range(n):
        transcript = realistic_transcript(number)
        for name, directory in directories.items():
            path = directory / f"t{number:05d}{get_format(name).extension}"
            path.write_text(write(transcript, name), encoding="utf-8")
    return directories


def json_copies(source: Path, n: int, workdir: Path) -> Path:
    """``n`` JSON transcripts made from the files in ``source`` by giving copies new ids."""
    target = workdir / f"json-{n}"
    if target.is_dir() and len(list(target.iterdir())) == n:
        return target
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(source.iterdir())
    for number in range(n):
        text = files[number % len(files)].read_text(encoding="utf-8")
        head, _, rest = text.partition('"id": "')
        old_id, _, tail = rest.partition('"')
        new = f'{head}"id": "{old_id}-copy{number // len(files)}"{tail}'
        (target / f"t{number:06d}.json").write_text(new, encoding="utf-8")
    return target


def large_transcript(megabytes: float, workdir: Path) -> dict[str, Path]:
    """One transcript of about ``megabytes`` MB of JSON, written in every readable format."""
    from benchmarks.corpus import realistic_transcript
    from transcript_model import Transcript, get_format, write

    paths = {
        name: workdir / f"large{get_format(name).extension}"
        for name in ("json", "text", "tei", "akn")
    }
    if all(p.exists() for p in paths.values()):
        return paths
    base = realistic_transcript(0).model_dump(mode="json")
    speeches = [t for t in base["turns"] if t["kind"] == "speech"]
    one_round = len(json.dumps(speeches))
    rounds = max(1, int(megabytes * 1_000_000 / one_round))
    data = {**base, "turns": [base["turns"][0], *(speeches * rounds)]}
    transcript = Transcript.model_validate(data)
    for name, path in paths.items():
        path.write_text(write(transcript, name), encoding="utf-8")
    return paths


# -- targets ---------------------------------------------------------------------------------


def startup(json_dir: Path, runs: int) -> Target:
    """``transcript validate`` of one small file against a bare interpreter."""
    small = sorted(json_dir.iterdir())[0]
    target = Target("start-up: validate one file / python -c pass", "<= 4x", 4.0)
    ours = median_of([*_transcript(), "validate", "-q", str(small)], 7)
    theirs = median_of([sys.executable, "-c", "pass"], 7)
    return paired(target, ours, theirs, runs)


def json_floor(json_dir: Path, runs: int, workdir: Path) -> Target:
    """JSON validation against reading and parsing the files."""
    floor = workdir / "read_only_floor.py"
    floor.write_text(_READ_ONLY_FLOOR, encoding="utf-8")
    count = len(list(json_dir.iterdir()))
    target = Target(f"json: validate {count} / read+json.loads", "<= 3x", 3.0)
    return paired(
        target,
        lambda: wall([*_transcript(), "validate", "-q", str(json_dir)]),
        lambda: wall([sys.executable, str(floor), str(json_dir)]),
        runs,
    )


def install_ajv(workdir: Path) -> Path | None:
    """ajv-cli (with ajv-formats) in a temporary npm prefix; None without npm or network."""
    npm = shutil.which("npm")
    if npm is None:
        return None
    prefix = workdir / "ajv"
    ajv = prefix / "node_modules" / ".bin" / "ajv"
    if not ajv.exists():
        done = subprocess.run(
            [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
             "ajv-cli@5", "ajv-formats@3"],
            capture_output=True, check=False, timeout=300,
        )  # fmt: skip
        if done.returncode != 0:
            return None
    return ajv


def json_ajv(json_dir: Path, runs: int, ajv: Path | None) -> Target:
    """JSON validation against ajv-cli with the published schema."""
    count = len(list(json_dir.iterdir()))
    target = Target(f"json: validate {count} / ajv-cli", "< 1x (faster)", 1.0)
    if ajv is None:
        target.skipped = "npm not installed, or ajv-cli could not be installed"
        return target
    command = [str(ajv), "validate", "--spec=draft2020", "-c", "ajv-formats"]
    command += ["-s", str(SCHEMA), "-d", f"{json_dir}/*.json"]
    return paired(
        target,
        lambda: wall([*_transcript(), "validate", "-q", str(json_dir)]),
        lambda: wall(command),
        runs,
    )


def akn_xmllint(akn_dir: Path, runs: int) -> Target:
    """AKN validation against xmllint with the OASIS XSD."""
    target = Target(f"akn: validate {len(list(akn_dir.iterdir()))} / xmllint", "<= 1x", 1.0)
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        target.skipped = "xmllint not installed (apt-get install libxml2-utils)"
        return target
    files = sorted(str(p) for p in akn_dir.iterdir())
    return paired(
        target,
        lambda: wall([*_transcript(), "validate", "-q", str(akn_dir)]),
        lambda: wall([xmllint, "--noout", "--schema", str(AKN_XSD), *files]),
        runs,
    )


def tei_jing(tei_dir: Path, runs: int) -> Target:
    """TEI validation against jing with tei_all (theirs ÷ ours: higher is better)."""
    count = len(list(tei_dir.iterdir()))
    target = Target(f"tei: jing tei_all / validate {count}", ">= 3x", 3.0, higher_is_better=True)
    jing = shutil.which("jing")
    if jing is None:
        target.skipped = "jing not installed (apt-get install jing)"
        return target
    schema = importlib.resources.files("schemas") / "tei_all.rng"
    files = sorted(str(p) for p in tei_dir.iterdir())
    return paired(
        target,
        lambda: wall([*_transcript(), "validate", "-q", str(tei_dir)]),
        lambda: wall([jing, str(schema), *files], expect=(0, 1)),
        runs,
    )


def text_reader(text_dir: Path, runs: int) -> Target:
    """The text reader against splitting the same files (CPU seconds, in this process)."""
    from benchmarks.bench_text import read_with_reader, split_plainly

    paths = sorted(text_dir.iterdir())
    split_plainly(paths)  # warm the file cache for both sides

    def cpu(function: Callable[[list[Path]], int]) -> Callable[[], float]:
        def timed() -> float:
            start = time.process_time()
            function(paths)
            return time.process_time() - start

        return timed

    target = Target(f"text reader: {len(paths)} files / read+split", "<= 4x", 4.0)
    return paired(target, cpu(read_with_reader), cpu(split_plainly), runs)


def parallel(json_dir: Path, runs: int, workdir: Path) -> list[Target]:
    """``-j 2`` against ``-j 1`` (time with -j 1 ÷ time with -j 2: higher is better), each
    with the ceiling that its serial part sets (see :func:`amdahl_ceiling`)."""
    count = len(list(json_dir.iterdir()))
    out = workdir / "parallel-out"
    # Below PARALLEL_FROM files, validate takes another route (no pydantic): no line fits both.
    fifth = _first_files(json_dir, count // 5, workdir) if count // 5 >= PARALLEL_FROM else None

    def convert(jobs: int, directory: Path = json_dir) -> Callable[[], float]:
        def timed() -> float:
            shutil.rmtree(out, ignore_errors=True)
            command = [*_transcript(), "convert", "-q", "-j", str(jobs), str(directory)]
            return wall([*command, "--to", "tei", "--out-dir", str(out)])

        return timed

    def validate(jobs: int, directory: Path = json_dir) -> Callable[[], float]:
        return lambda: wall([*_transcript(), "validate", "-q", "-j", str(jobs), str(directory)])

    targets = []
    for label, timer in ((f"convert {count} json->tei", convert), (f"validate {count}", validate)):
        target = Target(f"-j 2 speed-up: {label}", ">= 1.6x", 1.6, higher_is_better=True)
        # ratio = theirs / ours: "ours" is -j 2, "theirs" -j 1
        targets.append(paired(target, timer(2), timer(1), runs))
        if fifth is not None:
            whole, part = timer(1), timer(1, fifth)
            target.note = amdahl_ceiling(
                [(whole(), part()) for _ in range(runs)], count, count // 5, processes=2
            )
    shutil.rmtree(out, ignore_errors=True)
    return targets


def amdahl_ceiling(times: list[tuple[float, float]], count: int, part: int, processes: int) -> str:
    """The speed-up that ``processes`` could reach at best, from ``-j 1`` times of ``count``
    and of ``part`` files (pairs): t(n) = serial + n × per_file, and only n × per_file is
    shared out. Said with the serial part it comes from."""
    whole = statistics.median(t for t, _ in times)
    some = statistics.median(t for _, t in times)
    per_file = max((whole - some) / (count - part), 0.0)
    serial = max(whole - count * per_file, 0.0)
    ceiling = whole / (serial + count * per_file / processes)
    return (
        f"ceiling {ceiling:.2f}x: -j 1 takes {whole:.2f} s, of which {serial:.2f} s "
        f"does not depend on the number of files"
    )


def _first_files(source: Path, n: int, workdir: Path) -> Path:
    """A directory of the first ``n`` files of ``source`` (copies)."""
    target = workdir / f"{source.name}-first-{n}"
    if not (target.is_dir() and len(list(target.iterdir())) == n):
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for path in sorted(source.iterdir())[:n]:
            shutil.copyfile(path, target / path.name)
    return target


def peak_memory(command: Sequence[str], timeout: float) -> int | None:
    """Peak resident memory (bytes) of ``command`` run in a fresh process; None when it
    takes longer than ``timeout`` seconds."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PEAK_MEMORY, *command],
            capture_output=True, text=True, env=_ENVIRONMENT, check=False, timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    code, kib = done.stdout.split()
    if code not in ("0", "1"):
        raise SystemExit(f"{' '.join(command[:4])} … exited {code}: {done.stderr[-500:]}")
    return int(kib) * 1024


def memory(paths: dict[str, Path], workdir: Path, timeout: float) -> list[Target]:
    """Peak memory ÷ file size, validating and converting one large file in each format."""
    targets = []
    for name, path in paths.items():
        size = path.stat().st_size
        limit = ["--max-bytes", str(size + MIB)]
        other = "tei" if name == "json" else "json"
        output = workdir / f"large-out.{other}"
        commands = {
            "validate": [*_transcript(), "validate", "-q", *limit, str(path)],
            f"convert to {other}": [
                *_transcript(), "convert", "-q", *limit, str(path), "--to", other, "-o", str(output)
            ],
        }  # fmt: skip
        for job, command in commands.items():
            target = Target(f"memory: {job} {size / 1e6:.0f} MB {name}", "<= 3x size", 3.0)
            start = time.perf_counter()
            peak = peak_memory(command, timeout)
            if peak is None:  # a miss all the same: the job did not finish
                target.ratios.append(float("inf"))
                target.note = f"did not finish in {timeout:.0f} s"
            else:
                target.ratios.append(peak / size)
                target.note = f"peak {peak / MIB:.0f} MiB, {time.perf_counter() - start:.1f} s"
            print(f"  {target.render()}", flush=True)  # each takes a while: show it at once
            targets.append(target)
        output.unlink(missing_ok=True)
    return targets


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every target and print the report; 1 when any measured target is missed."""
    parser = argparse.ArgumentParser(prog="bench_targets", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="files per format")
    parser.add_argument("--runs", type=int, default=3, help="paired runs per target")
    parser.add_argument("--large-n", type=int, default=10_000, help="files for the 2nd ajv run")
    parser.add_argument("--memory-mb", type=float, default=100, help="size of the large file")
    parser.add_argument(
        "--memory-formats", default="json,text,tei,akn", help="formats of the large file"
    )
    parser.add_argument(
        "--memory-timeout", type=float, default=300, help="seconds allowed per large-file job"
    )
    parser.add_argument("--only", default="", help="only targets whose group contains this")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (reused)")
    args = parser.parse_args(argv)
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="transcript-targets-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        targets = _measure(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    load = os.getloadavg()
    print(f"\n{len(targets)} targets, {args.runs} paired runs each (ratio: median, spread):")
    print("\n".join(target.render() for target in targets))
    print(
        f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on "
        f"{os.cpu_count()} CPUs; took {time.perf_counter() - started:.0f} s"
    )
    missed = [t.name for t in targets if t.met is False]
    print(f"{len(missed)} target(s) missed" + (f": {'; '.join(missed)}" if missed else ""))
    return 1 if missed else 0


def _measure(args: argparse.Namespace, workdir: Path) -> list[Target]:
    def wanted(group: str) -> bool:
        return args.only in group

    directories = corpus(args.n, workdir)
    targets: list[Target] = []
    steps: list[tuple[str, Callable[[], list[Target]]]] = [
        ("startup", lambda: [startup(directories["json"], args.runs)]),
        ("json floor", lambda: [json_floor(directories["json"], args.runs, workdir)]),
        ("json ajv", lambda: _ajv_targets(directories["json"], args, workdir)),
        ("akn xmllint", lambda: [akn_xmllint(directories["akn"], args.runs)]),
        ("tei jing", lambda: [tei_jing(directories["tei"], args.runs)]),
        ("text reader", lambda: [text_reader(directories["text"], args.runs)]),
        ("parallel -j", lambda: parallel(directories["json"], args.runs, workdir)),
        ("memory", lambda: _memory_targets(args, workdir)),
    ]
    for group, step in steps:
        if not wanted(group):
            continue
        start = time.perf_counter()
        measured = step()
        for target in measured if group != "memory" else ():  # memory() shows its own
            print(target.render(), flush=True)
        print(f"  ({group}: {time.perf_counter() - start:.1f} s)", flush=True)
        targets += measured
    return targets


def _memory_targets(args: argparse.Namespace, workdir: Path) -> list[Target]:
    paths = large_transcript(args.memory_mb, workdir)
    chosen = {name: path for name, path in paths.items() if name in args.memory_formats.split(",")}
    return memory(chosen, workdir, args.memory_timeout)


def _ajv_targets(json_dir: Path, args: argparse.Namespace, workdir: Path) -> list[Target]:
    ajv = install_ajv(workdir)
    targets = [json_ajv(json_dir, args.runs, ajv)]
    if args.large_n:
        large_dir = json_copies(json_dir, args.large_n, workdir) if ajv else json_dir
        targets.append(json_ajv(large_dir, args.runs, ajv))
    return targets


if __name__ == "__main__":
    sys.exit(main())
