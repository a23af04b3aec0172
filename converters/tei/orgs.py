"""Organisations: an ``org`` of the file's or the corpus root's ``listOrg``, on first reference
(an affiliation, a meeting's body), with its kind, names and identifiers."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from transcript_model import types
from transcript_model.errors import excerpt

from .common import CHAMBER_MARKS, ORG_KINDS, ORG_ROLES, XML_LANG, T
from .context import Context
from .values import all_text, pointer_tokens

_URL = re.compile(types.URL_PATTERN)
_LANGUAGE = re.compile(types.LANGUAGE_PATTERN)


def organisation_id(context: Context, raw: str, where: etree._Element | None) -> str | None:
    """The model id for organisation ``raw``, adding the organisation on first reference;
    None (with a warning) when no ``org`` of the file or its corpus root has that id."""
    known = context.ids.mapped.get(raw)
    if known is not None and known in context.organisations:
        return known
    org = context.orgs.get(raw)
    if org is None:
        context.warn(
            "tei_dropped",
            f"no organisation with xml:id {excerpt(raw)} in the file or the corpus root; the "
            "reference is dropped",
            where,
        )
        return None
    model_id, changed = context.ids.get(raw)
    if changed:
        context.warn(
            "tei_id_mapped", f"organisation id {excerpt(raw)} is read as {excerpt(model_id)}", where
        )
    entry = _organisation(context, org, model_id)
    if entry is None:
        return None
    context.organisations[model_id] = entry
    return model_id


def _organisation(context: Context, org: etree._Element, model_id: str) -> dict[str, Any] | None:
    kind = _kind(org)
    names = []
    for element in org.iterchildren(T + "orgName"):
        name = context.name(all_text(element), element, "the organisation name")
        if name is None:
            continue
        entry: dict[str, Any] = {"name": name}
        if element.get("full") in ("abb", "init"):
            entry["form"] = "abbreviation"
        language = element.get(XML_LANG)
        if language and _LANGUAGE.match(language):
            entry["language"] = language
        names.append(entry)
    if not names:
        context.warn(
            "tei_dropped", f"organisation {excerpt(model_id)} has no usable name; dropped", org
        )
        return None
    return {
        "id": model_id,
        "kind": kind,
        "names": names,
        "identifiers": external_ids(context, org),
    }


def _kind(org: etree._Element) -> str:
    """The kind from ``@role`` (ParlaMint's words, or the model's own as siParl writes them),
    made precise by ``@ana`` (a chamber; siParl's committees have only ``#parl.committee``)."""
    role = org.get("role") or ""
    kind = ORG_KINDS.get(role) or (role if role in ORG_ROLES else "other")
    marks = {part for token in pointer_tokens(org.get("ana")) for part in token.split(".")}
    if kind == "parliament" and marks & CHAMBER_MARKS:
        return "chamber"
    if kind == "other" and not role and "committee" in marks:
        return "committee"
    return kind


def external_ids(context: Context, holder: etree._Element) -> list[dict[str, Any]]:
    """The ``idno`` URIs of a person or organisation, with their scheme (``@subtype`` of a
    ``type="URI"``, else ``@type``, as siParl writes "wikimedia")."""
    found = []
    for idno in holder.iterchildren(T + "idno"):
        uri = all_text(idno).strip()
        if not _URL.match(uri):
            context.warn("tei_dropped", f"identifier {excerpt(uri)} is not a URL; dropped", idno)
            continue
        kind = idno.get("type")
        scheme = idno.get("subtype") if (kind or "").upper() == "URI" else kind
        scheme = scheme or idno.get("n")  # a scheme that is no XML Name
        entry: dict[str, Any] = {"uri": uri}
        cleaned = context.name(scheme, idno, "the identifier scheme") if scheme else None
        if cleaned:
            entry["scheme"] = cleaned
        found.append(entry)
    return found
