"""Which outputs of ``transcript convert`` may be written: never over an input, never one name
twice in a run, never a name the file system cannot hold. Decided in input order, in the
command's process, however many workers render the outputs."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from transcript_model.cli.inputs import InputFile
from transcript_model.cli.jobs import Outcome
from transcript_model.cli.output import name_too_long
from transcript_model.errors import Problem


def input_paths(files: Sequence[InputFile]) -> set[str]:
    """The inputs' files, resolved (symbolic links followed)."""
    return {os.path.realpath(f.path) for f in files if f.path is not None}


def is_input(path: Path, inputs: set[str]) -> bool:
    """True when writing ``path`` would overwrite one of ``inputs`` (see :func:`input_paths`)."""
    if not inputs:
        return False
    # The directory resolved once per directory, not per output: resolving a whole path
    # looks up every one of its components, which cost -j 2 a tenth of its parent's time.
    candidate = os.path.join(_resolved_directory(str(path.parent)), path.name)
    if os.path.islink(candidate):
        candidate = os.path.realpath(candidate)
    return candidate in inputs


#: Output directories resolved in this run (emptied when a run starts).
_RESOLVED: dict[str, str] = {}


def forget_resolved_directories() -> None:
    """Start a run: directories may have been moved or replaced by links since the last."""
    _RESOLVED.clear()


def _resolved_directory(directory: str) -> str:
    resolved = _RESOLVED.get(directory)
    if resolved is None:
        resolved = _RESOLVED[directory] = os.path.realpath(directory)
    return resolved


def refusal(
    outcome: Outcome, out_dir: Path, name: str, inputs: set[str], written: dict[str, str]
) -> Outcome | None:
    """Why the output ``name`` of an input cannot be written (an outcome saying so), or None."""
    if name_too_long(out_dir, name):
        message = (
            f"output {name[:40]}… is a file name too long for the file system "
            f"({len(os.fsencode(name)):,} bytes): the transcript id is too long to name a file"
        )
        problem = Problem("not_written", message, outcome.display)
        return Outcome(outcome.display, "failed", [*outcome.problems, problem])
    if is_input(out_dir / name, inputs):
        note = f"its output {out_dir / name} would overwrite an input; choose another --out-dir"
        return Outcome(outcome.display, "skipped", outcome.problems, note=note)
    if name in written:
        message = (
            f"output {name} was already written from {written[name]} in this run "
            "(transcript ids must be unique across the inputs)"
        )
        problem = Problem("duplicate_output", message, outcome.display)
        return Outcome(outcome.display, "failed", [*outcome.problems, problem])
    return None
