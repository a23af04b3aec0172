"""The teiHeader: document id and language, title, setting (date, place, attendance), source
and licence, and the tags the document's ``@ana`` names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from transcript_model import types
from transcript_model.errors import TranscriptError, excerpt

from .common import (
    BODY_NAME,
    DESC_TABS,
    EVENT_CATEGORY,
    LEVEL_CATEGORIES,
    LICENCE_NOTE,
    MENTIONED_NAME,
    NO_LICENCE_NOTE,
    NO_SETTING_NAME,
    ORGANISATION_NAME,
    TAXONOMY_FIELD,
    TEI_SUBTYPE,
    TITLE_CATEGORY,
    XML_ID,
    XML_LANG,
    T,
    parse_when,
    restore_tabs,
)
from .context import Context, IdMap
from .orgs import organisation_id
from .people import participant_id
from .values import (
    MODEL_ID,
    all_text,
    child_elements,
    clean_line,
    clean_name,
    find,
    line_of,
    pointer_tokens,
)

_URL = re.compile(types.URL_PATTERN)

_LANGUAGE = re.compile(types.LANGUAGE_PATTERN)

_OFFSET = re.compile(types.UTC_OFFSET_PATTERN)


def document_id(context: Context, root: etree._Element) -> str:
    raw = root.get(XML_ID)
    if raw and MODEL_ID.match(raw):
        return raw
    stem = Path(context.origin).name.split(".")[0] if context.origin != "<input>" else ""
    candidate = IdMap().get(raw or stem or "transcript")[0]
    context.warn(
        "tei_id_mapped",
        f"the document id {excerpt(raw)} is not a valid model id; {excerpt(candidate)} is used"
        if raw
        else f"the document has no xml:id; {excerpt(candidate)} is used",
        root,
    )
    return candidate


def document_language(context: Context, root: etree._Element) -> str | None:
    """The document's xml:lang; None when it gives none (the text then tells, see reader)."""
    raw = root.get(XML_LANG)
    if raw is None:
        return None
    if _LANGUAGE.match(raw):
        return raw
    context.warn(
        "tei_language",
        f"xml:lang {excerpt(raw)} is not a BCP 47 tag the model accepts; 'und' (undetermined) "
        "is used",
        root,
    )
    return "und"


def read_header(context: Context, root: etree._Element) -> dict[str, list[str]]:
    header = find(root, T + "teiHeader")
    if header is None:
        raise TranscriptError.single(
            "tei_header", "the TEI document has no teiHeader", context.origin, line_of(root)
        )
    # The setting first: in ParlaMint packaging it names every organisation and participant
    # in the model's order, which the meetings' references must not change.
    _setting(context, header)
    _title(context, header, root.get(XML_LANG))
    _source(context, header)
    _licence(context, header)
    tags: dict[str, list[str]] = {}
    text = find(root, T + "text")
    for holder in (root, text):
        if holder is None:
            continue
        for token in pointer_tokens(holder.get("ana")):
            taxonomy, term = context.role_of(token)
            name = TAXONOMY_FIELD.get(taxonomy or "")
            value = context.name(term or "", holder, "the tag")
            if name and name != "roles" and value:
                tags.setdefault(name, []).append(value)
    return tags


def _licence(context: Context, header: etree._Element) -> None:
    availability = find(header, T + "fileDesc", T + "publicationStmt", T + "availability")
    if availability is None:
        return
    # ParlaMint packaging says a licence other than the one ParlaMint fixes (or none) in a p.
    for note in availability.iterchildren(T + "p"):
        if note.get("n") == NO_LICENCE_NOTE:
            return
        if note.get("n") == LICENCE_NOTE:
            value = context.name(all_text(note), note, "the licence")
            if value:
                context.event["licence"] = value
                return
    licence = find(availability, T + "licence")
    if licence is None:
        return
    value = context.name(all_text(licence), licence, "the licence") or clean_name(
        licence.get("target") or ""
    )
    if value:
        context.event["licence"] = value
    else:
        context.warn("tei_dropped", "the licence is empty or not one line; dropped", licence)


def _title(context: Context, header: etree._Element, language: str | None) -> None:
    statement = find(header, T + "fileDesc", T + "titleStmt")
    titles = [] if statement is None else list(statement.iterchildren(T + "title"))
    mains = [t for t in titles if t.get("type", "main") == "main"] or titles
    chosen = next((t for t in mains if t.get(XML_LANG) in (None, language)), None)
    if chosen is None and mains:
        chosen = mains[0]
    title = context.name(all_text(chosen), chosen, "the title") if chosen is not None else None
    if title is None:
        title = _title_from_id(context, header)
    context.event["title"] = title
    for other in titles:
        if other is not chosen:
            _sitting_title(context, other)
    if statement is not None:
        for meeting in statement.iterchildren(T + "meeting"):
            tokens = pointer_tokens(meeting.get("ana"))
            if EVENT_CATEGORY in tokens:
                if meeting.get("n"):
                    context.event["identifier"] = clean_name(meeting.get("n") or "")
            elif TITLE_CATEGORY in tokens:
                _sitting_title(context, meeting)
            else:
                _number(context, meeting)
    abstract = find(header, T + "profileDesc", T + "abstract")
    if abstract is not None:
        _agenda(context, abstract)


def _title_from_id(context: Context, header: etree._Element) -> str:
    """The document's xml:id as its title, with a warning, for a header that names no title
    (a corpus being built: ParlaMint-SK's components carry "TODO" where the title goes); an
    error when the document has no id either."""
    root = header.getparent()
    identifier = clean_name(root.get(XML_ID) or "") if root is not None else None
    if not identifier:
        raise TranscriptError.single(
            "tei_title",
            "the teiHeader has no usable title (expected fileDesc/titleStmt/title)",
            context.origin,
            line_of(header),
        )
    context.warn(
        "tei_title_from_id",
        f"the teiHeader has no usable title (expected fileDesc/titleStmt/title); the "
        f"document's id {identifier!r} is the title",
        header,
    )
    return identifier


def _sitting_title(context: Context, element: etree._Element) -> None:
    value = clean_line(all_text(element))
    if value is None:
        context.warn("tei_dropped", "an empty title dropped", element)
        return
    title: dict[str, Any] = {"text": value}
    raw_type = element.get("type") or element.get("n") or ""  # n: a type that is no XML Name
    kind = context.name(raw_type, element, "the title type")
    if kind:
        title["type"] = kind
    language = element.get(XML_LANG)
    if language and _LANGUAGE.match(language):
        title["language"] = language
    context.sitting.setdefault("titles", []).append(title)


def _level(tokens: list[str]) -> str | None:
    """The numbering level a meeting's @ana names: ParlaMint's ``parla.term`` (siParl's
    ``parl.term``, ``parl.meeting.regular``, …)."""
    for token in tokens:
        for part in token.split("."):
            if part in LEVEL_CATEGORIES:
                return part
    return None


def _number(context: Context, meeting: etree._Element) -> None:
    level = _level(pointer_tokens(meeting.get("ana")))
    shown = context.name(all_text(meeting), meeting, "the meeting label")
    number = clean_name(meeting.get("n") or "")
    if level is None or (shown is None and number is None):
        context.warn(
            "tei_dropped",
            f"meeting {excerpt(shown or '')} (n={excerpt(number or '')}) names no numbering "
            "level (expected @ana with parla.term, parla.session, parla.sitting or "
            "parla.meeting); dropped",
            meeting,
        )
        return
    entry: dict[str, Any] = {"level": level}
    if number:
        entry["number"] = number
    if shown:
        entry["label"] = shown
    bodies = pointer_tokens(meeting.get("corresp"))
    body = organisation_id(context, bodies[0], meeting) if bodies else None
    if body is not None:
        entry["body"] = body
    context.sitting.setdefault("numbering", []).append(entry)


def _agenda(context: Context, abstract: etree._Element) -> None:
    lists = [e for e in abstract.iter(T + "list") if e.get("type") == "agenda"]
    if not lists:
        context.warn("tei_dropped", "the abstract (not an agenda list) is dropped", abstract)
        return
    for item in lists[0].iterchildren(T + "item"):
        title = find(item, T + "title")
        value = clean_line(all_text(title if title is not None else item))
        if value is None:
            context.warn("tei_dropped", "an empty agenda item dropped", item)
            continue
        entry: dict[str, Any] = {"title": value}
        number = clean_name(item.get("n") or "")
        if number:
            entry["number"] = number
        context.sitting.setdefault("agenda", []).append(entry)


def _setting(context: Context, header: etree._Element) -> None:
    setting = find(header, T + "profileDesc", T + "settingDesc", T + "setting")
    places = []
    date_element = None
    if setting is not None:
        for child in child_elements(setting):
            kind = child.get("type")
            if child.tag == T + "date" and kind == "end":
                _end(context, child)
            elif child.tag == T + "date" and date_element is None:
                date_element = child
                if child.get("to"):
                    _end(context, child, "to")
            elif child.tag == T + "orgName" and kind == "body" and child.get("ref"):
                refs = pointer_tokens(child.get("ref"))
                body = organisation_id(context, refs[0], child) if refs else None
                if body is not None:
                    context.sitting["body"] = body
            elif child.tag == T + "name" and kind == BODY_NAME and child.get("key"):
                body = organisation_id(context, child.get("key") or "", child)
                if body is not None:
                    context.sitting["body"] = body
            elif child.tag == T + "name" and kind == "participant" and child.get("key"):
                _attending(context, child)
            elif child.tag == T + "name" and kind == MENTIONED_NAME and child.get("key"):
                participant_id(context, child.get("key") or "", child)
            elif child.tag == T + "name" and kind == ORGANISATION_NAME and child.get("key"):
                organisation_id(context, child.get("key") or "", child)
            elif child.tag == T + "name" and kind == NO_SETTING_NAME:
                continue
            elif child.tag in (T + "name", T + "placeName", T + "orgName"):
                value = context.name(all_text(child), child, "the place")
                if value:
                    places.append((kind, value))
    own = [v for k, v in places if k == "place"]
    place = ", ".join(own or [v for _, v in places]) or None
    if place:
        context.event["place"] = clean_name(place)
    if date_element is None:
        date_element = find(header, T + "fileDesc", T + "sourceDesc", T + "bibl", T + "date")
    parsed = _when(date_element)
    published = find(header, T + "fileDesc", T + "publicationStmt", T + "date")
    if parsed is None and (parsed := _when(published)) is not None:
        context.warn(
            "tei_date_published",
            "no date of the sitting (profileDesc/settingDesc/setting/date) or its source: the "
            "publication date (publicationStmt/date) is taken for it",
            published,
        )
    if parsed is None:
        raise TranscriptError.single(
            "tei_date",
            "no event date found (expected profileDesc/settingDesc/setting/date/@when as an "
            "ISO date)",
            context.origin,
            line_of(date_element if date_element is not None else header),
        )
    date, time, offset = parsed
    context.event["date"] = date
    if time is not None:
        context.event["time"] = time
    if offset is not None:
        if _OFFSET.match(offset):
            context.event["utc_offset"] = offset
        else:
            context.warn("tei_dropped", f"UTC offset {excerpt(offset)} is out of range; dropped")


def _end(context: Context, element: etree._Element, attribute: str = "when") -> None:
    parsed = parse_when(element.get(attribute) or "")
    if parsed is None or parsed[1] is None:
        context.warn("tei_dropped", "an end date without a time dropped", element)
        return
    context.sitting["end"] = f"{parsed[0].isoformat()}T{parsed[1].isoformat()}"


def _when(element: etree._Element | None) -> tuple[Any, Any, str | None] | None:
    """The date, time and offset of a date element; the text can carry an offset XSD cannot."""
    if element is None:
        return None
    # A date given only as content ("<date when="">1949-09-15</date>") is read from it.
    when = element.get("when") or element.get("from") or all_text(element).strip()
    parsed = parse_when(when)
    if parsed is None:
        return None
    shown = parse_when(all_text(element))
    if parsed[2] is None and shown is not None and shown[:2] == parsed[:2] and shown[2]:
        return parsed[0], parsed[1], shown[2]
    return parsed


def _attending(context: Context, name: etree._Element) -> None:
    key = name.get("key") or ""
    model_id = participant_id(context, key, name)
    context.participants[model_id]["attending"] = True


def _source(context: Context, header: etree._Element) -> None:
    bibls = header.findall(f"{T}fileDesc/{T}sourceDesc/{T}bibl")
    for index, bibl in enumerate(bibls):
        urls = [
            i
            for i in bibl.iterchildren(T + "idno")
            if (i.get("type") or "").upper() == "URI"
            and i.get("subtype") != TEI_SUBTYPE
            and _URL.match((i.text or "").strip())
        ]
        if index == 0:
            publisher = find(bibl, T + "publisher")
            if publisher is not None:
                value = context.name(all_text(publisher), publisher, "the publisher")
                if value:
                    context.event["publisher"] = value
            if urls:
                context.event["url"] = (urls[0].text or "").strip()
            date = find(bibl, T + "date")
            parsed = _when(date)
            if parsed is not None and parsed[1] is not None:
                context.event["published"] = f"{parsed[0].isoformat()}T{parsed[1].isoformat()}"
            continue
        title = find(bibl, T + "title")
        value = None
        if title is not None:
            tabs = next(
                (
                    all_text(t)
                    for t in bibl.iterchildren(T + "title")
                    if t.get(XML_LANG) == DESC_TABS
                ),
                None,
            )
            value = clean_line(restore_tabs(all_text(title), tabs))
        if value is None:
            context.warn("tei_dropped", "a source description without a title dropped", bibl)
            continue
        link: dict[str, Any] = {"title": value}
        if urls:
            link["url"] = (urls[0].text or "").strip()
        context.links.append(link)
