"""The text writer is lossless: reading what it writes gives the same transcript, always."""

from __future__ import annotations

from hypothesis import given

import transcript_model as tm
from transcript_model.model import Transcript

from strategies import MODEL_1_1, transcripts


@given(transcripts())
def test_read_of_write_is_identity(transcript: Transcript) -> None:
    text = tm.write(transcript, "text")
    assert tm.read(text, "text") == [transcript]


@given(transcripts(MODEL_1_1))
def test_every_field_of_model_1_1_round_trips(transcript: Transcript) -> None:
    # People, organisations, the sitting, speech functions and languages, events inside
    # speeches: printed as the site prints them where it can, explicitly where not.
    assert tm.read(tm.write(transcript, "text"), "text") == [transcript]


@given(transcripts(), transcripts())
def test_several_transcripts_in_one_file(first: Transcript, second: Transcript) -> None:
    text = tm.write([first, second], "text")
    assert tm.read(text, "text") == [first, second]


def test_many_turns_needing_escapes_are_written_in_linear_time() -> None:
    import datetime as dt
    import time

    turns = [tm.Narrative(paragraphs=[f"Topics {i}", "Mr Putin: hello"]) for i in range(2000)]
    transcript = Transcript(
        id="t", language="en", event=tm.Event(title="T", date=dt.date(2022, 1, 1)), turns=turns
    )
    start = time.process_time()
    text = tm.write(transcript, "text")
    assert time.process_time() - start < 20
    assert tm.read(text, "text") == [transcript]
