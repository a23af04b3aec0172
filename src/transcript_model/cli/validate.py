"""``transcript validate``: check many files in one process and report every problem.

Each converter compiles its schema once and caches it, so checking all inputs in one process
pays for schema compilation once. Formats are imported only when a file needs them: validating
JSON never loads lxml or an XML schema.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import chain
from typing import Any

from transcript_model.cli.checking import check_file, corpus_roots_covered, installed_formats
from transcript_model.cli.inputs import InputFile, expand
from transcript_model.cli.report import (
    CodeFilter,
    FileReport,
    github_line,
    print_skipped,
    summary,
    text_line,
)
from transcript_model.contract import Format
from transcript_model.errors import Problem, TranscriptError
from transcript_model.registry import get_format

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
#: With ``--jobs 0`` (the default), batches of at least this many files are checked by
#: forked workers: below it, starting them costs more than it saves.
PARALLEL_FROM = 200
MAX_AUTO_JOBS = 8


def _summary_line(counts: dict[str, int]) -> str:
    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    ignored = f", {counts['ignored']} ignored" if "ignored" in counts else ""

    return (
        f"checked {plural(counts['files'], 'file')}: {counts['valid']} valid, "
        f"{counts['invalid']} invalid, {counts['unreadable']} unreadable "
        f"({plural(counts['errors'], 'error')}, {plural(counts['warnings'], 'warning')}"
        f"{ignored})"
    )


def _forced_format(name: str | None) -> Format | None:
    if name is None:
        return None
    fmt = get_format(name)
    if not fmt.reads:
        raise TranscriptError.single(
            "usage", f"--from {name}: {name} is an export-only format", "transcript"
        )
    return fmt


def run(args: argparse.Namespace) -> int:
    """Validate every input named on the command line; returns the exit code."""
    forced = _forced_format(args.source_format)
    codes = CodeFilter.from_arguments(args.select, args.ignore)
    if args.whole_process:
        # Everything imported so far lives until exit: keep the collector from scanning it again
        # and again while thousands of transcripts are built (about a tenth of the time on
        # JSON). Not when called from Python: frozen objects are never collected.
        gc.freeze()
    dask = getattr(args, "executor", "local") == "dask"
    if dask:
        from transcript_model.cli import cluster
    inputs = (cluster.expand_inputs if dask else expand)(
        args.paths,
        installed_formats(),
        forced,
        max_bytes=args.max_bytes,
        follow_symlinks=args.follow_symlinks,
    )
    print_skipped([p for p in inputs.skipped if codes is None or codes.selects(p.code)])
    emit = _EMITTERS.get(args.output_format)
    profile = getattr(args, "profile", None)
    check = partial(
        check_file,
        forced=args.source_format,
        max_bytes=args.max_bytes,
        debug=args.debug,
        options={"profile": profile} if profile else None,
        root_only=corpus_roots_covered(inputs.files, args.source_format, args.max_bytes),
        # Starting pydantic costs about 0.1 s, repaid by its quicker checking from a few
        # hundred files on: where the files are spread over processes, it is started once.
        quick_json=not dask and len(inputs.files) < PARALLEL_FROM,
    )
    missing = [FileReport(p.file, None, problems=[p]) for p in inputs.missing]
    reports: list[FileReport] = []
    unrecognised = 0
    checked = (
        cluster.check_all(inputs.files, check, args.max_bytes, args.scheduler)
        if dask
        else check_all(inputs.files, check, args.jobs)
    )
    for report in chain(missing, checked):
        if args.skip_unrecognised and is_unrecognised(report):
            unrecognised += 1
            print_skipped([Problem("skipped", UNRECOGNISED, report.file, severity="warning")])
            continue
        if codes is not None:
            report.problems = codes.keep(report.problems)
        reports.append(report)
        _emit(report, emit)
    counts = summary(reports, args.strict)
    if codes is not None:
        counts["ignored"] = codes.ignored
    _write_document(args.output_format, counts, reports, args.strict)
    sys.stdout.flush()
    if not reports:
        if unrecognised:  # e.g. a commit that stages only package.json: nothing to check
            return EXIT_OK
        print("transcript: no transcript files found in the given paths", file=sys.stderr)
        return EXIT_UNREADABLE
    if not args.quiet:
        print(_summary_line(counts), file=sys.stderr)
    if counts["unreadable"]:
        return EXIT_UNREADABLE
    return EXIT_INVALID if counts["invalid"] else EXIT_OK


_EMITTERS: dict[str, Callable[[Problem], str]] = {"text": text_line, "github": github_line}


def _write_document(
    output_format: str, counts: dict[str, int], reports: list[FileReport], strict: bool
) -> None:
    """The reports that are one document, written once every file is checked."""
    document: Any
    if output_format == "json":
        files = [r.as_dict(strict) for r in reports]
        document = {"summary": counts, "strict": strict, "files": files}
    elif output_format in ("sarif", "gitlab"):
        from transcript_model.cli import dialects

        problems = (p for r in reports for p in r.problems)
        write = dialects.sarif_document if output_format == "sarif" else dialects.gitlab_report
        document = write(problems)
    else:
        return
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


#: Said of each file that --skip-unrecognised leaves out.
UNRECOGNISED = "no reader recognises this file as a transcript: skipped (--skip-unrecognised)"
# What readers say of content that is not theirs at all, as opposed to a broken transcript.
_NOT_A_TRANSCRIPT = frozenset({"not_a_transcript", "unknown_format"})
_TRANSCRIPT_FIELDS = frozenset({"id", "language", "event"})


def is_unrecognised(report: FileReport) -> bool:
    """True when no reader claims the file: it is not a transcript at all (``notes.txt``,
    ``pom.xml``, ``package.json``), rather than a transcript with faults.

    A reader says so (``not_a_transcript``, ``unknown_format``), or the file is JSON whose top
    level has none of a transcript's required fields. A transcript with any of them, however
    broken, is still checked and reported.
    """
    errors = [p for p in report.problems if p.severity == "error"]
    if errors and all(p.code in _NOT_A_TRANSCRIPT for p in errors):
        return True
    missing = {p.path for p in errors if p.code == "missing"}
    return report.format == "json" and missing >= _TRANSCRIPT_FIELDS


def _kind(item: InputFile) -> str:
    # Files with the same compound extension are (nearly always) of the same format.
    name = "" if item.path is None else item.path.name.lower()
    return name[name.find(".") :] if "." in name else ""


def _workers(jobs: int, count: int) -> int:
    if jobs == 1 or count < 2 or (not jobs and count < PARALLEL_FROM):
        return 1  # decided before importing multiprocessing, which slows the start
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # spawned workers would import and compile everything again
    if jobs:
        return min(jobs, count)
    from transcript_model.cli.jobs import available_cores

    return min(available_cores(), MAX_AUTO_JOBS, count // PARALLEL_FROM + 1)


def check_all(
    items: Sequence[InputFile], check: Callable[[InputFile], FileReport], jobs: int
) -> Iterator[FileReport]:
    """Check every item and yield the reports in input order.

    With N processes, the first file of each kind is checked here first, so that its converter
    compiles its schema once, in this process; then N - 1 forked workers, which inherit the
    compiled schemas, take the files from the end of the list while this process takes them
    from the start, until the two meet (see :func:`_shared_checks`).
    """
    workers = _workers(jobs, len(items))
    if workers <= 1:
        yield from map(check, items)
        return
    warm: dict[int, FileReport] = {}
    kinds: set[str] = set()
    for index, item in enumerate(items):
        if _kind(item) not in kinds:
            kinds.add(_kind(item))
            warm[index] = check(item)
    yield from _shared_checks(items, check, warm, workers - 1)


#: Files a worker claims at a time from the end of the list (small: whoever finishes last
#: keeps the other waiting for at most this many files).
WORKER_CLAIM = 4
_Shared = tuple[Sequence[InputFile], Callable[[InputFile], FileReport], Any, set[int]]
#: What a forked worker inherited from the parent (set by its initializer).
_INHERITED: list[_Shared] = []


def _shared_checks(
    items: Sequence[InputFile],
    check: Callable[[InputFile], FileReport],
    warm: dict[int, FileReport],
    forked: int,
) -> Iterator[FileReport]:
    """The reports of ``items``, this process checking from the start and ``forked`` workers
    from the end, each claiming files from one shared pair of bounds until they meet.

    A fixed split (this process the first 1/N of the files) left the workers idle or this
    process waiting: this process also starts up, reads the inputs' list and prints every
    report, and the rest of the machine's load falls unevenly. Claiming as they go, all
    finish together. This process's reports are yielded as they come; the workers' (the end
    of the list) once they are done.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    # [next file from the start, end of the files not yet claimed from the end]
    bounds = context.Array("q", [0, len(items)])
    shared = (items, check, bounds, set(warm))
    with context.Pool(forked, initializer=_start_worker, initargs=(shared,)) as pool:
        results = [pool.apply_async(_check_from_the_end) for _ in range(forked)]
        while (index := _claim_next(bounds)) is not None:
            yield warm[index] if index in warm else check(items[index])
        theirs: dict[int, FileReport] = {}
        for result in results:
            theirs.update(result.get())
        for index in range(bounds[0], len(items)):
            yield warm[index] if index in warm else theirs[index]


def _start_worker(shared: _Shared) -> None:
    # Forked: ``shared`` is inherited as it is, not pickled (the bounds cannot be).
    from transcript_model.cli.jobs import quiet_worker

    quiet_worker()
    _INHERITED.append(shared)


def _claim_next(bounds: Any) -> int | None:
    with bounds.get_lock():
        index: int = bounds[0]
        if index >= bounds[1]:
            return None
        bounds[0] = index + 1
        return index


def _check_from_the_end() -> list[tuple[int, FileReport]]:
    """In a worker: check files claimed from the end of the list until none is left."""
    items, check, bounds, warm = _INHERITED[0]
    done: list[tuple[int, FileReport]] = []
    while True:
        with bounds.get_lock():
            start, end = bounds[0], bounds[1]
            if start >= end:
                return done
            claimed = max(start, end - WORKER_CLAIM)
            bounds[1] = claimed
        done.extend(
            (index, check(items[index])) for index in range(claimed, end) if index not in warm
        )


def _emit(report: FileReport, emit: Callable[[Problem], str] | None) -> None:
    if emit is None:
        return
    for problem in report.problems:
        sys.stdout.write(emit(problem) + "\n")
