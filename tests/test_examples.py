"""examples/ holds the seed page and its conversion in every writable format, up to date."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import transcript_model as tm

from conftest import ROOT

EXAMPLES = ROOT / "examples"
SOURCE = EXAMPLES / "kremlin-2022-03-11.txt"
PARLIAMENT = EXAMPLES / "parliament"
SESSION = PARLIAMENT / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.xml"
SESSION_ROOT = PARLIAMENT / "siParl-SDT2-root-excerpt.xml"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_examples", ROOT / "scripts" / "update_examples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def expected() -> dict[Path, str]:
    files: dict[Path, str] = _script().all_expected_files()
    return files


def test_source_and_attribution_are_there() -> None:
    assert SOURCE.exists() and SESSION.exists() and SESSION_ROOT.exists()
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert "kremlin.ru" in readme and "CC BY 4.0" in readme and "siParl" in readme


def test_every_example_file_is_up_to_date(expected: dict[Path, str]) -> None:
    stale = [
        path.name
        for path, text in expected.items()
        if not path.exists() or path.read_bytes() != text.encode("utf-8")
    ]
    assert not stale, f"run scripts/update_examples.py: out of date: {stale}"


def test_every_writable_format_has_examples(expected: dict[Path, str]) -> None:
    transcripts = tm.read(SOURCE)
    for fmt in tm.all_formats():
        if not fmt.writes or fmt.binary or fmt.name == "text":
            continue  # binary exports are read back in their own tests, not kept as examples
        found = [p for p in expected if p.name.endswith(fmt.extension) and p.exists()]
        wanted = len(transcripts) if fmt.one_per_file else 1
        assert len(found) >= wanted, f"no example files for {fmt.name}"


def test_json_example_reads_back_to_the_page() -> None:
    assert tm.read(EXAMPLES / "kremlin-2022-03-11.json") == tm.read(SOURCE)


def test_the_parliamentary_example_is_a_session_with_parties() -> None:
    [session] = tm.read(SESSION, corpus_root=SESSION_ROOT)
    assert tm.read(PARLIAMENT / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.json") == [session]
    assert [t.kind for t in session.turns].count("speech") == 9  # one per <u>
    parties = {
        session.organisation(a.organisation).kind  # type: ignore[union-attr]
        for p in session.participants
        for a in p.affiliations_on(session.event.date.isoformat())
    }
    assert "political_party" in parties


def test_no_stray_conversions_of_the_sources(expected: dict[Path, str]) -> None:
    # A conversion left behind by a renamed format or id would look current but never change.
    known = {*expected, SOURCE, SESSION, SESSION_ROOT}
    stray = [
        p.name
        for folder in (EXAMPLES, EXAMPLES / "exports", PARLIAMENT)
        for p in folder.iterdir()
        if p.is_file() and p.name != "README.md" and p not in known
    ]
    assert not stray, f"files in examples/ that no writer produces: {stray}"
