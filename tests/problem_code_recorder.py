"""Records every problem code the package creates while the tests run, and fails the session
when one of them is missing from the catalogue (``transcript_model.codes``).

The static scan in ``test_problem_codes.py`` sees codes written as literals; this sees the rest:
codes passed through variables, pydantic error types, codes re-raised from other problems.
Problems that test code builds itself (made-up codes for output tests) are not counted.

``tests/conftest.py`` imports the two hooks, which registers them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from transcript_model.codes import CODES
from transcript_model.errors import Problem

ROOT = Path(__file__).resolve().parent.parent
_PACKAGE_DIRS = (str(ROOT / "src") + "/", str(ROOT / "converters") + "/")
# Frames that only pass a caller's code on: the code belongs to whoever called them.
_RELAYS = (str(ROOT / "src" / "transcript_model" / "errors.py"), "dataclasses.py")
#: A whole run of the suite creates problems of at least this many distinct codes; fewer means
#: the recorder stopped seeing them (a run of part of the suite is not held to it).
MINIMUM_CODES_IN_FULL_RUN = 60

#: Codes created by package code during this session.
seen: set[str] = set()
_original_init = Problem.__init__


def _creator(frame: FrameType | None) -> str:
    while frame is not None and frame.f_code.co_filename.endswith(_RELAYS):
        frame = frame.f_back
    return "" if frame is None else frame.f_code.co_filename


def _recording_init(self: Problem, *args: Any, **kwargs: Any) -> None:
    _original_init(self, *args, **kwargs)
    # Only the first sighting of a code pays for the frame walk: some tests create a million
    # problems under a time bound.
    if self.code not in seen and _creator(sys._getframe(1)).startswith(_PACKAGE_DIRS):
        seen.add(self.code)


def uncatalogued(codes: set[str]) -> list[str]:
    """The codes of ``codes`` the catalogue lacks."""
    return sorted(code for code in codes if code not in CODES)


def _whole_suite(session: pytest.Session) -> bool:
    """True when every test of the suite ran (not part of it, nor a collection only)."""
    config = session.config
    arguments = {(Path(config.rootpath) / arg.split("::")[0]).resolve() for arg in config.args}
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    deselected = bool(reporter is not None and reporter.stats.get("deselected"))
    return (
        arguments == {ROOT / "tests"}
        and not config.option.collectonly
        and not deselected
        and session.testscollected > 0
    )


def pytest_configure(config: pytest.Config) -> None:
    """Install the recorder before any test runs."""
    Problem.__init__ = _recording_init  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the session for uncatalogued codes, or for too few codes seen in a whole run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    missing = uncatalogued(seen)
    complaints = []
    if missing:
        complaints.append(
            f"problem codes created by the package but missing from transcript_model.codes: "
            f"{', '.join(missing)}"
        )
    full_run = exitstatus == 0 and _whole_suite(session)
    if full_run and len(seen) < MINIMUM_CODES_IN_FULL_RUN:
        complaints.append(
            f"the problem-code recorder saw only {len(seen)} codes in a whole run (expected at "
            f"least {MINIMUM_CODES_IN_FULL_RUN}): is it still installed?"
        )
    if reporter is not None:
        for complaint in complaints:
            reporter.write_line(f"ERROR: {complaint}", red=True)
        if not complaints:
            reporter.write_line(f"problem codes seen in this session: {len(seen)}, all catalogued")
    if complaints:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
