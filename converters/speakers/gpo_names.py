"""The full names of a GPO record's speakers, from what the record itself prints.

A hearing labels its speakers by title and surname ("Mr. Bachus.", "Chairman Frank.", "Mr.
Moore of Kansas.", "Senator LEAHY."). The record prints their full names elsewhere: the
committee's roster on its front matter, in capitals with their states ("SPENCER BACHUS,
Alabama", "DENNIS MOORE, Kansas"), and a heading before each witness's statement ("STATEMENT OF
THE HONORABLE ROBERT HULLINGHORST, TREASURER, …"). A label takes the full name when exactly one
person printed there has its surname (and its state, where the label names one); the name is
written in the label's own spelling of the surname ("McCarthy", not "MCCARTHY"), the given
names with capitals where the roster has them ("E." stays "E.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .labels import Label

#: (full name in capitals as printed, state or None for a witness)
Person = tuple[str, "str | None"]

_CAPS_WORD = r"(?:Mc|Mac|O'|O’)?[A-Z][A-Z.'’\-]*"
#: One roster entry: "PAUL E. KANJORSKI, Pennsylvania", "WALTER B. JONES, Jr., North",
#: "BARNEY FRANK, Massachusetts, Chairman" (a column of a two-column line).
_ROSTER_ENTRY = re.compile(
    rf"(?P<name>{_CAPS_WORD}(?: {_CAPS_WORD}){{1,4}})(?:, (?:Jr|Sr)\.|, I{{2,3}})?, "
    r"(?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\b"
)
_COLUMNS = re.compile(r"\s{3,}")
#: "STATEMENT OF THE HONORABLE ANNA G. ESHOO, A REPRESENTATIVE …", "OPENING STATEMENT OF HON.
#: ARLEN SPECTER, …", "STATEMENT OF EDWARD BECKER, JUDGE, …", "STATEMENT OF SENATOR JACK REED",
#: "PREPARED STATEMENT OF BEN S. BERNANKE", "… OF THE HONORABLE JEB HENSARLING (TX-05), …".
_WITNESS = re.compile(
    rf"\bSTATEMENT OF (?:THE )?(?:HONORABLE |HON\. )?(?:(?:DR|MR|MS|MRS)\. )?"
    r"(?:(?:SENATOR|CHAIRMAN|CHAIRWOMAN|REPRESENTATIVE|CONGRESSMAN|CONGRESSWOMAN|GOVERNOR"
    r"|SECRETARY|AMBASSADOR|JUDGE|(?:VICE |REAR )?ADMIRAL|(?:LIEUTENANT |MAJOR )?GENERAL) )?"
    rf"(?P<name>{_CAPS_WORD}(?: {_CAPS_WORD}){{1,4}})(?:,| \(|$)"
)
#: The opening of a hearing names who presides: "…, Hon. Barney Frank [chairman of the
#: committee] presiding", "…, Hon. Carl Levin, Chairman of the Subcommittee, presiding", "…,
#: the Honorable Lamar Smith (Chairman of the Committee) presiding".
_PRESIDING = re.compile(
    r"\b(?:Hon\.|Honorable) (?P<name>[A-Z][\w.'’`\-]*(?: [A-Z][\w.'’`\-]*){1,4}?)"
    r"(?:,? (?:Jr|Sr)\.)?,? [\[(]?(?P<office>chairman|chairwoman|chair)\b[^\])\n]{0,120}?[\])]?,?"
    r" presiding",
    re.IGNORECASE,
)
_CHAIR_LABELS = {"the chairman": "Chairman", "the chairwoman": "Chairwoman", "the chair": "Chair"}
#: The surname a label ends with, and the state it names: "Mr. Moore of Kansas".
_LABEL_SURNAME = re.compile(
    r"(?P<surname>[A-Z][\w'’\-]*)(?: of (?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))?$"
)


def roster_people(lines: Iterable[str]) -> list[Person]:
    """The members a committee roster lists (in the front matter's lines)."""
    people: list[Person] = []
    for line in lines:
        for column in _COLUMNS.split(line.strip()):
            found = _ROSTER_ENTRY.match(column)
            if found is not None:
                people.append((found.group("name"), found.group("state")))
    return people


def presiding_chair(opening: str) -> str | None:
    """The chair the opening paragraph of a hearing says presides, or None (two chairs, or
    none named)."""
    found = _PRESIDING.search(opening)
    if found is None or " and " in found.group("name"):
        return None
    return found.group("name")


def witness(heading: str) -> Person | None:
    """The person a statement's heading names, or None."""
    found = _WITNESS.search(heading)
    return (found.group("name"), None) if found is not None else None


def name_labels(
    labels: Mapping[str, Label], people: Sequence[Person], chair: str | None = None
) -> None:
    """Give each label the full name of the one person of ``people`` it can name, and "The
    Chairman" the ``chair`` the hearing's opening names."""
    by_surname: dict[str, list[Person]] = {}
    for person in people:
        by_surname.setdefault(person[0].split()[-1].casefold(), []).append(person)
    for label in labels.values():
        office = _CHAIR_LABELS.get(label.printed.casefold())
        if office is not None and chair is not None:
            label.name, label.role = chair, office
            continue
        found = None if label.generic else _LABEL_SURNAME.search(label.printed)
        if found is None:
            continue
        surname, state = found.group("surname"), found.group("state")
        names = {
            full
            for full, where in by_surname.get(surname.casefold(), ())
            if state is None or (where is not None and _same_state(state, where))
        }
        if len(names) == 1:
            label.name = _written(names.pop(), surname)
            if label.role is not None and surname in label.role:
                label.role = None  # "Mr. Moore of Kansas" was taken for a role: it is a name


def _same_state(named: str, listed: str) -> bool:
    # A roster entry may be cut where its line wraps ("North" for "North Carolina").
    return named == listed or named.startswith(listed + " ")


def _written(full: str, surname: str) -> str:
    """The capitals of ``full`` written as a name: the label's spelling of the surname where
    it has small letters, the other words with one capital each."""
    words = full.split()
    last = surname if not surname.isupper() else _one_capital(words[-1])
    return " ".join([*map(_one_capital, words[:-1]), last])


def _one_capital(word: str) -> str:
    if len(word) <= 2 and word.endswith("."):
        return word  # an initial
    prefix = re.match(r"(Mc|Mac|O'|O’)(?=[A-Z])", word)
    if prefix is not None:
        return prefix.group() + _one_capital(word[prefix.end() :])
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
