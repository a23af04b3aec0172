"""The base of every model class: immutable, re-validated on copy, quiet about unused fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from transcript_model.types import FrozenList

if TYPE_CHECKING:
    from typing_extensions import Self



class FrozenModel(BaseModel):
    """Immutable, and every copy with changes is checked again."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with the fields in ``update`` changed, checked by every rule of the model.

        Unlike pydantic's default, the changes are validated (and so are the rules of the
        whole, for a :class:`~transcript_model.model.Transcript`): ``update`` values may be
        models or plain data, and an invalid result raises ``pydantic.ValidationError``.
        Without ``update`` it is a plain copy (deep if asked).
        """
        if not update:
            return super().model_copy(deep=deep)
        data = {name: getattr(self, name) for name in self.model_fields_set}
        copied = type(self).model_validate({**data, **update})
        return copied.model_copy(deep=True) if deep else copied


def _empty(value: object) -> bool:
    return value is None or value == []


def optional() -> Any:
    """A field that is None by default and left out of the output while it is None.

    Model 1.1 added fields that most transcripts never fill (a kremlin.ru page has no party
    affiliations or sitting numbers): leaving them out keeps such a transcript's JSON exactly
    as small and readable as model 1.0 wrote it.
    """
    return Field(default=None, exclude_if=_empty)


def optional_list() -> Any:
    """A list field that is empty by default and left out of the output while it is empty."""
    return Field(default_factory=FrozenList, exclude_if=_empty)

