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
    # Detection asks every format, plugins included, whether the file is theirs: one scan of
    # our own group (a few ms); pydantic's (every distribution, for hooks a command-line run
    # has no use for) is skipped.
    assert result == {"code": 0, "scans": ["transcript_model.formats"], "loaded": []}


def test_listing_formats_still_looks_for_plugins() -> None:
    # The scan is put off, not dropped: listing every format must find installed plugins.
    result = _run("formats", env=_environment_without_pydantic_setting())
    assert "transcript_model.formats" in result["scans"]  # type: ignore[operator]


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
