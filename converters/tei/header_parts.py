"""The teiHeader parts of a TEI document the writer builds: the title statement, the
publication statement (with ParlaMint's availability), the source description and the setting.

Strings are built as in :mod:`.writer`; every value goes through ``text`` or ``attr``.
"""

from __future__ import annotations

from dataclasses import dataclass

from transcript_model.model import Transcript

from .._xml.text import escape_attribute as attr
from .._xml.text import escape_text as text
from .common import (
    BODY_NAME,
    CC_BY_ALIASES,
    CC_BY_URL,
    DESC_TABS,
    EVENT_CATEGORY,
    LICENCE_NOTE,
    MENTIONED_NAME,
    NO_SETTING_NAME,
    ORGANISATION_NAME,
    TEI_SUBTYPE,
    tab_offsets,
    when_value,
)
from .parts import meetings, sitting_titles
from .parts import xml_id as person_id


@dataclass(frozen=True)
class Options:
    """What ParlaMint packaging changes in a component file."""

    parlamint: bool = False
    publisher: str = "transcript-model"
    base_url: str | None = None


#: The options of a self-contained document (no ParlaMint packaging).
DEFAULT_OPTIONS = Options()


def title_statement(transcript: Transcript, reserved: frozenset[str], parlamint: bool) -> str:
    """The main title, the sitting's other titles, our event's meeting and the numbering."""
    title = text(transcript.event.title)
    identifier = transcript.metadata.source.identifier
    number = f' n="{attr(identifier)}"' if identifier else ""
    titles = sitting_titles(transcript.sitting, parlamint)
    # ParlaMint wants the titles before the meetings; titles as meetings come after ours.
    meeting_titles = titles if titles.startswith("        <meeting") else ""
    titles = "" if meeting_titles else titles
    return (
        "      <titleStmt>\n"
        f'        <title type="main">{title}</title>\n'
        + titles
        + f'        <meeting{number} ana="#{EVENT_CATEGORY}">{title}</meeting>\n'
        + meetings(transcript.sitting, reserved)
        + meeting_titles
        + "      </titleStmt>\n"
    )


def publication(transcript: Transcript, options: Options) -> str:
    metadata = transcript.metadata
    parts = [f"      <publicationStmt>\n        <publisher>{text(options.publisher)}</publisher>\n"]
    if options.parlamint:
        url = _component_url(transcript, options)
        if url is not None:
            parts.append(f'        <idno type="URI">{text(url)}</idno>\n')
        parts.append(_parlamint_availability(metadata.licence))
        day = metadata.published.date() if metadata.published else transcript.event.date
        parts.append(f'        <date when="{day.isoformat()}">{day.isoformat()}</date>\n')
    elif metadata.licence is not None:
        parts.append(
            '        <availability status="free">\n'
            f"          <licence>{text(metadata.licence)}</licence>\n"
            "          <p>The licence of the transcript text as published by its source.</p>\n"
            "        </availability>\n"
        )
    parts.append("      </publicationStmt>\n")
    return "".join(parts)


def _component_url(transcript: Transcript, options: Options) -> str | None:
    """The URI ParlaMint requires of a component: ``<base_url>/<id>``, else the source's."""
    if options.base_url:
        return options.base_url.rstrip("/") + "/" + transcript.id
    return transcript.metadata.source.url


def _parlamint_availability(licence: str | None) -> str:
    """The licence, as ParlaMint writes it where it can: ParlaMint's schema fixes it to the
    CC BY 4.0 URL, which every spelling of CC BY 4.0 becomes (the spelling kept in a marked
    paragraph). Another licence is written as it is, and no licence gives no availability:
    a package never claims a licence its text does not have, so such a package is honestly
    not a valid ParlaMint component."""
    if licence is None:
        return ""
    plain = "<p>The licence of the transcript as its source gives it.</p>"
    status = "free"
    if licence not in CC_BY_ALIASES:
        written, note, status = text(licence), plain, "unknown"
    elif licence == CC_BY_URL:
        written, note = CC_BY_URL, plain
    else:
        written, note = CC_BY_URL, f'<p n="{LICENCE_NOTE}">{text(licence)}</p>'
    return (
        f'        <availability status="{status}">\n'
        f"          <licence>{written}</licence>\n"
        f"          {note}\n"
        "        </availability>\n"
    )


def source(transcript: Transcript, options: Options) -> str:
    metadata = transcript.metadata
    source = metadata.source
    parts = [
        "      <sourceDesc>\n        <bibl>\n",
        f"          <title>{text(transcript.event.title)}</title>\n",
    ]
    if source.publisher is not None:
        parts.append(f"          <publisher>{text(source.publisher)}</publisher>\n")
    if source.url is not None:
        parts.append(f'          <idno type="URI" subtype="source">{text(source.url)}</idno>\n')
    elif options.parlamint and options.base_url:
        # ParlaMint requires an idno here; without a source URL, the component's own URL.
        own = text(options.base_url.rstrip("/") + "/" + transcript.id)
        parts.append(f'          <idno type="URI" subtype="{TEI_SUBTYPE}">{own}</idno>\n')
    if metadata.published is not None:
        published = metadata.published
        when, shown = when_value(published.date(), published.time(), transcript.event.utc_offset)
        parts.append(f'          <date when="{when}">{text(shown)}</date>\n')
    parts.append("        </bibl>\n")
    for link in metadata.see_also:
        if link.url is None:
            continue  # a body note keeps it: ParlaMint wants a URL in every bibl
        parts.append(f"        <bibl>\n          <title>{text(link.title)}</title>\n")
        tabs = tab_offsets(link.title) if options.parlamint else None
        if tabs is not None:
            # ParlaMint's titles allow no tab: a space, and where it was in a title of its own.
            parts[-1] = parts[-1].replace("\t", " ")
            parts.append(f'          <title xml:lang="{DESC_TABS}">{tabs}</title>\n')
        parts.append(f'          <idno type="URI" subtype="seeAlso">{text(link.url)}</idno>\n')
        parts.append("        </bibl>\n")
    parts.append("      </sourceDesc>\n")
    return "".join(parts)


def setting(transcript: Transcript, reserved: frozenset[str], parlamint: bool) -> str:
    """The place, attendees, body, date and end. ParlaMint allows names only, at least one,
    and one date: the body is a name with its xml:id as key, the end the date's @to; every
    organisation and participant is named, so that the component holds them all."""
    event = transcript.event
    parts = ["      <settingDesc>\n        <setting>\n"]
    if event.place is not None:
        parts.append(f'          <name type="place">{text(event.place)}</name>\n')
    if parlamint:
        for o in transcript.organisations:
            key = attr(person_id(o.id, reserved))
            parts.append(
                f'          <name type="{ORGANISATION_NAME}" key="{key}">{text(o.name)}</name>\n'
            )
    for p in transcript.participants:
        if p.attending or parlamint:
            key = attr(person_id(p.id, reserved))
            shown = p.name if not parlamint else p.name or p.role or p.id
            kind = "participant" if p.attending else MENTIONED_NAME
            parts.append(f'          <name type="{kind}" key="{key}">{text(shown or "")}</name>\n')
    sitting = transcript.sitting
    if sitting is not None and sitting.body is not None:
        body = next(o for o in transcript.organisations if o.id == sitting.body)
        ref = attr(person_id(body.id, reserved))
        if parlamint:
            parts.append(
                f'          <name type="{BODY_NAME}" key="{ref}">{text(body.name)}</name>\n'
            )
        else:
            parts.append(
                f'          <orgName type="body" ref="#{ref}">{text(body.name)}</orgName>\n'
            )
    if parlamint and len(parts) == 1:
        parts.append(f'          <name type="{NO_SETTING_NAME}">unknown</name>\n')
    when, shown = when_value(event.date, event.time, event.utc_offset)
    end = sitting.end.isoformat() if sitting is not None and sitting.end is not None else None
    if parlamint and end is not None:
        parts.append(f'          <date from="{when}" to="{end}">{text(shown)}</date>\n')
    else:
        parts.append(f'          <date when="{when}">{text(shown)}</date>\n')
        if end is not None:
            parts.append(f'          <date type="end" when="{end}">{end}</date>\n')
    parts.append("        </setting>\n      </settingDesc>\n")
    return "".join(parts)
