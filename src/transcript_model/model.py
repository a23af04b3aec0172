"""The canonical transcript model: one structure in the middle, every format around it.

A transcript is an :class:`Event`, the :class:`Participant` list, the ordered list of turns and
the :class:`Metadata` of its publication. Model 1.1 adds what parliamentary records carry:
people's name parts, sex, birth, identifiers and affiliations (:mod:`transcript_model.people`),
the :class:`Organisation` list, the :class:`Sitting` (:mod:`transcript_model.sitting`), and the
events inside a speech (:mod:`transcript_model.inline`). A 1.0 document reads as it is: 1.1 only
adds optional fields, so reading one upgrades it to 1.1 without changing anything else.

Field-level rules (patterns, required fields) are also published in the JSON Schema; the
rules that relate fields to each other (every speaker resolves, ids are unique, …) live in
:mod:`transcript_model.checks` and run when a transcript is built.

Models are immutable: assigning to a field raises, and the lists they hold refuse changes in
place. An edit is a copy, ``t.model_copy(update={...})``, which checks every rule again —
the cross-field rules included — and raises ``pydantic.ValidationError`` when the result
would be invalid. Immutability rather than validation on assignment, because a nested model
cannot see the rules of the transcript that holds it: ``t.turns[0].speaker = "nobody"``
would pass ``Speech``'s own checks and leave a transcript whose speaker resolves to no one.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal, Union

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    Strict,
    ValidationError,
    WithJsonSchema,
    model_validator,
)

from transcript_model import object_rules
from transcript_model.base import FrozenModel, optional, optional_list
from transcript_model.checks import (
    raise_for_cross_field_errors,
    raise_with_cross_field_errors_of_input,
)
from transcript_model.inline import Block, Fragment, InlineEvent, InlineKind, Paragraph
from transcript_model.people import (
    Affiliation,
    ExternalId,
    Organisation,
    OrganisationKind,
    OrganisationName,
    Participant,
    Sex,
)
from transcript_model.sitting import AgendaItem, Number, NumberingLevel, Sitting, Title
from transcript_model.types import (
    TURN_KIND_NAMES,
    Frozen,
    FrozenList,
    Identifier,
    IsoDate,
    LanguageTag,
    Line,
    LocalDateTime,
    LocalTime,
    Name,
    Url,
    UtcOffset,
)

#: The version of the model this package writes.
SCHEMA_VERSION: Final = "1.1"
#: Every version it reads; older ones are upgraded on reading.
SCHEMA_VERSIONS = ("1.0", "1.1")

__all__ = [
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
    "TURN_KINDS",
    "Affiliation",
    "AgendaItem",
    "Block",
    "Break",
    "Caption",
    "Event",
    "ExternalId",
    "Fragment",
    "Heading",
    "InlineEvent",
    "InlineKind",
    "Link",
    "Metadata",
    "Narrative",
    "Number",
    "NumberingLevel",
    "Omission",
    "Organisation",
    "OrganisationKind",
    "OrganisationName",
    "Paragraph",
    "Participant",
    "Sex",
    "Sitting",
    "Source",
    "Speech",
    "StageDirection",
    "Title",
    "Transcript",
    "Turn",
]

Paragraphs = Annotated[
    list[Line],
    Field(min_length=1, description="Paragraphs in order; each one line of text, verbatim."),
    Frozen,
    FrozenList,
]
Blocks = Annotated[
    list[Block],
    Field(
        min_length=1,
        description="The speech in order: paragraphs (each one line of text, verbatim), "
        "events between them, and paragraphs with events inside.",
    ),
    Frozen,
]


class Event(FrozenModel):
    """What happened, when and where: the header of a transcript page."""

    title: Name
    """The title as published, e.g. "Meeting with permanent members of Security Council"."""
    lead: Line | None = None
    """The summary sentence printed under the title, if any."""
    date: IsoDate
    """The date of the event (ISO 8601, YYYY-MM-DD)."""
    time: LocalTime | None = None
    """The local start time as printed (HH:MM or HH:MM:SS), if printed."""
    utc_offset: UtcOffset | None = None
    """The UTC offset of the local time, e.g. "+03:00" for Moscow; XML dateTimes need it."""
    place: Name | None = None
    """The place as printed, e.g. "The Kremlin, Moscow"."""
    attendees_intro: Line | None = None
    """The words that open the attendee list, e.g. "Taking part in the meeting were"; the
    attendees themselves are the participants marked ``attending``."""


class Speech(FrozenModel):
    """A labelled contribution by one speaker."""

    kind: Literal["speech"] = "speech"
    """Turn kind."""
    speaker: Identifier | None = None
    """The id of the participant who speaks; absent for generic labels such as "Question"."""
    label: Name | None = None
    """The speaker label as printed, without the colon, e.g. "President of Russia Vladimir
    Putin"; absent when the speaker goes on after an interruption without a new label."""
    role: Name | None = None
    """The role given in this label, e.g. "President of Russia"; absent for a bare name."""
    paragraphs: Blocks
    function: Identifier | None = optional()
    """The speaker's function in this sitting: "chair", "regular", "guest" (ParlaMint's
    words), or another role's id (an Akoma Ntoso ``TLCRole``)."""
    language: LanguageTag | None = optional()
    """The language of the speech, where it differs from the transcript's."""

    @property
    def spoken(self) -> list[str]:
        """The words spoken, paragraph by paragraph: the events inside left out, and the
        paragraphs that are only an event skipped."""
        return [
            block if isinstance(block, str) else block.text
            for block in self.paragraphs
            if isinstance(block, str) or (isinstance(block, Paragraph) and block.text.strip())
        ]

    @model_validator(mode="after")
    def _attributed(self) -> Speech:
        if (problem := object_rules.speech_attribution(self.speaker, self.label)) is not None:
            raise ValueError(problem)
        return self


class Narrative(FrozenModel):
    """Unlabelled text: reported speech, an address without labels, a telephone readout."""

    kind: Literal["narrative"] = "narrative"
    """Turn kind."""
    paragraphs: Paragraphs


class StageDirection(FrozenModel):
    """A stage direction on its own line, e.g. "(Applause.)"."""

    kind: Literal["stage"] = "stage"
    """Turn kind."""
    text: Line
    """The direction as printed, brackets included."""


class Heading(FrozenModel):
    """A subheading inside the body of a transcript."""

    kind: Literal["heading"] = "heading"
    """Turn kind."""
    text: Line
    """The heading as printed."""


class Omission(FrozenModel):
    """Material the publisher left out, printed as a marker such as "<…>"."""

    kind: Literal["omission"] = "omission"
    """Turn kind."""
    marker: Line = "<…>"
    """The marker as printed."""


class Break(FrozenModel):
    """A section separator such as "* * *"; the next turn starts a new section."""

    kind: Literal["break"] = "break"
    """Turn kind."""
    marker: Line = "* * *"
    """The separator as printed."""


Turn = Annotated[
    Union[Speech, Narrative, StageDirection, Heading, Omission, Break],
    Field(discriminator="kind"),
]
#: The turn kinds, in the order the model lists them (defined in types.py, which errors.py
#: reads without importing the model).
TURN_KINDS = TURN_KIND_NAMES


class Source(FrozenModel):
    """Where the transcript was published."""

    url: Url | None = None
    """The page URL, e.g. "http://en.kremlin.ru/events/president/transcripts/67949"."""
    publisher: Name | None = None
    """Who published it, e.g. "President of Russia"."""
    identifier: Name | None = None
    """The publisher's own id for the document, e.g. "67949"."""


class Caption(FrozenModel):
    """A photo caption line of the page: "2 of 4" followed by the caption."""

    index: Annotated[int, Strict(), Field(ge=1)]
    """The photo's position in the slider (the 2 in "2 of 4")."""
    total: Annotated[int, Strict(), Field(ge=1)]
    """How many photos the slider holds (the 4 in "2 of 4")."""
    text: Line | None = None
    """The caption, if one is printed."""

    @model_validator(mode="after")
    def _index_within_total(self) -> Caption:
        if (problem := object_rules.caption_position(self.index, self.total)) is not None:
            raise ValueError(problem)
        return self


class Link(FrozenModel):
    """A "See also" link."""

    title: Line
    """The link text as printed."""
    url: Url | None = None
    """Where it points, when known (copied page text does not carry it)."""


class Metadata(FrozenModel):
    """Publication data and tags: the footer of a transcript page."""

    source: Source = Field(
        default_factory=Source, description="The publisher, page URL and document id."
    )
    licence: Name | None = None
    """Licence of the text, as an SPDX id (e.g. "CC-BY-4.0") or a URL."""
    published: LocalDateTime | None = None
    """Publication date and time, local time as printed ("Publication date")."""
    sections: Annotated[list[Name], Frozen] = Field(default_factory=FrozenList)
    """Site sections the page is published in, in order ("Published in sections")."""
    topics: Annotated[list[Name], Frozen] = Field(default_factory=FrozenList)
    """Topic tags, verbatim, in order."""
    geography: Annotated[list[Name], Frozen] = Field(default_factory=FrozenList)
    """Geography tags, verbatim, in order."""
    persons: Annotated[list[Name], Frozen] = Field(default_factory=FrozenList)
    """Person tags, verbatim (surname first on kremlin.ru), in order."""
    captions: Annotated[list[Caption], Frozen] = Field(default_factory=FrozenList)
    """Photo captions, in page order."""
    see_also: Annotated[list[Link], Frozen] = Field(default_factory=FrozenList)
    """"See also" links, in order."""


def _upgrade(version: object) -> object:
    # 1.1 only added optional fields: a 1.0 document is a 1.1 document as it stands.
    return SCHEMA_VERSION if version == "1.0" else version


class Transcript(FrozenModel):
    """One transcript: event, participants, turns and metadata.

    Building one (``Transcript(...)``, ``Transcript.model_validate(...)``,
    ``Transcript.model_validate_json(...)``) checks every rule of the model, including the
    cross-field rules of :mod:`transcript_model.checks`; errors carry the JSON path of the
    offending value.
    """

    model_config = ConfigDict(
        title="Transcript",
        json_schema_extra={
            "description": "A political or parliamentary transcript: the event, its "
            "participants, the turns of speech in order, and publication metadata."
        },
    )

    schema_version: Annotated[
        Literal["1.1"],
        BeforeValidator(_upgrade),
        WithJsonSchema({"enum": list(SCHEMA_VERSIONS), "default": SCHEMA_VERSION}),
    ] = SCHEMA_VERSION
    """Version of the model the document was written for; "1.0" documents are read and
    upgraded to "1.1" (which only adds optional fields). Readers refuse versions they do not
    know."""
    id: Identifier
    """Stable identifier of the transcript, e.g. "kremlin-67949"."""
    language: LanguageTag
    """BCP 47 language tag of the text, e.g. "en" or "ru"."""
    event: Event
    """What happened, when and where."""
    participants: Annotated[list[Participant], Frozen] = Field(default_factory=FrozenList)
    """Everyone who attends or speaks, in order of first mention."""
    organisations: Annotated[list[Organisation], Frozen] = optional_list()
    """The parliaments, chambers, committees, parties, groups and governments the
    participants' affiliations and the sitting refer to."""
    sitting: Sitting | None = optional()
    """The sitting, for a parliamentary record: body, numbering, titles, end, agenda."""
    turns: Annotated[list[Turn], Frozen] = Field(default_factory=FrozenList)
    """The body of the transcript, in order."""
    metadata: Metadata = Field(default_factory=Metadata)
    """Publication data and tags."""

    @model_validator(mode="wrap")
    @classmethod
    def _every_rule(cls, data: Any, handler: ModelWrapValidatorHandler[Transcript]) -> Transcript:
        # The cross-field rules run after the fields are valid, and also when some are not:
        # a bad date must not hide an unknown speaker. Those rules then look at the input
        # itself, skipping what the field errors make meaningless (see checks.py).
        try:
            transcript = handler(data)
        except ValidationError as error:
            raise_with_cross_field_errors_of_input(error, data)
            raise
        raise_for_cross_field_errors(transcript)
        return transcript

    def participant(self, participant_id: str) -> Participant | None:
        """Return the participant with this id, or None."""
        return next((p for p in self.participants if p.id == participant_id), None)

    def organisation(self, organisation_id: str) -> Organisation | None:
        """Return the organisation with this id, or None."""
        return next((o for o in self.organisations if o.id == organisation_id), None)
