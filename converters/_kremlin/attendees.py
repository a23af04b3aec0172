"""The attendee sentence of a page: "Taking part in the meeting were Defence Minister Sergei
Shoigu, …": its intro (:func:`attendee_intro`) and its (role, name) items
(:func:`parse_attendees`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .known_names import KnownNames
from .labels import split_label
from .names import ROLE_WORDS, LabelParts, is_capitalised
from .site import clean

_ATTENDEE_INTRO = re.compile(
    r"^((?:[^.!?]{0,100}?\b)?(?:"
    r"(?i:taking part|took part|participating|also present|present at)[^.!?:]{0,80}?"
    r"\b(?:were|was|included)"
    r"|[^.!?:]{0,80}?\b(?:attended by|participants (?:were|included))"
    r"|[^.!?:]{0,80}?(?:приняли участие|принял участие|приняла участие|участвовали|"
    r"присутствовали)"
    r")):?\s+(?=[A-ZА-ЯЁ«\"])"
)


def attendee_intro(line: str) -> str | None:
    """The words opening an attendee sentence ("Taking part in the meeting were"), or None."""
    head = line[:400]
    if not _has_intro_keyword(head):
        return None
    match = _ATTENDEE_INTRO.match(clean(head))
    return match.group(1) if match else None


# The cheap test first: most lines hold none of the words an attendee sentence needs.
_INTRO_KEYWORD = re.compile(
    r"(?i:taking part|took part|participating|also present|present at|attended by|"
    r"participants)|участ|присутствовали"
)
_INTRO_WORDS = (
    "taking part",
    "took part",
    "participating",
    "also present",
    "present at",
    "attended by",
    "participants",
)
# The only characters re's case-insensitive matching takes for one of the ASCII letters above
# while str.lower() does not turn them into it (checked over all of Unicode): "İ", "ı" (i), "ſ" (s).
_FOLDED_APART = ("İ", "ı", "ſ")


def _has_intro_keyword(head: str) -> bool:
    """``_INTRO_KEYWORD.search(head)``, answered with substring tests where that is exact.

    A case-insensitive regex search is slow (~10 µs on a page line), and every line before
    the first speaker label is tested.
    """
    if any(char in head for char in _FOLDED_APART):
        return _INTRO_KEYWORD.search(head) is not None
    if "участ" in head or "присутствовали" in head:
        return True
    lowered = head.lower()
    return any(word in lowered for word in _INTRO_WORDS)


_LIST_SEPARATOR = re.compile(r"(,\s+(?:and\s+|и\s+)?|\s+(?:and|и)\s+)")


def parse_attendees(items_text: str, known_names: Sequence[str] = ()) -> list[LabelParts]:
    """Split the list part of an attendee sentence into (role, name) items.

    ``items_text`` is what follows the intro, with the copied page's line breaks turned into
    the separators they stand for (", " and ", and "). The text is cut at every ", " and
    " and "; a piece ends an item when it ends with a name and the next piece starts a new
    item (it holds a role word such as "Minister", or it is a known name). So commas and
    "and" inside a role stay in it ("Special Presidential Representative for Environmental
    Protection, Ecology and Transport Sergei Ivanov", "Minister of Industry and Trade Denis
    Manturov"). ``known_names`` (Persons tags, speaker labels) settle doubtful cases.
    """
    text = clean(items_text).rstrip(".").strip()
    known = known_names if isinstance(known_names, KnownNames) else KnownNames(known_names)
    parts = _LIST_SEPARATOR.split(text)
    pieces, separators = parts[0::2], parts[1::2]
    items: list[str] = []
    # The item being read is text[start:end]: pieces and separators laid end to end.
    start = end = 0
    for index, piece in enumerate(pieces):
        end += len(piece)
        if index + 1 == len(pieces):
            items.append(text[start:end])
            break
        if _starts_item(pieces[index + 1], known) and _ends_with_name(text, start, end, known):
            items.append(text[start:end])
            start = end + len(separators[index])
        end += len(separators[index])
    result = []
    for item in items:
        stripped = item.strip(" ,;")
        if stripped:
            result.append(split_label(stripped, known))
    return [r for r in result if r.name]


def _ends_with_name(text: str, start: int, end: int, known: KnownNames) -> bool:
    """True when ``text[start:end]`` ends with two capitalised words or with a known name."""
    last_space = text.rfind(" ", start, end)
    if last_space >= 0:
        space_before = text.rfind(" ", start, last_space)
        last = text[last_space + 1 : end]
        before = text[max(space_before + 1, start) : last_space]
        if is_capitalised(last) and is_capitalised(before):
            return True
    return known.ends_item(text, start, end)


def _starts_item(piece: str, known: KnownNames) -> bool:
    if known.first_match(piece) is not None:
        return True
    words = piece.split(" ")
    if len(words) < 2 or not is_capitalised(words[0]):
        return False
    # The words before the name: an item holds a role word there, or is a bare name.
    role_part = words[:-2]
    return not role_part or any(w.casefold().strip(",") in ROLE_WORDS for w in role_part)
