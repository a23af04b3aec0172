"""The per-input work of ``transcript convert``, run in this process or in worker processes.

Workers read and render; converting into a directory, they also write each output to a
temporary file (synced to disk) named after the parent's run, and hand back its name. Only the
parent puts files in place (renames them), in input order: it alone refuses to overwrite an
input or to write one name twice, and removes the temporary files it refuses. Ctrl-C and
SIGTERM are safe: workers ignore SIGINT, die at once on SIGTERM (which only the parent's
clean-up sends them), and the parent, once its workers are gone, removes every temporary file
named after its run. Workers whose parent is gone (killed with SIGKILL) exit quietly instead of
failing to hand back their results with a traceback; the temporary files they leave carry the
dead parent's process id, and the next run into that directory removes them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal, TextIO, cast

from transcript_model.api import read_detailed, write
from transcript_model.cli.inputs import InputFile
from transcript_model.cli.output import write_temporary
from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import read_bytes
from transcript_model.model import Transcript
from transcript_model.registry import get_format

Status = Literal["converted", "failed", "skipped"]


def available_cores() -> int:
    """The CPUs this process may run on (its affinity mask, a container's CPU set), at least 1.

    ``os.cpu_count()`` counts the machine's CPUs, which may be many more than a process
    confined by ``taskset`` or a container may use: workers beyond these only compete.
    """
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return int(counter() or 1)
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


#: Items handed to the workers at a time, per worker (bounds the results held in memory).
WINDOW_PER_WORKER = 32


@dataclass(frozen=True)
class Settings:
    """What every job needs to know; picklable, so it travels to worker processes."""

    target: str
    source: str | None
    read_options: dict[str, str] = field(default_factory=dict)
    write_options: dict[str, Any] = field(default_factory=dict)
    max_bytes: int = 64 * 1024 * 1024
    debug: bool = False
    #: Inputs (by display name) read with ``sessions=false``: TEI corpus roots whose sessions
    #: are inputs too, so that each session is converted once.
    root_only: frozenset[str] = frozenset()
    #: Where :func:`write_job` writes its temporary files (the output directory).
    out_dir: str | None = None


@dataclass
class Outcome:
    """What happened to one input."""

    display: str
    status: Status
    problems: list[Problem] = field(default_factory=list)
    transcripts: list[Transcript] = field(default_factory=list)
    #: Rendered outputs, ``(file name, content)``, when the job renders each transcript.
    outputs: list[tuple[str, str | bytes]] = field(default_factory=list)
    #: Outputs written to temporary files, ``(file name, temporary path)``, by :func:`write_job`.
    temporaries: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""


def _read(item: InputFile, settings: Settings) -> tuple[list[Transcript], list[Problem]]:
    data = item.data if item.path is None else read_bytes(item.path, settings.max_bytes)
    assert data is not None  # stdin inputs carry their bytes
    result = read_detailed(
        data,
        item.display,
        settings.source,
        file_name=item.name_for_detection,
        max_bytes=settings.max_bytes,
        options=_options_for(item, settings),
    )
    return result.transcripts, result.warnings


def _options_for(item: InputFile, settings: Settings) -> dict[str, str]:
    if item.display in settings.root_only:
        return {**settings.read_options, "sessions": "false"}
    return settings.read_options


def _guarded(item: InputFile, settings: Settings, work: Callable[[], Outcome]) -> Outcome:
    try:
        return work()
    except TranscriptError as error:
        problems = [
            replace(p, file=item.display) if p.file == "<input>" else p for p in error.problems
        ]
        return Outcome(item.display, "failed", problems)
    except Exception as error:  # a converter bug must not stop the other inputs of a batch
        from transcript_model.cli.report import describe_exception

        detail = f"\n{traceback.format_exc()}" if settings.debug else ""
        message = f"internal error: {describe_exception(error)}{detail}"
        return Outcome(item.display, "failed", [Problem("internal_error", message, item.display)])


def read_job(item: InputFile, settings: Settings) -> Outcome:
    """Read one input; the outcome carries its transcripts."""

    def work() -> Outcome:
        transcripts, warnings = _read(item, settings)
        if not transcripts:
            return Outcome(item.display, "skipped", warnings, note="it holds no transcript")
        return Outcome(item.display, "converted", warnings, transcripts)

    return _guarded(item, settings, work)


def render_job(item: InputFile, settings: Settings) -> Outcome:
    """Read one input and render each transcript separately, named by transcript id."""

    def work() -> Outcome:
        transcripts, warnings = _read(item, settings)
        if not transcripts:
            return Outcome(item.display, "skipped", warnings, note="it holds no transcript")
        extension = get_format(settings.target).extension
        outputs: list[tuple[str, str | bytes]] = [
            (f"{t.id}{extension}", _encoded(write(t, settings.target, **settings.write_options)))
            for t in transcripts
        ]
        return Outcome(item.display, "converted", warnings, outputs=outputs)

    return _guarded(item, settings, work)


def write_job(item: InputFile, settings: Settings) -> Outcome:
    """As :func:`render_job`, each output written to a temporary file in the output directory
    (by a worker: the parent then only renames it into place, or removes it).

    An output that cannot be written fails the input; those written before it are handed back
    all the same, as the parent writing them in turn would have left them written.
    """
    assert settings.out_dir is not None
    rendered = render_job(item, settings)
    if rendered.status != "converted":
        return rendered
    directory = Path(settings.out_dir)
    owner = os.getppid()  # the run's process: it renames the files, or removes them on exit
    temporaries: list[tuple[str, str]] = []
    for name, content in rendered.outputs:
        try:
            temp = write_temporary(directory, _encoded(content), owner)
        except OSError as error:  # a full disk, a read-only directory: this input failed
            message = f"output {name} could not be written: {error.strerror or error}"
            problem = Problem("not_written", message, item.display)
            problems = [*rendered.problems, problem]
            return Outcome(item.display, "failed", problems, temporaries=temporaries)
        temporaries.append((name, str(temp)))
    return Outcome(item.display, "converted", rendered.problems, temporaries=temporaries)


def _encoded(content: str | bytes) -> bytes:
    # Encoded here, in the worker: bytes cross to the parent as they are, where a str is
    # encoded by pickle, decoded by the parent and encoded again when written, all in the one
    # process that every output goes through.
    return content.encode("utf-8") if isinstance(content, str) else content


#: How often a worker checks that its parent is still there (seconds).
PARENT_POLL_SECONDS = 0.25


def quiet_worker() -> None:
    """Set up a worker process (a pool initializer): signals are the parent's business, and a
    worker whose parent is gone exits silently.

    Ctrl-C reaches the whole process group: the parent handles it and terminates the pool, so
    workers ignore SIGINT. They take SIGTERM (sent by that clean-up) as the default: die at
    once. A parent killed outright (SIGKILL, the OOM killer) can clean nothing up: a watcher
    thread ends the worker when its parent changes, and whatever the pool would print about the
    pipe to the dead parent (a BrokenPipeError traceback) is dropped.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    sys.stderr = cast(TextIO, _QuietWhenOrphaned(sys.stderr, parent))


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    # Its results have no taker; a temporary file it was writing carries the dead parent's
    # process id, and the next run into that directory removes it.
    os._exit(0)


class _QuietWhenOrphaned:
    """A worker's standard error, silent once the parent is gone.

    The pool reports a failure to send a result to the parent with a traceback; when the
    parent is dead that is no error worth a message. The pipe can break before the kernel
    hands the worker to a new parent, so a broken pipe being handled counts as the parent gone.
    """

    def __init__(self, stream: TextIO, parent: int) -> None:
        self._stream = stream
        self._parent = parent

    def _orphaned(self) -> bool:
        handling = sys.exc_info()[1]
        return os.getppid() != self._parent or isinstance(handling, (EOFError, ConnectionError))

    def write(self, text: str) -> int:
        """Write ``text`` unless the parent is gone."""
        return len(text) if self._orphaned() else self._stream.write(text)

    def flush(self) -> None:
        """Flush unless the parent is gone (flushing into a closed pipe would fail too)."""
        if not self._orphaned():
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _call(
    job: Callable[[InputFile, Settings], Outcome], settings: Settings, item: InputFile
) -> Outcome:
    # A module-level function (with functools.partial) pickles for worker processes.
    return job(item, settings)


def run_jobs(
    job: Callable[[InputFile, Settings], Outcome],
    items: Sequence[InputFile],
    settings: Settings,
    jobs: int,
) -> Iterator[Outcome]:
    """Run ``job`` on every item, in input order; in worker processes when ``jobs`` > 1.

    Workers may run ahead of the parent by a window of items: a pool left to run ahead without
    bound would pile finished results up in memory whenever the parent writes more slowly than
    the workers read. The window slides (one item handed out per result taken), so workers
    never wait for the parent to finish a whole batch: with fixed batches they sat idle at
    every batch boundary while the parent wrote (and fsynced) its files, and ``-j 2`` gained
    nothing over ``-j 1``.
    """
    work = partial(_call, job, settings)
    workers = min(jobs, len(items))
    if workers <= 1:
        yield from map(work, items)
        return
    window = workers * WINDOW_PER_WORKER
    # Small chunks keep the progress bar moving and the window full; large ones save
    # inter-process round trips.
    chunk = max(1, min(8, len(items) // (workers * 8)))
    slots = threading.Semaphore(window)
    stop = threading.Event()
    with multiprocessing.get_context().Pool(workers, initializer=quiet_worker) as pool:
        try:
            for outcome in pool.imap(work, _throttled(items, slots, stop), chunksize=chunk):
                slots.release()
                yield outcome
        finally:
            # Before the pool is terminated, which waits for its task thread: that thread may
            # be waiting for a slot (Ctrl-C, an early exit).
            stop.set()


def _throttled(
    items: Sequence[InputFile], slots: threading.Semaphore, stop: threading.Event
) -> Iterator[InputFile]:
    """The items, each once a slot of the window is free (run by the pool's task thread)."""
    for item in items:
        while not slots.acquire(timeout=0.05):
            if stop.is_set():
                return
        if stop.is_set():
            return
        yield item
