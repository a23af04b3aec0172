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
from collections.abc import Iterable
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


def _extension_owner(name: str, formats: Iterable[Format]) -> Format | None:
    # The longest matching extension decides: ".popolo.json" is Popolo, not JSON.
    best: tuple[int, Format] | None = None
    for fmt in formats:
        for extension in fmt.extensions:
            if name.endswith(extension) and (best is None or len(extension) > best[0]):
                best = (len(extension), fmt)
    return best[1] if best else None


def wanted_in_directory(name: str, formats: list[Format], forced: Format | None) -> bool:
    """Whether a file found while walking a directory is an input.

    ``formats`` are every installed format; ``forced`` is the ``--from`` format, if any.
    """
    lower = name.lower()
    if forced is not None:
        extensions = forced.extensions or (".txt",)
        xml = any(e.endswith(".xml") for e in extensions)
        return lower.endswith(extensions) or (xml and lower.endswith(".xml"))
    owner = _extension_owner(lower, formats)
    if owner is not None:
        return owner.reads
    return lower.endswith(".xml") and any(
        f.reads and any(e.endswith(".xml") for e in f.extensions) for f in formats
    )


def _walk(directory: Path, formats: list[Format], forced: Format | None) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root) / name
            for name in sorted(files)
            if not name.startswith(".") and wanted_in_directory(name, formats, forced)
        )
    return found


def _display(path: Path) -> str:
    return str(path)


def expand(arguments: Iterable[str], formats: list[Format], forced: Format | None) -> Inputs:
    """Expand command-line paths into input files, in order and without duplicates.

    ``-`` reads standard input (once). Missing paths and patterns that match nothing become
    ``not_found`` problems rather than errors, so the other inputs are still processed.
    """
    result = Inputs()
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            result.files.append(InputFile(_display(path), path))

    for argument in arguments:
        if argument == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                result.files.append(InputFile(STDIN_NAME, None, sys.stdin.buffer.read()))
            continue
        path = Path(argument)
        if path.is_dir():
            for found in _walk(path, formats, forced):
                add(found)
        elif path.exists() or path.is_symlink():
            add(path)
        elif _has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            for match in matches:
                matched = Path(match)
                if matched.is_dir():
                    for found in _walk(matched, formats, forced):
                        add(found)
                elif not matched.name.startswith(".") or Path(argument).name.startswith("."):
                    add(matched)
            if not matches:
                result.missing.append(Problem("not_found", "the pattern matches no file", argument))
        else:
            result.missing.append(Problem("not_found", "no such file or directory", argument))
    return result
