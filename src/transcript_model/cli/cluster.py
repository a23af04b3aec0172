"""``--executor dask``: the per-input work of ``validate`` and ``convert`` on a Dask cluster.

The jobs are the local executor's own (``checking.check_file``, ``jobs.read_job``,
``jobs.render_job``), so reports and outputs are the same. Results come back in input order.

For ``convert --out-dir`` the workers write the outputs, in two steps per chunk of inputs:
the workers render and keep the texts; this process gets only the output names, makes the
local executor's checks (an input is never overwritten, a name is written once per run, a name
must fit the file system) and then asks the worker holding the texts to write the approved
ones, each atomically (a temporary file renamed in the same directory; see ``write_output``).
A worker that dies loses nothing: the scheduler renders its chunk again elsewhere, and since
names are deterministic and every write atomic, writing an output again is harmless.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from transcript_model.cli.inputs import InputFile, Inputs, expand
from transcript_model.cli.jobs import Outcome, Settings
from transcript_model.cli.output import remove_leftovers, write_atomically
from transcript_model.contract import Format
from transcript_model.errors import Problem, TranscriptError


def _dask() -> Any:
    # Imported only when asked for: the extra may not be installed.
    import transcript_model.dask as tmd

    return tmd


def expand_inputs(
    arguments: Sequence[str],
    formats: list[Format],
    forced: Format | None,
    *,
    max_bytes: int,
    follow_symlinks: bool,
) -> Inputs:
    """``cli.inputs.expand``, with fsspec URLs among the arguments expanded by their store."""
    tmd = _dask()
    if not any(tmd.is_url(a) for a in arguments):
        return expand(
            arguments, formats, forced, max_bytes=max_bytes, follow_symlinks=follow_symlinks
        )
    result = Inputs()
    for argument in arguments:
        if tmd.local_path(argument) is not None:
            found = expand(
                [tmd.local_path(argument)],
                formats,
                forced,
                max_bytes=max_bytes,
                follow_symlinks=follow_symlinks,
            )
        else:
            files, missing = tmd.expand_sources(
                [argument], forced.name if forced else None, max_bytes=max_bytes
            )
            found = Inputs(files, missing)
        result.files.extend(found.files)
        result.missing.extend(found.missing)
        result.skipped.extend(found.skipped)
    loaded = tmd.preload(result.files, max_bytes)
    result.missing.extend(p for p in loaded if isinstance(p, Problem))
    result.files = [f for f in loaded if not isinstance(f, Problem)]
    return result


# --- validate -------------------------------------------------------------------------------


def _check_loaded(check: Callable[[InputFile], Any], max_bytes: int, item: InputFile) -> Any:
    from transcript_model.cli.report import FileReport

    try:
        loaded = _dask().load(item, max_bytes)
    except TranscriptError as error:
        return FileReport(item.display, None, problems=list(error.problems))
    return check(loaded)


def _check_failed(item: InputFile, error: BaseException) -> Any:
    from transcript_model.cli.report import FileReport

    problem = Problem("internal_error", _dask().worker_died(error), item.display)
    return FileReport(item.display, None, problems=[problem])


def check_all(
    items: Sequence[InputFile], check: Callable[[InputFile], Any], max_bytes: int, scheduler: str
) -> Iterator[Any]:
    """Check every item on the cluster; the reports in input order."""
    tmd = _dask()
    if not items:
        return
    with tmd.cluster_client(scheduler or None) as client:
        work = partial(_check_loaded, check, max_bytes)
        yield from tmd.map_ordered(client, work, items, _check_failed)


# --- convert --------------------------------------------------------------------------------

Job = Callable[[InputFile, Settings], Outcome]


def _job_loaded(job: Job, settings: Settings, item: InputFile) -> Outcome:
    try:
        loaded = _dask().load(item, settings.max_bytes)
    except TranscriptError as error:
        return Outcome(item.display, "failed", list(error.problems))
    return job(loaded, settings)


def _job_failed(item: InputFile, error: BaseException) -> Outcome:
    problem = Problem("internal_error", _dask().worker_died(error), item.display)
    return Outcome(item.display, "failed", [problem])


@dataclass
class Cluster:
    """A client of the cluster for one run of ``convert``, as a runner of jobs."""

    client: Any

    def __call__(
        self, job: Job, items: Sequence[InputFile], settings: Settings
    ) -> Iterator[Outcome]:
        """``job`` of every item on the cluster, in input order."""
        work = partial(_job_loaded, job, settings)
        return _dask().map_ordered(self.client, work, items, _job_failed)  # type: ignore[no-any-return]


def start(scheduler: str | None) -> Any:
    """The context manager of a client (see ``transcript_model.dask.cluster_client``)."""
    return _dask().cluster_client(scheduler or None)


@dataclass
class Plan:
    """What this process decided for one rendered chunk: per input, the outcome to record and
    the names whose texts the worker is to write."""

    outcomes: list[Outcome] = field(default_factory=list)
    writes: list[list[str]] = field(default_factory=list)


def _names(outcomes: list[Outcome]) -> list[Outcome]:
    # What travels back to this process: everything but the texts.
    return [
        Outcome(
            o.display, o.status, o.problems, outputs=[(n, "") for n, _ in o.outputs], note=o.note
        )
        for o in outcomes
    ]


def write_output(out_dir: str, name: str, text: str | bytes) -> None:
    """Write one output atomically: locally a temporary file renamed in place (the local
    executor's own write); in a store whose puts are atomic, one put at the final key; in any
    other store, a put at a temporary key moved to the final one."""
    tmd = _dask()
    local = tmd.local_path(out_dir)
    if local is not None:
        write_atomically(Path(local) / name, text)
        return
    import fsspec

    from transcript_model.cli.output import temp_name

    fs, root = fsspec.core.url_to_fs(out_dir)
    data = text.encode("utf-8") if isinstance(text, str) else text
    final = f"{root.rstrip('/')}/{name}"
    if out_dir.partition("://")[0] in tmd.ATOMIC_PUT_PROTOCOLS:
        fs.pipe_file(final, data)
        return
    temp = f"{root.rstrip('/')}/{temp_name()}"
    try:
        fs.pipe_file(temp, data)
        fs.mv(temp, final)
    except BaseException:
        if fs.exists(temp):
            fs.rm(temp)
        raise


def _write_approved(
    out_dir: str, outcomes: list[Outcome], approved: list[list[str]]
) -> list[str | None]:
    """Write the approved outputs of a chunk; per input, None or why a write failed."""
    failures: list[str | None] = []
    for outcome, names in zip(outcomes, approved, strict=True):
        texts = dict(outcome.outputs)
        failure = None
        for name in names:
            try:
                write_output(out_dir, name, texts[name])
            except OSError as error:
                failure = f"output {name} could not be written: {error.strerror or error}"
                break
        failures.append(failure)
    return failures


def to_directory(
    client: Any,
    items: Sequence[InputFile],
    settings: Settings,
    out_dir: str,
    decide: Callable[[Outcome], Outcome],
    record: Callable[[Outcome, int], None],
) -> None:
    """Render every item on the cluster and have the workers write the approved outputs.

    ``decide(outcome)`` is the local executor's check of a rendered input's output names: the
    outcome itself when they may be written (and are then taken), else the refusal; ``record``
    takes each input's final outcome and the number of files written for it, in input order.
    """
    tmd = _dask()
    from transcript_model.cli.jobs import render_job

    here = tmd.process_local(out_dir)
    work = partial(_job_loaded, render_job, settings)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = tmd.chunk_size(len(items), workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    window = tmd.CHUNKS_PER_WORKER * workers
    rendering: deque[Any] = deque()
    writing: deque[tuple[Plan, Any]] = deque()
    upcoming = iter(chunks)

    def submit_next() -> None:
        for part in upcoming:
            rendered = client.submit(tmd._run_chunk, work, part, pure=False)
            rendering.append((part, rendered, client.submit(_names, rendered, pure=False)))
            return

    for _ in range(window):
        submit_next()
    while rendering or writing:
        if rendering and len(writing) < window:
            part, rendered, names = rendering.popleft()
            submit_next()
            plan = _plan(part, names, decide)
            if here:
                failures = _write_approved(out_dir, rendered.result(), plan.writes)
                writing.append((plan, failures))
            else:
                writing.append(
                    (
                        plan,
                        client.submit(_write_approved, out_dir, rendered, plan.writes, pure=False),
                    )
                )
            rendered.release()
            continue
        plan, written = writing.popleft()
        failures = written if isinstance(written, list) else _written(written, plan)
        _record(plan, failures, record)


def _plan(part: Sequence[InputFile], names: Any, decide: Callable[[Outcome], Outcome]) -> Plan:
    try:
        outcomes: list[Outcome] = names.result()
    except Exception as error:
        outcomes = [_job_failed(item, error) for item in part]
    plan = Plan()
    for outcome in outcomes:
        decided = decide(outcome) if outcome.status == "converted" else outcome
        plan.outcomes.append(decided)
        plan.writes.append([n for n, _ in outcome.outputs] if decided is outcome else [])
    return plan


def _written(future: Any, plan: Plan) -> list[str | None]:
    try:
        failures: list[str | None] = future.result()
    except Exception as error:
        failures = [_dask().worker_died(error) if w else None for w in plan.writes]
    return failures


def _record(plan: Plan, failures: list[str | None], record: Callable[[Outcome, int], None]) -> None:
    for outcome, names, failure in zip(plan.outcomes, plan.writes, failures, strict=True):
        if failure is not None:
            problem = Problem("not_written", failure, outcome.display)
            record(Outcome(outcome.display, "failed", [*outcome.problems, problem]), 0)
        else:
            record(outcome, len(names))


def remove_worker_leftovers(client: Any, out_dir: str, started: float) -> int:
    """Remove, on every worker's machine, the temporary files that workers killed during the
    run left in a local ``out_dir`` (the process named in a temporary name is gone)."""
    tmd = _dask()
    local = tmd.local_path(out_dir)
    if local is None:
        return 0
    removed = client.run(remove_leftovers, Path(local), started)
    mine = remove_leftovers(Path(local), started)
    return len(mine) + sum(len(names) for names in removed.values())
