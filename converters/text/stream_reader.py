"""A large page of text read and checked without holding it (issue 18).

Read the usual way, an 85 MB page took 7.2 times its size at the peak: its decoded text, every
line, the turns read and the model built from them. Here the page's lines are decoded as they
are read (:mod:`.lazy_lines`) and each turn is let go once it is checked, in passes over the
bytes:

1. the survey: how many lines, which may be something else than a paragraph (one page of
   plain UTF-8 lines only, or the usual reader reads it);
2. the page read as always, its turns dropped as they are read but for their labels: the
   speakers resolver splits every label against the others, so it needs them all first;
3. the page read again, each turn resolved, built and checked by the model as it settles, and
   kept as a stand-in that shares everything but the speaker (``_stand_ins``); the transcript
   is then built from the stand-ins, which puts the whole through every rule of the model;
4. for a writer, once more, each turn handed out as it is built.

The same header, body and footer readers read each pass, so the transcript and the warnings are
those of the usual reader. Anything unexpected gives up (None) before an answer is given, and
the caller reads the page the usual way, which finds and locates every problem as it always
has: this route only ever says that a page is valid, and what it holds.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from transcript_model.errors import Problem, TranscriptError
from transcript_model.model import Transcript, Turn

from .._stand_ins import TurnStandIns
from .document import Document, LanguageSample, Page, RawSpeech, RawTurn, other_lines
from .footer import footer_start, inline_see_also
from .header import article_start
from .lazy_lines import GiveUpError, LazyLines, Survey, rest_lines, survey
from .page_labels import glued_labels, glued_names, label_names, unglue
from .pages import menus_left_out, read_one_page
from .people import Speakers
from .reading import menus_first, read_page, transcript_data

#: Pages of this many bytes or more are read so; smaller ones the usual way.
STREAM_FROM = 4 * 1024 * 1024
_TURN: TypeAdapter[Any] = TypeAdapter(Turn)
#: Raw turns kept in their places behind the last one: the body reader looks back at the
#: speech an interruption (an omission, a stage line) sits in, one or two turns back.
_KEPT_BEHIND = 16
_FAILURES = (GiveUpError, TranscriptError, ValidationError, ValueError, RecursionError)


class _TurnSink(list[RawTurn]):
    """The turns of a page being read, each handed to ``closed`` once the next one is added
    (the body reader adds paragraphs to the last turn only), and let go a few turns later.
    Their places stay, emptied: a speech that resumes names the one it resumes by its index
    among all the page's turns."""

    def __init__(self, closed: Callable[[int, RawTurn], None]) -> None:
        super().__init__()
        self._closed = closed

    def append(self, turn: RawTurn) -> None:
        count = len(self)
        if count:
            self._closed(count - 1, self[count - 1])
        if count > _KEPT_BEHIND:
            self[count - _KEPT_BEHIND] = None  # type: ignore[call-overload]
        super().append(turn)

    def close(self) -> None:
        """Hand on the last turn: the page is read."""
        if self:
            self._closed(len(self) - 1, self[-1])

    def __iter__(self) -> Iterator[RawTurn]:
        # Nothing asks for all of a page's turns at once here (page_labels is the caller's);
        # should a reader come to, the page is read the usual way.
        raise GiveUpError("the page's turns were asked for all at once")


def _read(data: bytes, found: Survey, origin: str, turns: _TurnSink) -> Document:
    """One reading of the page, its turns going to ``turns``."""
    lines = LazyLines(data, found)
    texts = lines.texts()
    page = Page(lines, texts, found.other, found.marked_end)  # type: ignore[arg-type]
    # The footer's headings are looked for among the lines that may be one: the same answer
    # as among all the page's "other" lines, without decoding the page to find it.
    heads = Page(lines, texts, sorted(found.footer_heads), found.marked_end)  # type: ignore[arg-type]
    if inline_see_also(heads) is not None:
        raise GiveUpError("a See also box inside the text")
    footer_at = footer_start(Document(origin, heads.lines, heads.texts, heads.other))
    doc = read_page(page, origin, found.characters_checked, turns, footer_at)
    turns.close()
    return doc


#: A page read for its labels: the page, its labels, the names of glued labels (or None).
_Labelled = tuple[Document, list[str], dict[str, str] | None]


def _labels(data: bytes, found: Survey, origin: str) -> _Labelled:
    """The page read once (its header and footer, what the speakers resolver needs of them),
    the distinct labels of its speeches, in order, and the names glued labels are (see
    ``page_labels.unglue``), when it has such labels."""
    labels: dict[str, None] = {}

    def closed(_: int, turn: RawTurn) -> None:
        if isinstance(turn, RawSpeech) and turn.label and turn.explicit is None:
            labels[turn.label] = None

    doc = _read(data, found, origin, _TurnSink(closed))
    if not labels:
        # A page without labels may be one speech by whom its title names (people.finish):
        # that changes turns already let go.
        raise GiveUpError("no speaker labels")
    if doc.described:
        # Descriptive labels cut speeches and narrative anew (page_labels): the whole page's.
        raise GiveUpError("descriptive labels")
    glued = glued_names(label_names(labels)) if glued_labels(doc) else None
    return doc, list(labels), glued


def _first_reading(
    data: bytes, found: Survey, origin: str
) -> tuple[Survey, list[Problem], _Labelled]:
    """What :func:`_labels` finds, as the usual reader reads the first page
    (``pages.read_one_page``): a whole-page copy from its article on, with the warning that
    says so (the survey of the article, the warnings, what the labels pass found)."""
    lines = LazyLines(data, found)
    page = Page(lines, lines.texts(), found.other, found.marked_end)  # type: ignore[arg-type]
    if menus_first(page):
        article = _article(found, origin, page)
        if article is not None:
            return article[0], [article[1]], _labels(data, article[0], origin)
    try:
        return found, [], _labels(data, found, origin)
    except TranscriptError as error:
        if error.problems[0].code != "not_a_transcript":
            raise
    article = _article(found, origin, page)
    if article is None:
        raise GiveUpError("no transcript on the first page")
    return article[0], [article[1]], _labels(data, article[0], origin)


def _article(found: Survey, origin: str, page: Page) -> tuple[Survey, Problem] | None:
    """The survey of a whole-page copy's article after the site's menus, and the warning
    that they are left out; None when ``page`` is no such copy."""
    start = article_start(page.texts)
    if start is None:
        return None
    return found.from_line(start), menus_left_out(page, start, origin)


@dataclass
class _Reading:
    """What the surveys and the labels pass found, for the passes that build the turns."""

    data: bytes
    origin: str
    found: Survey
    first: Document
    labels: list[str]
    glued: dict[str, str] | None

    def turns(self, keep: Callable[[Turn], None]) -> tuple[Document, list[dict[str, Any]], str]:
        """Read the page again, giving each turn, built and checked, to ``keep`` in order: the
        page read, its participants and its language sample."""
        speakers = Speakers(self.first, self.labels, self.found.directions)
        sample = LanguageSample(self.first.event)

        def settle(everything: bool = False) -> None:
            for turn in speakers.turns.take_settled(everything):
                sample.add(turn)
                keep(_TURN.validate_python(turn))

        def closed(index: int, turn: RawTurn) -> None:
            if self.glued is not None:
                unglue(turn, self.glued)
            speakers.add(index, turn)
            settle()

        doc = _read(self.data, self.found, self.origin, _TurnSink(closed))
        participants = speakers.finish()
        settle(everything=True)
        return doc, participants, sample.text()


@dataclass
class LazyPage:
    """A large page read without holding its turns: the transcript without them, the warnings
    of reading it, and its turns, read again from the bytes each time they are asked for."""

    transcript: Transcript
    warnings: list[Problem]
    _reading: _Reading

    def turns(self) -> Iterator[Turn]:
        """The turns in order, built as the checking pass built them."""
        try:
            yield from _pulled(self._reading)
        except _FAILURES as error:
            # The bytes read once already: never expected, and not an answer about the input.
            raise RuntimeError(f"the turns read differently a second time: {error!r}") from None


def read_lazily(
    data: bytes, origin: str, observe: Callable[[Turn], None] | None = None
) -> LazyPage | None:
    """A large page (``STREAM_FROM`` bytes or more) that reads as one valid transcript, as a
    :class:`LazyPage`; ``observe`` sees each turn as it is checked. None says nothing: read
    the page the usual way."""
    if len(data) < STREAM_FROM:
        return None
    try:
        found, chrome, first = _first_reading(data, survey(data), origin)
        reading = _Reading(data, origin, found, *first)
        stand_in = TurnStandIns().of
        kept: list[Any] = []

        def keep(turn: Turn) -> None:
            if observe is not None:
                observe(turn)
            kept.append(stand_in(turn))

        doc, participants, sample = reading.turns(keep)
        transcript = Transcript.model_validate(transcript_data(doc, participants, kept, sample))
        warnings = chrome + doc.warnings + _rest_warnings(data, found, origin)
    except _FAILURES:
        return None
    return LazyPage(transcript.model_copy(update={"turns": []}), warnings, reading)


def _rest_warnings(data: bytes, found: Survey, origin: str) -> list[Problem]:
    """The warnings of reading the small pages after the first (a whole-page copy's links
    after its "Text version"), read whole as the usual reader reads them; GiveUpError when
    one holds a transcript."""
    warnings: list[Problem] = []
    for number, (start, stop, marked) in enumerate(found.rest, start=2):
        lines = rest_lines(data, found, start, stop)
        texts = [text for _, text in lines]
        page = Page(lines, texts, other_lines(texts), marked)
        last = number == len(found.rest) + 1
        transcript, more = read_one_page(page, origin, found.characters_checked, last, True)
        if transcript is not None:
            raise GiveUpError("several transcripts")
        warnings += more
    return warnings


def check_streamed(data: bytes, origin: str) -> list[Problem] | None:
    """The warnings of reading a large page that reads as one valid transcript (it has no
    other problems); None says nothing: read the page the usual way."""
    read = read_lazily(data, origin)
    return None if read is None else read.warnings


#: What the reading thread of :func:`_pulled` hands over: a turn, the end, or what stopped it.
_END = object()


def _pulled(reading: _Reading) -> Iterator[Turn]:
    """The turns of another reading of the page, as an iterator: the readers of the page hand
    each turn on as it is built (from inside the body reader's loop), so the reading runs on
    a thread that hands them over a few at a time."""
    handed: queue.Queue[Any] = queue.Queue(maxsize=64)
    stop = threading.Event()

    def hand(item: Any) -> None:
        while not stop.is_set():
            try:
                handed.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        raise _StoppedError

    def run() -> None:
        try:
            reading.turns(hand)
            hand(_END)
        except _StoppedError:
            pass
        except BaseException as error:  # handed over and raised where the turns are taken
            with contextlib.suppress(_StoppedError):
                hand(error)

    thread = threading.Thread(target=run, name="text-turns", daemon=True)
    thread.start()
    try:
        while (item := handed.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


class _StoppedError(Exception):
    """The turns are no longer taken: the reading thread ends."""
