"""What changed between two versions of a transcript, in terms of the model.

:func:`diff` compares two :class:`~transcript_model.model.Transcript` objects and returns typed
change records; :func:`diff_sources` reads two files in any formats and pairs their transcripts.
Two transcripts are equal (no changes) exactly when the models are equal, whatever formats they
came from.

Decisions, so that every change is reported once and as what a reader would call it:

* **Participants** are identified by ``id``. Same id with another name is *renamed*; a
  participant removed and one added with the same name is *reidentified* (same name, new id),
  and the speeches of the old id are compared as speeches of the new one, so a new id alone
  does not make every turn of that speaker an edit. Other participant fields (role,
  attending) are field changes at ``participants[id=…].role``.
* **Turns** are aligned, not compared line by line (see :mod:`transcript_model.alignment`):
  equal turns in the same order are kept; an equal turn out of that order is *moved*; an
  unequal turn standing where a similar one stood (same kind, similar words) is *edited*;
  the rest are *deleted* and *inserted*. A turn that was moved and edited at once is reported
  as deleted and inserted.
* **Paragraphs** of an edited turn are aligned the same way: changed (with a word diff),
  deleted, inserted. A paragraph that changed position — inside one turn or from one turn to
  another — is one *paragraph moved* change, not an edit of each turn involved.
* Event and metadata fields are compared by path (``event.title``, ``metadata.source.url``);
  a list-valued field (``metadata.topics``) is compared as a whole.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal, Union

from pydantic import BaseModel

from transcript_model.alignment import Alignment, align, common_subsequence
from transcript_model.model import Participant, Transcript, Turn

#: Edits need this much word overlap (Dice coefficient over the words) to count as the same
#: turn or paragraph; a turn of the same kind and speaker needs :data:`SAME_SPEAKER_BONUS` less.
SIMILARITY_THRESHOLD = 0.5
SAME_SPEAKER_BONUS = 0.25


@dataclass(frozen=True)
class _Record:
    kind: ClassVar[str]

    def as_dict(self) -> dict[str, Any]:
        """The change as a JSON-ready dict, ``kind`` first."""
        return {"kind": self.kind, **{k: _jsonable(getattr(self, k)) for k in self._fields()}}

    def _fields(self) -> list[str]:
        return list(self.__dataclass_fields__)


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, _Record):
        return value.as_dict()
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return value


@dataclass(frozen=True)
class FieldChanged(_Record):
    """A value at ``path`` (``event.title``, ``metadata.topics``, ``turns[3].speaker``)."""

    kind: ClassVar[str] = "field_changed"
    path: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ParticipantAdded(_Record):
    """A participant only in the new version, at ``index`` of its participants."""

    kind: ClassVar[str] = "participant_added"
    index: int
    participant: Participant


@dataclass(frozen=True)
class ParticipantRemoved(_Record):
    """A participant only in the old version, at ``index`` of its participants."""

    kind: ClassVar[str] = "participant_removed"
    index: int
    participant: Participant


@dataclass(frozen=True)
class ParticipantRenamed(_Record):
    """Same id, another name."""

    kind: ClassVar[str] = "participant_renamed"
    id: str
    old_name: str | None
    new_name: str | None


@dataclass(frozen=True)
class ParticipantReidentified(_Record):
    """Same name, another id (the speeches of ``old_id`` are compared as ``new_id``'s)."""

    kind: ClassVar[str] = "participant_reidentified"
    name: str
    old_id: str
    new_id: str


@dataclass(frozen=True)
class ParticipantMoved(_Record):
    """A participant listed at another position relative to the others."""

    kind: ClassVar[str] = "participant_moved"
    id: str
    old_index: int
    new_index: int


@dataclass(frozen=True)
class TurnInserted(_Record):
    """A turn only in the new version, at ``new_index``."""

    kind: ClassVar[str] = "turn_inserted"
    new_index: int
    turn: Turn


@dataclass(frozen=True)
class TurnDeleted(_Record):
    """A turn only in the old version, at ``old_index``."""

    kind: ClassVar[str] = "turn_deleted"
    old_index: int
    turn: Turn


@dataclass(frozen=True)
class TurnMoved(_Record):
    """An unchanged turn at another position relative to the others."""

    kind: ClassVar[str] = "turn_moved"
    old_index: int
    new_index: int
    turn: Turn


@dataclass(frozen=True)
class ParagraphChanged(_Record):
    """One paragraph of an edited turn: ``op`` is ``changed``, ``deleted`` or ``inserted``.

    ``words`` (changed paragraphs, when word diffs were asked for) lists the segments of the
    word diff as ``(op, text)`` with op ``"="`` (same), ``"-"`` (old only) or ``"+"`` (new only).
    """

    kind: ClassVar[str] = "paragraph"
    op: Literal["changed", "deleted", "inserted"]
    old_index: int | None
    new_index: int | None
    old: str | None
    new: str | None
    words: tuple[tuple[str, str], ...] | None = None

    def as_dict(self) -> dict[str, Any]:
        """As in :meth:`_Record.as_dict`, without the redundant kind."""
        result = super().as_dict()
        del result["kind"]
        return result


@dataclass(frozen=True)
class TurnEdited(_Record):
    """A turn that stands where a similar one stood: its changed fields and paragraphs."""

    kind: ClassVar[str] = "turn_edited"
    old_index: int
    new_index: int
    fields: tuple[FieldChanged, ...]
    paragraphs: tuple[ParagraphChanged, ...]
    speaker: str | None = None
    """Who speaks in the new version (id, else label), to say whose turn it is."""


@dataclass(frozen=True)
class ParagraphMoved(_Record):
    """An unchanged paragraph at another position, in the same turn or another one."""

    kind: ClassVar[str] = "paragraph_moved"
    old_turn: int
    old_index: int
    new_turn: int
    new_index: int
    text: str


@dataclass(frozen=True)
class TranscriptAdded(_Record):
    """A transcript only in the new source."""

    kind: ClassVar[str] = "transcript_added"
    id: str


@dataclass(frozen=True)
class TranscriptRemoved(_Record):
    """A transcript only in the old source."""

    kind: ClassVar[str] = "transcript_removed"
    id: str


Change = Union[
    FieldChanged,
    ParticipantAdded,
    ParticipantRemoved,
    ParticipantRenamed,
    ParticipantReidentified,
    ParticipantMoved,
    TurnInserted,
    TurnDeleted,
    TurnMoved,
    TurnEdited,
    ParagraphMoved,
    TranscriptAdded,
    TranscriptRemoved,
]


@dataclass(frozen=True)
class Diff:
    """The changes from one transcript (``old_id``) to another (``new_id``).

    A transcript only in one source has None for the other id and one change saying so.
    """

    old_id: str | None
    new_id: str | None
    changes: tuple[Change, ...] = field(default=())

    @property
    def equal(self) -> bool:
        """True when nothing changed."""
        return not self.changes

    def as_dict(self, word_diff: bool = True) -> dict[str, Any]:
        """A JSON-ready dict: ``old_id``, ``new_id``, ``changes`` (see docs/diff.md)."""
        changes = [change.as_dict() for change in self.changes]
        if not word_diff:
            for change in changes:
                for paragraph in change.get("paragraphs", ()):
                    paragraph.pop("words", None)
        return {"old_id": self.old_id, "new_id": self.new_id, "changes": changes}


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
    return dump


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
