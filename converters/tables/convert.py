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
import io
import re
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TextIO

from transcript_model.errors import TranscriptError
from transcript_model.model import (
    Heading,
    Narrative,
    Speech,
    StageDirection,
    Transcript,
    Turn,
)

#: Columns of the default table, one row per paragraph.
TURN_COLUMNS = (
    "transcript_id",
    "date",
    "time",
    "title",
    "turn_index",
    "turn_kind",
    "speaker_id",
    "speaker_name",
    "role",
    "label",
    "paragraph_index",
    "text",
)
#: Columns of ``table="speeches"``, one row per speech turn.
SPEECH_COLUMNS = (
    "speech_id",
    "transcript_id",
    "date",
    "turn_index",
    "speaker_id",
    "speaker_name",
    "role",
    "label",
    "paragraphs",
    "words",
)
TABLES = ("turns", "speeches")
# Not a non-word character and not "_": exactly the characters str.isalnum() accepts.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")

Row = list[str]
RowsFunction = Callable[[Transcript], Iterator[Row]]


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
    rows_of = _rows_function(table)
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
        writer.writerow(TURN_COLUMNS if table == "turns" else SPEECH_COLUMNS)
    for transcript in transcripts:
        writer.writerows(rows_of(transcript))
        # Let it go before the next one is read, or two transcripts would be alive at once.
        del transcript


def turn_rows(transcript: Transcript) -> Iterator[Row]:
    """The rows of one transcript in the turns table, in order (columns: :data:`TURN_COLUMNS`)."""
    head = [
        transcript.id,
        transcript.event.date.isoformat(),
        transcript.event.time.isoformat() if transcript.event.time else "",
        transcript.event.title,
    ]
    names = _names(transcript)
    for turn_index, turn in enumerate(transcript.turns, 1):
        who = _who(names, turn) if isinstance(turn, Speech) else ["", "", "", ""]
        for paragraph_index, text in _texts(turn):
            yield [*head, str(turn_index), turn.kind, *who, str(paragraph_index), text]


def speech_rows(transcript: Transcript) -> Iterator[Row]:
    """The rows of one transcript in the speeches table (columns: :data:`SPEECH_COLUMNS`)."""
    names = _names(transcript)
    for turn_index, turn in enumerate(transcript.turns, 1):
        if isinstance(turn, Speech):
            yield [
                f"{transcript.id}.{turn_index}",
                transcript.id,
                transcript.event.date.isoformat(),
                str(turn_index),
                *_who(names, turn),
                str(len(turn.paragraphs)),
                str(sum(word_count(p) for p in turn.paragraphs)),
            ]


def word_count(text: str) -> int:
    """Words in ``text``: whitespace-separated tokens holding at least one letter or digit.

    Dashes and other punctuation standing alone are not words. Scripts written without spaces
    (Chinese, Japanese) count one word per run, as ParlaMint's untokenised counts would not.
    """
    return sum(1 for token in text.split() if _LETTER_OR_DIGIT.search(token))


def _names(transcript: Transcript) -> dict[str, str]:
    # Role-only participants have no name: their cell stays empty (the role is in its column).
    return {p.id: p.name for p in transcript.participants if p.name is not None}


def _who(names: dict[str, str], speech: Speech) -> Row:
    speaker = speech.speaker or ""
    return [speaker, names.get(speaker, ""), speech.role or "", speech.label or ""]


def _texts(turn: Turn) -> Iterator[tuple[int, str]]:
    # Paragraphs count from 1; 0 marks a turn that is a single line, not a paragraph.
    if isinstance(turn, (Speech, Narrative)):
        yield from enumerate(turn.paragraphs, 1)
    elif isinstance(turn, (StageDirection, Heading)):
        yield 0, turn.text
    else:
        yield 0, turn.marker


def _rows_function(table: str) -> RowsFunction:
    if table == "turns":
        return turn_rows
    if table == "speeches":
        return speech_rows
    raise TranscriptError.single(
        "option", f"unknown table {table!r} (expected one of: {', '.join(TABLES)})", "<options>"
    )


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
