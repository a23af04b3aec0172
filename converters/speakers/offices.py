"""Ministers labelled by office alone, named in the transcript's own words.

Westminster-style transcripts (the Australian prime minister's, say) label a minister by the
office ("MINISTER FOR IMMIGRATION AND BORDER PROTECTION:", "TREASURER:") and name them only in
what is said: "I'll ask the Minister, Mr Dutton, to expand …", "Minister Morrison has done a
really outstanding job". When every such mention of the office names one person, and that
person speaks under no other label, the office label is that person; the label stays the role.
When the mentions name several ("Minister Morrison and Minister Bishop"), a question that
addresses one of them just before the office label speaks ("Mr Morrison, we've learnt …") tells
which: the one every such address names.

One pass over the words of every line; no pattern with nested repeats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from .labels import Label

#: The last word of an office that these transcripts print without a name.
_OFFICE_HEADS = frozenset({"minister", "treasurer", "attorney-general"})
#: Words before the head that are part of the office ("Prime Minister", "Foreign Minister").
_OFFICE_MODIFIERS = frozenset(
    {"prime", "deputy", "foreign", "trade", "defence", "defense", "assistant", "acting", "shadow",
     "finance", "health", "education", "immigration"}
)  # fmt: skip
#: Words between the office and the name ("the Minister, Mr Dutton").
_BEFORE_NAME = frozenset({"the", "hon", "honourable", "mr", "ms", "mrs", "dr", "senator", "sir"})
#: Capitalised words that are no name.
_NOT_NAMES = frozenset(
    {"i", "it", "we", "he", "she", "they", "this", "that", "and", "but", "so", "for", "of",
     "the", "minister", "treasurer", "prime", "government", "parliament", "house", "australia",
     "australian", "mp", "senator", "office", "department", "mr", "ms", "mrs", "dr", "hon",
     # words that open a sentence after an office ends one ("… Prime Minister As Barnaby said")
     "as", "thanks", "thank", "well", "yes", "no", "now", "look", "if", "when", "what", "in",
     "on", "at", "to", "with", "our", "my", "your", "his", "her", "their", "you", "there",
     "here", "today", "a", "an"}
)  # fmt: skip
#: At most this many words of a name after an office ("Minister Scott Morrison").
_NAME_WORDS = 2
_PUNCTUATION = ".,;:!?()[]\"“”‘’'"


def _is_name_word(word: str) -> bool:
    folded = word.casefold()
    return (
        word[:1].isupper()
        and word.isalpha()
        and folded not in _NOT_NAMES
        and folded not in _OFFICE_MODIFIERS  # "Deputy Prime Minister, Foreign Minister …"
    )


def _mentions_in(words: Sequence[str], found: dict[str, set[str]]) -> None:
    """Add every "<office>[,] [the Hon|Mr|…] <Name>" in ``words`` to ``found`` (office → names)."""
    for index, raw in enumerate(words):
        head = raw.strip(_PUNCTUATION).casefold()
        # "… Prime Minister. You …": the sentence ends, no name follows.
        if head not in _OFFICE_HEADS or not raw[:1].isupper() or raw[-1:] in ".?!;:":
            continue
        office = head
        start = index
        while start and len(office.split()) < 3:
            before = words[start - 1]
            if before.casefold() not in _OFFICE_MODIFIERS or not before[:1].isupper():
                break
            office = f"{before.casefold()} {office}"
            start -= 1
        position = index + 1
        last = min(len(words), position + len(_BEFORE_NAME))
        while position < last and words[position].strip(",.").casefold() in _BEFORE_NAME:
            position += 1
        name: list[str] = []
        while position < len(words) and len(name) < _NAME_WORDS:
            word = words[position]
            bare = word.strip(_PUNCTUATION)
            if not _is_name_word(bare):
                break
            name.append(bare)
            if bare != word:  # punctuation ends the name
                break
            position += 1
        if name:
            found.setdefault(office, set()).add(" ".join(name))


def office_mentions(texts: Iterable[str]) -> dict[str, set[str]]:
    """Office (casefolded, "minister", "prime minister") → the names printed after it."""
    found: dict[str, set[str]] = {}
    for text in texts:
        _mentions_in(text.split(), found)
    return found


def _office_of(role: str) -> str | None:
    """The office a role label prints, up to its portfolio: "MINISTER FOR X" → "minister",
    "FOREIGN MINISTER" → "foreign minister"; None for a role that is no such office."""
    words: list[str] = []
    for word in role.casefold().split():
        if word in ("for", "of", "and", "to", "at", "in", "on"):
            break
        words.append(word)
    if not words or words[-1] not in _OFFICE_HEADS:
        return None
    # "DEPUTY PRIME MINISTER" is an office of its own, not the prime minister's.
    start = len(words) - 1
    while start and len(words) - start < 3 and words[start - 1] in _OFFICE_MODIFIERS:
        start -= 1
    return " ".join(words[start:])


def name_offices(
    labels: dict[str, Label],
    texts: Iterable[str],
    full_name: Callable[[str], str | None],
    addressed: Callable[[], Mapping[str, set[str]]] | None = None,
) -> None:
    """Give an office label with no name the one person its mentions name (see the module);
    ``addressed`` gives, for a printed label, the surnames the line before each of its turns
    addresses (``addressed_before``), asked for only when several ministers are named."""
    # A portfolio label ("MINISTER FOR IMMIGRATION …") is split as a name of no title.
    by_office: dict[str, list[Label]] = {}
    others: list[Label] = []
    for label in labels.values():
        office = None
        if not label.generic and label.name in (None, label.printed):
            office = _office_of(label.role or label.printed)
        if office is None:
            others.append(label)
            continue
        if label.name == label.printed:  # the office, not a name, whoever holds it
            label.role, label.name = label.printed, None
        by_office.setdefault(office, []).append(label)
    if not by_office:
        return
    mentions = office_mentions(texts)
    named = {_surname(lb.name) for lb in others if lb.name}
    for office, holders in by_office.items():
        # Two labels of one office ("MINISTER FOR X", "MINISTER FOR Y") are two people: the
        # mentions cannot tell which is which.
        if len(holders) != 1:
            continue
        candidates = {n for n in mentions.get(office, ()) if _surname(n) not in named}
        if len({_surname(n) for n in candidates}) > 1 and addressed is not None:
            called = addressed().get(holders[0].printed, set())
            candidates = {n for n in candidates if _surname(n) in called}
        if len({_surname(n) for n in candidates}) != 1:
            continue
        longest = max(sorted(candidates), key=len)  # sorted: the same answer in every run
        holders[0].name = full_name(longest.split()[-1]) or longest


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].casefold() if words else ""


#: A question that opens by addressing someone: "Mr Morrison, we've learnt …".
_ADDRESS = re.compile(r"(?:Mr|Ms|Mrs|Dr|Minister|Senator)\.? ([A-Z][A-Za-z'’\-]{1,40})\b")


def addressed_before(
    lines: Iterable[tuple[int, str]], label_at: Mapping[int, str]
) -> dict[str, set[str]]:
    """Printed label → the surnames (casefolded) that the text line just before one of its
    turns opens by addressing; one pass over the lines."""
    found: dict[str, set[str]] = {}
    previous = ""
    for number, text in lines:
        if not text:
            continue
        label = label_at.get(number)
        if label is not None:
            address = _ADDRESS.match(previous)
            if address:
                found.setdefault(label, set()).add(address.group(1).casefold())
        previous = text
    return found
