"""Hostile and broken input: one documented exception with a located message, never a crash.

The stored corpus is `tests/data/hostile/` (see its README); the large cases are generated here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import transcript_model as tm
from transcript_model.inputs import DEFAULT_MAX_BYTES

from conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "hostile"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_input_is_refused_with_its_message(name: str) -> None:
    expected = EXPECTED[name]
    path = CORPUS / name
    before = path.read_bytes()
    if expected["code"] is None:
        assert tm.read(path, expected.get("format")), name
        return
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(path, expected.get("format"))
    problem = caught.value.problems[0]
    assert problem.code == expected["code"]
    assert expected["message"].lower() in problem.message.lower()
    assert problem.file == str(path)
    assert tm.validate(path, expected.get("format"))[0].code == expected["code"]
    assert path.read_bytes() == before  # never a changed input


def test_cli_reports_the_corpus_without_a_traceback() -> None:
    refused = [str(CORPUS / n) for n, e in sorted(EXPECTED.items()) if e["code"] is not None]
    result = subprocess.run(
        [sys.executable, "-m", "transcript_model", "validate", *refused],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode in (1, 2)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    for name in refused:
        assert f"{Path(CORPUS / name)}:" in output, name


def test_json_nested_ten_thousand_levels() -> None:
    with pytest.raises(tm.TranscriptError, match="too_deep"):
        tm.read(b"[" * 10_000 + b"]" * 10_000, "json")
    with pytest.raises(tm.TranscriptError, match="too_deep"):
        tm.read(b'{"a":' * 10_000 + b"1" + b"}" * 10_000, "json")


def test_inputs_over_the_size_limit_are_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(big)
    assert caught.value.problems[0].code == "too_large"
    with pytest.raises(tm.TranscriptError, match="too_large"):
        tm.read(b"{}" * 600, "json", max_bytes=1000)


def test_huge_xml_text_node_is_refused() -> None:
    from transcript_model.converters._xml.safe import parse_xml

    with pytest.raises(tm.TranscriptError, match="Text node too long"):
        parse_xml(b"<a>" + b"x" * 12_000_000 + b"</a>", "huge.xml", max_bytes=20_000_000)
