"""Located problems and the one exception type the library raises for bad input."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import ValidationError

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem found in an input, located as precisely as the format allows.

    ``path`` is the JSON path in the canonical model (``turns[3].speaker``) when the problem is
    about a model value; ``line`` and ``column`` (1-based) point into the input file when known,
    and ``end_line`` and ``end_column`` where the faulty text ends (the column just past its
    last character, as SARIF and GitHub count), when known.
    """

    code: str
    message: str
    file: str = "<input>"
    line: int | None = None
    column: int | None = None
    path: str | None = None
    severity: Severity = "error"
    end_line: int | None = None
    end_column: int | None = None

    def location(self) -> str:
        """``file:line:col`` (as much of it as is known)."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.location()}: [{self.code}] {where}{self.message}"

    def as_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready dict (the end only when it is known)."""
        fields = asdict(self)
        for end in ("end_line", "end_column"):
            if fields[end] is None:
                del fields[end]
        return fields


class TranscriptError(ValueError):
    """Raised for every input the library cannot read or accept.

    ``problems`` lists everything found (at least one); ``str(error)`` renders them one per
    line as ``file:line:col: [code] path: message``.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def __reduce__(self) -> tuple[type[TranscriptError], tuple[list[Problem]]]:
        return (type(self), (self.problems,))

    @classmethod
    def single(
        cls,
        code: str,
        message: str,
        file: str = "<input>",
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> TranscriptError:
        """An error holding one problem."""
        return cls([Problem(code, message, file, line, column, path)])


def format_path(loc: Sequence[int | str]) -> str:
    """Render a pydantic location as a JSON path: ``turns[3].paragraphs[0]``.

    A key that is not a plain name (an unknown field called ``"a b"``) is quoted:
    ``event["a b"]``.
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            out += f".{part}" if out else part
        else:
            shown = part if len(part) <= 40 else part[:39] + "…"
            out += f"[{json.dumps(shown, ensure_ascii=False)}]"
    return out


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


_FRIENDLY = {
    "LINE": "expected one line of text without leading or trailing whitespace, line breaks "
    "or characters XML 1.0 cannot carry",
    "NAME": "expected a name: words separated by single spaces, without leading or trailing "
    "whitespace, tabs, line breaks or characters XML 1.0 cannot carry",
    "ID": "expected an identifier: a letter or '_' followed by letters, digits, '-' or '_' "
    "(an XML NCName without '.')",
    "LANGUAGE": "expected a BCP 47 language tag such as 'en' or 'ru'",
    "URL": "expected an absolute http:// or https:// URL without spaces, with '%' only in "
    "escapes such as %20, brackets only around an IPv6 host, a numeric port and one '#'",
    "UTC_OFFSET": "expected a UTC offset such as '+03:00'",
}


def _pattern_message(pattern: str) -> str:
    from transcript_model import types

    for name, message in _FRIENDLY.items():
        if getattr(types, f"{name}_PATTERN") == pattern:
            return message
    return f"expected text matching {pattern}"


def _id_note(pattern: str, value: object) -> str:
    """Which character of an identifier is not allowed, when it is not the obvious kind (a
    letter newer than the XML toolchains' name tables looks like any other letter)."""
    from transcript_model import types

    if pattern != types.ID_PATTERN or not isinstance(value, str):
        return ""
    # One match finds the first character that is not allowed (per-character tests of a long
    # id took a second a megabyte).
    allowed = re.match(f"(?:{types.ID_START_CHARACTERS}{types.ID_CHARACTERS}*)?", value)
    index = allowed.end() if allowed else 0
    if index < len(value) and value[index].isalpha():
        char = value[index]
        return (
            f" (U+{ord(char):04X} {char!r} at position {index + 1} is not a name "
            "character that libxml2 and jing accept in an XML id)"
        )
    return ""


def _bidi_note(pattern: str, value: object) -> str:
    """Why a name holding a bidirectional control is refused: it looks like any other name."""
    from transcript_model import types

    if pattern != types.NAME_PATTERN or not isinstance(value, str):
        return ""
    control = re.search(f"[{types.BIDI_CONTROLS}]", value)
    if control is None:
        return ""
    char = control.group()
    return (
        f" (U+{ord(char):04X} {unicodedata.name(char)} at position {control.start() + 1}: "
        "bidirectional embedding, override and isolate controls are refused in names, labels, "
        "roles and titles because they can make one name display as another)"
    )


#: The most of an input value a message quotes: a report may end up in a public CI log, and a
#: value read through a symbolic link or from a file of secrets must not be printed whole.
EXCERPT_CHARACTERS = 60


def excerpt(value: object, limit: int = EXCERPT_CHARACTERS) -> str:
    """``repr`` of ``value`` (a str from the input) cut to at most ``limit`` characters."""
    text = value if isinstance(value, str) else str(value)
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _describe(value: object) -> str:
    """A short description of a found value; never the whole input echoed back."""
    if isinstance(value, str):
        return f"found {excerpt(value)}"
    if isinstance(value, dict):
        return "found an object"
    if isinstance(value, list):
        return "found an array"
    if value is None:
        return "found null"
    return f"found {value!r}"[:80]


def problems_from_validation_error(
    error: ValidationError,
    file: str = "<input>",
    prefix: Sequence[int | str] = (),
    position: Callable[[list[int | str]], tuple[int, int] | None] | None = None,
) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into located, readable problems.

    Messages name what was expected and what was found, shortened: the input is never echoed
    back whole. ``position``, when given, maps a location (the path as a list of steps) to the
    line and column of the input it came from.
    """
    problems = []
    for detail in error.errors(include_url=False):
        loc = [*prefix, *without_union_tags(detail["loc"])]
        kind = detail["type"]
        if kind == "string_pattern_mismatch":
            pattern, found = detail["ctx"]["pattern"], detail["input"]
            message = (
                f"{_pattern_message(pattern)}; {_describe(found)}"
                f"{_id_note(pattern, found)}{_bidi_note(pattern, found)}"
            )
        elif kind == "string_unicode":
            message = (
                "text holds a lone surrogate code point, which neither UTF-8 nor XML can carry"
            )
        elif kind == "missing":
            message = "required field is missing"
        elif kind == "extra_forbidden":
            message = "unknown field (the model does not allow extra fields)"
        elif kind in (
            "unknown_speaker",
            "duplicate_id",
            "missing_attendees_intro",
            "unknown_organisation",
            "block_type",
        ) or kind.startswith("json_"):
            message = detail["msg"]
        else:
            message = f"{detail['msg'].removeprefix('Value error, ')}; {_describe(detail['input'])}"
        line, column = (position(loc) if position else None) or (None, None)
        problems.append(Problem(kind, message, file, line, column, format_path(loc) or None))
    return problems


def without_union_tags(loc: Sequence[int | str]) -> list[int | str]:
    """The location without the steps discriminated unions add: the turn's kind
    (turns.3.speech.speaker) and a block's tag (paragraphs.2.event.speaker); the JSON path has
    no such step."""
    from transcript_model.types import BLOCK_TAGS, TURN_KIND_NAMES

    return [
        part
        for i, part in enumerate(loc)
        if not (i >= 2 and isinstance(loc[i - 1], int)
                and ((loc[i - 2] == "turns" and part in TURN_KIND_NAMES)
                     or (loc[i - 2] in ("paragraphs", "content") and part in BLOCK_TAGS)))
    ]  # fmt: skip


#: How many problems of one code (and severity) a file lists before the rest are only counted.
REPEATED_PROBLEMS = 100
_SUMMARY = re.compile(r"… and ([0-9,]+) more [a-z_0-9]+ (?:error|warning)s \(only the first")


class CappedProblems:
    """The problems of one file, keeping the first ``keep`` of each code and severity and only
    counting the rest, so that a file of millions of one fault neither fills memory nor prints
    millions of lines; :meth:`result` ends with one summary per code that went over."""

    def __init__(self, keep: int = REPEATED_PROBLEMS) -> None:
        self.keep = keep
        self._kept: list[Problem] = []
        self._counts: dict[tuple[str, Severity], int] = {}
        self._files: dict[tuple[str, Severity], str] = {}

    def append(self, problem: Problem) -> None:
        """Keep ``problem`` or count it (a summary from an earlier cap adds its count)."""
        key = (problem.code, problem.severity)
        seen = self._counts.get(key, 0)
        summary = _SUMMARY.match(problem.message)
        if summary:
            # Capping twice (in a reader, then in the API) must not list a summary as a problem.
            self._counts[key] = max(seen, self.keep) + int(summary.group(1).replace(",", ""))
            self._files[key] = problem.file
            return
        self._counts[key] = seen + 1
        if seen < self.keep:
            self._kept.append(problem)
            self._files[key] = problem.file

    def extend(self, problems: Iterable[Problem]) -> None:
        """Keep or count each of ``problems``."""
        for problem in problems:
            self.append(problem)

    def result(self) -> list[Problem]:
        """The problems kept, in order, then one summary per code and severity that went over."""
        summaries = [
            Problem(
                code,
                f"… and {count - self.keep:,} more {code} {severity}s (only the first "
                f"{self.keep} of a kind are listed)",
                self._files[(code, severity)],
                severity=severity,
            )
            for (code, severity), count in self._counts.items()
            if count > self.keep
        ]
        return self._kept + summaries


def cap_repeated(problems: Iterable[Problem], keep: int = REPEATED_PROBLEMS) -> list[Problem]:
    """``problems`` with at most ``keep`` of each code and severity, and a summary of the rest."""
    capped = CappedProblems(keep)
    capped.extend(problems)
    return capped.result()
