"""Floors under ``transcript validate`` on 1,000 AKN and TEI files, beside the peer tools.

What the AKN and TEI targets of issue 18 (benchmarks.bench_targets) are measured against, taken
apart: how long any Python tool built on lxml needs at the least, on the same files with the
same two processes. Each line is the median wall time of ``--runs`` runs (each floor run right
after the others, so that load from other processes falls on all alike):

* ``python -c pass`` and ``python -c "import lxml.etree"``: start-up;
* parse: every file read and parsed by lxml, in two forked processes;
* parse + XSD / parse + profile: the same, each tree also validated against the AKN XSD (what
  xmllint does) or the project TEI profile's quick route (its structure grammar, what the
  default TEI check costs at the least), the schema compiled once before forking;
* parse + XSD + read / parse + structure + read: the same, each tree then also read into the
  model (TEI as after the quick route): the least that any check which reads the model costs;
* ``transcript validate -q`` (default ``-j``), ``xmllint --noout --schema`` and ``jing tei_all``,
  each line with its ratio to the peer tool's time.

A measurement, not a target: it always exits 0. ``python -m benchmarks.xml_floors --keep DIR``
(the corpus of bench_targets, reused when DIR holds it).
"""

from __future__ import annotations

import argparse
import importlib.resources
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bench_targets import AKN_XSD, _transcript, corpus, wall

# Parses (and with a schema, validates) the files of a directory in two forked processes.
_FLOOR = """\
import os, sys
from lxml import etree
mode, directory = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(directory, name) for name in os.listdir(directory))
schema = read = None
if mode.startswith("xsd"):
    schema = etree.XMLSchema(etree.parse(sys.argv[3]))
elif mode.startswith("profile"):
    from transcript_model.converters.tei import convert
    schema = convert._structure().structure
if mode == "xsd+read":
    from transcript_model.converters.akn.reader import read_tree as read
elif mode == "profile+read":
    from functools import partial
    from transcript_model.converters.tei.reader import read_tree
    read = partial(read_tree, profiled=True)  # as after the quick route, its lower bound
import gc
gc.freeze()  # as transcript validate does: what is imported is not scanned again and again
parser = etree.XMLParser(resolve_entities=False, no_network=True, collect_ids=False)
def work(part):
    for path in part:
        with open(path, "rb") as handle:
            tree = etree.ElementTree(etree.fromstring(handle.read(), parser))
        if schema is not None:
            schema.validate(tree)
        if read is not None:
            read(tree, path)
half = len(files) // 2
child = os.fork()
if child == 0:
    work(files[half:])
    os._exit(0)
work(files[:half])
os.waitpid(child, 0)
"""


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Wall seconds of each command, ``runs`` rounds of all of them one after the other."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(wall(command, expect=(0, 1)))
    return times


def report(title: str, times: dict[str, list[float]], peer: str | None = None) -> None:
    """One line per command: median and spread, and the median's ratio to the peer's."""
    print(title)
    reference = statistics.median(times[peer]) if peer in times else None
    for name, seconds in times.items():
        spread = f"{min(seconds):.2f}-{max(seconds):.2f}"
        median = statistics.median(seconds)
        ratio = f"  {median / reference:5.2f}x the time of {peer}" if reference else ""
        print(f"  {name:<46} {median:6.2f} s  (spread {spread}){ratio}")


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the floors; always 0."""
    parser = argparse.ArgumentParser(prog="xml_floors", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="files per format")
    parser.add_argument("--runs", type=int, default=3, help="runs per command")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (reused)")
    args = parser.parse_args(argv)
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="transcript-floors-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        directories = corpus(args.n, workdir)
        floor = workdir / "lxml_floor.py"
        floor.write_text(_FLOOR, encoding="utf-8")
        python = [sys.executable]
        start_up = {
            "python -c pass": [*python, "-c", "pass"],
            "python -c 'import lxml.etree'": [*python, "-c", "import lxml.etree"],
        }
        report("start-up", measure(start_up, args.runs))
        akn, tei = str(directories["akn"]), str(directories["tei"])
        akn_commands = {
            "lxml parse, 2 processes": [*python, str(floor), "parse", akn],
            "lxml parse + XSD, 2 processes": [*python, str(floor), "xsd", akn, str(AKN_XSD)],
            "parse + XSD + read into the model, 2 proc.": [
                *python,
                str(floor),
                "xsd+read",
                akn,
                str(AKN_XSD),
            ],
            "transcript validate -q": [*_transcript(), "validate", "-q", akn],
        }
        xmllint = shutil.which("xmllint")
        if xmllint:
            files = sorted(str(p) for p in directories["akn"].iterdir())
            akn_commands["xmllint --noout --schema"] = [
                xmllint, "--noout", "--schema", str(AKN_XSD), *files
            ]  # fmt: skip
        report(f"{args.n} AKN files", measure(akn_commands, args.runs), "xmllint --noout --schema")
        tei_commands = {
            "lxml parse, 2 processes": [*python, str(floor), "parse", tei],
            "lxml parse + profile structure, 2 proc.": [*python, str(floor), "profile", tei],
            "parse + structure + read into the model, 2 p.": [
                *python,
                str(floor),
                "profile+read",
                tei,
            ],
            "transcript validate -q": [*_transcript(), "validate", "-q", tei],
        }
        jing = shutil.which("jing")
        if jing:
            schema = importlib.resources.files("schemas") / "tei_all.rng"
            files = sorted(str(p) for p in directories["tei"].iterdir())
            tei_commands["jing tei_all"] = [jing, str(schema), *files]
        report(f"{args.n} TEI files", measure(tei_commands, args.runs), "jing tei_all")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
