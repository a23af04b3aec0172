"""transcript-model: one canonical, validated model for political and parliamentary transcripts.

Read any supported format into :class:`Transcript`, validate it, and write it to any other::

    import transcript_model as tm
    transcripts = tm.read(Path("examples/kremlin-2022-03-11.txt"))
    tei = tm.write(transcripts[0], "tei")

The names below are imported when first used (PEP 562): importing the package, as every
``transcript`` command does before it knows what it will need, then costs nothing, and
``transcript formats`` or ``transcript --help`` never build the pydantic model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from transcript_model.api import (
        read,
        read_one,
        read_result,
        validate,
        validate_result,
        write,
        write_each,
    )
    from transcript_model.contract import Format, Option
    from transcript_model.errors import Problem, TranscriptError
    from transcript_model.inputs import ReadResult
    from transcript_model.model import (
        Break,
        Caption,
        Event,
        Heading,
        Link,
        Metadata,
        Narrative,
        Omission,
        Participant,
        Source,
        Speech,
        StageDirection,
        Transcript,
        Turn,
    )
    from transcript_model.registry import REGISTRY, all_formats, detect_format, get_format
    from transcript_model.schema import json_schema

__version__ = "0.1.0"

#: Where each public name lives.
_LOCATIONS = {
    **dict.fromkeys(
        ("read", "read_one", "read_result", "validate", "validate_result", "write", "write_each"),
        "transcript_model.api",
    ),
    **dict.fromkeys(("Format", "Option"), "transcript_model.contract"),
    **dict.fromkeys(("Problem", "TranscriptError"), "transcript_model.errors"),
    "ReadResult": "transcript_model.inputs",
    **dict.fromkeys(
        (
            "Break",
            "Caption",
            "Event",
            "Heading",
            "Link",
            "Metadata",
            "Narrative",
            "Omission",
            "Participant",
            "Source",
            "Speech",
            "StageDirection",
            "Transcript",
            "Turn",
        ),
        "transcript_model.model",
    ),
    **dict.fromkeys(
        ("REGISTRY", "all_formats", "detect_format", "get_format"), "transcript_model.registry"
    ),
    "json_schema": "transcript_model.schema",
}

#: The submodules an eager import of the package used to load, so that ``tm.model`` and the
#: like keep working without an import of their own.
_SUBMODULES = frozenset(
    ("api", "checks", "contract", "errors", "inputs", "model", "registry", "schema", "types")
)


def __getattr__(name: str) -> Any:
    """Import a public name (or a submodule, ``tm.model``) on first use and keep it."""
    module = _LOCATIONS.get(name)
    if module is None:
        if name not in _SUBMODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return importlib.import_module(f"{__name__}.{name}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LOCATIONS})


__all__ = [
    "REGISTRY",
    "Break",
    "Caption",
    "Event",
    "Format",
    "Heading",
    "Link",
    "Metadata",
    "Narrative",
    "Omission",
    "Option",
    "Participant",
    "Problem",
    "ReadResult",
    "Source",
    "Speech",
    "StageDirection",
    "Transcript",
    "TranscriptError",
    "Turn",
    "__version__",
    "all_formats",
    "detect_format",
    "get_format",
    "json_schema",
    "read",
    "read_one",
    "read_result",
    "validate",
    "validate_result",
    "write",
    "write_each",
]
