"""The AKN debate written to a file a turn at a time (issue 18)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from transcript_model.model import Transcript

from .._streaming import only_transcript
from .convert import write
from .writer import document_pieces


def write_stream(
    transcripts: Iterable[Transcript], out: TextIO, *, country: str | None = None
) -> None:
    """Write the one transcript of ``transcripts`` to ``out`` as ``write`` would, a turn at a
    time: only the model is held, not the document beside it (issue 18). Refuses anything but
    one transcript, and a malformed ``country``, before writing anything."""
    transcript = only_transcript(
        transcripts, lambda given: f"an AKN document holds one transcript, {given} given"
    )
    # The whole-file writer checks the options; given the transcript without its turns, it
    # costs no more than the document's head.
    write([transcript.model_copy(update={"turns": []})], country=country)
    for piece in document_pieces(transcript, country):
        out.write(piece)
