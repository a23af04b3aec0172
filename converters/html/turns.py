"""Participants and turns of a saved kremlin.ru page, from its paragraph blocks.

The same rules as the page-text reader (attendees first, then one participant per person however
the labels print the name, speakers going on after a stage direction or an omission, stage
directions inside a speech as its events), with the page's person links as the strongest
evidence of who a label names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import _kremlin as kremlin

BREAK = re.compile(r"^\*(?:[ \u00a0]*\*){2,}$")
OMISSION = re.compile(r"^(?:<…>|<\.\.\.>|\[…\]|\[\.\.\.\])$")
_STAGE = re.compile(r"^\([^()]{1,300}\)\.?$")


@dataclass
class Label:
    """A speaker label as printed, with the person links in it."""

    printed: str
    person_links: list[str]
    person_ids: list[str]


@dataclass
class Block:
    """One paragraph-level part of the body: its texts and, for a speech, its label."""

    kind: str  # "p", "heading"
    texts: list[str]
    label: Label | None = None
    #: (text, catalog id) of the person links in the block.
    links: list[tuple[str, str]] = field(default_factory=list)


class People(kremlin.ParticipantList):
    """The participant list of a saved page, also found by the page's person links."""

    def __init__(self, tag_names: list[str], context: list[str | None]) -> None:
        super().__init__([], tag_names, context)
        self.by_link: dict[str, dict[str, Any]] = {}

    def speaker(self, parts: kremlin.LabelParts, links: Sequence[str]) -> str | None:
        # A person link is the strongest evidence of who speaks: the same catalog entry is the
        # same person however the label prints the name.
        person = next((self.by_link[i] for i in links if i in self.by_link), None)
        if person is None and parts.name:
            person = self.by_name(parts.name)
            if person is None:
                person = self.add(self.full_name(parts.name), parts.role)
        elif person is None and parts.role:
            person = self.by_role(parts.role) or self.add(None, parts.role)
        if person is None:
            return None
        if person.get("role") is None and parts.role and parts.name:
            person["role"] = parts.role
        for link in links:
            self.by_link.setdefault(link, person)
        return str(person["id"])


@dataclass
class _Body:
    turns: list[dict[str, Any]] = field(default_factory=list)
    attendees_intro: str | None = None
    #: Labels with no text after them (not kept: a speech needs a paragraph).
    unspoken: list[str] = field(default_factory=list)
    #: The last speech and its place in ``turns``: a speech going on after stage directions
    #: alone goes on in it, with the directions as its events.
    last_speech: tuple[dict[str, Any], int] | None = None

    def add_speech(self, speech: dict[str, Any]) -> None:
        self.last_speech = (speech, len(self.turns))
        self.turns.append(speech)

    def go_on(self, speaker: str, text: str) -> dict[str, Any] | None:
        """The last speech, with the stage directions since it as its events and ``text``
        after them, when it is ``speaker``'s and only stage directions follow it; else None."""
        if self.last_speech is None:
            return None
        speech, place = self.last_speech
        between = self.turns[place + 1 :]
        if speech["speaker"] != speaker or not between:
            return None
        if any(turn["kind"] != "stage" for turn in between):
            return None
        del self.turns[place + 1 :]
        speech["paragraphs"].extend(kremlin.stage_event(turn["text"]) for turn in between)
        speech["paragraphs"].append(text)
        return speech


def _attendees(block: Block, people: People) -> str | None:
    """Register the attendees of an attendee sentence; returns its intro, or None."""
    text = " ".join(block.texts)
    intro = kremlin.attendee_intro(text)
    if intro is None:
        return None
    items = " ".join(text.split())[len(intro) :].lstrip(" :")
    # Person links mark where each name ends, even when a role holds a comma.
    known = [name for name, _ in block.links if name] + people.tag_names
    for parts in kremlin.parse_attendees(items, known):
        if parts.name and people.by_name(parts.name) is None:
            person = people.add(parts.name, parts.role, attending=True)
            for name, link in block.links:
                if kremlin.names_match(name, parts.name):
                    people.by_link.setdefault(link, person)
    return intro


def _label_parts(blocks: list[Block], people: People) -> dict[int, kremlin.LabelParts]:
    """Role and name of every label, with the names known on the page as evidence (Persons
    tags, attendees, person links, and bare-name labels), as the page-text reader splits them."""
    # An indexed list: split_label searched a plain list name by name for every label, which made
    # a page of many distinct speakers quadratic.
    known = kremlin.KnownNames(people.tag_names)
    known.extend(p["name"] for p in people.people if p.get("name"))
    for block in blocks:
        if block.label is not None:
            known.extend(n for n in block.label.person_links if " " in n and n not in known)
    parts: dict[int, kremlin.LabelParts] = {}
    for index, block in enumerate(blocks):
        if block.label is not None:
            split = kremlin.split_label(block.label.printed, known)
            if split.role is None and split.name and " " in split.name and split.name not in known:
                known.append(split.name)
            parts[index] = split
    # A descriptive label with a name that other labels print alone, before a comma ("CNBC TV
    # anchor Geoff Cutmore, moderator of the plenary session" … "Geoff Cutmore:"), as the
    # page-text reader splits it.
    names = {
        p.name.casefold(): p.name
        for p in parts.values()
        if p.role is None and p.name and " " in p.name
    }
    for index, split in parts.items():
        label = blocks[index].label
        if split.name is None and label is not None and "," in label.printed and names:
            parts[index] = kremlin.name_in_pieces(label.printed, names) or split
    return parts


def turns(blocks: list[Block], people: People) -> _Body:
    """The turns of the body blocks; attendees and speakers are added to ``people``."""
    body = _Body()
    first = blocks[0] if blocks else None
    if first is not None and first.label is None and first.kind == "p":
        body.attendees_intro = _attendees(first, people)
        if body.attendees_intro is not None:
            blocks = blocks[1:]
    label_parts = _label_parts(blocks, people)
    open_speech: dict[str, Any] | None = None
    resume: str | None = None
    for index, block in enumerate(blocks):
        if block.label is not None:
            parts = label_parts[index]
            open_speech = {
                "kind": "speech",
                "speaker": people.speaker(parts, block.label.person_ids),
                "label": block.label.printed,
                "role": parts.role,
                "paragraphs": list(block.texts),
            }
            body.add_speech(open_speech)
            resume = None
        elif block.kind == "heading":
            body.turns.append({"kind": "heading", "text": block.texts[0]})
            open_speech, resume = None, None
        else:
            for text in block.texts:
                open_speech, resume = _paragraph(body, text, open_speech, resume)
    body.unspoken = [
        t["label"] for t in body.turns if t["kind"] == "speech" and not t["paragraphs"]
    ]
    body.turns = [t for t in body.turns if t["kind"] != "speech" or t["paragraphs"]]
    for turn in body.turns:
        if turn["kind"] == "speech":
            turn["paragraphs"] = _with_events(turn["paragraphs"])
    return body


def _with_events(paragraphs: list[Any]) -> list[Any]:
    """The paragraphs of a speech with the stage directions printed inside them as events."""
    texts = "\n".join(p for p in paragraphs if isinstance(p, str))
    if not kremlin.has_paragraph_events(texts):
        return paragraphs
    return [kremlin.paragraph_events(p) if isinstance(p, str) else p for p in paragraphs]


def _paragraph(
    body: _Body, text: str, open_speech: dict[str, Any] | None, resume: str | None
) -> tuple[dict[str, Any] | None, str | None]:
    if BREAK.match(text):
        body.turns.append({"kind": "break", "marker": text})
        return None, None
    interruption = None
    if OMISSION.match(text):
        interruption = {"kind": "omission", "marker": text}
    elif _STAGE.match(text):
        interruption = {"kind": "stage", "text": text}
    if interruption is not None:
        body.turns.append(interruption)
        speaker = (
            open_speech["speaker"] if open_speech and open_speech["kind"] == "speech" else resume
        )
        return None, speaker
    if open_speech is not None:
        open_speech["paragraphs"].append(text)
        return open_speech, resume
    if resume is not None:
        going_on = body.go_on(resume, text)
        if going_on is not None:
            return going_on, resume
        turn = {
            "kind": "speech",
            "speaker": resume,
            "label": None,
            "role": None,
            "paragraphs": [text],
        }
        body.add_speech(turn)
        return turn, resume
    if body.turns and body.turns[-1]["kind"] == "narrative":
        body.turns[-1]["paragraphs"].append(text)
        return None, None
    narrative = {"kind": "narrative", "paragraphs": [text]}
    body.turns.append(narrative)
    return None, None
