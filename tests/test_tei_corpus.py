"""Validating the files of a ParlaMint package: session files with their corpus root, the
corpus root itself, and the person list and taxonomies it XIncludes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import transcript_model as tm
from transcript_model import cli
from transcript_model.converters._xml.safe import parse_xml
from transcript_model.converters.tei import convert as tei
from transcript_model.converters.tei import corpus

from conftest import ROOT

LIMIT = 1 << 26


def _package(folder: Path, year_folders: bool = False) -> list[tm.Transcript]:
    """The seed's transcripts as a ParlaMint package in ``folder``; with ``year_folders`` the
    session files go to a subfolder, as ParlaMint lays them out."""
    transcripts = tm.read(ROOT / "examples" / "kremlin-2022-03-11.json")
    for name, content in tei.write_package(transcripts, corpus_id="Kremlin").items():
        target = folder / name
        if year_folders and name.startswith("kremlin-"):
            target = folder / "2022" / name
        target.parent.mkdir(exist_ok=True)
        target.write_text(content, encoding="utf-8")
    if year_folders:
        root = folder / "Kremlin.xml"
        text = root.read_text(encoding="utf-8").replace('href="kremlin-', 'href="2022/kremlin-')
        root.write_text(text, encoding="utf-8")
    return transcripts


def _tree(path: Path) -> etree._ElementTree:
    return parse_xml(path.read_bytes(), str(path))


@pytest.mark.parametrize("year_folders", [False, True])
def test_session_files_and_parts_find_their_corpus_root(tmp_path: Path, year_folders: bool) -> None:
    transcripts = _package(tmp_path, year_folders)
    root = (tmp_path / "Kremlin.xml").resolve()
    sessions = [p for p in tmp_path.rglob("kremlin-*.xml")]
    assert len(sessions) == len(transcripts)
    for path in sessions + list(tmp_path.glob("Kremlin-*.xml")):
        assert corpus.including_root(path, LIMIT) == root
    assert corpus.including_root(root, LIMIT) is None


def test_a_complete_corpus_root_and_its_parts_have_no_problems(tmp_path: Path) -> None:
    _package(tmp_path)
    root = tmp_path / "Kremlin.xml"
    assert corpus.corpus_root_problems(_tree(root), root, str(root), LIMIT) == []
    person_list = tmp_path / "Kremlin-listPerson.xml"
    assert corpus.corpus_part_problems(_tree(person_list), person_list, "x", LIMIT) == []


def test_a_missing_session_file_is_located_in_the_root(tmp_path: Path) -> None:
    transcripts = _package(tmp_path)
    (tmp_path / f"{transcripts[1].id}.xml").unlink()
    root = tmp_path / "Kremlin.xml"
    [problem] = corpus.corpus_root_problems(_tree(root), root, "Kremlin.xml", LIMIT)
    assert (problem.code, problem.severity, problem.file) == (
        "tei_xinclude",
        "error",
        "Kremlin.xml",
    )
    assert transcripts[1].id in problem.message
    assert problem.line is not None and problem.line > 1


def test_a_broken_person_list_is_reported_with_the_root(tmp_path: Path) -> None:
    _package(tmp_path)
    (tmp_path / "Kremlin-listPerson.xml").write_text("<listPerson", encoding="utf-8")
    root = tmp_path / "Kremlin.xml"
    problems = corpus.corpus_root_problems(_tree(root), root, str(root), LIMIT)
    assert [p.file for p in problems] == [str((tmp_path / "Kremlin-listPerson.xml").resolve())]


def test_a_person_list_no_root_includes_is_a_warning(tmp_path: Path) -> None:
    _package(tmp_path)
    stray = tmp_path / "elsewhere" / "Kremlin-listPerson.xml"
    stray.parent.mkdir()
    stray.write_bytes((tmp_path / "Kremlin-listPerson.xml").read_bytes())
    [problem] = corpus.corpus_part_problems(_tree(stray), stray, "stray.xml", LIMIT)
    assert (problem.code, problem.severity) == ("tei_corpus_part", "warning")
    assert "<listPerson>" in problem.message


def test_transcript_validate_passes_a_whole_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _package(tmp_path, year_folders=True)
    code = cli.main(["validate", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "checked 10 files: 10 valid, 0 invalid" in err


def test_a_missing_session_file_fails_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    transcripts = _package(tmp_path)
    (tmp_path / f"{transcripts[0].id}.xml").unlink()
    code = cli.main(["validate", "-q", str(tmp_path)])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "[tei_xinclude]" in out and "Kremlin.xml:" in out


def test_a_session_file_is_read_and_validated_with_its_corpus_root(tmp_path: Path) -> None:
    transcripts = _package(tmp_path, year_folders=True)
    session = tmp_path / "2022" / f"{transcripts[0].id}.xml"
    assert tm.validate(session) == []
    result = tm.read_result(session)
    assert result.warnings == []
    [back] = result.transcripts
    assert back.turns == transcripts[0].turns
    names = {p.id: p.name for p in transcripts[0].participants}
    assert {p.id: p.name for p in back.participants} == names


def test_a_corpus_root_read_as_a_transcript_gives_none_and_says_why(tmp_path: Path) -> None:
    # Issue 15: a corpus root read from a file is its sessions; read as itself alone (as a
    # batch that also holds its sessions reads it) it still gives none and says why.
    transcripts = _package(tmp_path)
    read = tm.read(tmp_path / "Kremlin.xml")
    assert [(t.id, t.turns) for t in read] == [(t.id, t.turns) for t in transcripts]
    result = tm.read_result(tmp_path / "Kremlin.xml", sessions=False)
    assert result.transcripts == []
    [warning] = result.warnings
    assert warning.code == "tei_corpus_file"
