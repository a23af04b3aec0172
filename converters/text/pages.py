"""Reading one page of a text into its transcript: a page of the site, a whole-page copy (the
article after the site's menus), or the site's links after the last "Text version".

What :func:`.convert.read` does with each page, and :mod:`.stream_reader` with the small
pages after a large one.
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import ValidationError

from transcript_model.errors import Problem, TranscriptError, problems_from_validation_error
from transcript_model.model import Transcript
from transcript_model.trusted import validate_checked_paragraphs

from .. import _kremlin as kremlin
from .document import Document, Page, language_sample
from .footer import inline_see_also
from .header import article_start, has_date
from .people import resolve
from .reading import menus_first, read_page, transcript_data


def read_one_page(
    page: Page, origin: str, checked: bool, last: bool, after: bool
) -> tuple[Transcript | None, list[Problem]]:
    """The transcript of ``page`` (None for the site's links after the last page) and the
    warnings of reading it; ``last``: it is the input's last page, ``after``: a page before
    it held a transcript. Raises :class:`TranscriptError` as :func:`.convert.read` does."""
    menus = _menus_on_one_line(page, origin, checked)
    try:
        if menus is not None:
            return menus
        return parse_with_warnings(page, origin, checked)
    except TranscriptError as error:
        if error.problems[0].code != "not_a_transcript":
            raise
        found = _within_site_chrome(page, origin, checked, last=last)
        if found is None:
            raise
        if not found[0] and not after:
            raise  # site chrome and nothing else: no transcript at all
        return found


def _within_site_chrome(
    page: Page, origin: str, checked: bool, last: bool
) -> tuple[Transcript | None, list[Problem]] | None:
    """A page copied whole (Ctrl+A): the article after the site's menus, read with a warning;
    or, after the last "Text version", the share buttons and links of the page's foot, which
    hold no date or the site's links: no transcript, a warning. None when neither explains
    what failed."""
    start = article_start(page.texts)
    if start is not None:
        transcript, warnings = parse_with_warnings(Page.of(page.lines[start:]), origin, checked)
        warnings.insert(0, menus_left_out(page, start, origin))
        return transcript, warnings
    if last and (kremlin.SITE_LINKS.intersection(page.texts) or not any(map(has_date, page.texts))):
        first, stop = page.lines[0][0], page.lines[-1][0]
        note = (
            f"left out lines {first}-{stop} after the last 'Text version': no transcript "
            "there (the links and share buttons of a whole-page copy)"
        )
        return None, [Problem("text_site_chrome", note, origin, first, severity="warning")]
    return None


def menus_left_out(page: Page, start: int, origin: str) -> Problem:
    """The warning that the lines of ``page`` before its article (``start``), the site's
    menus of a whole-page copy, are left out."""
    first, stop = page.lines[0][0], page.lines[start - 1][0]
    skipped = f"lines {first}-{stop}" if stop > first else f"line {first}"
    note = f"left out {skipped} before the article: the site's menus of a whole-page copy"
    return Problem("text_site_chrome", note, origin, first, severity="warning")


def _menus_on_one_line(
    page: Page, origin: str, checked: bool
) -> tuple[Transcript | None, list[Problem]] | None:
    """A whole page copied on one line, its lines restored (:mod:`.flat`): the site's menus
    are the first line and the article's breadcrumb the second, which no page's title and
    lead are. Read as a whole-page copy; None for any other page."""
    if not menus_first(page):
        return None
    return _within_site_chrome(page, origin, checked, last=False)


def parse_with_warnings(
    page: Page, origin: str, characters_checked: bool = False
) -> tuple[Transcript, list[Problem]]:
    """The transcript of ``page`` (without the See also boxes inside its text) and the
    warnings of reading it; raises :class:`TranscriptError` when it holds none."""
    doc = read_page(inline_see_also(page) or page, origin, characters_checked)
    return _build(doc), doc.warnings


def _build(doc: Document) -> Transcript:
    participants, turns = resolve(doc, doc.extensions)
    data = transcript_data(doc, participants, turns, language_sample(doc.event, turns))
    try:
        if doc.characters_checked:
            return validate_checked_paragraphs(data)
        return Transcript.model_validate(data)
    except ValidationError as error:
        raise TranscriptError(
            [_locate(problem, doc) for problem in problems_from_validation_error(error, doc.origin)]
        ) from None


def _locate(problem: Problem, doc: Document) -> Problem:
    # The model's rules concern the whole page: point at its first line.
    return replace(problem, line=doc.lines[0][0])
