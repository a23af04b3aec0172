"""The names known for a page, indexed so that matching a label or an attendee item against
all of them costs time proportional to its own length, not to the number of names."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from .names import INITIALS, LabelParts, is_generic_label, label_text, surname_and_initial
from .site import clean

#: Names of more words than a label may have are not looked for at the end of an attendee
#: item (:meth:`KnownNames.ends_item`): no name is that long, and the search from the end of an
#: item would otherwise go back as many words as the longest name has, for every piece.
MAX_NAME_WORDS = 16
# Up to this length (a label's), the endings of a text are looked up one by one.
_SHORT_TEXT = 256


class _WordNode:
    """A node of the trie of known names read word by word from their end.

    The path from the root spells the last words of names, last word first; ``heads`` are the
    first words of the names that the path completes ("Vladimir" at the node of "Putin").
    """

    __slots__ = ("children", "heads", "lengths")

    def __init__(self) -> None:
        self.children: dict[str, _WordNode] | None = None
        self.heads: set[str] | None = None
        self.lengths: list[int] = []  # the distinct lengths of ``heads``, ascending

    def child(self, word: str) -> _WordNode:
        if self.children is None:
            self.children = {}
        node = self.children.get(word)
        if node is None:
            node = self.children[word] = _WordNode()
        return node

    def add_head(self, word: str) -> None:
        if self.heads is None:
            self.heads = set()
        if word not in self.heads:
            self.heads.add(word)
            if len(word) not in self.lengths:
                bisect.insort(self.lengths, len(word))

    def head_ends(self, word: str) -> bool:
        """True when ``word`` ends with one of the heads ("Ivanov" ends with "ov")."""
        heads = self.heads
        if heads is None:
            return False
        size = len(word)
        for length in self.lengths:
            if length > size:
                return False
            if word[size - length :] in heads:
                return True
        return False


class KnownNames(Sequence[str]):
    """The names known for a page, in the order they were learnt, indexed so that a label or
    an attendee item is matched against all of them in time proportional to its own length.

    A sequence of the names, with :meth:`append` and :meth:`extend`; what :func:`split_label`,
    :func:`parse_attendees` and :class:`ParticipantList` look up in it is what testing every
    name in turn with :func:`names_match` and ``str.endswith`` would find.
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._names: list[str] = []
        self._rank: dict[str, int] = {}  # each name: where it was first learnt
        self._by_fold: dict[str, str] = {}  # name.casefold(): the longest such name, first learnt
        # For names_match, kept up when first needed (most pages need none):
        self._by_clean_fold: dict[str, str] = {}  # clean(name).casefold(): the first such name
        self._by_key: dict[tuple[str, str], str] = {}  # (surname, initial): the first such name
        self._matched = 0  # how many of the names these two hold
        self._ends: _WordNode | None = None  # built when first needed: labels are short
        self.extend(names)

    def __len__(self) -> int:
        return len(self._names)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._names[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._rank

    def extend(self, names: Iterable[str]) -> None:
        for name in names:
            self.append(name)

    def append(self, name: str) -> None:
        self._names.append(name)
        if name in self._rank:
            return
        self._rank[name] = len(self._names) - 1
        folded = name.casefold()
        best = self._by_fold.get(folded)
        if best is None or len(name) > len(best):
            self._by_fold[folded] = name
        if self._ends is not None:
            self._add_ending(self._ends, name)

    @staticmethod
    def _add_ending(root: _WordNode, name: str) -> None:
        words = name.split(" ")
        node = root
        for word in reversed(words[1:]):
            node = node.child(word)
        node.add_head(words[0])

    def _endings(self) -> _WordNode:
        """The trie of the names read from their end."""
        if self._ends is None:
            self._ends = _WordNode()
            for name in self._rank:
                self._add_ending(self._ends, name)
        return self._ends

    def _index_for_matching(self) -> None:
        names = self._names
        while self._matched < len(names):
            name = names[self._matched]
            self._matched += 1
            self._by_clean_fold.setdefault(clean(name).casefold(), name)
            key = surname_and_initial(name)
            if key is not None:
                self._by_key.setdefault(key, name)

    def first_match(self, short: str) -> str | None:
        """The first name ``full`` learnt with ``names_match(short, full)``, or None."""
        self._index_for_matching()
        if "." not in short:
            # Equal names are equal once cleaned and case-folded too.
            return self._by_clean_fold.get(clean(short).casefold())
        candidates = []
        if short in self._rank:
            candidates.append(short)
        compact = clean(short)
        if INITIALS.fullmatch(compact):
            key = compact.replace(" ", "").rsplit(".", 1)[1].casefold(), compact[0].casefold()
            found = self._by_key.get(key)
            if found is not None:
                candidates.append(found)
        return min(candidates, key=self._rank.__getitem__, default=None)

    def learnt_since(self, label: str, count: int) -> bool:
        """False when the names learnt after the first ``count`` do not change how
        :func:`split_label` splits ``label``: the names it would split at were all known."""
        text = label_text(label)
        if is_generic_label(text):
            return False
        start = self._longest_suffix(text)
        found = [self._by_fold.get(text.casefold())]
        if start is not None:
            found.append(text[start:])
        if "." in text:
            found.append(self.first_match(text))
        return any(self._rank[name] >= count for name in found if name is not None)

    def label_match(self, text: str) -> LabelParts | None:
        """``text`` (a cleaned label) split at the longest known name it equals (case aside)
        or ends with after a space; None when there is none."""
        equal = self._by_fold.get(text.casefold())
        start = self._longest_suffix(text)
        if start is None and equal is None:
            return None
        if start is None or (
            equal is not None
            and (-len(equal), self._rank[equal]) < (start - len(text), self._rank[text[start:]])
        ):
            return LabelParts(None, text)
        return LabelParts(text[: start - 1].rstrip(" ,"), text[start:])

    def _longest_suffix(self, text: str) -> int | None:
        """Where the longest known name that ``text`` ends with after a space starts."""
        if len(text) <= _SHORT_TEXT:
            # A label: looking its few endings up costs less than keeping the trie.
            found, space = None, text.rfind(" ")
            while space >= 0:
                if text[space + 1 :] in self._rank:
                    found = space + 1
                space = text.rfind(" ", 0, space)
            return found
        node: _WordNode | None = self._endings()
        end, found = len(text), None
        while node is not None:
            space = text.rfind(" ", 0, end)
            if space < 0:
                break
            word = text[space + 1 : end]
            if node.heads is not None and word in node.heads:
                found = space + 1
            node = node.children.get(word) if node.children is not None else None
            end = space
        return found

    def ends_item(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` ends with a known name (of at most
        :data:`MAX_NAME_WORDS` words), as ``str.endswith`` tells: "Ivanov" ends with "ov"."""
        node: _WordNode | None = self._endings()
        depth = 0
        while node is not None:
            space = text.rfind(" ", start, end)
            word = text[space + 1 : end] if space >= 0 else text[start:end]
            if node.head_ends(word):
                return True
            depth += 1
            if space < 0 or depth >= MAX_NAME_WORDS or node.children is None:
                return False
            node = node.children.get(word)
            end = space
        return False
