"""Knowledge of kremlin.ru transcript pages that does not depend on how the page was saved.

Shared by the page-text reader (:mod:`transcript_model.converters.text.convert`) and the reader
of saved kremlin.ru HTML. Everything here works on plain strings:

* dates and times: :func:`parse_date`, :func:`format_date`, :func:`parse_time`,
  :func:`format_time`, :func:`parse_published`, :func:`format_published` (English
  "March 11, 2022", Russian "11 марта 2022 года");
* site vocabulary: :data:`FOOTER_HEADINGS`, :data:`FOOTER_FIELDS`, :func:`footer_key`,
  :func:`footer_field`, :func:`words_for`, :data:`BREADCRUMBS`, :data:`END_MARKERS`,
  :data:`PUBLISHERS`, :data:`MOSCOW_OFFSET`, :data:`LICENCE`;
* people: :class:`LabelParts`, :func:`split_label`, :func:`is_generic_label`,
  :func:`is_role_only_label`, :func:`names_match`, :func:`person_tag_to_name`,
  :func:`attendee_intro`, :func:`parse_attendees`;
* identifiers and text: :func:`slug`, :func:`transcript_id`, :func:`unique_id`,
  :func:`detect_language`, :func:`clean`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

#: The publisher printed on the site, by page language.
PUBLISHERS = {"en": "President of Russia", "ru": "Президент России"}
#: kremlin.ru prints Moscow time.
MOSCOW_OFFSET = "+03:00"
#: Licence of the site's texts (SPDX id).
LICENCE = "CC-BY-4.0"

ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()
RUSSIAN_MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()
_EN_MONTH = {m.lower(): i for i, m in enumerate(ENGLISH_MONTHS, 1)}
_RU_MONTH = {m: i for i, m in enumerate(RUSSIAN_MONTHS, 1)}

_EN_DATE = re.compile(r"([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})")
_RU_DATE = re.compile(r"(\d{1,2})\s+([а-яё]+)\s+(\d{4})(?:\s+(?:года|г\.))?", re.IGNORECASE)
_TIME = r"([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?"
_TIME_RE = re.compile(_TIME)
_PUBLISHED = re.compile(r"(.+?),?\s+" + _TIME)


def clean(text: str) -> str:
    """Collapse every kind of space to one ordinary space (copied pages hold no-break spaces)."""
    return " ".join(text.split())


_clean = clean


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groups()
    if groups[0].isdigit():
        day, month, year = int(groups[0]), _RU_MONTH.get(groups[1].lower()), int(groups[2])
    else:
        month, day, year = _EN_MONTH.get(groups[0].lower()), int(groups[1]), int(groups[2])
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The date of a whole line "March 11, 2022" or "11 марта 2022 года"; None otherwise."""
    # A date is three words ("March 11, 2022") or four ("11 марта 2022 года"): longer lines,
    # such as the lead under a title, are ruled out before the costly cleaning.
    if len(text.split(None, 4)) > 4:
        return None
    line = _clean(text)
    match = _EN_DATE.fullmatch(line) or _RU_DATE.fullmatch(line)
    return _date_from_match(match) if match else None


def format_date(date: dt.date, language: str = "en") -> str:
    """A date as the site prints it in ``language`` ("ru" or anything else for English)."""
    if language.split("-", maxsplit=1)[0] == "ru":
        return f"{date.day} {RUSSIAN_MONTHS[date.month - 1]} {date.year:04d} года"
    return f"{ENGLISH_MONTHS[date.month - 1]} {date.day}, {date.year:04d}"


def parse_time(text: str) -> dt.time | None:
    """The time of a whole line "14:20" (or "14:20:05"); None otherwise."""
    if ":" not in text:
        return None
    match = _TIME_RE.fullmatch(_clean(text))
    if not match:
        return None
    hour, minute, second = match.groups()
    return dt.time(int(hour), int(minute), int(second or 0))


def format_time(time: dt.time) -> str:
    """A time as the site prints it: "14:20", with seconds only when there are any."""
    return time.strftime("%H:%M:%S" if time.second else "%H:%M")


def parse_published(text: str) -> dt.datetime | None:
    """The value of "Publication date: March 11, 2022, 14:20" (the part after the colon)."""
    if ":" not in text:  # no time: most lines tried as a header date are sentences
        return None
    line = _clean(text)
    match = _PUBLISHED.fullmatch(line)
    if not match:
        return None
    date = parse_date(match.group(1))
    time = parse_time(line[match.start(2) :])
    return dt.datetime.combine(date, time) if date and time else None


def format_published(value: dt.datetime, language: str = "en") -> str:
    """A publication date-time as the site prints it."""
    return f"{format_date(value.date(), language)}, {format_time(value.time())}"


# --- footer -----------------------------------------------------------------------------------

#: Footer headings on their own line, by canonical key, in English and Russian.
FOOTER_HEADINGS = {
    "See also": "see_also",
    "См. также": "see_also",
    "Geography": "geography",
    "География": "geography",
    "Topics": "topics",
    "Темы": "topics",
    "Persons": "persons",
    "Персоны": "persons",
    "Publication status": "status",
    "Статус публикации": "status",
    "Статус материала": "status",
    "Text version": "end",
    "Текстовая версия": "end",
}
_LONGEST_HEADING = 2 * max(len(h) for h in FOOTER_HEADINGS)
#: Footer "Key: value" lines, by canonical key.
FOOTER_FIELDS = {
    "Published in sections": "sections",
    "Опубликован в разделах": "sections",
    "Publication date": "published",
    "Дата публикации": "published",
}
# Copied text is compared with the footer words once cleaned (clean(text) == words); that is
# comparing their words, which needs no cleaned copy.
_HEADINGS_BY_WORDS = {tuple(words.split()): key for words, key in FOOTER_HEADINGS.items()}
_FIELDS_BY_WORDS = {tuple(words.split()): key for words, key in FOOTER_FIELDS.items()}
#: Footer words, by language, for writers.
FOOTER_WORDS = {
    "en": {
        "see_also": "See also",
        "geography": "Geography",
        "topics": "Topics",
        "persons": "Persons",
        "status": "Publication status",
        "end": "Text version",
        "sections": "Published in sections",
        "published": "Publication date",
        "breadcrumb": "Events",
    },
    "ru": {
        "see_also": "См. также",
        "geography": "География",
        "topics": "Темы",
        "persons": "Персоны",
        "status": "Статус публикации",
        "end": "Текстовая версия",
        "sections": "Опубликован в разделах",
        "published": "Дата публикации",
        "breadcrumb": "События",
    },
}
#: Breadcrumb lines that open a copied page.
BREADCRUMBS = frozenset({"Events", "События", "Transcripts", "Стенограммы", "News", "Новости"})
#: The end marker ("Text version") in either language.
END_MARKERS = ("Text version", "Текстовая версия")


def words_for(language: str) -> dict[str, str]:
    """The footer words of a page in ``language`` (English unless Russian)."""
    return FOOTER_WORDS["ru" if language.split("-", maxsplit=1)[0] == "ru" else "en"]


def footer_key(line: str) -> str | None:
    """The canonical key of a footer heading line ("Topics" → "topics"), else None."""
    if len(line) > _LONGEST_HEADING:
        return None
    return FOOTER_HEADINGS.get(line) or _HEADINGS_BY_WORDS.get(tuple(line.split()))


def footer_field(line: str) -> tuple[str, str] | None:
    """``(key, value)`` of a footer field line ("Publication date: …"), else None."""
    # Look for the colon only where a key could end: body lines are long.
    colon = line.find(":", 0, _LONGEST_HEADING + 1)
    if colon < 0:
        return None
    head = line[:colon]
    key = FOOTER_FIELDS.get(head) or _FIELDS_BY_WORDS.get(tuple(head.split()))
    return (key, line[colon + 1 :].strip()) if key else None


# --- people -----------------------------------------------------------------------------------

#: Labels that name no person: questions from the floor, remarks, answers.
GENERIC_LABELS = frozenset(
    [
        *"question q remark reply answer a voice voices comment response audience".split(),
        *"participant participants".split(),
        *"вопрос реплика ответ голос голоса комментарий".split(),
        "question from the audience",
        "voice from the audience",
        "реплика из зала",
        "голос из зала",
        "вопрос из зала",
        "участник",
        "участница",
        "участники",
        "audience member",
    ]
)
#: Single-word labels that are a role, not a surname.
ROLE_ONLY_LABELS = frozenset(
    "moderator chairman chairwoman chair presenter host interpreter announcer correspondent "
    "journalist interviewer narrator reporter translator anchor commentator "
    "ведущий ведущая модератор председатель переводчик корреспондент журналист диктор "
    "репортёр репортер".split()
)
# Words that make the front of a label a role ("Defence Minister" in "Defence Minister Sergei
# Shoigu") rather than part of a long name ("Recep Tayyip Erdogan").
_ROLE_WORDS = frozenset(
    "president minister speaker governor chairman chairwoman chair director secretary head "
    "chief deputy mayor prime ceo ambassador commissioner representative aide spokesman "
    "spokeswoman press editor correspondent king queen prince emperor chancellor general "
    "commander patriarch metropolitan rector member senator leader founder executive officer "
    "acting first plenipotentiary envoy premier presidential council state duma ombudsman "
    "mr mrs ms dr professor academician sheikh emir sultan crown minister-president "
    "moderator presenter host anchor interviewer "
    "президент министр председатель губернатор глава руководитель директор секретарь "
    "помощник заместитель мэр посол полномочный представитель спикер советник генеральный "
    "первый командующий начальник ректор патриарх митрополит модератор ведущий ведущая".split()
)
_GENERIC_NORMAL = {g.casefold() for g in GENERIC_LABELS}
# "Remark from the audience", "A question from the floor", "Unidentified speaker", "Голоса из
# зала": the other ways of saying that the speaker is nobody in particular.
_GENERIC_PHRASE = re.compile(
    r"(?:an? )?(?:question|remark|reply|answer|comment|response|voice|shout)s? "
    r"from (?:the )?(?:audience|floor|hall|room|gallery)"
    r"|unidentified (?:speaker|participant|voice|man|woman|journalist|person)"
    r"|(?:вопрос|реплика|ответ|голос|комментарий)(?:ы|а|и)? (?:из зала|с места)"
)
_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][\w'’-]+")


def is_generic_label(label: str) -> bool:
    """True for "Question", "Q", "Remark", "Вопрос" …: labels that name no person."""
    folded = _clean(label).rstrip(".").casefold()
    return folded in _GENERIC_NORMAL or _GENERIC_PHRASE.fullmatch(folded) is not None


def is_role_only_label(label: str) -> bool:
    """True for a label that is a role without a name, such as "Moderator"."""
    return _clean(label).casefold() in ROLE_ONLY_LABELS


def person_tag_to_name(tag: str) -> str:
    """Natural order of a surname-first "Persons" tag: "Lukashenko Alexander" → "Alexander
    Lukashenko", "Erdogan Recep Tayyip" → "Recep Tayyip Erdogan"."""
    words = _clean(tag).split(" ")
    return " ".join(words[1:] + words[:1]) if len(words) > 1 else words[0]


def _is_capitalised(word: str) -> bool:
    first = word.lstrip("«“\"'(")[:1]
    return first.isupper() or first.isdigit()


def _surname_and_initial(name: str) -> tuple[str, str] | None:
    """(surname, first initial) of "В.Путин", "V. Putin" or "Vladimir Putin"."""
    compact = _clean(name)
    if _INITIALS.fullmatch(compact):
        return compact.replace(" ", "").rsplit(".", 1)[1].casefold(), compact[0].casefold()
    words = compact.split(" ")
    if len(words) >= 2 and all(_is_capitalised(w) for w in words):
        return words[-1].casefold(), words[0][0].casefold()
    return None


def names_match(short: str, full: str) -> bool:
    """True when ``short`` names the same person as ``full``: equal, or "В.Путин" /
    "V.Putin" against "Владимир Путин" / "Vladimir Putin"."""
    if short == full:
        return True
    if "." not in short:
        return _clean(short).casefold() == _clean(full).casefold()
    if not _INITIALS.fullmatch(_clean(short)):
        return False
    a, b = _surname_and_initial(short), _surname_and_initial(full)
    return a is not None and a == b


@dataclass(frozen=True)
class LabelParts:
    """A speaker label split into the role printed before the name and the name."""

    role: str | None
    name: str | None


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
            self._by_clean_fold.setdefault(_clean(name).casefold(), name)
            key = _surname_and_initial(name)
            if key is not None:
                self._by_key.setdefault(key, name)

    def first_match(self, short: str) -> str | None:
        """The first name ``full`` learnt with ``names_match(short, full)``, or None."""
        self._index_for_matching()
        if "." not in short:
            # Equal names are equal once cleaned and case-folded too.
            return self._by_clean_fold.get(_clean(short).casefold())
        candidates = []
        if short in self._rank:
            candidates.append(short)
        compact = _clean(short)
        if _INITIALS.fullmatch(compact):
            key = compact.replace(" ", "").rsplit(".", 1)[1].casefold(), compact[0].casefold()
            found = self._by_key.get(key)
            if found is not None:
                candidates.append(found)
        return min(candidates, key=self._rank.__getitem__, default=None)

    def learnt_since(self, label: str, count: int) -> bool:
        """False when the names learnt after the first ``count`` do not change how
        :func:`split_label` splits ``label``: the names it would split at were all known."""
        text = _label_text(label)
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


_LABEL_ASIDE = re.compile(r"\s*\([^()]{1,40}\)$")


def _label_text(label: str) -> str:
    """The label cleaned, without a trailing aside ("Reply (retranslated)")."""
    text = _clean(label)
    return _LABEL_ASIDE.sub("", text) if text.endswith(")") else text


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
    text = _label_text(label)
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
    units = _name_units(words)
    if len(units) == 1:  # "Mohammed bin Salman": one name joined by a particle
        return LabelParts(None, text) if is_name_word(words[-1]) else LabelParts(text, None)
    # The name is the last two parts, or only the last when the one before is a role word
    # ("Crown Prince Mohammed bin Salman", "President Putin").
    before = units[-2][0].casefold()
    cut = -1 if before in _ROLE_WORDS and before not in _HONORIFICS else -2
    head = [word for unit in units[:cut] for word in unit]
    tail = [word for unit in units[cut:] for word in unit]
    if not all(is_name_word(unit[-1]) for unit in units[cut:]):
        return LabelParts(text, None)
    if _looks_like_role(head):
        return LabelParts(" ".join(head), " ".join(tail))
    return LabelParts(None, text)


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
#: Lowercase (or article-like) words inside names: "von der Leyen", "Lula da Silva", "Al Nahyan".
NAME_PARTICLES = frozenset(
    "von van der den de du da das do dos di del della la le bin ibn bint al el ben ter zu".split()
)
# These join the names on both sides: "Mohammed bin Salman" is one part of a name.
_LINKING_PARTICLES = frozenset({"bin", "ibn", "bint"})
_PREFIXED_NAME = re.compile(r"(?:al|el|ad|ed|as|ash|at|az|ul|ud)-[A-ZА-ЯЁ]\w*")


def is_name_word(word: str) -> bool:
    """A word that can end a name: capitalised, or "el-Sisi", "al-Assad"."""
    return _is_capitalised(word) or _PREFIXED_NAME.fullmatch(word) is not None


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
    """ "Alexei Ivanov, from Tver" or "Pavel Zarubin, Rossiya TV": the name comes first."""
    head, sep, tail = text.partition(", ")
    if not sep:
        return None
    words = head.split(" ")
    plausible_name = 2 <= len(words) <= 3 and all(_is_capitalised(w) for w in words)
    if plausible_name and not _looks_like_role(words):
        return LabelParts(tail, head)
    return None


def _looks_like_role(words: Sequence[str]) -> bool:
    if not words:
        return False
    return any(
        w.casefold() in _ROLE_WORDS or not (_is_capitalised(w) or w.casefold() in NAME_PARTICLES)
        for w in words
    )


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
    match = _ATTENDEE_INTRO.match(_clean(head))
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
    text = _clean(items_text).rstrip(".").strip()
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
        if _is_capitalised(last) and _is_capitalised(before):
            return True
    return known.ends_item(text, start, end)


def _starts_item(piece: str, known: KnownNames) -> bool:
    if known.first_match(piece) is not None:
        return True
    words = piece.split(" ")
    if len(words) < 2 or not _is_capitalised(words[0]):
        return False
    # The words before the name: an item holds a role word there, or is a bare name.
    role_part = words[:-2]
    return not role_part or any(w.casefold().strip(",") in _ROLE_WORDS for w in role_part)


# --- identifiers and language ----------------------------------------------------------------

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" "),
        strict=True,
    )
)


_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_NCNAME_START = re.compile(r"[A-Za-z_]")


def slug(text: str, max_length: int = 60) -> str:
    """A lowercase ASCII slug of ``text`` ("Vladimir Putin" → "vladimir-putin"), Cyrillic
    transliterated; cut at a word boundary near ``max_length``; "x" when nothing is left."""
    lowered = text.casefold().translate(_CYRILLIC_TABLE)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    words = _SLUG_WORD.findall(ascii_text)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length and out:
            break
        out = candidate[:max_length]
    return out or "x"


def transcript_id(date: dt.date, title: str) -> str:
    """The id of a kremlin.ru transcript read from page text: "kremlin-2022-03-11-<slug>"."""
    return f"kremlin-{date.isoformat()}-{slug(title)}"


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is not in ``taken``; an NCName."""
    used = taken if isinstance(taken, (set, frozenset, dict)) else set(taken)
    stem = base if _NCNAME_START.match(base) else f"p-{base}"
    candidate, number = stem, 2
    while candidate in used:
        candidate, number = f"{stem}-{number}", number + 1
    return candidate


def detect_language(text: str) -> str:
    """ "ru" when most letters of ``text`` are Cyrillic, else "en"."""
    sample = text[:20000]
    # The three commonest letters of each alphabet stand for all of them, and counting
    # characters is far cheaper than classifying every one.
    cyrillic = sum(map(sample.count, "оеа"))
    latin = sum(map(sample.count, "eta"))
    return "ru" if cyrillic > latin else "en"


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
        self._folded.setdefault(_clean(name).casefold(), entry)
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
            key = _surname_and_initial(entry[1]["name"])
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
            found.append(self._folded.get(_clean(name).casefold()))
        initials = "." in name and _INITIALS.fullmatch(_clean(name)) is not None
        # Without initials on either side, the name's surname and initial are not needed.
        key = _surname_and_initial(name) if initials or self._keyed_initials else None
        if key is not None:
            if initials:
                found.append(self._index_keys().get(key))
            found.append(self._keyed_initials.get(key))
        entries = [entry for entry in found if entry is not None]
        return min(entries, key=lambda entry: entry[0])[1] if entries else None

    def new_id(self, base: str) -> str:
        """:func:`unique_id` of ``base`` among the ids indexed, without trying again the
        numbers found taken before (ids are never freed)."""
        stem = base if _NCNAME_START.match(base) else f"p-{base}"
        if stem not in self._ids:
            return stem
        number = self._next_number.get(stem, 2)
        while f"{stem}-{number}" in self._ids:
            number += 1
        self._next_number[stem] = number + 1
        return f"{stem}-{number}"


def _initials_key(name: str) -> tuple[str, str] | None:
    """(surname, initial) of a name of initials ("В.Путин"), else None."""
    compact = _clean(name)
    return _surname_and_initial(compact) if _INITIALS.fullmatch(compact) else None


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
