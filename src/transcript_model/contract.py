"""The converter contract: what a format declares, and the functions it may provide.

A format is one :class:`Format` value. It declares its name, file extensions, media type and a
``sniff`` function, and names the functions that do its work as ``"module:function"`` strings,
which are imported only when the work is asked for (validating JSON never imports lxml), or
gives the functions themselves (handy for a format registered in-process). What a
format can do follows from which of them it names:

==============  ======================================================================
capability      function and signature
==============  ======================================================================
``read``        ``read(data: bytes, origin: str, *, <options>) -> ReadResult``
``validate``    ``validate(data: bytes, origin: str, *, <options>) -> ValidationResult``
``write``       ``write(transcripts: Sequence[Transcript], *, <options>) -> str``
``stream``      ``write_stream(transcripts: Iterable[Transcript], out: TextIO, *, <options>)``
``package``     ``write_package(transcripts: Sequence[Transcript], *, <options>) -> dict[str, str]``
==============  ======================================================================

``<options>`` are keyword-only parameters with a type (``str``, ``bool``, ``int``, ``float``,
optionally ``| None``) and a default. They are the format's options, in the Python API
(``read(..., language="ru")``) and on the command line (``-r language=ru``) alike; see
:meth:`Format.options`. A reader that takes a parameter called ``max_bytes`` is given the
caller's size limit (it is not a user option).

``sniff(head: bytes) -> float`` looks at the first :data:`SNIFF_BYTES` bytes of an input and
says how sure the format is that it can read it, from 0.0 (not at all) to 1.0 (certain); it
must be cheap and must not import the format's reader.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import sys
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from transcript_model.errors import TranscriptError

Capability = Literal["read", "validate", "write", "stream", "package"]
Sniff = Callable[[bytes], float]
#: A function, or where to import it from: ``"package.module:function"`` (imported on first use).
Target = str | Callable[..., Any]

#: How much of an input ``sniff`` is shown.
SNIFF_BYTES = 64 * 1024

#: Parameters the library fills itself; they are never user options.
_INPUT_PARAMETERS = {
    "read": ("data", "origin", "max_bytes"),
    "validate": ("data", "origin", "max_bytes"),
    "write": ("transcripts",),
    "stream": ("transcripts", "out"),
    "package": ("transcripts",),
}
_OPTION_TYPES: tuple[type, ...] = (str, bool, int, float)
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _usage(message: str) -> TranscriptError:
    return TranscriptError.single("usage", message, "transcript")


@dataclass(frozen=True)
class Option:
    """One keyword option of a reader or writer."""

    name: str
    #: The type a command-line value is converted to.
    kind: type
    default: Any
    #: ``None`` is an accepted value (the annotation is ``T | None``).
    nullable: bool
    #: Every type the annotation allows (``date: datetime.date | str`` takes both in Python).
    accepted: tuple[type, ...] = ()

    def parse(self, text: str, flag: str) -> Any:
        """Convert a command-line value (``-r name=text``) to the option's type."""
        if self.kind is bool:
            lowered = text.lower()
            if lowered in _TRUE or lowered in _FALSE:
                return lowered in _TRUE
            raise _usage(f"{flag} {self.name}={text}: expected true or false")
        if self.kind in (int, float):
            try:
                return self.kind(text)
            except ValueError:
                raise _usage(
                    f"{flag} {self.name}={text}: expected a number ({self.kind.__name__})"
                ) from None
        return text

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` (given through the Python API) has the option's type."""
        if value is None:
            return self.nullable
        if any(isinstance(value, kind) for kind in self.accepted if kind is not self.kind):
            return True
        if self.kind is float:
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if self.kind is int:
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(value, self.kind)

    def describe(self) -> str:
        """``name: type = default``, as ``transcript formats`` lists it."""
        kind = self.kind.__name__ + (" | None" if self.nullable else "")
        return f"{self.name}: {kind} = {self.default!r}"


@dataclass(frozen=True)
class Format:
    """A format's declaration: everything the registry, the API and the CLI know of it."""

    name: str
    description: str
    extensions: tuple[str, ...] = ()
    media_type: str = "application/octet-stream"
    sniff: Sniff | None = None
    read: Target | None = None
    validate: Target | None = None
    write: Target | None = None
    write_stream: Target | None = None
    write_package: Target | None = None
    #: The format holds exactly one transcript per file (TEI, AKN).
    one_per_file: bool = False
    #: The writers produce bytes (``write`` returns bytes, ``write_stream`` takes a binary
    #: file), as columnar formats do; text formats produce ``str``.
    binary: bool = False
    #: Defaults this format gives its writer's options (one writer serves csv and tsv).
    write_defaults: Mapping[str, Any] = field(default_factory=dict, hash=False)
    #: Where the declaration came from: "built-in" or the plugin's distribution name.
    origin: str = "built-in"

    @property
    def capabilities(self) -> frozenset[Capability]:
        """What the format can do, from the functions it names."""
        named: dict[Capability, Target | None] = {
            "read": self.read,
            "validate": self.validate,
            "write": self.write,
            "stream": self.write_stream,
            "package": self.write_package,
        }
        return frozenset(capability for capability, target in named.items() if target)

    @property
    def reads(self) -> bool:
        """The format can be read."""
        return self.read is not None

    @property
    def writes(self) -> bool:
        """The format can be written."""
        return self.write is not None

    @property
    def extension(self) -> str:
        """The extension written for this format (the first declared)."""
        return self.extensions[0] if self.extensions else f".{self.name}"

    def function(self, capability: Capability) -> Callable[..., Any]:
        """Import and return the function behind ``capability``.

        Raises TranscriptError when the format cannot do it, or when its module does not
        provide the function it names (a broken plugin).
        """
        target = {
            "read": self.read,
            "validate": self.validate,
            "write": self.write,
            "stream": self.write_stream,
            "package": self.write_package,
        }[capability]
        if target is None:
            raise TranscriptError.single(
                f"no_{capability}", f"the {self.name} format cannot {_VERB[capability]}"
            )
        return _import(target, self.name)

    def options(self, capability: Capability) -> dict[str, Option]:
        """The keyword options of the function behind ``capability``, by name."""
        function = self.function(capability)
        return _options_of(function, _INPUT_PARAMETERS[capability], frozenset(self.write_defaults))

    def takes_max_bytes(self, capability: Capability) -> bool:
        """Whether the function behind ``capability`` wants the caller's size limit."""
        return _takes_max_bytes(self.function(capability))

    def check_options(
        self, capability: Capability, given: Mapping[str, Any], flag: str | None = None
    ) -> dict[str, Any]:
        """Check options given to the function behind ``capability``; return them typed.

        Values from the command line (``flag`` set: ``-r`` or ``-w``) are strings and are
        converted; values from the Python API must already have the option's type. An unknown
        option or a value of the wrong type is a ``usage`` error that lists the valid options.
        """
        known = self.options(capability)
        owner = f"the {self.name} {_NOUN[capability]}"
        unknown = sorted(set(given) - set(known))
        if unknown:
            listing = ", ".join(o.describe() for o in known.values()) or "none"
            where = f" ({flag})" if flag else ""
            raise _usage(
                f"unknown option {', '.join(unknown)} for {owner}{where}; valid: {listing}"
            )
        typed: dict[str, Any] = {}
        for name, value in given.items():
            option = known[name]
            if flag is not None and isinstance(value, str):
                typed[name] = option.parse(value, flag)
            elif option.accepts(value):
                typed[name] = value
            else:
                raise _usage(
                    f"option {name} of {owner} expects {option.describe()}, "
                    f"got {type(value).__name__}"
                )
        return typed


_VERB: dict[Capability, str] = {
    "read": "be read",
    "validate": "be validated",
    "write": "be written",
    "stream": "be written as a stream",
    "package": "be written as a package",
}
_NOUN: dict[Capability, str] = {
    "read": "reader",
    "validate": "validator",
    "write": "writer",
    "stream": "stream writer",
    "package": "package writer",
}


def _import(target: Target, format_name: str) -> Callable[..., Any]:
    # Not cached: importlib keeps the module, and a test may replace the function in it.
    if not isinstance(target, str):
        return target
    module_name, _, attribute = target.partition(":")
    try:
        # A module already imported is taken from sys.modules directly: import_module goes
        # through the import machinery's locks each time (three calls per file checked).
        module = sys.modules.get(module_name) or importlib.import_module(module_name)
        function = getattr(module, attribute)
    except (ImportError, AttributeError) as error:
        raise TranscriptError.single(
            "format_unavailable",
            f"the {format_name} format names {target!r}, which cannot be loaded: {error}",
        ) from None
    if not callable(function):
        raise TranscriptError.single(
            "format_unavailable", f"the {format_name} format names {target!r}, not a function"
        )
    return typing.cast(Callable[..., Any], function)


@functools.cache
def _takes_max_bytes(function: Callable[..., Any]) -> bool:
    return "max_bytes" in inspect.signature(function).parameters


@functools.cache
def _options_of(
    function: Callable[..., Any], inputs: tuple[str, ...], fixed: frozenset[str]
) -> dict[str, Option]:
    hints = typing.get_type_hints(function)
    options: dict[str, Option] = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind is not parameter.KEYWORD_ONLY or parameter.name in inputs:
            continue
        annotation = hints.get(parameter.name, str)
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            members = typing.get_args(annotation)
        else:
            members = (annotation,)
        plain = [typing.get_origin(m) or m for m in members if m is not type(None)]
        accepted = tuple(m for m in plain if isinstance(m, type))
        simple = [m for m in accepted if m in _OPTION_TYPES]
        # A value typed on the command line is text unless the option is only bool, int or float.
        base = simple[0] if len(simple) == 1 and len(accepted) == 1 else str
        nullable = type(None) in members
        options[parameter.name] = Option(
            parameter.name, base, parameter.default, nullable, accepted or (str,)
        )
    return options
