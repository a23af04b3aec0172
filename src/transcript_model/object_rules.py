"""The rules of single objects that no JSON Schema expresses, as plain functions.

Each takes the object's field values and returns what is wrong, or None. The models' validators
raise what they return; the quick check of a JSON file
(:mod:`transcript_model.converters.json.quick`) applies them to the parsed objects without
loading pydantic, so the two cannot disagree.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

#: The kinds of inline event that can be ascribed to a person (TEI's att.ascribed: ``@who``).
ASCRIBABLE_KINDS = frozenset({"vocal", "kinesic", "incident"})


def speech_attribution(speaker: object, label: object) -> str | None:
    if speaker is None and label is None:
        return "a speech needs a speaker, a label, or both"
    return None


def caption_position(index: int, total: int) -> str | None:
    if index > total:
        return f"photo {index} of {total}: index exceeds total"
    return None


def affiliation_order(start: str | None, end: str | None) -> str | None:
    # Partial ISO dates compare correctly as strings on the precision both have.
    if start and end:
        shared = min(len(start), len(end))
        if start[:shared] > end[:shared]:
            return f"the affiliation ends ({end}) before it starts ({start})"
    return None


def participant_naming(name: object, role: object, attending: bool) -> str | None:
    if name is None and role is None:
        return "a participant needs a name, a role, or both"
    if attending and name is None:
        return "an attending participant needs a name: the attendee list prints it"
    return None


def inline_event_fields(kind: str, speaker: object, when: object) -> str | None:
    if speaker is not None and kind not in ASCRIBABLE_KINDS:
        return f"a {kind} cannot have a speaker (only vocal, kinesic, incident)"
    if when is not None and kind != "time":
        return f"a {kind} cannot have a time (only a time stamp)"
    return None


def paragraph_canonical(content: Sequence[object]) -> str | None:
    # One way to write each paragraph, so that every format reads back the same model: a
    # paragraph without events is a plain string, neighbouring texts are one text.
    if all(isinstance(item, str) for item in content):
        return "a paragraph without events is written as a plain string"
    for before, after in itertools.pairwise(content):
        if isinstance(before, str) and isinstance(after, str):
            return "two texts side by side in a paragraph are written as one"
    first, last = content[0], content[-1]
    if isinstance(first, str) and first[0].isspace():
        return "a paragraph cannot start with a space"
    if isinstance(last, str) and last[-1].isspace():
        return "a paragraph cannot end with a space"
    return None


def number_says_something(level: str, number: object, label: object) -> str | None:
    if number is None and label is None:
        return f"a {level} number needs a number, a label, or both"
    return None
