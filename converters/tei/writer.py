"""The TEI writer: careful string building, because it is several times faster than lxml trees.

Every value goes through :func:`text` or :func:`attr`, which escape what XML needs (and tabs in
attributes, which a parser would otherwise turn into spaces). Values are written verbatim: the
model already guarantees one line per value, so no normalisation happens here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO

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

from .._streaming import only_transcript
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
    person_details,
    person_names,
    xml_id,
)
from .tally import BodyCounts, BodyPlan, Section, Tally, tally

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

    def add_transcript(
        self,
        transcript: Transcript,
        roles: Iterable[str] | None = None,
        functions: Iterable[str] | None = None,
    ) -> None:
        """Register every tag and speech role of ``transcript``: the roles and functions of
        its speeches as given (a transcript read without its turns), else from its turns."""
        speeches = [t for t in transcript.turns if isinstance(t, Speech)]
        if roles is None:
            roles = [s.role for s in speeches if s.role]
        if functions is None:
            functions = [s.function for s in speeches if s.function is not None]
        for name, taxonomy, _ in TAG_TAXONOMIES:
            values = roles if name == "roles" else getattr(transcript.metadata, name)
            for value in values:
                self.add(taxonomy, value)
        if is_empty_sitting(transcript):
            self.empty_sitting = True
        for function in functions:
            self.add_function(function)
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
class _Numbers:
    """The running numbers of the body's ``u`` and ``seg`` elements (their xml:ids)."""

    u: int = 0
    seg: int = 0


#: Indentation of what a div holds.
_PAD = "        "


def _front_notes(transcript: Transcript, parlamint: bool) -> list[str]:
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
    return notes


def _turn(
    turn: Turn,
    doc_id: str,
    numbers: _Numbers,
    categories: Categories,
    out: list[str],
    reserved: frozenset[str],
    day: dt.date | None,
) -> None:
    """One turn; ``day`` (ParlaMint packaging) as for :func:`.parts.event_xml`."""
    if isinstance(turn, Speech):
        if turn.label is not None:
            out.append(f'<note type="{NOTE_SPEAKER}">{text(turn.label)}:</note>')
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
        _utterance(doc_id, numbers, attributes, turn.paragraphs, out, reserved, day)
    elif isinstance(turn, Narrative):
        # One note per paragraph, numbered from 1: a "1" starts the next narrative.
        out.extend(
            f'<note type="{NOTE_NARRATIVE}" n="{number}">{text(paragraph)}</note>'
            for number, paragraph in enumerate(turn.paragraphs, 1)
        )
    elif isinstance(turn, StageDirection):
        out.append(f'<note type="{NOTE_STAGE}">{text(turn.text)}</note>')
    elif isinstance(turn, Heading):
        out.append(f'<note type="{NOTE_HEADING}">{text(turn.text)}</note>')
    elif isinstance(turn, Omission):
        descs = (
            parlamint_descs(turn.marker)
            if day is not None
            else [f"<desc>{text(turn.marker)}</desc>"]
        )
        out.append(f'<gap reason="editorial">{"".join(descs)}</gap>')


def _utterance(
    doc_id: str,
    numbers: _Numbers,
    attributes: str,
    blocks: Sequence[Block],
    out: list[str],
    reserved: frozenset[str],
    day: dt.date | None,
) -> None:
    """One ``u``: a seg per paragraph (events inside it as mixed content, on one line), the
    events between paragraphs as elements of their own."""
    numbers.u += 1
    out.append(f'<u xml:id="{doc_id}.u{numbers.u}"{attributes}>')
    for block in blocks:
        if isinstance(block, InlineEvent):
            out.append("  " + event_xml(block, reserved, day))
            continue
        numbers.seg += 1
        content = text(block) if isinstance(block, str) else paragraph_xml(block, reserved, day)
        out.append(f'  <seg xml:id="{doc_id}.seg{numbers.seg}">{content}</seg>')
    out.append("</u>")


def _indented(lines: Iterable[str]) -> str:
    return "".join(f"{_PAD}{line}\n" for line in lines)


def _body(
    transcript: Transcript,
    plan: BodyPlan,
    turns: Iterable[Turn],
    categories: Categories,
    reserved: frozenset[str],
    parlamint: bool,
) -> Iterator[str]:
    """The divs of the body, a turn at a time: each piece is one turn's lines. What a div's
    start tag says, and whether it is written at all, ``plan`` knows before its turns come."""
    doc_id = attr(transcript.id)
    day = transcript.event.date if parlamint else None
    numbers = _Numbers()
    sections = iter(plan.sections)
    opened = yield from _open_div(next(sections), _front_notes(transcript, parlamint))
    for turn in turns:
        if isinstance(turn, Break):
            if opened:
                yield "      </div>\n"
            note = f'<note type="{NOTE_BREAK}">{text(turn.marker)}</note>'
            opened = yield from _open_div(next(sections), [note])
        elif opened:  # the turns of a div left out write nothing
            lines: list[str] = []
            _turn(turn, doc_id, numbers, categories, lines, reserved, day)
            yield _indented(lines)
    if opened:
        yield "      </div>\n"
    if not any(section.written for section in plan.sections):
        # ParlaMint wants something in every div.
        if parlamint:
            yield f'      <div type="commentSection">\n{_PAD}<note type="{NOTE_EMPTY}"/>\n'
            yield "      </div>\n"
        else:
            yield '      <div type="commentSection"/>\n'


def _open_div(section: Section, opening: list[str]) -> Generator[str, None, bool]:
    """The start tag of a div and its opening notes, unless it is left out; whether it is."""
    if not section.written:
        return False
    kind = "debateSection" if section.speaks else "commentSection"
    yield f'      <div type="{kind}">\n{_indented(opening)}'
    return True


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
    """The TEI document for ``transcript``: :func:`document_pieces` joined.

    ``categories`` is the corpus-level registry in ParlaMint packaging; by default the document
    holds its own taxonomies and person list. ``reserved`` are the transcript ids of the corpus
    (a participant id equal to one of them gets an alias as xml:id).
    """
    return "".join(document_pieces(transcript, categories, options, reserved))


def write_stream(transcripts: Iterable[Transcript], out: TextIO) -> None:
    """Write the one transcript of ``transcripts`` to ``out`` as :func:`document` would, a turn
    at a time: only the model is held, not the document beside it (issue 18: converting a
    100 MB transcript held its document as text, joined, and encoded, 1.3 GB at its peak).

    Raises ``one_per_file`` before writing anything unless there is exactly one transcript.
    """
    transcript = only_transcript(
        transcripts, lambda given: f"TEI holds one transcript per file, {given} given"
    )
    for piece in document_pieces(transcript):
        out.write(piece)


class TurnSource(Protocol):
    """A transcript whose turns are not held: its other fields, and its turns on demand."""

    @property
    def transcript(self) -> Transcript:
        """The transcript without its turns."""

    def turns(self) -> Iterable[Turn]:
        """Its turns in order, made anew at each call."""


def turn_by_turn(
    read: Callable[[Callable[[Turn], None]], TurnSource | None],
) -> tuple[Transcript, Callable[[TextIO], None]] | None:
    """For a reader that does not hold the turns (``read``, which gives each turn of its
    checking pass to the callback, and None when it cannot read the input so): the transcript
    without its turns, and what writes to a file what :func:`write_stream` would write for
    the whole transcript, the turns read a second time as it goes. None when ``read`` gives
    None, before anything is written."""
    counter = Tally(parlamint=False)
    source = read(counter.add)
    if source is None:
        return None
    plan = counter.plan(front_notes(source.transcript))

    def write(out: TextIO) -> None:
        for piece in planned_pieces(source.transcript, plan, source.turns()):
            out.write(piece)

    return source.transcript, write


def document_pieces(
    transcript: Transcript,
    categories: Categories | None = None,
    options: Options = DEFAULT_OPTIONS,
    reserved: frozenset[str] = frozenset(),
) -> Iterator[str]:
    """The TEI document for ``transcript`` as pieces of text, the body one turn at a time
    (arguments as for :func:`document`).

    The header says what the body holds (tagsDecl, extent, the taxonomies of the roles and
    functions of its speeches): it is found in one pass over the turns that builds no text,
    so that the body can be written as it is made, after the header.
    """
    plan = tally(transcript.turns, options.parlamint, front_notes(transcript, options))
    yield from planned_pieces(transcript, plan, transcript.turns, categories, options, reserved)


def front_notes(transcript: Transcript, options: Options = DEFAULT_OPTIONS) -> int:
    """How many notes open the body (from the transcript's fields other than its turns)."""
    return len(_front_notes(transcript, options.parlamint))


def planned_pieces(
    transcript: Transcript,
    plan: BodyPlan,
    turns: Iterable[Turn],
    categories: Categories | None = None,
    options: Options = DEFAULT_OPTIONS,
    reserved: frozenset[str] = frozenset(),
) -> Iterator[str]:
    """The pieces of :func:`document_pieces`, for a transcript whose turns come apart:
    ``turns`` (``transcript.turns`` is not read) and ``plan``, their :func:`.tally.tally`
    with ``options.parlamint`` and :func:`front_notes`. A reader that does not hold the turns
    gives them twice, to the tally and here, each time as it parses them."""
    own = categories is None
    reserved = reserved | {transcript.id}
    registry = Categories() if categories is None else categories
    if own:
        registry.taken |= corpus_ids([transcript])
    registry.add_transcript(transcript, plan.roles, plan.functions)
    metadata = transcript.metadata
    yield from _header(transcript, registry, plan.body, reserved, options, own)
    tags = [
        registry.ids[(taxonomy, value)]
        for name, taxonomy, _ in TAG_TAXONOMIES[1:4]
        for value in getattr(metadata, name)
    ]
    yield f'  <text ana="{_ana([TRANSCRIPT_CATEGORY, *tags])}">\n    <body>\n'
    yield from _body(transcript, plan, turns, registry, reserved, options.parlamint)
    yield "    </body>\n  </text>\n</TEI>\n"


def _header(
    transcript: Transcript,
    registry: Categories,
    body: BodyCounts,
    reserved: frozenset[str],
    options: Options,
    own: bool,
) -> list[str]:
    """The XML declaration, the TEI start tag and the teiHeader."""
    sections = [registry.ids[("tm.section", s)] for s in transcript.metadata.sections]
    if is_empty_sitting(transcript):
        sections.insert(0, SITTING_CATEGORY)
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
    return out


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
