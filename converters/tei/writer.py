"""The TEI writer: careful string building, because it is several times faster than lxml trees.

Every value goes through :func:`text` or :func:`attr`, which escape what XML needs (and tabs in
attributes, which a parser would otherwise turn into spaces). Values are written verbatim: the
model already guarantees one line per value, so no normalisation happens here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from transcript_model.inline import Block, InlineEvent
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
from transcript_model.sitting import Sitting

from .._xml.text import escape_attribute as attr
from .._xml.text import escape_text as text
from .common import (
    AFFILIATION_TAXONOMY,
    CHAMBER_CATEGORY,
    DOCTYPE_CATEGORIES,
    DOCTYPE_TAXONOMY,
    FUNCTION_ALIAS,
    FUNCTION_TAXONOMY,
    LEGISLATURE_TAXONOMY,
    LEGISLATURE_TERMS,
    LEVEL_CATEGORIES,
    NOTE_AGENDA,
    NOTE_ATTENDEES,
    NOTE_BREAK,
    NOTE_CAPTION,
    NOTE_EMPTY,
    NOTE_HEADING,
    NOTE_NARRATIVE,
    NOTE_SEE_ALSO,
    NOTE_SPEAKER,
    NOTE_STAGE,
    NOTE_SUMMARY,
    SITTING_CATEGORY,
    SPEECH_CATEGORY,
    TAG_TAXONOMIES,
    TEI_NS,
    TITLE_CATEGORY,
    TRANSCRIPT_CATEGORY,
)
from .header_parts import DEFAULT_OPTIONS, Options, publication, setting, source, title_statement
from .parts import (
    agenda,
    event_xml,
    org_xml,
    paragraph_xml,
    parlamint_descs,
    parlamint_event_parts,
    person_details,
    person_names,
    xml_id,
)

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _key(term: str) -> str:
    """A readable id fragment for a term: its ASCII letters and digits, words capitalised.

    ASCII only, because libxml2 checks NCNames against the Unicode 2.0 tables of XML 1.0
    4th edition and refuses many letters that XML 1.0 5th edition allows.
    """
    words = []
    for word in term.split(" "):
        kept = "".join(c for c in word if c.isascii() and c.isalnum())
        if kept:
            words.append(kept[0].upper() + kept[1:])
    return "".join(words) or "x"


@dataclass
class Categories:
    """Taxonomy categories: one per distinct term of each taxonomy, with stable unique ids.

    The writer of one document fills it with that document's tags; ParlaMint packaging fills one
    for the whole corpus first, so that every component points at the same corpus-level ids.
    """

    ids: dict[tuple[str, str], str] = field(default_factory=dict)
    order: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: The ids of persons, organisations and transcripts: a function's category (its bare
    #: name, ParlaMint style: ``#chair``) takes another id where it would reuse one of them.
    taken: set[str] = field(default_factory=set)
    #: Whether a transcript is a sitting of which nothing is known (see SITTING_CATEGORY).
    empty_sitting: bool = False
    #: Whether a component writes its titles as meetings (see TITLE_CATEGORY).
    meeting_titles: bool = False
    _used: set[str] = field(default_factory=set)

    def add_function(self, function: str) -> str:
        """The category id of a speaker's function: the function itself (``chair``), or
        ``tm.function.`` and the function where that is an id of the corpus already."""
        known = self.ids.get((FUNCTION_TAXONOMY, function))
        if known is not None:
            return known
        candidate = function if function not in self.taken else FUNCTION_ALIAS + function
        return self._fixed(FUNCTION_TAXONOMY, candidate, function)

    def add_affiliation_role(self, role: str) -> str:
        """The category id of an affiliation role outside ParlaMint's vocabulary."""
        return self.add(AFFILIATION_TAXONOMY, role)

    def _fixed(self, taxonomy: str, category: str, term: str) -> str:
        known = self.ids.get((taxonomy, term))
        if known is not None:
            return known
        self._used.add(category)
        self.ids[(taxonomy, term)] = category
        self.order.setdefault(taxonomy, []).append((category, term))
        return category

    def add(self, taxonomy: str, term: str) -> str:
        """The category id of ``term`` in ``taxonomy``, creating it on first use."""
        known = self.ids.get((taxonomy, term))
        if known is not None:
            return known
        base = f"{taxonomy}.{_key(term)}"
        candidate, number = base, 1
        while candidate in self._used:
            number += 1
            candidate = f"{base}-{number}"
        self._used.add(candidate)
        self.ids[(taxonomy, term)] = candidate
        self.order.setdefault(taxonomy, []).append((candidate, term))
        return candidate

    def add_transcript(self, transcript: Transcript) -> None:
        """Register every tag and speech role of ``transcript``."""
        for name, taxonomy, _ in TAG_TAXONOMIES:
            values: Iterable[str]
            if name == "roles":
                values = (t.role for t in transcript.turns if isinstance(t, Speech) and t.role)
            else:
                values = getattr(transcript.metadata, name)
            for value in values:
                self.add(taxonomy, value)
        if is_empty_sitting(transcript):
            self.empty_sitting = True
        for turn in transcript.turns:
            if isinstance(turn, Speech) and turn.function is not None:
                self.add_function(turn.function)
        levels: list[str] = (
            [n.level for n in transcript.sitting.numbering] if transcript.sitting else []
        )
        if any(o.kind == "chamber" for o in transcript.organisations):
            levels.append("chamber")
        for level in sorted(set(levels), key=_LEVEL_ORDER.index):
            category = LEVEL_CATEGORIES.get(level, CHAMBER_CATEGORY)
            self._fixed(LEGISLATURE_TAXONOMY, category, LEGISLATURE_TERMS[category])

    def taxonomies(self, indent: str = "        ") -> list[str]:
        """The ``taxonomy`` elements, the document-type one first."""
        doctypes = list(DOCTYPE_CATEGORIES)
        if self.empty_sitting:
            doctypes.append((SITTING_CATEGORY, "Sitting"))
        if self.meeting_titles:
            doctypes.append((TITLE_CATEGORY, "Title"))
        out = [_taxonomy(DOCTYPE_TAXONOMY, "Document and turn types", doctypes, indent)]
        for _, taxonomy, description in TAG_TAXONOMIES:
            if self.order.get(taxonomy):
                out.append(_taxonomy(taxonomy, description, self.order[taxonomy], indent))
        for taxonomy, description in _OWN_TAXONOMIES:
            if self.order.get(taxonomy):
                out.append(_taxonomy(taxonomy, description, self.order[taxonomy], indent))
        return out


_LEVEL_ORDER = ["term", "session", "sitting", "meeting", "chamber"]
_OWN_TAXONOMIES = (
    (AFFILIATION_TAXONOMY, "Affiliation roles"),
    (FUNCTION_TAXONOMY, "Speakers' functions in the sitting"),
    (LEGISLATURE_TAXONOMY, "Legislature"),
)


def is_empty_sitting(transcript: Transcript) -> bool:
    return transcript.sitting is not None and transcript.sitting == Sitting()


def _taxonomy(
    taxonomy: str, description: str, categories: Iterable[tuple[str, str]], indent: str
) -> str:
    lines = [
        f'{indent}<taxonomy xml:id="{taxonomy}">',
        f"{indent}  <desc><term>{text(description)}</term></desc>",
    ]
    lines.extend(
        f'{indent}  <category xml:id="{cid}"><catDesc><term>{text(term)}</term></catDesc>'
        "</category>"
        for cid, term in categories
    )
    lines.append(f"{indent}</taxonomy>")
    return "\n".join(lines)


def person_xml(
    participant: Participant,
    names: Sequence[str],
    roles: Sequence[str],
    parlamint: bool,
    indent: str,
    reserved: frozenset[str],
    categories: Categories | None = None,
) -> str:
    """One ``person``. ParlaMint wants a structured persName: its ``term`` form takes a name
    without guessing which word is the surname, where the name parts are not known.
    ``categories`` (ParlaMint packaging) takes the affiliation roles ParlaMint has no value
    for."""
    parts = [f'{indent}<person xml:id="{attr(person_id(participant.id, reserved))}">']
    inner = person_names(participant, names, roles, parlamint)
    role_category = categories.add_affiliation_role if categories is not None else None
    inner.extend(person_details(participant, reserved, role_category))
    inner.extend(f"<occupation>{text(role)}</occupation>" for role in roles)
    parts.extend(f"{indent}  {line}" for line in inner)
    parts.append(f"{indent}</person>")
    return "\n".join(parts)


def _person(participant: Participant, reserved: frozenset[str], indent: str) -> str:
    names = [participant.name] if participant.name else []
    roles = [participant.role] if participant.role else []
    return person_xml(participant, names, roles, False, indent, reserved)


@dataclass
class _Body:
    """Counts what the body holds, for tagsDecl and extent."""

    lines: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    speeches: int = 0

    def count(self, gi: str, number: int = 1) -> None:
        self.counts[gi] = self.counts.get(gi, 0) + number


def _sections(turns: Sequence[Turn]) -> list[tuple[Break | None, list[Turn]]]:
    sections: list[tuple[Break | None, list[Turn]]] = [(None, [])]
    for turn in turns:
        if isinstance(turn, Break):
            sections.append((turn, []))
        else:
            sections[-1][1].append(turn)
    return sections


def _front_notes(transcript: Transcript, body: _Body, parlamint: bool) -> list[str]:
    notes = []
    event = transcript.event
    if parlamint and transcript.sitting is not None:
        # ParlaMint allows no abstract in a component: the agenda goes to the body.
        for item in transcript.sitting.agenda:
            number = f' n="{attr(item.number)}"' if item.number is not None else ""
            notes.append(f'<note type="{NOTE_AGENDA}"{number}>{text(item.title)}</note>')
    if event.lead is not None:
        notes.append(f'<note type="{NOTE_SUMMARY}">{text(event.lead)}</note>')
    for caption in transcript.metadata.captions:
        content = text(caption.text) if caption.text is not None else ""
        notes.append(
            f'<note type="{NOTE_CAPTION}" n="{caption.index}/{caption.total}">{content}</note>'
        )
    for index, link in enumerate(transcript.metadata.see_also, 1):
        if link.url is None:
            notes.append(f'<note type="{NOTE_SEE_ALSO}" n="{index}">{text(link.title)}</note>')
    if event.attendees_intro is not None:
        notes.append(f'<note type="{NOTE_ATTENDEES}">{text(event.attendees_intro)}</note>')
    body.count("note", len(notes))
    return notes


def _turn(
    turn: Turn,
    doc_id: str,
    body: _Body,
    categories: Categories,
    out: list[str],
    reserved: frozenset[str],
    day: dt.date | None,
) -> None:
    """One turn; ``day`` (ParlaMint packaging) as for :func:`.parts.event_xml`."""
    if isinstance(turn, Speech):
        if turn.label is not None:
            out.append(f'<note type="{NOTE_SPEAKER}">{text(turn.label)}:</note>')
            body.count("note")
        body.count("u")
        body.speeches += 1
        who = ""
        if turn.speaker is not None:
            who = f' who="#{attr(person_id(turn.speaker, reserved))}"'
        ana = f"#{SPEECH_CATEGORY}"
        if turn.role is not None:
            ana += " #" + categories.add("tm.role", turn.role)
        if turn.function is not None:
            ana += " #" + categories.add_function(turn.function)
        language = f' xml:lang="{turn.language}"' if turn.language is not None else ""
        attributes = f'{who} ana="{ana}"{language}'
        _utterance(doc_id, body, attributes, turn.paragraphs, out, reserved, day)
    elif isinstance(turn, Narrative):
        # One note per paragraph, numbered from 1: a "1" starts the next narrative.
        out.extend(
            f'<note type="{NOTE_NARRATIVE}" n="{number}">{text(paragraph)}</note>'
            for number, paragraph in enumerate(turn.paragraphs, 1)
        )
        body.count("note", len(turn.paragraphs))
    elif isinstance(turn, StageDirection):
        out.append(f'<note type="{NOTE_STAGE}">{text(turn.text)}</note>')
        body.count("note")
    elif isinstance(turn, Heading):
        out.append(f'<note type="{NOTE_HEADING}">{text(turn.text)}</note>')
        body.count("note")
    elif isinstance(turn, Omission):
        descs = (
            parlamint_descs(turn.marker)
            if day is not None
            else [f"<desc>{text(turn.marker)}</desc>"]
        )
        out.append(f'<gap reason="editorial">{"".join(descs)}</gap>')
        body.count("gap")
        body.count("desc", len(descs))


def _utterance(
    doc_id: str,
    body: _Body,
    attributes: str,
    blocks: Sequence[Block],
    out: list[str],
    reserved: frozenset[str],
    day: dt.date | None,
) -> None:
    """One ``u``: a seg per paragraph (events inside it as mixed content, on one line), the
    events between paragraphs as elements of their own."""
    number = body.counts["u"]
    out.append(f'<u xml:id="{doc_id}.u{number}"{attributes}>')
    seg = body.counts.get("seg", 0)
    for block in blocks:
        if isinstance(block, InlineEvent):
            out.append("  " + event_xml(block, reserved, day))
            _count_event(body, block, day is not None)
            continue
        seg += 1
        if isinstance(block, str):
            content = text(block)
        else:
            content = paragraph_xml(block, reserved, day)
            for item in block.content:
                if isinstance(item, InlineEvent):
                    _count_event(body, item, day is not None)
        out.append(f'  <seg xml:id="{doc_id}.seg{seg}">{content}</seg>')
    body.counts["seg"] = seg
    out.append("</u>")


def _count_event(body: _Body, event: InlineEvent, parlamint: bool) -> None:
    if parlamint and event.kind == "time":
        body.count("note")
        body.count("time", event.when is not None)
    elif parlamint and event.kind != "note":
        body.count(event.kind)
        body.count("desc", len(parlamint_event_parts(event)[1]))
    else:
        body.count(event.kind)
        if event.text is not None and event.kind not in ("note", "time"):
            body.count("desc")


def _body(
    transcript: Transcript,
    categories: Categories,
    body: _Body,
    reserved: frozenset[str],
    parlamint: bool,
) -> None:
    doc_id = attr(transcript.id)
    day = transcript.event.date if parlamint else None
    divs: list[list[str]] = []
    for index, (separator, turns) in enumerate(_sections(transcript.turns)):
        content: list[str] = _front_notes(transcript, body, parlamint) if index == 0 else []
        if separator is not None:
            content.append(f'<note type="{NOTE_BREAK}">{text(separator.marker)}</note>')
            body.count("note")
        for turn in turns:
            _turn(turn, doc_id, body, categories, content, reserved, day)
        # An empty first section (the transcript opens with a break) is left out; the reader
        # then sees the break note first and restores the leading Break.
        if content or index > 0:
            divs.append(content)
    if not divs:
        # ParlaMint wants something in every div.
        divs.append([f'<note type="{NOTE_EMPTY}"/>'] if parlamint else [])
        body.count("note", parlamint)
    body.count("div", len(divs))
    pad = "        "
    for content in divs:
        kind = "debateSection" if any(c.startswith("<u ") for c in content) else "commentSection"
        if not content:
            body.lines.append(f'      <div type="{kind}"/>')
            continue
        body.lines.append(f'      <div type="{kind}">')
        body.lines.extend(pad + line for line in content)
        body.lines.append("      </div>")


def _ana(tokens: Iterable[str]) -> str:
    return " ".join("#" + t for t in tokens)


def person_id(participant_id: str, reserved: frozenset[str]) -> str:
    """The xml:id of a participant or organisation (see :func:`.parts.xml_id`)."""
    return xml_id(participant_id, reserved)


def document(
    transcript: Transcript,
    categories: Categories | None = None,
    options: Options = DEFAULT_OPTIONS,
    reserved: frozenset[str] = frozenset(),
) -> str:
    """The TEI document for ``transcript``.

    ``categories`` is the corpus-level registry in ParlaMint packaging; by default the document
    holds its own taxonomies and person list. ``reserved`` are the transcript ids of the corpus
    (a participant id equal to one of them gets an alias as xml:id).
    """
    own = categories is None
    reserved = reserved | {transcript.id}
    registry = Categories() if categories is None else categories
    if own:
        registry.taken |= corpus_ids([transcript])
    registry.add_transcript(transcript)
    metadata = transcript.metadata

    body = _Body()
    body.count("text")
    body.count("body")
    _body(transcript, registry, body, reserved, options.parlamint)

    sections = [registry.ids[("tm.section", s)] for s in metadata.sections]
    if is_empty_sitting(transcript):
        sections.insert(0, SITTING_CATEGORY)
    tags = [
        registry.ids[(taxonomy, value)]
        for name, taxonomy, _ in TAG_TAXONOMIES[1:4]
        for value in getattr(metadata, name)
    ]
    out = [
        XML_DECLARATION,
        f'<TEI xmlns="{TEI_NS}" xml:id="{attr(transcript.id)}" '
        f'xml:lang="{transcript.language}" ana="{_ana([TRANSCRIPT_CATEGORY, *sections])}">\n',
        "  <teiHeader>\n    <fileDesc>\n",
        title_statement(transcript, reserved, options.parlamint),
    ]
    out.append(
        "      <editionStmt><edition>1.0</edition></editionStmt>\n"
        "      <extent>"
        f'<measure unit="speeches" quantity="{body.speeches}">{body.speeches} speeches</measure>'
        "</extent>\n"
    )
    out.append(publication(transcript, options))
    out.append(source(transcript, options))
    out.append("    </fileDesc>\n    <encodingDesc>\n")
    out.append(
        "      <projectDesc><p>Converted from the canonical transcript model by "
        "transcript-model.</p></projectDesc>\n"
    )
    out.append(f'      <tagsDecl>\n        <namespace name="{TEI_NS}">\n')
    out.extend(
        f'          <tagUsage gi="{gi}" occurs="{body.counts[gi]}"/>\n'
        for gi in sorted(body.counts)
        if body.counts[gi]
    )
    out.append("        </namespace>\n      </tagsDecl>\n")
    if own and not options.parlamint:
        out.append("      <classDecl>\n")
        out.append("\n".join(registry.taxonomies()) + "\n")
        out.append("      </classDecl>\n")
    out.append("    </encodingDesc>\n    <profileDesc>\n")
    if not options.parlamint:
        out.append(agenda(transcript.sitting))
    out.append(setting(transcript, reserved, options.parlamint))
    if own and not options.parlamint:
        out.append(_partic_desc(transcript, reserved))
    out.append("    </profileDesc>\n  </teiHeader>\n")
    out.append(f'  <text ana="{_ana([TRANSCRIPT_CATEGORY, *tags])}">\n    <body>\n')
    out.append("\n".join(body.lines))
    out.append("\n    </body>\n  </text>\n</TEI>\n")
    return "".join(out)


def corpus_ids(transcripts: Iterable[Transcript]) -> set[str]:
    """Every id of persons, organisations and transcripts: what a category may not reuse."""
    taken: set[str] = set()
    for transcript in transcripts:
        taken.add(transcript.id)
        taken.update(p.id for p in transcript.participants)
        taken.update(o.id for o in transcript.organisations)
    return taken


def _partic_desc(transcript: Transcript, reserved: frozenset[str]) -> str:
    if not transcript.participants and not transcript.organisations:
        return ""
    parts = ["      <particDesc>\n"]
    if transcript.organisations:
        parts.append("        <listOrg>\n")
        parts.extend(org_xml(o, reserved, "          ") + "\n" for o in transcript.organisations)
        parts.append("        </listOrg>\n")
    if transcript.participants:
        parts.append("        <listPerson>\n")
        parts.extend(_person(p, reserved, "          ") + "\n" for p in transcript.participants)
        parts.append("        </listPerson>\n")
    parts.append("      </particDesc>\n")
    return "".join(parts)
