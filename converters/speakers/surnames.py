"""Labels of a surname alone, named in full in what is said.

Joint press conferences label the guests by surname ("SWAN:", "MACKLIN:", "BLIGH:") and name
them in full only in the text: "I'm joined by the Treasurer, Wayne Swan", "Thanks, Jenny
Macklin". When every name the text prints with that surname has one given name, the label is
that person; the label stays as printed. Two given names ("Wayne Swan", "Sarah Swan") leave
it a surname.

One pass over the words of every line, a dictionary lookup a word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from .label_shapes import name_part
from .label_words import is_courtesy
from .labels import Label

_PUNCTUATION = ".,;:!?()[]\"“”‘’'"
_SURNAME_MARKS = re.compile("['’-]")
#: Capitalised words before a surname that are no given name.
_NOT_GIVEN = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "hon", "the", "minister", "treasurer",
     "premier", "senator", "prime", "deputy", "leader", "president", "governor", "mayor",
     "professor", "prof", "chancellor", "secretary", "ambassador", "general", "admiral",
     "judge", "justice", "father", "mother", "brother", "sister", "uncle", "aunt", "and",
     "but", "thanks", "thank", "dear", "congratulations", "welcome", "hello", "hi", "well",
     "yes", "no", "oh", "so", "i", "we", "you", "he", "she", "they", "it", "labor", "liberal",
     "national", "green", "greens", "federal", "state", "australian", "american", "british",
     "congressman", "congresswoman", "representative", "rep", "sen", "gov", "commissioner",
     "chairman", "chairwoman", "chair", "former", "mister", "madam",
     # roles and the words before a noun ("Spokesperson Dana", "Meine Frage")
     "spokesperson", "spokesman", "spokeswoman", "my", "our", "your", "his", "her", "their",
     "this", "that", "a", "an", "meine", "seine", "ihre", "unsere", "eine", "ein",
     "die", "der", "das", "diese", "dieser", "la", "le", "les", "el", "los", "las", "sts", "srs",
     "vors", "bm", "frage", "zusatzfrage", "senators", "members", "ministers", "representatives",
     "congressmen", "i'm", "i’m", "im"}
)  # fmt: skip


def name_surnames(labels: dict[str, Label], texts: Iterable[str]) -> None:
    """Give each label of a surname alone the full name the texts print it in, when they
    print it with one given name only (see the module)."""
    wanted: dict[str, list[Label]] = {}
    for label in labels.values():
        name = _surname(label.name) if not label.generic else None
        if name is None or not _SURNAME_MARKS.sub("", name).isalpha():
            continue  # "O'ROURKE" and "DIAZ-BALART" are surnames too
        wanted.setdefault(name.casefold(), []).append(label)
    if not wanted:
        return
    # Other labels print full names too ("Mr. William Hague (Richmond, Yorks):" … "Mr. Hague:"):
    # as printed, not as resolved ("THE FIRST LADY" is Jill Biden, whom "BIDEN" is not).
    printed = [name_part(label.printed) for label in labels.values() if not label.generic]
    texts = itertools.chain(texts, printed)
    found: dict[str, dict[str, str]] = {}  # surname → given name (casefolded) → full name
    for text in texts:
        words = text.split()
        for index in range(1, len(words)):
            surname = words[index].strip(_PUNCTUATION)
            key = surname.casefold()
            if key not in wanted or surname.isupper():
                continue
            given = words[index - 1]
            if given[-1:] in _PUNCTUATION:  # "… Swan, Wayne" or a sentence's end between
                continue
            given = given.lstrip(_PUNCTUATION)
            if _is_given_name(given):
                found.setdefault(key, {}).setdefault(given.casefold(), f"{given} {surname}")
    for key, names in found.items():
        if len(names) == 1:
            full = next(iter(names.values()))
            for label in wanted[key]:
                label.name = full


def _surname(name: str | None) -> str | None:
    """The surname a label's name is alone, perhaps after a courtesy ("Hague" of "Mr.
    Hague"); None for a full name."""
    if not name:
        return None
    first, _, rest = name.partition(" ")
    if not rest:
        return first
    return rest if is_courtesy(first) and " " not in rest else None


def _is_given_name(word: str) -> bool:
    return (
        len(word) > 1
        and word[0].isupper()
        and not word.isupper()
        and word.replace("-", "").replace("'", "").isalpha()
        and word.casefold() not in _NOT_GIVEN
    )
