"""Output helpers of the ``transcript`` command: atomic files, stdout, and a progress bar.

Every file the command writes goes through :func:`atomic_output`: the text goes to a temporary
file in the destination directory, which replaces the destination only once it is complete.
A crash, an exception or Ctrl-C therefore never leaves a half-written file behind, and an
earlier version of the file stays intact.

Destinations that are not regular files are written the way ``sort -o`` and ``cp`` do: through a
FIFO, a character or block device (``/dev/null``, a terminal) directly, never replacing the node;
through a symbolic link to its target, which is replaced atomically when it is a regular file.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

#: Suffix of the temporary files (hidden, next to the destination) that atomic writes use.
TEMP_SUFFIX = ".part"
#: The temporary names this tool makes: ``.transcript-<pid>-<8 hex digits>.part``. They have a
#: fixed length (at most 33 characters), so a destination name that fits the file system always
#: leaves room for its temporary name, and they carry the writer's process id, so that a later
#: run can tell a file left by a killed run from one still being written.
_TEMP_NAME = re.compile(r"\.transcript-([1-9][0-9]{0,6})-[0-9a-f]{8}\.part")


class UnwritableDestinationError(OSError):
    """The destination exists but is of a kind no file can be written to (a socket)."""


def temp_name(owner: int | None = None) -> str:
    """A fresh temporary file name for this process, or for the run of process ``owner``
    (a worker names its files after the parent that renames them; see ``_TEMP_NAME``)."""
    return f".transcript-{owner or os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}"


def _new_file_mode() -> int:
    # mkstemp creates files readable by the owner only; an output should get the usual mode.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _destination(path: Path) -> tuple[Path, os.stat_result | None]:
    """Where writing ``path`` really goes, and what is there now (None: nothing yet).

    A symbolic link is written through, as ``cp`` does: a regular file it leads to is what gets
    replaced, and the link stays. A FIFO or device it leads to is opened through the link (the
    kernel follows links such as ``/proc/self/fd/1`` that no path resolution could).
    """
    try:
        status: os.stat_result | None = path.stat()
    except FileNotFoundError:
        status = None
    if path.is_symlink() and not _is_special(status):
        return Path(os.path.realpath(path)), status
    return path, status


def _is_special(status: os.stat_result | None) -> bool:
    return status is not None and not stat.S_ISREG(status.st_mode)


def _open_special(path: Path, status: os.stat_result) -> int | None:
    """A descriptor open for writing into the FIFO or device at ``path``.

    None when what is there turns out to be a regular file after all (it was replaced since it
    was looked at): that one is replaced atomically like any other.
    """
    if stat.S_ISSOCK(status.st_mode) or stat.S_ISDIR(status.st_mode):
        kind = "a socket" if stat.S_ISSOCK(status.st_mode) else "a directory"
        raise UnwritableDestinationError(f"{path} is {kind}: cannot write a file to it")
    # Opening a FIFO waits for its reader, as sort -o does; O_NOCTTY: a terminal named as the
    # output must not become this process's controlling terminal.
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    if stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


@contextlib.contextmanager
def atomic_output(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A text handle (a binary one with ``binary``) whose content replaces ``path`` only when
    the block completes.

    On any exception (including KeyboardInterrupt) the temporary file is removed and ``path``
    is left as it was. A FIFO or device at ``path`` is written through directly; a symbolic
    link is followed. The new file never gets the set-user-id, set-group-id or sticky bit of
    the file it replaces.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    target, status = _destination(path)
    if _is_special(status):
        assert status is not None
        fd = _open_special(target, status)
        if fd is not None:
            # Written as it comes, as sort -o does: a FIFO or device cannot be replaced whole.
            with _fdopen(fd, binary) as handle:
                yield handle
            return
        target, status = Path(os.path.realpath(target)), None
    # Only the permission bits: a set-user-id bit copied to a file of new content would make a
    # program of whatever was written.
    mode = _new_file_mode() if status is None else stat.S_IMODE(status.st_mode) & 0o777
    # The name is made here and the file created inside the try block, so that Ctrl-C landing
    # just after the file is created (Python runs signal handlers between any two steps) still
    # reaches the clean-up; tempfile.mkstemp would create it out of the block's reach.
    temp = target.parent / temp_name()
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with _fdopen(fd, binary) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as error:
        # A FileExistsError for the temporary name means that file is not ours: leave it.
        if not (isinstance(error, FileExistsError) and error.filename == str(temp)):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise


def _fdopen(fd: int, binary: bool) -> IO[Any]:
    if binary:
        return os.fdopen(fd, "wb")
    # newline="": the text is written exactly as the writer produced it.
    return os.fdopen(fd, "w", encoding="utf-8", newline="")


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path, binary=isinstance(content, bytes)) as handle:
        handle.write(content)


def write_temporary(directory: Path, content: bytes, owner: int) -> Path:
    """Write ``content`` to a new temporary file in ``directory``, named for the run of
    process ``owner``; :func:`install` syncs it to disk and puts it in place.

    A worker process writes its outputs so (writing them was the parent's biggest cost when it
    wrote them all itself); the parent, which decides in input order which outputs may be
    written, syncs and renames them on its writer threads. A worker that synced each file
    itself sat idle while the disk caught up, one file at a time. The file is complete or
    removed: a failure or an interruption while writing leaves nothing behind.
    """
    directory.mkdir(parents=True, exist_ok=True)
    temp = directory / temp_name(owner)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(temp, _new_file_mode())
    except BaseException as error:
        if not (isinstance(error, FileExistsError) and error.filename == str(temp)):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    return temp


def install(temp: Path, path: Path) -> None:
    """Sync the complete temporary file ``temp`` (from :func:`write_temporary`, in the same
    directory) to disk and put it in place as ``path``, as :func:`atomic_output` would have
    written it.

    A regular file (or a symbolic link to one) is replaced atomically and keeps its permission
    bits; a FIFO or a device is written through with the content. ``temp`` is gone afterwards,
    whatever happens.
    """
    try:
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        target, status = _destination(path)
        if _is_special(status):
            content = temp.read_bytes()
            temp.unlink()
            write_atomically(path, content)
            return
        if status is not None:
            os.chmod(temp, stat.S_IMODE(status.st_mode) & 0o777)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def discard(temp: Path) -> None:
    """Remove a temporary file that is not to be put in place."""
    with contextlib.suppress(OSError):
        os.unlink(temp)


def remove_own_temporaries(directory: Path) -> None:
    """Remove the temporary files named for this process's run in ``directory``: those its
    workers were writing, or had written, when the run was stopped (Ctrl-C, SIGTERM)."""
    prefix = f".transcript-{os.getpid()}-"
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and _TEMP_NAME.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def name_too_long(directory: Path, name: str) -> bool:
    """True when the file system of ``directory`` cannot hold a file called ``name``."""
    try:
        limit = os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255  # the common limit (ext4, xfs, btrfs, tmpfs)
    return len(os.fsencode(name)) > limit


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists (another user's process): not ours to judge
    return False


def remove_leftovers(directory: Path, started: float) -> list[str]:
    """Remove the temporary files a killed run of this tool left in ``directory``.

    Only names of this tool's own pattern are touched, and only when the process named in the
    name is gone and the file was last changed before ``started`` (this run's start, as
    ``time.time()``): a file another run is still writing is never removed. Returns the names
    removed.
    """
    removed: list[str] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or not _process_gone(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            status = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(status.st_mode) and status.st_mtime < started:
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def interactive(stream: TextIO) -> bool:
    """True when ``stream`` is a terminal and not running in CI (the ``CI`` variable is unset)."""
    if os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """A one-line progress bar on standard error; silent unless ``enabled``."""

    _WIDTH = 30
    _INTERVAL = 0.1  # seconds between redraws: redrawing per file would cost more than it shows

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self._last = 0.0

    def update(self, done: int, failed: int) -> None:
        """Show that ``done`` of the inputs are finished, ``failed`` of them with errors."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self._INTERVAL and done < self.total:
            return
        self._last = now
        filled = self._WIDTH * done // max(self.total, 1)
        bar = "#" * filled + "-" * (self._WIDTH - filled)
        failures = f", {failed} failed" if failed else ""
        sys.stderr.write(f"\r[{bar}] {done}/{self.total}{failures}")
        sys.stderr.flush()

    def close(self) -> None:
        """Erase the bar so that the summary starts on a clean line."""
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
