"""The rules that relate fields to each other, found in a transcript or in its raw input.

No JSON Schema can express them; :mod:`transcript_model.checks` runs them whenever a
:class:`~transcript_model.model.Transcript` is built and reports what they find as pydantic
errors. This module needs nothing of pydantic, so that the quick check of a JSON file
(:mod:`transcript_model.converters.json.quick`) runs them without loading it.
"""

from __future__ import annotations

import itertools
import operator
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

_PLAIN = {str}
_KIND = operator.attrgetter("kind")
_SPEAKER = operator.attrgetter("speaker")
_PARAGRAPHS = operator.attrgetter("paragraphs")
_ATTENDING = operator.attrgetter("attending")
_ABSENT = object()


class Violation(NamedTuple):
    """One broken rule: its code, its message template (``{name}`` filled from ``context``),
    where it is, and the value there."""

    code: str
    template: str
    loc: tuple[str | int, ...]
    value: object
    context: dict[str, object]


# The rules see a transcript only through the fields they relate: typed by these protocols,
# this module needs nothing from model.py, which runs the rules from its validator.


class _Participant(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def attending(self) -> bool: ...


class _Turn(Protocol):
    @property
    def kind(self) -> str: ...


class _Speech(_Turn, Protocol):
    @property
    def speaker(self) -> str | None: ...


class _Event(Protocol):
    @property
    def attendees_intro(self) -> str | None: ...


class TranscriptFields(Protocol):
    """What the cross-field rules read of a :class:`~transcript_model.model.Transcript`."""

    @property
    def participants(self) -> Sequence[_Participant]: ...
    @property
    def turns(self) -> Sequence[_Turn]: ...
    @property
    def event(self) -> _Event: ...


def violations(transcript: TranscriptFields) -> list[Violation]:
    """Return the cross-field rule violations of ``transcript``, located by path."""
    errors, known_ids = _duplicate_id_errors(
        (index, participant.id) for index, participant in enumerate(transcript.participants)
    )
    organisations = getattr(transcript, "organisations", ())
    sitting = getattr(transcript, "sitting", None)
    if organisations or sitting is not None or _affiliated(transcript.participants):
        errors += _organisation_errors(transcript, organisations, known_ids, frozenset())
    errors += _speech_speaker_errors(transcript.turns, known_ids)
    attending = any(map(_ATTENDING, transcript.participants))
    errors += _attendees_intro_errors(attending, transcript.event.attendees_intro)
    return errors


def _duplicate_id_errors(
    ids: Iterable[tuple[int, str]],
) -> tuple[list[Violation], set[str]]:
    errors: list[Violation] = []
    first_index: dict[str, int] = {}
    for index, participant_id in ids:
        if participant_id in first_index:
            errors.append(
                _error(
                    "duplicate_id",
                    "participant id '{id}' is already used by participants[{first}]",
                    ("participants", index, "id"),
                    participant_id,
                    id=participant_id,
                    first=first_index[participant_id],
                )
            )
        else:
            first_index[participant_id] = index
    return errors, set(first_index)


def _unknown_speaker_errors(
    speakers: Iterable[tuple[int | tuple[int | str, ...], str]], known_ids: set[str]
) -> list[Violation]:
    # A speech's speaker is located by its turn's index, an inline event's by its whole path.
    return [
        _error(
            "unknown_speaker",
            "speaker '{id}' is not the id of any participant",
            ("turns", where, "speaker") if isinstance(where, int) else where,
            speaker,
            id=speaker,
        )
        for where, speaker in speakers
        if speaker not in known_ids
    ]


def _affiliated(participants: Iterable[object]) -> bool:
    # Participants of a built transcript: plain attribute reads (the isinstance() tests of
    # _field() cost more than the rest of these rules together).
    return any(getattr(p, "affiliations", None) for p in participants)


def _organisation_errors(
    transcript: object,
    organisations: Iterable[object],
    participant_ids: set[str],
    failed: frozenset[tuple[int | str, ...]],
) -> list[Violation]:
    """Organisation ids unique among all ids, and every reference to one resolving."""
    ids = [(i, _field(o, "id", None)) for i, o in enumerate(organisations)]
    errors: list[Violation] = []
    known: dict[str, int] = {}
    for index, organisation_id in ids:
        if not isinstance(organisation_id, str):
            continue
        if organisation_id in participant_ids or organisation_id in known:
            holder = (
                "a participant"
                if organisation_id in participant_ids
                else (f"organisations[{known[organisation_id]}]")
            )
            errors.append(
                _error(
                    "duplicate_id",
                    "organisation id '{id}' is already used by {holder}",
                    ("organisations", index, "id"),
                    organisation_id,
                    id=organisation_id,
                    holder=holder,
                )
            )
        known.setdefault(organisation_id, index)
    if len(known) + len(errors) < len(ids):
        return errors  # an id that is not a string might be the one a reference names
    return errors + [
        _error(
            "unknown_organisation",
            "organisation '{id}' is not the id of any organisation",
            where,
            reference,
            id=reference,
        )
        for where, reference in _organisation_references(transcript, failed)
        if reference not in known
    ]


def _organisation_references(
    transcript: object, failed: frozenset[tuple[int | str, ...]]
) -> Iterable[tuple[tuple[int | str, ...], str]]:
    participants = _field(transcript, "participants", [])
    for i, participant in enumerate(participants if isinstance(participants, list) else []):
        affiliations = _field(participant, "affiliations", [])
        for j, affiliation in enumerate(affiliations if isinstance(affiliations, list) else []):
            yield from _reference(
                affiliation, "organisation", ("participants", i, "affiliations", j), failed
            )
    sitting = _field(transcript, "sitting", None)
    if sitting is None or sitting is _ABSENT:
        return
    yield from _reference(sitting, "body", ("sitting",), failed)
    numbering = _field(sitting, "numbering", [])
    for k, number in enumerate(numbering if isinstance(numbering, list) else []):
        yield from _reference(number, "body", ("sitting", "numbering", k), failed)


def _reference(
    item: object, name: str, at: tuple[int | str, ...], failed: frozenset[tuple[int | str, ...]]
) -> Iterable[tuple[tuple[int | str, ...], str]]:
    value = _field(item, name, None)
    where = (*at, name)
    if isinstance(value, str) and where not in failed:
        yield where, value


def _speech_speaker_errors(turns: Sequence[_Turn], known_ids: set[str]) -> list[Violation]:
    """Speakers of speeches, then of the events inside them, that name no known id."""
    # Runs on every transcript built, so the common case (every speaker known, no event in any
    # speech) is settled by passes that iterate in C; only a transcript where they find
    # something is walked turn by turn, to locate it. getattr() on the kinds that are not
    # speeches would go through pydantic's __getattr__ and an exception each: the speeches are
    # picked by their kind first.
    speeches = list(itertools.compress(turns, map("speech".__eq__, map(_KIND, turns))))
    speakers = set(map(_SPEAKER, speeches))
    speakers.discard(None)
    errors: list[Violation] = []
    if not speakers <= known_ids:
        located = (
            (index, speaker)
            for index, turn in enumerate(turns)
            if turn.kind == "speech" and (speaker := typing.cast(_Speech, turn).speaker) is not None
        )
        errors += _unknown_speaker_errors(located, known_ids)
    block_types = set(map(type, itertools.chain.from_iterable(map(_PARAGRAPHS, speeches))))
    if not block_types <= _PLAIN:
        errors += _unknown_speaker_errors(_inline_speakers_of_model(turns), known_ids)
    return errors


def _inline_speakers_of_model(
    turns: Sequence[_Turn],
) -> Iterable[tuple[tuple[int | str, ...], str]]:
    # Skips the speeches whose items are all strings without looking further: the generic
    # walk below costs a tenth of the text reader's time.
    for i, turn in enumerate(turns):
        if turn.kind != "speech":
            continue
        blocks = typing.cast(Any, turn).paragraphs
        if set(map(type, blocks)) == _PLAIN:  # iterates in C: a third of the cost of all()
            continue
        yield from _inline_speakers(
            {"turns": [{"kind": "speech", "paragraphs": blocks}]}, frozenset(), first_turn=i
        )


def _inline_speakers(
    transcript: object, failed: frozenset[tuple[int | str, ...]], first_turn: int = 0
) -> Iterable[tuple[tuple[int | str, ...], str]]:
    """The speakers named by events inside speeches, with their paths."""
    turns = _field(transcript, "turns", [])
    for i, turn in enumerate(turns if isinstance(turns, list) else [], first_turn):
        if _field(turn, "kind", None) != "speech":
            continue
        blocks = _field(turn, "paragraphs", [])
        for j, block in enumerate(blocks if isinstance(blocks, list) else []):
            if isinstance(block, str):
                continue
            at: tuple[int | str, ...] = ("turns", i, "paragraphs", j)
            yield from _reference(block, "speaker", at, failed)
            content = _field(block, "content", [])
            for k, item in enumerate(content if isinstance(content, list) else []):
                if not isinstance(item, str):
                    yield from _reference(item, "speaker", (*at, "content", k), failed)


def _attendees_intro_errors(attending: bool, attendees_intro: object) -> list[Violation]:
    if not attending or attendees_intro:
        return []
    return [
        _error(
            "missing_attendees_intro",
            "participants are marked attending but event.attendees_intro is not set",
            ("event", "attendees_intro"),
            None,
        )
    ]


def violations_of_input(data: object, failed: set[tuple[int | str, ...]]) -> list[Violation]:
    """The cross-field rules on raw input whose fields failed at the locations ``failed``."""
    participants = _field(data, "participants", [])
    errors: list[Violation] = []
    if isinstance(participants, list):
        ids = [(i, _field(p, "id", None)) for i, p in enumerate(participants)]
        string_ids = [(i, value) for i, value in ids if isinstance(value, str)]
        duplicates, known_ids = _duplicate_id_errors(string_ids)
        errors += duplicates
        # A participant whose id is not even a string might be the one a speaker names.
        if len(string_ids) == len(ids):
            errors += _unknown_speaker_errors(_speakers_of_input(data, failed), known_ids)
            errors += _unknown_speaker_errors(_inline_speakers(data, frozenset(failed)), known_ids)
        organisations = _field(data, "organisations", [])
        if isinstance(organisations, list) and len(string_ids) == len(ids):
            errors += _organisation_errors(data, organisations, known_ids, frozenset(failed))
        attending = any(_field(p, "attending", False) is True for p in participants)
        event = _field(data, "event", _ABSENT)
        if (isinstance(event, Mapping) or _is_model(event)) and (
            "event",
            "attendees_intro",
        ) not in failed:
            errors += _attendees_intro_errors(attending, _field(event, "attendees_intro", None))
    return errors


def _speakers_of_input(
    data: object, failed: set[tuple[int | str, ...]]
) -> Iterable[tuple[int, str]]:
    turns = _field(data, "turns", [])
    if not isinstance(turns, list):
        return
    for index, turn in enumerate(turns):
        speaker = _field(turn, "speaker", None)
        if (
            _field(turn, "kind", None) == "speech"
            and isinstance(speaker, str)
            and ("turns", index, "speaker") not in failed
        ):
            yield index, speaker


def _field(item: object, name: str, default: Any) -> Any:
    if isinstance(item, Mapping):
        return item.get(name, default)
    if _is_model(item):
        return getattr(item, name, default)
    return _ABSENT


def _is_model(item: object) -> bool:
    # A pydantic model, told without importing pydantic.
    return getattr(type(item), "__pydantic_fields__", None) is not None


def _error(
    code: str, template: str, loc: tuple[str | int, ...], value: object, **context: object
) -> Violation:
    return Violation(code, template, loc, value, context)
