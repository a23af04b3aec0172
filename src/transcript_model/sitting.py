"""The sitting: which body sits, how the meeting is numbered, its titles and agenda.

Parliamentary records number their meetings (the 2nd term, the 21st regular sitting), carry
titles in several languages and types, and list an agenda. A transcript that is not a sitting
(a press conference, a meeting at the Kremlin) has none of this, and leaves ``sitting`` unset.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import model_validator

from transcript_model import object_rules
from transcript_model.base import FrozenModel, optional, optional_list
from transcript_model.types import Frozen, Identifier, LanguageTag, Line, LocalDateTime, Name

#: The levels at which parliaments number their meetings (ParlaMint's #parla.term,
#: #parla.session, #parla.sitting and #parla.meeting).
NumberingLevel = Literal["term", "session", "sitting", "meeting"]


class Number(FrozenModel):
    """The number of the sitting at one level, e.g. the 2nd term, the 21st regular sitting."""

    level: NumberingLevel
    """What is numbered."""
    number: Name | None = optional()
    """The number as the source gives it, e.g. "21" or "XII"."""
    label: Name | None = optional()
    """The words the source prints for it, e.g. "2. mandat" or "Redna"."""
    body: Identifier | None = optional()
    """The organisation this numbering counts in, where it is not the sitting body (a term
    counts in the parliament, a committee's sittings in the committee)."""

    @model_validator(mode="after")
    def _says_something(self) -> Number:
        problem = object_rules.number_says_something(self.level, self.number, self.label)
        if problem is not None:
            raise ValueError(problem)
        return self


class Title(FrozenModel):
    """One of the titles a record carries, with its type and language."""

    text: Line
    """The title as printed."""
    type: Name | None = optional()
    """Its type, e.g. "main", "sub", "short" (TEI's words)."""
    language: LanguageTag | None = optional()
    """Its language, where it differs or the source says."""


class AgendaItem(FrozenModel):
    """An item of the sitting's agenda."""

    title: Line
    """The item as printed, e.g. "1. Point of the agenda: …"."""
    number: Name | None = optional()
    """Its number, where printed apart from the title."""


class Sitting(FrozenModel):
    """The sitting a parliamentary transcript records.

    The start is the event's date and time; the sitting adds what only parliaments have.
    """

    body: Identifier | None = optional()
    """The id of the organisation that sits (a chamber, a committee)."""
    numbering: Annotated[list[Number], Frozen] = optional_list()
    """Its numbers, outermost first: term, session, sitting, meeting."""
    titles: Annotated[list[Title], Frozen] = optional_list()
    """Every title the record carries besides ``event.title``, in order."""
    end: LocalDateTime | None = optional()
    """When the sitting ended, local time, if recorded."""
    agenda: Annotated[list[AgendaItem], Frozen] = optional_list()
    """The agenda items, in order."""
