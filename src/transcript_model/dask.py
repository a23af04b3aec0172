"""Whole corpora on a Dask cluster: read, validate and tabulate files from any fsspec store.

Needs the optional extra ``transcript-model[dask]`` (dask, distributed; fsspec comes with
dask). Sources are local paths, directories, glob patterns or fsspec URLs (``file://``,
``s3://``, ``gs://``, ``memory://`` ...)::

    import transcript_model.dask as tmd

    bag = tmd.read_bag("s3://corpus/ParlaMint-GB/**/*.xml", storage_options={"anon": True})
    report = tmd.report(tmd.validate_bag("s3://corpus/ParlaMint-GB/"))
    tmd.turns_frame(bag).to_parquet("s3://tables/parlamint-gb/")

Nothing here raises for a bad input: each input becomes one :class:`ReadOutcome` (or one
validation report) with its problems, as in ``transcript convert`` and ``transcript validate``.
The same module runs those commands' ``--executor dask`` (:func:`cluster_client`,
:func:`map_ordered`).

A module named ``transcript_model.dask`` does not shadow the ``dask`` package: imports here are
absolute, so ``import dask`` always means the top-level package.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from transcript_model.cli.inputs import InputFile, directory_filter, expand
from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import DEFAULT_MAX_BYTES, read_stream
from transcript_model.model import Transcript
from transcript_model.registry import all_formats, get_format

#: The optional extra that installs Dask.
EXTRA = "transcript-model[dask]"


def missing_dask() -> TranscriptError:
    """The error for the Dask executor or API asked for where Dask is not installed."""
    return TranscriptError.single(
        "missing_dependency",
        f"the Dask executor needs dask and distributed, which are not installed: "
        f"install {EXTRA} (pip install '{EXTRA}')",
        "transcript",
    )


try:
    import dask.bag as db
    import fsspec
    from distributed import Client, Future, LocalCluster
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise missing_dask() from error

if TYPE_CHECKING:
    import dask.dataframe as dd

T = TypeVar("T")
R = TypeVar("R")

#: Inputs per task at the least: one task per file would spend more time scheduling than
#: reading.
DEFAULT_CHUNK = 64
#: Inputs per task at the most, so that a lost worker costs little to redo.
MAX_CHUNK = 1024
#: Chunks in flight per worker: enough to keep every worker busy while results are taken in
#: input order, few enough that finished results do not pile up in memory.
CHUNKS_PER_WORKER = 4
#: Chunks per worker over a whole batch when the batch is large: each chunk of a conversion
#: makes three round trips (render, names, write), so 10,000 small files in chunks of 64 were
#: twice as slow as two local processes; in 8 chunks a worker, 1.1 times.
CHUNKS_PER_BATCH = 8
#: Stores whose writes of one object are atomic (the object appears whole or not at all), so
#: an output is put once at its final key; elsewhere it goes to a temporary key and is moved.
ATOMIC_PUT_PROTOCOLS = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "memory"})
#: Stores that live inside one process: inputs are read and outputs written by the client.
PROCESS_LOCAL_PROTOCOLS = frozenset({"memory"})


def is_url(name: str) -> bool:
    """True when ``name`` is an fsspec URL (``scheme://...``) rather than a local path."""
    scheme, sep, _ = name.partition("://")
    return bool(sep) and scheme.isidentifier() and len(scheme) > 1


def local_path(name: str) -> str | None:
    """The local path a name means (``file://`` URLs included), or None for another store."""
    if not is_url(name):
        return name
    if name.startswith("file://"):
        return name[len("file://") :]
    return None


def process_local(name: str) -> bool:
    """True when the store of ``name`` exists only in this process (``memory://``)."""
    return is_url(name) and name.partition("://")[0] in PROCESS_LOCAL_PROTOCOLS


@dataclass(frozen=True)
class UrlInput(InputFile):
    """An input in an fsspec store: read on the worker (or by the client for process-local
    stores, when ``data`` is already loaded)."""

    url: str = ""
    storage_options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name_for_detection(self) -> str | None:
        """The URL, whose extension counts in format detection as a file name's does."""
        return self.url


def load(item: InputFile, max_bytes: int = DEFAULT_MAX_BYTES) -> InputFile:
    """``item`` with its bytes, read from its store; a TranscriptError (``unreadable``,
    ``too_large``) when it cannot be read. Local files and loaded inputs come back as they are:
    the per-input jobs read those themselves."""
    if not isinstance(item, UrlInput) or item.data is not None:
        return item
    try:
        fs, path = fsspec.core.url_to_fs(item.url, **item.storage_options)
        with fs.open(path, "rb") as handle:
            data = read_stream(handle, item.display, max_bytes)
    except TranscriptError:
        raise
    except Exception as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise TranscriptError.single(
            "unreadable", f"cannot read the file: {reason}", item.display
        ) from None
    return UrlInput(item.display, None, data, url=item.url, storage_options=item.storage_options)


def expand_sources(
    sources: str | Iterable[str],
    format: str | None = None,
    *,
    storage_options: Mapping[str, Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[InputFile], list[Problem]]:
    """The input files that paths, directories, patterns and URLs name, and a problem for each
    that names nothing. Local paths are expanded as by the command line; URLs by their store
    (a directory is searched recursively, a pattern may use ``**``)."""
    names = [sources] if isinstance(sources, str) else list(sources)
    forced = get_format(format) if format else None
    files: list[InputFile] = []
    missing: list[Problem] = []
    options = dict(storage_options or {})
    for name in names:
        path = local_path(name)
        if path is not None:
            found = expand([path], all_formats(), forced, max_bytes=max_bytes)
            files.extend(found.files)
            missing.extend(found.missing)
        else:
            _expand_url(name, directory_filter(all_formats(), forced), options, files, missing)
    return files, missing


def _expand_url(
    url: str,
    wanted: Callable[[str], bool],
    options: dict[str, Any],
    files: list[InputFile],
    missing: list[Problem],
) -> None:
    fs, path = fsspec.core.url_to_fs(url, **options)
    if any(char in path for char in "*?["):
        found = [p for p in fs.glob(path) if not fs.isdir(p)]
    elif fs.isdir(path):
        found = [p for p in fs.find(path) if _visible(p) and wanted(p.rsplit("/", 1)[-1])]
    elif fs.exists(path):
        files.append(UrlInput(url, url=url, storage_options=options))
        return
    else:
        missing.append(Problem("not_found", "no such file or directory", url))
        return
    if not found:
        missing.append(Problem("not_found", "the pattern matches no file", url))
    for name in sorted(found):
        full = fs.unstrip_protocol(name)
        files.append(UrlInput(full, url=full, storage_options=options))


def _visible(path: str) -> bool:
    return not any(part.startswith(".") for part in path.split("/"))


def preload(items: Sequence[InputFile], max_bytes: int) -> list[InputFile | Problem]:
    """Inputs of process-local stores read here (workers cannot see them); others as they are.

    An input that cannot be read becomes its problem.
    """
    loaded: list[InputFile | Problem] = []
    for item in items:
        if isinstance(item, UrlInput) and process_local(item.url):
            try:
                loaded.append(load(item, max_bytes))
            except TranscriptError as error:
                loaded.append(error.problems[0])
        else:
            loaded.append(item)
    return loaded


# --- the Python API -------------------------------------------------------------------------


@dataclass
class ReadOutcome:
    """What reading one input gave: its transcripts, or the problems that stopped it."""

    source: str
    transcripts: list[Transcript] = field(default_factory=list)
    #: Warnings of a successful read, or the errors of a failed one.
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the input was read (it may still carry warnings)."""
        return not any(p.severity == "error" for p in self.problems)


def _read_one(
    item: InputFile, format: str | None, max_bytes: int, options: Mapping[str, str]
) -> ReadOutcome:
    from transcript_model.cli.jobs import Settings, read_job

    try:
        loaded = load(item, max_bytes)
    except TranscriptError as error:
        return ReadOutcome(item.display, problems=list(error.problems))
    settings = Settings("json", format, dict(options), {}, max_bytes)
    outcome = read_job(loaded, settings)
    return ReadOutcome(item.display, outcome.transcripts, outcome.problems)


def _bag(items: Sequence[Any], partition_size: int) -> db.Bag:
    partitions = max(1, -(-len(items) // max(1, partition_size)))
    return db.from_sequence(items, npartitions=partitions)


def read_bag(
    sources: str | Iterable[str],
    format: str | None = None,
    *,
    options: Mapping[str, str] | None = None,
    storage_options: Mapping[str, Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    partition_size: int = DEFAULT_CHUNK,
) -> db.Bag:
    """A bag of :class:`ReadOutcome`, one per input, in input order; never raises for a bad
    input. ``options`` are reader options as ``-r`` gives them (strings, checked and typed by
    the reader's declaration); ``storage_options`` go to fsspec (``{"anon": True}`` for S3)."""
    items, missing = expand_sources(
        sources, format, storage_options=storage_options, max_bytes=max_bytes
    )
    work = partial(_read_one, format=format, max_bytes=max_bytes, options=dict(options or {}))
    outcomes = _bag(items, partition_size).map(work)
    if not missing:
        return outcomes
    failed = [ReadOutcome(p.file, problems=[p]) for p in missing]
    return db.concat([db.from_sequence(failed, npartitions=1), outcomes])


def _validate_one(item: InputFile, format: str | None, max_bytes: int) -> Any:
    from transcript_model.cli.checking import check_file
    from transcript_model.cli.report import FileReport

    try:
        loaded = load(item, max_bytes)
    except TranscriptError as error:
        return FileReport(item.display, None, problems=list(error.problems))
    return check_file(loaded, format, max_bytes)


def validate_bag(
    sources: str | Iterable[str],
    format: str | None = None,
    *,
    storage_options: Mapping[str, Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    partition_size: int = DEFAULT_CHUNK,
) -> db.Bag:
    """A bag of validation reports (``cli.report.FileReport``), one per input, as
    ``transcript validate`` makes them; never raises for a bad input."""
    from transcript_model.cli.report import FileReport

    items, missing = expand_sources(
        sources, format, storage_options=storage_options, max_bytes=max_bytes
    )
    work = partial(_validate_one, format=format, max_bytes=max_bytes)
    reports = _bag(items, partition_size).map(work)
    if not missing:
        return reports
    failed = [FileReport(p.file, None, problems=[p]) for p in missing]
    return db.concat([db.from_sequence(failed, npartitions=1), reports])


def report(reports: db.Bag, *, strict: bool = False) -> dict[str, Any]:
    """Compute a bag of validation reports into the document of ``transcript validate
    --output-format json``: a summary and one entry per file."""
    from transcript_model.cli.report import summary

    computed = list(reports.compute())
    files = [r.as_dict(strict) for r in computed]
    return {"summary": summary(computed, strict), "strict": strict, "files": files}


def turns_frame(outcomes: db.Bag, table: str = "turns") -> dd.DataFrame:
    """A dask DataFrame of the turns table (one row per paragraph) of every transcript read,
    or of the speeches table with ``table="speeches"``; typed as in the Parquet export
    (categories, dates, times, nullable integers are int32), ready for ``.to_parquet(...)``.

    Inputs that could not be read contribute no rows (their problems are in the bag).
    """
    import dask.dataframe as dd

    meta = _as_pandas(_arrow().schema(table).empty_table())
    parts = [_partition_frame_delayed(partition, table) for partition in outcomes.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _partition_frame_delayed(partition: Any, table: str) -> Any:
    from dask import delayed

    return delayed(_partition_frame, pure=True)(partition, table)


def _partition_frame(outcomes: Iterable[ReadOutcome], table: str) -> Any:
    arrow = _arrow()
    transcripts = (t for outcome in outcomes for t in outcome.transcripts)
    groups = list(arrow.row_groups(transcripts, table, 1 << 30))
    whole = arrow.pa.concat_tables(groups) if groups else arrow.schema(table).empty_table()
    return _as_pandas(whole)


def _as_pandas(table: Any) -> Any:
    # Arrow-backed columns keep the Arrow types (date32, time32, dictionary) into Parquet;
    # NumPy-backed ones would turn dates and times into objects and categories into guesses.
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _arrow() -> Any:
    # The Arrow types of the tables (needs pyarrow: the extra parquet).
    return importlib.import_module("transcript_model.converters.tables._arrow")


# --- the executor of the command line -------------------------------------------------------


@contextlib.contextmanager
def cluster_client(scheduler: str | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``; without one, of a local cluster sized to the
    machine (one single-threaded worker process per CPU), shut down on leaving."""
    if scheduler:
        with Client(scheduler, set_as_default=False) as client:
            yield client
        return
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with (
        LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def chunk_size(count: int, workers: int) -> int:
    """Inputs per task for a batch of ``count`` on ``workers``: :data:`DEFAULT_CHUNK`, or more
    for a large batch (:data:`CHUNKS_PER_BATCH` chunks a worker, up to :data:`MAX_CHUNK`)."""
    spread = -(-count // max(1, workers * CHUNKS_PER_BATCH))
    return max(DEFAULT_CHUNK, min(MAX_CHUNK, spread))


def _worker_count(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _run_chunk(function: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [function(item) for item in chunk]


def map_ordered(
    client: Client,
    function: Callable[[T], R],
    items: Sequence[T],
    fallback: Callable[[T, BaseException], R],
    *,
    chunk: int | None = None,
) -> Iterator[R]:
    """``function`` of every item on the cluster, yielded in input order.

    Items go in chunks, a few chunks per worker in flight. A worker that dies takes no result
    with it: the scheduler runs its tasks again elsewhere. A chunk that fails anyway (its
    workers kept dying, a result could not be sent back) is run again one item per task, and an
    item that fails alone becomes ``fallback(item, error)``: one bad input never stops a run.
    """
    workers = _worker_count(client)
    window = workers * CHUNKS_PER_WORKER
    size = chunk if chunk is not None else chunk_size(len(items), workers)
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    pending: deque[tuple[Sequence[T], Future]] = deque()
    upcoming = iter(chunks)
    for part in upcoming:
        pending.append((part, client.submit(_run_chunk, function, part, pure=False)))
        if len(pending) >= window:
            break
    while pending:
        part, future = pending.popleft()
        for part_next in upcoming:
            pending.append((part_next, client.submit(_run_chunk, function, part_next, pure=False)))
            break
        yield from _chunk_results(client, function, part, future, fallback)


def _chunk_results(
    client: Client,
    function: Callable[[T], R],
    part: Sequence[T],
    future: Future,
    fallback: Callable[[T, BaseException], R],
) -> list[R]:
    try:
        results: list[R] = future.result()
        return results
    except Exception:
        pass
    finally:
        future.release()
    alone = [client.submit(function, item, pure=False) for item in part]
    results = []
    for item, single in zip(part, alone, strict=True):
        try:
            results.append(single.result())
        except Exception as error:
            results.append(fallback(item, error))
        finally:
            single.release()
    return results


def worker_died(error: BaseException) -> str:
    """What to say of an input whose task failed on the cluster rather than in a reader."""
    return f"internal error: the task failed on the cluster: {type(error).__name__}: {error}"


def output_dir_of(name: str) -> Path | str:
    """An output directory as a local path, or as a URL of another store."""
    path = local_path(name)
    return Path(path) if path is not None else name.rstrip("/")
