"""Reader and writer options given as ``-r KEY=VALUE`` / ``-w KEY=VALUE``.

The options a converter accepts are the named parameters of its function (``read``, ``write``,
``write_stream``, ``write_package``) after the input ones, and those its docstring lists in an
``Options:`` paragraph; a catch-all ``**options`` alone does not count, so a misspelt option is
refused rather than silently ignored. Values are converted to bool, int or float when the
parameter is one (judged from its default or annotation, or "(bool)" after a documented name).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from transcript_model.errors import TranscriptError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


_OPTIONS_PARAGRAPH = re.compile(r"Options:(.*?)(?:\n\s*\n|$)", re.DOTALL)
_DOCUMENTED = re.compile(r"``([a-z_][a-z0-9_]*)``(?:\s*\((bool|int|float)\b)?")


def accepted_options(function: Callable[..., Any], inputs: int) -> dict[str, str]:
    """The options ``function`` takes, ``{name: kind}`` (kind: bool, int, float or str).

    They are its named parameters after the first ``inputs`` ones, plus the names listed in
    double backquotes in an ``Options:`` paragraph of its docstring (for converters that take
    ``**options``), e.g. ``Options: ``url`` (the page URL), ``unwrap`` (bool) ...``.
    """
    parameters = list(inspect.signature(function).parameters.values())
    found = {
        p.name: _kind(p)
        for index, p in enumerate(parameters)
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        and not (index < inputs and p.kind != p.KEYWORD_ONLY)
    }
    paragraph = _OPTIONS_PARAGRAPH.search(inspect.getdoc(function) or "")
    if paragraph and any(p.kind == p.VAR_KEYWORD for p in parameters):
        for name, kind in _DOCUMENTED.findall(paragraph.group(1)):
            found.setdefault(name, kind or "str")
    return found


def split_pairs(pairs: Iterable[str], flag: str) -> dict[str, str]:
    """Parse ``KEY=VALUE`` strings; raises TranscriptError for one without ``=``."""
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise TranscriptError.single(
                "usage", f"{flag} expects KEY=VALUE, got {pair!r}", "transcript"
            )
        options[key.strip().replace("-", "_")] = value
    return options


def _kind(parameter: inspect.Parameter) -> str:
    default = parameter.default
    if isinstance(default, (bool, int, float)):
        return type(default).__name__
    annotation = parameter.annotation
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    text = text.replace(" | None", "").replace("Optional[", "").rstrip("]")
    return text if text in ("bool", "int", "float") else "str"


def _convert(key: str, value: str, kind: str, flag: str) -> Any:
    try:
        if kind == "bool":
            lowered = value.lower()
            if lowered in _TRUE | _FALSE:
                return lowered in _TRUE
            raise ValueError("expected true or false")
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
    except ValueError as error:
        message = str(error) if kind == "bool" else f"expected a number ({kind})"
        raise TranscriptError.single(
            "usage", f"{flag} {key}={value}: {message}", "transcript"
        ) from None
    return value


def coerce(
    options: Mapping[str, str],
    parameters: Mapping[str, str],
    flag: str,
    owner: str,
) -> dict[str, Any]:
    """Check ``options`` against ``parameters`` and convert their values.

    ``owner`` names the function in the error, e.g. ``"the tei writer"``.
    """
    unknown = sorted(set(options) - set(parameters))
    if unknown:
        known = ", ".join(sorted(parameters)) or "none"
        raise TranscriptError.single(
            "usage",
            f"unknown option {', '.join(unknown)} for {owner} ({flag}; known: {known})",
            "transcript",
        )
    return {key: _convert(key, value, parameters[key], flag) for key, value in options.items()}
