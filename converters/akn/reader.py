"""The Akoma Ntoso reader: our own 3.0 output back to the identical model, and third-party
debates (3.0, its committee drafts, and the 2.0 namespace of SayIt-era files) as far as their
content allows, with a located warning for everything dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from lxml import etree
from pydantic import ValidationError

from transcript_model.errors import (
    TranscriptError,
    cap_repeated,
    excerpt,
    problems_from_validation_error,
)
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult
from transcript_model.model import Transcript
from transcript_model.types import LANGUAGE_PATTERN, URL_PATTERN

from .._xml.safe import parse_xml
from .body import read_body
from .common import DICTIONARIES, LANG2, SEE_ALSO, TM
from .context import Context, local_name, open_document
from .inline import as_identifier, as_line, as_name
from .parliament_reader import add_person_details, read_organisations, read_sitting_marker
from .people import read_participants
from .preface import read_event

_URL = re.compile(URL_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def read_metadata(context: Context) -> dict[str, Any]:
    meta: dict[str, Any] = {field: [] for field, _, _ in DICTIONARIES}
    fields = {eid: field for field, eid, _ in DICTIONARIES}
    for keyword in context.meta.iter(context.q("keyword")):
        field = fields.get((keyword.get("dictionary") or "")[1:], "topics")
        tag = as_name(keyword.get("showAs") or keyword.get("value") or "")
        if tag is not None:
            meta[field].append(tag)
    meta["captions"] = context.captions
    meta["see_also"] = [
        {
            "title": as_line(e.get("showAs") or "") or "link",
            "url": _url(e.get(f"{{{TM}}}href") or e.get("href")),
        }
        for e in context.refs.values()
        if local_name(e) == "TLCReference" and e.get("name") == SEE_ALSO
    ]
    if context.own is not None:
        source = context.own.find(f"{{{TM}}}source")
        meta["source"] = {} if source is None else dict(source.attrib)
        meta["licence"] = context.own.findtext(f"{{{TM}}}licence")
        meta["published"] = context.own.findtext(f"{{{TM}}}published")
    else:
        meta["source"] = _third_party_source(context)
        meta["published"] = _third_party_published(context)
    return meta


def _third_party_source(context: Context) -> dict[str, Any]:
    author = context.target(context.frbr("FRBRWork", "FRBRauthor", "href"))
    number = context.frbr("FRBRWork", "FRBRnumber", "value")
    return {
        "publisher": as_name(author.get("showAs") or "") if author is not None else None,
        "identifier": as_name(number or ""),
    }


def _third_party_published(context: Context) -> str | None:
    publication = context.meta.find(context.q("publication"))
    value = (publication.get("date") or "") if publication is not None else ""
    if "T" not in value:
        return None
    match = re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?", value)
    return match.group() if match else None


def read_identity(context: Context) -> tuple[str, str]:
    if context.own is not None:
        return context.own.get("id") or "", context.own.get("language") or ""
    uri = context.frbr("FRBRWork", "FRBRuri", "value") or "akn-debate"
    code = (context.frbr("FRBRExpression", "FRBRlanguage", "language") or "und").lower()
    language = LANG2.get(code, code if _LANGUAGE.fullmatch(code) else "und")
    return as_identifier(uri.strip("/").removeprefix("akn/").replace("/", "-")), language


def build_transcript(context: Context, body: Callable[[Context], None] = read_body) -> Transcript:
    """The transcript of the document; ``body`` reads the body (see stream_reader)."""
    participants = read_participants(context)
    read_sitting_marker(context)
    event = read_event(context)
    body(context)
    add_person_details(context, participants)
    tid, language = read_identity(context)
    data: dict[str, Any] = {
        "id": tid,
        "language": language,
        "event": event,
        "participants": participants,
        "turns": context.turns,
        "metadata": read_metadata(context),
    }
    organisations = read_organisations(context)
    if organisations:
        data["organisations"] = organisations
    if context.sitting is not None:
        data["sitting"] = context.sitting
    try:
        return Transcript.model_validate(data)
    except ValidationError as error:
        problems = problems_from_validation_error(error, context.origin)
        raise TranscriptError(cap_repeated(problems)) from None


def _url(value: str | None) -> str | None:
    return value if value and _URL.fullmatch(value) else None


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
            "option", f"the date option expects YYYY-MM-DD, found {excerpt(value)}", origin
        ) from None


def read_tree(
    tree: etree._ElementTree, origin: str, default_date: dt.date | None = None
) -> ReadResult:
    """Like :func:`read_document`, for a document parsed already."""
    context = open_document(tree, origin, default_date)
    transcript = build_transcript(context)
    return ReadResult([transcript], context.warnings.result())
