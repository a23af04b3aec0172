"""The text writer is lossless: reading what it writes gives the same transcript, always."""

from __future__ import annotations

from hypothesis import given

import transcript_model as tm
from transcript_model.model import Transcript

from strategies import transcripts


@given(transcripts())
def test_read_of_write_is_identity(transcript: Transcript) -> None:
    text = tm.write(transcript, "text")
    assert tm.read(text, "text") == [transcript]


@given(transcripts(), transcripts())
def test_several_transcripts_in_one_file(first: Transcript, second: Transcript) -> None:
    text = tm.write([first, second], "text")
    assert tm.read(text, "text") == [first, second]
