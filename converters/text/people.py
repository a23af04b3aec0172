"""Who speaks: participants and speakers of a page read as text.

One participant per person however the labels vary: "President of Russia Vladimir Putin" and
"Vladimir Putin" are one person, "В.Путин" is "Владимир Путин" when the Persons tags name him,
and the role comes from the attendee list or the first label that prints one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .. import _kremlin as kremlin
from .document import Document, RawSpeech, RawTurn


def attendee_items(lines: list[str], known_names: Sequence[str]) -> list[kremlin.LabelParts]:
    """The (role, name) items of an attendee sentence split over ``lines`` (the text after
    the intro, then the lines starting ", " / ", and " / ".")."""
    known = kremlin.KnownNames(known_names)
    if len(lines) == 1:
        return kremlin.parse_attendees(lines[0], known)
    items = []
    for line in lines:
        text = _ITEM_START.sub("", line, count=1).rstrip(" .,;")
        if text:
            parts = kremlin.split_label(text, known)
            if parts.name:
                items.append(parts)
    return items


_ITEM_START = re.compile(r"^[,.;\s]*(?:(?:and|и)\s+)?")


class _People(kremlin.ParticipantList):
    """The participant list of a page read as text; ``derive`` is False when the page lists
    its participants explicitly (our own writer's extension lines), so none are invented."""

    def __init__(
        self,
        people: list[dict[str, Any]],
        derive: bool,
        tag_names: list[str],
        context: list[str | None],
    ):
        super().__init__(people, tag_names, context)
        self.derive = derive

    def speaker(self, parts: kremlin.LabelParts) -> str | None:
        if parts.name:
            person = self.by_name(parts.name)
            if person is None and self.derive:
                person = self.add(self.full_name(parts.name), parts.role)
            elif person is not None and self.derive and person.get("role") is None:
                person["role"] = parts.role
        elif parts.role:
            person = self.by_role(parts.role)
            if person is None and self.derive:
                person = self.add(None, parts.role)
        else:
            return None
        return person.get("id") if person else None


def _split_again(
    label: str, known: kremlin.KnownNames, first_split: dict[str, tuple[kremlin.LabelParts, int]]
) -> kremlin.LabelParts:
    done = first_split.get(label)
    if done is not None and (done[1] == len(known) or not known.learnt_since(label, done[1])):
        return done[0]
    return kremlin.split_label(label, known)


def resolve(
    doc: Document, ext: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Participants and finished turns of a parsed document."""
    labels = speech_labels(doc.turns)
    speakers = Speakers(doc, labels, kremlin.lines_have_paragraph_events("\n".join(doc.texts)))
    for index, turn in enumerate(doc.turns):
        speakers.add(index, turn)
    return speakers.finish(), speakers.turns.take_settled(everything=True)


def speech_labels(turns: Iterable[RawTurn]) -> list[str]:
    """The distinct labels of the speeches read from the page, in order (not our writer's
    explicit speeches)."""
    return list(
        dict.fromkeys(
            turn.label
            for turn in turns
            if isinstance(turn, RawSpeech) and turn.label and turn.explicit is None
        )
    )


class Speakers:
    """Who speaks each turn of a page, a turn at a time: ``add`` each raw turn in order, take
    the finished ones from ``turns`` as they settle, and ``finish``.

    Resolving needs the page's header and footer (the attendees, the Persons tags) and every
    distinct label beforehand (``labels``: each is split against the names the others show);
    the turns themselves are looked at one by one, so that a reader of a large page need not
    hold them (see :mod:`.stream_reader`). ``directions``: whether any paragraph of the page
    holds a stage direction (one scan of the page tells).
    """

    def __init__(self, doc: Document, labels: Sequence[str], directions: bool) -> None:
        self._doc = doc
        tag_names = [kremlin.person_tag_to_name(t) for t in doc.footer.get("persons", [])]
        explicit = doc.participants_explicit
        context = [doc.event.get("title"), doc.event.get("lead")]
        people = _People([dict(p) for p in explicit], not explicit, tag_names, context)
        if people.derive and doc.attendees_text:
            for parts in attendee_items(doc.attendees_text, tag_names):
                if parts.name and people.by_name(parts.name) is None:
                    people.add(parts.name, parts.role, attending=True)
        # Indexed: every label is split against all of them.
        known = kremlin.KnownNames(tag_names)
        known.extend(
            p["name"] for p in people.people if p.get("name") and isinstance(p["name"], str)
        )
        # Each split, with how many names were known for it: unless a name learnt since is one
        # the label would be split at, splitting it again would give the same parts.
        first_split: dict[str, tuple[kremlin.LabelParts, int]] = {}
        for printed in labels:
            parts = kremlin.split_label(printed, known)
            first_split[printed] = (parts, len(known))
            # A name known already changes no split.
            if parts.role is None and parts.name and " " in parts.name and parts.name not in known:
                known.append(parts.name)
        self._people, self._known, self._first_split = people, known, first_split
        self._labelled = bool(labels)
        self._directions = directions
        # Labels repeat on every turn: split and resolve each distinct one once.
        self._resolved: dict[str, tuple[str | None, str | None]] = {}
        self.turns = _Turns()

    def add(self, index: int, turn: RawTurn) -> None:
        """The raw turn ``index`` of the page, the turns before it added already."""
        turns = self.turns
        if not isinstance(turn, RawSpeech):
            turns.append(turn)
            return
        if turn.explicit is not None:
            fields = turn.explicit
            speaker, label, role = (fields.get(k) for k in ("speaker", "label", "role"))
            speech = turns.add_speech(index, speaker, label, role, turn.paragraphs)
            speech.update((k, fields[k]) for k in _OPTIONAL_FIELDS if fields.get(k) is not None)
            return
        # One scan of the page rules out the common case of no direction inside a paragraph.
        blocks = _blocks(turn.paragraphs) if self._directions else turn.paragraphs
        if turn.resumes is not None:
            resumed = turns.speakers.get(turn.resumes)
            if resumed is None:
                turns.append({"kind": "narrative", "paragraphs": turn.paragraphs})
            else:
                turns.resume_speech(turn.resumes, resumed, blocks)
            return
        label = turn.label
        resolved = self._resolved
        if label not in resolved:
            parts = turn.parts or _split_again(label or "", self._known, self._first_split)
            resolved[label or ""] = (self._people.speaker(parts), parts.role)
        speaker, role = resolved[label or ""]
        turns.add_speech(index, speaker, label, role, blocks)

    def finish(self) -> list[dict[str, Any]]:
        """The participants, once every turn is added; a page without labels may make its
        narrative one speech by the person its title names (see :func:`_solo_speech`), in
        the turns not taken yet."""
        if self._people.derive and not self._labelled:
            _solo_speech(self._doc, self._people, self.turns.turns)
        return self._people.people


# A page with no speaker label whose title names who speaks: "Statement by President of Russia
# Vladimir Putin on …", "Заявление Президента Российской Федерации …", "Обращение Президента".
_SOLO_TITLE_EN = re.compile(r"(?:Statement|Address|Speech|Remarks) by (?P<who>[A-Z].*)")
_SOLO_TITLE_RU = re.compile(
    r"(?:Заявление|Обращение|Выступление|Послание) "
    r"(?P<who>Президента(?: Российской Федерации| России)?)(?![\w-])"
)
# The president's addresses, whose titles name no one: "Обращение к гражданам России",
# "Послание Федеральному Собранию", "Address to the Federal Assembly", "Address to the Nation".
_ADDRESS_TITLE = re.compile(
    r"(?:Теле)?[Оо]бращение к гражданам|Послание Федеральному Собранию"
    r"|(?:Presidential )?Address to (?:the )?(?:Federal Assembly|Nation|citizens of Russia)"
)
_PRESIDENT_ROLE = {"ru": "Президент Российской Федерации", "en": "President of Russia"}
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
# The words of the speaker's role and name in an English title: capitalised words and the
# small words inside a role ("President of the Russian Federation"); the rest is the subject.
_ROLE_LINKS = frozenset({"of", "the"})
_PRESIDENT_EN = frozenset(
    f"{the}president of {country}"
    for the in ("", "the ")
    for country in ("russia", "the russian federation")
)


def _solo_speech(doc: Document, people: _People, turns: list[dict[str, Any]]) -> None:
    """Make the narrative of a labelless statement one speech by the person its title names."""
    if any(turn.get("kind") == "speech" for turn in turns):
        return
    found = _solo_speaker(
        doc.event.get("title") or "", doc.event.get("lead"), people, doc.event.get("date")
    )
    if found is None:
        return
    speaker, label, role = found
    for index, turn in enumerate(turns):
        if turn.get("kind") == "narrative":
            paragraphs = turn["paragraphs"]
            turns[index] = {
                "kind": "speech",
                "speaker": speaker,
                "label": label,
                "role": role,
                "paragraphs": paragraphs,
            }


def _solo_speaker(
    title: str, lead: str | None, people: _People, day: dt.date | None
) -> tuple[str | None, str | None, str | None] | None:
    """(speaker, label, role) of the one speech of a page whose title names the speaker; a
    title naming the president's office alone means the president of the page's day."""
    english = _SOLO_TITLE_EN.fullmatch(title)
    if english is not None:
        who = _title_person_words(english.group("who"))
        parts = kremlin.split_label(who, people.tag_names) if who else None
        if parts is None or not (parts.name or parts.role):
            return None
        if parts.name is None and (parts.role or "").casefold() in _PRESIDENT_EN:
            parts = kremlin.LabelParts(parts.role, kremlin.president_on(day, "en"))
        return people.speaker(parts), None, parts.role
    russian = _SOLO_TITLE_RU.match(title)
    if russian is None:
        return _address_speaker(title, people, day)
    printed = russian.group("who")
    role = "Президент" + printed[len("Президента") :]
    name = (
        _one_name(people.tag_names)
        or _one_name(kremlin.full_names_in(lead))
        or kremlin.president_on(day, "ru")
    )
    if name is None:
        return people.speaker(kremlin.LabelParts(role, None)), printed, role
    return people.speaker(kremlin.LabelParts(role, name)), None, role


def _address_speaker(
    title: str, people: _People, day: dt.date | None
) -> tuple[str | None, str | None, str | None] | None:
    """(speaker, label, role) of a president's address that names no one: the president of
    the page's day."""
    if _ADDRESS_TITLE.match(title) is None:
        return None
    language = "ru" if _CYRILLIC.search(title) else "en"  # "Address … – 2018" is English
    name = kremlin.president_on(day, language)
    if name is None:
        return None
    role = _PRESIDENT_ROLE[language]
    return people.speaker(kremlin.LabelParts(role, name)), None, role


def _title_person_words(who: str) -> str:
    """ "President of Russia Vladimir Putin" of "President of Russia Vladimir Putin on …"."""
    words = who.split(" ")
    taken = 0
    while taken < len(words) and (words[taken][:1].isupper() or words[taken] in _ROLE_LINKS):
        taken += 1
    while taken and words[taken - 1] in _ROLE_LINKS:
        taken -= 1
    return " ".join(words[:taken]).rstrip(",:;")


def _one_name(names: list[str]) -> str | None:
    distinct = set(names)
    return names[0] if len(distinct) == 1 else None


_OPTIONAL_FIELDS = ("function", "language")


class _Turns:
    """The finished turns of a page, with what resuming a speech needs: the speaker of each
    speech read so far, and the last speech with the speech it continues."""

    def __init__(self) -> None:
        self.turns: list[dict[str, Any]] = []
        self.speakers: dict[int, str | None] = {}
        self._last_speech: tuple[dict[str, Any], int, int] | None = None  # turn, origin, place

    def append(self, turn: dict[str, Any]) -> None:
        self.turns.append(turn)

    def take_settled(self, everything: bool = False) -> list[dict[str, Any]]:
        """The finished turns that nothing added later can change, taken out: all but the
        last speech and the turns after it, which a resumed speech may still join (all with
        ``everything``, once the page is done)."""
        last = self._last_speech
        keep = 0 if everything or last is None else len(self.turns) - last[2]
        settled = self.turns[: len(self.turns) - keep]
        del self.turns[: len(self.turns) - keep]
        if last is not None:
            self._last_speech = (last[0], last[1], last[2] - len(settled))
        return settled

    def add_speech(
        self,
        index: int,
        speaker: str | None,
        label: str | None,
        role: str | None,
        blocks: list[Any],
    ) -> dict[str, Any]:
        speech = {
            "kind": "speech",
            "speaker": speaker,
            "label": label,
            "role": role,
            "paragraphs": blocks,
        }
        self.speakers[index] = speaker
        self._last_speech = (speech, index, len(self.turns))
        self.turns.append(speech)
        return speech

    def resume_speech(self, origin: int, speaker: str, blocks: list[Any]) -> None:
        """A speech going on without a new label after an interruption. When only stage
        directions stand between it and the speech it continues, they happened inside that
        speech: they become its events and the speech goes on in the same turn."""
        last = self._last_speech
        if last is not None and last[1] == origin:
            between = self.turns[last[2] + 1 :]
            if between and all(turn.get("kind") == "stage" for turn in between):
                del self.turns[last[2] + 1 :]
                # In place: a speech interrupted often must not be copied at each interruption.
                paragraphs = last[0]["paragraphs"]
                paragraphs.extend(kremlin.stage_event(turn["text"]) for turn in between)
                paragraphs.extend(blocks)
                return
        speech = {
            "kind": "speech",
            "speaker": speaker,
            "label": None,
            "role": None,
            "paragraphs": blocks,
        }
        self._last_speech = (speech, origin, len(self.turns))
        self.turns.append(speech)


def _blocks(paragraphs: list[Any]) -> list[Any]:
    """The paragraphs of a speech read from page text, with the stage directions printed
    inside them as events."""
    try:
        text = "\n".join(paragraphs)
    except TypeError:  # explicit blocks of our own writer among them
        text = "\n".join(p for p in paragraphs if isinstance(p, str))
    if not kremlin.has_paragraph_events(text):
        return paragraphs
    return [kremlin.paragraph_events(p) if isinstance(p, str) else p for p in paragraphs]
