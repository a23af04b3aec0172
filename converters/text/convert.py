"""kremlin.ru transcript page text: the text copied from a transcript page, and back.

Reading turns copied page text (one or several pages, each ending with "Text version") into
transcripts: header, photo captions, attendee sentence, speeches, narrative, stage directions,
headings, omissions, breaks and the footer's tags and publication data, in English or Russian.
Writing renders the same layout, adding escapes and footer extension lines only where the plain
page could not carry a value, so that ``read(write(t)) == t`` for every valid transcript.
The layout and the extensions are described in docs/text.md.

The page is cut into documents (document.py); each is read as header (header.py), body
(body.py) and footer (footer.py) (reading.py); then its speakers are resolved (people.py) and
the transcript is built here. A large page of one transcript is read a line at a time instead,
never held (stream_reader.py).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult, decode_text_or_windows_1252
from transcript_model.model import Transcript, Turn

from . import flat, layout
from .document import FORBIDDEN_BYTES, Line, Page, plain_spaces, split_pages
from .pages import parse_with_warnings, read_one_page
from .writer import render

if TYPE_CHECKING:
    from .stream_reader import LazyPage

__all__ = ["check_large", "parse_document", "read", "split_documents", "turn_by_turn", "write"]


def split_documents(text: str) -> list[list[Line]]:
    """The numbered non-blank lines of ``text``, split into documents at each "Text version".

    Line ends of every kind, BOMs and surrounding spaces (no-break ones included) are dropped:
    copied pages carry them and none of it is text. A page copied without its "Text version"
    line ends where a breadcrumb follows its "Publication date".
    """
    return [page.lines for page in split_pages(text)]


def read(data: bytes, origin: str = "<input>") -> ReadResult:
    """Read every transcript page in copied kremlin.ru page text.

    Raises :class:`TranscriptError` naming the file and line when a document has no title or
    no date, or when what was read breaks a rule of the model.
    """
    decoded, decoding = decode_text_or_windows_1252(data, origin)
    checked = _no_forbidden_characters(data, decoded)
    pages = split_pages(flat.restore_lines(decoded))
    # The pages' lines hold all the text: the whole decoded text (up to 4 bytes a character)
    # need not stay beside them and the model built from them.
    del decoded
    if not pages:
        raise TranscriptError.single(
            "not_a_transcript",
            "expected kremlin.ru transcript text (a title line, then a date such as "
            "'March 11, 2022'), found no text",
            origin,
            1,
        )
    result = ReadResult([], decoding)
    count = len(pages)
    pages.reverse()  # taken from the end: each page's lines are let go once it is read
    for number in range(1, count + 1):
        transcript, warnings = read_one_page(
            pages.pop(), origin, checked, last=number == count, after=bool(result.transcripts)
        )
        if transcript is not None:
            result.transcripts.append(transcript)
        result.warnings.extend(warnings)
    return result


def check_large(
    data: bytes, origin: str = "<input>", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Problem] | None:
    """The problems :func:`read` finds in a large page (``stream_reader.STREAM_FROM`` bytes or
    more) that reads as one valid transcript, found without holding it (for ``transcript
    validate``, which needs only the verdict: its warnings); None when only :func:`read` can
    tell. ``max_bytes``: the input was read within it already."""
    from .stream_reader import check_streamed

    return check_streamed(data, origin)


def turn_by_turn(
    data: bytes,
    observe: Callable[[Turn], None],
    origin: str = "<input>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> LazyPage | None:
    """A large page (``stream_reader.STREAM_FROM`` bytes or more) that reads as one valid
    transcript, as its transcript without turns and its turns read again on demand (a writer
    a turn at a time never holds the model); ``observe`` sees each turn of the checking pass.
    None says nothing: read the input the usual way."""
    from .stream_reader import read_lazily

    return read_lazily(data, origin, observe)


def write(transcripts: Sequence[Transcript]) -> str:
    """Render transcripts as kremlin.ru page text, one page after another.

    Each page is written as the site prints it; escapes and extension lines are added only
    where reading the plain page back would not give the same transcript.
    """
    return "".join(render(t, parse_document) for t in transcripts)


# --- reading one document ---------------------------------------------------------------------


def parse_document(lines: list[Line], origin: str = "<input>") -> Transcript:
    """Parse one document (the numbered non-blank lines of one page) into a transcript."""
    if any(layout.has_typographic_space(text) for _, text in lines):
        lines = [(number, plain_spaces(text)) for number, text in lines]  # as split_pages does
    return parse_with_warnings(Page.of(lines), origin)[0]


_OTHER_BYTES = bytes(b for b in range(256) if b not in FORBIDDEN_BYTES)
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)


def _no_forbidden_characters(data: bytes, text: str) -> bool:
    """Whether ``text`` (decoded from ``data``) holds no character a paragraph may not, other
    than the line ends that split it into lines, and no backslash (an escape of our writer's
    explicit lines could make one). One pass over the bytes, in C: a paragraph cut from the
    lines of such a text needs no pattern match (:mod:`transcript_model.trusted`)."""
    if data.startswith(_WIDE_BOMS):  # UTF-16 or UTF-32: the bytes are not the characters
        return False
    return (
        not data.translate(None, _OTHER_BYTES)
        and "\\" not in text
        and "\ufffe" not in text
        and "\uffff" not in text
    )
