"""Comparing transcripts: fields, participants, turns (aligned) and paragraphs (word diff)."""

from __future__ import annotations

import os
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transcript_model.diff.align import Alignment, align, common_subsequence
from transcript_model.diff.records import (
    Change,
    Diff,
    FieldChanged,
    ParagraphChanged,
    ParagraphMoved,
    ParticipantAdded,
    ParticipantMoved,
    ParticipantReidentified,
    ParticipantRemoved,
    ParticipantRenamed,
    TranscriptAdded,
    TranscriptRemoved,
    TurnDeleted,
    TurnEdited,
    TurnInserted,
    TurnMoved,
)
from transcript_model.model import Participant, Transcript, Turn

#: Edits need this much word overlap (Dice coefficient over the words) to count as the same
#: turn or paragraph; a turn of the same kind and speaker needs :data:`SAME_SPEAKER_BONUS` less.
SIMILARITY_THRESHOLD = 0.5
SAME_SPEAKER_BONUS = 0.25


# --------------------------------------------------------------------------- transcripts


def diff(old: Transcript, new: Transcript) -> Diff:
    """The changes that turn ``old`` into ``new`` (none when the two are equal)."""
    changes: list[Change] = list(_field_changes(_header(old), _header(new), ""))
    participant_changes, id_map = _diff_participants(old.participants, new.participants)
    changes.extend(participant_changes)
    changes.extend(_diff_turns(old.turns, new.turns, id_map))
    return Diff(old.id, new.id, tuple(changes))


def diff_all(old: Sequence[Transcript], new: Sequence[Transcript]) -> list[Diff]:
    """Diff the transcripts of two sources, paired by id.

    When each side holds exactly one transcript they are compared whatever their ids (a new id
    is then a ``field_changed`` of ``id``). Otherwise transcripts are paired by id, the k-th of
    an id on one side with the k-th on the other; the unpaired are added or removed.
    """
    if len(old) == 1 and len(new) == 1:
        return [diff(old[0], new[0])]
    waiting: dict[str, deque[Transcript]] = {}
    for transcript in new:
        waiting.setdefault(transcript.id, deque()).append(transcript)
    diffs: list[Diff] = []
    for transcript in old:
        queue = waiting.get(transcript.id)
        if queue:
            diffs.append(diff(transcript, queue.popleft()))
        else:
            diffs.append(Diff(transcript.id, None, (TranscriptRemoved(transcript.id),)))
    for queue in waiting.values():
        diffs.extend(Diff(None, t.id, (TranscriptAdded(t.id),)) for t in queue)
    return diffs


def diff_sources(
    path_a: str | os.PathLike[str],
    path_b: str | os.PathLike[str],
    format_a: str | None = None,
    format_b: str | None = None,
    **read_options: Any,
) -> list[Diff]:
    """Read two files (any formats, detected unless given) and diff their transcripts.

    Unlike :func:`transcript_model.read`, a ``str`` here is a path. ``read_options`` (e.g.
    ``max_bytes``) go to :func:`transcript_model.read` for both sides. Raises
    :class:`~transcript_model.errors.TranscriptError` for an unreadable or invalid input.
    """
    from transcript_model.api import read

    old = read(Path(path_a), format_a, **read_options)
    new = read(Path(path_b), format_b, **read_options)
    return diff_all(old, new)


def _header(transcript: Transcript) -> dict[str, Any]:
    return transcript.model_dump(mode="json", exclude={"participants", "turns"})


def _field_changes(old: Any, new: Any, path: str) -> Iterator[FieldChanged]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            yield from _field_changes(old.get(key), new.get(key), f"{path}.{key}" if path else key)
    elif old != new:
        yield FieldChanged(path, old, new)


# --------------------------------------------------------------------------- participants


def _diff_participants(
    old: Sequence[Participant], new: Sequence[Participant]
) -> tuple[list[Change], dict[str, str]]:
    """The participant changes, and the map from old ids to new ids of reidentified ones."""
    old_ids = {p.id for p in old}
    new_ids = {p.id for p in new}
    removed = [p for p in old if p.id not in new_ids]
    added = [p for p in new if p.id not in old_ids]
    id_map = _match_by_name(removed, added)
    changes: list[Change] = []
    for p in removed:
        if p.id in id_map:
            assert p.name is not None  # matched by name
            changes.append(ParticipantReidentified(p.name, p.id, id_map[p.id]))
    old_by_new_id = {id_map.get(p.id, p.id): p for p in old}
    for p in new:
        previous = old_by_new_id.get(p.id)
        if previous is not None:
            changes.extend(_participant_changes(previous, p))
    changes.extend(_participant_moves(old, new, id_map, old_by_new_id))
    reidentified_new = set(id_map.values())
    changes.extend(
        ParticipantRemoved(index, p)
        for index, p in enumerate(old)
        if p.id not in new_ids and p.id not in id_map
    )
    changes.extend(
        ParticipantAdded(index, p)
        for index, p in enumerate(new)
        if p.id not in old_ids and p.id not in reidentified_new
    )
    return changes, id_map


def _match_by_name(removed: Sequence[Participant], added: Sequence[Participant]) -> dict[str, str]:
    by_name: dict[str, deque[str]] = {}
    for p in added:
        if p.name is not None:
            by_name.setdefault(p.name, deque()).append(p.id)
    id_map: dict[str, str] = {}
    for p in removed:
        queue = by_name.get(p.name) if p.name is not None else None
        if queue:
            id_map[p.id] = queue.popleft()
    return id_map


def _participant_changes(old: Participant, new: Participant) -> Iterator[Change]:
    if old.name != new.name:
        yield ParticipantRenamed(new.id, old.name, new.name)
    old_fields = old.model_dump(mode="json", exclude={"id", "name"})
    new_fields = new.model_dump(mode="json", exclude={"id", "name"})
    yield from _field_changes(old_fields, new_fields, f"participants[id={new.id}]")


def _participant_moves(
    old: Sequence[Participant],
    new: Sequence[Participant],
    id_map: Mapping[str, str],
    old_by_new_id: Mapping[str, Participant],
) -> Iterator[ParticipantMoved]:
    old_order = [id_map.get(p.id, p.id) for p in old]
    new_order = [p.id for p in new]
    common = set(old_order) & set(new_order)
    old_common = [pid for pid in old_order if pid in common]
    new_common = [pid for pid in new_order if pid in common]
    in_order = {old_common[i] for i, _ in common_subsequence(old_common, new_common)}
    old_index = {pid: index for index, pid in enumerate(old_order)}
    for index, pid in enumerate(new_order):
        if pid in common and pid not in in_order:
            yield ParticipantMoved(pid, old_index[pid], index)


# --------------------------------------------------------------------------- turns

_WORD = re.compile(r"\w+|\s+|[^\w\s]")


class _TurnTable:
    """One side's turns as dicts, signatures (small ints) and lazily counted words."""

    def __init__(self, turns: Sequence[Turn], id_map: Mapping[str, str], ids: dict[Any, int]):
        self.turns = turns
        self.dumps = [_turn_dump(turn, id_map) for turn in turns]
        self.signatures = [ids.setdefault(_signature(d), len(ids)) for d in self.dumps]
        self._words: dict[int, Counter[str]] = {}

    def words(self, index: int) -> Counter[str]:
        if index not in self._words:
            dump = self.dumps[index]
            text = " ".join([*dump.get("paragraphs", ()), dump.get("text") or ""])
            self._words[index] = Counter(text.split())
        return self._words[index]


def _turn_dump(turn: Turn, id_map: Mapping[str, str]) -> dict[str, Any]:
    dump = turn.model_dump(mode="json")
    if dump.get("speaker") in id_map:
        dump["speaker"] = id_map[dump["speaker"]]
    if "paragraphs" in dump:
        # Model 1.1: a speech's items may be events or paragraphs with events inside; they
        # are compared, aligned and word-diffed as the text they print as, events bracketed.
        dump["paragraphs"] = [_block_text(block, id_map) for block in dump["paragraphs"]]
    return dump


def _block_text(block: Any, id_map: Mapping[str, str]) -> str:
    if isinstance(block, str):
        return block
    if block.get("kind") == "paragraph":
        return "".join(_block_text(item, id_map) for item in block["content"])
    speaker = block.get("speaker")
    details = [
        block["kind"],
        block.get("type"),
        id_map.get(speaker, speaker) if speaker else None,
        block.get("when"),
    ]
    words = " ".join(str(detail) for detail in details if detail)
    text = block.get("text")
    return f"[{words}: {text}]" if text else f"[{words}]"


def _signature(dump: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in dump.items())


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 1.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(min(count, large[word]) for word, count in small.items() if word in large)
    return 2 * shared / total


def _diff_turns(
    old: Sequence[Turn], new: Sequence[Turn], id_map: Mapping[str, str]
) -> list[Change]:
    ids: dict[Any, int] = {}
    a, b = _TurnTable(old, id_map, ids), _TurnTable(new, {}, ids)

    def same_place(i: int, j: int) -> bool:
        return bool(a.dumps[i]["kind"] == b.dumps[j]["kind"])

    def similarity(i: int, j: int) -> float:
        if not same_place(i, j):
            return 0.0
        score = _dice(a.words(i), b.words(j))
        if _attribution(a.dumps[i]) == _attribution(b.dumps[j]):
            score += SAME_SPEAKER_BONUS
        return score

    alignment = align(a.signatures, b.signatures, similarity, SIMILARITY_THRESHOLD, same_place)
    edits = [_turn_edit(a.dumps[i], b.dumps[j], i, j) for i, j in alignment.similar]
    placed = _place_paragraph_moves(edits)
    return _ordered_turn_changes(alignment, a, b, placed)


def _attribution(dump: Mapping[str, Any]) -> Any:
    return dump.get("speaker") or dump.get("label")


@dataclass
class _Edit:
    """A turn edit under construction (paragraph moves across turns are taken out later)."""

    old_index: int
    new_index: int
    speaker: str | None
    fields: list[FieldChanged]
    paragraphs: list[ParagraphChanged]
    moves: list[ParagraphMoved]


def _turn_edit(old: dict[str, Any], new: dict[str, Any], i: int, j: int) -> _Edit:
    old_fields = {k: v for k, v in old.items() if k != "paragraphs"}
    new_fields = {k: v for k, v in new.items() if k != "paragraphs"}
    fields = list(_field_changes(old_fields, new_fields, ""))
    paragraphs: list[ParagraphChanged] = []
    moves: list[ParagraphMoved] = []
    old_paragraphs, new_paragraphs = old.get("paragraphs"), new.get("paragraphs")
    if old_paragraphs is not None and new_paragraphs is not None:
        paragraphs, moves = _diff_paragraphs(old_paragraphs, new_paragraphs, i, j)
    elif old_paragraphs != new_paragraphs:
        fields.append(FieldChanged("paragraphs", old_paragraphs, new_paragraphs))
    return _Edit(i, j, _attribution(new), fields, paragraphs, moves)


def _diff_paragraphs(
    old: Sequence[str], new: Sequence[str], old_turn: int, new_turn: int
) -> tuple[list[ParagraphChanged], list[ParagraphMoved]]:
    old_words = [Counter(p.split()) for p in old]
    new_words = [Counter(p.split()) for p in new]

    def similarity(i: int, j: int) -> float:
        return _dice(old_words[i], new_words[j])

    alignment = align(old, new, similarity, SIMILARITY_THRESHOLD, lambda i, j: True)
    changes = [
        ParagraphChanged("changed", i, j, old[i], new[j], word_diff(old[i], new[j]))
        for i, j in alignment.similar
    ]
    changes += [ParagraphChanged("deleted", i, None, old[i], None) for i in alignment.deleted]
    changes += [ParagraphChanged("inserted", None, j, None, new[j]) for j in alignment.inserted]
    changes.sort(key=lambda change: _paragraph_position(change, alignment, len(new)))
    moves = [ParagraphMoved(old_turn, i, new_turn, j, new[j]) for i, j in alignment.moved]
    return changes, moves


def _paragraph_position(
    change: ParagraphChanged, alignment: Alignment, end: int
) -> tuple[int, bool]:
    """Sort key: the position in the new turn; a deleted paragraph where it stood."""
    if change.new_index is not None:
        return change.new_index, True
    at = alignment.anchor_in_b(change.old_index or 0)
    return (end if at < 0 else at), False


def _place_paragraph_moves(edits: Sequence[_Edit]) -> list[_Edit | ParagraphMoved]:
    """Turn a paragraph deleted from one edited turn and inserted in another into a move."""
    waiting: dict[str, deque[tuple[_Edit, ParagraphChanged]]] = {}
    for edit in edits:
        for paragraph in edit.paragraphs:
            if paragraph.op == "deleted" and paragraph.old is not None:
                waiting.setdefault(paragraph.old, deque()).append((edit, paragraph))
    taken: set[int] = set()
    moved: list[_Edit | ParagraphMoved] = []
    for edit in edits:
        moved.extend(edit.moves)
        for paragraph in edit.paragraphs:
            queue = waiting.get(paragraph.new or "") if paragraph.op == "inserted" else None
            if queue:
                source, deleted = queue.popleft()
                assert deleted.old_index is not None and paragraph.new_index is not None
                moved.append(
                    ParagraphMoved(
                        source.old_index,
                        deleted.old_index,
                        edit.new_index,
                        paragraph.new_index,
                        paragraph.new or "",
                    )
                )
                taken.update((id(deleted), id(paragraph)))
    for edit in edits:
        edit.paragraphs = [p for p in edit.paragraphs if id(p) not in taken]
        if edit.fields or edit.paragraphs:
            moved.append(edit)
    return moved


def _ordered_turn_changes(
    alignment: Alignment, a: _TurnTable, b: _TurnTable, placed: Iterable[_Edit | ParagraphMoved]
) -> list[Change]:
    """Every turn change, in the order of the new version (deletions where they stood)."""
    keyed: list[tuple[tuple[int, int], Change]] = []
    end = len(b.turns)
    for i in alignment.deleted:
        at = alignment.anchor_in_b(i)
        keyed.append(((end if at < 0 else at, 0), TurnDeleted(i, a.turns[i])))
    keyed += [((j, 1), TurnInserted(j, b.turns[j])) for j in alignment.inserted]
    keyed += [((j, 1), TurnMoved(i, j, b.turns[j])) for i, j in alignment.moved]
    for item in placed:
        if isinstance(item, ParagraphMoved):
            keyed.append(((item.new_turn, 2), item))
        else:
            record = TurnEdited(
                item.old_index,
                item.new_index,
                tuple(item.fields),
                tuple(item.paragraphs),
                item.speaker,
            )
            keyed.append(((item.new_index, 1), record))
    keyed.sort(key=lambda pair: pair[0])
    return [change for _, change in keyed]


# --------------------------------------------------------------------------- words


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The word diff of two paragraphs: segments ``(op, text)``, op ``=``, ``-`` or ``+``.

    Words, runs of spaces and punctuation marks are the units; adjacent segments of one kind
    are merged, and a deletion comes before the insertion that replaces it.
    """
    old_tokens, new_tokens = _WORD.findall(old), _WORD.findall(new)
    # Runs are collected as lists of tokens and joined once: appending to a string per token
    # would copy a long unchanged run over and over.
    runs: list[tuple[str, list[str]]] = []
    i = j = 0
    for k, m in [*common_subsequence(old_tokens, new_tokens), (len(old_tokens), len(new_tokens))]:
        _extend(runs, "-", old_tokens[i:k])
        _extend(runs, "+", new_tokens[j:m])
        if k < len(old_tokens):
            _extend(runs, "=", old_tokens[k : k + 1])
        i, j = k + 1, m + 1
    return tuple((op, "".join(tokens)) for op, tokens in runs)


def _extend(runs: list[tuple[str, list[str]]], op: str, tokens: list[str]) -> None:
    if not tokens:
        return
    if runs and runs[-1][0] == op:
        runs[-1][1].extend(tokens)
    else:
        runs.append((op, list(tokens)))
