"""transcript diff on model 1.1 speeches: events inside a speech are compared as bracketed text."""

from __future__ import annotations

import copy

from test_model_1_1 import _session

import transcript_model as tm
from transcript_model.diff import diff


def test_events_inside_speeches_are_diffed_as_text() -> None:
    old = tm.Transcript.model_validate(_session())
    edited = copy.deepcopy(_session())
    edited["turns"][0]["paragraphs"][1] = {"kind": "note", "text": "Da."}
    new = tm.Transcript.model_validate(edited)
    assert not diff(old, old).changes
    changes = diff(old, new).changes
    assert len(changes) == 1
    [paragraph] = changes[0].paragraphs  # type: ignore[attr-defined]
    assert (paragraph.old, paragraph.new) == ("[note: Ne.]", "[note: Da.]")
