"""What happens inside a speech: notes, interjections, applause, gaps, time stamps.

A speech is an ordered list of paragraphs. A paragraph is a plain string — the simple case,
and all a kremlin.ru page needs — or an :class:`InlineEvent` standing between paragraphs
("(Applause.)" in the middle of a speech, a heckle from the floor), or a :class:`Paragraph`
whose text has events inside it ("… <gap/> in potem še točko razno."). One utterance stays
one turn however often it is interrupted: utterances are what corpus linguists count.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, Tag, model_validator

from transcript_model import object_rules
from transcript_model.base import FrozenModel, optional
from transcript_model.types import (
    FORBIDDEN_CHARACTERS,
    Frozen,
    Identifier,
    Line,
    LocalTime,
    Name,
)

#: The kinds of event, after the TEI elements that transcribe them: an editorial or transcriber
#: ``note``; a ``gap`` where something was not transcribed; a ``vocal`` sound (laughter,
#: shouting, an interjection); a ``kinesic`` act (applause, a gesture, the bell); an
#: ``incident`` (someone leaves, a pause); a ``time`` stamp.
InlineKind = Literal["note", "gap", "vocal", "kinesic", "incident", "time"]
#: The kinds that can be ascribed to a person (TEI's att.ascribed: ``@who``).
ASCRIBABLE_KINDS = object_rules.ASCRIBABLE_KINDS

#: A piece of the text of a paragraph with events inside: one line, spaces kept at its edges
#: (they separate it from the event beside it).
Fragment = Annotated[str, Field(pattern=f"^[^{FORBIDDEN_CHARACTERS}]+$")]


def _text_or_event(item: object) -> str | None:
    if isinstance(item, str):
        return "text"
    if isinstance(item, (dict, InlineEvent)):
        return "event"
    return None


def _text_paragraph_or_event(item: object) -> str | None:
    # Called for every paragraph of every speech: plain strings, nearly all of them, first.
    if type(item) is str:
        return "text"
    kind = item.get("kind") if isinstance(item, dict) else getattr(item, "kind", None)
    if kind == "paragraph":
        return "paragraph"
    return _text_or_event(item)


class InlineEvent(FrozenModel):
    """Something that happens inside a speech, as the transcript records it."""

    kind: InlineKind
    """What kind of event."""
    type: Name | None = optional()
    """Its type, e.g. "applause", "laughter", "interruption", "inaudible", "editorial"."""
    text: Line | None = optional()
    """The record's words for it, as printed: "(Applause.)", "Ne.", "Seja se je pričela …"."""
    speaker: Identifier | None = optional()
    """The participant it comes from, when named (an interjection by a member)."""
    when: LocalTime | None = optional()
    """The time a ``time`` stamp gives."""

    @model_validator(mode="after")
    def _fits_its_kind(self) -> InlineEvent:
        problem = object_rules.inline_event_fields(self.kind, self.speaker, self.when)
        if problem is not None:
            raise ValueError(problem)
        return self


class Paragraph(FrozenModel):
    """A paragraph whose text has events inside it, as an ordered list of text and events."""

    kind: Literal["paragraph"] = "paragraph"
    """Tells it apart from an event."""
    content: Annotated[
        list[
            Annotated[
                Union[Annotated[Fragment, Tag("text")], Annotated[InlineEvent, Tag("event")]],
                Discriminator(
                    _text_or_event,
                    custom_error_type="block_type",
                    custom_error_message="expected text (a string) or an event (an object)",
                ),
            ]
        ],
        Field(min_length=1),
        Frozen,
    ]
    """Text and events in order; the text with its spaces as printed."""

    @model_validator(mode="after")
    def _canonical(self) -> Paragraph:
        if (problem := object_rules.paragraph_canonical(self.content)) is not None:
            raise ValueError(problem)
        return self

    @property
    def text(self) -> str:
        """The paragraph's text without its events."""
        return "".join(item for item in self.content if isinstance(item, str)).strip()


#: One item of a speech: a plain paragraph, an event between paragraphs, or a paragraph with
#: events inside.
Block = Annotated[
    Union[
        Annotated[Line, Tag("text")],
        Annotated[Paragraph, Tag("paragraph")],
        Annotated[InlineEvent, Tag("event")],
    ],
    Discriminator(
        _text_paragraph_or_event,
        custom_error_type="block_type",
        custom_error_message="expected a paragraph (a string) or an event or paragraph object",
    ),
]
