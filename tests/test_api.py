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


def test_validate_takes_transcripts_in_memory() -> None:
    transcripts = tm.read(ROOT / "examples" / "kremlin-2022-03-11.json")
    assert tm.validate(transcripts[0]) == []
    assert tm.validate(transcripts) == []
    # model_construct skips validation: the transcript is checked by every rule again.
    speech = transcripts[0].turns[1]
    assert isinstance(speech, tm.Speech)
    broken = tm.Transcript.model_construct(
        **{**dict(transcripts[0]), "turns": [speech.model_construct(**{**dict(speech),
                                                                      "speaker": "nobody"})]}
    )  # fmt: skip
    [problem] = tm.validate(broken)
    assert (problem.code, problem.path, problem.file) == (
        "unknown_speaker",
        "turns[0].speaker",
        "<transcript>",
    )
    assert [p.path for p in tm.validate([transcripts[0], broken])] == ["[1].turns[0].speaker"]


def test_detection_falls_back_to_the_reader_that_can_read_it() -> None:
    # Speaker-label text without kremlin.ru marks: the text reader fails, the speakers one reads.
    path = ROOT / "tests" / "data" / "speakers" / "wh-remarks.txt"
    result = tm.read_result(path.read_bytes(), origin="remarks")
    assert result.format == "speakers"
    assert tm.validate_result(path.read_bytes(), origin="remarks").format == "speakers"


def test_no_reader_for_the_input_says_what_each_reads() -> None:
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(b"<catalog><book/></catalog>")
    problem = caught.value.problems[0]
    assert problem.code == "unknown_format"
    for fmt in tm.all_formats():
        if fmt.reads:
            assert f"{fmt.name}: {fmt.description}" in problem.message
