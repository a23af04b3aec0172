"""Stand-ins for turns already checked, for the streaming readers (JSON, TEI, AKN).

A streaming reader validates each turn as it comes and then builds the transcript from
stand-ins that keep only what the cross-field rules look at, so that the text of the turns is
not held (see :class:`TurnStandIns`).
"""

from __future__ import annotations

from typing import Any

from transcript_model.model import Narrative, Speech


class TurnStandIns:
    """What the cross-field rules of :mod:`transcript_model.checks` look at in a turn: its
    kind, a speech's speaker, and the events inside a speech (which name speakers too).

    A turn whose every field is already checked is replaced by a stand-in built without
    validation (``model_construct``; a transcript takes turn instances as they are), shared
    between turns where nothing else differs: the text, which is most of the memory, is not
    kept.
    """

    def __init__(self) -> None:
        self._other = Narrative.model_construct(paragraphs=[])  # only speeches are looked at
        self._speeches: dict[tuple[str | None, str | None], Speech] = {}

    def of(self, turn: Any) -> Any:
        """The stand-in of ``turn``, a turn built and checked."""
        if not isinstance(turn, Speech):
            return self._other
        # A speech's own rule (a speaker, a label, or both) runs again on the stand-in: one
        # without a speaker keeps its label.
        label = turn.label if turn.speaker is None else None
        events: list[Any] = [block for block in turn.paragraphs if not isinstance(block, str)]
        if events:
            return Speech.model_construct(speaker=turn.speaker, label=label, paragraphs=events)
        key = (turn.speaker, label)
        if key not in self._speeches:
            stand_in = Speech.model_construct(speaker=turn.speaker, label=label, paragraphs=[])
            self._speeches[key] = stand_in
        return self._speeches[key]
