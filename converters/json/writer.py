"""Canonical JSON written a turn at a time: the bytes :func:`.convert.write` gives, in pieces.

pydantic writes a whole transcript in one call, as one bytes object that ``write`` then decodes:
for a 100 MB transcript that is the model, its JSON as bytes and as text at once (issue 18).
Here each transcript is written without its turns (the "shell"), cut where its empty turn list
stands, and every turn is written by the same serializer in between, indented as it would be
inside the whole. JSON strings hold no raw line break, so indenting a turn's lines is adding
the margin after each newline of its serialization.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TextIO

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
    if len(transcript.turns) < WHOLE_BELOW_TURNS:
        yield _indented(_ONE_ADAPTER.dump_json(transcript, indent=indent), margin)
        return
    shell = _ONE_ADAPTER.dump_json(transcript.model_copy(update={"turns": []}), indent=indent)
    marker = b'"turns":[]' if compact else b'\n  "turns": []'
    cut = shell.find(marker)
    # The marker is the shell's own key (strings have their quotes escaped, and no other
    # object of the model has a "turns" key); were it ever missing, write the whole at once.
    if cut < 0 or shell.find(marker, cut + 1) >= 0:
        yield _indented(_ONE_ADAPTER.dump_json(transcript, indent=indent), margin)
        return
    head, tail = shell[: cut + len(marker) - 1], shell[cut + len(marker) - 1 :]
    yield _indented(head, margin)
    turns = transcript.turns
    if turns:
        inner = margin if compact else margin + b"    "
        for number, turn in enumerate(turns):
            opening = (b"" if compact else b"\n" + inner) if number == 0 else b","
            if number and not compact:
                opening += b"\n" + inner
            yield opening + _indented(_TURN_ADAPTER.dump_json(turn, indent=indent), inner)
        if not compact:
            yield b"\n" + margin + b"  "
    yield _indented(tail, margin)


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
