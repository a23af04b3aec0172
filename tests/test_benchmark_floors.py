"""The floors and ceilings the benchmarks measure beside issue 18's targets.

The timings themselves are the benchmarks' business; these tests keep the arithmetic right
and the floor script in step with the converters it imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench_targets import AKN_XSD, amdahl_ceiling, corpus
from benchmarks.xml_floors import _FLOOR


def test_amdahl_ceiling_shares_out_only_the_per_file_time() -> None:
    # t(n) = 0.2 s + n × 1 ms: 1,000 files 1.2 s, 200 files 0.4 s; with two processes at
    # best 0.2 + 0.5 s, a speed-up of 1.2 / 0.7.
    said = amdahl_ceiling([(1.2, 0.4), (1.3, 0.4), (1.2, 0.5)], 1000, 200, processes=2)
    assert said.startswith(f"ceiling {1.2 / 0.7:.2f}x")
    assert "0.20 s does not depend on the number of files" in said


def test_amdahl_ceiling_of_a_noisy_run_stays_within_reason() -> None:
    # The fifth of the files took longer than the whole: no per-file part, no speed-up.
    said = amdahl_ceiling([(1.0, 1.1)], 1000, 200, processes=2)
    assert said.startswith("ceiling 1.00x")


@pytest.mark.parametrize(
    ("mode", "name", "schema"),
    [("xsd+read", "akn", str(AKN_XSD)), ("profile+read", "tei", None)],
)
def test_floor_script_reads_into_the_model(
    tmp_path: Path, mode: str, name: str, schema: str | None
) -> None:
    directory = corpus(2, tmp_path)[name]
    script = tmp_path / "floor.py"
    script.write_text(_FLOOR, encoding="utf-8")
    command = [sys.executable, str(script), mode, str(directory), *([schema] if schema else [])]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
