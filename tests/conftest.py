"""Test configuration shared by every test module."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Fails the session when the package creates a problem code the catalogue lacks.
from problem_code_recorder import pytest_configure, pytest_sessionfinish  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent

#: ``python -c`` this to run ``transcript`` with a json writer slowed to 50 ms a transcript, so
#: that a signal can arrive mid-run (the CLI tests of Ctrl-C, SIGTERM and SIGKILL).
SLOW_CONVERT = """
import sys, time
from transcript_model.cli import main
from transcript_model.converters.json import convert as json_format
write = json_format.write
def slow(transcripts, **options):
    time.sleep(0.05)
    return write(transcripts, **options)
json_format.write = slow
sys.exit(main(sys.argv[1:]))
"""

# Every property runs at least 200 examples (the issues' floor); HYPOTHESIS_PROFILE=fuzz for more.
settings.register_profile(
    "default",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("fuzz", parent=settings.get_profile("default"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


#: The valid transcripts among the examples and the test data, of both model versions and of a
#: parliament (the pipeline and writer-memory tests compare routes on each).
_FIXTURE_SOURCES = (
    "examples/*.json",
    "examples/*.xml",
    "examples/parliament/*.json",
    "tests/data/model/*.json",
    "tests/data/cli/*.json",
    "tests/data/tei/siParl-KPZONOJFSPD-*.xml",
)


def command_peak(command: list[str]) -> int:
    """The most memory (bytes, as tracemalloc counts it) the ``transcript`` command
    ``command`` holds at once; it must succeed. Run it once before: what is imported and
    built once is not to be measured."""
    import tracemalloc

    from transcript_model import cli

    tracemalloc.start()
    try:
        assert cli.main(command) == 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@functools.cache
def valid_fixtures() -> tuple[Any, ...]:
    """Every transcript the fixture files hold (the invalid ones, kept for the command's
    tests, are skipped); read once for all the modules that use them."""
    import transcript_model as tm

    found: list[Any] = []
    for pattern in _FIXTURE_SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            try:
                found.extend(tm.read(path))
            except tm.TranscriptError:
                continue
    return tuple(found)


def label_speakers(text: str) -> list[tuple[str | None, str | None]]:
    """(name, role) of the speaker of each speech of the speaker-label transcript ``text``;
    (None, None) for a speech by nobody in particular."""
    import transcript_model as tm

    transcript = tm.read(text.encode(), "speakers")[0]
    people = {p.id: p for p in transcript.participants}
    return [
        (people[t.speaker].name, people[t.speaker].role) if t.speaker else (None, None)
        for t in transcript.turns
        if isinstance(t, tm.Speech)
    ]


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the convert command took a pipeline (a large input converted without holding
    its model), for each conversion it ran."""
    from transcript_model.cli import convert as convert_command

    found: list[bool] = []
    original = convert_command.turn_by_turn

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        found.append(result is not None)
        return result

    monkeypatch.setattr(convert_command, "turn_by_turn", spy)
    return found
