"""Akoma Ntoso 3.0 ``debate``: writer, reader and validator.

The writer maps every field of the model to AKN (``meta`` with FRBR identification, references,
classification keywords and a ``proprietary`` block in the package's own namespace for what AKN
has no slot for; a ``preface``; a ``debateBody`` of ``debateSection``s split at breaks), so that
``read(write(t)) == t``. The reader also takes third-party AKN debates (3.0, its drafts, and the
2.0 namespace of SayIt-era files) and reports what it could not keep as warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from transcript_model.errors import Problem, TranscriptError, excerpt
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult, ValidationResult
from transcript_model.model import Transcript, Turn

from .reader import read_document
from .validate import validate_document

if TYPE_CHECKING:
    from .._xml.stream import Lazy

#: Inputs from this size up are first read element by element (see ``stream_reader``).
STREAM_FROM = 4 * 1024 * 1024
# ISO 3166-1 alpha-2, optionally with a locality as AKN naming allows ("za-cpt").
_COUNTRY = re.compile(r"[a-z]{2}(?:-[a-z0-9]+)?")


def read(
    data: bytes,
    origin: str = "<input>",
    *,
    date: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadResult:
    """Read one AKN debate document (3.0 or 2.0) into one transcript.

    ``date`` (YYYY-MM-DD) is the event date to use when the document gives none (SayIt's import
    format carries no date). Raises :class:`~transcript_model.errors.TranscriptError` (located)
    for input that is not a readable AKN debate; what a third-party document holds that the
    model cannot is returned as warnings. ``max_bytes`` bounds the input, and with it the
    number of elements (:func:`transcript_model.converters._xml.safe.element_limit`).
    """
    if len(data) >= STREAM_FROM:
        from .stream_reader import read_streamed

        streamed = read_streamed(data, origin, date, max_bytes)
        if streamed is not None:
            return streamed
    return read_document(data, origin, date, max_bytes)


def turn_by_turn(
    data: bytes,
    observe: Callable[[Turn], None],
    origin: str = "<input>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Lazy | None:
    """A large input (``STREAM_FROM`` bytes or more) holding one AKN debate that the
    streaming reader reads, as its transcript without turns and its turns read again on
    demand (a writer a turn at a time never holds the model); ``observe`` sees each turn of
    the first pass. None says nothing: read the input the usual way."""
    if len(data) < STREAM_FROM:
        return None
    from .stream_reader import read_lazily

    return read_lazily(data, origin, max_bytes, observe)


def write(transcripts: Sequence[Transcript], *, country: str | None = None) -> str:
    """Write one transcript as an AKN 3.0 debate (valid against the OASIS XSD).

    ``country`` sets the FRBR country code; by default it is derived from the transcript
    (kremlin.ru → "ru", else the language's region, else the source URL's country domain,
    else "zz").
    """
    if len(transcripts) != 1:
        raise TranscriptError.single(
            "one_per_file", f"an AKN document holds one transcript, {len(transcripts)} given"
        )
    if country is not None and not _COUNTRY.fullmatch(country.lower()):
        raise TranscriptError.single(
            "option",
            "the country option expects a two-letter code, optionally with a subdivision "
            f"('za', 'za-cpt'); found {excerpt(country)}",
        )
    # Imported here: validating and reading never need the writer (~7 ms of imports).
    from .writer import write_document

    return write_document(transcripts[0], country)


def validate(
    data: bytes, origin: str = "<input>", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> ValidationResult:
    """Check an AKN file completely: XML, the OASIS XSD, pointers, and the model."""
    if len(data) >= STREAM_FROM:
        from .stream_reader import validate_streamed

        streamed = validate_streamed(data, origin, max_bytes)
        if streamed is not None:
            return streamed
    return validate_document(data, origin, max_bytes)


def check_large(
    data: bytes, origin: str = "<input>", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Problem] | None:
    """The problems :func:`validate` finds in a large file of one transcript, found without
    holding its model (for ``transcript validate``, which needs only the verdict); None when
    only :func:`validate` can tell."""
    from .stream_reader import check_streamed

    return check_streamed(data, origin, max_bytes)
