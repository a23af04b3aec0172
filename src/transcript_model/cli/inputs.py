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

from transcript_model.contract import Format
from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import DEFAULT_MAX_BYTES, read_stream

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
    #: Warnings about entries of directories and patterns that were left out (see _Walker).
    skipped: list[Problem] = field(default_factory=list)


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


@dataclass
class _Walker:
    """Finds input files under a directory or a glob, without leaving them by symbolic links.

    A link that leads outside the directory the walk started from (the ``--follow-symlinks``
    option aside) and anything that is not a regular file (a FIFO would hang the read, a device
    would be read forever) are skipped with a warning that names the entry, never its content:
    a committed link to a file of the CI runner must not get that file quoted in a public log.
    """

    wanted: Callable[[str], bool]
    follow_symlinks: bool
    warnings: list[Problem]

    def walk(self, directory: Path) -> list[Path]:
        """The wanted files under ``directory``, in sorted order, parents' files first."""
        root = os.path.realpath(directory)
        found: list[Path] = []
        visited = {root}
        stack = [directory]
        while stack:
            subdirectories: list[Path] = []
            for entry in _sorted_entries(stack.pop()):
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if not self.follow_symlinks or self._first_visit(entry.path, visited):
                        subdirectories.append(Path(entry.path))
                elif entry.is_symlink():
                    self._linked(entry, (root, str(directory)), visited, found, subdirectories)
                elif self.wanted(entry.name):
                    if entry.is_file(follow_symlinks=False):
                        found.append(Path(entry.path))
                    else:
                        self.skip(entry.path, "not a regular file (a FIFO, device or socket)")
            stack.extend(reversed(subdirectories))
        return found

    def confined(self, path: Path, roots: tuple[str, str], directory_roots: dict[str, str]) -> bool:
        """True when a file a glob matched is an input: a regular file inside the pattern's
        fixed leading directory (``roots``: resolved, and as written)."""
        root, shown_root = roots
        parent = str(path.parent)
        if parent not in directory_roots:
            directory_roots[parent] = os.path.realpath(parent)
        resolved = os.path.join(directory_roots[parent], path.name)
        if path.is_symlink():
            resolved = os.path.realpath(path)
        if not (self.follow_symlinks or _inside(resolved, root)):
            self.skip(str(path), _OUTSIDE.format(root=shown_root))
            return False
        if path.exists() and not path.is_file():
            self.skip(str(path), "not a regular file (a FIFO, device or socket)")
            return False
        return True

    def _linked(
        self,
        entry: os.DirEntry[str],
        roots: tuple[str, str],
        visited: set[str],
        found: list[Path],
        subdirectories: list[Path],
    ) -> None:
        root, shown_root = roots
        resolved = os.path.realpath(entry.path)
        is_directory = os.path.isdir(resolved)
        if not (is_directory or self.wanted(entry.name)):
            return
        if not (self.follow_symlinks or _inside(resolved, root)):
            self.skip(entry.path, _OUTSIDE.format(root=shown_root))
        elif is_directory:
            # Links to directories inside the tree are not descended (their files are found
            # under their real names); with --follow-symlinks each directory is walked once.
            if self.follow_symlinks and resolved not in visited:
                visited.add(resolved)
                subdirectories.append(Path(entry.path))
        elif os.path.exists(resolved) and not os.path.isfile(resolved):
            self.skip(entry.path, "a link to something that is not a regular file")
        else:
            found.append(Path(entry.path))  # a dangling link is reported as unreadable

    @staticmethod
    def _first_visit(path: str, visited: set[str]) -> bool:
        resolved = os.path.realpath(path)
        if resolved in visited:
            return False
        visited.add(resolved)
        return True

    def skip(self, path: str, why: str) -> None:
        """Leave ``path`` out, with a warning saying why."""
        self.warnings.append(Problem("skipped", f"not read: {why}", path, severity="warning"))


_OUTSIDE = "a symbolic link that leads outside {root} (--follow-symlinks follows such links)"


def _sorted_entries(directory: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError:
        return []  # as os.walk: an unreadable directory is left out


def _inside(resolved: str, root: str) -> bool:
    return resolved == root or resolved.startswith(root.rstrip(os.sep) + os.sep)


def _glob_roots(pattern: str) -> tuple[str, str]:
    """The directory a glob pattern cannot leave, its leading part without wildcards: resolved,
    and as written."""
    fixed: list[str] = []
    for part in Path(pattern).parts[:-1]:
        if _has_magic(part):
            break
        fixed.append(part)
    shown = os.path.join(*fixed) if fixed else "."
    return os.path.realpath(shown), shown


def read_stdin(max_bytes: int) -> InputFile | Problem:
    """Standard input as an input, or a problem when it holds more than ``max_bytes``."""
    try:
        data = read_stream(sys.stdin.buffer, STDIN_NAME, max_bytes)
    except TranscriptError as error:
        return error.problems[0]
    except OSError as error:  # standard input redirected from a directory, or closed
        reason = error.strerror or str(error)
        return Problem("unreadable", f"cannot read standard input: {reason}", STDIN_NAME)
    return InputFile(STDIN_NAME, None, data)


def expand(
    arguments: Iterable[str],
    formats: list[Format],
    forced: Format | None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_symlinks: bool = False,
) -> Inputs:
    """Expand command-line paths into input files, in order and without duplicates.

    ``-`` reads standard input (once, at most ``max_bytes``). Missing paths, patterns that
    match nothing and a standard input over the limit become problems rather than errors, so
    the other inputs are still processed. A file named on the command line is read whatever it
    is; directories and patterns are confined (see ``_Walker``).
    """
    result = Inputs()
    seen: set[str] = set()
    walker = _Walker(directory_filter(formats, forced), follow_symlinks, result.skipped)

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
                stdin = read_stdin(max_bytes)
                if isinstance(stdin, Problem):
                    result.missing.append(stdin)
                else:
                    result.files.append(stdin)
            continue
        path = Path(argument)
        if path.is_dir():
            for found in walker.walk(path):
                add(found)
        elif path.exists() or path.is_symlink():
            add(path)
        elif _has_magic(argument):
            _expand_glob(argument, walker, add, result)
        else:
            result.missing.append(Problem("not_found", "no such file or directory", argument))
    return result


def _expand_glob(
    pattern: str, walker: _Walker, add: Callable[[Path], None], result: Inputs
) -> None:
    matches = sorted(glob.glob(pattern, recursive=True))
    roots = _glob_roots(pattern)
    directory_roots: dict[str, str] = {}
    for match in matches:
        matched = Path(match)
        if matched.is_dir():
            if walker.follow_symlinks or _inside(os.path.realpath(matched), roots[0]):
                for found in walker.walk(matched):
                    add(found)
            else:
                walker.skip(match, _OUTSIDE.format(root=roots[1]))
        elif (
            not matched.name.startswith(".") or Path(pattern).name.startswith(".")
        ) and walker.confined(matched, roots, directory_roots):
            add(matched)
    if not matches:
        result.missing.append(Problem("not_found", "the pattern matches no file", pattern))
