"""Labels that only the whole page explains, resolved once the page is read.

* A host or moderator is introduced once with a descriptive label, then labelled by name alone:
  "Panel moderator, NBC host Megyn Kelly: Welcome, everyone." … "Megyn Kelly: Thank you.",
  "Direct line programme host Kirill Kleymenov: Good afternoon" … "Kirill Kleymenov: …". The
  line test (:func:`layout.is_label`) refuses such a label (commas, lowercase words), so its
  speech was read as narrative or as more of the speech before. A paragraph "Head: text" whose
  head reads like a label (:func:`layout.loose_label_head`) and has a comma-separated part
  ending with a name that labels other speeches of the page opens a speech by that person; the
  head stays the printed label, the rest of it is the role.
* A short role label the line test refuses for its lowercase words ("Call centre operator: The
  city of Kursk.") is a label when it opens two lines or more and ends with a role noun.
* A descriptive label that ends with a person's name after a lowercase word, printed on two
  lines or more of the page ("Olympic figure skating silver medallist Yevgenia Medvedeva: Good
  afternoon." … "Olympic ice hockey champion Pavel Datsuk: …", each athlete once) is that
  person's label: the page's own pattern confirms it where one such line alone would not.
* A label whose words the page glued together ("VladimirPutin:", two bold runs without a space)
  is the person whose label it is without its spaces.
* A whole official title before a name, with lowercase words, brackets or more than 16 words
  ("United Russia faction leader and Deputy Speaker of the State Duma Vladimir Vasilyev: Thank
  you.", "… at Stroygazmontazh (contractor in the Crimean Bridge construction project) Leonid
  Ryzhenkin: …"), printed once, is that person's label when the page confirms the name: another
  label, the title or the lead names the person, or the paragraph before gives the floor to
  the surname ("Mr Vasilyev, go ahead please.").

The writer needs nothing of this: it reads back what it wrote and prints a turn that would read
back otherwise in its explicit form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .. import _kremlin as kremlin
from . import layout
from .document import Document, RawSpeech, RawTurn

#: A descriptive label is longer than a name but no sentence (as long as the line test allows).
_MAX_HEAD = 300
#: The words of a whole official title and the name after it, brackets left out.
_MAX_TITLE_WORDS = 40
#: A bracketed part of a title ("(contractor in the … project)", "(2012–2017)").
_BRACKETS = re.compile(r" ?\([^()]{1,150}\)")
#: Where a paragraph gives the floor ("Mr Vasilyev, go ahead please.", "Ms Malysheva will …").
_HONORIFICS = r"(?:Mr|Ms|Mrs|Madam|Dr|Professor)\.? "
#: The words of a person's name after a descriptive role ("Yevgenia Medvedeva").
_MAX_PERSON_WORDS = 3
#: A label of a role alone is short ("Call centre operator").
_MAX_ROLE_WORDS = 5


def resolve_page_labels(doc: Document) -> None:
    """Resolve glued labels, and cut the speeches and narrative at the paragraphs that open
    with a descriptive label of a person labelled elsewhere (see the module)."""
    glued = glued_labels(doc)
    if not glued and not doc.described:
        return  # nearly every page: nothing to look at again
    labels = dict.fromkeys(
        turn.label for turn in doc.turns if isinstance(turn, RawSpeech) and turn.explicit is None
    )
    names = label_names(labels)
    if glued:
        unglued = glued_names(names)
        for turn in doc.turns:
            unglue(turn, unglued)
    roles = _recurring_roles(doc.described)
    named = _recurring_named(doc.described)
    if not (names or roles or named) or not doc.described:
        return
    # The very line objects read: an escaped line, printed so that it is not read as a label,
    # is another object (the line without its escape) and never looked at.
    candidates = {id(line) for line in doc.described}
    page = _Page(names, roles, named, f"{doc.event.get('title', '')} {doc.event.get('lead', '')}")
    turns: list[RawTurn] = []
    last: dict[int, int] = {}  # old index of a turn → the new index of its last piece
    previous: object = None  # the last paragraph before the turn
    for index, turn in enumerate(doc.turns):
        turns.extend(_split(turn, page, candidates, previous))
        last[index] = len(turns) - 1
        paragraphs = _paragraphs(turn)
        previous = paragraphs[-1] if paragraphs else previous
    for turn in turns:
        if isinstance(turn, RawSpeech) and turn.resumes is not None:
            turn.resumes = last[turn.resumes]
    doc.turns = turns


def described_head(text: str) -> str | None:
    """The head of "Head: text" when it may be a descriptive speaker label (capitalised, a
    few words, no sentence: ``layout.loose_label_head``)."""
    cut = layout.head_and_rest(text)
    if cut is None or not cut[1] or len(cut[0]) > _MAX_HEAD:
        return None
    head, rest = cut
    if layout.loose_label_head(head):
        return head
    return head if _may_be_title_and_name(head, rest) else None


def _loose_head(line: str) -> str | None:
    """The head of a described line that reads as a loose label; not a whole official title
    (whose name only the page's confirmation tells from the title's last words)."""
    head = described_head(line)
    return head if head is not None and layout.loose_label_head(head) else None


def _may_be_title_and_name(head: str, rest: str) -> bool:
    """A whole official title and a name, which a sentence's capital follows: up to 40 words
    without brackets or a trailing aside, ending with two words of a person's name, and
    otherwise as a loose label."""
    if not (rest[0].isupper() or rest[0] in '«“"‘'):
        return False
    bare = _without_brackets(head)
    words = bare.split(" ")
    return (
        len(words) > 2
        and _is_person_word(words[-1])
        and _is_person_word(words[-2])
        and layout.loose_label_head(bare, _MAX_TITLE_WORDS)
    )


def _without_brackets(head: str) -> str:
    return _BRACKETS.sub("", layout.strip_aside(head)).strip()


def label_names(labels: Iterable[str | None]) -> dict[str, str]:
    """The labels of more than one word (those a descriptive label can end with), by their
    casefolded text."""
    names: dict[str, str] = {}
    for label in labels:
        if label and " " in label:
            names.setdefault(label.casefold(), label)
    return names


def _may_be_glued(label: str) -> bool:
    """A one-word label with a capital inside ("VladimirPutin")."""
    return " " not in label and not label[1:].islower() and not label.isupper()


def glued_labels(doc: Document) -> list[str]:
    """The one-word labels of the page read that may be glued words ("VladimirPutin")."""
    return [label for label in dict.fromkeys(doc.one_word_labels) if _may_be_glued(label)]


def glued_names(names: dict[str, str]) -> dict[str, str]:
    """The names of :func:`label_names` by their casefolded words without spaces."""
    return {key.replace(" ", ""): name for key, name in names.items()}


def unglue(turn: RawTurn, glued: dict[str, str]) -> None:
    """Give a label of glued words ("VladimirPutin") the name it is without its spaces
    (``glued``: :func:`glued_names` of the page's labels)."""
    if isinstance(turn, RawSpeech) and turn.explicit is None and turn.label:
        name = glued.get(turn.label.casefold()) if " " not in turn.label else None
        if name is not None:
            turn.parts = kremlin.LabelParts(None, name)


@dataclass(frozen=True)
class _Page:
    """What the page tells of its speakers: the labels of more than one word, the recurring
    role labels and named descriptive labels, and its title and lead."""

    names: dict[str, str]
    roles: set[str]
    named: dict[str, kremlin.LabelParts]
    title_and_lead: str


def _paragraphs(turn: RawTurn) -> list[Any]:
    """The paragraphs of a speech or narrative read from the page; none of any other turn."""
    if isinstance(turn, RawSpeech):
        return [] if turn.explicit is not None else turn.paragraphs
    if turn.get("kind") == "narrative":
        paragraphs: list[Any] = turn["paragraphs"]
        return paragraphs
    return []


def _split(turn: RawTurn, page: _Page, candidates: set[int], previous: object) -> list[RawTurn]:
    """``turn`` (a narrative or a speech read from the page) cut before each paragraph that
    opens with a described label; any other turn as it is. ``previous`` is the paragraph
    before the turn."""
    paragraphs = _paragraphs(turn)
    if not paragraphs:
        return [turn]
    cuts = [
        (index, found)
        for index, paragraph in enumerate(paragraphs)
        if id(paragraph) in candidates
        and (
            found := _described_label(paragraph, page, paragraphs[index - 1] if index else previous)
        )
    ]
    if not cuts:
        return [turn]
    pieces: list[RawTurn] = []
    if cuts[0][0] > 0:
        before = paragraphs[: cuts[0][0]]
        if isinstance(turn, RawSpeech):
            turn.paragraphs = before
            pieces.append(turn)
        else:
            pieces.append({**turn, "paragraphs": before})
    ends = [index for index, _ in cuts[1:]] + [len(paragraphs)]
    for (start, (head, parts, rest)), end in zip(cuts, ends, strict=True):
        pieces.append(RawSpeech(head, [rest, *paragraphs[start + 1 : end]], parts=parts))
    return pieces


def _text_after(paragraph: str, head: str) -> str:
    """The text of ``paragraph`` after its label ``head`` and the colon."""
    return paragraph[len(head) + 1 :].strip()


def _recurring_roles(described: list[str]) -> set[str]:
    """The heads of label shape that open two lines or more and end with a role noun ("Call
    centre operator: The city of Kursk." … "Call centre operator: The city of Tomsk.")."""
    counts: dict[str, int] = {}
    for line in described:
        head = _loose_head(line)
        words = head.split(" ") if head else []
        if head and len(words) <= _MAX_ROLE_WORDS and layout.is_role_noun(words[-1]):
            counts[head] = counts.get(head, 0) + 1
    return {head for head, count in counts.items() if count >= 2}


def _recurring_named(described: list[str]) -> dict[str, kremlin.LabelParts]:
    """The heads that end with a name after a lowercase word ("… silver medallist Yevgenia
    Medvedeva"), with their parts, when the page prints two such lines or more."""
    found: dict[str, kremlin.LabelParts] = {}
    lines = 0
    for line in described:
        head = _loose_head(line)
        parts = _role_and_name(head) if head else None
        if head and parts is not None:
            found[head] = parts
            lines += 1
    return found if lines >= 2 else {}


def _role_and_name(head: str) -> kremlin.LabelParts | None:
    """ "Olympic ice hockey champion Pavel Datsuk" → ("Olympic ice hockey champion", "Pavel
    Datsuk"): two or three capitalised words after a lowercase word, and a role of two words
    or more before them."""
    words = head.split(" ")
    size = 0
    while size < min(_MAX_PERSON_WORDS, len(words)) and _is_person_word(words[-size - 1]):
        size += 1
    role = words[: len(words) - size]
    if size < 2 or len(role) < 2 or not role[-1][:1].islower():
        return None
    return kremlin.LabelParts(" ".join(role), " ".join(words[-size:]))


def _is_person_word(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha() and not word.isupper()


def _described_label(
    paragraph: str, page: _Page, previous: object
) -> tuple[str, kremlin.LabelParts | None, str] | None:
    """(head, its role and name, the text after it) of a paragraph opening with a described
    label of a person the page labels elsewhere or names, or with one of its recurring roles
    (whose parts the reader splits as any label's). ``previous`` is the paragraph before."""
    head = described_head(paragraph)
    if head is None:
        return None
    names, roles, named = page.names, page.roles, page.named
    if head in roles:
        return head, None, _text_after(paragraph, head)
    found = kremlin.name_in_pieces(head, names)
    if found is not None:
        return head, found, _text_after(paragraph, head)
    # After the names other labels print: the pattern's guess of the name's length is weaker
    # ("Ogoniok magazine Editor-in-Chief Sergei Agafonov" is no three-word name).
    if head in named:
        return head, named[head], _text_after(paragraph, head)
    parts = _confirmed_title_and_name(head, page, previous)
    return None if parts is None else (head, parts, _text_after(paragraph, head))


def _confirmed_title_and_name(
    head: str, page: _Page, previous: object
) -> kremlin.LabelParts | None:
    """The role and name of a descriptive label ending with a name (a whole official title
    before it, see the module), when the page confirms the name: the title or the lead prints
    its surname, or ``previous`` gives the floor to it ("Mr Vasilyev, go ahead please.")."""
    words = _without_brackets(head).split(" ")
    if len(words) < 3 or not all(map(_is_person_word, words[-2:])):
        return None
    name, surname = " ".join(words[-2:]), words[-1]
    mentioned = re.compile(rf"\b{re.escape(surname)}\b")
    confirmed = mentioned.search(page.title_and_lead) is not None or (
        isinstance(previous, str)
        and re.search(_HONORIFICS + re.escape(surname) + r"\b", previous) is not None
    )
    if not confirmed:
        return None
    role = head[: head.rfind(name)].strip()
    return kremlin.LabelParts(role or None, name)
