"""Getting bytes in: size limits, decoding, and the shape every reader returns."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from transcript_model.errors import Problem, TranscriptError

if TYPE_CHECKING:  # reading bytes, as the quick JSON check does, needs no model
    from transcript_model.model import Transcript

#: Inputs larger than this are refused unless the caller raises the limit (bytes).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


@dataclass
class ReadResult:
    """What a reader returns: the transcripts, and warnings about what it had to drop."""

    transcripts: list[Transcript]
    warnings: list[Problem] = field(default_factory=list)
    #: The format that was read (set by the API; detection may choose it).
    format: str | None = None


@dataclass
class ValidationResult:
    """What validating one input found: the transcripts it holds and every problem."""

    transcripts: list[Transcript]
    problems: list[Problem]
    #: The format the input was checked as (set by the API; detection may choose it).
    format: str | None = None


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, refusing one larger than ``max_bytes`` before loading it."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            status = os.fstat(handle.fileno())
            size = status.st_size
            if size > max_bytes:
                raise _too_large(name, size, max_bytes)
            if stat.S_ISREG(status.st_mode):
                # One read into one object the file's size: chunks and their join held a
                # large file twice at once (validating 107 MB of JSON peaked at 2.3x its size).
                data = handle.read(size + 1)
                if len(data) <= size:
                    return data
                handle.seek(0)  # it grew while read: read it as a stream, under the limit
            return read_stream(handle, name, max_bytes)
    except OSError as error:
        reason = error.strerror or str(error)
        raise TranscriptError.single(
            "unreadable", f"cannot read the file: {reason}", name
        ) from None


def read_stream(stream: BinaryIO, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a stream (standard input, a pipe, a file) to its end, refusing more than
    ``max_bytes``.

    At most ``max_bytes`` + 1 bytes are ever read: an endless pipe (``cat /dev/zero``) is
    refused as soon as it passes the limit, with memory bounded by the limit.
    """
    # Read what the stream holds, not max_bytes: a 64 MiB buffer per small file adds up.
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise TranscriptError.single(
            "too_large",
            f"the input holds more than the limit of {max_bytes:,} bytes "
            "(raise it with max_bytes / --max-bytes)",
            origin,
        )
    return b"".join(chunks)


def check_size(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse input larger than ``max_bytes``."""
    if len(data) > max_bytes:
        raise _too_large(origin, len(data), max_bytes)


def _too_large(name: str, size: int, limit: int) -> TranscriptError:
    return TranscriptError.single(
        "too_large",
        f"the input is {size:,} bytes, over the limit of {limit:,} bytes "
        "(raise it with max_bytes / --max-bytes)",
        name,
    )


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, origin: str) -> str:
    """Decode text input: UTF-8 (a BOM is dropped) or UTF-16/32 with a BOM.

    Invalid bytes and NUL characters are refused with their line and column.
    """
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line, column = line_column(data, error.start)
        raise TranscriptError.single(
            "encoding",
            f"the input is not valid {encoding.replace('-sig', '')}: byte "
            f"0x{data[error.start]:02x} cannot be decoded (expected UTF-8, or UTF-16 with a BOM)",
            origin,
            line,
            column,
        ) from None
    return _checked_text(data, text, encoding, origin)


#: The most of a text's bytes that may lie outside ASCII for it to be read as Windows-1252:
#: the accents and typographic punctuation of Latin-script text.
_LEGACY_SHARE = 0.15


def decode_text_or_windows_1252(data: bytes, origin: str) -> tuple[str, list[Problem]]:
    """:func:`decode_text`, and the warnings of what it had to make of the bytes: for text that
    is not UTF-8 but reads as Windows-1252 (a Latin script text saved by Windows software:
    "they\x92re" for "they’re"), that reading; DOS end-of-file marks at the end (Ctrl+Z,
    U+001A, which DOS-era editors wrote after the text, CP/M ones several), left out."""
    try:
        return _without_end_of_file_marks(decode_text(data, origin), origin)
    except TranscriptError as error:
        if error.problems[0].code != "encoding":
            raise
        # The marks are bytes 0x1A in Windows-1252 too, and a control character refuses it:
        # read without them, then left out of the text read.
        end = len(data.rstrip(b" \t\r\n"))
        start = len(data[:end].rstrip(b"\x1a"))
        text = windows_1252_text(data[:start] + data[end:])
        if text is None:
            raise
        text = text[:start] + "\x1a" * (end - start) + text[start:]
    note = (
        "the input is not valid UTF-8: read as Windows-1252, the encoding its punctuation "
        "bytes (such as 0x92 for ’) are in; save it as UTF-8 to be sure"
    )
    guessed = Problem("encoding_guessed", note, origin, severity="warning")
    text, marks = _without_end_of_file_marks(_checked_text(data, text, "cp1252", origin), origin)
    return text, [guessed, *marks]


def _without_end_of_file_marks(text: str, origin: str) -> tuple[str, list[Problem]]:
    """``text`` without the DOS end-of-file marks (U+001A) it ends with, blanks after them
    aside; with the warning that says so."""
    end = len(text.rstrip(" \t\r\n"))
    start = len(text[:end].rstrip("\x1a"))
    if start == end:
        return text, []
    line, column = line_column(text, start)
    note = "a DOS end-of-file mark (Ctrl+Z, U+001A) at the end is not text: left out"
    warning = Problem("dropped", note, origin, line, column, severity="warning")
    return text[:start] + text[end:], [warning]


#: The bytes outside ASCII a Latin text in Windows-1252 is made of: its typographic
#: punctuation and symbols (… ‘ ’ “ ” „ • – — ™ € œ Œ, no-break and soft hyphen, ¡ ¿ ¢ £ § ©
#: ª º « ® ° ± ² ¶ · » ¼ ½ ¾) and the accented letters (0xC0-0xFF). The other bytes of
#: 0x80-0xBF are letters in the code pages of other scripts (Polish ł ą in Windows-1250).
_WINDOWS_LATIN = frozenset(
    [0x80, 0x84, 0x85, 0x8C, *range(0x91, 0x98), 0x99, 0x9C, 0xA0, 0xA1, 0xA2, 0xA3, 0xA7,
     0xA9, 0xAA, 0xAB, 0xAD, 0xAE, 0xB0, 0xB1, 0xB2, 0xB6, 0xB7, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE,
     0xBF, *range(0xC0, 0x100)]
)  # fmt: skip
_OTHER_HIGH_BYTES = bytes(b for b in range(0x80, 0x100) if b not in _WINDOWS_LATIN)
#: What only UTF-8 makes of Latin text: a Latin-1 letter's two bytes ("é" is C3 A9, "Ã©" in
#: Windows-1252), typographic punctuation's three ("’" is E2 80 99, "â€™"), an emoji's four.
#: Windows-1252 text prints none of them ("groß…" is DF 85, "é »" E9 A0 BB); a file with one
#: is UTF-8 with stray bytes, which no reading makes right.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2\xc3][\x80-\xbf]|\xe2[\x80-\x84][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: Three letters of 0xC0-0xFF in a row: a word of another script (Cyrillic in Windows-1251,
#: Greek in Windows-1253).
_OTHER_SCRIPT_WORD = re.compile(rb"[\xc0-\xff]{3}")


def windows_1252_text(data: bytes) -> str | None:
    """``data`` read as Windows-1252 when it looks like a Latin text saved so: no byte order
    mark, no control character, at most 15 % of its bytes outside ASCII and all of those the
    punctuation, symbols and letters of a Latin text, none of them a sequence only UTF-8
    writes (else it is UTF-8 with stray bytes), no word of another script; None otherwise."""
    if any(data.startswith(bom) for bom, _ in _BOMS) or data.translate(None, _NOT_CONTROLS):
        return None  # a control character (a NUL…): no text file, whatever its encoding
    outside = len(data) - len(data.translate(None, _NON_ASCII))
    if outside > _LEGACY_SHARE * len(data):
        return None
    if len(data.translate(None, _OTHER_HIGH_BYTES)) < len(data):
        return None
    if _OTHER_SCRIPT_WORD.search(data) is not None:
        return None
    if _UTF8_SEQUENCE.search(data) is not None:
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


_NON_ASCII = bytes(range(0x80, 0x100))
#: Every byte but the C0 controls a text file does not hold (tab, line ends, form feed do).
_NOT_CONTROLS = bytes(b for b in range(0x100) if not (b < 0x09 or 0x0E <= b < 0x20))


def _checked_text(data: bytes, text: str, encoding: str, origin: str) -> str:
    """``text`` decoded from ``data``, refused when it is empty or holds a NUL."""
    if not text or text.isspace():  # isspace() stops at the first other character
        raise TranscriptError.single("empty", "the input is empty (expected a transcript)", origin)
    # In UTF-8 a NUL byte is a NUL character, and bytes.find is a memchr over the input, where
    # str.find walks the wider characters of a non-ASCII text several times slower.
    nul = data.find(b"\x00") if encoding.startswith("utf-8") else text.find("\x00")
    if nul >= 0:
        nul = text.find("\x00")
        line, column = line_column(text, nul)
        raise TranscriptError.single(
            "binary", "the input holds a NUL character: it is not a text file", origin, line, column
        )
    return text


def line_column(text: str | bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    newline = "\n" if isinstance(text, str) else b"\n"
    line = text.count(newline, 0, offset) + 1  # type: ignore[arg-type]
    start = text.rfind(newline, 0, offset) + 1  # type: ignore[arg-type]
    return line, offset - start + 1
