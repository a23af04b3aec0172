"""Checking one input into a :class:`~transcript_model.cli.report.FileReport`.

What ``transcript validate`` does per input, wherever it runs: in this process, in worker
processes, or on a Dask cluster (:mod:`transcript_model.cli.cluster`, :mod:`transcript_model.dask`).
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from transcript_model.cli.inputs import InputFile, export_only_owner
from transcript_model.cli.report import FileReport, describe_exception
from transcript_model.contract import SNIFF_BYTES, Format
from transcript_model.errors import Problem, TranscriptError, cap_repeated
from transcript_model.inputs import read_bytes
from transcript_model.registry import REGISTRY, all_formats, unambiguous_format


@cache
def installed_formats() -> list[Format]:
    # Looked up once: finding the converter modules costs an import-system search each time.
    return all_formats()


def corpus_roots_covered(
    files: list[InputFile], forced: str | None, max_bytes: int
) -> frozenset[str]:
    """The inputs (display names) that are TEI corpus roots including another input.

    A corpus root is read and checked as the sessions it includes; when those are inputs of
    the same batch (a corpus folder), the root is taken as itself alone (``sessions=false``),
    so that each session is converted and checked once.
    """
    if forced not in (None, "tei") or len(files) < 2:
        return frozenset()
    xml = {item.path: item.display for item in files if item.path and item.path.suffix == ".xml"}
    if len(xml) < 2:
        return frozenset()
    # The converters are a separate tree for mypy (as in transcript_model.dask).
    registration = importlib.import_module("transcript_model.converters.tei")
    if not any(registration.may_be_corpus_root(path) for path in xml):
        return frozenset()  # no corpus root at all: the TEI converter needs no import here
    tei = importlib.import_module("transcript_model.converters.tei.whole_corpus")
    roots: frozenset[Path] = tei.roots_with_listed_sessions(xml, max_bytes)
    return frozenset(display for path, display in xml.items() if path.resolve() in roots)


def check_file(
    item: InputFile,
    forced: str | None,
    max_bytes: int,
    debug: bool = False,
    options: Mapping[str, Any] | None = None,
    root_only: frozenset[str] = frozenset(),
    quick_json: bool = False,
) -> FileReport:
    """Validate one input completely; never raises for bad input.

    Whatever goes wrong with one input (a reader bug included: any exception) is reported as a
    problem of that input, so a batch always goes on to the next. ``quick_json`` first tries to
    show a JSON input valid without pydantic: quicker to start, slower per file (about 0.6 ms
    a 40 KB file against 0.3 ms), so for a few files only.
    """
    name: str | None = None
    checking = False
    try:
        data = item.data if item.path is None else read_bytes(item.path, max_bytes)
        assert data is not None  # stdin inputs carry their bytes
        _refuse_export_only(item, forced)
        checking = True
        if not options and _valid_large_json(item, data, forced):
            return FileReport(item.display, "json", 1, [])
        shown = _quickly_valid_json(item, data, forced) if quick_json and not options else None
        if shown is not None:
            return FileReport(item.display, "json", shown, [])
        if not options and item.display not in root_only:
            large = _large_document(item, data, forced, max_bytes)
            if large is not None:
                return large
        if item.display in root_only:
            options = {**(options or {}), "sessions": False}
        # Imported here: a valid JSON file, shown valid above, never needs pydantic.
        from transcript_model.api import validate_detailed

        result = validate_detailed(
            data,
            item.display,
            forced,
            file_name=item.name_for_detection,
            max_bytes=max_bytes,
            options=options,
        )
        name = result.format
    except TranscriptError as error:
        return FileReport(item.display, name, problems=_relocated(error.problems, item.display))
    except Exception as error:  # a converter bug: report it for this file and check the others
        if debug:
            traceback.print_exc()
        name = _likely_format(item, forced) if checking else None
        checker = f" in the {name} checker" if name else ""
        message = f"internal error{checker}: {describe_exception(error)}"
        return FileReport(
            item.display, name, problems=[Problem("internal_error", message, item.display)]
        )
    problems = cap_repeated(result.problems)  # millions of one fault: the first 100, and a count
    return FileReport(item.display, name, len(result.transcripts), problems)


def _valid_large_json(item: InputFile, data: bytes, forced: str | None) -> bool:
    """True when ``data`` is a large JSON input holding one valid transcript, checked turn by
    turn without holding the whole model (a third of the memory at 100 MB); the usual route
    then needs not run. Only for inputs that route would check as JSON first."""
    if len(data) < _JSON_STREAM_FROM:
        return False  # before anything else: this costs nothing for the usual small file
    if forced != "json" and (forced is not None or _likely_format(item, None) != "json"):
        return False
    json_reader = importlib.import_module("transcript_model.converters.json.convert")
    valid: bool = json_reader.valid_large_transcript(data)
    return valid


def _quickly_valid_json(item: InputFile, data: bytes, forced: str | None) -> int | None:
    """How many transcripts ``data`` holds when it is JSON shown valid without the model (see
    ``converters/json/quick.py``), for an input the usual route would check with the built-in
    JSON checker alone, without a warning that another format was nearly as likely; None
    otherwise."""
    if len(data) >= _JSON_STREAM_FROM:
        return None  # a large file is checked turn by turn, in a third of the memory
    if data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()[:1] not in (b"{", b"["):
        return None  # no JSON: spares other inputs a second detection by the usual route
    if forced is None:
        fmt = unambiguous_format(item.name_for_detection, data)
    elif forced == "json":
        fmt = REGISTRY.get("json")
    else:
        return None
    if fmt is None or fmt.validate != _JSON_CHECKER:
        return None
    quick = importlib.import_module("transcript_model.converters.json.quick")
    count: int | None = quick.valid_transcript_count(data)
    return count


#: What the quick route stands in for (a test may give the json format other functions).
_JSON_CHECKER = "transcript_model.converters.json.convert:validate"
#: The JSON reader's ``STREAM_FROM`` (the converters are imported only when needed).
_JSON_STREAM_FROM = 4 * 1024 * 1024
#: The size from which the TEI and AKN validators check a document element by element, and
#: the text reader a page a line at a time.
_DOCUMENT_STREAM_FROM = 4 * 1024 * 1024


def _large_document(
    item: InputFile, data: bytes, forced: str | None, max_bytes: int
) -> FileReport | None:
    """The report of a large TEI or AKN document checked element by element, or of a large
    page of text checked a line at a time, without holding its model (the model of a 125 MB
    TEI file takes 350 MB); None when the usual route must check it. The same problems as
    that route's, which finds the same first format."""
    if len(data) < _DOCUMENT_STREAM_FROM:
        return None  # before anything else: this costs nothing for the usual small file
    # Detected once, from the bytes at hand; not when the usual route would warn that the
    # input may be in another format (this route gives no such warning).
    detected = unambiguous_format(item.name_for_detection, data) if forced is None else None
    name = forced or (detected.name if detected is not None else None)
    if name not in ("tei", "akn", "text"):
        return None
    module = importlib.import_module(f"transcript_model.converters.{name}.convert")
    problems: list[Problem] | None = module.check_large(data, item.display, max_bytes=max_bytes)
    return None if problems is None else FileReport(item.display, name, 1, cap_repeated(problems))


def _likely_format(item: InputFile, forced: str | None) -> str | None:
    """The format an input was most likely checked as (to name it in an internal error)."""
    if forced:
        return forced
    try:
        if item.path is None:
            head = item.data or b""
        else:
            with open(item.path, "rb") as handle:
                head = handle.read(SNIFF_BYTES)
    except OSError:
        return None
    candidates = REGISTRY.candidates(item.name_for_detection, head)
    return candidates[0].format.name if candidates else None


def _refuse_export_only(item: InputFile, forced: str | None) -> None:
    export_only = None if forced else export_only_owner(item.display, installed_formats())
    if export_only is not None:
        raise TranscriptError.single(
            "write_only",
            f"this is {export_only.name} ({export_only.description}): it cannot be "
            "read back, so there is nothing to check",
        )


def _relocated(problems: list[Problem], file: str) -> list[Problem]:
    # Problems raised before a file name was known say "<input>"; name the file instead.
    return [p if p.file == file else replace(p, file=file) for p in problems]
