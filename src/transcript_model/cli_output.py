"""Output helpers of the ``transcript`` command: atomic files, stdout, and a progress bar.

Every file the command writes goes through :func:`atomic_output`: the text goes to a temporary
file in the destination directory, which replaces the destination only once it is complete.
A crash, an exception or Ctrl-C therefore never leaves a half-written file behind, and an
earlier version of the file stays intact.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

#: Suffix of the temporary files (hidden, next to the destination) that atomic writes use.
TEMP_SUFFIX = ".part"


def _new_file_mode() -> int:
    # mkstemp creates files readable by the owner only; an output should get the usual mode.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A text handle whose content replaces ``path`` only when the block completes.

    On any exception (including KeyboardInterrupt) the temporary file is removed and ``path``
    is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = _new_file_mode()
    # The name is made here and the file created inside the try block, so that Ctrl-C landing
    # just after the file is created (Python runs signal handlers between any two steps) still
    # reaches the clean-up; tempfile.mkstemp would create it out of the block's reach.
    temp = path.parent / f".{path.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        # newline="": the text is written exactly as the writer produced it.
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as error:
        # A FileExistsError for the temporary name means that file is not ours: leave it.
        if not (isinstance(error, FileExistsError) and error.filename == str(temp)):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path) as handle:
        handle.write(text)


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
