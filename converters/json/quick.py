"""Showing a JSON file valid without loading pydantic: the quick route of ``transcript validate``.

Importing pydantic and building the model takes about 140 ms, seven times the start of a bare
Python; a command that checks one small file spends nearly all its time there. This route
parses the file as the reader does (:mod:`.parse`), checks it against the published JSON
Schema (:mod:`transcript_model.schema_checker`), the rules of single objects
(:mod:`transcript_model.object_rules`) and the cross-field rules
(:mod:`transcript_model.cross_field`) — the model's own rules, without the model. It only ever
says "valid": anything it cannot show valid goes the usual way, which finds and locates every
problem. ``tests/test_quick_json.py`` checks that it never calls valid what the model refuses.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from transcript_model import object_rules
from transcript_model.cross_field import violations_of_input
from transcript_model.errors import TranscriptError
from transcript_model.inputs import decode_text
from transcript_model.schema_checker import Check, ObjectRule, compile_checker

from .parse import items_of, load

#: A JSON escape that may make half of a surrogate pair: Python keeps a lone half in a string,
#: the model (in Rust) refuses it.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")

#: The rule of each model class's objects, by the definition name the schema gives the class.
#: tests/test_quick_json.py checks that every model class with a rule of its own is here.
OBJECT_RULES: dict[str, ObjectRule] = {
    "Speech": lambda o: object_rules.speech_attribution(o.get("speaker"), o.get("label")),
    "Caption": lambda o: object_rules.caption_position(o["index"], o["total"]),
    "Affiliation": lambda o: object_rules.affiliation_order(o.get("start"), o.get("end")),
    "Participant": lambda o: object_rules.participant_naming(
        o.get("name"), o.get("role"), o.get("attending", False)
    ),
    "InlineEvent": lambda o: object_rules.inline_event_fields(
        o["kind"], o.get("speaker"), o.get("when")
    ),
    "Paragraph": lambda o: object_rules.paragraph_canonical(o["content"]),
    "Number": lambda o: object_rules.number_says_something(
        o["level"], o.get("number"), o.get("label")
    ),
}


def valid_transcript_count(data: bytes) -> int | None:
    """How many transcripts the JSON ``data`` holds, when they are shown valid without the
    model; None when they could not be (validate the usual way to know why, or that they are
    valid after all). An empty array is left to the usual way too."""
    try:
        text = decode_text(data, "<input>")
        document = load(text, "<input>")
    except TranscriptError:
        return None
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        return None
    del text
    if not checker()(document):
        return None
    items, _ = items_of(document, "<input>")
    if not items or any(violations_of_input(item, set()) for item in items):
        return None
    return len(items)


@functools.cache
def checker() -> Check:
    """The published schema of a transcript file, compiled with the object rules."""
    return compile_checker(_published_schema(), OBJECT_RULES)


def _published_schema() -> Any:
    from transcript_model import schemas

    path = Path(schemas.__file__).parent / "transcript.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))
