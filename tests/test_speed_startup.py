"""Start-up of the ``transcript`` command: what a JSON validation imports and scans (issue 18).

Behaviour, not timing: the import of the package loads nothing heavy, and validating one JSON
file skips pydantic's scan of the installed distributions for plugins and loads neither lxml,
jsonschema nor the JSON error locator. Each check runs in a fresh interpreter, since this test
process has imported everything long ago.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VALID = Path(__file__).parent / "data" / "cli" / "valid.json"

# Counts the calls of importlib.metadata.entry_points (pydantic's plugin loader and our
# registry both import the name from there when they first need it), then runs the command
# as the installed script does: main() with the arguments in sys.argv.
_RUN_COMMAND = """
import importlib.metadata, json, sys
scans = []
original = importlib.metadata.entry_points
def counted(*args, **kwargs):
    scans.append(kwargs.get("group"))
    return original(*args, **kwargs)
importlib.metadata.entry_points = counted
sys.argv = ["transcript", *sys.argv[1:]]
from transcript_model.cli import main
code = main()
heavy = ("lxml", "jsonschema", "transcript_model.converters.json.locate")
loaded = sorted(m for m in sys.modules if m.startswith(heavy))
print(json.dumps({"code": code, "scans": scans, "loaded": loaded}))
"""


def _run(*arguments: str, env: dict[str, str] | None = None) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN_COMMAND, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _environment_without_pydantic_setting() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}


def test_validating_json_skips_pydantics_plugin_scan_and_loads_only_what_it_needs() -> None:
    # Nor the JSON error locator (it compiles a tokenizer): a valid file has nothing to locate.
    result = _run("validate", "-q", str(VALID), env=_environment_without_pydantic_setting())
    # Detection asks every format, plugins included, whether the file is theirs; no installed
    # distribution names our entry-point group, so importlib.metadata is not even asked.
    assert result == {"code": 0, "scans": [], "loaded": []}


def _with_declared_plugin(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "transcript_demo-1.0.dist-info"
    folder.mkdir()
    (folder / "entry_points.txt").write_text(
        "[transcript_model.formats]\ndemo = transcript_demo:FORMAT\n", encoding="utf-8"
    )
    return {**_environment_without_pydantic_setting(), "PYTHONPATH": str(tmp_path)}


def test_a_distribution_that_names_the_group_is_scanned_for_plugins(tmp_path: Path) -> None:
    # The scan is put off, not dropped: listing every format, or detecting one, asks
    # importlib.metadata once a metadata folder on the path names the group.
    environment = _with_declared_plugin(tmp_path)
    for arguments in (("formats",), ("validate", "-q", str(VALID))):
        result = _run(*arguments, env=environment)
        assert result["scans"] == ["transcript_model.formats"], arguments


def test_importing_the_package_builds_no_model() -> None:
    code = (
        "import sys, transcript_model as tm; "
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'transcript_model.'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_lazy_package_still_gives_every_public_name() -> None:
    import transcript_model as tm

    for name in tm.__all__:
        assert getattr(tm, name) is not None, name
    assert tm.model.Transcript is tm.Transcript  # submodules too, as before
