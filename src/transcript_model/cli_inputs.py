"""Turning the paths on the command line into input files: files, directories, globs, stdin.

A directory is searched recursively for files whose extension belongs to a format that can be
read (plus ``.xml``, which TEI and Akoma Ntoso corpora often use); hidden files and directories
are left out. A path that does not exist but contains ``*``, ``?`` or ``[`` is a glob pattern
(``**`` crosses directories), so patterns work even when the shell does not expand them.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from transcript_model.errors import Problem
from transcript_model.formats import Format

STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class InputFile:
    """One input: a file on disk, or standard input (``path`` is None, ``data`` holds it)."""

    display: str
    path: Path | None = None
    data: bytes | None = None

    @property
    def name_for_detection(self) -> str | None:
        """The file name that format detection looks at (None for stdin)."""
        return None if self.path is None else str(self.path)


@dataclass
class Inputs:
    """The expanded inputs, and a problem for each argument that named nothing."""

    files: list[InputFile] = field(default_factory=list)
    missing: list[Problem] = field(default_factory=list)


def _has_magic(text: str) -> bool:
    return any(char in text for char in "*?[")


def export_only_owner(name: str, formats: list[Format]) -> Format | None:
    """The export-only format a file name belongs to (``x.popolo.json``: popolo), if any.

    The longest matching extension decides, as in format detection.
    """
    lower = name.lower()
    matches = [(len(e), f) for f in formats for e in f.extensions if lower.endswith(e)]
    if not matches:
        return None
    owner = max(matches, key=lambda match: match[0])[1]
    return None if owner.reads else owner


def directory_filter(formats: list[Format], forced: Format | None) -> Callable[[str], bool]:
    """Which files found while walking a directory are inputs, judged by their names.

    ``formats`` are every installed format; ``forced`` is the ``--from`` format, if any. Without
    ``--from`` the longest matching extension decides: ``.popolo.json`` is Popolo (export only,
    left out), not JSON.
    """
    if forced is not None:
        extensions = forced.extensions or (".txt",)
        if any(e.endswith(".xml") for e in extensions):
            extensions = (*extensions, ".xml")
        return lambda name: name.lower().endswith(extensions)
    ranked = sorted(
        ((e, f.reads) for f in formats for e in f.extensions), key=lambda pair: -len(pair[0])
    )
    if any(f.reads and any(e.endswith(".xml") for e in f.extensions) for f in formats):
        ranked.append((".xml", True))  # TEI and AKN corpora often use the bare extension

    def wanted(name: str) -> bool:
        lower = name.lower()
        return next((reads for extension, reads in ranked if lower.endswith(extension)), False)

    return wanted


def _walk(directory: Path, wanted: Callable[[str], bool]) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(root)
        found.extend(
            base / name for name in sorted(files) if not name.startswith(".") and wanted(name)
        )
    return found


def expand(arguments: Iterable[str], formats: list[Format], forced: Format | None) -> Inputs:
    """Expand command-line paths into input files, in order and without duplicates.

    ``-`` reads standard input (once). Missing paths and patterns that match nothing become
    ``not_found`` problems rather than errors, so the other inputs are still processed.
    """
    result = Inputs()
    seen: set[str] = set()
    wanted = directory_filter(formats, forced)

    def add(path: Path) -> None:
        # abspath, not realpath: resolving links costs system calls for every file of a corpus.
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            result.files.append(InputFile(str(path), path))

    for argument in arguments:
        if argument == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                result.files.append(InputFile(STDIN_NAME, None, sys.stdin.buffer.read()))
            continue
        path = Path(argument)
        if path.is_dir():
            for found in _walk(path, wanted):
                add(found)
        elif path.exists() or path.is_symlink():
            add(path)
        elif _has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            for match in matches:
                matched = Path(match)
                if matched.is_dir():
                    for found in _walk(matched, wanted):
                        add(found)
                elif not matched.name.startswith(".") or Path(argument).name.startswith("."):
                    add(matched)
            if not matches:
                result.missing.append(Problem("not_found", "the pattern matches no file", argument))
        else:
            result.missing.append(Problem("not_found", "no such file or directory", argument))
    return result
