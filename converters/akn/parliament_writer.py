"""What model 1.1 adds, written as Akoma Ntoso: organisations, people's details, speaker
functions, the sitting, and events inside a speech.

AKN names organisations (``TLCOrganization``), people (``TLCPerson``) and roles (``TLCRole``)
but has no element for an organisation's kind, a person's name parts, sex, birth date or
affiliations: those go into ``meta/proprietary`` in the package's namespace (docs/akn.md), so
that the round trip is exact while AKN tools still see the references, the preface and the
remarks. Inside a speech the XSD allows blocks only (``p``, lists…), so an event between
paragraphs is a ``p class="event"`` holding one ``remark``, and an event inside a paragraph
is a ``remark`` in the ``p``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from transcript_model.inline import InlineEvent, Paragraph
from transcript_model.model import Transcript
from transcript_model.people import ExternalId, Organisation, Participant

from .._xml.text import escape_attribute as attr
from .._xml.text import escape_text as text
from .common import (
    CLASS_AGENDA_ITEM,
    CLASS_BODY,
    CLASS_END,
    CLASS_EVENT,
    CLASS_NUMBER,
    CLASS_ONLY_EVENT,
    CLASS_SITTING_TITLE,
    CONTAINER_AGENDA,
    REMARK_TYPES,
)

Lines = list[tuple[int, str]]


def _attributes(pairs: Sequence[tuple[str, str | None]]) -> str:
    return "".join(f' {name}="{attr(value)}"' for name, value in pairs if value is not None)


def _identifiers(depth: int, identifiers: list[ExternalId]) -> Lines:
    return [
        (depth, f"<tm:identifier{_attributes([('scheme', i.scheme), ('uri', i.uri)])}/>")
        for i in identifiers
    ]


def organisation_lines(depth: int, organisation: Organisation) -> Lines:
    """``tm:organisation``: kind, every name with its form and language, identifiers."""
    out: Lines = [
        (depth, f'<tm:organisation id="{attr(organisation.id)}" kind="{organisation.kind}">')
    ]
    for name in organisation.names:
        extra = _attributes([("form", name.form), ("language", name.language)])
        out.append((depth + 1, f"<tm:name{extra}>{text(name.name)}</tm:name>"))
    out += _identifiers(depth + 1, list(organisation.identifiers))
    out.append((depth, "</tm:organisation>"))
    return out


def has_details(person: Participant) -> bool:
    return bool(
        person.forename or person.surname or person.sex or person.birth
        or person.identifiers or person.affiliations
    )  # fmt: skip


def person_lines(depth: int, person: Participant) -> Lines:
    """``tm:person``: name parts, sex, birth, identifiers and affiliations of a participant."""
    scalars = [("forename", person.forename), ("surname", person.surname), ("sex", person.sex)]
    scalars.append(("birth", person.birth))
    out: Lines = [(depth, f'<tm:person id="{attr(person.id)}"{_attributes(scalars)}>')]
    out += _identifiers(depth + 1, list(person.identifiers))
    for affiliation in person.affiliations:
        fields: list[tuple[str, str | None]] = [
            ("organisation", affiliation.organisation),
            ("role", affiliation.role),
        ]
        fields += [("start", affiliation.start), ("end", affiliation.end)]
        fields.append(("roleTitle", affiliation.role_title))
        out.append((depth + 1, f"<tm:affiliation{_attributes(fields)}/>"))
    out.append((depth, "</tm:person>"))
    return out


def sitting_marker(transcript: Transcript) -> str | None:
    """The proprietary element that says a sitting is recorded (even an empty one)."""
    if transcript.sitting is None:
        return None
    return f"<tm:sitting{_attributes([('body', transcript.sitting.body)])}/>"


def sitting_preface(depth: int, transcript: Transcript, eids: dict[str, str], first: int) -> Lines:
    """The sitting in the preface: body, numbers, titles, end, and the agenda container."""
    sitting = transcript.sitting
    if sitting is None:
        return []
    out: Lines = []
    if sitting.body is not None:
        body = transcript.organisation(sitting.body)
        shown = body.name if body is not None else sitting.body
        out.append(
            (depth, f'<p class="{CLASS_BODY}"><docProponent refersTo="#{attr(eids[sitting.body])}">'
                    f"{text(shown)}</docProponent></p>")
        )  # fmt: skip
    for number in sitting.numbering:
        fields: list[tuple[str, str | None]] = [("tm:level", number.level)]
        fields.append(("tm:body", number.body))
        label = text(number.label) if number.label is not None else ""
        shown = f"<docNumber>{text(number.number)}</docNumber>" if number.number else ""
        gap = " " if label and shown else ""
        out.append(
            (depth, f'<p class="{CLASS_NUMBER}"{_attributes(fields)}>{label}{gap}{shown}</p>')
        )
    for title in sitting.titles:
        fields = [("tm:type", title.type), ("xml:lang", title.language)]
        out.append(
            (depth, f'<p class="{CLASS_SITTING_TITLE}"{_attributes(fields)}><docTitle>'
                    f"{text(title.text)}</docTitle></p>")
        )  # fmt: skip
    if sitting.end is not None:
        day, clock = sitting.end.date().isoformat(), sitting.end.time().isoformat("seconds")
        out.append(
            (depth, f'<p class="{CLASS_END}"><docDate date="{day}">{day}</docDate> '
                    f'<time time="{clock}">{clock}</time></p>')
        )  # fmt: skip
    if sitting.agenda:
        out.append(
            (depth, f'<container name="{CONTAINER_AGENDA}" eId="preface__container_{first}">')
        )
        for item in sitting.agenda:
            item_number = _attributes([("tm:number", item.number)])
            out.append(
                (depth + 1, f'<p class="{CLASS_AGENDA_ITEM}"{item_number}>{text(item.title)}</p>')
            )
        out.append((depth, "</container>"))
    return out


def remark(event: InlineEvent, eids: dict[str, str]) -> str:
    """One event as a ``remark``: the model kind in ``class``, the rest in attributes."""
    fields = [("class", event.kind), ("type", REMARK_TYPES.get(event.kind))]
    fields.append(("refersTo", None if event.speaker is None else "#" + eids[event.speaker]))
    fields += [("tm:type", event.type)]
    fields.append(("tm:when", None if event.when is None else _clock(event.when)))
    return f"<remark{_attributes(fields)}>{text(event.text or '')}</remark>"


def _clock(value: dt.time) -> str:
    return value.isoformat("seconds")


def event_paragraph(block: InlineEvent | Paragraph, eids: dict[str, str], render: object) -> str:
    """The class and content of a ``p`` for an event block or a paragraph with events.

    ``render`` writes a text fragment (escaping and ``[…]`` insertions).
    """
    if isinstance(block, InlineEvent):
        return f' class="{CLASS_EVENT}">{remark(block, eids)}'
    assert callable(render)
    parts = [
        render(item) if isinstance(item, str) else remark(item, eids) for item in block.content
    ]
    only = len(block.content) == 1
    return (f' class="{CLASS_ONLY_EVENT}">' if only else ">") + "".join(parts)
