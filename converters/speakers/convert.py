"""Speaker-label text from other publishers: press briefings, remarks, interview transcripts.

The layout this reader knows is the one most government and media transcripts share:

* a header block before the first speaker label: the title, a date ("March 11, 2022",
  "Friday, 11 March 2022", "2022-03-11", "MARCH 11, 2022 • PRESS BRIEFINGS", "Date: …"), a time
  ("1:52 P.M. EST", "14:20") and a place ("James S. Brady Press Briefing Room", "Location: …");
* speaker labels at the start of a line: upper-case labels ("THE PRESIDENT:", "MS. JEAN-PIERRE:"),
  the bare question label of White House transcripts ("Q    Thank you."), name labels
  ("Dmitry Peskov:"), and labels carrying a timestamp ("Dmitry Peskov: (09:51)");
* stage lines on their own ("(Applause.)", "[Laughter.]"), "* * *" breaks, "[…]" omissions and an
  "END 2:43 P.M. EST" closing line.

What the text does not give stays empty: a role is split off a label only where the label itself
shows it (a known title word such as "PRESIDENT BIDEN", or the same name printed elsewhere without
the title), and two labels become one participant only when they print the same person
("THE PRESIDENT" and "PRESIDENT BIDEN" stay two). The transcript id is derived from the title and
the date; the language is an option or, failing that, a simple detection (``und`` when unsure).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

from transcript_model.errors import (
    Problem,
    TranscriptError,
    problems_from_validation_error,
)
from transcript_model.inputs import ReadResult, decode_text_or_windows_1252
from transcript_model.model import (
    Event,
    Metadata,
    Participant,
    Source,
    Speech,
    Transcript,
    Turn,
)

from .. import _kremlin as kremlin
from .._language import guess_language
from .._sniffing import is_html_document, is_html_head
from .._warnings import unspoken_labels
from . import court, gpo, gpo_names, markdown, white_house
from .body import Body, looks_wrapped, read_body, wrap_width
from .furniture import running_head_date, without_furniture
from .header import Header, Line, one_spaced, read_header
from .labels import Label, LabelMatch, find_labels, resolve_labels
from .lines import clean, split_lines, text_lines
from .offices import addressed_before, name_offices
from .participants import participants_of
from .solo import solo_speech
from .surnames import name_surnames


def _transcript_id(title: str, date: dt.date) -> str:
    """A stable id from the title and the date: "press-briefing-by-…-2022-03-11"."""
    slug = kremlin.slug(title, 50)
    if not slug[0].isalpha():
        slug = "t-" + slug
    return f"{slug}-{date.isoformat()}"


def _option_date(value: object, origin: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise TranscriptError.single(
        "option", f"option date must be a date or YYYY-MM-DD, not {value!r}"[:120], origin
    )


def read(
    data: bytes,
    origin: str = "<input>",
    *,
    title: str | None = None,
    date: dt.date | str | None = None,
    place: str | None = None,
    language: str | None = None,
    id: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    unwrap: bool | None = None,
) -> ReadResult:
    """Read one speaker-label transcript (a press briefing, remarks, an interview, a US
    congressional hearing record as GPO prints it).

    ``title``, ``date`` (``datetime.date`` or ``YYYY-MM-DD``), ``place``, ``language`` (BCP 47),
    ``id``, ``url`` and ``publisher`` fill or override what the header gives; ``unwrap`` joins
    hard-wrapped lines into paragraphs (detected when omitted). Raises TranscriptError (located)
    when no title or no date can be found and none is given.
    """
    options: dict[str, Any] = {"title": title, "date": date, "place": place, "id": id}
    options.update({"language": language, "url": url, "publisher": publisher})
    warnings: list[Problem] = []
    # a record's paragraphs are one line each
    lines, markup, record, running_head = _prepared(data, origin, warnings)
    unwrap = False if record is not None else unwrap
    if not any(line.text for line in lines):
        raise TranscriptError.single("empty", "the input is empty (expected a transcript)", origin)
    labels_at = _labels_found(lines, markup, record, record is None and _is_page(data, origin))
    first_label = min(labels_at, default=None)
    header_lines = [
        ln for ln in lines if ln.text and (first_label is None or ln.number < first_label)
    ]
    if first_label is None:
        header_lines = header_lines[:6]
    header = read_header(header_lines, warnings, origin)
    _complete_header(header, markup, title, origin, warnings)
    dated_head = running_head() if header.date is None and date is None else None
    if dated_head is not None:
        header.date, number = dated_head
        note = f"no date in the header: the running head's {header.date.isoformat()} is the date"
        warnings.append(Problem("date_from_running_head", note, origin, number, severity="warning"))
    body_start = (
        first_label
        if first_label is not None
        else (header_lines[-1].number + 1 if header_lines else 1)
    )
    order = [labels_at[n][0] for n in sorted(labels_at)]
    labels = _named_labels(order, lines, labels_at, header, markup, record)
    participants, ids = participants_of(labels, order)
    body_lines = [ln for ln in lines if ln.number >= body_start]
    width = wrap_width(body_lines, labels_at)
    if unwrap is None:
        unwrap = looks_wrapped(body_lines, labels_at, width)
    body = Body(ids, bool(unwrap), width)
    for text in header.narrative:
        body.paragraph(text)
        body.blank()
    stamps = read_body(body, lines, body_start, labels_at, labels, record)
    warnings += _dropped(stamps, body.unspoken, origin)
    turns = body.finished_turns()
    if body.unspoken:  # a label never followed by words ("**Break:** [25:01]") names no one
        speaking = {turn.speaker for turn in turns if isinstance(turn, Speech)}
        participants = [person for person in participants if person.id in speaking]
    participants, turns = solo_speech(
        participants, turns, markup, options.get("title") or header.title
    )
    transcript = _build(header, participants, turns, options, lines, origin)
    return ReadResult([transcript], warnings)


def _named_labels(
    order: list[str],
    lines: Sequence[Line],
    labels_at: dict[int, LabelMatch],
    header: Header,
    markup: markdown.Markup,
    record: gpo.Record | None,
) -> dict[str, Label]:
    """The labels, each with the person it names as far as the text tells."""
    labels = resolve_labels(order)
    offices = (
        white_house.holders_on(header.date)
        if header.date is not None and white_house.is_white_house(header.url)
        else None
    )
    names = markdown.NameIndex(header.title, markup, header.narrative, offices)
    for lb in labels.values():
        lb.generic = lb.generic or markdown.generic_label(lb.printed)
        lb.name = (not lb.generic and names.resolve(lb.printed, lb.role, lb.name)) or lb.name
    # Read only when an office label's mentions name several ministers.
    addressed = functools.cache(
        lambda: addressed_before(
            ((ln.number, ln.text) for ln in lines), {n: m[0] for n, m in labels_at.items()}
        )
    )
    name_offices(labels, (ln.text for ln in lines), names.full, addressed)
    name_surnames(labels, (ln.text for ln in lines))
    if record is not None:  # the record's roster and statement headings print full names
        gpo_names.name_labels(labels, record.people, record.chair)
    return labels


def _labels_found(
    lines: Sequence[Line], markup: markdown.Markup, record: gpo.Record | None, page: bool
) -> dict[int, LabelMatch]:
    """The lines that open with a speaker label; in a GPO record, only those its layout
    marks (a letter's "Dear Chairman Shaw:" in the appendix is none); on a web ``page``, not
    a headline with a colon that opens it (see :func:`_headline`) nor the headlines of its
    lists of other articles (see :func:`_headline_lists`)."""
    found = find_labels(lines, markup.label_lines)
    if record is not None:
        return {n: label for n, label in found.items() if n in record.label_lines}
    if not page:  # in plain text a first line "MODERATOR: Good evening" is a speech
        return found
    first = next((line for line in lines if line.text), None)
    if first is not None and first.number in found and _headline(found, first.number):
        heading = found[first.number][:2]
        found = {n: label for n, label in found.items() if label[:2] != heading}
    return _headline_lists(found)


def _headline_lists(found: dict[int, LabelMatch]) -> dict[int, LabelMatch]:
    """No labels, when every label of a page stands once before a few words that end no
    sentence: the headlines of its lists of other articles ("FACT CHECK: Recession is culprit
    in high US debt", "Week Ahead: Spotlight on Bernanke"); a transcript's speakers speak
    more than once, or end what they say."""
    named = [label for label in found.values() if label[0] not in ("Q", "A")]
    if len(named) < 2 or len({label[0] for label in named}) < len(named):
        return found
    if all(_headline_words(rest) for _, rest, _ in named):
        return {n: label for n, label in found.items() if label[0] in ("Q", "A")}
    return found


def _headline_words(rest: str) -> bool:
    return 3 <= len(rest.split()) <= 12 and not rest.rstrip().endswith(_SENTENCE_ENDS)


_SENTENCE_ENDS = (".", "?", "!", "…", '"', "”")


#: At most this many words after a headline's colon ("NA: Debate on Use of Air Force Base
#: Waterkloof by GUPTA Family: Matters of Public Importance", South Africa's PMG).
_HEADLINE_WORDS = 20


def _headline(found: dict[int, LabelMatch], number: int) -> bool:
    """A page's title with a colon ("Weekly Address: Tuition-Free Community College"): the
    first line of the text, its label-shaped head printed elsewhere only with the same words
    after it (a page's heading repeats its title), and those a few words that end no
    sentence."""
    printed, rest, _ = found[number]
    words = rest.split()
    return (
        0 < len(words) <= _HEADLINE_WORDS
        and not rest.rstrip().endswith(_SENTENCE_ENDS)
        and all(other == rest for label, other, _ in found.values() if label == printed)
    )


#: The date a running head prints, and its line number.
RunningHead = tuple[dt.date, int] | None


def _prepared(
    data: bytes, origin: str, warnings: list[Problem]
) -> tuple[list[Line], markdown.Markup, gpo.Record | None, Callable[[], RunningHead]]:
    """The lines to read and what their markup says: a GPO hearing record's paragraphs, or
    the lines of any other text with its Markdown made plain and its page furniture left out;
    last, what gives the date the furniture's running heads print, and where (looked for only
    when the header gives none)."""
    record = gpo.read_record(data, origin) or court.read_record(data, origin)
    if record is None:
        every_line = _lines(data, origin, warnings)
        lines, left_out = without_furniture(every_line, origin)
        warnings += left_out
        lines, markup = markdown.prepare(lines, markdown.is_markdown(origin))
        head = functools.partial(running_head_date, every_line) if left_out else _no_running_head
        return lines, markup, None, head
    markup = markdown.Markup(title=record.title, date=record.date, label_lines=record.label_lines)
    warnings += record.warnings
    return record.lines, markup, record, _no_running_head


def _no_running_head() -> RunningHead:
    return None


def _is_page(data: bytes, origin: str) -> bool:
    """Another site's saved page (a Markdown file that opens with an HTML block is Markdown)."""
    head = data[:4096]
    return is_html_document(head) or (is_html_head(head) and not markdown.is_markdown(origin))


def _lines(data: bytes, origin: str, warnings: list[Problem]) -> list[Line]:
    """The input's lines; for another site's saved page, those of its main text. Text that is
    not UTF-8 but reads as Windows-1252 is read so, with a warning."""
    if _is_page(data, origin):
        from . import html_page  # lxml only for pages: validating other formats never loads it

        return split_lines(html_page.page_text(data, origin, len(data) + 1), origin)
    text, decoding = decode_text_or_windows_1252(data, origin)
    warnings += decoding
    return [Line(number, clean(raw)) for number, raw in enumerate(text_lines(text, origin), 1)]


def _complete_header(
    header: Header,
    markup: markdown.Markup,
    title: str | None,
    origin: str,
    warnings: list[Problem],
) -> None:
    """What the markup adds to the header; for a text that prints no title and is given
    none, the words of a file name holding an ISO date."""
    markdown.fill_header(header, markup, origin)
    named = None if title or header.title else markdown.title_in_name(origin)
    if named:
        header.title = named
        warnings.append(
            Problem(
                "title_from_file_name",
                f"no title in the text: the file name's words {named!r} are the title",
                origin,
                severity="warning",
            )
        )


def _dropped(stamps: int, unspoken: list[str], origin: str) -> list[Problem]:
    """Warnings for what the model has no place for: timestamps, labels without text."""
    warnings: list[Problem] = []
    if stamps:
        warnings.append(
            Problem(
                "dropped",
                f"{stamps} speaker timestamps such as '(09:51)' are not kept: the model has no "
                "place for them",
                origin,
                severity="warning",
            )
        )
    return warnings + unspoken_labels(unspoken, origin)


def _build(
    header: Header,
    participants: list[Participant],
    turns: list[Turn],
    options: dict[str, Any],
    lines: Sequence[Line],
    origin: str,
) -> Transcript:
    title = options.get("title") or header.title
    date = _option_date(options["date"], origin) if options["date"] else header.date
    first = next((ln.number for ln in lines if ln.text), 1)
    if not title:
        raise TranscriptError.single(
            "no_title",
            "no title found: expected the title on the first line before the speaker labels, "
            "a title in front matter or a heading, or a file name with an ISO date and words "
            "(or give one: title=... in Python, -r title=... on the command line)",
            origin,
            first,
            1,
        )
    if date is None:
        raise TranscriptError.single(
            "no_date",
            "no date found in the header before the first speaker label: expected a line such "
            "as 'March 11, 2022', '11 March 2022' or '2022-03-11' (or give one: date=YYYY-MM-DD "
            "in Python, -r date=YYYY-MM-DD on the command line)",
            origin,
            first,
            1,
        )
    language = options.get("language") or guess_language("\n".join(ln.text for ln in lines[:400]))
    identifier = options.get("id") or _transcript_id(title, date)
    url = options.get("url") or header.url
    publisher = options.get("publisher") or header.publisher
    try:
        return Transcript(
            id=identifier,
            language=language,
            event=Event(
                title=one_spaced(title),
                date=date,
                time=header.time,
                utc_offset=header.utc_offset if header.time else None,
                place=options.get("place") or header.place,
            ),
            participants=participants,
            turns=turns,
            metadata=Metadata(source=Source(url=url, publisher=publisher), topics=header.topics),
        )
    except ValidationError as error:
        raise TranscriptError(problems_from_validation_error(error, origin)) from None
