"""What the readers of other sources give round-trips through every writable format (issue 16:
"every reader still round-trips what it reads through the model, text writer included").

The property tests write generated transcripts and read them back; this takes what the
read-only readers make of real material (the fixtures of the speaker-label and saved-page
readers, the development half of the real-transcript evaluation), whose shapes a generator
rarely draws: a court transcript's headings, a hearing's stage lines, a kremlin.ru page's see-
also links and captions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import transcript_model as tm

from conftest import ROOT

_EVAL = ROOT / "benchmarks" / "eval_real"
_WRITABLE = ("json", "tei", "akn", "text")


def _sources() -> list[Path]:
    fixtures = [
        p
        for folder in ("speakers", "html")
        for p in sorted((ROOT / "tests" / "data" / folder).rglob("*"))
        if p.suffix in (".txt", ".md", ".htm", ".html") and p.name != "README.md"
    ]
    halves = json.loads((_EVAL / "MANIFEST.json").read_text(encoding="utf-8"))
    cases = sorted(_EVAL.glob("*/*/input.*"))
    return fixtures + [p for p in cases if halves[p.parent.name]["half"] == "dev"]


@pytest.mark.parametrize("source", _sources(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_what_a_reader_gives_round_trips_through_every_writer(source: Path) -> None:
    for transcript in tm.read(source):
        for name in _WRITABLE:
            written = tm.write(transcript if name in ("tei", "akn") else [transcript], name)
            assert tm.read(written.encode("utf-8"), name) == [transcript], name
