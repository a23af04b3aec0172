"""Who speaks: participants and speakers of a page read as text.

One participant per person however the labels vary: "President of Russia Vladimir Putin" and
"Vladimir Putin" are one person, "В.Путин" is "Владимир Путин" when the Persons tags name him,
and the role comes from the attendee list or the first label that prints one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .. import _kremlin as kremlin
from .document import Document, RawSpeech


def attendee_items(lines: list[str], known_names: Sequence[str]) -> list[kremlin.LabelParts]:
    """The (role, name) items of an attendee sentence split over ``lines`` (the text after
    the intro, then the lines starting ", " / ", and " / ".")."""
    known = kremlin.KnownNames(known_names)
    if len(lines) == 1:
        return kremlin.parse_attendees(lines[0], known)
    items = []
    for line in lines:
        text = _ITEM_START.sub("", line, count=1).rstrip(" .,;")
        if text:
            parts = kremlin.split_label(text, known)
            if parts.name:
                items.append(parts)
    return items


_ITEM_START = re.compile(r"^[,.;\s]*(?:(?:and|и)\s+)?")


class _People(kremlin.ParticipantList):
    """The participant list of a page read as text; ``derive`` is False when the page lists
    its participants explicitly (our own writer's extension lines), so none are invented."""

    def __init__(
        self,
        people: list[dict[str, Any]],
        derive: bool,
        tag_names: list[str],
        context: list[str | None],
    ):
        super().__init__(people, tag_names, context)
        self.derive = derive

    def speaker(self, parts: kremlin.LabelParts) -> str | None:
        if parts.name:
            person = self.by_name(parts.name)
            if person is None and self.derive:
                person = self.add(self.full_name(parts.name), parts.role)
            elif person is not None and self.derive and person.get("role") is None:
                person["role"] = parts.role
        elif parts.role:
            person = self.by_role(parts.role)
            if person is None and self.derive:
                person = self.add(None, parts.role)
        else:
            return None
        return person.get("id") if person else None


def _split_again(
    label: str, known: kremlin.KnownNames, first_split: dict[str, tuple[kremlin.LabelParts, int]]
) -> kremlin.LabelParts:
    done = first_split.get(label)
    if done is not None and (done[1] == len(known) or not known.learnt_since(label, done[1])):
        return done[0]
    return kremlin.split_label(label, known)


def resolve(
    doc: Document, ext: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Participants and finished turns of a parsed document."""
    tag_names = [kremlin.person_tag_to_name(t) for t in doc.footer.get("persons", [])]
    explicit = doc.participants_explicit
    context = [doc.event.get("title"), doc.event.get("lead")]
    people = _People([dict(p) for p in explicit], not explicit, tag_names, context)
    if people.derive and doc.attendees_text:
        for parts in attendee_items(doc.attendees_text, tag_names):
            if parts.name and people.by_name(parts.name) is None:
                people.add(parts.name, parts.role, attending=True)
    # Indexed: every label is split against all of them.
    known = kremlin.KnownNames(tag_names)
    known.extend(p["name"] for p in people.people if p.get("name") and isinstance(p["name"], str))
    labels = dict.fromkeys(
        turn.label
        for turn in doc.turns
        if isinstance(turn, RawSpeech) and turn.label and turn.explicit is None
    )
    # Each split, with how many names were known for it: unless a name learnt since is one
    # the label would be split at, splitting it again would give the same parts.
    first_split: dict[str, tuple[kremlin.LabelParts, int]] = {}
    for printed in labels:
        parts = kremlin.split_label(printed, known)
        first_split[printed] = (parts, len(known))
        # A name known already changes no split.
        if parts.role is None and parts.name and " " in parts.name and parts.name not in known:
            known.append(parts.name)
    # Labels repeat on every turn: split and resolve each distinct one once.
    resolved: dict[str, tuple[str | None, str | None]] = {}
    turns: list[dict[str, Any]] = []
    speakers: dict[int, str | None] = {}
    for index, turn in enumerate(doc.turns):
        speaker: str | None
        label: str | None
        role: str | None
        if not isinstance(turn, RawSpeech):
            turns.append(turn)
            continue
        if turn.explicit is not None:
            speaker, label, role = (turn.explicit.get(k) for k in ("speaker", "label", "role"))
        elif turn.resumes is not None:
            speaker, label, role = speakers.get(turn.resumes), None, None
            if speaker is None:
                turns.append({"kind": "narrative", "paragraphs": turn.paragraphs})
                continue
        else:
            label = turn.label
            if label not in resolved:
                parts = _split_again(label or "", known, first_split)
                resolved[label or ""] = (people.speaker(parts), parts.role)
            speaker, role = resolved[label or ""]
        speakers[index] = speaker
        turns.append(
            {
                "kind": "speech",
                "speaker": speaker,
                "label": label,
                "role": role,
                "paragraphs": turn.paragraphs,
            }
        )
    return people.people, turns
