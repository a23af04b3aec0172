"""The public read API's handling of a path passed as text."""

from __future__ import annotations

from pathlib import Path

import pytest

import transcript_model as tm

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "kremlin-2022-03-11.json"


def test_a_path_given_as_text_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "session.json").write_bytes(EXAMPLE.read_bytes())
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read("session.json")
    [problem] = caught.value.problems
    assert problem.code == "path_as_text"
    assert "pass pathlib.Path('session.json')" in problem.message
    assert len(tm.read(Path("session.json"))) == 2


def test_text_that_names_no_file_keeps_the_reader_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read("session.json")
    assert caught.value.problems[0].code == "not_a_transcript"
