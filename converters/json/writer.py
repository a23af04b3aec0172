"""Canonical JSON written a turn at a time: the bytes :func:`.convert.write` gives, in pieces.

pydantic writes a whole transcript in one call, as one bytes object that ``write`` then decodes:
for a 100 MB transcript that is the model, its JSON as bytes and as text at once (issue 18).
Here each transcript is written without its turns (the "shell"), cut where its empty turn list
stands, and every turn is written by the same serializer in between, indented as it would be
inside the whole. JSON strings hold no raw line break, so indenting a turn's lines is adding
the margin after each newline of its serialization.

:func:`turn_by_turn` writes so a transcript whose turns are not held at all, read again from
its input as they are written (a large TEI or AKN input, see ``_xml.stream.Lazy``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TextIO

from pydantic import TypeAdapter

from transcript_model.model import Transcript, Turn

from . import convert

_ONE_ADAPTER = TypeAdapter(Transcript)
_TURN_ADAPTER: TypeAdapter[Any] = TypeAdapter(Turn)
#: A transcript of fewer turns is written in one call (a call per turn costs 1.6x the time on
#: a transcript of a few dozen turns; below this size its text is small beside its model).
WHOLE_BELOW_TURNS = 2000


def pieces(transcripts: Iterable[Transcript], *, compact: bool = False) -> Iterator[bytes]:
    """The UTF-8 bytes of :func:`.convert.write` for ``transcripts``, a turn at a time: one
    transcript as an object, several (or none) as an array; pretty unless ``compact``.

    Only the transcript being written is held besides the one after it (which says whether
    the first stands alone or opens an array).
    """
    found = iter(transcripts)
    first = next(found, None)
    second = next(found, None) if first is not None else None
    if first is not None and second is None:
        yield from _transcript(first, compact, b"")
        yield b"\n"
        return
    if first is None:
        yield b"[]\n"
        return
    yield b"[" if compact else b"[\n  "
    queued = [first, second] if second is not None else [first]
    del first, second
    separator = b"," if compact else b",\n  "
    for number, transcript in enumerate(_drain(queued, found)):
        if number:
            yield separator
        yield from _transcript(transcript, compact, b"" if compact else b"  ")
        del transcript  # let it go before the next one is read
    yield b"]\n" if compact else b"\n]\n"


def _drain(queued: list[Transcript], rest: Iterator[Transcript]) -> Iterator[Transcript]:
    # Popped, not iterated: the list would keep its transcripts alive to the end.
    queued.reverse()
    while queued:
        yield queued.pop()
    yield from rest


def _transcript(transcript: Transcript, compact: bool, margin: bytes) -> Iterator[bytes]:
    """One transcript's bytes, each line after the first indented by ``margin`` more."""
    indent = None if compact else 2
    if len(transcript.turns) >= WHOLE_BELOW_TURNS:
        ends = _ends(transcript, compact)
        # The cut is the shell's own key (strings have their quotes escaped, and no other
        # object of the model has a "turns" key); were it ever missing, write the whole.
        if ends is not None:
            yield from _around(ends, transcript.turns, compact, margin)
            return
    yield _indented(_ONE_ADAPTER.dump_json(transcript, indent=indent), margin)


def _ends(transcript: Transcript, compact: bool) -> tuple[bytes, bytes] | None:
    """The transcript's bytes without its turns, cut where its empty turn list stands; None
    when that place is not found once."""
    indent = None if compact else 2
    shell = _ONE_ADAPTER.dump_json(transcript.model_copy(update={"turns": []}), indent=indent)
    marker = b'"turns":[]' if compact else b'\n  "turns": []'
    cut = shell.find(marker)
    if cut < 0 or shell.find(marker, cut + 1) >= 0:
        return None
    return shell[: cut + len(marker) - 1], shell[cut + len(marker) - 1 :]


def _around(
    ends: tuple[bytes, bytes], turns: Iterable[Turn], compact: bool, margin: bytes
) -> Iterator[bytes]:
    """The transcript's bytes: its ``ends`` (see :func:`_ends`) around each turn's."""
    indent = None if compact else 2
    head, tail = ends
    yield _indented(head, margin)
    inner = margin if compact else margin + b"    "
    number = -1
    for number, turn in enumerate(turns):
        opening = (b"" if compact else b"\n" + inner) if number == 0 else b","
        if number and not compact:
            opening += b"\n" + inner
        yield opening + _indented(_TURN_ADAPTER.dump_json(turn, indent=indent), inner)
    if number >= 0 and not compact:
        yield b"\n" + margin + b"  "
    yield _indented(tail, margin)


def turn_by_turn(
    read: Callable[[Callable[[Turn], None]], TurnSource | None],
) -> tuple[Transcript, Callable[[TextIO], None]] | None:
    """For a reader that does not hold the turns (``read``, which gives each turn of its
    checking pass to the callback, and None when it cannot read the input so): the transcript
    without its turns, and what writes to a file what :func:`write_stream` would write for
    the whole transcript, the turns read a second time as they are written. None, before
    anything is written, when ``read`` gives None."""
    source = read(_ignored)
    if source is None:
        return None
    ends = _ends(source.transcript, compact=False)
    if ends is None:
        return None

    def write(out: TextIO) -> None:
        for piece in _around(ends, source.turns(), False, b""):
            out.write(piece.decode("utf-8"))
        out.write("\n")

    return source.transcript, write


def _ignored(turn: Turn) -> None:
    """Each turn seen while reading: this writer needs nothing from the turns beforehand."""


class TurnSource(Protocol):
    """A transcript whose turns are not held: its other fields, and its turns on demand."""

    @property
    def transcript(self) -> Transcript:
        """The transcript without its turns."""

    def turns(self) -> Iterable[Turn]:
        """Its turns in order, made anew at each call."""


def _indented(serialized: bytes, margin: bytes) -> bytes:
    return serialized.replace(b"\n", b"\n" + margin) if margin else serialized


def write_stream(transcripts: Iterable[Transcript], out: TextIO, *, compact: bool = False) -> None:
    """Write what :func:`.convert.write` returns for ``transcripts`` to ``out`` (a text file
    opened with ``newline=""``), a turn at a time."""
    found = iter(transcripts)
    first = next(found, None)
    second = next(found, None) if first is not None else None
    if first is not None and second is None and len(first.turns) < WHOLE_BELOW_TURNS:
        # A small one, the usual case, as the whole-file writer makes it.
        out.write(convert.write([first], compact=compact))
        return
    ahead = [item for item in (first, second) if item is not None]
    del first, second
    for piece in pieces(_drain(ahead, found), compact=compact):
        out.write(piece.decode("utf-8"))
