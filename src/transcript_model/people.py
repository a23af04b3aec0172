"""People and organisations: who speaks, and the parties, groups and bodies they belong to.

A kremlin.ru page names a person and a role title; a parliamentary record knows far more —
name parts, sex, birth date, identifiers in other databases, and affiliations to parties,
groups, chambers and governments over time. Every field beyond the id, name and role is
optional and left out of the output when unset, so the simple case stays as small as before.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, Strict, model_validator

from transcript_model import object_rules
from transcript_model.base import FrozenModel, optional, optional_list
from transcript_model.types import Frozen, Identifier, LanguageTag, Name, PartialDate, Url

#: Sex as ParlaMint records it: male, female, unknown, other, not applicable.
Sex = Literal["M", "F", "U", "O", "N"]

#: What an organisation is. "parliament" is the whole legislature, "chamber" one of its
#: houses; "parliamentary_group" a group of members in a chamber (a faction), "political_party"
#: the party outside it.
OrganisationKind = Literal[
    "parliament",
    "chamber",
    "committee",
    "political_party",
    "parliamentary_group",
    "government",
    "ministry",
    "other",
]


class ExternalId(FrozenModel):
    """The same person or organisation in another database: a Wikidata item, a parliament's
    member page, a kremlin.ru person page."""

    scheme: Name | None = None
    """What the identifier is, e.g. "wikidata", "wikimedia", "parliament", "kremlin"."""
    uri: Url
    """The identifier as a URI, e.g. "https://www.wikidata.org/wiki/Q7747"."""


class Affiliation(FrozenModel):
    """A person's membership of an organisation, with the role held and when."""

    organisation: Identifier
    """The id of an organisation of the transcript."""
    role: Name = "member"
    """The role held: "member", "head", "deputyHead", "minister", "MP", … (ParlaMint's words
    are a good default vocabulary)."""
    start: PartialDate | None = optional()
    """When the affiliation began (YYYY, YYYY-MM or YYYY-MM-DD), if known."""
    end: PartialDate | None = optional()
    """When it ended, if it has."""
    role_title: Name | None = optional()
    """The role's title as printed, e.g. "Minister of Finance"."""

    @model_validator(mode="after")
    def _ordered(self) -> Affiliation:
        if (problem := object_rules.affiliation_order(self.start, self.end)) is not None:
            raise ValueError(problem)
        return self

    def holds_on(self, day: str) -> bool:
        """Whether the affiliation holds on ``day`` (YYYY-MM-DD), as far as its dates tell."""
        starts_before = self.start is None or self.start <= day[: len(self.start)]
        ends_after = self.end is None or self.end >= day[: len(self.end)]
        return starts_before and ends_after


class Participant(FrozenModel):
    """A person (or a role, where only the role is printed) who attends or speaks."""

    id: Identifier
    """Stable identifier, unique in the transcript, e.g. "vladimir-putin"."""
    name: Name | None = None
    """The person's name in natural order, e.g. "Vladimir Putin"; absent for a role-only
    speaker such as "Moderator"."""
    role: Name | None = None
    """The role title printed before the name at first mention, e.g. "President of Russia"."""
    attending: Annotated[bool, Strict()] = False
    """True when the person is named in the attendee list of the event."""
    forename: Name | None = optional()
    """The given name(s), where the source tells the parts of the name apart."""
    surname: Name | None = optional()
    """The family name(s), where the source tells the parts of the name apart."""
    sex: Sex | None = optional()
    """Sex as ParlaMint records it: M, F, U (unknown), O (other), N (not applicable)."""
    birth: PartialDate | None = optional()
    """Date of birth (YYYY, YYYY-MM or YYYY-MM-DD)."""
    identifiers: Annotated[list[ExternalId], Frozen] = optional_list()
    """The person in other databases."""
    affiliations: Annotated[list[Affiliation], Frozen] = optional_list()
    """Memberships of the transcript's organisations, in the source's order."""

    @model_validator(mode="after")
    def _named_or_titled(self) -> Participant:
        problem = object_rules.participant_naming(self.name, self.role, self.attending)
        if problem is not None:
            raise ValueError(problem)
        return self

    def affiliations_on(self, day: str) -> list[Affiliation]:
        """The affiliations that hold on ``day`` (YYYY-MM-DD), in order."""
        return [a for a in self.affiliations if a.holds_on(day)]


class OrganisationName(FrozenModel):
    """One name of an organisation: full or abbreviated, in one language."""

    name: Name
    """The name as written, e.g. "Slovenska nacionalna stranka" or "SNS"."""
    form: Literal["full", "abbreviation"] = "full"
    """Whether this is the full name or an abbreviation."""
    language: LanguageTag | None = optional()
    """The language of this name, where the source says."""


class Organisation(FrozenModel):
    """A parliament, chamber, committee, party, group, government or ministry."""

    id: Identifier
    """Stable identifier, unique among the ids of participants and organisations."""
    kind: OrganisationKind
    """What the organisation is."""
    names: Annotated[list[OrganisationName], Field(min_length=1), Frozen]
    """Its names: full and abbreviated, per language; the first full name is the main one."""
    identifiers: Annotated[list[ExternalId], Frozen] = optional_list()
    """The organisation in other databases."""

    @property
    def name(self) -> str:
        """The main name: the first full name, else the first name."""
        full = next((n.name for n in self.names if n.form == "full"), None)
        return full if full is not None else self.names[0].name

    @property
    def abbreviation(self) -> str | None:
        """The first abbreviated name, if any."""
        return next((n.name for n in self.names if n.form == "abbreviation"), None)
