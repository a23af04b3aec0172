"""transcript-model: one canonical, validated model for political and parliamentary transcripts.

Read any supported format into :class:`Transcript`, validate it, and write it to any other::

    import transcript_model as tm
    transcripts = tm.read(Path("examples/kremlin-2022-03-11.txt"))
    tei = tm.write(transcripts[0], "tei")
"""

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
