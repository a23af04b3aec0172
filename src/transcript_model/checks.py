"""Rules that relate fields to each other, which no JSON Schema can express.

They run whenever a :class:`~transcript_model.model.Transcript` is built or copied with changes,
and report every violation at once, each located by its path in the transcript (as pydantic
reports field errors). They also run when some fields are invalid, on the input itself, so that
one call reports every layer of problems: a bad date and an unknown speaker together. A rule is
skipped only where a field error makes it meaningless (the speakers cannot be checked against a
participant list that is not a list).

:func:`problems_of` checks transcripts that already exist, e.g. ones made with
``model_construct``, which skips validation.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError
from pydantic_core.core_schema import ErrorType

from transcript_model.errors import Problem, problems_from_validation_error

_KNOWN_ERROR_TYPES = frozenset(typing.get_args(ErrorType))
_ABSENT = object()

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


_Model = TypeVar("_Model", bound=BaseModel)


def cross_field_errors(transcript: TranscriptFields) -> list[InitErrorDetails]:
    """Return the cross-field rule violations of ``transcript``, located by path."""
    errors, known_ids = _duplicate_id_errors(
        (index, participant.id) for index, participant in enumerate(transcript.participants)
    )
    # Only speeches name a speaker; getattr() on the other kinds would go through pydantic's
    # __getattr__ and an exception each, a third of the time of these checks.
    speakers = (
        (index, speaker)
        for index, turn in enumerate(transcript.turns)
        if turn.kind == "speech" and (speaker := typing.cast(_Speech, turn).speaker) is not None
    )
    errors += _unknown_speaker_errors(speakers, known_ids)
    attending = any(p.attending for p in transcript.participants)
    errors += _attendees_intro_errors(attending, transcript.event.attendees_intro)
    return errors


def raise_for_cross_field_errors(transcript: TranscriptFields) -> None:
    """Raise a pydantic ``ValidationError`` listing every cross-field violation, if any."""
    errors = cross_field_errors(transcript)
    if errors:
        raise ValidationError.from_exception_data("Transcript", errors)


def raise_with_cross_field_errors_of_input(error: ValidationError, data: object) -> None:
    """Raise ``error`` together with the cross-field violations found in ``data``, if any.

    ``data`` is the input whose field validation raised ``error``; returns without raising
    when the cross-field rules find nothing more (the caller re-raises ``error`` itself).
    """
    field_errors = error.errors(include_url=False)
    failed = {tuple(_without_turn_tag(detail["loc"])) for detail in field_errors}
    extra = _cross_field_errors_of_input(data, failed)
    if extra:
        rebuilt = [_init_details(detail) for detail in field_errors]
        raise ValidationError.from_exception_data(error.title, [*rebuilt, *extra]) from None


def problems_of(transcripts: _Model | Sequence[_Model]) -> list[Problem]:
    """Every problem of transcripts (:class:`~transcript_model.model.Transcript`) that already
    exist, checked again by every rule.

    For a list, each location starts with the transcript's index (``[1].turns[0].speaker``),
    as in a JSON file holding an array. An empty list means valid.
    """
    single = isinstance(transcripts, BaseModel)
    items = [transcripts] if isinstance(transcripts, BaseModel) else transcripts
    problems: list[Problem] = []
    for index, transcript in enumerate(items):
        try:
            type(transcript).model_validate(transcript.model_dump())
        except ValidationError as error:
            prefix: tuple[int, ...] = () if single else (index,)
            problems += problems_from_validation_error(error, prefix=prefix)
    return problems


def _duplicate_id_errors(
    ids: Iterable[tuple[int, str]],
) -> tuple[list[InitErrorDetails], set[str]]:
    errors: list[InitErrorDetails] = []
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
    speakers: Iterable[tuple[int, str]], known_ids: set[str]
) -> list[InitErrorDetails]:
    return [
        _error(
            "unknown_speaker",
            "speaker '{id}' is not the id of any participant",
            ("turns", index, "speaker"),
            speaker,
            id=speaker,
        )
        for index, speaker in speakers
        if speaker not in known_ids
    ]


def _attendees_intro_errors(attending: bool, attendees_intro: object) -> list[InitErrorDetails]:
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


def _cross_field_errors_of_input(
    data: object, failed: set[tuple[int | str, ...]]
) -> list[InitErrorDetails]:
    """The cross-field rules on raw input whose fields failed at the locations ``failed``."""
    participants = _field(data, "participants", [])
    errors: list[InitErrorDetails] = []
    if isinstance(participants, list):
        ids = [(i, _field(p, "id", None)) for i, p in enumerate(participants)]
        string_ids = [(i, value) for i, value in ids if isinstance(value, str)]
        duplicates, known_ids = _duplicate_id_errors(string_ids)
        errors += duplicates
        # A participant whose id is not even a string might be the one a speaker names.
        if len(string_ids) == len(ids):
            errors += _unknown_speaker_errors(_speakers_of_input(data, failed), known_ids)
        attending = any(_field(p, "attending", False) is True for p in participants)
        event = _field(data, "event", _ABSENT)
        if isinstance(event, (Mapping, BaseModel)) and ("event", "attendees_intro") not in failed:
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
    if isinstance(item, BaseModel):
        return getattr(item, name, default)
    return _ABSENT


def _without_turn_tag(loc: Sequence[int | str]) -> list[int | str]:
    # A turn's errors are located through its kind: ("turns", 3, "speech", "speaker").
    if len(loc) >= 3 and loc[0] == "turns" and isinstance(loc[1], int):
        return [*loc[:2], *loc[3:]]
    return list(loc)


def _init_details(detail: Any) -> InitErrorDetails:
    # pydantic's own error types are rebuilt from their type and context (messages and
    # contexts stay as they were); our rules' types carry their message as the template.
    kind = detail["type"]
    if kind in _KNOWN_ERROR_TYPES:
        rebuilt = InitErrorDetails(type=kind, loc=detail["loc"], input=detail["input"])
        if "ctx" in detail:
            rebuilt["ctx"] = detail["ctx"]
        return rebuilt
    return InitErrorDetails(
        type=PydanticCustomError(kind, detail["msg"]), loc=detail["loc"], input=detail["input"]
    )


def _error(
    code: str, template: str, loc: tuple[str | int, ...], value: object, **context: object
) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError(code, template, context),
        loc=loc,
        input=value,
    )
