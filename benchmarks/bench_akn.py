"""AKN speed: writing against lxml parse+serialise, XSD validation against xmllint.

Run with ``python -m benchmarks.bench_akn [COUNT]`` (default 1,000 transcripts of ~30 KB).
The targets (issue 5): writing takes no more than 2x the time lxml needs to parse and
serialise the same documents; validating them against the XSD in one process takes no more
than ``xmllint --noout --schema akomantoso30.xsd`` on the same files (skipped without xmllint).
"""

from __future__ import annotations

import importlib.resources
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from benchmarks.corpus import realistic_transcript
from transcript_model.converters._xml.safe import parse_xml
from transcript_model.converters.akn import convert as akn
from transcript_model.converters.akn.validate import schema, schema_problems, xsd_resource


def _seconds(start: float) -> float:
    return time.perf_counter() - start


def bench_write(documents: list[bytes], count: int) -> tuple[float, float]:
    """Seconds to write ``count`` transcripts, and for lxml to parse and serialise them."""
    transcripts = [realistic_transcript(n) for n in range(count)]
    start = time.perf_counter()
    for transcript in transcripts:
        akn.write([transcript])
    writing = _seconds(start)
    start = time.perf_counter()
    for document in documents:
        etree.tostring(etree.fromstring(document), encoding="UTF-8")
    return writing, _seconds(start)


def bench_validate(documents: list[bytes]) -> float:
    """Seconds to compile the XSD once, then parse (safely) and validate every document."""
    schema.cache_clear()
    start = time.perf_counter()
    for number, document in enumerate(documents):
        problems = schema_problems(parse_xml(document), f"doc{number}")
        if problems:
            raise SystemExit(f"document {number} is invalid: {problems[0]}")
    return _seconds(start)


def bench_xmllint(documents: list[bytes]) -> float | None:
    """Seconds for one ``xmllint --noout --schema`` run over all documents, or None."""
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        return None
    resource = xsd_resource()
    with tempfile.TemporaryDirectory() as folder, importlib.resources.as_file(resource) as xsd:
        paths = []
        for number, document in enumerate(documents):
            path = Path(folder) / f"{number}.akn.xml"
            path.write_bytes(document)
            paths.append(str(path))
        start = time.perf_counter()
        subprocess.run(
            [xmllint, "--noout", "--schema", str(xsd), *paths], check=True, capture_output=True
        )
        return _seconds(start)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the measurements; exit status 1 if a target is missed.

    Each measurement is repeated (alternating, so that load on a shared machine hits every
    side alike) and the best time is kept.
    """
    args = sys.argv[1:] if argv is None else argv
    count = int(args[0]) if args else 1000
    rounds = int(args[1]) if len(args) > 1 else 3
    documents = [akn.write([realistic_transcript(n)]).encode("utf-8") for n in range(count)]
    size = sum(len(d) for d in documents) / count / 1024
    runs = []
    for _ in range(rounds):
        writing, lxml_round = bench_write(documents, count)
        runs.append((writing, lxml_round, bench_validate(documents), bench_xmllint(documents)))
    writing = min(r[0] for r in runs)
    lxml_round = min(r[1] for r in runs)
    validating = min(r[2] for r in runs)
    linted = [r[3] for r in runs if r[3] is not None]
    print(f"{count} transcripts, AKN documents of {size:.1f} KB on average, best of {rounds}")
    print(f"write AKN:                    {writing:7.2f} s")
    print(
        f"lxml parse + serialise:       {lxml_round:7.2f} s"
        f"  (write ratio {writing / lxml_round:.2f}, target <= 2)"
    )
    print(f"XSD validation, one process:  {validating:7.2f} s  (compile and safe parse included)")
    ok = writing <= 2 * lxml_round
    if not linted:
        print("xmllint:                      not installed (apt-get install libxml2-utils)")
    else:
        best = min(linted)
        print(
            f"xmllint --noout --schema:     {best:7.2f} s"
            f"  (validation ratio {validating / best:.2f}, target <= 1)"
        )
        ok = ok and validating <= best
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
