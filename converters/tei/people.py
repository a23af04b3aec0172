"""Participants: a person of the file's or the corpus root's ``listPerson``, on first mention."""

from __future__ import annotations

from typing import Any

from lxml import etree

from transcript_model.errors import excerpt

from .common import T
from .context import Context
from .values import all_text, clean_name, find, local_name


def participant_id(context: Context, raw: str, where: etree._Element | None) -> str:
    """The model id for person ``raw``, adding the participant on first mention."""
    known = context.ids.mapped.get(raw)
    if known is not None and known in context.participants:
        return known
    model_id, changed = context.ids.get(raw)
    if model_id in context.participants:
        return model_id
    if changed:
        context.warn(
            "tei_id_mapped", f"person id {excerpt(raw)} is read as {excerpt(model_id)}", where
        )
    person = context.persons.get(raw)
    entry: dict[str, Any] = {"id": model_id}
    if person is None:
        context.warn(
            "tei_unknown_person",
            f"no person with xml:id {excerpt(raw)} in the file or the corpus root; its id is used "
            "as the name",
            where,
        )
        entry["name"] = clean_name(raw) or model_id
    else:
        _person_fields(context, person, entry, model_id)
    context.participants[model_id] = entry
    return model_id


def _person_fields(
    context: Context, person: etree._Element, entry: dict[str, Any], model_id: str
) -> None:
    names = list(person.iterchildren(T + "persName"))
    if names:
        entry["name"] = _person_name(context, names[0])
    roles = [
        context.name(all_text(o), o, "the occupation")
        for o in person.iterchildren(T + "occupation")
    ]
    roles = [r for r in roles if r]
    if roles:
        entry["role"] = roles[0]
    if len(names) > 1 or len(roles) > 1:
        context.warn(
            "tei_dropped",
            f"person {excerpt(model_id)}: only the first name and occupation are kept",
            person,
        )
    term = find(names[0], T + "term") if len(names) == 1 else None
    if term is not None and roles and entry.get("name") == roles[0]:
        # ParlaMint packaging names a role-only participant by its role (persName is required).
        entry["name"] = None
    if entry.get("name") is None and entry.get("role") is None:
        entry["name"] = model_id


def _person_name(context: Context, element: etree._Element) -> str | None:
    """A name in natural order: forenames, name links, surnames; else the whole text."""
    parts: dict[str, list[str]] = {"forename": [], "nameLink": [], "surname": [], "term": []}
    for child in element.iter():
        local = local_name(child)
        if local in parts:
            parts[local].append(all_text(child))
    ordered = parts["forename"] + parts["nameLink"] + parts["surname"]
    if ordered:
        return context.name(" ".join(ordered), element, "the person name")
    if parts["term"]:
        return context.name(" ".join(parts["term"]), element, "the person name")
    return context.name(all_text(element), element, "the person name")
