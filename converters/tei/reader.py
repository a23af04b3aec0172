"""The TEI reader: our own output back to the identical model, and third-party Parla-CLARIN /
ParlaMint session files as far as their content allows.

One code path reads both. It recognises the writer's conventions (note types, ``tm.*``
categories) wherever they appear and maps everything else to the nearest model concept, listing
what it had to drop as warnings with line numbers. Values are kept verbatim when they already
meet the model's rules (so our own output round-trips exactly) and normalised otherwise
(third-party files wrap and indent text).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from lxml import etree
from pydantic import ValidationError

from transcript_model import types
from transcript_model.errors import (
    CappedProblems,
    Problem,
    TranscriptError,
    cap_repeated,
    problems_from_validation_error,
)
from transcript_model.inputs import ReadResult
from transcript_model.model import (
    Transcript,
)

from .common import (
    CAPTION_N,
    EVENT_CATEGORY,
    NOTE_ATTENDEES,
    NOTE_BREAK,
    NOTE_CAPTION,
    NOTE_HEADING,
    NOTE_NARRATIVE,
    NOTE_SEE_ALSO,
    NOTE_SPEAKER,
    NOTE_SUMMARY,
    PARTICIPANT_SUFFIX,
    PREFIX,
    TAXONOMY_FIELD,
    TEI_SUBTYPE,
    XML_ID,
    XML_LANG,
    T,
    parse_when,
)

CorpusRoot = str | bytes | os.PathLike[str]

_LINE = re.compile(types.LINE_PATTERN)
_NAME = re.compile(types.NAME_PATTERN)
_ID = re.compile(types.ID_PATTERN)
_URL = re.compile(types.URL_PATTERN)
_LANGUAGE = re.compile(types.LANGUAGE_PATTERN)
_OFFSET = re.compile(types.UTC_OFFSET_PATTERN)
# Every character the model counts as space, plus what Python does (line breaks included).
_SPACES = re.compile(r"[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF]+")

#: Elements that interrupt an utterance: they become turns of their own between speech parts.
_COMMENTS = frozenset(T + n for n in ("note", "gap", "kinesic", "vocal", "incident"))
#: Elements without content for the model, skipped without a word.
_SILENT = frozenset(
    T + n for n in ("pb", "lb", "cb", "milestone", "anchor", "fw", "timeline", "media")
)
#: Token elements of linguistically annotated (".ana") files.
_TOKENS = frozenset(T + n for n in ("w", "pc"))
# Qualified names of the body elements, built once: the body loop compares every element's tag
# with them, and building each name per comparison cost a tenth of reading.
_DIV, _U, _NOTE, _HEAD, _GAP, _DESC, _SEG, _S = (
    T + n for n in ("div", "u", "note", "head", "gap", "desc", "seg", "s")
)
_CATEGORY, _TAXONOMY, _CAT_DESC, _TERM = (
    T + n for n in ("category", "taxonomy", "catDesc", "term")
)


def _is_line(value: str) -> bool:
    """Whether text parsed from XML is a model Line, without the (slower) regular expression.

    XML text cannot hold the C0 controls the model forbids, so what is left to check is the
    line breaks and the space at either end.
    """
    return bool(
        value
        and not value[0].isspace()
        and not value[-1].isspace()
        and value[0] != "\ufeff"
        and value[-1] != "\ufeff"
        # Five substring tests are ten times faster than one regular-expression search.
        and "\n" not in value
        and "\r" not in value
        and "\x85" not in value
        and "\u2028" not in value
        and "\u2029" not in value
    )


def clean_line(value: str) -> str | None:
    """The value as a model Line: verbatim when it is one, else with whitespace collapsed."""
    if _is_line(value) or _LINE.match(value):
        return value
    collapsed = _SPACES.sub(" ", value).strip()
    return collapsed if collapsed and _LINE.match(collapsed) else None


def _is_name(value: str) -> bool:
    """Whether ``value`` is a model Name, tested without the (slower) regular expression;
    False may also mean "not sure" (a character Python does not count as printable).

    Every character the Name pattern refuses but the ordinary space (line breaks, other
    spaces, U+FEFF, controls) is one Python does not count as printable.
    """
    return bool(
        value and value.isprintable() and value[0] != " " and value[-1] != " " and "  " not in value
    )


def clean_name(value: str) -> str | None:
    """The value as a model Name: whitespace runs become single spaces."""
    if _is_name(value) or _NAME.match(value):
        return value
    collapsed = _SPACES.sub(" ", value).strip()
    return collapsed if collapsed and _NAME.match(collapsed) else None


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag[len(T) :] if isinstance(tag, str) and tag.startswith(T) else str(tag)


def _elements(parent: etree._Element) -> Iterator[etree._Element]:
    # Skips comments and processing instructions, in C.
    return parent.iterchildren(etree.Element)


def _tokens(value: str | None) -> list[str]:
    if not value:
        return []
    if value[0] == "#" and " " not in value and "\t" not in value:
        return [value[1:]]
    return [t.split("#", 1)[1] if "#" in t else t for t in (value or "").split()]


def line_of(element: etree._Element | None) -> int | None:
    """The element's line in the input (lxml-stubs type it loosely)."""
    line = element.sourceline if element is not None else None
    return line if isinstance(line, int) else None


def _all_text(element: etree._Element) -> str:
    if not len(element):
        return element.text or ""
    return "".join(str(piece) for piece in element.itertext())


@dataclass
class _Ids:
    """Maps the ids of a TEI file to model ids, deterministically and one-to-one."""

    mapped: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    #: The last number given to each base id: thousands of ids mapping to one base made each
    #: new one count past all the numbers before it.
    numbers: dict[str, int] = field(default_factory=dict)

    def get(self, raw: str) -> tuple[str, bool]:
        """The model id for ``raw`` and whether it differs from ``raw``."""
        known = self.mapped.get(raw)
        if known is not None:
            return known, known != raw
        if raw.endswith(PARTICIPANT_SUFFIX) and _ID.match(raw[: -len(PARTICIPANT_SUFFIX)]):
            raw_id = raw[: -len(PARTICIPANT_SUFFIX)]
            if raw_id not in self.used:
                self.used.add(raw_id)
                self.mapped[raw] = raw_id
                return raw_id, False
        candidate = (
            raw if _ID.match(raw) else "".join(c if _ID.match("a" + c) else "_" for c in raw)
        )
        if not _ID.match(candidate):
            candidate = "_" + candidate
            if not _ID.match(candidate):
                candidate = "_"
        base = candidate
        number = self.numbers.get(base, 1)
        while candidate in self.used:
            number += 1
            candidate = f"{base}-{number}"
        self.numbers[base] = number
        self.used.add(candidate)
        self.mapped[raw] = candidate
        return candidate, candidate != raw


@dataclass
class _Context:
    """What reading one document collects."""

    origin: str
    profiled: bool = False
    persons: dict[str, etree._Element] = field(default_factory=dict)
    local_persons: list[str] = field(default_factory=list)
    categories: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: At most a hundred of one code: a file of a million empty notes is a million warnings.
    warnings: CappedProblems = field(default_factory=CappedProblems)
    ids: _Ids = field(default_factory=_Ids)
    participants: dict[str, dict[str, Any]] = field(default_factory=dict)
    turns: list[dict[str, Any]] = field(default_factory=list)
    event: dict[str, Any] = field(default_factory=dict)
    captions: list[dict[str, Any]] = field(default_factory=list)
    dropped_ana: set[str] = field(default_factory=set)
    links: list[dict[str, Any]] = field(default_factory=list)
    narrative: dict[str, Any] | None = None
    placed_links: dict[int, dict[str, Any]] = field(default_factory=dict)

    def warn(self, code: str, message: str, element: etree._Element | None = None) -> None:
        line = line_of(element)
        self.warnings.append(Problem(code, message, self.origin, line, severity="warning"))

    def role_of(self, token: str) -> tuple[str | None, str | None]:
        return self.categories.get(token, (None, None))


def collect_persons(root: etree._Element, into: dict[str, etree._Element]) -> list[str]:
    """Index every ``person`` with an xml:id under ``root``; return the new ids in order."""
    added = []
    for person in root.iter(T + "person"):
        pid = person.get(XML_ID)
        if pid and pid not in into:
            into[pid] = person
            added.append(pid)
    return added


def collect_categories(
    root: etree._Element, into: dict[str, tuple[str | None, str | None]]
) -> None:
    """Index every ``category`` by xml:id as (taxonomy id, term)."""
    for category in root.iter(_CATEGORY):
        cid = category.get(XML_ID)
        if not cid or cid in into:
            continue
        taxonomy = next(category.iterancestors(_TAXONOMY), None)
        term = find(category, _CAT_DESC, _TERM)
        if term is None:
            term = find(category, _CAT_DESC)
        into[cid] = (
            taxonomy.get(XML_ID) if taxonomy is not None else None,
            _all_text(term) if term is not None else None,
        )


def find(parent: etree._Element, *tags: str) -> etree._Element | None:
    """``parent.find("a/b")`` for a path of qualified names, with the same (first) match.

    ElementPath parses and runs each path in Python; following child iterators filtered in C
    takes a third of the time, which counts for the few dozen lookups of every document.
    """
    first, rest = tags[0], tags[1:]
    for child in parent.iterchildren(first):
        found = find(child, *rest) if rest else child
        if found is not None:
            return found
    return None


def read_tree(
    tree: etree._ElementTree,
    origin: str,
    corpus: etree._Element | None = None,
    corpus_warnings: list[Problem] | None = None,
    *,
    profiled: bool = False,
) -> ReadResult:
    """Read one parsed TEI document into a transcript.

    ``profiled`` says the document passed the quick route of the project profile check
    (``_tei_profile.conforms``): then every utterance holds only segs of one Line each, and
    they are read without testing so again.
    """
    root = tree.getroot()
    if root.tag != T + "TEI":
        found = "a corpus root (teiCorpus)" if root.tag == T + "teiCorpus" else f"<{root.tag}>"
        raise TranscriptError.single(
            "tei_root",
            f"expected a TEI document with root <TEI> in the TEI namespace, found {found}",
            origin,
            line_of(root),
        )
    context = _Context(origin, profiled=profiled)
    context.warnings.extend(corpus_warnings or [])
    # Person lists and taxonomies live in the header; searching only there saves a tree walk.
    header = find(root, T + "teiHeader")
    scope = header if header is not None else root
    context.local_persons = collect_persons(scope, context.persons)
    collect_categories(scope, context.categories)
    if corpus is not None:
        collect_persons(corpus, context.persons)
        collect_categories(corpus, context.categories)
    transcript_id = _document_id(context, root)
    for pid in context.local_persons:
        _participant(context, pid, context.persons[pid])
    language = _language(context, root)
    tags = _header(context, root)
    _body(context, root)
    return _build(context, root, transcript_id, language, tags)


def _document_id(context: _Context, root: etree._Element) -> str:
    raw = root.get(XML_ID)
    if raw and _ID.match(raw):
        return raw
    stem = Path(context.origin).name.split(".")[0] if context.origin != "<input>" else ""
    candidate = _Ids().get(raw or stem or "transcript")[0]
    context.warn(
        "tei_id_mapped",
        f"the document id {raw!r} is not a valid model id; {candidate!r} is used"
        if raw
        else f"the document has no xml:id; {candidate!r} is used",
        root,
    )
    return candidate


def _language(context: _Context, root: etree._Element) -> str:
    raw = root.get(XML_LANG) or ""
    if _LANGUAGE.match(raw):
        return raw
    context.warn(
        "tei_language",
        f"xml:lang {raw!r} is not a BCP 47 tag the model accepts; 'und' (undetermined) is used",
        root,
    )
    return "und"


def _header(context: _Context, root: etree._Element) -> dict[str, list[str]]:
    header = find(root, T + "teiHeader")
    if header is None:
        raise TranscriptError.single(
            "tei_header", "the TEI document has no teiHeader", context.origin, line_of(root)
        )
    _title(context, header, root.get(XML_LANG))
    _setting(context, header)
    _source(context, header)
    licence = find(header, T + "fileDesc", T + "publicationStmt", T + "availability", T + "licence")
    if licence is not None:
        value = clean_name(_all_text(licence)) or clean_name(licence.get("target") or "")
        if value:
            context.event["licence"] = value
        else:
            context.warn("tei_dropped", "the licence is empty or not one line; dropped", licence)
    tags: dict[str, list[str]] = {}
    text = find(root, T + "text")
    for holder in (root, text):
        if holder is None:
            continue
        for token in _tokens(holder.get("ana")):
            taxonomy, term = context.role_of(token)
            name = TAXONOMY_FIELD.get(taxonomy or "")
            value = clean_name(term or "")
            if name and name != "roles" and value:
                tags.setdefault(name, []).append(value)
    return tags


def _title(context: _Context, header: etree._Element, language: str | None) -> None:
    statement = find(header, T + "fileDesc", T + "titleStmt")
    titles = [] if statement is None else list(statement.iterchildren(T + "title"))
    mains = [t for t in titles if t.get("type", "main") == "main"] or titles
    chosen = next((t for t in mains if t.get(XML_LANG) in (None, language)), None)
    if chosen is None and mains:
        chosen = mains[0]
    title = clean_name(_all_text(chosen)) if chosen is not None else None
    if title is None:
        raise TranscriptError.single(
            "tei_title",
            "the teiHeader has no usable title (expected fileDesc/titleStmt/title)",
            context.origin,
            line_of(header),
        )
    context.event["title"] = title
    dropped = [t for t in titles if t is not chosen]
    if dropped:
        context.warn(
            "tei_dropped",
            f"{len(dropped)} further title(s) dropped: the model holds one title",
            dropped[0],
        )
    if statement is not None:
        for meeting in statement.iterchildren(T + "meeting"):
            if EVENT_CATEGORY in _tokens(meeting.get("ana")):
                if meeting.get("n"):
                    context.event["identifier"] = clean_name(meeting.get("n") or "")
            else:
                shown = clean_name(_all_text(meeting)) or ""
                context.warn(
                    "tei_dropped",
                    f"meeting {shown!r} (n={meeting.get('n')!r}) has no place in the model",
                    meeting,
                )
    abstract = find(header, T + "profileDesc", T + "abstract")
    if abstract is not None:
        context.warn("tei_dropped", "the abstract (e.g. an agenda) is dropped", abstract)


def _setting(context: _Context, header: etree._Element) -> None:
    setting = find(header, T + "profileDesc", T + "settingDesc", T + "setting")
    places = []
    date_element = None
    if setting is not None:
        for child in _elements(setting):
            kind = child.get("type")
            if child.tag == T + "date" and date_element is None:
                date_element = child
            elif child.tag == T + "name" and kind == "participant" and child.get("key"):
                _attending(context, child)
            elif child.tag in (T + "name", T + "placeName", T + "orgName"):
                value = clean_name(_all_text(child))
                if value:
                    places.append((kind, value))
    own = [v for k, v in places if k == "place"]
    place = ", ".join(own or [v for _, v in places]) or None
    if place:
        context.event["place"] = clean_name(place)
    if date_element is None:
        date_element = find(header, T + "fileDesc", T + "sourceDesc", T + "bibl", T + "date")
    parsed = _when(date_element)
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
            context.warn("tei_dropped", f"UTC offset {offset!r} is out of range; dropped")


def _when(element: etree._Element | None) -> tuple[Any, Any, str | None] | None:
    """The date, time and offset of a date element; the text can carry an offset XSD cannot."""
    if element is None:
        return None
    when = element.get("when") or element.get("from") or ""
    parsed = parse_when(when)
    if parsed is None:
        return None
    shown = parse_when(_all_text(element))
    if parsed[2] is None and shown is not None and shown[:2] == parsed[:2] and shown[2]:
        return parsed[0], parsed[1], shown[2]
    return parsed


def _attending(context: _Context, name: etree._Element) -> None:
    key = name.get("key") or ""
    model_id = _participant(context, key, name)
    context.participants[model_id]["attending"] = True


def _source(context: _Context, header: etree._Element) -> None:
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
                value = clean_name(_all_text(publisher))
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
        value = clean_line(_all_text(title)) if title is not None else None
        if value is None:
            context.warn("tei_dropped", "a source description without a title dropped", bibl)
            continue
        link: dict[str, Any] = {"title": value}
        if urls:
            link["url"] = (urls[0].text or "").strip()
        context.links.append(link)


def _participant(context: _Context, raw: str, where: etree._Element | None) -> str:
    """The model id for person ``raw``, adding the participant on first mention."""
    known = context.ids.mapped.get(raw)
    if known is not None and known in context.participants:
        return known
    model_id, changed = context.ids.get(raw)
    if model_id in context.participants:
        return model_id
    if changed:
        context.warn("tei_id_mapped", f"person id {raw!r} is read as {model_id!r}", where)
    person = context.persons.get(raw)
    entry: dict[str, Any] = {"id": model_id}
    if person is None:
        context.warn(
            "tei_unknown_person",
            f"no person with xml:id {raw!r} in the file or the corpus root; its id is used as "
            "the name",
            where,
        )
        entry["name"] = clean_name(raw) or model_id
    else:
        _person_fields(context, person, entry, model_id)
    context.participants[model_id] = entry
    return model_id


def _person_fields(
    context: _Context, person: etree._Element, entry: dict[str, Any], model_id: str
) -> None:
    names = list(person.iterchildren(T + "persName"))
    if names:
        entry["name"] = _person_name(names[0])
    roles = [clean_name(_all_text(o)) for o in person.iterchildren(T + "occupation")]
    roles = [r for r in roles if r]
    if roles:
        entry["role"] = roles[0]
    if len(names) > 1 or len(roles) > 1:
        context.warn(
            "tei_dropped",
            f"person {model_id!r}: only the first name and occupation are kept",
            person,
        )
    term = find(names[0], T + "term") if len(names) == 1 else None
    if term is not None and roles and entry.get("name") == roles[0]:
        # ParlaMint packaging names a role-only participant by its role (persName is required).
        entry["name"] = None
    if entry.get("name") is None and entry.get("role") is None:
        entry["name"] = model_id


def _person_name(element: etree._Element) -> str | None:
    """A name in natural order: forenames, name links, surnames; else the whole text."""
    parts: dict[str, list[str]] = {"forename": [], "nameLink": [], "surname": [], "term": []}
    for child in element.iter():
        local = _local(child)
        if local in parts:
            parts[local].append(_all_text(child))
    ordered = parts["forename"] + parts["nameLink"] + parts["surname"]
    if ordered:
        return clean_name(" ".join(ordered))
    if parts["term"]:
        return clean_name(" ".join(parts["term"]))
    return clean_name(_all_text(element))


def _body(context: _Context, root: etree._Element) -> None:
    text = find(root, T + "text")
    if text is None:
        context.warn("tei_no_text", "the document has no text element: no turns", root)
        return
    for part in _elements(text):
        if part.tag == T + "front":
            for child in _elements(part):
                _block(context, child, first=True)
        elif part.tag == T + "body":
            divs = 0
            for child in _elements(part):
                if child.tag == T + "div":
                    divs += _division(context, child, divs == 0)
                else:
                    _block(context, child, first=True)
        elif part.tag == T + "back":
            context.warn("tei_dropped", "the back matter (text/back) is dropped", part)


def _division(context: _Context, div: etree._Element, first: bool) -> int:
    """Read one div (and the divs it nests); return how many sections it made."""
    children = list(_elements(div))
    if find(div, _DIV) is not None:
        made = 0
        for child in children:
            if child.tag == _DIV:
                made += _division(context, child, first and made == 0)
            else:
                _element(context, child, None)
        return made
    opens_with_break = bool(
        children and children[0].tag == _NOTE and children[0].get("type") == NOTE_BREAK
    )
    if not first and not opens_with_break:
        context.turns.append({"kind": "break"})
    label: tuple[str, etree._Element] | None = None
    for child in children:
        label = _element(context, child, label)
    _dangling(context, label)
    return 1


def _block(context: _Context, element: etree._Element, first: bool) -> None:
    if element.tag == _DIV:
        _division(context, element, first)
    else:
        _dangling(context, _element(context, element, None))


def _dangling(context: _Context, label: tuple[str, etree._Element] | None) -> None:
    if label is not None:
        context.warn(
            "tei_dropped",
            f"speaker label {label[0]!r} is not followed by an utterance; dropped",
            label[1],
        )


def _element(
    context: _Context, element: etree._Element, label: tuple[str, etree._Element] | None
) -> tuple[str, etree._Element] | None:
    """Read one element of a div; return the pending speaker label, if any."""
    tag = element.tag
    if tag == _U:
        _utterance(context, element, label[0] if label else None)
        return None
    if label is not None:
        _dangling(context, label)
    if tag == _NOTE:
        return _note(context, element)
    if tag == _HEAD:
        _text_turn(context, "heading", element)
    elif tag in _COMMENTS:
        _comment(context, element)
    elif tag not in _SILENT:
        context.warn(
            "tei_dropped", f"<{_local(element)}> in the body has no place in the model", element
        )
    return None


def _note(context: _Context, note: etree._Element) -> tuple[str, etree._Element] | None:
    """Read a note of a div: a speaker label (returned, pending), front matter or a turn."""
    kind = note.get("type")
    if kind == NOTE_SPEAKER:
        value = clean_name(_all_text(note))
        value = value[:-1].rstrip() if value and value.endswith(":") else value
        if value:
            return value, note
        context.warn("tei_dropped", "an empty speaker label dropped", note)
        return None
    if _front_note(context, note, kind):
        return None
    if kind == NOTE_NARRATIVE:
        _narrative_note(context, note)
    elif kind == NOTE_HEADING:
        _text_turn(context, "heading", note)
    elif kind == NOTE_BREAK:
        marker = clean_line(_all_text(note))
        context.turns.append({"kind": "break", "marker": marker} if marker else {"kind": "break"})
    else:
        _comment(context, note)
    return None


def _front_note(context: _Context, note: etree._Element, kind: str | None) -> bool:
    if kind == NOTE_SUMMARY and "lead" not in context.event:
        value = clean_line(_all_text(note))
        if value:
            context.event["lead"] = value
            return True
    elif kind == NOTE_ATTENDEES and "attendees_intro" not in context.event:
        value = clean_line(_all_text(note))
        if value:
            context.event["attendees_intro"] = value
            return True
    elif kind == NOTE_SEE_ALSO:
        value = clean_line(_all_text(note))
        position = note.get("n") or ""
        if value and position.isdigit() and int(position) not in context.placed_links:
            context.placed_links[int(position)] = {"title": value}
            return True
    elif kind == NOTE_CAPTION:
        match = CAPTION_N.match(note.get("n") or "")
        if match and 1 <= int(match.group(1)) <= int(match.group(2)):
            caption: dict[str, Any] = {"index": int(match.group(1)), "total": int(match.group(2))}
            value = clean_line(_all_text(note))
            if value:
                caption["text"] = value
            context.captions.append(caption)
            return True
    return False


def _narrative_note(context: _Context, note: etree._Element) -> None:
    """A paragraph of narrative: continues the narrative just before it unless numbered 1."""
    value = clean_line(_all_text(note))
    if not value:
        context.warn("tei_dropped", "an empty narrative note dropped", note)
        return
    last = context.turns[-1] if context.turns else None
    if note.get("n") != "1" and last is not None and last is context.narrative:
        last["paragraphs"].append(value)
    else:
        context.narrative = {"kind": "narrative", "paragraphs": [value]}
        context.turns.append(context.narrative)


def _text_turn(context: _Context, kind: str, element: etree._Element) -> None:
    value = clean_line(_all_text(element))
    if value:
        context.turns.append({"kind": kind, "text": value})
    else:
        context.warn("tei_dropped", f"an empty <{_local(element)}> dropped", element)


def _comment(context: _Context, element: etree._Element) -> None:
    """A note, gap, kinesic, vocal or incident: an omission or a stage direction."""
    tag = element.tag
    # A note's own text is the direction; the others may describe themselves in a desc.
    desc = find(element, _DESC) if tag != _NOTE else None
    if tag == _GAP:
        shown = clean_line(_all_text(desc)) if desc is not None else None
        reason = clean_line(element.get("reason") or "")
        marker = shown or (f"[{reason}]" if reason else None)
        context.turns.append(
            {"kind": "omission", "marker": marker} if marker else {"kind": "omission"}
        )
        return
    if tag == _NOTE and element.get("type") == NOTE_SPEAKER:
        context.warn("tei_dropped", "a speaker label inside an utterance dropped", element)
        return
    source = desc if desc is not None else element
    value = clean_line(_all_text(source))
    if value:
        context.turns.append({"kind": "stage", "text": value})
    else:
        context.warn("tei_dropped", f"an empty <{_local(element)}> dropped", element)


@dataclass
class _Speech:
    """Collects the paragraphs of one utterance, split where comments interrupt it."""

    context: _Context
    base: dict[str, Any]
    label: str | None
    paragraphs: list[str] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    parts: int = 0

    def end_paragraph(self) -> None:
        value = clean_line("".join(self.buffer)) if self.buffer else None
        if value:
            self.paragraphs.append(value)
        self.buffer = []

    def flush(self) -> None:
        self.end_paragraph()
        if not self.paragraphs:
            return
        turn = {**self.base, "paragraphs": self.paragraphs}
        # A continuation after an interruption has no new label, unless it has no speaker.
        continued = self.parts > 0 and "speaker" in self.base
        if self.base["kind"] == "speech" and self.label is not None and not continued:
            turn["label"] = self.label
        self.context.turns.append(turn)
        self.parts += 1
        self.paragraphs = []

    def interrupt(self, element: etree._Element) -> None:
        self.flush()
        _comment(self.context, element)


def _plain(u: etree._Element) -> list[str] | None:
    """The paragraphs of ``u`` when it holds only ``seg`` elements of plain text (all the
    writer produces), else None."""
    if u.text and not u.text.isspace():
        return None
    # Selecting the segs by name in C spares reading every child's tag from Python.
    segs = list(u.iterchildren(_SEG))
    if len(segs) != len(u):
        return None
    paragraphs = []
    for seg in segs:
        tail = seg.tail
        if len(seg) or (tail and not tail.isspace()):
            return None
        value = seg.text or ""
        if _is_line(value):
            paragraphs.append(value)
        else:
            cleaned = clean_line(value)
            if cleaned:
                paragraphs.append(cleaned)
    return paragraphs


def _segs(u: etree._Element) -> list[str]:
    """The paragraphs of ``u`` in a document that passed the quick profile check.

    The profile holds an utterance to segs of one Line each (whitespace between them), and
    the quick route refuses comments and processing instructions: what :func:`_plain` tests
    seg by seg is known, and a third of reading went into testing it.
    """
    return cast("list[str]", [seg.text for seg in u])


def _utterance(context: _Context, u: etree._Element, label: str | None) -> None:
    tokens = _tokens(u.get("ana"))
    who = _tokens(u.get("who"))
    base: dict[str, Any]
    if not who and label is None:
        base = {"kind": "narrative"}
    else:
        base = {"kind": "speech"}
        if who:
            base["speaker"] = _participant(context, who[0], u)
            if len(who) > 1:
                context.warn(
                    "tei_dropped", "an utterance by several speakers: only the first kept", u
                )
        roles = []
        for token in tokens:
            taxonomy, term = context.role_of(token)
            if taxonomy == "tm.role":
                roles.append(clean_name(term or ""))
            elif not token.startswith(PREFIX) and token not in context.dropped_ana:
                context.dropped_ana.add(token)
                context.warn(
                    "tei_dropped",
                    f"utterance analysis {token!r} (e.g. a speaker type) has no place in the "
                    "model; dropped here and wherever else it occurs",
                    u,
                )
        if roles and roles[0]:
            base["role"] = roles[0]
    paragraphs = _segs(u) if context.profiled else _plain(u)
    if paragraphs is not None:
        if paragraphs:
            base["paragraphs"] = paragraphs
            if label is not None and base["kind"] == "speech":
                base["label"] = label
            context.turns.append(base)
        else:
            context.warn("tei_dropped", "an utterance without text dropped", u)
        return
    speech = _Speech(context, base, label)
    if u.text and u.text.strip():
        speech.buffer.append(u.text)
    for child in _elements(u):
        tag = child.tag
        if tag in (_SEG, _S):
            speech.end_paragraph()
            _inline(speech, child)
            speech.end_paragraph()
        elif tag in _COMMENTS:
            speech.interrupt(child)
        elif tag not in _SILENT:
            _inline(speech, child)
        if child.tail and child.tail.strip():
            speech.buffer.append(child.tail)
    speech.flush()
    if speech.parts == 0:
        context.warn("tei_dropped", "an utterance without text dropped", u)


def _inline(speech: _Speech, element: etree._Element) -> None:
    """Gather the text of ``element``; comments inside it split the speech."""
    if element.text:
        speech.buffer.append(element.text)
    for child in _elements(element):
        if child.tag in _COMMENTS:
            speech.interrupt(child)
        elif child.tag not in _SILENT:
            _inline(speech, child)
            if child.tag in _TOKENS and child.get("join") != "right":
                speech.buffer.append(" ")
        if child.tail:
            speech.buffer.append(child.tail)


def _links(context: _Context) -> list[dict[str, Any]]:
    """See-also links: notes at their recorded positions, bibl links filling the rest."""
    # The same order as inserting each placed link at its position in turn, built in one pass:
    # inserting into a growing list was quadratic in the number of notes.
    links: list[dict[str, Any]] = []
    unplaced = iter(context.links)
    for position in sorted(context.placed_links):
        while len(links) < position - 1:
            following = next(unplaced, None)
            if following is None:
                break
            links.append(following)
        links.append(context.placed_links[position])
    links.extend(unplaced)
    return links


def _build(
    context: _Context,
    root: etree._Element,
    transcript_id: str,
    language: str,
    tags: dict[str, list[str]],
) -> ReadResult:
    event_fields = ("title", "lead", "date", "time", "utc_offset", "place", "attendees_intro")
    event = {k: v for k, v in context.event.items() if k in event_fields}
    participants = list(context.participants.values())
    if any(p.get("attending") for p in participants) and "attendees_intro" not in event:
        context.warn(
            "tei_dropped", "attendees are listed but no attendee sentence: attendance dropped"
        )
        for p in participants:
            p.pop("attending", None)
    for p in participants:
        if p.get("attending") and not p.get("name"):
            p.pop("attending")
    source = {k: context.event[k] for k in ("url", "publisher", "identifier") if k in context.event}
    metadata: dict[str, Any] = {"source": source, **tags, "captions": context.captions}
    see_also = _links(context)
    if see_also:
        metadata["see_also"] = see_also
    for key in ("licence", "published"):
        if key in context.event:
            metadata[key] = context.event[key]
    try:
        transcript = Transcript.model_validate(
            {
                "id": transcript_id,
                "language": language,
                "event": event,
                "participants": participants,
                "turns": context.turns,
                "metadata": metadata,
            }
        )
    except ValidationError as error:
        problems = problems_from_validation_error(error, context.origin)
        raise TranscriptError(cap_repeated(problems)) from None
    return ReadResult([transcript], context.warnings.result())
