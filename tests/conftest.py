"""Test configuration shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

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
