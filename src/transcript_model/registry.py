"""The format registry: the built-in formats, plugins, and detection by content.

Formats are :class:`~transcript_model.contract.Format` declarations. The built-in ones live in
``transcript_model.converters``; third-party ones register through the entry-point group
``transcript_model.formats``, each entry naming a ``Format`` (or a list of them)::

    [project.entry-points."transcript_model.formats"]
    vtt = "transcript_vtt:FORMAT"

Plugins are looked up once per process, and only when a name is not built-in or when every
format is asked for (listing, detection), so ``transcript validate x.json`` does not scan the
installed distributions.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from transcript_model.contract import SNIFF_BYTES, Format
from transcript_model.errors import Problem, TranscriptError

ENTRY_POINT_GROUP = "transcript_model.formats"

#: Where the built-in declarations are (light modules: they import no reader).
BUILT_IN = (
    "transcript_model.converters.json",
    "transcript_model.converters.text",
    "transcript_model.converters.tei",
    "transcript_model.converters.akn",
    "transcript_model.converters.html",
    "transcript_model.converters.speakers",
    "transcript_model.converters.tables",
    "transcript_model.converters.popolo",
)

#: A file name ending in one of a format's extensions makes it at least this likely.
EXTENSION_CONFIDENCE = 0.5
#: Formats less sure than this are not tried.
MIN_CONFIDENCE = 0.5
#: A runner-up this close to the winner is named in a warning.
NEAR_MISS = 0.15


@dataclass(frozen=True)
class Candidate:
    """A format that may read an input, and how sure it is."""

    format: Format
    confidence: float


class Registry:
    """Every format this process knows, by name."""

    def __init__(self, built_in: Sequence[str] = BUILT_IN) -> None:
        self._built_in_modules = tuple(built_in)
        self._built_in: dict[str, Format] | None = None
        self._plugins: dict[str, Format] | None = None
        self._registered: dict[str, Format] = {}
        #: Plugins that could not be loaded or clash with a known name.
        self.problems: list[Problem] = []

    def _builtins(self) -> dict[str, Format]:
        if self._built_in is None:
            self._built_in = {}
            for module in self._built_in_modules:
                for fmt in importlib.import_module(module).FORMATS:
                    self._built_in[fmt.name] = fmt
        return self._built_in

    def _entry_points(self) -> dict[str, Format]:
        if self._plugins is None:
            self._plugins = {}
            if not may_declare_plugins():
                return self._plugins
            from importlib.metadata import entry_points

            for entry in entry_points(group=ENTRY_POINT_GROUP):
                self._add_plugin(entry.name, entry.value, entry.dist)
        return self._plugins

    def _add_plugin(self, entry: str, value: str, distribution: object) -> None:
        origin = getattr(distribution, "name", None) or value
        try:
            from importlib.metadata import EntryPoint

            loaded = EntryPoint(entry, value, ENTRY_POINT_GROUP).load()
        except Exception as error:  # a broken plugin must not break the other formats
            self._plugin_problem(f"plugin {entry} ({value}) cannot be loaded: {error}")
            return
        declared = loaded if isinstance(loaded, (list, tuple)) else [loaded]
        for fmt in declared:
            if not isinstance(fmt, Format):
                self._plugin_problem(f"plugin {entry} ({value}) gives {fmt!r}, not a Format")
            elif fmt.name in self._builtins() or fmt.name in self._registered:
                self._plugin_problem(
                    f"plugin {entry} ({origin}) declares format {fmt.name!r}, "
                    "which is already taken; it is ignored"
                )
            else:
                assert self._plugins is not None
                self._plugins[fmt.name] = replace(fmt, origin=str(origin))

    def _plugin_problem(self, message: str) -> None:
        self.problems.append(Problem("plugin_error", message, "transcript", severity="warning"))

    def register(self, fmt: Format) -> None:
        """Add a format in this process (what an entry point does for an installed plugin)."""
        if fmt.name in self._builtins():
            raise TranscriptError.single(
                "usage", f"format {fmt.name!r} is built in and cannot be replaced"
            )
        self._registered[fmt.name] = fmt

    def unregister(self, name: str) -> None:
        """Remove a format added with :meth:`register`."""
        self._registered.pop(name, None)

    def formats(self) -> list[Format]:
        """Every format: built-in first, then registered ones and plugins."""
        return [
            *self._builtins().values(),
            *self._registered.values(),
            *self._entry_points().values(),
        ]

    def get(self, name: str, origin: str = "<input>") -> Format:
        """The format called ``name``; a TranscriptError naming ``origin`` for an unknown one."""
        for table in (self._builtins(), self._registered):
            if name in table:
                return table[name]
        if name in self._entry_points():
            return self._entry_points()[name]
        known = ", ".join(f.name for f in self.formats())
        raise TranscriptError.single(
            "unknown_format", f"unknown format {name!r} (known: {known})", origin
        )

    def candidates(self, name: str | None, data: bytes) -> list[Candidate]:
        """Readable formats that claim the input, most confident first.

        Each format's ``sniff`` looks at the head of ``data``; a file name ending in one of its
        extensions raises its confidence to at least :data:`EXTENSION_CONFIDENCE`, the longest
        matching extension a little more (".tei.xml" over ".xml"). Ties keep registry order.
        """
        head = data[:SNIFF_BYTES]
        lower = (name or "").lower()
        scored: list[Candidate] = []
        for fmt in self.formats():
            if not fmt.reads:
                continue
            confidence = _sniffed(fmt, head)
            matched = [len(e) for e in fmt.extensions if lower.endswith(e)]
            if matched:
                confidence = max(confidence, EXTENSION_CONFIDENCE + max(matched) / 1000)
            if confidence >= MIN_CONFIDENCE:
                scored.append(Candidate(fmt, round(confidence, 3)))
        scored.sort(key=lambda c: -c.confidence)
        return scored

    def detect(self, name: str | None, data: bytes, origin: str = "<input>") -> Format:
        """The format most likely to read the input; TranscriptError when none claims it."""
        found = self.candidates(name, data)
        if not found:
            raise no_reader_error(self.formats(), origin, data[:64])
        return found[0].format


def _sniffed(fmt: Format, head: bytes) -> float:
    if fmt.sniff is None:
        return 0.0
    try:
        return min(max(float(fmt.sniff(head)), 0.0), 1.0)
    except Exception:  # a plugin's broken sniff says "not mine" rather than failing detection
        return 0.0


def no_reader_error(
    formats: Iterable[Format], origin: str, head: bytes = b""
) -> TranscriptError:
    """The error for an input no format claims: what each reader looks for."""
    expected = "; ".join(
        f"{f.name}: {f.description}" + (f" ({', '.join(f.extensions)})" if f.extensions else "")
        for f in formats
        if f.reads
    )
    return TranscriptError.single(
        "unknown_format",
        f"no reader recognises this input{_markup_note(head)}; pass --from (format=) to choose "
        f"one. Readers: {expected}",
        origin,
    )


def _markup_note(head: bytes) -> str:
    # The most common miss: XML of another vocabulary, whose root names no namespace we read.
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<"):
        return (
            " (markup that is neither TEI nor Akoma Ntoso, with no TEI or AKN namespace on "
            "the root, nor a saved HTML page)"
        )
    return ""


def may_declare_plugins() -> bool:
    """Whether an installed distribution may declare an entry point of our group: False only
    when none of the metadata folders on ``sys.path`` names it (what ``importlib.metadata``
    would search), told without that module, whose import (of the email package) costs a
    quarter of the start of ``transcript validate``. True when unsure: another finder of
    distributions, or a zip file on the path."""
    import importlib.machinery

    for finder in sys.meta_path:
        if finder is not importlib.machinery.PathFinder and hasattr(finder, "find_distributions"):
            return True
    group = ENTRY_POINT_GROUP.encode()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                folders = [item.path for item in found if item.name.endswith(_METADATA_FOLDERS)]
        except NotADirectoryError:
            return True
        except OSError:
            continue  # a path entry that does not exist
        for folder in folders:
            try:
                with open(os.path.join(folder, "entry_points.txt"), "rb") as declared:
                    if group in declared.read():
                        return True
            except OSError:
                continue  # no entry points, or an egg-info file
    return False


_METADATA_FOLDERS = (".dist-info", ".egg-info")


def near_miss_warning(found: Sequence[Candidate], chosen: Format, origin: str) -> Problem | None:
    """A warning when another format was almost as likely as the one that read the input."""
    others = [c for c in found if c.format.name != chosen.name]
    mine = next((c for c in found if c.format.name == chosen.name), None)
    if not others or mine is None or mine.confidence - others[0].confidence >= NEAR_MISS:
        return None
    runner = others[0]
    return Problem(
        "format_ambiguous",
        f"looks like {mine.format.name} ({mine.confidence:.2f}) or {runner.format.name} "
        f"({runner.confidence:.2f}); read as {mine.format.name}; pass --from to choose",
        origin,
        severity="warning",
    )


#: The registry of this process.
REGISTRY = Registry()


def unambiguous_format(file_name: str | None, data: bytes) -> Format | None:
    """The format detection reads ``data`` as, when no other format is nearly as likely (no
    :func:`near_miss_warning`, which the usual route would give); None otherwise."""
    found = REGISTRY.candidates(file_name, data)
    if not found or near_miss_warning(found, found[0].format, "<input>") is not None:
        return None
    return found[0].format


def all_formats() -> list[Format]:
    """Every format this process knows (built-in, registered and installed plugins)."""
    return REGISTRY.formats()


def get_format(name: str, origin: str = "<input>") -> Format:
    """The format called ``name``; a TranscriptError naming ``origin`` for an unknown one."""
    return REGISTRY.get(name, origin)


def detect_format(name: str | None, data: bytes, origin: str | None = None) -> str:
    """The name of the format most likely to read ``data`` (a file called ``name``)."""
    return REGISTRY.detect(name, data, origin or name or "<input>").name
