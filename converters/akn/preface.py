"""The preface and its fallbacks: title, summary, date, time, place, attendees and photo
captions."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from transcript_model.errors import TranscriptError, excerpt
from transcript_model.types import UTC_OFFSET_PATTERN

from .common import (
    CLASS_COUNTER,
    CLASS_SUMMARY,
    CONTAINER_PARTICIPANTS,
    CONTAINER_PHOTO,
    LANG2,
    TM,
)
from .context import Context
from .dates import printed_date
from .inline import as_line, as_name, inline_text
from .parliament_reader import add_number, add_title, sitting_block

_OFFSET = re.compile(UTC_OFFSET_PATTERN)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_COUNTER = re.compile(r"([0-9]+) of ([0-9]+)")
_TIME = re.compile(
    r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2}T)?([0-9]{2}:[0-9]{2}(?::[0-9]{2})?)(?:\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?"
)


def read_event(context: Context) -> dict[str, Any]:
    event: dict[str, Any] = {"title": None, "lead": None, "date": None, "time": None}
    event.update(utc_offset=None, place=None, attendees_intro=None)
    preface = context.doc.find(context.q("preface"))
    captions: list[dict[str, Any]] = []
    if preface is not None:
        for child in preface:
            _preface_block(context, child, event, captions)
    if event["title"] is None:
        event["title"] = _fallback_title(context)
    if event["date"] is None:
        event["date"] = _fallback_date(context)
    if context.own is not None:
        event["utc_offset"] = context.own.findtext(f"{{{TM}}}utcOffset")
    context.captions = captions
    return event


def _preface_block(
    context: Context, block: Any, event: dict[str, Any], captions: list[Any]
) -> None:
    name = context.mine(block)
    if sitting_block(context, block, name):
        return
    if name == "container" and block.get("name") == CONTAINER_PHOTO:
        captions.append(_caption(context, block))
        return
    if name == "container":
        for child in block:
            if (
                block.get("name") == CONTAINER_PARTICIPANTS
                and context.mine(child) == "p"
                and child.find(context.q("person")) is None
                and event["attendees_intro"] is None
            ):
                # An intro sentence that names nobody: the paragraph is the intro.
                event["attendees_intro"] = as_line(inline_text(context, child))
            else:
                _preface_block(context, child, event, captions)
        return
    if name not in ("p", "block", "summary", "longTitle"):
        if name is not None:
            context.warn("akn_dropped", f"dropped the preface element {excerpt(name)}", block)
        return
    if block.get("class") == CLASS_SUMMARY or name == "summary":
        event["lead"] = as_line(inline_text(context, block))
        return
    used = False
    for element in block.iter():
        kind = context.mine(element)
        if kind == "docTitle" and event["title"] is None:
            event["title"], used = as_name(inline_text(context, element)), True
            context.title_language = _name_language(block)
        elif kind == "docTitle" and context.own is None:
            used = _another_title(context, event, block, element) or used
        elif kind == "docNumber" and context.own is None:
            used = add_number(context, block, element) or used
        elif kind == "docDate" and event["date"] is None:
            event["date"] = _preface_date(context, element)
            used = used or event["date"] is not None
        elif kind == "time" and event["time"] is None:
            used = _time(context, element, event) or used
        elif kind == "location" and event["place"] is None:
            event["place"], used = as_name(inline_text(context, element)), True
        elif kind == "person" and element.getparent() is block:
            used = _attendee(context, block, element, event) or used
    if not used and as_line(inline_text(context, block)):
        context.warn("akn_dropped", "dropped a preface paragraph with no known content", block)


def _another_title(context: Context, event: dict[str, Any], block: Any, element: Any) -> bool:
    """A second title of another tool's preface: a sitting title, or the title itself when
    it is in the document's language and the first was not (Oireachtas: Irish, then
    English)."""
    title = as_line(inline_text(context, element))
    if title is None:
        return False
    language = _name_language(block)
    code = (context.frbr("FRBRExpression", "FRBRlanguage", "language") or "").lower()
    ours = language is not None and language == LANG2.get(code, code)
    named = as_name(title)
    if ours and context.title_language != language and event["title"] and named:
        add_title(context, event["title"], None, context.title_language)
        event["title"], context.title_language = named, language
    else:
        add_title(context, title, None, language)
    return True


#: A preface block named for its language, as the Oireachtas writes them ("title_en").
_NAMED_LANGUAGE = re.compile(r"[_-]([a-z]{2})")


def _name_language(block: Any) -> str | None:
    name = block.get("name") or ""
    match = _NAMED_LANGUAGE.search(name[-3:])
    return match.group(1) if match else None


def _fallback_title(context: Context) -> str:
    """A docTitle or shortTitle outside the preface (a cover page's), the FRBR title alias,
    the debate's name, or the first heading of the body."""
    alias = context.meta.find(f".//{context.q('FRBRWork')}/{context.q('FRBRalias')}[@name='title']")
    heading = context.doc.find(f"{context.q('debateBody')}//{context.q('heading')}")
    titled = next(context.doc.iter(context.q("docTitle"), context.q("shortTitle")), None)
    session = _front_matter(context, "session")
    for candidate in (
        inline_text(context, titled) if titled is not None else None,
        _preface_heading(context),
        # Chile's Cámara: "Sesión 56ª, en martes 8 de noviembre de 2005" on the cover page.
        inline_text(context, session) if session is not None else None,
        alias.get("value") if alias is not None else None,
        context.doc.get("name"),
        inline_text(context, heading) if heading is not None else None,
    ):
        title = as_name(candidate or "")
        if title is not None:
            return title
    context.warn(
        "akn_no_title", "no docTitle, name or heading: the title is a placeholder", context.doc
    )
    return "Untitled debate"


#: Classes of a preface paragraph that prints the document's title (Bungeni, SayIt).
_HEADING_CLASSES = frozenset({"heading", "title", "docTitle"})


def _preface_heading(context: Context) -> str | None:
    """The first preface paragraph styled as a heading ("NATIONAL ASSEMBLY")."""
    preface = context.doc.find(context.q("preface"))
    if preface is None:
        return None
    for block in preface.iterfind(context.q("p")):
        if block.get("class") in _HEADING_CLASSES:
            return inline_text(context, block)
    return None


def _caption(context: Context, container: Any) -> dict[str, Any]:
    counter = container.find(f"{context.q('p')}[@class='{CLASS_COUNTER}']")
    match = _COUNTER.fullmatch((counter.text or "").strip()) if counter is not None else None
    remark = container.find(f".//{context.q('remark')}")
    text = as_line(inline_text(context, remark)) if remark is not None else None
    if match is None or not 1 <= int(match.group(1)) <= int(match.group(2)):
        context.warn("akn_caption", "photo container without an 'N of M' counter", container)
        return {"index": 1, "total": 1, "text": text}
    return {"index": int(match.group(1)), "total": int(match.group(2)), "text": text}


def _attendee(context: Context, block: Any, person: Any, event: dict[str, Any]) -> bool:
    key = (person.get("refersTo") or "")[1:]
    participant = context.people.get(key)
    if participant is None:
        context.warn("akn_unresolved", "attendee refersTo names no TLCPerson", person)
        return False
    if event["attendees_intro"] is None:
        intro = block.text or ""
        # Our writer puts exactly one space between the intro and the first name.
        trimmed = intro[:-1] if context.own is not None else intro.rstrip(" :")
        # An intro that is only punctuation (":") is still the intro, not a missing one.
        event["attendees_intro"] = as_line(trimmed) or as_line(intro.strip())
        if event["attendees_intro"] is None:
            context.warn("akn_attendees", "attendee list without intro text: kept as a list", block)
            return False
    participant["attending"] = True
    role = context.target(person.get("as"))
    if context.own is None and role is not None and participant["role"] is None:
        participant["role"] = as_name(role.get("showAs") or "")
    return True


def _time(context: Context, element: Any, event: dict[str, Any]) -> bool:
    match = _TIME.fullmatch((element.get("time") or "").strip())
    if match is None:
        context.warn("akn_time", "time without a valid time attribute dropped", element)
        return False
    clock = match.group(1)
    event["time"] = clock if len(clock) > 5 else clock + ":00"
    offset = "+00:00" if match.group(2) == "Z" else match.group(2)
    if offset and _OFFSET.fullmatch(offset):
        event["utc_offset"] = offset
    return True


def _date(context: Context, value: str | None, element: Any) -> dt.date:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        raise context.fail(
            "akn_date", f"expected an ISO date (YYYY-MM-DD), found {excerpt(value)}", element
        ) from None


def _preface_date(context: Context, element: Any) -> dt.date | None:
    try:
        return _date(context, element.get("date"), element)
    except TranscriptError as error:
        # Another docDate, the FRBR dates or the date option may still give it.
        problem = error.problems[0]
        context.warn(problem.code, f"{problem.message}: docDate ignored", element)
        return None


def _fallback_date(context: Context) -> dt.date:
    """The event date from elsewhere: a docDate anywhere, a date printed in the preface or the
    first headings, the Work date when it dates the debate, a date in a FRBR URI."""
    candidates = [e.get("date") or "" for e in context.doc.iter(context.q("docDate"))]
    session = _front_matter(context, "session")
    if session is not None:  # "Sesión 56ª, en <date date="2005-11-08">martes 8 de …</date>"
        candidates += [e.get("date") or "" for e in session.iter(context.q("date"))]
    for candidate in candidates:
        found = _iso(candidate)
        if found is not None:
            return found
    printed = _printed_date(context)
    if printed is not None:
        return printed
    work = context.meta.find(f".//{context.q('FRBRWork')}/{context.q('FRBRdate')}")
    work_date = _iso(work.get("date") or "") if work is not None else None
    # A Work date named for when the file was generated or published (SayIt's "generation"),
    # or a placeholder (3000-01-01), is not the sitting's: a date in the FRBR URI comes first.
    if work_date is not None and _date_name(work) not in _NOT_THE_SITTING:
        return work_date
    for uri in context.meta.iter(context.q("FRBRuri"), context.q("FRBRthis")):
        match = _ISO_DATE.search(uri.get("value") or "")
        found = _iso(match.group()) if match else None
        if found is not None:
            return found
    if work_date is not None:
        return work_date
    if context.default_date is not None:
        return context.default_date
    raise context.fail(
        "akn_date",
        "the debate gives no date (no docDate, FRBRdate, dated FRBR URI or date printed in "
        "the preface or headings) and the model needs one: give it with the reader option "
        "date=YYYY-MM-DD (on the command line: -r date=YYYY-MM-DD)",
        context.doc,
    )


def _front_matter(context: Context, name: str) -> Any:
    """The first ``name`` element (``session``) of the cover page or the preface, or None."""
    for part in ("coverPage", "preface"):
        front = context.doc.find(context.q(part))
        found = None if front is None else next(front.iter(context.q(name)), None)
        if found is not None:
            return found
    return None


#: FRBRdate names that date the file, not the debate.
_NOT_THE_SITTING = frozenset(
    {"generation", "publication", "markup", "transformation", "conversion"}
)
#: Outside these years a date is a placeholder ("3000-01-01", "0001-01-01", "9999-12-31").
_PLAUSIBLE_YEARS = range(1700, 2200)
#: How many headings of the body may print the date (a title page's "Thursday, 14 February").
_DATED_HEADINGS = 3


def _date_name(element: Any) -> str:
    # The Oireachtas writes name="#generation", SayIt name="generation".
    return (element.get("name") or "").removeprefix("#").lower()


def _iso(value: str) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day if day.year in _PLAUSIBLE_YEARS else None


def _printed_date(context: Context) -> dt.date | None:
    """A date printed in words in the preface, else in the debate's name or first headings."""
    preface = context.doc.find(context.q("preface"))
    texts = [" ".join(preface.itertext())] if preface is not None else []
    texts.append(context.doc.get("name") or "")
    body = context.doc.find(context.q("debateBody"))
    if body is not None:
        headings = body.iter(context.q("heading"), context.q("subheading"))
        texts += [" ".join(h.itertext()) for h in itertools.islice(headings, _DATED_HEADINGS)]
    for text in texts:
        found = printed_date(text)
        if found is not None and found.year in _PLAUSIBLE_YEARS:
            return found
    return None
