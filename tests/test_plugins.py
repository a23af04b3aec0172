"""The converter contract from outside: a plugin distribution, and every declared option.

A tiny format plugin (``tests/data/plugin``) is installed with pip into a temporary folder, as
any third-party format would be, and the ``transcript`` command run with that folder on its path
must list it, detect it, read it, write it and take its options. The options every built-in
format declares are walked through the Python API and the command line alike.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import transcript_model as tm
from transcript_model.contract import Format, Option
from transcript_model.registry import Registry

from conftest import ROOT

PLUGIN = ROOT / "tests" / "data" / "plugin"
EXAMPLE = PLUGIN / "example.demo"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder the demo plugin distribution is installed into (with its entry point)."""
    work = tmp_path_factory.mktemp("plugin")
    source = work / "source"
    shutil.copytree(PLUGIN, source)  # the build leaves files next to the sources
    target = work / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(target), str(source)],
        check=True,
        timeout=300,
    )  # fmt: skip
    assert list(target.glob("transcript_demo_format-*.dist-info/entry_points.txt"))
    return target


def _run(site: Path, *argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from transcript_model.cli import main; "
         "sys.exit(main(sys.argv[1:]))", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_an_installed_plugin_is_listed(site: Path) -> None:
    result = _run(site, "formats")
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("demo "))
    assert "[plugin: transcript-demo-format]" in line
    assert "read,write" in line
    details = json.loads(_run(site, "formats", "--json", "--details").stdout)
    demo = next(row for row in details if row["name"] == "demo")
    assert demo["options"]["read"] == ["language: str = 'en'"]


def test_a_plugin_format_is_detected_read_converted_and_written(site: Path, tmp_path: Path) -> None:
    converted = _run(site, "convert", str(EXAMPLE), "--to", "json", "-r", "language=ru")
    assert converted.returncode == 0, converted.stderr
    transcript = tm.read_one(converted.stdout, "json")
    assert transcript.language == "ru"
    assert [p.name for p in transcript.participants] == ["Anna Petrova", "Ivan Sidorov"]
    assert len(transcript.turns) == 3
    (tmp_path / "t.json").write_text(converted.stdout, encoding="utf-8")
    back = _run(site, "convert", str(tmp_path / "t.json"), "--to", "demo", "-o", "back.demo",
                cwd=tmp_path)  # fmt: skip
    assert back.returncode == 0, back.stderr
    assert (tmp_path / "back.demo").read_text(encoding="utf-8") == EXAMPLE.read_text("utf-8")
    checked = _run(site, "validate", str(EXAMPLE))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_python_api_uses_the_plugin(site: Path) -> None:
    probe = (
        "import transcript_model as tm, pathlib, sys\n"
        f"t = tm.read_one(pathlib.Path({str(EXAMPLE)!r}), language='uk')\n"
        "assert t.language == 'uk', t.language\n"
        "assert tm.detect_format('x.demo', b'') == 'demo'\n"
        "sys.stdout.write(tm.write(t, 'demo'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXAMPLE.read_text("utf-8")


def test_a_broken_plugin_is_a_warning_not_a_failure() -> None:
    registry = Registry()
    registry._entry_points()  # the installed plugins, none here
    registry._add_plugin("broken", "no_such_module_anywhere:FORMATS", None)
    registry._add_plugin("clash", "transcript_model.converters.json:FORMATS", None)
    codes = [p.code for p in registry.problems]
    assert codes == ["plugin_error", "plugin_error"]
    assert "cannot be loaded" in registry.problems[0].message
    assert "already taken" in registry.problems[1].message
    assert registry.get("json").origin == "built-in"


def test_registered_formats_work_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def write(transcripts: Any, *, shout: bool = False) -> str:
        titles = [t.event.title for t in transcripts]
        return "\n".join(t.upper() if shout else t for t in titles)

    tm.REGISTRY.register(Format("titles", "one title a line", write=write))
    transcript = tm.read(ROOT / "examples" / "kremlin-2022-03-11.json")[0]
    try:
        assert tm.write(transcript, "titles", shout=True) == transcript.event.title.upper()
        with pytest.raises(tm.TranscriptError, match="valid: shout: bool = False"):
            tm.write(transcript, "titles", loud=True)
    finally:
        tm.REGISTRY.unregister("titles")


# -- every declared option, through the API and the command line ---------------------------------

#: A value for every option a built-in reader or writer declares, as typed on the command line.
#: A new option needs a value here: the walk below fails on an option it has no value for.
SAMPLE_VALUES = {
    "language": "ru",
    "date": "2022-03-11",
    "url": "http://kremlin.ru/events/president/transcripts/67949",
    "title": "A title",
    "place": "Moscow",
    "id": "given-id",
    "publisher": "A publisher",
    "unwrap": "true",
    "corpus_root": str(ROOT / "tests" / "data" / "tei" / "siParl-SDT2-root-excerpt.xml"),
    "compact": "true",
    "country": "ru",
    "table": "speeches",
    "header": "false",
    "delimiter": ";",
    "corpus_id": "Corpus",
    "base_url": "http://example.org/corpus",
    "row_group_size": "1000",
    "compression": "snappy",
    "profile": "parlamint",
    "sessions": "false",
}

#: A readable input for each reading format.
SAMPLE_INPUTS = {
    "json": ROOT / "examples" / "kremlin-2022-03-11.json",
    "text": ROOT / "examples" / "kremlin-2022-03-11.txt",
    "tei": ROOT / "tests" / "data" / "tei" / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.xml",
    "akn": ROOT / "tests" / "data" / "akn" / "sayit_style_2_0.akn.xml",
    "html": ROOT / "tests" / "data" / "html" / "kremlin-ru-meeting.html",
    "speakers": ROOT / "tests" / "data" / "speakers" / "wh-briefing.txt",
}


def _declared() -> list[tuple[Format, str, Option]]:
    return [
        (fmt, capability, option)
        for fmt in tm.all_formats()
        if fmt.origin == "built-in"
        for capability in sorted(fmt.capabilities)
        for option in fmt.options(capability).values()  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("fmt", "capability", "option"),
    _declared(),
    ids=lambda value: getattr(value, "name", str(value)),
)
def test_every_option_means_the_same_in_python_and_on_the_command_line(
    fmt: Format, capability: Any, option: Option
) -> None:
    text = SAMPLE_VALUES[option.name]
    flag = "-r" if capability in ("read", "validate") else "-w"
    typed = fmt.check_options(capability, {option.name: text}, flag)[option.name]
    assert option.accepts(typed)
    assert fmt.check_options(capability, {option.name: typed}) == {option.name: typed}


@pytest.mark.parametrize("name", sorted(SAMPLE_INPUTS))
def test_reader_options_read_the_same_through_the_api_and_the_cli(
    name: str, tmp_path: Path
) -> None:
    from transcript_model.cli import main

    fmt = tm.get_format(name)
    path = SAMPLE_INPUTS[name]
    for option in fmt.options("read").values():
        text = SAMPLE_VALUES[option.name]
        typed = fmt.check_options("read", {option.name: text}, "-r")[option.name]
        try:
            expected: Any = tm.read(path, name, **{option.name: typed})
        except tm.TranscriptError as error:
            assert error.problems[0].code != "usage", error
            expected = error.problems[0].code
        out = tmp_path / f"{option.name}.json"
        code = main(["convert", str(path), "--from", name, "-r", f"{option.name}={text}",
                     "--to", "json", "-o", str(out), "-q"])  # fmt: skip
        if isinstance(expected, str):
            assert code != 0 and not out.exists(), option.name
        else:
            assert code == 0, option.name
            assert tm.read(out, "json") == expected, option.name
