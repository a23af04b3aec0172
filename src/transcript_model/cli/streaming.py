"""What ``transcript convert`` writes a transcript at a time, or a turn at a time (issue 18).

A format with a stream writer (JSON, TEI, AKN, the tables) writes one output (``-o``, stdout)
with it, straight to the atomic temporary file, instead of a document made whole first; into
``--out-dir``, a large transcript is written so on a writer thread. Made whole, the output of
a 100 MB transcript was held as text, then joined, then encoded, beside its model: 12.7x the
input's size at the peak.
"""

from __future__ import annotations

import importlib
import os
import stat
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from transcript_model.api import write
from transcript_model.cli.inputs import InputFile
from transcript_model.cli.jobs import Outcome, Settings
from transcript_model.cli.output import atomic_output, interactive
from transcript_model.contract import Capability, Format
from transcript_model.errors import Problem, TranscriptError, cap_repeated
from transcript_model.inputs import read_bytes
from transcript_model.model import Transcript
from transcript_model.registry import unambiguous_format


def _usage(message: str) -> TranscriptError:
    return TranscriptError.single("usage", message, "transcript")


def options_of(target: Format, capability: Capability) -> Capability:
    """Whose options ``-w`` gives: the writer's, when its stream writer takes the same ones
    (JSON, TEI: the same document, written a turn at a time), so that a message about them
    names the writer the user knows."""
    if capability != "stream" or not target.writes:
        return capability
    same = set(target.options("stream")) == set(target.options("write"))
    return "write" if same else capability


#: Transcripts of this many turns or more are written a turn at a time, straight to their file
#: (on a writer thread), where the format can: rendered here first, a large one was held as
#: text, then as bytes, beside its model (issue 18: a 100 MB transcript peaked at 12.7x its
#: size). Smaller ones are rendered here, where a stop (Ctrl-C) finds them, in input order.
STREAM_FROM_TURNS = 2000


def streams_to_files(target: Format, settings: Settings) -> bool:
    """Whether a large transcript can be written by the format's stream writer, which then
    takes the options its whole-file writer was given (checked against that one)."""
    if "stream" not in target.capabilities:
        return False
    return set(target.options("stream")) >= set(settings.write_options)


def render(
    outcome: Outcome, target: Format, settings: Settings
) -> tuple[Outcome, list[tuple[str, Transcript]]]:
    """As ``render_job`` gives it for the input read into ``outcome``: each transcript rendered
    and named by id, except the large ones, which are returned named, to be streamed."""
    if outcome.status != "converted":
        return outcome, []
    outputs: list[tuple[str, str | bytes]] = []
    large: list[tuple[str, Transcript]] = []
    for transcript in outcome.transcripts:
        name = f"{transcript.id}{target.extension}"
        if len(transcript.turns) >= STREAM_FROM_TURNS:
            large.append((name, transcript))
            continue
        try:
            content = write(transcript, target.name, **settings.write_options)
        except Exception as error:  # a converter bug must not stop the other inputs
            problems = failure(error, name, outcome.display, settings.debug)
            return Outcome(outcome.display, "failed", [*outcome.problems, *problems]), []
        outputs.append((name, content.encode("utf-8") if isinstance(content, str) else content))
    return Outcome(outcome.display, "converted", outcome.problems, outputs=outputs), large


def stream_to(target: Format, settings: Settings, path: Path, transcript: Transcript) -> None:
    """Write ``transcript`` to ``path`` (atomically) with the format's stream writer."""
    write_stream = target.function("stream")
    with atomic_output(path, target.binary) as handle:
        write_stream([transcript], handle, **{**target.write_defaults, **settings.write_options})


def failure(error: Exception, name: str, display: str, debug: bool) -> list[Problem]:
    """What stopped an output from being written: the disk (a full one, a read-only
    directory), a problem the writer reports, or a converter bug, which must not stop the
    other inputs of a batch."""
    if isinstance(error, OSError):
        message = f"output {name} could not be written: {error.strerror or error}"
        return [Problem("not_written", message, display)]
    if isinstance(error, TranscriptError):
        return [replace(p, file=display) if p.file == "<input>" else p for p in error.problems]
    from transcript_model.cli.report import describe_exception

    detail = f"\n{traceback.format_exc()}" if debug else ""
    message = f"internal error: {describe_exception(error)}{detail}"
    return [Problem("internal_error", message, display)]


def checked_stream(stream: Iterator[Transcript], target: Format) -> Iterator[Transcript] | None:
    """The transcripts to stream, or None when there are none; a usage error, before anything
    is written, when a format of one transcript per file is given several."""
    first = next(stream, None)
    if first is None:
        return None
    if target.one_per_file:
        second = next(stream, None)
        if second is not None:
            del first, second
            raise several(target, 2 + sum(1 for _ in stream))
    return _prepended([first], stream)


def several(target: Format, given: int) -> TranscriptError:
    return _usage(
        f"{target.name} holds one transcript per file and the input holds "
        f"{given}: use --out-dir DIR for one file each"
    )


def _prepended(first: list[Transcript], rest: Iterator[Transcript]) -> Iterator[Transcript]:
    # Popped, not iterated: the list would keep the first transcript alive to the end.
    yield first.pop()
    yield from rest


def standard_output(binary: bool) -> IO[Any]:
    """Standard output, as text or bytes; a usage error for bytes to a terminal."""
    if not binary:
        return sys.stdout
    if interactive(sys.stdout):
        raise _usage("binary output is not written to a terminal: give -o FILE or --out-dir DIR")
    return sys.stdout.buffer


#: The writers that write a transcript whose turns are not held (their ``turn_by_turn``).
TURN_BY_TURN_WRITERS = {
    "tei": "transcript_model.converters.tei.writer",
    "json": "transcript_model.converters.json.writer",
}
#: The readers whose ``turn_by_turn`` reads such a transcript, for each of those writers.
TURN_BY_TURN_READERS = {"tei": ("json", "text"), "json": ("tei", "akn", "text")}


def turn_by_turn(
    files: Sequence[InputFile], settings: Settings, target: Format, executor: str = "local"
) -> tuple[Outcome, Callable[[IO[Any]], None]] | None:
    """One large input to a format that can be written without holding the turns (JSON or
    page text to TEI; TEI, AKN or page text to JSON): the outcome of reading it (its
    transcript without turns, its warnings), and what writes the output (the turns read from
    the input again as they are written); None, before anything is written, when the usual
    route must convert it: it is not one transcript the reader the usual route takes first
    reads so, or anything else is unexpected. The same output, byte for byte, at the memory of
    the input's bytes (the model of a 107 MB transcript took 3.7 times its size besides
    them)."""
    module = TURN_BY_TURN_WRITERS.get(target.name)
    if module is None or len(files) != 1 or settings.write_options or executor != "local":
        return None
    if settings.read_options or settings.root_only:
        return None
    item = files[0]
    # The converters are a separate tree for mypy (as in cli/checking.py).
    json_reader = importlib.import_module("transcript_model.converters.json.convert")
    # The least size any reader of the target's takes so (each reader checks its own).
    least = min(_DOCUMENT_STREAM_FROM, json_reader.STREAM_FROM)
    data = _large_input(item, settings.max_bytes, least)
    if data is None:
        return None
    source = settings.source or _read_first(item, data)
    if source not in TURN_BY_TURN_READERS[target.name]:
        return None
    reader = importlib.import_module(f"transcript_model.converters.{source}.convert")
    warnings: list[Problem] = []

    def read(observe: Callable[[Any], None]) -> Any:
        if source == "json":
            return reader.turn_by_turn(data, observe)
        found = reader.turn_by_turn(data, observe, item.display, settings.max_bytes)
        if found is not None:
            warnings.extend(cap_repeated(found.warnings))  # as read_detailed reports them
        return found

    writer = importlib.import_module(module)
    piped: tuple[Transcript, Callable[[IO[Any]], None]] | None = writer.turn_by_turn(read)
    if piped is None:
        return None
    return Outcome(item.display, "converted", warnings, transcripts=[piped[0]]), piped[1]


#: The TEI, AKN and text readers' ``STREAM_FROM`` (known here without importing them, as in
#: cli/checking.py): a smaller input is converted the usual way.
_DOCUMENT_STREAM_FROM = 4 * 1024 * 1024


def _large_input(item: InputFile, max_bytes: int, least: int) -> bytes | None:
    """The bytes of ``item`` when it holds ``least`` bytes or more (told before reading it),
    None otherwise or when it is not a file of at most ``max_bytes`` that can be read (the
    usual route then says why)."""
    if item.path is None:
        return item.data if item.data is not None and len(item.data) >= least else None
    try:
        status = os.stat(item.path)
        if not stat.S_ISREG(status.st_mode) or not least <= status.st_size <= max_bytes:
            return None
        return read_bytes(item.path, max_bytes)  # one read, into one object its size
    except (OSError, TranscriptError):
        return None


def _read_first(item: InputFile, data: bytes) -> str | None:
    """The format detection reads ``data`` as first, when it does so without a warning that
    it might be another format (which the usual route would give)."""
    detected = unambiguous_format(item.name_for_detection, data)
    return None if detected is None else detected.name
