"""A transcript without speaker labels that one person speaks: its front matter names them
("prime_minister: …"), or its title does, in English, German, French, Spanish or Italian
("Remarks by First Lady Jill Biden at …", "Rede von Bundespräsident Johannes Rau beim …")."""

from __future__ import annotations

import re

from transcript_model.model import Narrative, Participant, Speech, Turn

from .. import _kremlin as kremlin
from .header import one_spaced
from .label_words import is_courtesy
from .markdown import ROLE_WORDS, Markup

# "Remarks by …", and a speech titled so in German, French, Spanish or Italian ("Rede von
# Bundespräsident Johannes Rau beim …", "Discours de M. Emmanuel Macron, Président de la
# République, à …", "Discurso del Presidente del Gobierno, Pedro Sánchez, en …"): who speaks
# runs to the word that says where or when, commas included (a role may stand beside the name).
_SOLO_TITLE = re.compile(
    r"^(?:(?:Remarks|Statement|Address|Speech)(?: as Prepared for Delivery)? by"
    r"|(?:Rede|Ansprache|Grußwort|Regierungserklärung|Festrede|Dankesrede)"
    r" (?:von|des|der)"
    r"|(?:Discours|Allocution|Déclaration) (?:de|du)"
    r"|(?:Discurso|Intervención|Declaración) (?:de|del)"
    r"|(?:Discorso|Intervento|Dichiarazione) (?:di|del|della)"
    r") (?P<who>.+?)(?= (?:at|on|to|in|for|before|during|with|upon|after|beim|bei|zum|zur|"
    r"anlässlich|auf|im|vor|am|an|für|während|nach|mit|über|à|au|aux|lors|devant|en|sur|pour|"
    r"ante|durante|con|sobre|para|al|alla|nel|nella)\b|,? (?:l’|l')|[:|]|$)"
)
_CONJUNCTIONS = {"and", "und", "et", "y", "e"}


def solo_speech(
    participants: list[Participant], turns: list[Turn], markup: Markup, title: str | None
) -> tuple[list[Participant], list[Turn]]:
    """A transcript with no speaker label whose front matter or title names one speaker
    ("prime_minister: …", "Remarks by First Lady Jill Biden at …") is one speech by that person."""
    if participants or any(isinstance(turn, Speech) for turn in turns):
        return participants, turns
    people = {name for _role, name in markup.people}
    person: tuple[str | None, str] | None = None
    if len(people) == 1:
        person = markup.people[0]
    elif title and (found := _SOLO_TITLE.match(one_spaced(title))):
        person = _title_person(found.group("who"))
    if person is None or not any(isinstance(turn, Narrative) for turn in turns):
        return participants, turns
    role, name = person
    speaker = Participant(id=kremlin.unique_id(kremlin.slug(name), ()), name=name, role=role)
    spoken: list[Turn] = [
        Speech(speaker=speaker.id, paragraphs=turn.paragraphs)
        if isinstance(turn, Narrative)
        else turn
        for turn in turns
    ]
    return [speaker], spoken


def _title_person(who: str) -> tuple[str | None, str] | None:
    """(role, name) of who a title says speaks: "First Lady Jill Biden", "M. Emmanuel Macron,
    Président de la République", "Presidente del Gobierno, Pedro Sánchez". Two people
    ("President Biden, Vice President Harris, and …") are none."""
    parts = who.strip(" ,").split(", ")
    if len(parts) > 2:
        return None
    named = [(i, person) for i, part in enumerate(parts) if (person := _role_and_name(part))]
    if len(named) != 1:
        return None
    index, (role, name) = named[0]
    beside = parts[1 - index] if len(parts) == 2 else None
    if beside is not None and beside.split(" ", 1)[0].casefold() in _CONJUNCTIONS:
        return None
    return role or beside, name


def _role_and_name(who: str) -> tuple[str | None, str] | None:
    """(role, name) of "First Lady Jill Biden": the role words first, then two to four
    capitalised words of a name; None without such a name."""
    # In a title "M." is the French courtesy ("Discours de M. Emmanuel Macron"), no initial.
    words = [w for w in who.split() if not is_courtesy(w) and w.casefold().rstrip(".") != "m"]
    cut = 0
    while cut < len(words) and (words[cut][:1].islower() or words[cut].casefold() in ROLE_WORDS):
        cut += 1
    name = words[cut:]
    if not 2 <= len(name) <= 4 or not all(w[:1].isupper() for w in name):
        return None
    if cut and words[cut - 1][:1].islower():
        return None  # "Präsidentin des Deutschen Bundestages": an office's object, no name
    return (" ".join(words[:cut]) or None), " ".join(name)
