"""A large transcript object read turn by turn, for memory (issue 18).

The whole-document reader holds, at its peak, the input's bytes, its decoded text (up to 4
bytes a character: 2 for the usual text with a dash or a quotation mark in it), the parsed
document and the model built from it. This one decodes the bytes a window at a time, parses
the top-level object's members one by one with ``json.JSONDecoder.raw_decode`` (the same
number rules and duplicate-key refusal as the whole-document reader), and builds each turn as
soon as it is parsed, so that only the model and one window of text are held besides the
bytes.

It is a fast path for valid input only: anything it does not expect (an array of transcripts,
a BOM, a syntax error, a duplicate key, an invalid value) makes it give up (``None``), and the
caller reads the document the usual way, which finds and locates every problem exactly as it
always has. Giving up costs the time read so far; it never changes an answer.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from transcript_model.model import SCHEMA_VERSIONS, Transcript, Turn

from .._stand_ins import TurnStandIns

#: Bytes decoded at a time; a value longer than the window makes it grow.
WINDOW_BYTES = 1024 * 1024

_TURN: TypeAdapter[Any] = TypeAdapter(Turn)
_WHITESPACE = frozenset(" \t\n\r")


class _GiveUpError(Exception):
    """The input is not what the fast path reads: read it the usual way."""


class _Window:
    """The decoded text of ``data``, a window at a time, and a position in it."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._next = 0  # the next byte to decode
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self.text = ""
        self.pos = 0

    @property
    def exhausted(self) -> bool:
        """True when every byte is decoded into the window."""
        return self._next >= len(self._data)

    def extend(self, at_least: int = 0) -> None:
        """Drop what is read and decode at least ``at_least`` more bytes."""
        if self.exhausted:
            raise _GiveUpError("the input ends here")
        end = self._next + max(at_least, WINDOW_BYTES)
        try:
            more = self._decoder.decode(self._data[self._next : end], end >= len(self._data))
        except UnicodeDecodeError:
            raise _GiveUpError("not UTF-8") from None
        self._next = end
        self.text = self.text[self.pos :] + more
        self.pos = 0

    def next_character(self) -> str:
        """The next character that is not whitespace ("" at the end); not consumed."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if self.exhausted:
                return ""
            self.extend()

    def expect(self, character: str) -> None:
        """Consume ``character`` (after whitespace), or give up."""
        if self.next_character() != character:
            raise _GiveUpError(f"expected {character!r}")
        self.pos += 1

    def value(self, decoder: json.JSONDecoder) -> Any:
        """Parse the JSON value that starts here (after whitespace)."""
        self.next_character()
        grow = WINDOW_BYTES
        while True:
            try:
                value, end = decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError:
                value, end = None, -1
            # A value that ends with the window may go on past it (a number cut in two).
            if 0 <= end < len(self.text) or (end >= 0 and self.exhausted):
                self.pos = end
                return value
            if self.exhausted:
                raise _GiveUpError("invalid JSON")
            self.extend(grow)
            grow *= 2  # a value longer than the window: linear, not quadratic, in its size


def read_turn_by_turn(data: bytes, decoder: json.JSONDecoder) -> Transcript | None:
    """The transcript in ``data`` read turn by turn, or None when the usual reader must read
    it (not one valid transcript object in UTF-8 without a BOM, or anything else unexpected).

    ``decoder`` is the whole-document reader's: it refuses duplicate keys, NaN and infinite or
    overlong numbers by raising, which is giving up here too.
    """
    return _attempt(data, decoder, _kept)


def check_turn_by_turn(data: bytes, decoder: json.JSONDecoder) -> bool:
    """True when ``data`` is one valid transcript, checked by every rule without ever holding
    the whole model: each turn is built, checked and dropped, and the rules that relate turns
    to the participants run on stand-ins that keep only what those rules look at. False
    when the usual reader must tell (it finds and locates every problem).

    The stand-ins are never seen outside: ``transcript validate`` needs only the verdict.
    """
    return _attempt(data, decoder, TurnStandIns().of) is not None


@dataclass(frozen=True)
class TurnByTurn:
    """One large transcript that is never held whole: its members other than the turns as a
    transcript without turns, and its turns, parsed again from the held bytes each time they
    are asked for (:meth:`turns`). The whole transcript was checked by every rule before this
    is made (see :func:`read_lazily`)."""

    transcript: Transcript
    _data: bytes
    _decoder: json.JSONDecoder

    def turns(self) -> Iterator[Turn]:
        """The turns in order, each built from the bytes as it is taken and held by nobody
        here: as :func:`read_turn_by_turn` builds them, from the same bytes."""
        try:
            for value in _members(_Window(self._data), self._decoder, {}):
                yield _TURN.validate_python(value)
        except (_GiveUpError, ValidationError, ValueError, RecursionError) as error:
            # The bytes read once already: never expected, and not an answer about the input.
            raise RuntimeError(f"the turns read differently a second time: {error}") from None


def read_lazily(
    data: bytes, decoder: json.JSONDecoder, observe: Callable[[Turn], None]
) -> TurnByTurn | None:
    """``data`` as a :class:`TurnByTurn`, or None when the usual reader must read it (as for
    :func:`read_turn_by_turn`). Each turn is built, given to ``observe`` (a writer counting
    what it will write), checked and dropped, as :func:`check_turn_by_turn` does: the model
    is never held; ``observe`` has seen every turn, in order, when the answer is not None."""
    stand_ins = TurnStandIns()

    def keep(turn: Any) -> Any:
        observe(turn)
        return stand_ins.of(turn)

    checked = _attempt(data, decoder, keep)
    if checked is None:
        return None
    # Copied with no turns is checked again, by rules that have no turn to look at.
    return TurnByTurn(checked.model_copy(update={"turns": []}), data, decoder)


def _attempt(
    data: bytes, decoder: json.JSONDecoder, keep: Callable[[Any], Any]
) -> Transcript | None:
    if data[:1] != b"{" or data.find(b"\x00") >= 0:
        return None  # an array, a BOM, leading whitespace or a NUL: the usual reader's cases
    try:
        return _read(_Window(data), decoder, keep)
    except (_GiveUpError, ValidationError, ValueError, RecursionError):
        return None


def _kept(turn: Any) -> Any:
    return turn


def _read(window: _Window, decoder: json.JSONDecoder, keep: Callable[[Any], Any]) -> Transcript:
    fields: dict[str, Any] = {}
    turns = [keep(_TURN.validate_python(value)) for value in _members(window, decoder, fields)]
    if "turns" in fields:
        fields["turns"] = turns
    if fields.get("schema_version", SCHEMA_VERSIONS[-1]) not in SCHEMA_VERSIONS:
        raise _GiveUpError("a schema version the usual reader reports")
    return Transcript.model_validate(fields)


def _members(window: _Window, decoder: json.JSONDecoder, fields: dict[str, Any]) -> Iterator[Any]:
    """The parsed value of each turn, as it comes; the other members go into ``fields`` (the
    turns' key with None), complete once the last turn is taken and the object has ended."""
    window.expect("{")
    if window.next_character() == "}":
        raise _GiveUpError("an empty object")
    while True:
        key = window.value(decoder)
        if not isinstance(key, str) or key in fields:
            raise _GiveUpError("a duplicate key, or not a key")
        window.expect(":")
        if key == "turns":
            fields[key] = None
            yield from _turn_values(window, decoder)
        else:
            fields[key] = window.value(decoder)
        if window.next_character() == "}":
            window.pos += 1
            break
        window.expect(",")
    if window.next_character() != "":
        raise _GiveUpError("more after the object")


def _turn_values(window: _Window, decoder: json.JSONDecoder) -> Iterator[Any]:
    """The parsed value of each turn, each dropped by the taker before the next is parsed."""
    window.expect("[")
    if window.next_character() == "]":
        window.pos += 1
        return
    while True:
        yield window.value(decoder)
        if window.next_character() == "]":
            window.pos += 1
            return
        window.expect(",")
