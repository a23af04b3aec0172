"""The Akoma Ntoso 3.0 ``debate`` writer.

The document is written as text, not built as an lxml tree: it is several times faster, and it
lets the writer indent the structure while leaving mixed content (``p``, ``from``, ``person``…)
untouched, which lxml's pretty printer does not guarantee (it indents a ``p`` whose only child
is an element, and that whitespace would become part of the paragraph).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from urllib.parse import quote, urlsplit

from transcript_model.model import (
    Break,
    Heading,
    Narrative,
    Omission,
    Participant,
    Speech,
    StageDirection,
    Transcript,
    Turn,
)

from .._xml.text import escape_attribute as attr
from .._xml.text import escape_text as text
from .common import (
    AKN30,
    CLASS_CONTINUATION,
    CLASS_COUNTER,
    CLASS_DATE,
    CLASS_OMISSION,
    CLASS_PLACE,
    CLASS_SEPARATOR,
    CLASS_SUMMARY,
    CLASS_TIME,
    CLASS_TITLE,
    CONTAINER_PARTICIPANTS,
    CONTAINER_PHOTO,
    DICTIONARIES,
    FUNCTION_PREFIX,
    LANG3,
    LOCATION_PLACE,
    ORG_CONVERTER,
    ORG_PUBLISHER,
    SEE_ALSO,
    TM,
)
from .parliament_writer import (
    event_paragraph,
    has_details,
    organisation_lines,
    person_lines,
    sitting_marker,
    sitting_preface,
)

#: "[…]" spans that become ``ins`` (editorial insertions); the brackets stay inside.
_INSERTION = re.compile(r"\[[^\[\]]+\]")
# Participant ids that could equal an eId this writer generates for the structure.
_STRUCTURAL_EID = re.compile(r"[a-z]+_[0-9]+(?:__[a-z]+_[0-9]+)*|preface__.*")
# xsd:time / xsd:dateTime accept offsets up to 14:00 only; the model allows up to 14:59.
_XSD_OFFSET = re.compile(r"[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00)")
_GENERIC_TLDS = frozenset({"com", "org", "net", "edu", "gov", "int", "mil", "info", "io", "eu"})
_INDENT = "  "
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def paragraph(value: str) -> str:
    """A paragraph's content: escaped text, with "[…]" insertions wrapped in ``ins``."""
    if "[" not in value:
        return text(value)
    out: list[str] = []
    last = 0
    for match in _INSERTION.finditer(value):
        out.append(text(value[last : match.start()]))
        out.append(f"<ins>{text(match.group())}</ins>")
        last = match.end()
    out.append(text(value[last:]))
    return "".join(out)


def language3(tag: str) -> str:
    """ISO 639-2 code of a BCP 47 tag's primary language ("und" when unknown)."""
    primary = tag.split("-", 1)[0].lower()
    if len(primary) == 3:
        return primary
    return LANG3.get(primary, "und")


def country_of(transcript: Transcript) -> str:
    """Two-letter country for the FRBR URI, derived from what the transcript says."""
    host = _host(transcript.metadata.source.url)
    if transcript.id.startswith("kremlin") or host.endswith("kremlin.ru"):
        return "ru"
    subtags = transcript.language.split("-")[1:]
    region = next((s for s in subtags if len(s) == 2 and s.isalpha()), None)
    if region:
        return region.lower()
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) == 2 and tld.isalpha() and tld not in _GENERIC_TLDS:
        return tld.lower()
    # ISO 3166 leaves "zz" to user assignment: it cannot be mistaken for a real country.
    return "zz"


def _host(url: str | None) -> str:
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # e.g. "http://[x": a bracket that opens no IPv6 address
        return ""


def _segment(value: str) -> str:
    return quote(value, safe="-._~")


def any_uri(url: str) -> str:
    """``url`` as a value libxml2 accepts as xs:anyURI (stray "%" and extra "#" escaped)."""
    value = quote(url, safe=":/?#[]@!$&'()*+,;=-._~%")
    value = _BAD_PERCENT.sub("%25", value)
    head, hash_, fragment = value.partition("#")
    return head + hash_ + fragment.replace("#", "%23")


def _xsd_offset(offset: str | None) -> str:
    return offset if offset and _XSD_OFFSET.fullmatch(offset) else ""


def _clock(value: dt.time) -> str:
    """The time as printed: HH:MM, with seconds only when there are any."""
    shown = f"{value.hour:02d}:{value.minute:02d}"
    return f"{shown}:{value.second:02d}" if value.second else shown


def _camel(value: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", value)
    joined = "".join(w[:1].upper() + w[1:] for w in words)
    return joined[:1].lower() + joined[1:]


class _Document:
    """One transcript being written; ``render()`` returns the XML text."""

    def __init__(self, transcript: Transcript, country: str | None) -> None:
        self.t = transcript
        self.country = (country or country_of(transcript)).lower()
        self.number = _segment(transcript.metadata.source.identifier or transcript.id)
        self.lang3 = language3(transcript.language)
        self.date = transcript.event.date.isoformat()
        self.work = f"/akn/{self.country}/debate/{self.date}/{self.number}"
        self.expression = f"{self.work}/{self.lang3}@{self.date}"
        self.roles = self._role_ids()
        self.people = {p.id: self._person_eid(p.id) for p in transcript.participants}
        # Organisations share the participants' id space: the same mapping keeps them apart.
        self.people.update({o.id: self._person_eid(o.id) for o in transcript.organisations})
        self.functions = self._function_ids()
        self.out: list[str] = []

    # -- identifiers -------------------------------------------------------------------------

    def _role_ids(self) -> dict[str, str]:
        """One TLCRole per distinct role text, in order of first appearance."""
        roles: dict[str, str] = {}
        texts = [p.role for p in self.t.participants]
        texts += [turn.role for turn in self.t.turns if isinstance(turn, Speech)]
        used: set[str] = set()
        for role in texts:
            if role is None or role in roles:
                continue
            base = f"role.{_camel(role) or len(roles) + 1}"
            candidate, suffix = base, 1
            while candidate in used:
                suffix += 1
                candidate = f"{base}.{suffix}"
            used.add(candidate)
            roles[role] = candidate
        return roles

    def _function_ids(self) -> dict[str, str]:
        """One TLCRole per speaker function; its eId is the function unless that is taken."""
        taken = set(self.people.values())
        functions: dict[str, str] = {}
        for turn in self.t.turns:
            if isinstance(turn, Speech) and turn.function and turn.function not in functions:
                function = turn.function
                free = function not in taken and not _STRUCTURAL_EID.fullmatch(function)
                functions[function] = function if free else FUNCTION_PREFIX + function
        return functions

    @staticmethod
    def _person_eid(pid: str) -> str:
        return f"person.{pid}" if _STRUCTURAL_EID.fullmatch(pid) else pid

    # -- output ------------------------------------------------------------------------------

    def line(self, depth: int, content: str) -> None:
        self.out.append(_INDENT * depth + content)

    def lines(self, lines: list[tuple[int, str]]) -> None:
        for depth, content in lines:
            self.line(depth, content)

    def pieces(self) -> Iterator[str]:
        """The document as pieces of text: meta and preface, then the body a turn at a time."""
        self.out.append('<?xml version="1.0" encoding="UTF-8"?>')
        self.out.append(f'<akomaNtoso xmlns="{AKN30}" xmlns:tm="{TM}">')
        self.line(1, '<debate name="transcript">')
        self.meta(2)
        self.preface(2)
        yield from self.body(2)
        self.line(1, "</debate>")
        self.out.append("</akomaNtoso>")
        yield self._flush()

    def _flush(self) -> str:
        """The lines written since the last piece, each ended by a newline."""
        piece = "".join(f"{line}\n" for line in self.out)
        self.out.clear()
        return piece

    # -- meta --------------------------------------------------------------------------------

    def meta(self, d: int) -> None:
        self.line(d, "<meta>")
        self.identification(d + 1)
        self.publication(d + 1)
        self.classification(d + 1)
        self.references(d + 1)
        self.proprietary(d + 1)
        self.line(d, "</meta>")

    def identification(self, d: int) -> None:
        author = ORG_PUBLISHER if self.t.metadata.source.publisher else ORG_CONVERTER
        date = self.date
        self.line(d, f'<identification source="#{ORG_CONVERTER}">')
        self.line(d + 1, "<FRBRWork>")
        self.line(d + 2, f'<FRBRthis value="{attr(self.work)}/!main"/>')
        self.line(d + 2, f'<FRBRuri value="{attr(self.work)}"/>')
        self.line(d + 2, f'<FRBRalias value="{attr(self.t.event.title)}" name="title"/>')
        self.line(d + 2, f'<FRBRdate date="{date}" name="meeting"/>')
        self.line(d + 2, f'<FRBRauthor href="#{author}"/>')
        self.line(d + 2, f'<FRBRcountry value="{attr(self.country)}"/>')
        self.line(d + 2, f'<FRBRnumber value="{attr(self.number)}"/>')
        self.line(d + 1, "</FRBRWork>")
        self.line(d + 1, "<FRBRExpression>")
        self.line(d + 2, f'<FRBRthis value="{attr(self.expression)}/!main"/>')
        self.line(d + 2, f'<FRBRuri value="{attr(self.expression)}"/>')
        self.line(d + 2, f'<FRBRdate date="{date}" name="expression"/>')
        self.line(d + 2, f'<FRBRauthor href="#{author}"/>')
        self.line(d + 2, f'<FRBRlanguage language="{self.lang3}"/>')
        self.line(d + 1, "</FRBRExpression>")
        self.line(d + 1, "<FRBRManifestation>")
        self.line(d + 2, f'<FRBRthis value="{attr(self.expression)}/!main.xml"/>')
        # cobalt reads the document's FRBR URI from here: it must be the expression URI.
        self.line(d + 2, f'<FRBRuri value="{attr(self.expression)}"/>')
        self.line(d + 2, f'<FRBRdate date="{date}" name="transformation"/>')
        self.line(d + 2, f'<FRBRauthor href="#{ORG_CONVERTER}"/>')
        self.line(d + 2, '<FRBRformat value="application/akn+xml"/>')
        self.line(d + 1, "</FRBRManifestation>")
        self.line(d, "</identification>")

    def publication(self, d: int) -> None:
        meta = self.t.metadata
        if meta.published is not None:
            date = meta.published.isoformat(timespec="seconds")
            date += _xsd_offset(self.t.event.utc_offset)
        else:
            date = self.date
        name = attr(meta.source.publisher or "transcript")
        show = attr(meta.source.publisher or self.t.event.title)
        self.line(d, f'<publication date="{date}" name="{name}" showAs="{show}"/>')

    def classification(self, d: int) -> None:
        meta = self.t.metadata
        keywords = [
            (tag, dictionary)
            for field, dictionary, _ in DICTIONARIES
            for tag in getattr(meta, field)
        ]
        if not keywords:
            return
        self.line(d, f'<classification source="#{ORG_CONVERTER}">')
        for tag, dictionary in keywords:
            value = attr(tag)
            self.line(
                d + 1, f'<keyword value="{value}" showAs="{value}" dictionary="#{dictionary}"/>'
            )
        self.line(d, "</classification>")

    def references(self, d: int) -> None:
        t, c = self.t, self.country
        self.line(d, f'<references source="#{ORG_CONVERTER}">')
        self.line(
            d + 1,
            f'<TLCOrganization eId="{ORG_CONVERTER}" '
            'href="/akn/ontology/organization/transcript-model" showAs="transcript-model"/>',
        )
        publisher = t.metadata.source.publisher
        if publisher:
            self.line(
                d + 1,
                f'<TLCOrganization eId="{ORG_PUBLISHER}" href="/akn/ontology/organization/{c}/'
                f'{attr(_segment(publisher))}" showAs="{attr(publisher)}"/>',
            )
        self._tlc_organisations(d + 1)
        for person in t.participants:
            self.line(d + 1, self._tlc_person(person))
        self._tlc_functions(d + 1)
        for role, eid in self.roles.items():
            href = f"/akn/ontology/role/{c}/{_segment(eid.removeprefix('role.'))}"
            self.line(
                d + 1, f'<TLCRole eId="{attr(eid)}" href="{attr(href)}" showAs="{attr(role)}"/>'
            )
        if t.event.place:
            href = f"/akn/ontology/location/{c}/{_segment(t.event.place)}"
            self.line(
                d + 1,
                f'<TLCLocation eId="{LOCATION_PLACE}" href="{attr(href)}" '
                f'showAs="{attr(t.event.place)}"/>',
            )
        for field, dictionary, label in DICTIONARIES:
            if getattr(t.metadata, field):
                self.line(
                    d + 1,
                    f'<TLCConcept eId="{dictionary}" href="/akn/ontology/concept/'
                    f'transcript-model/{field}" showAs="{label}"/>',
                )
        for index, link in enumerate(t.metadata.see_also, 1):
            href = any_uri(link.url or "")
            # The model's URL as given, where the schema needs it escaped.
            exact = f' tm:href="{attr(link.url)}"' if link.url and href != link.url else ""
            self.line(
                d + 1,
                f'<TLCReference eId="{SEE_ALSO}.{index}" name="{SEE_ALSO}" '
                f'href="{attr(href)}" showAs="{attr(link.title)}"{exact}/>',
            )
        self.line(d, "</references>")

    def _tlc_organisations(self, d: int) -> None:
        """The transcript's organisations (model 1.1), after the writer's own two."""
        for organisation in self.t.organisations:
            href = (
                any_uri(organisation.identifiers[0].uri)
                if organisation.identifiers
                else f"/akn/ontology/organization/{self.country}/{_segment(organisation.id)}"
            )
            self.line(
                d,
                f'<TLCOrganization eId="{attr(self.people[organisation.id])}" '
                f'href="{attr(href)}" showAs="{attr(organisation.name)}"/>',
            )

    def _tlc_functions(self, d: int) -> None:
        """One TLCRole per speaker function; ``tm:function`` holds the model's id."""
        for function, eid in self.functions.items():
            href = f"/akn/ontology/role/{self.country}/{_segment(function)}"
            self.line(
                d,
                f'<TLCRole eId="{attr(eid)}" href="{attr(href)}" showAs="{attr(function)}" '
                f'tm:function="{attr(function)}"/>',
            )

    def _tlc_person(self, person: Participant) -> str:
        eid = self.people[person.id]
        parts = [f'<TLCPerson eId="{attr(eid)}"']
        if person.identifiers:
            parts.append(f'href="{attr(any_uri(person.identifiers[0].uri))}"')
        else:
            parts.append(f'href="/akn/ontology/person/{self.country}/{attr(_segment(person.id))}"')
        parts.append(f'showAs="{attr(person.name or person.role or person.id)}"')
        if eid != person.id:
            parts.append(f'tm:id="{attr(person.id)}"')
        if person.name is None:
            parts.append('tm:named="false"')
        if person.role is not None:
            parts.append(f'tm:as="#{attr(self.roles[person.role])}"')
        return " ".join(parts) + "/>"

    def proprietary(self, d: int) -> None:
        t = self.t
        source = t.metadata.source
        self.line(d, f'<proprietary source="#{ORG_CONVERTER}">')
        self.line(
            d + 1,
            f'<tm:transcript id="{attr(t.id)}" language="{attr(t.language)}" '
            f'schemaVersion="{t.schema_version}">',
        )
        if t.event.utc_offset is not None:
            self.line(d + 2, f"<tm:utcOffset>{t.event.utc_offset}</tm:utcOffset>")
        fields = [("url", source.url), ("publisher", source.publisher)]
        fields.append(("identifier", source.identifier))
        present = " ".join(f'{k}="{attr(v)}"' for k, v in fields if v is not None)
        if present:
            self.line(d + 2, f"<tm:source {present}/>")
        if t.metadata.licence is not None:
            self.line(d + 2, f"<tm:licence>{text(t.metadata.licence)}</tm:licence>")
        if t.metadata.published is not None:
            published = t.metadata.published.isoformat(timespec="seconds")
            self.line(d + 2, f"<tm:published>{published}</tm:published>")
        for organisation in t.organisations:
            self.lines(organisation_lines(d + 2, organisation))
        for person in t.participants:
            if has_details(person):
                self.lines(person_lines(d + 2, person))
        marker = sitting_marker(t)
        if marker is not None:
            self.line(d + 2, marker)
        self.line(d + 1, "</tm:transcript>")
        self.line(d, "</proprietary>")

    # -- preface -----------------------------------------------------------------------------

    def preface(self, d: int) -> None:
        event = self.t.event
        self.line(d, "<preface>")
        self.line(d + 1, f'<p class="{CLASS_TITLE}"><docTitle>{text(event.title)}</docTitle></p>')
        if event.lead is not None:
            self.line(d + 1, f'<p class="{CLASS_SUMMARY}">{text(event.lead)}</p>')
        self.line(
            d + 1,
            f'<p class="{CLASS_DATE}"><docDate date="{self.date}">{self.date}</docDate></p>',
        )
        if event.time is not None:
            value = event.time.isoformat(timespec="seconds") + _xsd_offset(event.utc_offset)
            self.line(
                d + 1,
                f'<p class="{CLASS_TIME}"><time time="{value}">{_clock(event.time)}</time></p>',
            )
        if event.place is not None:
            self.line(
                d + 1,
                f'<p class="{CLASS_PLACE}"><location refersTo="#{LOCATION_PLACE}">'
                f"{text(event.place)}</location></p>",
            )
        number = 0
        for caption in self.t.metadata.captions:
            number += 1
            self.line(
                d + 1, f'<container name="{CONTAINER_PHOTO}" eId="preface__container_{number}">'
            )
            counter = f"{caption.index} of {caption.total}"
            self.line(d + 2, f'<p class="{CLASS_COUNTER}">{counter}</p>')
            if caption.text is not None:
                self.line(d + 2, f'<p><remark type="caption">{text(caption.text)}</remark></p>')
            self.line(d + 1, "</container>")
        if event.attendees_intro is not None:
            number += 1
            self.line(
                d + 1,
                f'<container name="{CONTAINER_PARTICIPANTS}" eId="preface__container_{number}">',
            )
            self.line(d + 2, f"<p>{self._attendees(event.attendees_intro)}</p>")
            self.line(d + 1, "</container>")
        self.lines(sitting_preface(d + 1, self.t, self.people, number + 1))
        self.line(d, "</preface>")

    def _attendees(self, intro: str) -> str:
        people = []
        for person in self.t.participants:
            if not person.attending:
                continue
            ref = attr(self.people[person.id])
            name = text(person.name or "")
            if person.role is None:
                people.append(f'<person refersTo="#{ref}">{name}</person>')
            else:
                role = attr(self.roles[person.role])
                people.append(
                    f'<person refersTo="#{ref}" as="#{role}"><role refersTo="#{role}">'
                    f"{text(person.role)}</role> {name}</person>"
                )
        if not people:
            return text(intro)
        return f"{text(intro)} {', '.join(people)}."

    # -- body --------------------------------------------------------------------------------

    def body(self, d: int) -> Iterator[str]:
        self.line(d, "<debateBody>")
        for number, (marker, turns) in enumerate(_sections(self.t.turns), 1):
            yield from self.section(d + 1, f"dbsect_{number}", marker, turns)
        self.line(d, "</debateBody>")

    def section(self, d: int, eid: str, marker: str | None, turns: list[Turn]) -> Iterator[str]:
        """One section, a piece per turn."""
        self.line(d, f'<debateSection name="debateSection" eId="{eid}">')
        counters: dict[str, int] = {}
        if marker is not None:
            self.line(d + 1, self._block_p(eid, counters, CLASS_SEPARATOR, text(marker)))
        head, parts = _split_at_headings(turns)
        for turn in head:
            self.turn(d + 1, eid, counters, turn)
            yield self._flush()
        for heading, rest in parts:
            sub = self._eid(eid, counters, "dbsect")
            self.line(d + 1, f'<debateSection name="heading" eId="{sub}">')
            self.line(d + 2, f"<heading>{text(heading.text)}</heading>")
            sub_counters: dict[str, int] = {}
            for turn in rest:
                self.turn(d + 2, sub, sub_counters, turn)
                yield self._flush()
            self.line(d + 1, "</debateSection>")
        if marker is None and not turns:
            # debateBody must hold a section; an empty paragraph says "nothing here".
            self.line(d + 1, f'<p eId="{self._eid(eid, counters, "p")}"/>')
        self.line(d, "</debateSection>")

    @staticmethod
    def _eid(parent: str, counters: dict[str, int], name: str) -> str:
        counters[name] = counters.get(name, 0) + 1
        return f"{parent}__{name}_{counters[name]}"

    def _block_p(self, parent: str, counters: dict[str, int], cls: str, content: str) -> str:
        return f'<p class="{cls}" eId="{self._eid(parent, counters, "p")}">{content}</p>'

    def turn(self, d: int, parent: str, counters: dict[str, int], turn: Turn) -> None:
        if isinstance(turn, Speech):
            self.speech(d, self._eid(parent, counters, "speech"), turn)
        elif isinstance(turn, Narrative):
            for index, value in enumerate(turn.paragraphs):
                eid = self._eid(parent, counters, "narrative")
                cls = f' class="{CLASS_CONTINUATION}"' if index else ""
                self.line(d, f'<narrative{cls} eId="{eid}">{paragraph(value)}</narrative>')
        elif isinstance(turn, StageDirection):
            eid = self._eid(parent, counters, "scene")
            self.line(d, f'<scene eId="{eid}">{text(turn.text)}</scene>')
        elif isinstance(turn, Omission):
            content = f"<omissis>{text(turn.marker)}</omissis>"
            self.line(d, self._block_p(parent, counters, CLASS_OMISSION, content))
        else:  # pragma: no cover - breaks and headings are structure, handled by section()
            raise AssertionError(f"unexpected turn {turn.kind}")

    def speech(self, d: int, eid: str, speech: Speech) -> None:
        by = f"#{attr(self.people[speech.speaker])}" if speech.speaker else ""
        role = f"#{attr(self.roles[speech.role])}" if speech.role is not None else None
        if speech.function is not None:
            # @as is the function; the label's role, if any, goes beside it.
            role_attribute = f' as="#{attr(self.functions[speech.function])}"'
            role_attribute += f' tm:role="{role}"' if role else ""
        else:
            role_attribute = f' as="{role}"' if role else ""
        lang = f' xml:lang="{attr(speech.language)}"' if speech.language else ""
        self.line(d, f'<speech by="{by}"{role_attribute}{lang} eId="{eid}">')
        if speech.label is not None:
            # The printed label keeps its colon, as a page shows it; the reader removes one.
            self.line(d + 1, f'<from eId="{eid}__from_1">{text(speech.label)}:</from>')
        for number, block in enumerate(speech.paragraphs, 1):
            if isinstance(block, str):
                self.line(d + 1, f'<p eId="{eid}__p_{number}">{paragraph(block)}</p>')
            else:
                content = event_paragraph(block, self.people, paragraph)
                self.line(d + 1, f'<p eId="{eid}__p_{number}"{content}</p>')
        self.line(d, "</speech>")


def _sections(turns: Sequence[Turn]) -> list[tuple[str | None, list[Turn]]]:
    """Split the turns at breaks: (the break's marker or None, the turns after it)."""
    groups: list[tuple[str | None, list[Turn]]] = [(None, [])]
    for turn in turns:
        if isinstance(turn, Break):
            groups.append((turn.marker, []))
        else:
            groups[-1][1].append(turn)
    if len(groups) > 1 and not groups[0][1]:
        groups.pop(0)  # the transcript opens with a break: no empty section before it
    return groups


def _split_at_headings(turns: list[Turn]) -> tuple[list[Turn], list[tuple[Heading, list[Turn]]]]:
    head: list[Turn] = []
    parts: list[tuple[Heading, list[Turn]]] = []
    for turn in turns:
        if isinstance(turn, Heading):
            parts.append((turn, []))
        elif parts:
            parts[-1][1].append(turn)
        else:
            head.append(turn)
    return head, parts


def write_document(transcript: Transcript, country: str | None = None) -> str:
    """The AKN 3.0 debate document for one transcript: :func:`document_pieces` joined."""
    return "".join(document_pieces(transcript, country))


def document_pieces(transcript: Transcript, country: str | None = None) -> Iterator[str]:
    """The AKN 3.0 debate document for one transcript as pieces of text, the body a turn at
    a time."""
    return _Document(transcript, country).pieces()
