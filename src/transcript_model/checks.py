"""Rules that relate fields to each other, which no JSON Schema can express.

They run when a :class:`~transcript_model.model.Transcript` is built and report every violation
at once, each located by its path in the transcript (as pydantic reports field errors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

if TYPE_CHECKING:
    from transcript_model.model import Transcript


def cross_field_errors(transcript: Transcript) -> list[InitErrorDetails]:
    """Return the cross-field rule violations of ``transcript``, located by path."""
    errors: list[InitErrorDetails] = []
    first_index: dict[str, int] = {}
    for index, participant in enumerate(transcript.participants):
        if participant.id in first_index:
            errors.append(
                _error(
                    "duplicate_id",
                    "participant id '{id}' is already used by participants[{first}]",
                    ("participants", index, "id"),
                    participant.id,
                    id=participant.id,
                    first=first_index[participant.id],
                )
            )
        else:
            first_index[participant.id] = index
    from transcript_model.model import Speech

    for index, turn in enumerate(transcript.turns):
        # Only speeches name a speaker; getattr() on the other kinds would go through
        # pydantic's __getattr__ and an exception each, a third of the time of these checks.
        if not isinstance(turn, Speech):
            continue
        speaker = turn.speaker
        if speaker is not None and speaker not in first_index:
            errors.append(
                _error(
                    "unknown_speaker",
                    "speaker '{id}' is not the id of any participant",
                    ("turns", index, "speaker"),
                    speaker,
                    id=speaker,
                )
            )
    if any(p.attending for p in transcript.participants) and not transcript.event.attendees_intro:
        errors.append(
            _error(
                "missing_attendees_intro",
                "participants are marked attending but event.attendees_intro is not set",
                ("event", "attendees_intro"),
                None,
            )
        )
    return errors


def raise_for_cross_field_errors(transcript: Transcript) -> None:
    """Raise a pydantic ``ValidationError`` listing every cross-field violation, if any."""
    errors = cross_field_errors(transcript)
    if errors:
        raise ValidationError.from_exception_data("Transcript", errors)


def _error(
    code: str, template: str, loc: tuple[str | int, ...], value: object, **context: object
) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError(code, template, context),
        loc=loc,
        input=value,
    )
