"""A speaker label split into the role printed before the name and the name
(:func:`split_label`): "Defence Minister Sergei Shoigu", "Recep Tayyip Erdogan", "В.Путин"."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .known_names import KnownNames
from .names import (
    NAME_PARTICLES,
    PLACE_WORDS,
    ROLE_WORDS,
    LabelParts,
    is_capitalised,
    is_generic_label,
    is_name_word,
    is_role_only_label,
    label_text,
    names_match,
)


def split_label(label: str, known_names: Sequence[str] = ()) -> LabelParts:
    """Split a speaker label into role and name.

    ``known_names`` are names in natural order already known for the page (attendees, Persons
    tags, bare-name labels); a label equal to one, or ending with one, is split there (at the
    longest such name). Pass a :class:`KnownNames` when splitting many labels: a plain
    sequence is searched name by name on every call. Otherwise
    the name is taken as the last two capitalised words when the words before them read as a
    role ("Defence Minister Sergei Shoigu"), the whole label when it reads as a name ("Recep
    Tayyip Erdogan", "В.Путин"), and a role-only label ("Moderator") has no name. Generic labels
    ("Question") give neither.
    """
    text = label_text(label)
    if is_generic_label(text):
        return LabelParts(None, None)
    if isinstance(known_names, KnownNames):
        found = known_names.label_match(text)
        if found is None and "." in text and known_names.first_match(text) is not None:
            found = LabelParts(None, text)
    else:
        found = _label_match_by_scan(text, known_names)
    if found is not None:
        return found
    name_first = _name_then_affiliation(text)
    if name_first is not None:
        return name_first
    words = text.split(" ")
    if len(words) == 1:
        return LabelParts(text, None) if is_role_only_label(text) else LabelParts(None, text)
    initials = _INITIALS_AT_END.search(text)
    if initials:
        before = text[: initials.start(1)].strip()
        return LabelParts(before or None, initials.group(1))
    capitals = _capitals_name(words)
    if capitals is not None:
        return capitals
    units = _name_units(words)
    if len(units) == 1:  # "Mohammed bin Salman": one name joined by a particle
        return LabelParts(None, text) if is_name_word(words[-1]) else LabelParts(text, None)
    # The name is the last two parts, or only the last when the one before is a role word
    # ("Crown Prince Mohammed bin Salman", "President Putin").
    before = units[-2][0].casefold()
    cut = -1 if before in ROLE_WORDS and before not in _HONORIFICS else -2
    head = [word for unit in units[:cut] for word in unit]
    tail = [word for unit in units[cut:] for word in unit]
    if not all(is_name_word(unit[-1]) for unit in units[cut:]):
        return LabelParts(text, None)
    if _looks_like_role(head):
        return LabelParts(" ".join(head), " ".join(tail))
    return LabelParts(None, text)


#: Words that join the parts of a role, never of a name.
_ROLE_JOINERS = frozenset({"of", "the", "and", "for", "on", "in", "at"})


#: The words of a name that ends a comma-separated piece of a label.
_MAX_PIECE_NAME_WORDS = 5


def name_in_pieces(label: str, names: Mapping[str, str]) -> LabelParts | None:
    """The role and name of a descriptive label holding, at the end of one of its
    comma-separated pieces, a name that other labels of the page print alone (``names``:
    casefolded → as printed): "CNBC TV anchor Geoff Cutmore, moderator of the plenary
    session" → ("CNBC TV anchor, moderator of the plenary session", "Geoff Cutmore")."""
    pieces = [piece.strip() for piece in label.split(",")]
    for number, piece in enumerate(pieces):
        words = piece.split()
        for size in range(min(len(words), _MAX_PIECE_NAME_WORDS), 1, -1):
            name = names.get(" ".join(words[-size:]).casefold())
            if name is None:
                continue
            role_pieces = [*pieces[:number], " ".join(words[:-size]), *pieces[number + 1 :]]
            return LabelParts(", ".join(p for p in role_pieces if p) or None, name)
    return None


def _capitals_name(words: Sequence[str]) -> LabelParts | None:
    """A name printed in capitals after a role in mixed case ("Security Council Secretary NIKOLAI
    PATRUSHEV", "… and Development (Oecd) JOSE ANGEL GURRIA"): the whole capitals run is the name
    (the last two words would leave a given name in the role)."""
    run = 0
    for word in reversed(words):
        if len(word) < 2 or not word.isupper() or not word.replace("-", "").isalpha():
            break
        if word.casefold() in ROLE_WORDS:
            break
        if word.casefold() in _ROLE_JOINERS:
            # "President OF RUSSIA DMITRY MEDVEDEV": the word after "OF" is the role's too.
            run = max(run - 1, 0)
            break
        run += 1
    if not 2 <= run <= 4 or run == len(words):
        return None
    # an all-capitals label ("GOVERNOR OF CALIFORNIA ARNOLD SCHWARZENEGGER") is split as any other
    if all(word.isupper() for word in words[:-run]):
        return None
    return LabelParts(" ".join(words[:-run]), " ".join(words[-run:]))


_INITIALS_AT_END = re.compile(r"(?:^|\s)((?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][\w'’-]+)$")


def _label_match_by_scan(text: str, known_names: Sequence[str]) -> LabelParts | None:
    """What :meth:`KnownNames.label_match` and :meth:`KnownNames.first_match` give, found by
    testing each name: cheaper than indexing names that are looked up once."""
    folded = text.casefold()
    longest_first = sorted(known_names, key=len, reverse=True)
    for name in longest_first:
        if folded == name.casefold():
            return LabelParts(None, text)
        # text.endswith(" " + name), without building the string
        if text.endswith(name) and len(text) > len(name) and text[-len(name) - 1] == " ":
            return LabelParts(text[: -len(name) - 1].rstrip(" ,"), name)
    if "." in text and any(names_match(text, name) for name in longest_first):
        return LabelParts(None, text)
    return None


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr"})
# These join the names on both sides: "Mohammed bin Salman" is one part of a name.
_LINKING_PARTICLES = frozenset({"bin", "ibn", "bint"})


def _name_units(words: Sequence[str]) -> list[list[str]]:
    """The words of a label grouped so that particles stay with the name they belong to:
    "Ursula von der Leyen" → [Ursula] [von der Leyen]; "Mohammed bin Salman Al Saud" →
    [Mohammed bin Salman] [Al Saud]."""
    units: list[list[str]] = []
    pending: list[str] = []
    link = False
    last = len(words) - 1
    for index, word in enumerate(words):
        folded = word.casefold()
        if folded in _LINKING_PARTICLES and units:
            units[-1].append(word)
            link = True
        elif folded in NAME_PARTICLES and index < last:
            pending.append(word)
        elif link and units:
            units[-1].extend([*pending, word])
            pending, link = [], False
        else:
            units.append([*pending, word])
            pending = []
    if pending:
        units.append(pending)
    return units


def _name_then_affiliation(text: str) -> LabelParts | None:
    """ "Alexei Ivanov, from Tver" or "Pavel Zarubin, Rossiya TV": the name comes first; or
    only a town or a role word comes first ("Lipetsk, Yevgeny Zaitsev")."""
    head, sep, tail = text.partition(", ")
    if not sep:
        return None
    words = head.split(" ")
    plausible_name = 2 <= len(words) <= 3 and all(is_capitalised(w) for w in words)
    if plausible_name and not _looks_like_role(words):
        return LabelParts(tail, head)
    # A caller's town or a role, then a name alone ("Lipetsk, Yevgeny Zaitsev", "Moderator,
    # Kirill Kleymenov"); not a place ("Question, Moscow Region").
    name = tail.split(" ")
    if (
        " " not in head
        and 2 <= len(name) <= 3
        and all(is_capitalised(w) and w.isalpha() for w in name)
        and not _looks_like_role(name)
        and not tail.casefold().endswith(PLACE_WORDS)
    ):
        return LabelParts(head, tail)
    return None


# Occupations and ranks printed before a name with no other role word ("Writer Eduard
# Bagirov", "Senior Sergeant Tatyana Kovaleva", "Accounts Chamber Chairperson Tatyana Golikova"):
# without them the label was taken for a name of three words and more.
_OCCUPATIONS = frozenset(
    "writer poet author journalist columnist reporter blogger cosmonaut astronaut pilot "
    "paramedic doctor nurse surgeon teacher student scientist engineer worker farmer "
    "archpriest priest bishop archbishop abbot mufti rabbi imam major sergeant colonel "
    "lieutenant captain corporal admiral marshal chairperson spokesperson coach athlete "
    "actor actress singer musician composer conductor artist producer historian economist "
    "analyst".split()
)


def _looks_like_role(words: Sequence[str]) -> bool:
    if not words:
        return False
    return any(
        _is_role_word(w.casefold()) or not (is_capitalised(w) or w.casefold() in NAME_PARTICLES)
        for w in words
    )


def _is_role_word(folded: str) -> bool:
    """A role word or an occupation, or a hyphenated word holding one ("Secretary-General")."""
    if folded in ROLE_WORDS or folded in _OCCUPATIONS:
        return True
    return "-" in folded and any(
        part in ROLE_WORDS or part in _OCCUPATIONS for part in folded.split("-")
    )
