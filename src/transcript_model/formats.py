"""The format registry: names, file extensions, detection, and lazy loading of converters.

Each format is one module in ``transcript_model.converters`` that knows only the canonical
model. A module provides::

    read(data: bytes, origin: str = "<input>", **options) -> ReadResult   # if it reads
    write(transcripts: Sequence[Transcript], **options) -> str             # if it writes
    validate(data: bytes, origin: str = "<input>") -> ValidationResult    # optional

Modules are imported only when their format is used, so the CLI stays fast: validating JSON
never loads lxml or an XML schema.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol, cast

from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import ReadResult
from transcript_model.model import Transcript


@dataclass
class ValidationResult:
    """What validating one input found: the transcripts it holds and every problem."""

    transcripts: list[Transcript]
    problems: list[Problem]


class Converter(Protocol):
    """What a converter module looks like to the rest of the package."""

    def read(self, data: bytes, origin: str = ..., **options: Any) -> ReadResult: ...

    def write(self, transcripts: Sequence[Transcript], **options: Any) -> str: ...


@dataclass(frozen=True)
class Format:
    """A registered format."""

    name: str
    module: str
    extensions: tuple[str, ...]
    description: str
    reads: bool = True
    writes: bool = True
    #: The format holds exactly one transcript per file (TEI, AKN).
    one_per_file: bool = False
    #: Options the registry passes to the module's ``write`` (one module can serve two formats).
    write_options: tuple[tuple[str, str], ...] = ()

    def load(self) -> Converter:
        """Import the converter module."""
        return cast(Converter, importlib.import_module(self.module))

    def available(self) -> bool:
        """True when the converter module is installed."""
        return importlib.util.find_spec(self.module) is not None

    @property
    def extension(self) -> str:
        """The extension written for this format."""
        return self.extensions[0]


_CONVERTERS = "transcript_model.converters"
_REGISTRY = (
    Format("json", f"{_CONVERTERS}.json.convert", (".json",), "canonical JSON (one or an array)"),
    Format("text", f"{_CONVERTERS}.text.convert", (".txt",), "kremlin.ru transcript page text"),
    Format(
        "tei",
        f"{_CONVERTERS}.tei.convert",
        (".tei.xml",),
        "TEI P5 (ParlaMint/Parla-CLARIN)",
        one_per_file=True,
    ),
    Format(
        "akn",
        f"{_CONVERTERS}.akn.convert",
        (".akn.xml",),
        "Akoma Ntoso 3.0 debate",
        one_per_file=True,
    ),
    Format(
        "html",
        f"{_CONVERTERS}.html.convert",
        (".html", ".htm"),
        "saved kremlin.ru page",
        writes=False,
    ),
    Format(
        "speakers",
        f"{_CONVERTERS}.speakers.convert",
        (),
        "speaker-label text from other publishers",
        writes=False,
    ),
    Format(
        "csv", f"{_CONVERTERS}.tables.convert", (".csv",), "turns table, export only", reads=False
    ),
    Format(
        "tsv",
        f"{_CONVERTERS}.tables.convert",
        (".tsv",),
        "turns table, export only",
        reads=False,
        write_options=(("delimiter", "\t"),),
    ),
    Format(
        "popolo",
        f"{_CONVERTERS}.popolo.convert",
        (".popolo.json",),
        "Popolo JSON, export only",
        reads=False,
    ),
)


def all_formats() -> list[Format]:
    """Every format whose converter is installed."""
    return [f for f in _REGISTRY if f.available()]


def get_format(name: str, origin: str = "<input>") -> Format:
    """The format called ``name``; raises TranscriptError (naming ``origin``) for an unknown one."""
    for candidate in _REGISTRY:
        if candidate.name == name and candidate.available():
            return candidate
    known = ", ".join(f.name for f in all_formats())
    raise TranscriptError.single(
        "unknown_format", f"unknown format {name!r} (known: {known})", origin
    )


_TEI_NS = b"http://www.tei-c.org/ns/1.0"
_AKN_NS = (b"http://docs.oasis-open.org/legaldocml/ns/akn/3.0", b"http://www.akomantoso.org/2.0")


def detect_format(name: str | None, data: bytes) -> str:
    """Guess the format of an input from its file name and its first bytes."""
    lower = (name or "").lower()

    def plain_text() -> str:
        # Other publishers' speaker-label transcripts share ".txt" with kremlin.ru page text;
        # only unmistakable speaker-label layouts leave the default text reader.
        sniff = importlib.import_module(f"{_CONVERTERS}.speakers.sniff")
        return "speakers" if sniff.looks_like_speaker_text(data) else "text"

    by_extension = [
        f for f in _REGISTRY if f.reads and any(lower.endswith(e) for e in f.extensions)
    ]
    if by_extension:
        # The longest matching extension wins: ".tei.xml" over ".xml", ".popolo.json" over ".json".
        best = max(
            by_extension, key=lambda f: max(len(e) for e in f.extensions if lower.endswith(e))
        )
        return plain_text() if best.name == "text" else best.name
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"<"):
        if _TEI_NS in head:
            return "tei"
        if any(ns in head for ns in _AKN_NS) or b"<akomaNtoso" in head:
            return "akn"
        if b"<html" in head.lower() or b"<!doctype html" in head.lower():
            return "html"
        if lower.endswith(".xml"):
            raise TranscriptError.single(
                "unknown_format",
                "XML that is neither TEI nor Akoma Ntoso (no TEI or AKN namespace on the root)",
                name or "<input>",
            )
    return plain_text()


def load_module(fmt: Format) -> ModuleType:
    """Import the module behind ``fmt`` (for optional functions such as ``validate``)."""
    return importlib.import_module(fmt.module)
