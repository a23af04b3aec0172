"""What the stream writers of one-transcript formats (TEI, AKN) share."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from transcript_model.errors import TranscriptError
from transcript_model.model import Transcript


def only_transcript(transcripts: Iterable[Transcript], refusal: Callable[[int], str]) -> Transcript:
    """The one transcript of ``transcripts``, before anything is written; a ``one_per_file``
    error (``refusal`` of how many were given) for none or several. The rest are counted as
    they come, one held at a time."""
    found = iter(transcripts)
    first = next(found, None)
    extra = sum(1 for _ in found)
    if first is None or extra:
        given = 0 if first is None else extra + 1
        raise TranscriptError.single("one_per_file", refusal(given))
    return first
