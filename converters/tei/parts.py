"""The model 1.1 parts of a TEI document, ParlaMint style: persons with their details and
affiliations, organisations (``listOrg``), the sitting's numbering, titles, agenda and end, and
the inline events inside an utterance.

Strings are built as in :mod:`.writer`; every value goes through ``text`` or ``attr``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from transcript_model.inline import InlineEvent, Paragraph
from transcript_model.people import ExternalId, Organisation, Participant
from transcript_model.sitting import Sitting

from .._xml.text import escape_attribute as attr
from .._xml.text import escape_text as text
from .common import (
    CHAMBER_CATEGORY,
    DESC_NO_TEXT,
    DESC_TABS,
    DESC_TYPE,
    DESC_UNTYPED,
    LEVEL_CATEGORIES,
    NAME_FORENAME,
    NAME_PARTS,
    NAME_ROLE,
    NAME_SURNAME,
    NOTE_TIME,
    ORG_ROLES,
    PARLAMINT_AFFILIATION_ROLES,
    PARLAMINT_EVENT_TYPES,
    PARTICIPANT_SUFFIX,
    PLAIN_TYPE,
    TITLE_CATEGORY,
    tab_offsets,
)
from .people import PARTS_TYPE


def xml_id(model_id: str, reserved: frozenset[str]) -> str:
    """The xml:id of a participant or organisation: its id, unless a transcript already uses
    that xml:id. Model ids never hold ".", so the alias cannot collide with another id."""
    return model_id + PARTICIPANT_SUFFIX if model_id in reserved else model_id


def typed(name: str, value: str | None) -> str:
    """``name="value"``, or ``n="value"`` where the value is no XML Name (TEI's ``@type``,
    ``@subtype`` and ``@reason`` are; a model Name may hold spaces); the reader takes it back
    from either."""
    if value is None:
        return ""
    return f' {name if PLAIN_TYPE.match(value) else "n"}="{attr(value)}"'


def _natural(participant: Participant) -> str | None:
    """The name the reader derives from the parts: forename(s), then surname(s)."""
    parts = [p for p in (participant.forename, participant.surname) if p]
    return " ".join(parts) or None


def _parts(participant: Participant) -> str:
    parts = []
    if participant.forename:
        parts.append(f"<forename>{text(participant.forename)}</forename>")
    if participant.surname:
        parts.append(f"<surname>{text(participant.surname)}</surname>")
    return "".join(parts)


def person_names(
    participant: Participant | None, names: Sequence[str], roles: Sequence[str], parlamint: bool
) -> list[str]:
    """The ``persName`` elements. Where the name is the parts in natural order, one structured
    persName gives both; otherwise the name and the parts (``type="parts"``) stand apart."""
    if parlamint:
        return _parlamint_names(participant, names, roles)
    structured = participant is not None and (participant.forename or participant.surname)
    out = []
    for index, name in enumerate(names):
        if index == 0 and structured and participant is not None and _natural(participant) == name:
            out.append(f"<persName>{_parts(participant)}</persName>")
            structured = False
        else:
            out.append(f"<persName>{text(name)}</persName>")
    if structured and participant is not None:
        out.append(f'<persName type="{PARTS_TYPE}">{_parts(participant)}</persName>')
    return out


def _parlamint_names(
    participant: Participant | None, names: Sequence[str], roles: Sequence[str]
) -> list[str]:
    """ParlaMint's persName is a term or structured with both a forename and a surname, and
    has no @type: what is no name of the person is marked by a private-use language (see
    NAME_PARTS)."""
    both = participant is not None and participant.forename and participant.surname
    parts_given = False
    out = []
    for index, name in enumerate(names):
        if index == 0 and both and participant is not None and _natural(participant) == name:
            out.append(f"<persName>{_parts(participant)}</persName>")
            parts_given = True
        else:
            out.append(f"<persName><term>{text(name)}</term></persName>")
    if not names:
        # ParlaMint requires a persName; a role-only participant is named by its role.
        out.extend(
            f'<persName xml:lang="{NAME_ROLE}"><term>{text(r)}</term></persName>' for r in roles[:1]
        )
    if participant is None or parts_given:
        return out
    if both:
        out.append(f'<persName xml:lang="{NAME_PARTS}">{_parts(participant)}</persName>')
        return out
    for language, value in (
        (NAME_FORENAME, participant.forename),
        (NAME_SURNAME, participant.surname),
    ):
        if value:
            out.append(f'<persName xml:lang="{language}"><term>{text(value)}</term></persName>')
    return out


def external_ids(identifiers: Sequence[ExternalId]) -> list[str]:
    return [
        f'<idno type="URI"{typed("subtype", i.scheme)}>{text(i.uri)}</idno>' for i in identifiers
    ]


def person_details(
    participant: Participant,
    reserved: frozenset[str],
    role_category: Callable[[str], str] | None = None,
) -> list[str]:
    """Sex, birth, affiliations and identifiers, in ParlaMint's order. With ``role_category``
    (ParlaMint packaging), a role outside ParlaMint's vocabulary is written as
    ``role="member"`` with ``@ana`` pointing at the role's category (its term is the role)."""
    out = []
    if participant.sex is not None:
        out.append(f'<sex value="{participant.sex}"/>')
    if participant.birth is not None:
        out.append(f'<birth when="{participant.birth}"/>')
    for affiliation in participant.affiliations:
        dates = "".join(
            f' {key}="{value}"'
            for key, value in (("from", affiliation.start), ("to", affiliation.end))
            if value is not None
        )
        ref = attr(xml_id(affiliation.organisation, reserved))
        role = typed("role", affiliation.role)
        if role_category is not None and affiliation.role not in PARLAMINT_AFFILIATION_ROLES:
            role = f' role="member" ana="#{attr(role_category(affiliation.role))}"'
        opening = f'<affiliation ref="#{ref}"{role}{dates}'
        if affiliation.role_title is None:
            out.append(opening + "/>")
        else:
            out.append(
                f"{opening}><roleName>{text(affiliation.role_title)}</roleName></affiliation>"
            )
    out.extend(external_ids(participant.identifiers))
    return out


def org_xml(organisation: Organisation, reserved: frozenset[str], indent: str) -> str:
    """One ``org`` of the ``listOrg``."""
    ana = f' ana="#{CHAMBER_CATEGORY}"' if organisation.kind == "chamber" else ""
    lines = [
        f'{indent}<org xml:id="{attr(xml_id(organisation.id, reserved))}" '
        f'role="{ORG_ROLES[organisation.kind]}"{ana}>'
    ]
    for name in organisation.names:
        full = "yes" if name.form == "full" else "abb"
        language = f' xml:lang="{name.language}"' if name.language else ""
        lines.append(f'{indent}  <orgName full="{full}"{language}>{text(name.name)}</orgName>')
    lines.extend(f"{indent}  {line}" for line in external_ids(organisation.identifiers))
    lines.append(f"{indent}</org>")
    return "\n".join(lines)


def titles_as_meetings(sitting: Sitting | None) -> bool:
    """Whether ParlaMint packaging writes the sitting's titles as meetings (all of them, to
    keep their order): ParlaMint's header titles must be of type "main" or "sub", and hold no
    tab."""
    return sitting is not None and any(
        t.type not in ("main", "sub") or "\t" in t.text for t in sitting.titles
    )


def sitting_titles(sitting: Sitting | None, parlamint: bool = False) -> str:
    if sitting is None:
        return ""
    if parlamint and titles_as_meetings(sitting):
        return "".join(
            f"        <meeting{f' n={chr(34)}{attr(title.type)}{chr(34)}' if title.type else ''}"
            f"{f' xml:lang={chr(34)}{title.language}{chr(34)}' if title.language else ''}"
            f' ana="#{TITLE_CATEGORY}">{text(title.text)}</meeting>\n'
            for title in sitting.titles
        )
    return "".join(
        f"        <title{typed('type', title.type)}"
        f"{f' xml:lang={chr(34)}{title.language}{chr(34)}' if title.language else ''}>"
        f"{text(title.text)}</title>\n"
        for title in sitting.titles
    )


def meetings(sitting: Sitting | None, reserved: frozenset[str]) -> str:
    """A ``meeting`` per number, ParlaMint style: @n, @corresp (the body), @ana (the level)."""
    if sitting is None:
        return ""
    out = []
    for number in sitting.numbering:
        n = f' n="{attr(number.number)}"' if number.number is not None else ""
        body = f' corresp="#{attr(xml_id(number.body, reserved))}"' if number.body else ""
        ana = f' ana="#{LEVEL_CATEGORIES[number.level]}"'
        label = text(number.label) if number.label is not None else ""
        out.append(f"        <meeting{n}{body}{ana}>{label}</meeting>\n")
    return "".join(out)


def agenda(sitting: Sitting | None) -> str:
    if sitting is None or not sitting.agenda:
        return ""
    items = "".join(
        f"          <item{f' n={chr(34)}{attr(i.number)}{chr(34)}' if i.number else ''}>"
        f"{text(i.title)}</item>\n"
        for i in sitting.agenda
    )
    return (
        f'      <abstract>\n        <list type="agenda">\n{items}'
        "        </list>\n      </abstract>\n"
    )


def event_xml(event: InlineEvent, reserved: frozenset[str], day: dt.date | None = None) -> str:
    """An inline event as the TEI element of its kind, all on one line (it may stand inside
    mixed content, where indentation would be text). ``day`` (ParlaMint packaging: the
    sitting's date) writes it in the forms ParlaMint's schema allows."""
    if day is not None and event.kind != "note":
        return _parlamint_event(event, reserved, day)
    kind = event.kind
    attributes = typed("reason" if kind == "gap" else "type", event.type)
    if event.speaker is not None:
        attributes += f' who="#{attr(xml_id(event.speaker, reserved))}"'
    if event.when is not None:
        attributes += f' when="{event.when.isoformat()}"'
    if event.text is None:
        return f"<{kind}{attributes}/>"
    content = text(event.text)
    if kind not in ("note", "time"):
        content = f"<desc>{content}</desc>"
    return f"<{kind}{attributes}>{content}</{kind}>"


def _parlamint_event(event: InlineEvent, reserved: frozenset[str], day: dt.date) -> str:
    """A time as a note holding a ``time`` with a date-time; a gap, vocal, kinesic or
    incident with ParlaMint's value for its type and the descs ParlaMint requires, the model's
    own type (or its absence) and its absent text said by private-use descs (see DESC_TYPE)."""
    if event.kind == "time":
        n = f' n="{attr(event.type)}"' if event.type is not None else ""
        shown = text(event.text) if event.text is not None else ""
        if event.when is not None:
            shown = f'<time when="{day.isoformat()}T{event.when.isoformat()}">{shown}</time>'
        return f'<note type="{NOTE_TIME}"{n}>{shown}</note>'
    attributes, descs = parlamint_event_parts(event)
    if event.speaker is not None:
        attributes += f' who="#{attr(xml_id(event.speaker, reserved))}"'
    return f"<{event.kind}{attributes}>{''.join(descs)}</{event.kind}>"


def parlamint_event_parts(event: InlineEvent) -> tuple[str, list[str]]:
    """The type attribute and the descs of a gap, vocal, kinesic or incident in ParlaMint
    packaging."""
    allowed, placeholder = PARLAMINT_EVENT_TYPES[event.kind]
    name = "reason" if event.kind == "gap" else "type"
    descs = parlamint_descs(event.text) if event.text is not None else []
    attributes = ""
    if event.type in allowed:
        attributes = f' {name}="{event.type}"'
    else:
        if placeholder is not None:
            attributes = f' {name}="{placeholder}"'
        if event.type is not None:
            descs.append(f'<desc xml:lang="{DESC_TYPE}">{text(event.type)}</desc>')
        elif placeholder is not None:
            descs.append(f'<desc xml:lang="{DESC_UNTYPED}">-</desc>')
    if not descs:
        descs.append(f'<desc xml:lang="{DESC_NO_TEXT}">-</desc>')
    return attributes, descs


def parlamint_descs(value: str) -> list[str]:
    """A desc of ``value`` as ParlaMint allows it: a tab (which the model allows in a line)
    written as a space, its offset in a desc of its own."""
    tabs = tab_offsets(value)
    if tabs is None:
        return [f"<desc>{text(value)}</desc>"]
    return [
        f"<desc>{text(value.replace(chr(9), ' '))}</desc>",
        f'<desc xml:lang="{DESC_TABS}">{tabs}</desc>',
    ]


def paragraph_xml(
    paragraph: Paragraph, reserved: frozenset[str], day: dt.date | None = None
) -> str:
    return "".join(
        text(item) if isinstance(item, str) else event_xml(item, reserved, day)
        for item in paragraph.content
    )
