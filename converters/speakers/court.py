"""Transcripts as court reporters print them: every line numbered, 1 to 25 a page.

The US Supreme Court's oral arguments (and the hearings and depositions of the reporting firms
that print them) come as pages of numbered lines, often double-spaced, between a running head
("Official - Subject to Final Review") and a foot (the page number, "Alderson Reporting
Company"). The first pages are the caption (the parties between two rules of "- - - x", the
docket number beside them), the place and date ("Monday, March 26, 2012"), the appearances
("ROBERT A. LONG, ESQ., Washington, D.C.; for …") and the contents; "P R O C E E D I N G S"
opens the proceedings. A paragraph's first line is indented, the lines after it are at the
margin; a speech opens with a label in capitals and a colon ("CHIEF JUSTICE ROBERTS:", "MR.
LONG:"; a deposition's "Q." and "A."), indented capitals are headings ("ORAL ARGUMENT OF ROBERT
A. LONG"), and "(Whereupon, …
the case … was submitted.)" ends it, before an index of words that must not be read.

:func:`read_record` makes such a transcript into the reader's lines as :mod:`.gpo` does for a
hearing record: one line a paragraph, the numbers, heads and feet left out, the title (the
caption's parties) and date from the first pages, the labels, headings and end marked, and the
people the appearances name in full.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from transcript_model.errors import Problem

from .gpo import Record, date_in, with_warning
from .gpo_names import Person
from .header import Line, one_spaced
from .lines import legacy_raw_lines
from .numbered import LAST_LINE_NUMBER, NUMBERED, looks_like_numbered_transcript

#: Deeper than the margin by this much, a line opens a paragraph (or is a heading).
_INDENTED = 5
_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'’\- ]{1,50}[A-Z.]):[ \t]")
#: A deposition's question and answer: "Q.  Did you see him?", "A.  Yes." (a capital, a
#: digit or a quotation mark next: "A. first, litigate later" goes on with a sentence).
_QUESTION_OR_ANSWER = re.compile(r"(?P<label>[QA])\.[ \t]+(?=[A-Z0-9\"“'‘(])")
#: A line of capitals that ends with a colon: an examination's head ("BY MR. SMITH:").
_CAPITALS_HEAD = re.compile(r"[A-Z][A-Z.'’\- ]{1,60}:")
#: The caption's rule ("- - - - - - x"); a party's line has a colon beside it ("FLORIDA,
#: ET AL.     :", "Petitioners     :    No. 11-398").
_RULE = re.compile(r"[-\s]{10,}x")
#: "(Whereupon, at 11:41 a.m., the case … was submitted.)"; not a recess, after which the
#: proceedings go on.
_END = re.compile(r"^\(Whereupon,? .{0,200}\b(?:submitted|adjourned|concluded)\b", re.IGNORECASE)
#: "ROBERT A. LONG, ESQ., Washington, D.C.; for …", "DONALD B. VERRILLI, JR., ESQ., …".
_APPEARANCE = re.compile(
    r"^(?P<name>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){1,4}),(?: (?:JR|SR)\.,)? ESQ\."
)


def read_record(data: bytes, origin: str) -> Record | None:
    """A numbered transcript made ready to read (see the module); None for other text."""
    head = data[:65536].decode("utf-8", errors="ignore")
    if not looks_like_numbered_transcript(head):
        return None
    lines, decoding = legacy_raw_lines(data, origin)
    return with_warning(prepare(lines, origin), decoding)


def prepare(raw: Sequence[str], origin: str) -> Record:
    """A numbered transcript's paragraphs as lines, its title, date, labels, headings, end."""
    record = Record([Line(n, "") for n in range(1, len(raw) + 1)])
    numbered = list(_numbered_texts(raw))
    margin = _margin(numbered)
    start = _proceedings_start(numbered)
    front = [text for _, text in numbered[:start]]
    record.title = _caption(front)
    record.date = next((day for text in front if (day := date_in(text))), None)
    record.people = [p for text in front if (p := _appearance(text)) is not None]
    if start:
        first = numbered[start][0] + 1 if start < len(numbered) else len(raw)
        front_lines = f"the caption, appearances and contents (lines 1-{first - 1})"
        record.warnings.append(_left_out(front_lines, origin, 1))
    _paragraphs(numbered[start:], margin, record)
    _opening_time(record)
    end = min(record.end_lines, default=None)
    if end is not None:
        after = [line.number for line in record.lines if line.number > end and line.text]
        for number in after:
            record.lines[number - 1] = Line(number, "")
        record.label_lines = {n for n in record.label_lines if n <= end}
        record.heading_lines = {n for n in record.heading_lines if n <= end}
        if after:
            index = f"what follows the end (lines {after[0]}-{after[-1]}: an index of words)"
            record.warnings.append(_left_out(index, origin, after[0]))
    return record


#: "(10:12 a.m.)": when the proceedings began, printed before the first word spoken.
_CLOCK = re.compile(r"\((\d{1,2}:\d{2} ?[ap]\.m\.)\)", re.IGNORECASE)


def _opening_time(record: Record) -> None:
    """The time the proceedings began, as the header reads a time, not as a place."""
    first_label = min(record.label_lines, default=len(record.lines) + 1)
    for line in record.lines[: first_label - 1]:
        clock = _CLOCK.fullmatch(line.text)
        if clock is not None:
            record.lines[line.number - 1] = Line(line.number, clock.group(1))
            return


def _left_out(what: str, origin: str, line: int) -> Problem:
    return Problem("dropped", f"{what} are not kept", origin, line, severity="warning")


def _numbered_texts(raw: Sequence[str]) -> Iterator[tuple[int, str]]:
    """(index, text after the number with its indentation) of every numbered line, and of an
    unnumbered line right under a number that stands alone (no blank between): some reporters
    print a line's text under its number ("       8" / "      Croton-on-Hudson Town Hall",
    the New York Senate's); the other unnumbered ones (running heads, page numbers, the
    reporter's name and number, under the page's last line or after a blank) are left out."""
    column: int | None = None  # where the text of a number that stands alone would start
    for index, line in enumerate(raw):
        found = NUMBERED.match(line)
        if found is not None and 1 <= int(found.group(1)) <= LAST_LINE_NUMBER:
            text = line[found.end() :].rstrip()
            alone = not text.strip() and int(found.group(1)) < _USUAL_LAST_LINE
            column = found.end() if alone else None
            yield index, text
        elif column is not None and line.strip() and not line.strip().isdigit():
            under = line[column:] if line[:column].isspace() else line.lstrip()
            yield index, under.rstrip()
            column = None
        else:
            column = None


#: A page's usual last line number: what stands under it is the page's foot.
_USUAL_LAST_LINE = 25


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _margin(numbered: Sequence[tuple[int, str]]) -> int:
    """The smallest indentation a tenth of the lines of text have after their number: the
    lines that go on with a paragraph (one-line turns, indented, may be most lines)."""
    counts = Counter(_indent(text) for _, text in numbered if text.strip())
    total = sum(counts.values())
    return min((indent for indent, count in counts.items() if count * 10 >= total), default=0)


def _proceedings_start(numbered: Sequence[tuple[int, str]]) -> int:
    """Where the proceedings start: after "P R O C E E D I N G S", or at the first label."""
    first_label = None
    for position, (_, text) in enumerate(numbered):
        letters = text.replace(" ", "")
        if letters in ("PROCEEDINGS", "PROCEEDING"):
            return position + 1
        if first_label is None and _is_label(text.strip()):
            first_label = position
    return first_label or 0


def _caption(front: Sequence[str]) -> str | None:
    """The parties between the caption's two rules ("DEPARTMENT OF HEALTH AND HUMAN SERVICES,
    ET AL., Petitioners v. FLORIDA, ET AL."); else the first line of the first page."""
    rules = [index for index, text in enumerate(front) if _RULE.fullmatch(text.strip())]
    if len(rules) >= 2:
        parties = (_party(text) for text in front[rules[0] + 1 : rules[1]])
        title = one_spaced(" ".join(p for p in parties if p.strip()))
        if title:
            return title
    lines = [one_spaced(text) for text in front if text.strip()]
    # "ALBANY, NEW YORK" / "March 10, 1993" / "12:10 p.m." / "REGULAR SESSION": the first
    # line that is no place, date or clock (the New York Senate's first page), else the first.
    for text in lines:
        if not (_PLACE.fullmatch(text) or _CLOCK_LINE.fullmatch(text) or date_in(text)):
            return text
    return lines[0] if lines else None


#: A place in capitals on a caption's page: "ALBANY, NEW YORK".
_PLACE = re.compile(r"[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*)?, [A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.]*)?")
_CLOCK_LINE = re.compile(r"\d{1,2}:\d{2} ?[ap]\.?m\.?", re.IGNORECASE)


def _party(line: str) -> str:
    """A caption line without the colon column beside the parties and what follows it."""
    party, colon, _ = line.partition(":")
    return party if colon and party[-2:].isspace() else line


def _appearance(text: str) -> Person | None:
    found = _APPEARANCE.match(one_spaced(text))
    return (found.group("name"), None) if found else None


def _paragraphs(numbered: Sequence[tuple[int, str]], margin: int, record: Record) -> None:
    """Join each paragraph's lines onto its first: an indented line opens one (a heading when
    it is all capitals and no label), and so do a label in capitals, a deposition's "Q." or
    "A." and a head such as "BY MR. SMITH:" wherever they stand (one-line turns may all stand
    at one indentation, which is then the margin); a line at the margin goes on with the open
    one."""
    opened: int | None = None
    parts: list[str] = []

    def flush() -> None:
        if opened is not None:
            _set(record, opened, one_spaced(" ".join(parts)))
        parts.clear()

    for index, text in numbered:
        stripped = text.strip()
        if not stripped:
            continue
        opens = (
            _LABEL.match(stripped) is not None
            or _QUESTION_OR_ANSWER.match(stripped) is not None
            or _CAPITALS_HEAD.fullmatch(stripped) is not None
        )
        if opened is None or opens or _indent(text) >= margin + _INDENTED:
            flush()
            opened = index
        parts.append(stripped)
    flush()


#: The heads of a hearing's roster on its first pages, which print names under them, not
#: words spoken: "PRESIDING:", "ALSO PRESENT:", "SPEAKERS (Continued):" (in the proceedings
#: "THE WITNESS:" and "SPEAKER:" are labels).
_ROSTER_HEADS = frozenset(
    {"PRESIDING", "PRESENT", "ALSO PRESENT", "SPEAKERS", "OPENING BY", "APPEARANCES",
     "WITNESSES", "INDEX", "EXHIBITS", "MEMBERS PRESENT", "STAFF PRESENT"}
)  # fmt: skip


def _is_label(text: str) -> bool:
    """A speaker's label opens ``text`` ("SENATOR MURPHY:  Thank you"), where the proceedings
    may start; not a roster's head."""
    found = _LABEL.match(text)
    if found is None:
        return False
    head = found.group("label").removesuffix(" (CONTINUED)").strip()
    return head not in _ROSTER_HEADS


def _is_heading(text: str) -> bool:
    return (
        not any(c.islower() for c in text)
        and _LABEL.match(text) is None
        and sum(c.isalpha() for c in text) >= 4
    )


def _set(record: Record, index: int, text: str) -> None:
    number = index + 1
    asked = _QUESTION_OR_ANSWER.match(text)
    if asked is not None:  # the reader's generic labels "Q" and "A" take a colon
        text = f"{asked.group('label')}: {text[asked.end() :]}"
    record.lines[index] = Line(number, text)
    if asked is not None or _LABEL.match(text):
        record.label_lines.add(number)
    elif _END.match(text):
        record.end_lines.add(number)
    elif _is_heading(text):
        record.heading_lines.add(number)
