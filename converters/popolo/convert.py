"""Popolo JSON for people registries and SayIt-style archives. Export only.

The output is one JSON document holding four arrays of Popolo objects, five when a transcript
has organisations::

    {"events": [...], "organizations": [...], "persons": [...], "memberships": [...],
     "speeches": [...]}

Each transcript gives one ``event`` (with the sitting's body as ``organization_id`` and its end
as ``end_date``), one ``organization`` per organisation (its main name as ``name``, the others
as ``other_names`` with ``note`` "abbreviation" or "full" and the language, its kind as
``classification`` (:data:`CLASSIFICATIONS`), its identifiers), one ``person`` per participant
(role-only participants too, without a name; ``given_name``, ``family_name``, ``gender`` from
sex (:data:`GENDERS`), ``birth_date``, identifiers, and ``links`` for identifiers that are web
pages), one ``membership`` per role title a participant is given (in the participant list or
in a speaker label) and one per affiliation (organization, role, ``label`` from the role
title, start and end dates, and ``on_behalf_of_id``: for a seat in a parliament or chamber, the
one party, else the one parliamentary group, the person belongs to for the whole time of the
seat, when there is exactly one), and one ``speech`` per turn, in order (``role``: the role
title the label prints, else the speech's function in the sitting: chair, regular, guest …).

Ids are derived from the transcript id (``T``), the participant and organisation ids (``P``,
``O``: one namespace, never holding a "."), and turn positions (``N``, from 1), so they are
stable and cannot collide: event ``T``, organization ``T.O``, person ``T.P``, membership
``T.P.mK`` (role titles) and ``T.P.aK`` (affiliations), speech ``T.N`` (an id never starts with
a digit). Ids are unique within one transcript only, so persons and organizations are not
merged across transcripts; each carries its model id as an identifier to merge on.

Popolo has no slot for paragraphs (joined with a blank line in ``text``) or the events inside a
speech (left out of ``text``: it holds the words spoken), a speech's function where its label
prints a role title, the language of a speech, the sitting's numbering, other titles and
agenda, the lead's place in the page, the attendee sentence, captions, tags, publication
sections, "see also" links or the distinction between headings, omissions and breaks (all
``type: "other"``), so the export cannot be read back: the registry marks ``popolo`` as
write-only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
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
from transcript_model.people import Affiliation, ExternalId, OrganisationName, Participant

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
#: Popolo ``classification`` of each organisation kind (free text in Popolo: these are the
#: words its examples use where there is one).
CLASSIFICATIONS = {
    "parliament": "legislature",
    "chamber": "chamber",
    "committee": "committee",
    "political_party": "party",
    "parliamentary_group": "parliamentary group",
    "government": "executive",
    "ministry": "ministry",
    "other": "other",
}
#: Popolo ``gender`` of each sex as ParlaMint records it.
GENDERS = {"M": "male", "F": "female", "O": "other", "U": "unknown", "N": "not applicable"}
#: The organisation kinds whose membership is a seat held on behalf of a party or group.
_SEATS = frozenset({"parliament", "chamber"})


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
    if any(t.organisations for t in transcripts):
        document = {"events": [], "organizations": [], **document}
    for transcript in transcripts:
        document["events"].append(event(transcript))
        if transcript.organisations:
            document["organizations"].extend(organizations(transcript))
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
    sitting = transcript.sitting
    if sitting is not None and sitting.end is not None:
        result["end_date"] = _date_time(sitting.end.date(), sitting.end.time(), header.utc_offset)
    _put(result, "location", header.place)
    if sitting is not None and sitting.body is not None:
        result["organization_id"] = _member_id(transcript, sitting.body)
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
    return _date_time(header.date, header.time, header.utc_offset)


def _date_time(day: dt.date, time: dt.time | None, offset: str | None) -> str:
    if time is None or offset is None:
        return day.isoformat()
    return f"{day.isoformat()}T{time.isoformat()}{offset}"


def organizations(transcript: Transcript) -> list[JsonObject]:
    """One Popolo organization per organisation, in the order of the transcript's list."""
    result: list[JsonObject] = []
    for organisation in transcript.organisations:
        main = organisation.name
        first = next((n for n in organisation.names if n.form == "full"), organisation.names[0])
        # The main name is ``name``; it is an other name too where only there its language fits.
        others = [n for n in organisation.names if n is not first or n.language is not None]
        item: JsonObject = {"id": _member_id(transcript, organisation.id), "name": main}
        if others:
            item["other_names"] = [_other_name(n) for n in others]
        item["identifiers"] = _identifiers(organisation.id, organisation.identifiers)
        item["classification"] = CLASSIFICATIONS[organisation.kind]
        result.append(item)
    return result


def _other_name(name: OrganisationName) -> JsonObject:
    # Popolo's other_name has no language: the note says it, with the form of the name.
    note = name.form if name.language is None else f"{name.form}; language: {name.language}"
    return {"name": name.name, "note": note}


def persons(transcript: Transcript) -> list[JsonObject]:
    """One Popolo person per participant, in the order of the participant list."""
    result: list[JsonObject] = []
    for participant in transcript.participants:
        person: JsonObject = {"id": _person_id(transcript, participant.id)}
        _put(person, "name", participant.name)
        _put(person, "given_name", participant.forename)
        _put(person, "family_name", participant.surname)
        if participant.sex is not None:
            person["gender"] = GENDERS[participant.sex]
        _put(person, "birth_date", participant.birth)
        person["identifiers"] = _identifiers(participant.id, participant.identifiers)
        links = [_link(i) for i in participant.identifiers if _is_web_page(i.uri)]
        if links:
            person["links"] = links
        result.append(person)
    return result


def _identifiers(model_id: str, external: Sequence[ExternalId]) -> list[JsonObject]:
    result: list[JsonObject] = [{"identifier": model_id, "scheme": ID_SCHEME}]
    for identifier in external:
        item: JsonObject = {"identifier": identifier.uri}
        _put(item, "scheme", identifier.scheme)
        result.append(item)
    return result


def _is_web_page(uri: str) -> bool:
    return uri.startswith(("http://", "https://"))


def _link(identifier: ExternalId) -> JsonObject:
    link: JsonObject = {"url": identifier.uri}
    _put(link, "note", identifier.scheme)
    return link


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
    kinds = {o.id: o.kind for o in transcript.organisations}
    for participant in transcript.participants:
        result.extend(_affiliations(transcript, participant, kinds))
    return result


def _affiliations(
    transcript: Transcript, participant: Participant, kinds: Mapping[str, str]
) -> list[JsonObject]:
    """One membership per affiliation of ``participant`` (ids ``T.P.aK``)."""
    person_id = _person_id(transcript, participant.id)
    result: list[JsonObject] = []
    for number, affiliation in enumerate(participant.affiliations, 1):
        item: JsonObject = {
            "id": f"{person_id}.a{number}",
            "person_id": person_id,
            "organization_id": _member_id(transcript, affiliation.organisation),
            "role": affiliation.role,
        }
        _put(item, "label", affiliation.role_title)
        _put(item, "start_date", affiliation.start)
        _put(item, "end_date", affiliation.end)
        if kinds.get(affiliation.organisation) in _SEATS:
            behalf = _on_behalf_of(affiliation, participant.affiliations, kinds)
            if behalf is not None:
                item["on_behalf_of_id"] = _member_id(transcript, behalf)
        result.append(item)
    return result


def _on_behalf_of(
    seat: Affiliation, affiliations: Sequence[Affiliation], kinds: Mapping[str, str]
) -> str | None:
    """The one party (else the one parliamentary group) the person belongs to for the whole
    time of ``seat``; None when there is none or more than one: Popolo takes only one."""
    for kind in ("political_party", "parliamentary_group"):
        covering = {
            a.organisation
            for a in affiliations
            if kinds.get(a.organisation) == kind and _covers(a, seat)
        }
        if len(covering) == 1:
            return covering.pop()
        if covering:
            return None
    return None


def _covers(outer: Affiliation, inner: Affiliation) -> bool:
    # Partial dates: a start stands for its first day, an end for its last; absent is open.
    starts_before = outer.start is None or (
        inner.start is not None and _first_day(outer.start) <= _first_day(inner.start)
    )
    ends_after = outer.end is None or (
        inner.end is not None and _last_day(outer.end) >= _last_day(inner.end)
    )
    return starts_before and ends_after


def _first_day(partial: str) -> str:
    return partial + "-01-01"[len(partial) - 4 :]


def _last_day(partial: str) -> str:
    # "-31" orders after every last day of a month, which is all a comparison needs.
    return partial + "-12-31"[len(partial) - 4 :]


def speeches(transcript: Transcript) -> list[JsonObject]:
    """One Popolo speech per turn, in order, positions counting from 1."""
    return [speech(transcript, position, turn) for position, turn in enumerate(transcript.turns, 1)]


def speech(transcript: Transcript, position: int, turn: Turn) -> JsonObject:
    """The Popolo speech of the turn at ``position`` (from 1)."""
    result: JsonObject = {"id": f"{transcript.id}.{position}"}
    if isinstance(turn, Speech):
        if turn.speaker is not None:
            result["creator_id"] = _person_id(transcript, turn.speaker)
        _put(result, "role", turn.role if turn.role is not None else turn.function)
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


def _member_id(transcript: Transcript, organisation_id: str) -> str:
    # Organisation ids share the participants' namespace: the same form cannot collide.
    return f"{transcript.id}.{organisation_id}"


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
