"""Participants: a person of the file's or the corpus root's ``listPerson``, on first mention."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from transcript_model import types
from transcript_model.errors import excerpt

from .common import (
    AFFILIATION_TAXONOMY,
    NAME_FORENAME,
    NAME_PARTS,
    NAME_SURNAME,
    PACKAGED_NAMES,
    XML_LANG,
    T,
)
from .context import Context
from .orgs import external_ids, organisation_id
from .values import all_text, clean_name, find, local_name, pointer_tokens

#: Name parts a writer marks as such without them giving the name (the name differs).
PARTS_TYPE = "parts"
_PARTIAL_DATE = re.compile(types.PARTIAL_DATE_PATTERN)
#: ISO 5218 codes, which older TEI files use for sex.
_ISO_SEX = {"0": "U", "1": "M", "2": "F", "9": "N"}
_SEXES = frozenset({"M", "F", "U", "O", "N"})


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


def unidentified_speaker(context: Context, function: str, where: etree._Element) -> str:
    """The model id of the speaker of utterances that name no speaker but a function
    (ParlaMint's ``<u ana="#chair">`` without ``@who``: the chair, whoever holds it; a
    ``#guest``): a participant known by that role alone, added on first mention, with a
    warning. Its key holds a space, which no xml:id does, so no person of the file is it."""
    key = f"unidentified {function}"
    model_id = context.ids.get(key)[0]
    if model_id not in context.participants:
        context.participants[model_id] = {"id": model_id, "role": function}
        context.warn(
            "tei_unidentified_speaker",
            f"utterances of function {excerpt(function)} name no speaker (no @who): read as "
            f"speeches of the participant {excerpt(model_id)}, known by that role alone",
            where,
        )
    return model_id


def _person_fields(
    context: Context, person: etree._Element, entry: dict[str, Any], model_id: str
) -> None:
    all_names = list(person.iterchildren(T + "persName"))
    packaged = {n.get(XML_LANG): n for n in all_names if n.get(XML_LANG) in PACKAGED_NAMES}
    names = [
        n for n in all_names if n.get("type") != PARTS_TYPE and n.get(XML_LANG) not in packaged
    ]
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
    if entry.get("name") is None and entry.get("role") is None:
        entry["name"] = model_id
    parts = [n for n in all_names if n.get("type") == PARTS_TYPE] or names[:1]
    if NAME_PARTS in packaged:
        parts = [packaged[NAME_PARTS]]
    if parts:
        _name_parts(context, parts[0], entry)
    for language, part in ((NAME_FORENAME, "forename"), (NAME_SURNAME, "surname")):
        if language in packaged:
            value = context.name(all_text(packaged[language]), packaged[language], f"the {part}")
            if value:
                entry[part] = value
    _details(context, person, entry, model_id)


def _name_parts(context: Context, element: etree._Element, entry: dict[str, Any]) -> None:
    for part in ("forename", "surname"):
        found = [all_text(p) for p in element.iter(T + part)]
        value = context.name(" ".join(found), element, f"the {part}") if found else None
        if value:
            entry[part] = value


def _details(
    context: Context, person: etree._Element, entry: dict[str, Any], model_id: str
) -> None:
    """Sex, birth date, identifiers and affiliations (every one: the model keeps dates)."""
    sex = find(person, T + "sex")
    if sex is not None:
        value = sex.get("value") or all_text(sex).strip()
        value = _ISO_SEX.get(value, value)
        if value in _SEXES:
            entry["sex"] = value
        else:
            context.warn("tei_dropped", f"sex {excerpt(value)} is not M, F, U, O or N", sex)
    birth = find(person, T + "birth")
    if birth is not None:
        when = _partial_date(birth.get("when") or birth.get("notBefore"))
        if when:
            entry["birth"] = when
    identifiers = external_ids(context, person)
    if identifiers:
        entry["identifiers"] = identifiers
    affiliations = [
        a for a in (_affiliation(context, e) for e in person.iterchildren(T + "affiliation")) if a
    ]
    if affiliations:
        entry["affiliations"] = affiliations


def _partial_date(value: str | None) -> str | None:
    """A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) from a TEI date or dateTime."""
    if not value:
        return None
    for size in (10, 7, 4):
        fits = size == 10 or len(value) == size
        if fits and len(value) >= size and _PARTIAL_DATE.match(value[:size]):
            return value[:size]
    return None


def _affiliation(context: Context, element: etree._Element) -> dict[str, Any] | None:
    refs = pointer_tokens(element.get("ref"))
    if not refs:
        context.warn("tei_dropped", "an affiliation without @ref dropped", element)
        return None
    organisation = organisation_id(context, refs[0], element)
    if organisation is None:
        return None
    entry: dict[str, Any] = {"organisation": organisation}
    raw_role = _packaged_role(context, element) or element.get("role") or element.get("n") or ""
    role = context.name(raw_role, element, "the affiliation role")
    if role:
        entry["role"] = role
    start = _partial_date(element.get("from") or element.get("when"))
    end = _partial_date(element.get("to") or element.get("when"))
    if start:
        entry["start"] = start
    if end:
        entry["end"] = end
    if start and end and start[: len(end)] > end[: len(start)]:
        context.warn("tei_dropped", "an affiliation that ends before it starts: dates dropped",
                     element)  # fmt: skip
        entry.pop("start")
        entry.pop("end")
    title = find(element, T + "roleName")
    if title is not None:
        value = context.name(all_text(title), title, "the role title")
        if value:
            entry["role_title"] = value
    return entry


def _packaged_role(context: Context, element: etree._Element) -> str | None:
    """A role ParlaMint has no value for: ParlaMint packaging points at its category."""
    for token in pointer_tokens(element.get("ana")):
        taxonomy, term = context.role_of(token)
        if taxonomy == AFFILIATION_TAXONOMY and term:
            return term
    return None


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
