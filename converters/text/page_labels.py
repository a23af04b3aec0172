"""Labels that only the whole page explains, resolved once the page is read.

* A forum's moderator is introduced once with a descriptive label, then labelled by name alone:
  "Panel moderator, NBC host Megyn Kelly: Welcome, everyone." … "Megyn Kelly: Thank you." The
  line test (:func:`layout.is_label`) refuses a label with commas, so that first speech was read
  as narrative. A narrative paragraph "Head: text" whose head has a comma and a comma-separated
  part ending with a name that labels other speeches of the page opens a speech by that person;
  the head stays the printed label, the rest of it is the role.
* A label whose words the page glued together ("VladimirPutin:", two bold runs without a space)
  is the person whose label it is without its spaces.

The writer needs nothing of this: it reads back what it wrote and prints a turn that would read
back otherwise in its explicit form.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import _kremlin as kremlin
from .document import Document, RawSpeech, RawTurn

#: The words of a name that ends a comma-separated part of the head.
_MAX_NAME_WORDS = 5
#: A descriptive label is longer than a name but no sentence.
_MAX_HEAD = 200


def resolve_page_labels(doc: Document) -> None:
    """Resolve glued labels and turn the narrative paragraphs that open with a descriptive
    label of a person labelled elsewhere into that person's speeches (see the module)."""
    names = label_names(
        turn.label for turn in doc.turns if isinstance(turn, RawSpeech) and turn.explicit is None
    )
    _unglue(doc.turns, names)
    if not names or not doc.described:
        return
    # The very line objects read: an escaped line, printed so that it is not read as a label,
    # is another object (the line without its escape) and never looked at.
    candidates = {id(line) for line in doc.described}
    turns: list[RawTurn] = []
    moved: dict[int, int] = {}  # old index of a turn → its new index
    for index, turn in enumerate(doc.turns):
        moved[index] = len(turns)
        narrative = turn if isinstance(turn, dict) and turn.get("kind") == "narrative" else None
        turns.extend(_split(narrative, names, candidates) if narrative is not None else [turn])
    for turn in turns:
        if isinstance(turn, RawSpeech) and turn.resumes is not None:
            turn.resumes = moved[turn.resumes]
    doc.turns = turns


def described_head(text: str) -> str | None:
    """The head of "Head, with commas: text" when it may be a descriptive speaker label."""
    head, colon, rest = text.partition(": ")
    if not colon or not rest or "," not in head or len(head) > _MAX_HEAD:
        return None
    return head if head[:1].isupper() else None


def label_names(labels: Iterable[str | None]) -> dict[str, str]:
    """The labels of more than one word (those a descriptive label can end with), by their
    casefolded text."""
    names: dict[str, str] = {}
    for label in labels:
        if label and " " in label:
            names.setdefault(label.casefold(), label)
    return names


def _unglue(turns: list[RawTurn], names: dict[str, str]) -> None:
    """Give a label of glued words ("VladimirPutin") the name it is without its spaces."""
    glued = {key.replace(" ", ""): name for key, name in names.items()}
    for turn in turns:
        if isinstance(turn, RawSpeech) and turn.explicit is None and turn.label:
            name = glued.get(turn.label.casefold()) if " " not in turn.label else None
            if name is not None:
                turn.parts = kremlin.LabelParts(None, name)


def _split(turn: dict[str, Any], names: dict[str, str], candidates: set[int]) -> list[RawTurn]:
    """The narrative ``turn`` as narrative and speeches, cut before each described label."""
    out: list[RawTurn] = []
    kept: list[Any] = []  # the narrative paragraphs before the first described label
    speech: RawSpeech | None = None
    for paragraph in turn["paragraphs"]:
        found = _described_label(paragraph, names) if id(paragraph) in candidates else None
        if found is None:
            (speech.paragraphs if speech is not None else kept).append(paragraph)
            continue
        head, parts, rest = found
        speech = RawSpeech(head, [rest], parts=parts)
        out.append(speech)
    if kept:
        out.insert(0, {**turn, "paragraphs": kept})
    return out


def _described_label(
    paragraph: str, names: dict[str, str]
) -> tuple[str, kremlin.LabelParts, str] | None:
    """(head, its role and name, the text after it) of a paragraph opening with a described
    label of a person named in ``names``."""
    head = described_head(paragraph)
    if head is None:
        return None
    pieces = [piece.strip() for piece in head.split(",")]
    for number, piece in enumerate(pieces):
        words = piece.split()
        for size in range(min(len(words), _MAX_NAME_WORDS), 1, -1):
            name = names.get(" ".join(words[-size:]).casefold())
            if name is None:
                continue
            role_pieces = [*pieces[:number], " ".join(words[:-size]), *pieces[number + 1 :]]
            role = ", ".join(p for p in role_pieces if p) or None
            return head, kremlin.LabelParts(role, name), paragraph[len(head) + 2 :].strip()
    return None
