"""A ParlaMint corpus root given to ``transcript convert`` / ``validate`` (and the API) is the
corpus it XIncludes: each session, read with the root's people and organisations, following
includes only inside the root's folder. Before, the root was skipped ("holds no transcript").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import transcript_model as tm
from transcript_model import cli

from conftest import ROOT

SAMPLE = ROOT / "tests" / "data" / "parlamint" / "ParlaMint-SI"
CORPUS_ROOT = SAMPLE / "ParlaMint-SI.xml"
SESSION = SAMPLE / "ParlaMint-SI_2007-11-28-SDZ4-Izredna-30.xml"
SESSION_ID = "ParlaMint-SI_2007-11-28-SDZ4-Izredna-30"


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_a_corpus_root_writes_each_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    code, _, err = _run(capsys, "convert", CORPUS_ROOT, "--to", "json", "--out-dir", out_dir)
    assert code == 0, err
    assert "0 failed, 0 skipped" in err
    (written,) = out_dir.iterdir()
    assert written.name == f"{SESSION_ID}.json"
    document = json.loads(written.read_text(encoding="utf-8"))
    # The speakers come from the root's (XIncluded) person list, as when the session is read
    # with its corpus root.
    alone = tm.read_one(SESSION)
    assert document == json.loads(tm.write(alone, "json"))
    assert {p["id"] for p in document["participants"]} == {
        "PečeSašo", "TestenCiril", "CukjatiFrance"
    }  # fmt: skip


def test_the_api_reads_a_corpus_root_as_its_sessions() -> None:
    (transcript,) = tm.read(CORPUS_ROOT)
    assert transcript.id == SESSION_ID
    assert transcript == tm.read_one(SESSION, corpus_root=CORPUS_ROOT)


def _corpus_with(tmp_path: Path, *includes: str) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    root = corpus / CORPUS_ROOT.name
    extra = "".join(
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{href}"/>'
        for href in includes
    )
    text = root.read_text(encoding="utf-8")
    root.write_text(text.replace("</teiCorpus>", f"{extra}</teiCorpus>"), encoding="utf-8")
    return root


def test_includes_outside_the_corpus_folder_are_not_followed(tmp_path: Path) -> None:
    # A session that exists outside the folder, named through '..' and an absolute path: never
    # read (it would add a transcript); each is reported; the session inside is still read.
    outside = tmp_path / "outside.xml"
    outside.write_bytes(SESSION.read_bytes().replace(SESSION_ID.encode(), b"outside"))
    root = _corpus_with(tmp_path, "../outside.xml", str(outside), "ParlaMint-SI.xml")
    result = tm.read_result(root)
    assert [t.id for t in result.transcripts] == [SESSION_ID]
    refused = [w for w in result.warnings if w.code == "tei_xinclude"]
    assert len(refused) == 2 and all("not followed" in w.message for w in refused)


def test_a_missing_session_is_reported_and_the_others_converted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _corpus_with(tmp_path, "gone.xml")
    out_dir = tmp_path / "out"
    code, _, err = _run(capsys, "convert", root, "--to", "json", "--out-dir", out_dir)
    assert [p.name for p in out_dir.iterdir()] == [f"{SESSION_ID}.json"]
    assert "gone.xml" in err and "names no file" in err
    assert code == 0


def test_validate_a_corpus_root_checks_its_sessions(tmp_path: Path) -> None:
    # The project profile (the default) checks the sessions too: a session file broken so that
    # it is no longer XML is reported, under its own name, when only the root is given.
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    (corpus / SESSION.name).write_text("<TEI", encoding="utf-8")
    problems = tm.validate(corpus / CORPUS_ROOT.name)
    assert any(p.file.endswith(SESSION.name) and p.severity == "error" for p in problems), problems
    assert tm.validate_result(CORPUS_ROOT).transcripts[0].id == SESSION_ID


def test_a_corpus_root_from_bytes_still_holds_no_transcript() -> None:
    # Without a folder there is nothing to follow: the old answer, a warning.
    result = tm.read_result(CORPUS_ROOT.read_bytes(), "tei")
    assert result.transcripts == []
    assert [w.code for w in result.warnings] == ["tei_corpus_file"]


def test_a_corpus_folder_converts_each_session_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The root and its session are both inputs: the root is then taken alone, so the session
    # is not converted twice (which failed with duplicate_output).
    out_dir = tmp_path / "out"
    code, _, err = _run(capsys, "convert", SAMPLE, "--to", "json", "--out-dir", out_dir)
    assert code == 0, err
    assert [p.name for p in out_dir.iterdir()] == [f"{SESSION_ID}.json"]
    assert "duplicate_output" not in err and "1 transcript" in err


def test_a_corpus_folder_validates_each_session_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "validate", "--profile", "parlamint", SAMPLE, SESSION)
    assert (code, out) == (0, ""), err
    broken_twice = tm.validate(CORPUS_ROOT, sessions=False)
    assert broken_twice == []  # the root alone: its header parts, not the session
