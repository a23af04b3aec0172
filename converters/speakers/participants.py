"""The participants of a speaker-label transcript: one per person the labels name, with
unique ids made from their names."""

from __future__ import annotations

from collections.abc import Sequence

from transcript_model.model import Participant

from .. import _kremlin as kremlin
from .labels import Label


class _Identifiers:
    """Participant ids from names, made unique as ``kremlin.unique_id`` makes them ("x",
    "x-2", "x-3" …), remembering where each stem's numbering stopped: counting from 2 again
    for every name with the same slug, over a copy of the ids taken, was quadratic."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_number: dict[str, int] = {}

    def new(self, text: str) -> str:
        stem = kremlin.unique_id(kremlin.slug(text), ())
        candidate = stem
        if candidate in self.taken:
            number = self.next_number.get(stem, 2)
            candidate = f"{stem}-{number}"
            while candidate in self.taken:
                number += 1
                candidate = f"{stem}-{number}"
            self.next_number[stem] = number + 1
        self.taken.add(candidate)
        return candidate


def participants_of(
    labels: dict[str, Label], order: Sequence[str]
) -> tuple[list[Participant], dict[str, str]]:
    """One participant per person, in order of first label; key → participant id."""
    people: list[Participant] = []
    ids: dict[str, str] = {}
    identifiers = _Identifiers()
    for printed in order:
        label = labels[printed]
        if label.generic or label.key in ids:
            continue
        ids[label.key] = identifiers.new(label.name or label.role or printed)
        people.append(Participant(id=ids[label.key], name=label.name, role=label.role))
    # A later label may print the role the first one left out ("Dmitry Peskov", then
    # "Press Secretary Dmitry Peskov"): the role printed before the name belongs to the person.
    printed_roles: dict[str, str] = {}
    for lb in labels.values():
        if lb.role and not lb.generic and lb.name and lb.key in ids:
            printed_roles.setdefault(ids[lb.key], lb.role)
    for index, person in enumerate(people):
        role = printed_roles.get(person.id) if person.role is None else None
        if role:
            people[index] = person.model_copy(update={"role": role})
    return people, ids
