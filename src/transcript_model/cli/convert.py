"""``transcript convert``: one file, many files, stdin/stdout, a directory in parallel.

Three ways to write, chosen from the options and the target format:

* ``--out-dir DIR``: one file per transcript, named ``<transcript id><extension>``;
* ``--package --out-dir DIR``: the target's ``write_package`` lays out a whole corpus (TEI);
* otherwise one output (``-o FILE``, or standard output): formats with ``write_stream``
  (tables) stream every transcript of every input into it; others get all transcripts at once
  (JSON writes several as an array).

Every file is written atomically, an input is never overwritten, and a summary (converted,
failed, skipped) ends every batch.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO, Any

from transcript_model.api import check_reader_options, write
from transcript_model.cli import refusals
from transcript_model.cli.checking import corpus_roots_covered
from transcript_model.cli.inputs import InputFile, expand
from transcript_model.cli.jobs import (
    Outcome,
    Settings,
    available_cores,
    read_job,
    render_job,
    run_jobs,
    write_job,
)
from transcript_model.cli.output import (
    Progress,
    atomic_output,
    discard,
    install,
    interactive,
    remove_leftovers,
    remove_own_temporaries,
    write_atomically,
)
from transcript_model.cli.report import UNREADABLE_CODES, print_skipped, text_line
from transcript_model.cli.streaming import (
    checked_stream,
    failure,
    options_of,
    render,
    several,
    standard_output,
    stream_to,
    streams_to_files,
    turn_by_turn,
)
from transcript_model.contract import Capability, Format
from transcript_model.errors import Problem, TranscriptError
from transcript_model.model import Transcript
from transcript_model.registry import all_formats, get_format

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

Job = Callable[[InputFile, Settings], Outcome]
#: Runs a job on every input and yields the outcomes in input order: here, in worker
#: processes (``-j``) or on a Dask cluster (``--executor dask``).
Runner = Callable[[Job, Sequence[InputFile], Settings], Iterator[Outcome]]


def _local(jobs: int) -> Runner:
    return lambda job, files, settings: run_jobs(job, files, settings, jobs)


def _usage(message: str) -> TranscriptError:
    return TranscriptError.single("usage", message, "transcript")


class _NothingConvertedError(Exception):
    """Raised inside an atomic write to drop an output that would hold no transcript."""


@dataclass
class Tally:
    """Counts for the summary line."""

    converted: int = 0
    failed: int = 0
    skipped: int = 0
    unreadable: int = 0
    transcripts: int = 0
    written: int = 0

    @property
    def done(self) -> int:
        """Inputs finished, whatever happened to them."""
        return self.converted + self.failed + self.skipped

    def summary(self, destination: str) -> str:
        """The summary line printed on standard error."""
        return (
            f"converted {self.converted} input{'' if self.converted == 1 else 's'} "
            f"({self.transcripts} transcript{'' if self.transcripts == 1 else 's'}, "
            f"{self.written} file{'' if self.written == 1 else 's'} written to {destination}), "
            f"{self.failed} failed, {self.skipped} skipped"
        )

    def exit_code(self) -> int:
        """2 when an input could not be read at all, 1 when any failed, else 0."""
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_FAILED if self.failed else EXIT_OK


class Reporter:
    """Counts outcomes, prints their problems, and drives the progress bar."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.tally = Tally()
        self.quiet = quiet
        self.progress = Progress(total, interactive(sys.stderr) and not quiet)

    def problems(self, problems: Sequence[Problem]) -> None:
        """Print problems on standard error (above the progress bar)."""
        if problems:
            self.progress.close()
            for problem in problems:
                print(text_line(problem), file=sys.stderr)

    def record(self, outcome: Outcome) -> None:
        """Count one finished input."""
        self.problems(outcome.problems)
        if outcome.status == "failed":
            self.tally.failed += 1
            self.tally.unreadable += any(p.code in UNREADABLE_CODES for p in outcome.problems)
        elif outcome.status == "skipped":
            self.tally.skipped += 1
            if not self.quiet:
                self.progress.close()
                print(f"{outcome.display}: skipped: {outcome.note}", file=sys.stderr)
        else:
            self.tally.converted += 1
            self.tally.transcripts += (
                len(outcome.transcripts) or len(outcome.outputs) or len(outcome.temporaries)
            )
        self.progress.update(self.tally.done, self.tally.failed)

    def leftovers(self, directory: Path, started: float) -> None:
        """Remove the temporary files a killed run left in ``directory``, and say so."""
        removed = remove_leftovers(directory, started)
        if removed and not self.quiet:
            self.progress.close()
            print(
                f"transcript: removed {len(removed)} temporary "
                f"file{'' if len(removed) == 1 else 's'} left in {directory} by an interrupted run",
                file=sys.stderr,
            )

    def finish(self, destination: str, batch: bool) -> int:
        """Print the summary (for batches) and return the exit code."""
        self.progress.close()
        if batch and not self.quiet:
            print(self.tally.summary(destination), file=sys.stderr)
        return self.tally.exit_code()


def _target(name: str) -> Format:
    fmt = get_format(name)
    if not fmt.writes:
        raise _usage(f"--to {name}: {name} can be read but not written")
    return fmt


def _source(name: str | None) -> Format | None:
    if name is None:
        return None
    fmt = get_format(name)
    if not fmt.reads:
        raise _usage(f"--from {name}: {name} is an export-only format and cannot be read")
    return fmt


def split_pairs(pairs: Iterable[str], flag: str) -> dict[str, str]:
    """Parse ``KEY=VALUE`` strings (``-r``/``-w``); a usage error for one without ``=``."""
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise _usage(f"{flag} expects KEY=VALUE, got {pair!r}")
        options[key.strip().replace("-", "_")] = value
    return options


def _mode(args: argparse.Namespace, target: Format) -> Capability:
    if args.package:
        if "package" not in target.capabilities:
            raise _usage(f"--package: {target.name} has no corpus packaging")
        if not args.out_dir:
            raise _usage("--package writes several files: give --out-dir DIR")
        return "package"
    if not args.out_dir and "stream" in target.capabilities:
        return "stream"
    return "write"


def run(args: argparse.Namespace) -> int:
    """Convert every input named on the command line; returns the exit code."""
    target = _target(args.to)
    source = _source(args.source_format)
    capability = _mode(args, target)
    raw_read = split_pairs(args.reader_options, "-r")
    check_reader_options(raw_read, source.name if source else None, "-r")
    write_options = target.check_options(
        options_of(target, capability), split_pairs(args.writer_options, "-w"), "-w"
    )
    started = time.time()
    refusals.forget_resolved_directories()
    dask = getattr(args, "executor", "local") == "dask"
    if dask:
        from transcript_model.cli import cluster
    inputs = (cluster.expand_inputs if dask else expand)(
        args.inputs,
        all_formats(),
        source,
        max_bytes=args.max_bytes,
        follow_symlinks=args.follow_symlinks,
    )
    print_skipped(inputs.skipped)
    if not inputs.files and not inputs.missing:
        raise _usage("no transcript files found in the given paths")
    settings = Settings(
        target.name,
        args.source_format,
        raw_read,
        write_options,
        args.max_bytes,
        args.debug,
        corpus_roots_covered(inputs.files, args.source_format, args.max_bytes),
    )
    reporter = Reporter(len(inputs.files), args.quiet)
    for missing in inputs.missing:
        reporter.record(Outcome(missing.file, "failed", [missing]))
    batch = len(inputs.files) + len(inputs.missing) > 1 or bool(args.out_dir)
    workers = min(args.jobs or available_cores(), len(inputs.files))
    jobs = _local(workers)
    destination = args.out_dir or args.output or "standard output"
    try:
        with cluster.start(args.scheduler) if dask else contextlib.nullcontext() as client:
            if dask:
                jobs = cluster.Cluster(client)
            if args.out_dir and capability != "package" and dask:
                _to_directory_on_cluster(inputs.files, settings, client, args.out_dir, reporter)
            elif args.out_dir and capability != "package":
                out_dir = Path(args.out_dir)
                reporter.leftovers(out_dir, started)
                if workers > 1:
                    on_workers = replace(settings, out_dir=str(out_dir))
                    _to_directory_by_workers(inputs.files, on_workers, jobs, out_dir, reporter)
                else:
                    _to_directory(inputs.files, settings, jobs, out_dir, reporter)
            elif capability == "package":
                _to_package(inputs.files, settings, jobs, target, args, reporter, started)
            else:
                streams = jobs if dask else _local(args.jobs or 1)
                destination = _to_one(inputs.files, settings, jobs, streams, target, args, reporter)
    except BaseException:
        # Whatever stops the batch (Ctrl-C, SIGTERM, a usage error found late), say what was
        # done before it: the outputs already written stay.
        reporter.finish(destination, batch)
        raise
    return reporter.finish(destination, batch)


#: Threads that write (and fsync) output files while the main thread takes the next results.
WRITER_THREADS = 4
#: Inputs whose outputs may be waiting to be written at a time (bounds the texts held).
PENDING_WRITES = 64
#: What writing one input's outputs gave: its outcome, how many outputs were written, and the
#: names of those that were not.
_Written = tuple[Outcome, int, list[str]]


def _to_directory(
    files: Sequence[InputFile], settings: Settings, jobs: Runner, out_dir: Path, reporter: Reporter
) -> None:
    """Write each transcript of each input to its own file in ``out_dir``.

    Which outputs may be written is decided here, in input order; the writing itself (each
    file synced to disk before it is renamed into place) runs on a few threads, since it
    mostly waits for the disk: done in line it kept this process from taking the workers'
    next results, and ``-j 2`` gained little over ``-j 1``. Outcomes are recorded in input
    order all the same.
    """
    inputs = refusals.input_paths(files)
    written: dict[str, str] = {}  # output name -> the input it came from, in this run
    pending: deque[Future[_Written]] = deque()
    writers = ThreadPoolExecutor(WRITER_THREADS, thread_name_prefix="transcript-writer")
    target = get_format(settings.target)
    streams = streams_to_files(target, settings)
    stream = partial(stream_to, target, settings)
    write_outputs = partial(_write_outputs, stream=stream, debug=settings.debug)
    try:
        for outcome in jobs(read_job if streams else render_job, files, settings):
            rendered, large = render(outcome, target, settings) if streams else (outcome, [])
            names = [name for name, _ in rendered.outputs] + [name for name, _ in large]
            refused = _refused(rendered, names, out_dir, inputs, written)
            if refused is not None or rendered.status != "converted":
                pending.append(_finished(refused or rendered))
            else:
                # Claimed now, so that a later input with the same id is refused in order.
                written.update((name, rendered.display) for name in names)
                pending.append(writers.submit(write_outputs, rendered, out_dir, large))
            while pending and (pending[0].done() or len(pending) > PENDING_WRITES):
                _record_written(*pending.popleft().result(), written, reporter)
        while pending:
            _record_written(*pending.popleft().result(), written, reporter)
    finally:
        # On Ctrl-C or SIGTERM, the outputs converted before it are still written, whole (at
        # most PENDING_WRITES of them, all rendered already): what a run converted before it
        # was stopped does not depend on how far its writer threads had got.
        writers.shutdown(wait=True)


def _to_directory_by_workers(
    files: Sequence[InputFile], settings: Settings, jobs: Runner, out_dir: Path, reporter: Reporter
) -> None:
    """As :func:`_to_directory`, with the outputs written by the workers.

    With ``-j N`` this process was the bottleneck when it wrote every output itself: it took
    each text from a worker and wrote and synced it. Now it takes the names of the workers'
    temporary files, decides in input order which may be put in place (removing the others),
    and syncs and renames them on its writer threads. Stopped early (Ctrl-C, SIGTERM), it
    removes every temporary file named after this run once the workers and the writer threads
    are done: those being written and those not yet renamed.
    """
    inputs = refusals.input_paths(files)
    written: dict[str, str] = {}  # output name -> the input it came from, in this run
    pending: deque[Future[_Written]] = deque()
    writers = ThreadPoolExecutor(WRITER_THREADS, thread_name_prefix="transcript-writer")
    outcomes = jobs(write_job, files, settings)
    try:
        for outcome in outcomes:
            refused = _refused_temporaries(outcome, out_dir, inputs, written)
            if refused is not None or not outcome.temporaries:
                pending.append(_finished(refused or outcome))
            else:
                # Claimed now, so that a later input with the same id is refused in order.
                written.update((name, outcome.display) for name, _ in outcome.temporaries)
                pending.append(writers.submit(_install_outputs, outcome, out_dir))
            while pending and (pending[0].done() or len(pending) > PENDING_WRITES):
                _record_written(*pending.popleft().result(), written, reporter)
        while pending:
            _record_written(*pending.popleft().result(), written, reporter)
    finally:
        if isinstance(outcomes, Generator):
            outcomes.close()  # terminates the workers, which may be writing
        writers.shutdown(wait=True)  # as in _to_directory: converted outputs are put in place
        remove_own_temporaries(out_dir)


def _refused_temporaries(
    outcome: Outcome, out_dir: Path, inputs: set[str], written: dict[str, str]
) -> Outcome | None:
    """Why the outputs of an input cannot be put in place (an outcome saying so; their
    temporary files are then removed), or None. An input is written whole or not at all."""
    for name, _ in outcome.temporaries:
        refused = refusals.refusal(outcome, out_dir, name, inputs, written)
        if refused is not None:
            for _, temp in outcome.temporaries:
                discard(Path(temp))
            return refused
    return None


def _install_outputs(outcome: Outcome, out_dir: Path) -> _Written:
    """Put the temporary files of one input in place (on a writer thread): the outcome (failed
    when one cannot be), how many were put in place and the names of those that were not."""
    temporaries = outcome.temporaries
    names = [name for name, _ in temporaries]
    for count, (name, temp) in enumerate(temporaries):
        try:
            install(Path(temp), out_dir / name)
        except OSError as error:
            for _, rest in temporaries[count + 1 :]:
                discard(Path(rest))
            message = f"output {name} could not be written: {error.strerror or error}"
            problem = Problem("not_written", message, outcome.display)
            failed = Outcome(outcome.display, "failed", [*outcome.problems, problem])
            return failed, count, names[count:]
    return outcome, len(names), []


def _finished(outcome: Outcome) -> Future[_Written]:
    done: Future[_Written] = Future()
    done.set_result((outcome, 0, []))
    return done


def _refused(
    outcome: Outcome, names: list[str], out_dir: Path, inputs: set[str], written: dict[str, str]
) -> Outcome | None:
    # Every output of the input is checked first, so that an input is written whole or not at all.
    if outcome.status != "converted":
        return None
    for name in names:
        refused = refusals.refusal(outcome, out_dir, name, inputs, written)
        if refused is not None:
            return refused
    return None


def _write_outputs(
    outcome: Outcome,
    out_dir: Path,
    large: Sequence[tuple[str, Transcript]] = (),
    stream: Callable[[Path, Transcript], None] | None = None,
    debug: bool = False,
) -> _Written:
    """Write the outputs of one input (on a writer thread), the rendered ones, then the large
    transcripts with ``stream``: the outcome (failed when a write fails), how many outputs were
    written and the names of those that were not."""
    writes: list[tuple[str, Callable[[], None]]] = [
        (name, partial(write_atomically, out_dir / name, content))
        for name, content in outcome.outputs
    ]
    if stream is not None:
        writes += [(name, partial(stream, out_dir / name, t)) for name, t in large]
    names = [name for name, _ in writes]
    for count, (name, write_one) in enumerate(writes):
        try:
            write_one()
        except Exception as error:  # a full disk, a read-only directory: this input failed
            problems = failure(error, name, outcome.display, debug)
            failed = Outcome(outcome.display, "failed", [*outcome.problems, *problems])
            return failed, count, names[count:]
    return outcome, len(names), []


def _record_written(
    outcome: Outcome,
    written_count: int,
    unwritten: list[str],
    written: dict[str, str],
    reporter: Reporter,
) -> None:
    # Names claimed but never written are free again for the inputs still to come.
    for name in unwritten:
        if written.get(name) == outcome.display:
            del written[name]
    reporter.tally.written += written_count
    reporter.record(outcome)


def _to_directory_on_cluster(
    files: Sequence[InputFile], settings: Settings, client: Any, out_dir: str, reporter: Reporter
) -> None:
    """As ``_to_directory``, with the outputs written by the workers (``cli.cluster``)."""
    from transcript_model.cli import cluster

    started = time.time()
    local = (
        Path(out_dir.removeprefix("file://"))
        if "://" not in out_dir.removeprefix("file://")
        else None
    )
    if local is not None:
        reporter.leftovers(local, started)
    directory = local if local is not None else Path(out_dir)
    inputs = refusals.input_paths(files) | {f.display for f in files if f.path is None}
    written: dict[str, str] = {}

    def decide(outcome: Outcome) -> Outcome:
        for name, _ in outcome.outputs:
            refused = refusals.refusal(outcome, directory, name, inputs, written)
            if refused is not None:
                return refused
        written.update((name, outcome.display) for name, _ in outcome.outputs)
        return outcome

    def record(outcome: Outcome, files_written: int) -> None:
        reporter.tally.written += files_written
        reporter.record(outcome)

    try:
        cluster.to_directory(client, files, settings, out_dir, decide, record)
    finally:
        # Workers killed while writing leave temporary files named after their process.
        cluster.remove_worker_leftovers(client, out_dir, time.time())


def _transcripts(
    files: Sequence[InputFile], settings: Settings, jobs: Runner, reporter: Reporter
) -> Iterator[Transcript]:
    for outcome in jobs(read_job, files, settings):
        reporter.record(outcome)
        yield from outcome.transcripts


def _to_package(
    files: Sequence[InputFile],
    settings: Settings,
    jobs: Runner,
    target: Format,
    args: argparse.Namespace,
    reporter: Reporter,
    started: float,
) -> None:
    out_dir = Path(args.out_dir)
    transcripts = list(_transcripts(files, settings, jobs, reporter))
    if reporter.tally.failed or not transcripts:
        # A corpus missing some of its sessions would look complete: write none of it.
        message = "the package was not written: every input must convert"
        reporter.problems([Problem("not_written", message, str(out_dir))])
        return
    package: dict[str, str] = target.function("package")(transcripts, **settings.write_options)
    inputs = refusals.input_paths(files)
    paths = {name: _inside(out_dir, name) for name in package}
    for path in paths.values():
        if refusals.is_input(path, inputs):
            raise _usage(f"the package would overwrite the input {path}; choose another --out-dir")
    for directory in {path.parent for path in paths.values()}:
        reporter.leftovers(directory, started)
    for name, text in package.items():
        write_atomically(paths[name], text)
        reporter.tally.written += 1


def _inside(out_dir: Path, name: str) -> Path:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise TranscriptError.single(
            "internal_error", f"the package writer named a file outside the directory: {name}"
        )
    return out_dir.joinpath(*relative.parts)


def _to_one(
    files: Sequence[InputFile],
    settings: Settings,
    jobs: Runner,
    streams: Runner,
    target: Format,
    args: argparse.Namespace,
    reporter: Reporter,
) -> str:
    output = None if args.output in (None, "-") else Path(args.output)
    if output is not None and refusals.is_input(output, refusals.input_paths(files)):
        raise _usage(f"-o {args.output} is one of the inputs: refusing to overwrite it")
    destination = "standard output" if output is None else str(output)
    if output is not None and output.parent.is_dir():
        reporter.leftovers(output.parent, time.time())
    options = {**target.write_defaults, **settings.write_options}
    piped = turn_by_turn(files, settings, target, getattr(args, "executor", "local"))
    if piped is not None:  # one large input, converted without holding its model
        reporter.record(piped[0])
        _emit(output, piped[1], reporter, target.binary)
        return destination
    if "stream" in target.capabilities:
        # Streaming holds one transcript, written as it is made; workers would add theirs, and
        # shipping one between processes costs about as much as reading it: read here unless -j.
        stream = checked_stream(_transcripts(files, settings, streams, reporter), target)
        if stream is None:
            return destination  # nothing converted: nothing written, to a file or to stdout
        write_stream = target.function("stream")
        _emit(output, lambda out: write_stream(stream, out, **options), reporter, target.binary)
        return destination
    transcripts = list(_transcripts(files, settings, jobs, reporter))
    if not transcripts:
        return destination
    if target.one_per_file and len(transcripts) > 1:
        raise several(target, len(transcripts))
    content = write(transcripts, target.name, **settings.write_options)
    _emit(output, lambda out: out.write(content), reporter, target.binary)
    return destination


def _emit(
    output: Path | None, render: Callable[[IO[Any]], object], reporter: Reporter, binary: bool
) -> None:
    if output is None:
        stream = standard_output(binary)
        render(stream)
        stream.flush()
        reporter.tally.written += reporter.tally.converted > 0
        return
    try:
        with atomic_output(output, binary) as handle:
            render(handle)
            if not reporter.tally.converted:
                raise _NothingConvertedError
    except _NothingConvertedError:
        return
    reporter.tally.written += 1
