"""Popolo JSON for people registries and SayIt-style archives. Export only.

The output is one JSON document holding four arrays of Popolo objects::

    {"events": [...], "persons": [...], "memberships": [...], "speeches": [...]}

Each transcript gives one ``event``, one ``person`` per participant (role-only participants
too, without a name), one ``membership`` per role title a participant is given (in the
participant list or in a speaker label), and one ``speech`` per turn, in order.

Ids are derived from the transcript id (``T``) and the participant ids (``P``), which never hold
a ".", and turn positions (``N``, from 1), so they are stable and cannot collide: event ``T``,
person ``T.P``, membership ``T.P.mK``, speech ``T.N`` (a participant id never starts with a
digit). Participant ids are unique within one transcript only, so persons are not merged across
transcripts; each person carries its participant id as an identifier to merge on.

Popolo has no slot for paragraphs (joined with a blank line in ``text``), the lead's place in the
page, the attendee sentence, captions, tags, publication sections, "see also" links or the
distinction between headings, omissions and breaks (all ``type: "other"``), so the export
cannot be read back: the registry marks ``popolo`` as write-only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from transcript_model.errors import Problem, TranscriptError
from transcript_model.model import (
    Heading,
    Narrative,
    Speech,
    StageDirection,
    Transcript,
    Turn,
)

JsonObject = dict[str, Any]

#: Popolo speech ``type`` of each turn kind (Popolo uses the Akoma Ntoso container names).
SPEECH_TYPES = {
    "speech": "speech",
    "narrative": "narrative",
    "stage": "scene",
    "heading": "other",
    "omission": "other",
    "break": "other",
}
#: The scheme of the identifiers that carry model ids.
ID_SCHEME = "transcript-model"


def write(transcripts: Sequence[Transcript], *, compact: bool = False) -> str:
    """Render transcripts as one Popolo JSON document (export only: it cannot be read back).

    Pretty-printed unless ``compact``. Raises
    :class:`~transcript_model.errors.TranscriptError` when two transcripts share an id, since
    their Popolo ids would collide.
    """
    _refuse_duplicate_ids(transcripts)
    document = to_popolo(transcripts)
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_popolo(transcripts: Sequence[Transcript]) -> JsonObject:
    """The Popolo document of ``transcripts`` as Python objects (see the module docstring)."""
    document: JsonObject = {"events": [], "persons": [], "memberships": [], "speeches": []}
    for transcript in transcripts:
        document["events"].append(event(transcript))
        document["persons"].extend(persons(transcript))
        document["memberships"].extend(memberships(transcript))
        document["speeches"].extend(speeches(transcript))
    return document


def event(transcript: Transcript) -> JsonObject:
    """The Popolo event of one transcript."""
    header = transcript.event
    result: JsonObject = {"id": transcript.id, "name": header.title}
    _put(result, "description", header.lead)
    result["start_date"] = start_date(transcript)
    _put(result, "location", header.place)
    result["attendees"] = [
        {"id": _person_id(transcript, p.id), "name": p.name}
        for p in transcript.participants
        if p.attending
    ]
    result["identifiers"] = _event_identifiers(transcript)
    source = transcript.metadata.source
    if source.url is not None:
        note = "; ".join(
            part
            for part in (
                f"published by {source.publisher}" if source.publisher else None,
                f"licence: {transcript.metadata.licence}" if transcript.metadata.licence else None,
            )
            if part
        )
        result["sources"] = [{"url": source.url, **({"note": note} if note else {})}]
    return result


def start_date(transcript: Transcript) -> str:
    """The event's start as Popolo writes it: a date, or a dateTime with its UTC offset.

    Popolo's pattern requires an offset on a dateTime, so a time whose offset is unknown cannot
    be written and the start is given as the date alone.
    """
    header = transcript.event
    if header.time is None or header.utc_offset is None:
        return header.date.isoformat()
    return f"{header.date.isoformat()}T{header.time.isoformat()}{header.utc_offset}"


def persons(transcript: Transcript) -> list[JsonObject]:
    """One Popolo person per participant, in the order of the participant list."""
    result: list[JsonObject] = []
    for participant in transcript.participants:
        person: JsonObject = {"id": _person_id(transcript, participant.id)}
        _put(person, "name", participant.name)
        person["identifiers"] = [{"identifier": participant.id, "scheme": ID_SCHEME}]
        result.append(person)
    return result


def memberships(transcript: Transcript) -> list[JsonObject]:
    """One Popolo membership per distinct role title of each participant.

    The roles come from the participant list first, then from the speaker labels, in order of
    first appearance. No organization is given: the transcript does not say which one a role
    title belongs to.
    """
    # A dict keeps the titles in order of first appearance and each title once.
    roles: dict[str, dict[str, None]] = {
        p.id: dict.fromkeys([p.role] if p.role is not None else []) for p in transcript.participants
    }
    for turn in transcript.turns:
        if isinstance(turn, Speech) and turn.speaker is not None and turn.role is not None:
            roles[turn.speaker].setdefault(turn.role)
    result: list[JsonObject] = []
    for participant_id, titles in roles.items():
        person_id = _person_id(transcript, participant_id)
        result.extend(
            {"id": f"{person_id}.m{number}", "person_id": person_id, "role": title}
            for number, title in enumerate(titles, 1)
        )
    return result


def speeches(transcript: Transcript) -> list[JsonObject]:
    """One Popolo speech per turn, in order, positions counting from 1."""
    return [speech(transcript, position, turn) for position, turn in enumerate(transcript.turns, 1)]


def speech(transcript: Transcript, position: int, turn: Turn) -> JsonObject:
    """The Popolo speech of the turn at ``position`` (from 1)."""
    result: JsonObject = {"id": f"{transcript.id}.{position}"}
    if isinstance(turn, Speech):
        if turn.speaker is not None:
            result["creator_id"] = _person_id(transcript, turn.speaker)
        _put(result, "role", turn.role)
        _put(result, "attribution_text", turn.label)
    if isinstance(turn, Heading):
        result["title"] = turn.text
    result["text"] = speech_text(turn)
    result["type"] = SPEECH_TYPES[turn.kind]
    result["position"] = position
    result["event_id"] = transcript.id
    return result


def speech_text(turn: Turn) -> str:
    """The text of a turn: its paragraphs joined by a blank line, or its single line."""
    if isinstance(turn, Speech):
        return "\n\n".join(turn.spoken)
    if isinstance(turn, Narrative):
        return "\n\n".join(turn.paragraphs)
    if isinstance(turn, (StageDirection, Heading)):
        return turn.text
    return turn.marker


def _event_identifiers(transcript: Transcript) -> list[JsonObject]:
    identifiers: list[JsonObject] = [{"identifier": transcript.id, "scheme": ID_SCHEME}]
    source = transcript.metadata.source
    if source.identifier is not None:
        # The publisher's own document id: its scheme is the site (as FORMATS.md has it,
        # "kremlin.ru"), or the publisher's name when the page URL is unknown.
        scheme = _hostname(source.url) if source.url else source.publisher
        identifiers.append({"identifier": source.identifier, "scheme": scheme})
    return identifiers


def _hostname(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # "http://[x/": a bracket that opens no IPv6 address
        return None


def _person_id(transcript: Transcript, participant_id: str) -> str:
    return f"{transcript.id}.{participant_id}"


def _put(target: JsonObject, key: str, value: str | None) -> None:
    # Absent values are left out rather than written as null, as Popolo examples do.
    if value is not None:
        target[key] = value


def _refuse_duplicate_ids(transcripts: Sequence[Transcript]) -> None:
    seen: dict[str, int] = {}
    problems = []
    for index, transcript in enumerate(transcripts):
        if transcript.id in seen:
            problems.append(
                Problem(
                    "duplicate_id",
                    f"transcript id {transcript.id!r} is also the id of transcript "
                    f"[{seen[transcript.id]}]; their Popolo ids would collide",
                    path=f"[{index}].id",
                )
            )
        else:
            seen[transcript.id] = index
    if problems:
        raise TranscriptError(problems)
