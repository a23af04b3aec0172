"""The change records a diff is made of, and the diff of one pair of transcripts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Union

from pydantic import BaseModel

from transcript_model.model import Participant, Turn


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
