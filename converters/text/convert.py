"""kremlin.ru transcript page text: the text copied from a transcript page, and back.

Reading turns copied page text (one or several pages, each ending with "Text version") into
transcripts: header, photo captions, attendee sentence, speeches, narrative, stage directions,
headings, omissions, breaks and the footer's tags and publication data, in English or Russian.
Writing renders the same layout, adding escapes and footer extension lines only where the plain
page could not carry a value, so that ``read(write(t)) == t`` for every valid transcript.
The layout and the extensions are described in docs/text.md.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError

from transcript_model.errors import Problem, TranscriptError, problems_from_validation_error
from transcript_model.inputs import ReadResult, decode_text
from transcript_model.model import Transcript

from .. import _kremlin as kremlin
from . import flat, layout
from .writer import render

Line = tuple[int, str]

__all__ = ["parse_document", "read", "split_documents", "write"]


def split_documents(text: str) -> list[list[Line]]:
    """The numbered non-blank lines of ``text``, split into documents at each "Text version".

    Line ends of every kind, BOMs and surrounding spaces (no-break ones included) are dropped:
    copied pages carry them and none of it is text. A page copied without its "Text version"
    line ends where a breadcrumb follows its "Publication date".
    """
    return [page.lines for page in _split_pages(text)]


@dataclass
class _Page:
    """The numbered lines of one document, their texts, and which of them are not plain."""

    lines: list[Line]
    texts: list[str]
    other: list[int]  # indices of the lines that may be something else than a paragraph

    @classmethod
    def of(cls, lines: list[Line]) -> _Page:
        texts = [line for _, line in lines]
        return cls(lines, texts, _other_lines(texts))


def _split_pages(text: str) -> list[_Page]:
    raw = text.splitlines()
    stripped = list(map(_strip_bom if "\ufeff" in text else str.strip, raw))
    # Dropping blank lines and numbering the others, without a Python step per line.
    texts = list(itertools.compress(stripped, stripped))
    lines = list(zip(itertools.compress(itertools.count(1), stripped), texts, strict=True))
    other = _other_lines(texts)
    bounds = _document_bounds(lines, texts, other)
    pages = []
    for start, stop in bounds:
        first, last = bisect.bisect_left(other, start), bisect.bisect_left(other, stop)
        # The line of a glued marker becomes its breadcrumb, which is not plain either.
        page_other = [index - start for index in other[first:last]]
        pages.append(_Page(lines[start:stop], texts[start:stop], page_other))
    return pages


def _document_bounds(
    lines: list[Line], texts: list[str], other: list[int]
) -> list[tuple[int, int]]:
    """``(start, stop)`` of every non-empty document; a glued end marker ("Text
    versionEvents") is replaced in ``lines`` and ``texts`` by the breadcrumb it holds."""
    bounds = []
    start = 0
    # Markers and publication fields never read as plain paragraphs: look among the others.
    for index in other:
        line = texts[index]
        if line[:_CUT_HEAD] not in _CUT_HEADS or not line.startswith(_CUT_PREFIXES):
            continue
        if line[0] in "PД":
            following = index + 1
            if (
                following < len(texts)
                and texts[following] in kremlin.BREADCRUMBS
                and kremlin.footer_field(line) is not None
            ):
                bounds.append((start, following))
                start = following
            continue
        glued = layout.glued_end(line)
        if glued is not None:
            bounds.append((start, index))
            lines[index] = (lines[index][0], glued)
            texts[index] = glued
            start = index
        elif layout.is_end_marker(line):
            bounds.append((start, index))
            start = index + 1
    bounds.append((start, len(lines)))
    return [(start, stop) for start, stop in bounds if start < stop]


def _strip_bom(line: str) -> str:
    line = line.strip()
    return line.lstrip("\ufeff").strip() if line[:1] == "\ufeff" else line


# The first words of the end marker and of the publication fields (a page copied without its
# end marker ends after them): each of these lines starts with one.
_CUT_PREFIXES = tuple(
    {marker.split(" ")[0] for marker in kremlin.END_MARKERS}
    | {key.split(" ")[0] for key in kremlin.FOOTER_FIELDS if key[0] in "PД"}
)
# Their first few characters, a cheaper test to begin with.
_CUT_HEAD = min(map(len, _CUT_PREFIXES))
_CUT_HEADS = frozenset(prefix[:_CUT_HEAD] for prefix in _CUT_PREFIXES)
# A line ending like a sentence, without a colon or an opening marker, can only be a paragraph:
# most lines are. Only the others need a closer look: no marker, breadcrumb or footer heading
# ends like a sentence, and footer fields hold a colon.
_SENTENCE_END = frozenset(".!?…,;")
_MARKER_START = frozenset("\\*<([:")


def _other_lines(texts: list[str]) -> list[int]:
    """The indices of the lines that may be something else than a plain paragraph."""
    end, start = _SENTENCE_END, _MARKER_START
    return [
        index
        for index, line in enumerate(texts)
        # The colon test first: it settles the labelled lines with one C-level scan.
        if not line or ":" in line or line[-1] not in end or line[0] in start
    ]


def read(data: bytes, origin: str = "<input>") -> ReadResult:
    """Read every transcript page in copied kremlin.ru page text.

    Raises :class:`TranscriptError` naming the file and line when a document has no title or
    no date, or when what was read breaks a rule of the model.
    """
    text = flat.restore_lines(decode_text(data, origin))
    pages = _split_pages(text)
    if not pages:
        raise TranscriptError.single(
            "not_a_transcript",
            "expected kremlin.ru transcript text (a title line, then a date such as "
            "'March 11, 2022'), found no text",
            origin,
            1,
        )
    result = ReadResult([])
    for page in pages:
        transcript, warnings = _parse_with_warnings(page, origin)
        result.transcripts.append(transcript)
        result.warnings.extend(warnings)
    return result


def write(transcripts: Sequence[Transcript]) -> str:
    """Render transcripts as kremlin.ru page text, one page after another.

    Each page is written as the site prints it; escapes and extension lines are added only
    where reading the plain page back would not give the same transcript.
    """
    return "".join(render(t, parse_document) for t in transcripts)


# --- reading one document ---------------------------------------------------------------------


@dataclass
class _RawSpeech:
    """A speech before its speaker is resolved: the label as printed, or explicit fields."""

    label: str | None
    paragraphs: list[str]
    explicit: dict[str, Any] | None = None
    resumes: int | None = None  # index of the speech this one continues after an interruption


@dataclass
class _Document:
    origin: str
    lines: list[Line]
    texts: list[str]  # the text of each line
    other: list[int]  # the indices of the lines that may be something else than a paragraph
    position: int = 0
    event: dict[str, Any] = field(default_factory=dict)
    captions: list[dict[str, Any]] = field(default_factory=list)
    attendees_text: list[str] = field(default_factory=list)
    turns: list[dict[str, Any] | _RawSpeech] = field(default_factory=list)
    footer: dict[str, Any] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)
    participants_explicit: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def warn(self, code: str, message: str, line: int) -> None:
        self.warnings.append(Problem(code, message, self.origin, line, severity="warning"))

    def peek(self, offset: int = 0) -> str | None:
        index = self.position + offset
        return self.lines[index][1] if index < len(self.lines) else None

    def line_number(self, offset: int = 0) -> int:
        index = min(self.position + offset, len(self.lines) - 1)
        return self.lines[index][0]


_DATE_WINDOW = 6


def parse_document(lines: list[Line], origin: str = "<input>") -> Transcript:
    """Parse one document (the numbered non-blank lines of one page) into a transcript."""
    return _parse_with_warnings(_Page.of(lines), origin)[0]


def _parse_with_warnings(page: _Page, origin: str) -> tuple[Transcript, list[Problem]]:
    doc = _Document(origin, page.lines, page.texts, page.other)
    footer_start = _footer_start(doc)
    _parse_header(doc, footer_start)
    _parse_body(doc, footer_start)
    _parse_footer(doc, footer_start)
    return _build(doc), doc.warnings


def _not_a_transcript(doc: _Document, message: str, offset: int = 0) -> TranscriptError:
    return TranscriptError.single("not_a_transcript", message, doc.origin, doc.line_number(offset))


def _footer_start(doc: _Document) -> int:
    texts = doc.texts
    heads, length, spaces = layout.FOOTER_HEADS, layout.FOOTER_HEAD_LENGTH, layout.SPACES
    for index in doc.other:
        line = texts[index]
        if (
            index > 0
            and (line[:length] in heads or line[:1] in spaces)
            and layout.is_footer_start(line)
        ):
            return index
    return len(texts)


def _parse_header(doc: _Document, end: int) -> None:
    # "Events", sometimes followed by a section ("Events" / "Transcripts"): the trail above
    # the title.
    while doc.position < 2 and doc.peek() in kremlin.BREADCRUMBS and doc.position + 1 < end:
        doc.position += 1
    if doc.position >= end:
        raise _not_a_transcript(
            doc, "expected a transcript title line, then a date such as 'March 11, 2022'"
        )
    title_line = doc.position
    doc.event["title"] = layout.clean(layout.unescape(doc.lines[title_line][1]))
    date_at = None
    for offset in range(1, _DATE_WINDOW + 1):
        line = doc.peek(offset)
        if line is None or doc.position + offset >= end:
            break
        if not layout.is_escaped(line) and _header_date(line):
            date_at = offset
            break
    if date_at is None:
        raise _not_a_transcript(
            doc,
            f"expected the date of the event (such as 'March 11, 2022' or '11 марта 2022 года') "
            f"within {_DATE_WINDOW} lines after the title "
            f"{_short(doc.event['title'])}; no date found: this does not read as a transcript",
        )
    lead = [layout.unescape(doc.lines[title_line + k][1]) for k in range(1, date_at)]
    if lead:
        doc.event["lead"] = " ".join(lead)
    date, time, place = _header_date(doc.lines[title_line + date_at][1]) or (None, None, None)
    doc.event["date"] = date
    if time is not None:
        doc.event["time"] = time
    if place is not None:
        doc.event["place"] = place
    doc.position = title_line + date_at + 1
    if place is None:
        _parse_time_place(doc, end)
    _parse_captions(doc, end)
    _parse_attendees(doc, end)


def _header_date(line: str) -> tuple[dt.date, dt.time | None, str | None] | None:
    """The date line of a header: "March 11, 2022"; with the time, "March 11, 2022, 14:20";
    or date, time and place on one line, "May 8, 2021 - 18:10 - The Kremlin, Moscow"."""
    date = kremlin.parse_date(line)
    if date is not None:
        return date, None, None
    stamp = kremlin.parse_published(line)
    if stamp is not None:
        return stamp.date(), stamp.time(), None
    return _dated_line(line)


# Pages reposted from the site's archive print the header on one line, joined by dashes.
_DATED_LINE = re.compile(r"(.+?) [-–—] (?:(\d{1,2}:\d{2}(?::\d{2})?)(?: [-–—] (.+))?|(.+))")


def _dated_line(line: str) -> tuple[dt.date, dt.time | None, str | None] | None:
    match = _DATED_LINE.fullmatch(line)
    if match is None:
        return None
    date = kremlin.parse_date(match.group(1))
    if date is None:
        return None
    time = kremlin.parse_time(match.group(2)) if match.group(2) else None
    place = match.group(3) or match.group(4)
    if place is not None and not layout.looks_like_place(place):
        return None
    return date, time, layout.clean(place) if place is not None else None


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _parse_time_place(doc: _Document, end: int) -> None:
    line = doc.peek()
    if (
        "time" not in doc.event
        and line is not None
        and doc.position < end
        and kremlin.parse_time(line)
    ):
        doc.event["time"] = kremlin.parse_time(line)
        doc.position += 1
    line = doc.peek()
    if line is not None and doc.position < end and layout.looks_like_place(line):
        following = doc.peek(1)
        if not (following and layout.starts_with_colon(following)):
            doc.event["place"] = layout.clean(line)
            doc.position += 1


def _parse_captions(doc: _Document, end: int) -> None:
    while doc.position < end:
        line = doc.peek()
        found = layout.counter(line) if line else None
        if found is None:
            return
        doc.position += 1
        caption: dict[str, Any] = {"index": found[0], "total": found[1], "text": None}
        slot = doc.peek() if doc.position < end else None
        if slot == layout.NO_CAPTION:
            doc.position += 1
        elif slot is not None and _is_caption_text(slot):
            caption["text"] = layout.unescape(slot)
            doc.position += 1
        doc.captions.append(caption)


def _is_caption_text(line: str) -> bool:
    if line.startswith(layout.ESCAPE):
        return True
    return not (
        layout.is_escaped(line)
        or layout.counter(line)
        or layout.is_structural(line)
        or layout.split_label_line(line)
        or kremlin.attendee_intro(line)
    )


def _parse_attendees(doc: _Document, end: int) -> None:
    line = doc.peek()
    if line is None or doc.position >= end or layout.is_escaped(line):
        return
    intro = kremlin.attendee_intro(line)
    if intro is None:
        return
    doc.event["attendees_intro"] = intro
    first = layout.clean(line)[len(intro) :].lstrip(" :")
    parts = [first]
    doc.position += 1
    while doc.position < end and not parts[-1].endswith("."):
        following = doc.peek()
        if following is None or not following.startswith((",", ".", "and ", "и ")):
            break
        parts.append(following)
        doc.position += 1
    doc.attendees_text = parts


def _parse_body(doc: _Document, end: int) -> None:
    open_turn: dict[str, Any] | _RawSpeech | None = None
    resume: int | None = None  # the speech an interruption (stage, omission) sits in
    attendees_possible = not doc.attendees_text and "attendees_intro" not in doc.event
    texts, other = doc.texts, doc.other
    # The lines to look at one by one, then ``end`` to stop at.
    pending = other[bisect.bisect_left(other, doc.position) : bisect.bisect_left(other, end)]
    pending.append(end)
    next_pending = 0
    while doc.position < end:
        position = doc.position
        while pending[next_pending] < position:
            next_pending += 1
        stop = pending[next_pending]
        if position < stop and not attendees_possible:
            # Plain paragraphs up to the next line that may be something else.
            doc.position = stop
            if open_turn is None:
                open_turn = _add_paragraph(doc, texts[position], open_turn, resume)
                position += 1
            _paragraphs(open_turn).extend(texts[position:stop])
            continue
        line = texts[position]
        doc.position = position + 1
        if line[0] in _MARKERS:
            step = _marker_line(doc, line, open_turn, resume, attendees_possible)
            if step is not None:
                open_turn, resume, attendees_possible = step
                continue
        labelled = layout.split_label_line(line)
        if labelled is not None:
            open_turn = _RawSpeech(labelled[0], [labelled[1]])
            doc.turns.append(open_turn)
            resume, attendees_possible = None, False
            continue
        open_turn, resume, attendees_possible = _unlabelled_line(
            doc, end, line, open_turn, resume, attendees_possible
        )


_MARKERS = frozenset("\\*<[(")


def _paragraphs(turn: dict[str, Any] | _RawSpeech) -> list[str]:
    if isinstance(turn, _RawSpeech):
        return turn.paragraphs
    paragraphs: list[str] = turn["paragraphs"]
    return paragraphs


def _marker_line(
    doc: _Document,
    line: str,
    open_turn: dict[str, Any] | _RawSpeech | None,
    resume: int | None,
    attendees_possible: bool,
) -> tuple[dict[str, Any] | _RawSpeech | None, int | None, bool] | None:
    """Read a directive, escaped, break, omission or stage line (the line before
    ``doc.position``); None when ``line`` only starts like one. Returns the open turn, the
    resumed speech and whether an attendee sentence may follow."""
    first = line[0]
    if first == "\\":
        command = layout.directive(line)
        if command is None:
            text = layout.unescape(line)
            return _add_paragraph(doc, text, open_turn, resume), resume, attendees_possible
        open_turn, resume = _apply_directive(doc, command, open_turn, resume)
        return open_turn, resume, attendees_possible and command[0] != "speech"
    if first == "*" and layout.is_break(line):
        doc.turns.append({"kind": "break", "marker": line})
        return None, None, attendees_possible
    if first in "<[" and layout.is_omission(line):
        doc.turns.append({"kind": "omission", "marker": line})
        return None, _interrupted(open_turn, resume, doc), attendees_possible
    if first == "(" and layout.is_stage(line):
        doc.turns.append({"kind": "stage", "text": line})
        return None, _interrupted(open_turn, resume, doc), attendees_possible
    return None


def _unlabelled_line(
    doc: _Document,
    end: int,
    line: str,
    open_turn: dict[str, Any] | _RawSpeech | None,
    resume: int | None,
    attendees_possible: bool,
) -> tuple[dict[str, Any] | _RawSpeech | None, int | None, bool]:
    """Read a body line without a marker or an inline label (the line before
    ``doc.position``): a label on its own line, an attendee sentence, a heading or a paragraph.
    Returns the open turn, the resumed speech and whether an attendee sentence may follow."""
    following = doc.texts[doc.position] if doc.position < end else None
    if (
        following is not None
        and layout.starts_with_colon(following)
        and layout.is_label(line)
        and following[2:].strip()
    ):
        speech = _RawSpeech(layout.clean(line), [following[2:].strip()])
        doc.turns.append(speech)
        doc.position += 1
        return speech, None, False
    if (
        line.endswith(":")
        and following is not None
        and (" " in line or kremlin.is_generic_label(line[:-1]))
        and layout.is_label(line[:-1])
        and not layout.is_structural(following)
        and layout.split_label_line(following) is None
    ):
        speech = _RawSpeech(layout.clean(line[:-1]), [following])
        doc.turns.append(speech)
        doc.position += 1
        return speech, None, False
    if attendees_possible and kremlin.attendee_intro(line):
        doc.position -= 1
        _parse_attendees(doc, end)
        return None, None, False
    if (
        not isinstance(open_turn, _RawSpeech)
        and layout.is_heading(line)
        and not layout.starts_with_colon(following or "")
    ):
        # Inside a speech a short line is taken as its text: cutting the speech at a
        # false heading would lose the speaker of what follows.
        doc.turns.append({"kind": "heading", "text": line})
        return None, None, attendees_possible
    return _add_paragraph(doc, line, open_turn, resume), resume, attendees_possible


def _interrupted(
    open_turn: dict[str, Any] | _RawSpeech | None, resume: int | None, doc: _Document
) -> int | None:
    if isinstance(open_turn, _RawSpeech):
        index = next(i for i in range(len(doc.turns) - 1, -1, -1) if doc.turns[i] is open_turn)
        return _speech_origin(doc, index)
    return resume


def _speech_origin(doc: _Document, index: int) -> int:
    turn = doc.turns[index]
    if isinstance(turn, _RawSpeech) and turn.resumes is not None:
        return turn.resumes
    return index


def _add_paragraph(
    doc: _Document,
    text: str,
    open_turn: dict[str, Any] | _RawSpeech | None,
    resume: int | None,
) -> dict[str, Any] | _RawSpeech:
    if isinstance(open_turn, _RawSpeech):
        open_turn.paragraphs.append(text)
        return open_turn
    if open_turn is not None:
        open_turn["paragraphs"].append(text)
        return open_turn
    new_turn: dict[str, Any] | _RawSpeech
    if resume is not None:
        new_turn = _RawSpeech(None, [text], resumes=resume)
    else:
        new_turn = {"kind": "narrative", "paragraphs": [text]}
    doc.turns.append(new_turn)
    return new_turn


def _apply_directive(
    doc: _Document,
    command: tuple[str, str],
    open_turn: dict[str, Any] | _RawSpeech | None,
    resume: int | None,
) -> tuple[dict[str, Any] | _RawSpeech | None, int | None]:
    name, argument = command
    if name == "narrative":
        turn: dict[str, Any] = {"kind": "narrative", "paragraphs": []}
        doc.turns.append(turn)
        return turn, None
    if name == "speech":
        try:
            fields = json.loads(argument)
        except (json.JSONDecodeError, RecursionError):
            fields = None
        if not isinstance(fields, dict):
            raise TranscriptError.single(
                "text_syntax",
                "expected a JSON object after \\speech (speaker, label, role)",
                doc.origin,
                doc.lines[doc.position - 1][0],
            )
        speech = _RawSpeech(fields.get("label"), [], explicit=fields)
        doc.turns.append(speech)
        return speech, None
    if name in ("stage", "heading"):
        doc.turns.append({"kind": name, "text": argument})
    else:
        doc.turns.append({"kind": name, "marker": argument})
    if name in ("stage", "omission"):
        return None, _interrupted(open_turn, resume, doc)
    return None, None


def _parse_footer(doc: _Document, start: int) -> None:
    section: str | None = None
    lists: dict[str, list[str]] = {"see_also": [], "geography": [], "topics": [], "persons": []}
    for number, line in doc.lines[start:]:
        # An escaped line is a list item, whatever it looks like.
        if not layout.is_escaped(line):
            key = kremlin.footer_key(line)
            if key is not None:
                section = key
                continue
            found = kremlin.footer_field(line)
            if found is not None:
                doc.footer[found[0]] = found[1]
                doc.footer[f"{found[0]}_line"] = number
                continue
            ext = layout.extension(line)
            if ext is not None:
                _store_extension(doc, ext[0], ext[1], number)
                continue
        if section == "see_also":
            lists[section].append(layout.unescape(line))
        elif section in lists:
            lists[section].append(layout.clean(layout.unescape(line)))
        else:
            doc.warn("dropped", f"footer line not understood, dropped: {_short(line)}", number)
    doc.footer.update(lists)


_JSON_EXTENSIONS = {"participant": dict, "sections": list, "links": list}


def _store_extension(doc: _Document, name: str, value: str | None, number: int) -> None:
    if name not in _JSON_EXTENSIONS:
        doc.extensions[name] = value
        return
    expected = _JSON_EXTENSIONS[name]
    try:
        parsed = json.loads(value) if value is not None else None
    except (json.JSONDecodeError, RecursionError):
        parsed = None
    if not isinstance(parsed, expected):
        what = "a JSON object" if expected is dict else "a JSON array"
        raise TranscriptError.single(
            "text_syntax",
            f"expected {what} after the footer key for {name}",
            doc.origin,
            number,
        )
    if name == "participant":
        doc.participants_explicit.append(parsed)
    else:
        doc.extensions[name] = parsed


# --- building the transcript ------------------------------------------------------------------


def _build(doc: _Document) -> Transcript:
    from .people import resolve

    ext = doc.extensions
    event = dict(doc.event)
    for name in ("place", "attendees_intro"):
        if name in ext:
            event[name] = ext[name]
    participants, turns = resolve(doc, ext)
    language = ext.get("language") or kremlin.detect_language(_language_sample(event, turns))
    event["utc_offset"] = ext.get("utc_offset", kremlin.MOSCOW_OFFSET)
    footer = doc.footer
    published = kremlin.parse_published(footer["published"]) if "published" in footer else None
    if "published" in footer and published is None:
        doc.warn(
            "dropped",
            f"publication date not understood, dropped: {_short(footer['published'])} "
            "(expected a date and time such as 'March 11, 2022, 14:20')",
            footer["published_line"],
        )
    sections = ext.get("sections")
    if sections is None:
        raw = footer.get("sections")
        sections = [layout.clean(s) for s in raw.split(", ")] if raw else []
    links = ext.get("links")
    if links is None:
        links = [{"title": t, "url": None} for t in footer["see_also"]]
    data = {
        "id": ext.get("id") or kremlin.transcript_id(event["date"], event["title"]),
        "language": language,
        "event": event,
        "participants": participants,
        "turns": turns,
        "metadata": {
            "source": {
                "url": ext.get("url"),
                "publisher": ext.get("publisher", kremlin.PUBLISHERS.get(language)),
                "identifier": ext.get("identifier"),
            },
            "licence": ext.get("licence", kremlin.LICENCE),
            "published": published,
            "sections": sections,
            "topics": footer["topics"],
            "geography": footer["geography"],
            "persons": footer["persons"],
            "captions": doc.captions,
            "see_also": links,
        },
    }
    try:
        return Transcript.model_validate(data)
    except ValidationError as error:
        raise TranscriptError(
            [_locate(problem, doc) for problem in problems_from_validation_error(error, doc.origin)]
        ) from None


_LANGUAGE_SAMPLE = 4000


def _language_sample(event: dict[str, Any], turns: list[dict[str, Any]]) -> str:
    """The title, lead and paragraphs, up to a few thousand characters: enough to tell."""
    parts = [event["title"], event.get("lead") or ""]
    size = 0
    for turn in turns:
        for paragraph in turn.get("paragraphs", ()):
            parts.append(paragraph)
            size += len(paragraph)
            if size > _LANGUAGE_SAMPLE:
                return "\n".join(parts)
    return "\n".join(parts)


def _locate(problem: Problem, doc: _Document) -> Problem:
    # The model's rules concern the whole page: point at its first line.
    return replace(problem, line=doc.lines[0][0])
