"""What the body of a TEI document holds, counted before it is written (issue 18).

The header comes first in the document and says what the body holds (tagsDecl, extent): the
writer counts it here, in one pass over the turns that builds no text, and then writes the
body a turn at a time after the header instead of holding it whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from transcript_model.inline import InlineEvent
from transcript_model.model import (
    Break,
    Heading,
    Narrative,
    Omission,
    Speech,
    StageDirection,
    Transcript,
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


#: The turns that write something into the body (a Break separates divs instead).
WRITTEN = (Speech, Narrative, StageDirection, Heading, Omission)


def sections(turns: Sequence[Turn]) -> Iterator[tuple[Break | None, int, int]]:
    """The body's divs: the break that opens each (None for the first), and the range of the
    turns it holds. Ranges, not lists, so that no second list of the turns is built."""
    separator: Break | None = None
    start = 0
    for index, turn in enumerate(turns):
        if isinstance(turn, Break):
            yield separator, start, index
            separator, start = turn, index + 1
    yield separator, start, len(turns)


def writes(turn: Turn) -> bool:
    """Whether ``turn`` writes anything into its div (a narrative without paragraphs does not)."""
    return isinstance(turn, WRITTEN) and not (isinstance(turn, Narrative) and not turn.paragraphs)


def tally(transcript: Transcript, parlamint: bool, front_notes: int) -> BodyCounts:
    """Count what the writer's body will hold, in one pass over the turns that builds no text."""
    body = BodyCounts()
    body.count("text")
    body.count("body")
    turns = transcript.turns
    divs = 0
    for separator, start, end in sections(turns):
        content = separator is not None
        if separator is None:
            body.count("note", front_notes)
            content = front_notes > 0
        else:
            body.count("note")
        for index in range(start, end):
            content = _count_turn(turns[index], body, parlamint) or content
        divs += content
    if not divs:
        divs = 1
        body.count("note", parlamint)  # the note that keeps ParlaMint's div from being empty
    body.count("div", divs)
    return body


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
