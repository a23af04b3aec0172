"""Every example in README.md and docs/*.md runs as printed.

Each ```python block runs in a fresh namespace, and each shell block marked runnable (its info
string is ``sh runnable``) runs under ``bash -eu`` with this environment's ``transcript`` first
on PATH. Both run in a temporary working directory holding copies of what the examples read
from the repository root (``examples/``, ``schema/``, ``tests/data/``): the examples are
written to be run from the root of a clone, and nothing they write lands in the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: What the examples may read, relative to the repository root.
READ_BY_EXAMPLES = ["examples", "schema", "tests/data"]
_BLOCK = re.compile(r"^```([^\n]*)\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _blocks(kind: str) -> list[tuple[str, str]]:
    found = []
    for document in DOCUMENTS:
        count = 0
        for info, body in _BLOCK.findall(document.read_text(encoding="utf-8")):
            if info.strip() == kind:
                count += 1
                found.append((f"{document.name}#{count}", body))
    return found


PYTHON = _blocks("python")
RUNNABLE_SHELL = _blocks("sh runnable")


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A working directory that looks like the root of a clone, to the examples."""
    for relative in READ_BY_EXAMPLES:
        shutil.copytree(ROOT / relative, tmp_path / relative)
    return tmp_path


def test_the_documents_have_examples_of_both_kinds() -> None:
    assert len(PYTHON) >= 15 and any(w.startswith("README") for w, _ in PYTHON)
    assert any(w.startswith("README") for w, _ in RUNNABLE_SHELL)


@pytest.mark.parametrize(("where", "code"), PYTHON, ids=[w for w, _ in PYTHON])
def test_python_example_runs_as_printed(
    where: str, code: str, clone: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(clone)
    exec(compile(code, where, "exec"), {"__name__": "__main__"})


@pytest.mark.parametrize(("where", "script"), RUNNABLE_SHELL, ids=[w for w, _ in RUNNABLE_SHELL])
def test_runnable_shell_example_runs_as_printed(where: str, script: str, clone: Path) -> None:
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{where}:\n{script}\n{result.stdout}\n{result.stderr}"
