"""A diff as readable lines (the ``transcript diff`` text output)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from transcript_model.diff.compare import (
    _attribution,
)
from transcript_model.diff.records import (
    Change,
    Diff,
    FieldChanged,
    ParagraphMoved,
    ParticipantAdded,
    ParticipantMoved,
    ParticipantReidentified,
    ParticipantRemoved,
    ParticipantRenamed,
    TranscriptAdded,
    TurnDeleted,
    TurnEdited,
    TurnInserted,
    TurnMoved,
)
from transcript_model.model import Turn

# --------------------------------------------------------------------------- text


SNIPPET_LENGTH = 72


def text_lines(result: Diff, word_diff: bool = True) -> Iterator[str]:
    """The changes of ``result`` as readable lines (the ``transcript diff`` text output).

    Changed paragraphs show a word diff, ``[-old-]{+new+}`` as ``git diff --word-diff=plain``
    prints it, or with ``word_diff=False`` the old and new paragraph as ``-``/``+`` lines.
    """
    for change in result.changes:
        yield from _change_lines(change, word_diff)


def _quote(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _snippet(text: str) -> str:
    short = text if len(text) <= SNIPPET_LENGTH else text[: SNIPPET_LENGTH - 1] + "…"
    return _quote(short)


def _change_lines(change: Change, word_diff: bool) -> Iterator[str]:
    if isinstance(change, FieldChanged):
        yield f"changed {change.path}: {_quote(change.old)} -> {_quote(change.new)}"
    elif isinstance(change, (ParticipantAdded, ParticipantRemoved)):
        verb = "added" if isinstance(change, ParticipantAdded) else "removed"
        who = change.participant
        yield f"participant {verb}: {who.id} ({_quote(who.name or who.role)})"
    elif isinstance(change, ParticipantRenamed):
        yield (
            f"participant renamed: {change.id}: "
            f"{_quote(change.old_name)} -> {_quote(change.new_name)}"
        )
    elif isinstance(change, ParticipantReidentified):
        yield f"participant reidentified: {_quote(change.name)}: {change.old_id} -> {change.new_id}"
    elif isinstance(change, ParticipantMoved):
        yield (
            f"participant moved: {change.id}: "
            f"participants[{change.old_index}] -> participants[{change.new_index}]"
        )
    elif isinstance(change, (TurnInserted, TurnDeleted, TurnMoved)):
        yield from _turn_lines(change)
    elif isinstance(change, TurnEdited):
        yield from _edit_lines(change, word_diff)
    elif isinstance(change, ParagraphMoved):
        yield (
            f"paragraph moved: turns[{change.old_turn}].paragraphs[{change.old_index}] -> "
            f"turns[{change.new_turn}].paragraphs[{change.new_index}]: {_snippet(change.text)}"
        )
    else:
        verb = "added" if isinstance(change, TranscriptAdded) else "removed"
        yield f"transcript {verb}: {change.id}"


def _describe(turn: Turn) -> str:
    dump = turn.model_dump()
    who = _attribution(dump)
    return f"{dump['kind']} by {who}" if who else str(dump["kind"])


def _turn_text(turn: Turn) -> list[str]:
    dump = turn.model_dump()
    paragraphs = dump.get("paragraphs")
    if paragraphs is not None:
        return list(paragraphs)
    return [dump.get("text") or dump.get("marker") or ""]


def _turn_lines(change: TurnInserted | TurnDeleted | TurnMoved) -> Iterator[str]:
    what = _describe(change.turn)
    if isinstance(change, TurnMoved):
        first = _turn_text(change.turn)[0]
        yield (
            f"turn moved: turns[{change.old_index}] -> turns[{change.new_index}] ({what}): "
            f"{_snippet(first)}"
        )
    elif isinstance(change, TurnInserted):
        yield f"turn inserted: turns[{change.new_index}] ({what})"
        yield from (f"  + {line}" for line in _turn_text(change.turn))
    else:
        yield f"turn deleted: turns[{change.old_index}] ({what})"
        yield from (f"  - {line}" for line in _turn_text(change.turn))


def _edit_lines(change: TurnEdited, word_diff: bool) -> Iterator[str]:
    who = f" ({change.speaker})" if change.speaker else ""
    yield f"turn edited: turns[{change.old_index}] -> turns[{change.new_index}]{who}"
    for changed in change.fields:
        yield f"  {changed.path}: {_quote(changed.old)} -> {_quote(changed.new)}"
    for paragraph in change.paragraphs:
        if paragraph.op == "deleted":
            yield f"  paragraphs[{paragraph.old_index}] deleted:"
            yield f"  - {paragraph.old}"
        elif paragraph.op == "inserted":
            yield f"  paragraphs[{paragraph.new_index}] inserted:"
            yield f"  + {paragraph.new}"
        else:
            yield f"  paragraphs[{paragraph.old_index}] -> [{paragraph.new_index}] changed:"
            if word_diff and paragraph.words is not None:
                yield "    " + "".join(_marked(op, text) for op, text in paragraph.words)
            else:
                yield f"  - {paragraph.old}"
                yield f"  + {paragraph.new}"


def _marked(op: str, text: str) -> str:
    if op == "-":
        return f"[-{text}-]"
    if op == "+":
        return f"{{+{text}+}}"
    return text
