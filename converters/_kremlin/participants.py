"""The participants a kremlin reader builds: one per person however the labels print the
name, found by name or role through indexes kept up as participants are added."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .ids import NCNAME_START, slug
from .known_names import KnownNames
from .names import INITIALS, spelling_key, surname_and_initial
from .site import clean


class ParticipantList:
    """The participants a kremlin reader is building, with lookups by name and by role.

    One participant per person however the labels print the name: "Vladimir Putin" and
    "President of Russia Vladimir Putin" both find the same entry. Lookups go through indexes
    of the participants' names, roles and ids, kept up as participants are added (also when
    they are appended to :attr:`people` directly); a participant's name, the role of one
    without a name, and ids are not changed once added.
    """

    def __init__(
        self,
        people: list[dict[str, Any]],
        tag_names: Sequence[str],
        context: Sequence[str | None] = (),
    ) -> None:
        self.people = people
        #: Names from the page's "Persons" tags, in natural order: the fullest form of a name.
        self.tag_names = list(tag_names)
        #: The title and lead, whose full names ("Владимир Путин провёл совещание") are the
        #: evidence for a label of initials ("В.Путин") when no Persons tag names the person.
        self.context = context
        self._tags: KnownNames | None = None
        self._context_names: dict[tuple[str, str], str] | None = None
        self._index = _PeopleIndex()

    def add(self, name: str | None, role: str | None, attending: bool = False) -> dict[str, Any]:
        """A new participant with a unique id made from the name (or the role)."""
        index = self._indexed()
        person = {
            "id": index.new_id(slug(name or role or "x")),
            "name": name,
            "role": role,
            "attending": attending,
        }
        self.people.append(person)
        index.add(person)
        return person

    def by_name(self, name: str) -> dict[str, Any] | None:
        """The participant this (possibly shortened) name refers to: the first one whose name
        ``names_match`` in either direction."""
        return self._indexed().by_name(name)

    def by_role(self, role: str) -> dict[str, Any] | None:
        """The role-only participant with this role."""
        return self._indexed().by_role.get(role)

    def full_name(self, name: str) -> str:
        """The Persons tag that names the same person; for initials ("В.Путин"), else a full
        name of the title or lead that matches them; else ``name`` itself."""
        if self._tags is None:
            self._tags = KnownNames(self.tag_names)
        found = self._tags.first_match(name)
        if found is None and "." in name:
            if self._context_names is None:  # only pages with such labels need them
                self._context_names = _first_full_names(self.context)
            key = _initials_key(name)
            found = self._context_names.get(key) if key is not None else None
        return found or name

    def _indexed(self) -> _PeopleIndex:
        """The index, with the participants appended to :attr:`people` since it was used."""
        index = self._index
        while index.size < len(self.people):
            index.add(self.people[index.size])
        return index


class _PeopleIndex:
    """Participants by name (as :func:`names_match` compares names), by role and by id."""

    def __init__(self) -> None:
        self.size = 0  # how many participants are indexed
        self.by_role: dict[str, dict[str, Any]] = {}  # of those without a name: the first
        self._ids: set[str] = set()
        self._next_number: dict[str, int] = {}  # per id stem: the lowest number maybe free
        # (rank, participant): the first participant with that name, cleaned and case-folded
        # name, (surname, initial) of the name, and (surname, initial) of a name of initials.
        self._exact: dict[str, tuple[int, dict[str, Any]]] = {}
        self._folded: dict[str, tuple[int, dict[str, Any]]] = {}
        self._keyed: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
        self._keyed_initials: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
        # _keyed is only needed for names of initials: kept up when one is looked up.
        self._named: list[tuple[int, dict[str, Any]]] = []
        self._keyed_count = 0

    def add(self, person: dict[str, Any]) -> None:
        rank, self.size = self.size, self.size + 1
        entry = (rank, person)
        identifier, name = person.get("id"), person.get("name")
        if isinstance(identifier, str):
            self._ids.add(identifier)
        if name is None:
            role = person.get("role")
            if isinstance(role, str):
                self.by_role.setdefault(role, person)
            return
        if not name or not isinstance(name, str):
            return
        self._exact.setdefault(name, entry)
        self._folded.setdefault(spelling_key(name), entry)
        self._named.append(entry)
        if "." in name:
            key = _initials_key(name)
            if key is not None:
                self._keyed_initials.setdefault(key, entry)

    def _index_keys(self) -> dict[tuple[str, str], tuple[int, dict[str, Any]]]:
        """:attr:`_keyed`, with the participants added since it was last used."""
        while self._keyed_count < len(self._named):
            entry = self._named[self._keyed_count]
            self._keyed_count += 1
            key = surname_and_initial(entry[1]["name"])
            if key is not None:
                self._keyed.setdefault(key, entry)
        return self._keyed

    def by_name(self, name: str) -> dict[str, Any] | None:
        """The first participant whose name ``known`` gives ``names_match(name, known)`` or
        ``names_match(known, name)``."""
        found = [self._exact.get(name)]
        if "." not in name:
            # A name without a dot is compared cleaned and case-folded (both ways: folding
            # never makes or removes a dot).
            found.append(self._folded.get(spelling_key(name)))
        initials = "." in name and INITIALS.fullmatch(clean(name)) is not None
        # Without initials on either side, the name's surname and initial are not needed.
        key = surname_and_initial(name) if initials or self._keyed_initials else None
        if key is not None:
            if initials:
                found.append(self._index_keys().get(key))
            found.append(self._keyed_initials.get(key))
        entries = [entry for entry in found if entry is not None]
        return min(entries, key=lambda entry: entry[0])[1] if entries else None

    def new_id(self, base: str) -> str:
        """:func:`unique_id` of ``base`` among the ids indexed, without trying again the
        numbers found taken before (ids are never freed)."""
        stem = base if NCNAME_START.match(base) else f"p-{base}"
        if stem not in self._ids:
            return stem
        number = self._next_number.get(stem, 2)
        while f"{stem}-{number}" in self._ids:
            number += 1
        self._next_number[stem] = number + 1
        return f"{stem}-{number}"


def _initials_key(name: str) -> tuple[str, str] | None:
    """(surname, initial) of a name of initials ("В.Путин"), else None."""
    compact = clean(name)
    return surname_and_initial(compact) if INITIALS.fullmatch(compact) else None


# Two capitalised words in a row, every such pair of a text (overlapping: "Vladimir Putin Xi").
_FULL_NAME = re.compile(r"(?=\b([A-ZА-ЯЁ][\w'’-]+ [A-ZА-ЯЁ][\w'’-]+)\b)")
# _FULL_NAME is found without backtracking from its runs of word characters (a regex search
# goes over a hyphenated word once per capital letter in it).
_WORD_RUN = re.compile(r"[\w'’-]+")
_CAPITAL = re.compile(r"[A-ZА-ЯЁ]")
_NOT_WORD = frozenset("'’-")


def _full_name_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, second word's start) of every match of :data:`_FULL_NAME` in ``text``."""
    runs = iter(_WORD_RUN.finditer(text))
    run = next(runs, None)
    while run is not None:
        following = next(runs, None)
        start, end = run.span()
        if following is not None and following.start() == end + 1 and text[end] == " ":
            second = following.group().rstrip("'’-")
            if len(second) >= 2 and _CAPITAL.match(second):
                stop = following.start() + len(second)
                for capital in _CAPITAL.finditer(text, start, end - 1):
                    at = capital.start()
                    if at == start or text[at - 1] in _NOT_WORD:
                        yield at, stop, following.start()
        run = following


def full_names_in(*texts: str | None) -> list[str]:
    """The pairs of capitalised words in ``texts``, in order: candidates for a full name."""
    return [text[start:end] for text in texts if text for start, end, _ in _full_name_spans(text)]


def _first_full_names(texts: Iterable[str | None]) -> dict[tuple[str, str], str]:
    """The first of :func:`full_names_in` ``texts`` for each (surname, initial) they give."""
    found: dict[tuple[str, str], str] = {}
    for text in texts:
        if not text:
            continue
        for start, end, second in _full_name_spans(text):
            key = text[second:end].casefold(), text[start].casefold()
            if key not in found:
                found[key] = text[start:end]
    return found
