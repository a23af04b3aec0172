"""The Akoma Ntoso reader: our own 3.0 output back to the identical model, and third-party
debates (3.0, its committee drafts, and the 2.0 namespace of SayIt-era files) as far as their
content allows, with a located warning for everything dropped.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from lxml import etree
from pydantic import ValidationError

from transcript_model.errors import (
    CappedProblems,
    Problem,
    TranscriptError,
    cap_repeated,
    problems_from_validation_error,
)
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult
from transcript_model.model import Transcript
from transcript_model.types import ID_PATTERN, LANGUAGE_PATTERN, URL_PATTERN, UTC_OFFSET_PATTERN

from .._xml.safe import parse_xml
from .common import (
    AKN10,
    AKN20,
    AKN30,
    AKN30_DRAFT_PREFIX,
    CLASS_CONTINUATION,
    CLASS_COUNTER,
    CLASS_OMISSION,
    CLASS_SEPARATOR,
    CLASS_SUMMARY,
    CONTAINER_PARTICIPANTS,
    CONTAINER_PHOTO,
    DICTIONARIES,
    LANG2,
    SEE_ALSO,
    TM,
    line_of,
    reference_key,
)

_DOCUMENT_TYPES = ("debate", "debateRecord", "debateReport")
#: The speechSection group of the XSD: sections of a debate, all read the same way.
_SECTIONS = frozenset(
    "administrationOfOath rollCall prayers oralStatements writtenStatements personalStatements "
    "ministerialStatements resolutions nationalInterest declarationOfVote communication "
    "petitions papers noticesOfMotion questions address proceduralMotions pointOfOrder "
    "adjournment debateSection debateBody conclusions".split()
)
_WRAPPERS = frozenset({"speechGroup", "container", "blockContainer", "div"})
_SPEECHES = frozenset({"speech", "question", "answer", "other"})
_LISTS = frozenset({"ul", "ol", "blockList"})
_BLOCKS = frozenset(
    {"p", "heading", "num", "subheading", "narrative", "scene", "summary", "ul", "ol", "table"}
    | _SECTIONS
    | _WRAPPERS
    | _SPEECHES
)
_NOTES = frozenset({"authorialNote", "noteRef", "note", "popup"})
_BREAKING = frozenset({"eol", "eop", "br"})
_LINE_BREAK = re.compile(r"[\s\ufeff]*[\n\r\u2028\u2029\x85][\s\ufeff]*")
_EDGES = re.compile(r"^[\s\ufeff]+|[\s\ufeff]+$")
_URL = re.compile(URL_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_OFFSET = re.compile(UTC_OFFSET_PATTERN)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_COUNTER = re.compile(r"([0-9]+) of ([0-9]+)")
_TIME = re.compile(
    r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2}T)?([0-9]{2}:[0-9]{2}(?::[0-9]{2})?)(?:\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?"
)


def as_line(value: str) -> str | None:
    """One line of text, as the model wants it: pretty-printing line breaks become spaces."""
    # Called for every paragraph: plain substring tests and str.strip (which strips exactly
    # what \s matches) are ~30x faster than the regexes, which stay for the rare cases.
    if not value or value.isspace():
        return None  # the indentation between pretty-printed elements, most often
    # The line breaks _LINE_BREAK replaces, tested inline: a call per paragraph costs more.
    if "\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value or "\x85" in value:
        value = _LINE_BREAK.sub(" ", value)
    value = value.strip()
    if "\ufeff" in value:  # only a BOM at an edge is stripped; the test is cheaper anywhere
        value = _EDGES.sub("", value)
    return value or None


def as_name(value: str) -> str | None:
    """A name: words separated by single spaces."""
    return " ".join(value.replace("\ufeff", " ").split()) or None


def as_identifier(value: str) -> str:
    """Map any string to a model identifier, deterministically (invalid characters → "-")."""
    pattern = _id_pattern()
    chars = [c if pattern.fullmatch("a" + c) else "-" for c in value]
    result = "".join(chars)
    if not result or not pattern.fullmatch(result[0]):
        result = "_" + result
    return result


@functools.cache
def _id_pattern() -> re.Pattern[str]:
    # Compiled on first use: its Unicode classes take ~6 ms, and only third-party documents
    # need it (our own carry model ids), so `transcript validate` on our files never does.
    return re.compile(ID_PATTERN)


def _local(element: Any) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):
        return None  # comments and processing instructions
    # "{namespace}name" or "name"; a name holds no "}". Cheaper than building an etree.QName.
    return tag.rpartition("}")[2]


class _Reader:
    """State of one read: the document, its references, the turns so far, the warnings."""

    def __init__(
        self, tree: etree._ElementTree, origin: str, default_date: dt.date | None = None
    ) -> None:
        self.origin = origin
        self.default_date = default_date
        self.root = tree.getroot()
        self.ns = etree.QName(self.root).namespace or ""
        self.prefix = f"{{{self.ns}}}"  # of every tag in the document's namespace
        self.tag_p = self.q("p")
        self.tag_speech = self.q("speech")
        self.tag_from = self.q("from")
        self.tag_ins = self.q("ins")
        if not _is_akn(self.ns) or etree.QName(self.root).localname != "akomaNtoso":
            raise TranscriptError.single(
                "akn_root",
                "expected an Akoma Ntoso document (root element akomaNtoso in the 3.0 or 2.0 "
                f"namespace), found {etree.QName(self.root).localname!r} in "
                f"{self.ns or 'no namespace'!r}",
                origin,
                line_of(self.root),
            )
        #: At most a hundred of one code: a file of a million empty speeches is a million warnings.
        self.warnings = CappedProblems()
        self.doc = self._document()
        self.meta = self.doc.find(self.q("meta"))
        self.own = self._find_own()
        self.refs = self._references()
        self.turns: list[dict[str, Any]] = []
        self.people: dict[str, dict[str, Any]] = {}  # reference eId → participant dict
        # The same participants by model id, and the next suffix to try for a base id: a
        # document of many speakers made every lookup and every new id scan them all.
        self.people_by_id: dict[str, dict[str, Any]] = {}
        self.next_suffix: dict[str, int] = {}
        self.pending_num: str | None = None
        self.participant_list: list[dict[str, Any]] = []
        #: True at the start of a section: paragraphs do not continue a passage across it.
        self.boundary = True

    # -- helpers -----------------------------------------------------------------------------

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name

    def mine(self, element: Any) -> str | None:
        """The local name of an element of the document's AKN namespace, else None."""
        tag = element.tag
        if not isinstance(tag, str):
            return None
        if not self.ns:  # SayIt's import format: AKN element names without a namespace
            return None if tag.startswith("{") else tag
        prefix = self.prefix
        return tag[len(prefix) :] if tag.startswith(prefix) else None

    def warn(self, code: str, message: str, element: Any) -> None:
        line = line_of(element)
        self.warnings.append(Problem(code, message, self.origin, line=line, severity="warning"))

    def fail(self, code: str, message: str, element: Any) -> TranscriptError:
        line = line_of(element)
        return TranscriptError.single(code, message, self.origin, line)

    def target(self, pointer: str | None) -> Any:
        """The references entry a "#eId" pointer names (a bare eId is accepted too), or None."""
        if not pointer:
            return None
        return self.refs.get(pointer.removeprefix("#"))

    def inline(self, element: Any) -> str:
        """Text of inline content; "[…]" insertions keep their brackets, notes are dropped."""
        if not len(element):
            return element.text or ""  # most paragraphs: plain text, no inline markup
        parts = [element.text or ""]
        tag_ins = self.tag_ins
        for child in element:
            # Insertions are the usual inline markup: told apart without a call.
            name = "ins" if child.tag == tag_ins else _local(child)
            if name is None:
                pass
            elif name == "ins":
                inner = self.inline(child) if len(child) else (child.text or "")
                bracketed = inner[:1] == "[" and inner[-1:] == "]"
                parts.append(inner if bracketed or not inner.strip() else f"[{inner}]")
            elif name in _NOTES:
                self.warn("akn_dropped", f"dropped the {name} inside the text", child)
            elif name in _BREAKING:
                parts.append(" ")
            else:
                parts.append(self.inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    # -- document and meta -------------------------------------------------------------------

    def _document(self) -> Any:
        for child in self.root:
            name = self.mine(child)
            if name in _DOCUMENT_TYPES:
                return child
            if name is not None:
                raise self.fail(
                    "akn_not_debate",
                    f"expected a debate document, found an Akoma Ntoso {name!r}",
                    child,
                )
        raise self.fail("akn_not_debate", "akomaNtoso holds no debate document", self.root)

    def _find_own(self) -> Any:
        if self.meta is None:
            # Minimal exports (SayIt's import format) may lack meta: read what the body holds.
            self.meta = etree.Element(self.q("meta"))
            self.warn("akn_no_meta", "the debate has no meta element", self.doc)
        return self.meta.find(f"{self.q('proprietary')}/{{{TM}}}transcript")

    def _references(self) -> dict[str, Any]:
        refs: dict[str, Any] = {}
        for block in self.meta.iterfind(self.q("references")):
            for entry in block:
                key = reference_key(entry) if _local(entry) is not None else None
                if key is not None:
                    refs.setdefault(key, entry)
        return refs

    def frbr(self, level: str, child: str, attribute: str) -> str | None:
        found = self.meta.find(f"{self.q('identification')}/{self.q(level)}/{self.q(child)}")
        return None if found is None else found.get(attribute)

    # -- participants ------------------------------------------------------------------------

    def participants(self) -> list[dict[str, Any]]:
        speakers = {
            (e.get("by") or "").removeprefix("#")
            for e in self.doc.iter(*(self.q(n) for n in _SPEECHES))
        } - {""}
        result = []
        for key, entry in self.refs.items():
            kind = _local(entry)
            if kind != "TLCPerson" and key not in speakers:
                continue
            person = self._participant(key, entry)
            self._add_person(key, person)
            result.append(person)
        self.participant_list = result
        return result

    def _add_person(self, key: str, person: dict[str, Any]) -> None:
        self.people[key] = person
        self.people_by_id.setdefault(person["id"], person)

    def _unique_id(self, key: str) -> str:
        """A model id for a reference key, distinct from the participants' so far."""
        pid = base = as_identifier(key)
        used = self.people_by_id
        # Every suffix below the last one given to this base was taken then and still is.
        suffix = self.next_suffix.get(base, 1)
        while pid in used:
            suffix += 1
            pid = f"{base}-{suffix}"
        self.next_suffix[base] = suffix
        return pid

    def _speaker_without_reference(self, key: str, label: str | None, element: Any) -> str:
        """A participant for a ``by`` pointer that no TLC entry resolves (bluebell writes them)."""
        person = {
            "id": self._unique_id(key),
            "name": label or as_name(key.replace("-", " ")) or key,
            "role": None,
            "attending": False,
        }
        self._add_person(key, person)
        self.participant_list.append(person)
        self.warn(
            "akn_unresolved",
            f"speaker by='#{key}' names no TLCPerson: participant {person['id']!r} made from it",
            element,
        )
        return str(person["id"])

    def _participant(self, key: str, entry: Any) -> dict[str, Any]:
        if self.own is not None:
            role = self.target(entry.get(f"{{{TM}}}as"))
            named = entry.get(f"{{{TM}}}named") != "false"
            return {
                "id": entry.get(f"{{{TM}}}id", key),
                "name": entry.get("showAs") if named else None,
                "role": None if role is None else role.get("showAs"),
                "attending": False,
            }
        pid = self._unique_id(key)
        shown = as_name(entry.get("showAs") or "") or as_name(key) or pid
        if _local(entry) == "TLCRole":  # a speaker known only by role ("by" may name one)
            return {"id": pid, "name": None, "role": shown, "attending": False}
        return {"id": pid, "name": shown, "role": None, "attending": False}

    # -- preface -----------------------------------------------------------------------------

    def event(self) -> dict[str, Any]:
        event: dict[str, Any] = {"title": None, "lead": None, "date": None, "time": None}
        event.update(utc_offset=None, place=None, attendees_intro=None)
        preface = self.doc.find(self.q("preface"))
        captions: list[dict[str, Any]] = []
        if preface is not None:
            for child in preface:
                self._preface_block(child, event, captions)
        if event["title"] is None:
            event["title"] = self._fallback_title()
        if event["date"] is None:
            event["date"] = self._fallback_date()
        if self.own is not None:
            event["utc_offset"] = self.own.findtext(f"{{{TM}}}utcOffset")
        self.captions = captions
        return event

    def _preface_block(self, block: Any, event: dict[str, Any], captions: list[Any]) -> None:
        name = self.mine(block)
        if name == "container" and block.get("name") == CONTAINER_PHOTO:
            captions.append(self._caption(block))
            return
        if name == "container":
            for child in block:
                if (
                    block.get("name") == CONTAINER_PARTICIPANTS
                    and self.mine(child) == "p"
                    and child.find(self.q("person")) is None
                    and event["attendees_intro"] is None
                ):
                    # An intro sentence that names nobody: the paragraph is the intro.
                    event["attendees_intro"] = as_line(self.inline(child))
                else:
                    self._preface_block(child, event, captions)
            return
        if name not in ("p", "block", "summary", "longTitle"):
            if name is not None:
                self.warn("akn_dropped", f"dropped the preface element {name!r}", block)
            return
        if block.get("class") == CLASS_SUMMARY or name == "summary":
            event["lead"] = as_line(self.inline(block))
            return
        used = False
        for element in block.iter():
            kind = self.mine(element)
            if kind == "docTitle" and event["title"] is None:
                event["title"], used = as_name(self.inline(element)), True
            elif kind == "docDate" and event["date"] is None:
                event["date"] = self._preface_date(element)
                used = used or event["date"] is not None
            elif kind == "time" and event["time"] is None:
                used = self._time(element, event) or used
            elif kind == "location" and event["place"] is None:
                event["place"], used = as_name(self.inline(element)), True
            elif kind == "person" and element.getparent() is block:
                used = self._attendee(block, element, event) or used
        if not used and as_line(self.inline(block)):
            self.warn("akn_dropped", "dropped a preface paragraph with no known content", block)

    def _fallback_title(self) -> str:
        """The FRBR title alias, the debate's name, or the first heading of the body."""
        alias = self.meta.find(f".//{self.q('FRBRWork')}/{self.q('FRBRalias')}[@name='title']")
        heading = self.doc.find(f"{self.q('debateBody')}//{self.q('heading')}")
        for candidate in (
            alias.get("value") if alias is not None else None,
            self.doc.get("name"),
            self.inline(heading) if heading is not None else None,
        ):
            title = as_name(candidate or "")
            if title is not None:
                return title
        self.warn(
            "akn_no_title", "no docTitle, name or heading: the title is a placeholder", self.doc
        )
        return "Untitled debate"

    def _caption(self, container: Any) -> dict[str, Any]:
        counter = container.find(f"{self.q('p')}[@class='{CLASS_COUNTER}']")
        match = _COUNTER.fullmatch((counter.text or "").strip()) if counter is not None else None
        remark = container.find(f".//{self.q('remark')}")
        text = as_line(self.inline(remark)) if remark is not None else None
        if match is None or not 1 <= int(match.group(1)) <= int(match.group(2)):
            self.warn("akn_caption", "photo container without an 'N of M' counter", container)
            return {"index": 1, "total": 1, "text": text}
        return {"index": int(match.group(1)), "total": int(match.group(2)), "text": text}

    def _attendee(self, block: Any, person: Any, event: dict[str, Any]) -> bool:
        key = (person.get("refersTo") or "")[1:]
        participant = self.people.get(key)
        if participant is None:
            self.warn("akn_unresolved", "attendee refersTo names no TLCPerson", person)
            return False
        if event["attendees_intro"] is None:
            intro = block.text or ""
            # Our writer puts exactly one space between the intro and the first name.
            trimmed = intro[:-1] if self.own is not None else intro.rstrip(" :")
            # An intro that is only punctuation (":") is still the intro, not a missing one.
            event["attendees_intro"] = as_line(trimmed) or as_line(intro.strip())
            if event["attendees_intro"] is None:
                self.warn(
                    "akn_attendees", "attendee list without intro text: kept as a list", block
                )
                return False
        participant["attending"] = True
        role = self.target(person.get("as"))
        if self.own is None and role is not None and participant["role"] is None:
            participant["role"] = as_name(role.get("showAs") or "")
        return True

    def _time(self, element: Any, event: dict[str, Any]) -> bool:
        match = _TIME.fullmatch((element.get("time") or "").strip())
        if match is None:
            self.warn("akn_time", "time without a valid time attribute dropped", element)
            return False
        clock = match.group(1)
        event["time"] = clock if len(clock) > 5 else clock + ":00"
        offset = "+00:00" if match.group(2) == "Z" else match.group(2)
        if offset and _OFFSET.fullmatch(offset):
            event["utc_offset"] = offset
        return True

    def _date(self, value: str | None, element: Any) -> dt.date:
        try:
            return dt.date.fromisoformat((value or "")[:10])
        except ValueError:
            raise self.fail(
                "akn_date", f"expected an ISO date (YYYY-MM-DD), found {value!r}", element
            ) from None

    def _preface_date(self, element: Any) -> dt.date | None:
        try:
            return self._date(element.get("date"), element)
        except TranscriptError as error:
            # Another docDate, the FRBR dates or the date option may still give it.
            problem = error.problems[0]
            self.warn(problem.code, f"{problem.message}: docDate ignored", element)
            return None

    def _fallback_date(self) -> dt.date:
        """The event date from elsewhere: a docDate anywhere, the FRBR Work, a FRBR URI."""
        candidates = [e.get("date") or "" for e in self.doc.iter(self.q("docDate"))]
        work = self.meta.find(f".//{self.q('FRBRWork')}/{self.q('FRBRdate')}")
        candidates += [work.get("date") or ""] if work is not None else []
        candidates += [
            match.group()
            for uri in self.meta.iter(self.q("FRBRuri"), self.q("FRBRthis"))
            if (match := _ISO_DATE.search(uri.get("value") or ""))
        ]
        for candidate in candidates:
            try:
                return dt.date.fromisoformat(candidate[:10])
            except ValueError:
                continue
        if self.default_date is not None:
            return self.default_date
        raise self.fail(
            "akn_date",
            "the debate gives no date (no docDate, FRBRdate or dated FRBR URI) and the model "
            "needs one: give it with the reader option date=YYYY-MM-DD",
            self.doc,
        )

    # -- body --------------------------------------------------------------------------------

    def body(self) -> None:
        for part_name in ("debateBody", "mainBody", "conclusions"):
            part = self.doc.find(self.q(part_name))
            if part is not None:
                self.section(part)
        for child in self.doc:
            name = self.mine(child)
            if name in ("coverPage", "attachments", "components"):
                self.warn("akn_dropped", f"dropped the {name} of the debate", child)

    def section(self, element: Any) -> None:
        self.boundary = True
        tag_speech = self.tag_speech
        for child in element:
            if child.tag == tag_speech:  # most blocks of a debate: no mine() and no if-chain
                self.speech(child)
            else:
                self.block(child)
        self.pending_num = None
        self.boundary = True

    def block(self, child: Any) -> None:
        name = self.mine(child)
        if name is None:
            if _local(child) is not None:
                self.warn("akn_dropped", f"dropped the foreign element {_local(child)!r}", child)
            return
        if name == "num":
            self.pending_num = as_name(self.inline(child))
        elif name in ("heading", "subheading"):
            self.heading(child)
        elif name in _SECTIONS or name in _WRAPPERS:
            self.section(child)
        elif name in _SPEECHES:
            self.speech(child)
        elif name in ("narrative", "summary"):
            continued = child.get("class") == CLASS_CONTINUATION
            self.narrative(self.inline(child), child, continued)
        elif name == "scene":
            text = as_line(self.inline(child))
            if text is not None:
                self.turns.append({"kind": "stage", "text": text})
        elif name == "p":
            self.paragraph(child)
        elif name in _LISTS:
            for item in child.iter(self.q("li"), self.q("item")):
                self.narrative(self.inline(item), item, True)
        elif name == "table":
            self.warn("akn_flattened", "table read as one paragraph per row", child)
            for row in child.iter(self.q("tr")):
                cells = (as_line(self.inline(cell)) or "" for cell in row)
                self.narrative(" | ".join(cells), row, True)
        elif any(self.mine(c) in _BLOCKS for c in child):
            # An unknown container of blocks (hcontainer, section, part…): read through it.
            self.section(child)
        else:
            self.warn("akn_flattened", f"{name!r} read as plain text", child)
            self.narrative(" ".join(child.itertext()), child, False)

    def heading(self, element: Any) -> None:
        text = as_line(self.inline(element))
        if self.pending_num:
            text = f"{self.pending_num} {text or ''}".strip()
            self.pending_num = None
        if text:
            self.turns.append({"kind": "heading", "text": text})

    def narrative(self, raw: str, element: Any, continued: bool) -> None:
        text = as_line(raw)
        if text is None:
            return
        last = self.turns[-1] if self.turns else None
        if continued and not self.boundary and last is not None and last["kind"] == "narrative":
            last["paragraphs"].append(text)
        else:
            self.turns.append({"kind": "narrative", "paragraphs": [text]})
        self.boundary = False

    def paragraph(self, element: Any) -> None:
        cls = element.get("class")
        children = [c for c in element if _local(c) is not None]
        only = children[0] if len(children) == 1 and not (element.text or "").strip() else None
        if cls == CLASS_SEPARATOR:
            self.turns.append({"kind": "break", "marker": as_line(self.inline(element)) or "* * *"})
        elif cls == CLASS_OMISSION or (only is not None and self.mine(only) == "omissis"):
            marker = as_line(self.inline(element)) or "<…>"
            self.turns.append({"kind": "omission", "marker": marker})
        else:
            # Consecutive bare paragraphs of a section are one unlabelled passage.
            self.narrative(self.inline(element), element, True)

    def speech(self, element: Any) -> None:
        label = None
        # Text directly inside the speech (no p) is a paragraph too; some exports write it so.
        head = element.text
        head = as_line(head) if head and not head.isspace() else None  # mostly indentation
        paragraphs = [head] if head else []
        tag_p, tag_from = self.tag_p, self.tag_from
        for child in element:
            tag = child.tag  # lxml builds the string on each access: once per child
            if tag == tag_p:  # most children: one paragraph, told apart without a call
                # Most paragraphs are plain text: read it without the call to inline().
                raw = self.inline(child) if len(child) else child.text
                text = as_line(raw) if raw else None
                if text is not None:
                    paragraphs.append(text)
            elif tag == tag_from:  # the label, once in nearly every speech
                label = self._label(child)
            else:
                paragraphs += self._speech_block(self.mine(child), child)
            tail = child.tail
            # Nearly every tail is the indentation before the next child: no call for it.
            if tail and not tail.isspace() and (tail := as_line(tail)) is not None:
                paragraphs.append(tail)
        speaker = self._speaker(element, label)
        role = self._speech_role(element)
        if not paragraphs:
            self.warn("akn_empty_speech", "dropped a speech without text", element)
        elif speaker is None and label is None:
            self.warn("akn_anonymous", "speech without speaker or label read as narrative", element)
            self.turns.append({"kind": "narrative", "paragraphs": paragraphs})
        else:
            self.turns.append(
                {"kind": "speech", "speaker": speaker, "label": label, "role": role,
                 "paragraphs": paragraphs}
            )  # fmt: skip
            person = None if self.own is not None else self._person_of(speaker)
            if person is not None and person["role"] is None:
                person["role"] = role  # the role of the speaker's first labelled speech

    def _person_of(self, speaker: str | None) -> dict[str, Any] | None:
        return self.people_by_id.get(speaker) if speaker is not None else None

    def _speaker(self, element: Any, label: str | None) -> str | None:
        """The participant id a speech's ``by`` (or a ``person`` in its label) names."""
        by = element.get("by") or ""
        if not by and self.own is None:
            # Some tools leave by empty and mark the speaker up inside the label.
            inner = element.find(f"{self.q('from')}/{self.q('person')}")
            by = (inner.get("refersTo") or "") if inner is not None else ""
        if not by or by == "#":
            return None
        person = self.people.get(by.removeprefix("#"))
        if person is not None:
            return str(person["id"])
        if by.startswith("#"):
            return self._speaker_without_reference(by[1:], label, element)
        self.warn("akn_unresolved", f"speaker by={by!r} is not a '#' pointer: dropped", element)
        return None

    def _speech_role(self, element: Any) -> str | None:
        """The role a speech's ``as`` (or a ``role`` in its label) names."""
        pointer = element.get("as")
        if not pointer and self.own is None:
            inner = element.find(f"{self.q('from')}/{self.q('role')}")
            if inner is not None:
                found = self.target(inner.get("refersTo"))
                shown = found.get("showAs") if found is not None else self.inline(inner)
                return as_name(shown or "")
        if not pointer:
            return None
        target = self.target(pointer)
        if target is None:
            self.warn("akn_unresolved", f"as={pointer!r} names no TLCRole", element)
            return None
        shown = target.get("showAs")
        return shown if self.own is not None else as_name(shown or "")

    def _speech_block(self, name: str | None, child: Any) -> list[str]:
        """The paragraphs one child of a speech contributes (headings become turns)."""
        if name == "p":
            text = as_line(self.inline(child))
            return [] if text is None else [text]
        if name in ("num", "heading", "subheading"):
            self.block(child)
            return []
        if name in _LISTS:
            items = (as_line(self.inline(i)) for i in child.iter(self.q("li"), self.q("item")))
            return [t for t in items if t]
        if name in _NOTES:
            self.warn("akn_dropped", f"dropped the {name} in a speech", child)
            return []
        if name is None and _local(child) is None:
            return []  # a comment or processing instruction
        self.warn("akn_flattened", f"{name or _local(child)!r} in a speech read as text", child)
        text = as_line(" ".join(child.itertext()))
        return [] if text is None else [text]

    def _label(self, element: Any) -> str | None:
        label = as_name(self.inline(element))
        if label is None:
            return None
        # The printed label ends in a colon; the model's label does not. Remove exactly one.
        # as_name left single spaces only: the space before the colon is all to strip.
        return label.removesuffix(":").rstrip() or None

    # -- metadata ----------------------------------------------------------------------------

    def metadata(self) -> dict[str, Any]:
        meta: dict[str, Any] = {field: [] for field, _, _ in DICTIONARIES}
        fields = {eid: field for field, eid, _ in DICTIONARIES}
        for keyword in self.meta.iter(self.q("keyword")):
            field = fields.get((keyword.get("dictionary") or "")[1:], "topics")
            tag = as_name(keyword.get("showAs") or keyword.get("value") or "")
            if tag is not None:
                meta[field].append(tag)
        meta["captions"] = self.captions
        meta["see_also"] = [
            {
                "title": as_line(e.get("showAs") or "") or "link",
                "url": _url(e.get(f"{{{TM}}}href") or e.get("href")),
            }
            for e in self.refs.values()
            if _local(e) == "TLCReference" and e.get("name") == SEE_ALSO
        ]
        if self.own is not None:
            source = self.own.find(f"{{{TM}}}source")
            meta["source"] = {} if source is None else dict(source.attrib)
            meta["licence"] = self.own.findtext(f"{{{TM}}}licence")
            meta["published"] = self.own.findtext(f"{{{TM}}}published")
        else:
            meta["source"] = self._third_party_source()
            meta["published"] = self._third_party_published()
        return meta

    def _third_party_source(self) -> dict[str, Any]:
        author = self.target(self.frbr("FRBRWork", "FRBRauthor", "href"))
        number = self.frbr("FRBRWork", "FRBRnumber", "value")
        return {
            "publisher": as_name(author.get("showAs") or "") if author is not None else None,
            "identifier": as_name(number or ""),
        }

    def _third_party_published(self) -> str | None:
        publication = self.meta.find(self.q("publication"))
        value = (publication.get("date") or "") if publication is not None else ""
        if "T" not in value:
            return None
        match = re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?", value)
        return match.group() if match else None

    def identity(self) -> tuple[str, str]:
        if self.own is not None:
            return self.own.get("id") or "", self.own.get("language") or ""
        uri = self.frbr("FRBRWork", "FRBRuri", "value") or "akn-debate"
        code = (self.frbr("FRBRExpression", "FRBRlanguage", "language") or "und").lower()
        language = LANG2.get(code, code if _LANGUAGE.fullmatch(code) else "und")
        return as_identifier(uri.strip("/").removeprefix("akn/").replace("/", "-")), language

    # -- all ---------------------------------------------------------------------------------

    def transcript(self) -> Transcript:
        participants = self.participants()
        event = self.event()
        self.body()
        tid, language = self.identity()
        data = {
            "id": tid,
            "language": language,
            "event": event,
            "participants": participants,
            "turns": self.turns,
            "metadata": self.metadata(),
        }
        try:
            return Transcript.model_validate(data)
        except ValidationError as error:
            problems = problems_from_validation_error(error, self.origin)
            raise TranscriptError(cap_repeated(problems)) from None


def _url(value: str | None) -> str | None:
    return value if value and _URL.fullmatch(value) else None


def _is_akn(namespace: str) -> bool:
    return namespace in ("", AKN30, AKN20, AKN10) or namespace.startswith(AKN30_DRAFT_PREFIX)


def read_document(
    data: bytes,
    origin: str = "<input>",
    date: str | dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadResult:
    """Read one AKN debate into a transcript, with warnings for what could not be kept.

    ``date`` is the event date to use when the document gives none.
    """
    default = _date_option(date, origin)
    return read_tree(parse_xml(data, origin, max_bytes), origin, default)


def _date_option(value: str | dt.date | None, origin: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise TranscriptError.single(
            "option", f"the date option expects YYYY-MM-DD, found {value[:40]!r}", origin
        ) from None


def read_tree(
    tree: etree._ElementTree, origin: str, default_date: dt.date | None = None
) -> ReadResult:
    """Like :func:`read_document`, for a document parsed already."""
    reader = _Reader(tree, origin, default_date)
    transcript = reader.transcript()
    return ReadResult([transcript], reader.warnings.result())
