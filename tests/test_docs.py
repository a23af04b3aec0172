"""Every Python example in README.md and docs/*.md runs, from the repository root."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _examples() -> list[tuple[str, str]]:
    found = []
    for document in DOCUMENTS:
        for number, block in enumerate(_BLOCK.findall(document.read_text(encoding="utf-8")), 1):
            found.append((f"{document.name}#{number}", block))
    return found


@pytest.mark.parametrize(("where", "code"), _examples(), ids=[w for w, _ in _examples()])
def test_documented_example_runs(where: str, code: str, tmp_path: Path) -> None:
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, where, "exec"), {"__name__": "__doc_example__", "TMP": tmp_path})
    finally:
        os.chdir(previous)
