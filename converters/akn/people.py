"""Participants: the TLCPerson and TLCRole references a debate names, and speakers that no
reference resolves."""

from __future__ import annotations

from typing import Any

from transcript_model.errors import excerpt

from .common import TM
from .context import SPEECHES, Context, local_name
from .inline import as_identifier, as_name


def read_participants(context: Context) -> list[dict[str, Any]]:
    speakers = {
        (e.get("by") or "").removeprefix("#")
        for e in context.doc.iter(*(context.q(n) for n in SPEECHES))
    } - {""}
    result = []
    for key, entry in context.refs.items():
        kind = local_name(entry)
        if kind != "TLCPerson" and key not in speakers:
            continue
        person = _participant(context, key, entry)
        add_person(context, key, person)
        result.append(person)
    context.participant_list = result
    return result


def add_person(context: Context, key: str, person: dict[str, Any]) -> None:
    context.people[key] = person
    context.people_by_id.setdefault(person["id"], person)


def _unique_id(context: Context, key: str) -> str:
    """A model id for a reference key, distinct from the participants' so far."""
    pid = base = as_identifier(key)
    used = context.people_by_id
    # Every suffix below the last one given to this base was taken then and still is.
    suffix = context.next_suffix.get(base, 1)
    while pid in used:
        suffix += 1
        pid = f"{base}-{suffix}"
    context.next_suffix[base] = suffix
    return pid


def speaker_without_reference(context: Context, key: str, label: str | None, element: Any) -> str:
    """A participant for a ``by`` pointer that no TLC entry resolves (bluebell writes them)."""
    person = {
        "id": _unique_id(context, key),
        "name": label or as_name(key.replace("-", " ")) or key,
        "role": None,
        "attending": False,
    }
    add_person(context, key, person)
    context.participant_list.append(person)
    context.warn(
        "akn_unresolved",
        f"speaker by={excerpt('#' + key)} names no TLCPerson: participant "
        f"{excerpt(person['id'])} made from it",
        element,
    )
    return str(person["id"])


def speaker_from_label(context: Context, label: str, element: Any) -> str:
    """The participant a label names when ``by="#"`` points at nobody: one per label."""
    known = context.label_people.get(label)
    if known is not None:
        return known
    person = {"id": _unique_id(context, label), "name": label, "role": None, "attending": False}
    add_person(context, f"#label:{label}", person)
    context.participant_list.append(person)
    context.label_people[label] = str(person["id"])
    context.warn(
        "akn_unresolved",
        f'speaker by="#" names nobody: participant {excerpt(person["id"])} made from the label',
        element,
    )
    return str(person["id"])


def _participant(context: Context, key: str, entry: Any) -> dict[str, Any]:
    if context.own is not None:
        role = context.target(entry.get(f"{{{TM}}}as"))
        named = entry.get(f"{{{TM}}}named") != "false"
        return {
            "id": entry.get(f"{{{TM}}}id", key),
            "name": entry.get("showAs") if named else None,
            "role": None if role is None else role.get("showAs"),
            "attending": False,
        }
    pid = _unique_id(context, key)
    shown = as_name(entry.get("showAs") or "") or as_name(key) or pid
    if local_name(entry) == "TLCRole":  # a speaker known only by role ("by" may name one)
        return {"id": pid, "name": None, "role": shown, "attending": False}
    return {"id": pid, "name": shown, "role": None, "attending": False}
