"""Names and labels, one at a time: which labels name nobody ("Question") or only a role
("Moderator"), when two spellings name one person ("В.Путин" and "Владимир Путин"), and the
words names are made of."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .site import clean

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
#: Words that make the front of a label a role ("Defence Minister" in "Defence Minister Sergei
#: Shoigu") rather than part of a long name ("Recep Tayyip Erdogan").
ROLE_WORDS = frozenset(
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
# Direct Line callers, labelled by where they call from: "Question from Izhevsk", "Perm
# Territory", "Пермский край". Tried only on labels that end with a place word or say "from".
PLACE_WORDS = (
    "region", "territory", "republic", "krai", "oblast", "province", "autonomous area",
    "область", "край", "республика", "автономный округ",
)  # fmt: skip
_PLACE = re.compile(r"[\w .'’-]{1,60} (?:" + "|".join(PLACE_WORDS) + ")")
_FROM_PLACE = re.compile(r"(?:an? )?(?:question|message|call|video message) from [^:()]{1,60}")
#: A name of initials: "В.Путин", "V. V. Putin".
INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][\w'’-]+")


def is_generic_label(label: str) -> bool:
    """True for "Question", "Q", "Remark", "Вопрос" …: labels that name no person."""
    folded = clean(label).rstrip(".").casefold()
    return (
        folded in _GENERIC_NORMAL
        or _GENERIC_PHRASE.fullmatch(folded) is not None
        or (folded.endswith(PLACE_WORDS) and _PLACE.fullmatch(folded) is not None)
        or (" from " in folded and _FROM_PLACE.fullmatch(folded) is not None)
    )


def is_role_only_label(label: str) -> bool:
    """True for a label that is a role without a name, such as "Moderator"."""
    return clean(label).casefold() in ROLE_ONLY_LABELS


def person_tag_to_name(tag: str) -> str:
    """Natural order of a surname-first "Persons" tag: "Lukashenko Alexander" → "Alexander
    Lukashenko", "Erdogan Recep Tayyip" → "Recep Tayyip Erdogan"."""
    words = clean(tag).split(" ")
    return " ".join(words[1:] + words[:1]) if len(words) > 1 else words[0]


def is_capitalised(word: str) -> bool:
    """True when ``word`` starts (after an opening quote or bracket) with a capital or digit."""
    first = word.lstrip("«“\"'(")[:1]
    return first.isupper() or first.isdigit()


def surname_and_initial(name: str) -> tuple[str, str] | None:
    """(surname, first initial) of "В.Путин", "V. Putin" or "Vladimir Putin"."""
    compact = clean(name)
    if INITIALS.fullmatch(compact):
        return compact.replace(" ", "").rsplit(".", 1)[1].casefold(), compact[0].casefold()
    words = compact.split(" ")
    if len(words) >= 2 and all(is_capitalised(w) for w in words):
        return words[-1].casefold(), words[0][0].casefold()
    return None


@functools.lru_cache(maxsize=4096)  # labels and names repeat on every page and across pages
def spelling_key(name: str) -> str:
    """``name`` cleaned and case-folded, with the variants of transliterating Russian names
    that kremlin.ru's English pages mix folded together: "Aleksandrov" and "Alexandrov",
    "Dmitri" and "Dmitry", "Yevgeny" and "Evgeny", "Natalya" and "Natalia", "Fyodor" and
    "Fedor", "Yury" and "Yuriy"."""
    return " ".join(map(_word_spelling_key, clean(name).casefold().split(" ")))


def _word_spelling_key(word: str) -> str:
    key = word.replace("x", "ks").replace("yo", "e").replace("iya", "ia")
    if key.startswith("ye"):
        key = "e" + key[2:]
    if key.endswith(("iy", "yi")):
        return key[:-2] + "y"
    if key.endswith("ya"):
        return key[:-2] + "ia"
    if key.endswith("i") and len(key) > 3:
        return key[:-1] + "y"
    return key


def names_match(short: str, full: str) -> bool:
    """True when ``short`` names the same person as ``full``: equal (in the same spelling,
    see :func:`spelling_key`), or "В.Путин" / "V.Putin" against "Владимир Путин" / "Vladimir
    Putin"."""
    if short == full:
        return True
    if "." not in short:
        return spelling_key(short) == spelling_key(full)
    if not INITIALS.fullmatch(clean(short)):
        return False
    a, b = surname_and_initial(short), surname_and_initial(full)
    return a is not None and a == b


@dataclass(frozen=True)
class LabelParts:
    """A speaker label split into the role printed before the name and the name."""

    role: str | None
    name: str | None


#: Lowercase (or article-like) words inside names: "von der Leyen", "Lula da Silva", "Al Nahyan".
NAME_PARTICLES = frozenset(
    "von van der den de du da das do dos di del della la le bin ibn bint al el ben ter zu".split()
)


_PREFIXED_NAME = re.compile(r"(?:al|el|ad|ed|as|ash|at|az|ul|ud)-[A-ZА-ЯЁ]\w*")


def is_name_word(word: str) -> bool:
    """A word that can end a name: capitalised, or "el-Sisi", "al-Assad"."""
    return is_capitalised(word) or _PREFIXED_NAME.fullmatch(word) is not None


_LABEL_ASIDE = re.compile(r"\s*\([^()]{1,40}\)$")


def label_text(label: str) -> str:
    """The label cleaned, without a trailing aside ("Reply (retranslated)")."""
    text = clean(label)
    return _LABEL_ASIDE.sub("", text) if text.endswith(")") else text
