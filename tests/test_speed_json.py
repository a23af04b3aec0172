"""Memory of the JSON reader (issue 18): the decoded text is not held while the transcripts are
built from the parsed values (it is decoded again only to locate problems)."""

from __future__ import annotations

import tracemalloc

from benchmarks.corpus import realistic_transcript
from transcript_model import Transcript, write
from transcript_model.converters.json import convert as json_format


def _large_json() -> bytes:
    base = realistic_transcript(0).model_dump(mode="json")
    speeches = [turn for turn in base["turns"] if turn["kind"] == "speech"]
    return write(Transcript.model_validate({**base, "turns": speeches * 50}), "json").encode()


def test_validating_json_peaks_below_five_times_its_size() -> None:
    data = _large_json()  # ~1.8 MB, with quotes and dashes that take 2 bytes a character in str
    json_format.validate(data, "warm-up.json")
    tracemalloc.start()
    try:
        result = json_format.validate(data, "large.json")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.problems == [] and len(result.transcripts) == 1
    # Holding the decoded text through the model build peaked at 6.0x; without it, 4.1x.
    assert peak < 5 * len(data), f"{peak / len(data):.1f}x the input"


def test_problems_are_still_located_after_the_text_is_dropped() -> None:
    data = _large_json().replace(b'"language": "en"', b'"language": "e n"', 1)
    result = json_format.validate(data, "large.json")
    [problem] = result.problems
    assert problem.path == "language" and (problem.line, problem.column) == (4, 15)
