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
* **Turns** are aligned, not compared line by line (see :mod:`transcript_model.diff.align`):
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

from transcript_model.diff.compare import diff, diff_all, diff_sources, word_diff
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
from transcript_model.diff.render import text_lines

__all__ = [
    "Change",
    "Diff",
    "FieldChanged",
    "ParagraphChanged",
    "ParagraphMoved",
    "ParticipantAdded",
    "ParticipantMoved",
    "ParticipantReidentified",
    "ParticipantRemoved",
    "ParticipantRenamed",
    "TranscriptAdded",
    "TranscriptRemoved",
    "TurnDeleted",
    "TurnEdited",
    "TurnInserted",
    "TurnMoved",
    "diff",
    "diff_all",
    "diff_sources",
    "text_lines",
    "word_diff",
]
