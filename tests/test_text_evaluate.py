"""The accuracy evaluation finds wrong speakers and wrong metadata, and the cases read right."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from benchmarks import evaluate

from conftest import ROOT

CASES = ROOT / "benchmarks" / "eval_data"


def test_every_case_has_an_input_and_a_valid_expectation() -> None:
    folders = [p for p in CASES.iterdir() if p.is_dir()]
    assert len(folders) >= 7
    for folder in folders:
        assert (folder / "expected.json").exists(), folder.name
        assert len(list(folder.glob("input.*"))) == 1, folder.name


def test_evaluation_reports_shares_per_format() -> None:
    result = evaluate.evaluate(CASES)
    assert set(result["formats"]) >= {"text"}
    total = result["total"]
    assert total["counts"]["documents"][1] >= 8
    assert 0.9 <= total["speakers"] <= 1.0
    assert "TOTAL" in evaluate.report(result)


def test_a_wrong_speaker_and_a_wrong_title_are_counted(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(CASES / "en-news-conference", case)
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    expected["event"]["title"] = "Another title"
    speeches = [t for t in expected["turns"] if t["kind"] == "speech" and t["speaker"]]
    speeches[0]["speaker"] = next(
        p["id"] for p in expected["participants"] if p["id"] != speeches[0]["speaker"]
    )
    (case / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    fmt, score = evaluate.score_case(case)
    assert fmt == "text"
    assert score.speeches_right == score.speeches - 1
    assert score.documents_right == 0
    assert "[0] event.title" in score.wrong_fields
