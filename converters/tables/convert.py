"""Turns table (CSV or TSV) for analysis in pandas, R or a spreadsheet. Export only.

One row per paragraph, with the transcript and turn it belongs to and who speaks it, so that
``pandas.read_csv`` gives a tidy table in one call. Turns without paragraphs (stage directions,
headings, omissions, breaks) take one row each, with paragraph index 0 and their text or marker
in the ``text`` column. A second table, ``table="speeches"``, has one row per speech turn with
its word count, in the manner of the ParlaMint metadata TSV files.

The table is an export: it drops participants who never speak, the lead, the attendee list,
the publication metadata and the difference between an absent value and an empty one, so it
cannot be read back (the registry marks ``csv`` and ``tsv`` as write-only).

Quoting follows RFC 4180 for both delimiters: a field holding the delimiter or a double quote is
enclosed in double quotes, and quotes inside it are doubled. Model text never holds a line
break, but it may hold tabs, so TSV fields are quoted the same way rather than stripped.
CSV rows end with CRLF (RFC 4180); TSV rows end with LF, as Unix tools expect.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, TextIO, Union

from transcript_model.errors import TranscriptError
from transcript_model.model import (
    Heading,
    Narrative,
    Speech,
    StageDirection,
    Transcript,
    Turn,
)

ColumnKind = Literal["text", "category", "date", "time", "integer"]


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, the kind of value it holds, and whether it may be empty.

    ``category`` is text drawn from a small set (speakers, roles, labels, turn kinds), which
    typed formats such as Parquet dictionary-encode. A nullable column holds ``None`` where the
    model has no value; text formats write that as an empty field.
    """

    name: str
    kind: ColumnKind
    nullable: bool = False


_WHO = (
    Column("speaker_id", "category", nullable=True),
    Column("speaker_name", "category", nullable=True),
    Column("role", "category", nullable=True),
    Column("label", "category", nullable=True),
)
#: Who speaks in the sitting (model 1.1), last in each table so that the 1.0 columns keep
#: their places: the speech's function (chair, regular, guest, a role), the party and the
#: parliamentary group the speaker belongs to on the sitting's date (each organisation's
#: abbreviation, else its full name; several at once joined with "; "), and the speaker's sex.
_SPEAKER_FACTS = (
    Column("speaker_function", "category", nullable=True),
    Column("speaker_party", "category", nullable=True),
    Column("speaker_group", "category", nullable=True),
    Column("speaker_sex", "category", nullable=True),
)
#: The default table, one row per paragraph.
TURNS_TABLE = (
    Column("transcript_id", "text"),
    Column("date", "date"),
    Column("time", "time", nullable=True),
    Column("title", "text"),
    Column("turn_index", "integer"),
    Column("turn_kind", "category"),
    *_WHO,
    Column("paragraph_index", "integer"),
    Column("text", "text"),
    *_SPEAKER_FACTS,
)
#: ``table="speeches"``, one row per speech turn.
SPEECHES_TABLE = (
    Column("speech_id", "text"),
    Column("transcript_id", "text"),
    Column("date", "date"),
    Column("turn_index", "integer"),
    *_WHO,
    Column("paragraphs", "integer"),
    Column("words", "integer"),
    *_SPEAKER_FACTS,
)
#: The separator of several parties or groups held at once in one cell.
SEVERAL = "; "
#: Column names of the default table.
TURN_COLUMNS = tuple(column.name for column in TURNS_TABLE)
#: Column names of ``table="speeches"``.
SPEECH_COLUMNS = tuple(column.name for column in SPEECHES_TABLE)
TABLES = ("turns", "speeches")
# Not a non-word character and not "_": exactly the characters str.isalnum() accepts.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")

#: One value of a record: typed, ``None`` where the model has no value.
Cell = Union[str, int, dt.date, dt.time, None]
#: One row with typed values, in the order of the table's columns.
Record = tuple[Cell, ...]
RecordsFunction = Callable[[Transcript], Iterator[Record]]
Row = list[str]


def write(
    transcripts: Sequence[Transcript],
    *,
    delimiter: str = ",",
    table: str = "turns",
    header: bool = True,
) -> str:
    """Render transcripts as one table (export only: the table cannot be read back).

    ``delimiter`` is ``","`` for CSV and ``"\\t"`` for TSV; ``table`` is ``"turns"`` (one row per
    paragraph) or ``"speeches"`` (one row per speech turn with its word count); ``header=False``
    leaves out the header row.
    """
    buffer = io.StringIO(newline="")
    write_stream(transcripts, buffer, delimiter=delimiter, table=table, header=header)
    return buffer.getvalue()


def write_stream(
    transcripts: Iterable[Transcript],
    out: TextIO,
    *,
    delimiter: str = ",",
    table: str = "turns",
    header: bool = True,
) -> None:
    """Write transcripts to ``out`` as one table, one transcript at a time.

    Only the transcript being written is held, so an iterator that reads files lazily converts
    any number of them with flat memory. ``out`` should be opened with ``newline=""`` so that
    the line ends written here reach the file unchanged. Options as for :func:`write`.
    """
    columns = table_columns(table)
    writer = csv.writer(
        out,
        delimiter=_checked_delimiter(delimiter),
        quotechar='"',
        doublequote=True,
        quoting=csv.QUOTE_MINIMAL,
        lineterminator="\n" if delimiter == "\t" else "\r\n",
        strict=True,
    )
    if header:
        writer.writerow(column.name for column in columns)
    records_of = records_function(table)
    for transcript in transcripts:
        # The csv module writes None as an empty field and other values with str(), which is
        # ISO 8601 for dates and times: exactly what _as_row gives, without a list per row.
        writer.writerows(records_of(transcript))
        # Let it go before the next one is read, or two transcripts would be alive at once.
        del transcript


def turn_rows(transcript: Transcript) -> Iterator[Row]:
    """The rows of one transcript in the turns table as text (columns: :data:`TURN_COLUMNS`)."""
    return map(_as_row, turn_records(transcript))


def speech_rows(transcript: Transcript) -> Iterator[Row]:
    """The rows of one transcript in the speeches table as text (:data:`SPEECH_COLUMNS`)."""
    return map(_as_row, speech_records(transcript))


def turn_records(transcript: Transcript) -> Iterator[Record]:
    """The typed rows of one transcript in the turns table, in order (:data:`TURNS_TABLE`)."""
    event = transcript.event
    head = (transcript.id, event.date, event.time, event.title)
    names = _names(transcript)
    facts = _SpeakerFacts(transcript)
    for turn_index, turn in enumerate(transcript.turns, 1):
        if isinstance(turn, Speech):
            who, about = _who(names, turn), facts.of(turn)
        else:
            who, about = _NOBODY, _NO_FACTS
        for paragraph_index, text in _texts(turn):
            yield (*head, turn_index, turn.kind, *who, paragraph_index, text, *about)


def speech_records(transcript: Transcript) -> Iterator[Record]:
    """The typed rows of one transcript in the speeches table (:data:`SPEECHES_TABLE`)."""
    names = _names(transcript)
    facts = _SpeakerFacts(transcript)
    for turn_index, turn in enumerate(transcript.turns, 1):
        if isinstance(turn, Speech):
            yield (
                f"{transcript.id}.{turn_index}",
                transcript.id,
                transcript.event.date,
                turn_index,
                *_who(names, turn),
                len(turn.spoken),
                sum(word_count(p) for p in turn.spoken),
                *facts.of(turn),
            )


def table_columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table`` (``"turns"`` or ``"speeches"``)."""
    return TURNS_TABLE if records_function(table) is turn_records else SPEECHES_TABLE


def records_function(table: str) -> RecordsFunction:
    """The function giving the typed rows of one transcript in ``table``.

    Raises a TranscriptError (code ``option``) for a table that does not exist.
    """
    if table == "turns":
        return turn_records
    if table == "speeches":
        return speech_records
    raise TranscriptError.single(
        "option", f"unknown table {table!r} (expected one of: {', '.join(TABLES)})", "<options>"
    )


def word_count(text: str) -> int:
    """Words in ``text``: whitespace-separated tokens holding at least one letter or digit.

    Dashes and other punctuation standing alone are not words. Scripts written without spaces
    (Chinese, Japanese) count one word per run, as ParlaMint's untokenised counts would not.
    """
    return sum(1 for token in text.split() if _LETTER_OR_DIGIT.search(token))


def _names(transcript: Transcript) -> dict[str, str]:
    # Role-only participants have no name: their cell stays empty (the role is in its column).
    return {p.id: p.name for p in transcript.participants if p.name is not None}


_NOBODY: tuple[None, None, None, None] = (None, None, None, None)


_NO_FACTS: tuple[None, None, None, None] = (None, None, None, None)


class _SpeakerFacts:
    """The party, group and sex of each speaker of one transcript on its sitting's date,
    worked out once per speaker."""

    def __init__(self, transcript: Transcript) -> None:
        self._day = transcript.event.date.isoformat()
        self._kinds = {o.id: (o.kind, o.abbreviation or o.name) for o in transcript.organisations}
        self._people = {p.id: p for p in transcript.participants}
        self._known: dict[str, tuple[str | None, str | None, str | None]] = {}

    def of(self, speech: Speech) -> tuple[str | None, ...]:
        speaker = speech.speaker
        if speaker is None:
            return (speech.function, None, None, None)
        known = self._known.get(speaker)
        if known is None:
            known = self._known[speaker] = self._work_out(speaker)
        return (speech.function, *known)

    def _work_out(self, speaker: str) -> tuple[str | None, str | None, str | None]:
        person = self._people.get(speaker)
        if person is None:
            return (None, None, None)
        held: dict[str, list[str]] = {"political_party": [], "parliamentary_group": []}
        for affiliation in person.affiliations_on(self._day):
            kind, name = self._kinds.get(affiliation.organisation, ("other", ""))
            if kind in held and name not in held[kind]:
                held[kind].append(name)
        party, group = held["political_party"], held["parliamentary_group"]
        return (SEVERAL.join(party) or None, SEVERAL.join(group) or None, person.sex)


def _who(names: dict[str, str], speech: Speech) -> tuple[str | None, ...]:
    speaker = speech.speaker
    name = names.get(speaker) if speaker is not None else None
    return (speaker, name, speech.role, speech.label)


def _texts(turn: Turn) -> Iterator[tuple[int, str]]:
    # Paragraphs count from 1; 0 marks a turn that is a single line, not a paragraph.
    if isinstance(turn, Speech):
        yield from enumerate(turn.spoken, 1)
    elif isinstance(turn, Narrative):
        yield from enumerate(turn.paragraphs, 1)
    elif isinstance(turn, (StageDirection, Heading)):
        yield 0, turn.text
    else:
        yield 0, turn.marker


def _as_row(record: Record) -> Row:
    # The text form of every cell: dates and times in ISO 8601, absent values as empty fields.
    return [_as_text(cell) for cell in record]


def _as_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, int):
        return str(cell)
    return cell.isoformat()


def _checked_delimiter(delimiter: str) -> str:
    # A quote, a letter or a space as delimiter would make rows ambiguous to read back.
    if delimiter != "\t" and (delimiter not in string.punctuation or delimiter in ('"', "")):
        raise TranscriptError.single(
            "option",
            f"delimiter {delimiter!r} cannot separate fields "
            "(use a tab or one ASCII punctuation character other than '\"')",
            "<options>",
        )
    return delimiter
