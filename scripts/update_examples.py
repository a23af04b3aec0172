"""Regenerate the example conversions in examples/ from the sources there: the kremlin.ru page
text, and a parliamentary session (siParl, TEI, with its corpus root) in examples/parliament/.

Run ``python scripts/update_examples.py`` after changing a writer; ``--check`` lists the files
that are missing or out of date and exits 1 (tests/test_examples.py runs the same check).
Formats that hold one transcript per file (TEI, AKN) get one file per transcript, named by the
transcript id; the others get one file named like the source. Exports that cannot be read back
(csv, tsv, popolo) go to examples/exports/, so that examples/*.json are all transcript files (what
``check-jsonschema --schemafile schema/transcript.schema.json examples/*.json`` checks).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import transcript_model as tm

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SOURCE = EXAMPLES / "kremlin-2022-03-11.txt"
PARLIAMENT = EXAMPLES / "parliament" / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.xml"
PARLIAMENT_ROOT = EXAMPLES / "parliament" / "siParl-SDT2-root-excerpt.xml"
#: Every source, with the reader options it needs.
SOURCES: dict[Path, dict[str, object]] = {
    SOURCE: {},
    PARLIAMENT: {"corpus_root": PARLIAMENT_ROOT},
}


def read_source(source: Path) -> list[tm.Transcript]:
    """The transcripts of one example source, read with the options it needs."""
    return list(tm.read(source, **SOURCES.get(source, {})))  # type: ignore[arg-type]


def expected_files(source: Path = SOURCE) -> dict[Path, str]:
    """Every example file that should exist, with its content, for each writable format."""
    transcripts = read_source(source)
    stem = source.name.removesuffix(source.suffix)
    source_format = tm.detect_format(source.name, source.read_bytes())
    files: dict[Path, str] = {}
    for fmt in tm.all_formats():
        if not fmt.writes or fmt.binary or not fmt.extensions:
            continue
        if fmt.name == source_format and not fmt.one_per_file:
            continue  # the source itself
        folder = source.parent if fmt.reads else EXAMPLES / "exports"
        if fmt.one_per_file:
            for name, text in tm.write_each(transcripts, fmt.name).items():
                files[folder / name] = text
        else:
            files[folder / f"{stem}{fmt.extension}"] = tm.write(transcripts, fmt.name)
    return files


def all_expected_files() -> dict[Path, str]:
    """The example files of every source."""
    return {path: text for source in SOURCES for path, text in expected_files(source).items()}


def stale_files() -> list[Path]:
    """Example files that are missing or differ from what the writers produce now."""
    stale = []
    for path, text in all_expected_files().items():
        if not path.exists() or path.read_bytes() != text.encode("utf-8"):
            stale.append(path)
    return stale


def main(argv: list[str] | None = None) -> int:
    """Write the example files (or, with ``--check``, report the stale ones)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path, text in all_expected_files().items():
        if not path.exists() or path.read_bytes() != text.encode("utf-8"):
            path.write_bytes(text.encode("utf-8"))
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
