"""What a speaker label prints beside the name: an office or an outlet after a comma ("Kojima,
NHK", "Shri Arindam Bagchi, Official Spokesperson"), an office, a constituency, a party or an
aside in brackets ("Oana Lungescu (NATO Spokesperson)", "Mr. William Hague (Richmond,
Yorks)", "JOHN SMITH (laughs)"), a name in brackets after an office ("MR SPEAKER (T.TURA)"),
and whom a question is put to ("… to the Prime Minister")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .label_words import TITLE_HEADS, TITLE_JOINERS, is_courtesy


def is_title_head(word: str) -> bool:
    """A word a title ends with ("Minister", "SECRETARY-GENERAL")."""
    folded = word.casefold()
    return folded in TITLE_HEADS or any(part in TITLE_HEADS for part in folded.split("-")[1:])


@dataclass(frozen=True)
class Shape:
    """A label's parts: the name, what it prints after a comma ("Kojima, NHK"), and what it
    prints in brackets ("Oana Lungescu (NATO Spokesperson)", "MR SPEAKER (T.TURA)")."""

    name: str
    comma: str | None
    bracket: str | None


def shape_of(label: str) -> Shape:
    """The parts of a label as printed."""
    bare, bracket = label, None
    if " (" in label and (label.endswith(")") or _ADDRESSEE_AT_END.search(label)):
        # "ANDREW LITTLE (Leader of the Opposition) to the Prime Minister", "Mr. John Smith
        # (Newtown) (Con)": the first bracket holds the role, if any
        bare, _, inside = label.partition(" (")
        bracket = inside.partition(")")[0].strip() or None
    name, _, comma = bare.partition(", ")
    return Shape(name, comma or None, bracket)


#: Whom a question is put to, or answered for, after a label's bracket ("… to the Prime
#: Minister", "… on behalf of the Prime Minister").
ADDRESSEE = " (?:to|on behalf of) the "
_ADDRESSEE_AT_END = re.compile(rf"\){ADDRESSEE}[^()]{{1,80}}$")


def addressed(label: str) -> bool:
    """Whether a label names whom its question is put to or answered for."""
    return _ADDRESSEE_AT_END.search(label) is not None


def name_part(label: str) -> str:
    """The label without what it prints after a comma or in brackets: what names the person
    ("Oana Lungescu" of "Oana Lungescu (NATO Spokesperson)", "Kojima" of "Kojima, NHK")."""
    return shape_of(label).name


def is_office(words: str) -> bool:
    """Words that name an office ("NATO Spokesperson", "Minister for Trade", "Leader of the
    Opposition"), not a constituency, a party, an outlet or how something was said
    ("Richmond, Yorks", "R-Texas", "Reuters", "laughs")."""
    return any(is_title_head(word.strip(",.")) for word in words.split())


def in_capitals_or_title_case(words: str) -> bool:
    """An office or an outlet in capitalised words ("Deputy Press Secretary, Ministry of
    Foreign Affairs", "Fuji TV"), not the words of a sentence ("on trade interests")."""
    parts = words.replace(", ", " ").split(" ")
    return (
        len(parts) <= 10
        and parts[0][:1].isupper()
        and all(
            (w[:1].isupper() and not any(c.isdigit() for c in w)) or w in TITLE_JOINERS
            for w in parts
        )
    )


_ACRONYM = re.compile(r"[A-Z]{2,5}")


def vouches(shape: Shape, beside: int) -> bool:
    """Whether what a one-word label prints beside its name shows it for a label: an office
    ("Smith (NATO Spokesperson)"), an outlet's acronym ("Kojima, NHK"), or a comma's form
    that two labels or more of the transcript print (``beside``: "Abe, Asahi Shimbun",
    "Fujita, Fuji TV"); not "Thanks, Bob", "Paris, France" or "Washington (Reuters)" once."""
    printed = shape.comma or shape.bracket
    if printed is None:
        return False
    repeated = shape.comma is not None and beside >= 2
    return is_office(printed) or _ACRONYM.fullmatch(printed) is not None or repeated


def with_printed_parts(
    shape: Shape, role: str | None, name: str | None
) -> tuple[str | None, str | None]:
    """(role, name) with what a label prints beside its name: an office after a comma or in
    brackets is the role ("HON. F.S. KOYA (Minister for Trade)", "Shri Arindam Bagchi, Official
    Spokesperson"), and a name in brackets after an office is the name ("THE MINISTER FOR
    HEALTH (Mr. Matiba)", "MR SPEAKER (T.TURA)"); a constituency, a party or an aside in
    brackets is neither ("Mr. William Hague (Richmond, Yorks)", "JOHN SMITH (laughs)")."""
    if shape.bracket and is_office(shape.name) and _names_a_person(shape.bracket):
        return shape.name, shape.bracket
    offices = [part for part in (shape.comma, shape.bracket) if part and (
        part is shape.comma or is_office(part)
    )]
    if offices:
        joined = ", ".join(offices)
        role = joined if role is None else f"{role}, {joined}"
    return role, name


def _names_a_person(words: str) -> bool:
    """Whether brackets after an office hold a person's name: a courtesy or initials and a
    name, or two to five capitalised words ("Mr. Matiba", "T.TURA", "Boris Johnson"); not a
    party or a state ("R-Texas"), nor an office."""
    if is_office(words) or not _NAME_IN_BRACKETS.fullmatch(words):
        return False
    return " " in words or is_courtesy(words.split(" ", 1)[0]) or "." in words


#: A name in brackets after an office: capitalised words and initials ("Mr. Matiba", "Dame
#: Eleanor Laing", "T.TURA").
_NAME_WORD_IN_BRACKETS = r"[A-Z][\w'’\-]*\.?"
_NAME_IN_BRACKETS = re.compile(rf"{_NAME_WORD_IN_BRACKETS}(?: ?{_NAME_WORD_IN_BRACKETS}){{0,4}}")


def without_courtesy(name: str | None) -> str | None:
    """A full name without the courtesy before it ("Mr. Masato Ohtaka", "Shri Arindam
    Bagchi"); a surname keeps it ("Mr. LIMAN", as hearings print it)."""
    if name is None:
        return None
    first, _, rest = name.partition(" ")
    if is_courtesy(first) and " " in rest:
        return rest
    return name


