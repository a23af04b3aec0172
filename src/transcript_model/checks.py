"""The rules that relate fields to each other (:mod:`transcript_model.cross_field`), as
pydantic errors.

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
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError
from pydantic_core.core_schema import ErrorType

from transcript_model.cross_field import (
    TranscriptFields,
    Violation,
    violations,
    violations_of_input,
)
from transcript_model.errors import Problem, problems_from_validation_error, without_union_tags

_KNOWN_ERROR_TYPES = frozenset(typing.get_args(ErrorType))
_Model = TypeVar("_Model", bound=BaseModel)


def cross_field_errors(transcript: TranscriptFields) -> list[InitErrorDetails]:
    """Return the cross-field rule violations of ``transcript``, located by path."""
    return [_details(violation) for violation in violations(transcript)]


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
    failed = {tuple(without_union_tags(detail["loc"])) for detail in field_errors}
    extra = [_details(v) for v in violations_of_input(data, failed)]
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


def _details(violation: Violation) -> InitErrorDetails:
    code, template, loc, value, context = violation
    return InitErrorDetails(type=PydanticCustomError(code, template, context), loc=loc, input=value)
