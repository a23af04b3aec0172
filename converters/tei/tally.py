"""What the body of a TEI document holds, counted before it is written (issue 18).

The header comes first in the document and says what the body holds (tagsDecl, extent, the
taxonomies of the roles and functions of its speeches), and each div's start tag says whether
a speech is in it: the writer learns all of it here, in one pass over the turns that builds no
text, and then writes the body a turn at a time after the header instead of holding it whole.
The pass takes the turns one at a time and never looks back, so that a reader can feed it
turns it does not keep (a large JSON transcript converted turn by turn).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from transcript_model.inline import InlineEvent
from transcript_model.model import (
    Break,
    Heading,
    Narrative,
    Omission,
    Speech,
    StageDirection,
    Turn,
)

from .parts import parlamint_descs, parlamint_event_parts


@dataclass
class BodyCounts:
    """What the body holds, counted before it is written: the header (tagsDecl, extent)
    comes first in the document and says it."""

    counts: dict[str, int] = field(default_factory=dict)
    speeches: int = 0

    def count(self, gi: str, number: int = 1) -> None:
        self.counts[gi] = self.counts.get(gi, 0) + number


@dataclass
class Section:
    """One div of the body, the turns from the start or a break to the next break."""

    #: Whether it is written: it opens with a break or with front notes, or a turn of it
    #: writes something. An empty first section (the transcript opens with a break) is left
    #: out; the reader then sees the break note first and restores the leading Break.
    written: bool = False
    #: Whether a speech is in it (a debateSection, else a commentSection).
    speaks: bool = False


@dataclass
class BodyPlan:
    """What the header and the divs' start tags say of the body, known before it is written."""

    body: BodyCounts
    sections: list[Section]
    #: The roles and the functions of the speeches, each once, in the order they first come.
    roles: list[str]
    functions: list[str]


#: The turns that write something into the body (a Break separates divs instead).
WRITTEN = (Speech, Narrative, StageDirection, Heading, Omission)


def writes(turn: Turn) -> bool:
    """Whether ``turn`` writes anything into its div (a narrative without paragraphs does not)."""
    return isinstance(turn, WRITTEN) and not (isinstance(turn, Narrative) and not turn.paragraphs)


class Tally:
    """Counts what the writer's body will hold, a turn at a time (:meth:`add`); the front
    notes (from the transcript's other fields) are counted at the end (:meth:`plan`), since a
    reader may meet them after the turns."""

    def __init__(self, parlamint: bool) -> None:
        self._parlamint = parlamint
        self._body = BodyCounts()
        self._sections = [Section()]
        self._roles: dict[str, None] = {}
        self._functions: dict[str, None] = {}

    def add(self, turn: Turn) -> None:
        """Count one turn, the next in the body."""
        if isinstance(turn, Break):
            self._body.count("note")
            self._sections.append(Section(written=True))
            return
        section = self._sections[-1]
        if _count_turn(turn, self._body, self._parlamint):
            section.written = True
        if isinstance(turn, Speech):
            section.speaks = True
            if turn.role:  # as Categories.add_transcript takes them
                self._roles.setdefault(turn.role)
            if turn.function is not None:
                self._functions.setdefault(turn.function)

    def plan(self, front_notes: int) -> BodyPlan:
        """What the body holds, with ``front_notes`` notes opening its first div."""
        body = BodyCounts(dict(self._body.counts), self._body.speeches)
        body.count("text")
        body.count("body")
        body.count("note", front_notes)
        sections = [Section(s.written, s.speaks) for s in self._sections]
        sections[0].written = sections[0].written or front_notes > 0
        divs = sum(s.written for s in sections)
        if not divs:
            divs = 1
            body.count("note", self._parlamint)  # what keeps ParlaMint's div from being empty
        body.count("div", divs)
        return BodyPlan(body, sections, list(self._roles), list(self._functions))


def tally(turns: Iterable[Turn], parlamint: bool, front_notes: int) -> BodyPlan:
    """What the writer's body will hold, in one pass over ``turns`` that builds no text."""
    counter = Tally(parlamint)
    for turn in turns:
        counter.add(turn)
    return counter.plan(front_notes)


def _count_turn(turn: Turn, body: BodyCounts, parlamint: bool) -> bool:
    """Count the elements ``turn`` writes; whether it writes any."""
    if isinstance(turn, Speech):
        body.count("note", turn.label is not None)
        body.count("u")
        body.speeches += 1
        for block in turn.paragraphs:
            if isinstance(block, InlineEvent):
                _count_event(body, block, parlamint)
                continue
            body.count("seg")
            if not isinstance(block, str):
                for item in block.content:
                    if isinstance(item, InlineEvent):
                        _count_event(body, item, parlamint)
    elif isinstance(turn, Narrative):
        body.count("note", len(turn.paragraphs))
    elif isinstance(turn, (StageDirection, Heading)):
        body.count("note")
    elif isinstance(turn, Omission):
        body.count("gap")
        body.count("desc", len(parlamint_descs(turn.marker)) if parlamint else 1)
    return writes(turn)


def _count_event(body: BodyCounts, event: InlineEvent, parlamint: bool) -> None:
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
