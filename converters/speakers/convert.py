"""Speaker-label text from other publishers: press briefings, remarks, interview transcripts.

The layout this reader knows is the one most government and media transcripts share:

* a header block before the first speaker label: the title, a date ("March 11, 2022",
  "Friday, 11 March 2022", "2022-03-11", "MARCH 11, 2022 • PRESS BRIEFINGS", "Date: …"), a time
  ("1:52 P.M. EST", "14:20") and a place ("James S. Brady Press Briefing Room", "Location: …");
* speaker labels at the start of a line: upper-case labels ("THE PRESIDENT:", "MS. JEAN-PIERRE:"),
  the bare question label of White House transcripts ("Q    Thank you."), name labels
  ("Dmitry Peskov:"), and labels carrying a timestamp ("Dmitry Peskov: (09:51)");
* stage lines on their own ("(Applause.)", "[Laughter.]"), "* * *" breaks, "[…]" omissions and an
  "END 2:43 P.M. EST" closing line.

What the text does not give stays empty: a role is split off a label only where the label itself
shows it (a known title word such as "PRESIDENT BIDEN", or the same name printed elsewhere without
the title), and two labels become one participant only when they print the same person
("THE PRESIDENT" and "PRESIDENT BIDEN" stay two). The transcript id is derived from the title and
the date; the language is an option or, failing that, a simple detection (``und`` when unsure).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from transcript_model.errors import Problem, TranscriptError, problems_from_validation_error
from transcript_model.inputs import ReadResult, decode_text
from transcript_model.model import (
    Break,
    Event,
    Metadata,
    Narrative,
    Omission,
    Participant,
    Source,
    Speech,
    StageDirection,
    Transcript,
    Turn,
)

from .. import _kremlin as kremlin
from . import markdown
from .header import Header, Line, one_spaced, read_header

# Line breaks other than "\n" that can reach us from copied pages; each ends a line.
_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85\x1c\x1d\x1e]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\ufffe\uffff]")
_SPACES = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000\ufeff"

_TIMESTAMP = r"[\(\[]\d{1,2}:\d{2}(?::\d{2})?[\)\]]"
# A label-shaped line start: "NAME:", "Name (09:51):", "Name: [00:01:02]"; "Q" and "A" apart,
# because White House transcripts print the question label without a colon. A label holds no
# ":", "[" or "(", so the line is cut at the first of them in Python: a pattern with the label
# and the spaces after it as two repeats tried every split of a long run of spaces (a line of
# "B", 4,000 spaces and "x" took 1.8 s).
_LABEL_START = re.compile(r"[^\W\d_]")
_LABEL_STOP = re.compile(r"[:\[\(]")
_LABEL_COLON = re.compile(
    rf"(?:(?P<ts1>{_TIMESTAMP})[{_SPACES}]*)?:(?!//)[{_SPACES}]*(?:(?P<ts2>{_TIMESTAMP})[{_SPACES}]*)?"
)
_LABEL_TEXT = re.compile(r"^[^\W\d_][\w.'’\- ]*$")
_QA_LABEL = re.compile(
    rf"^(?:(?P<q>Q)(?::|\.(?= )|(?=[{_SPACES}]{{2}})|(?=\t)|$)|(?P<a>A)(?::|(?=[{_SPACES}]{{2}})))"
    rf"[{_SPACES}]*"
)
_Q_SINGLE_SPACE = re.compile(r"^Q (?=[A-Z“\"‘'])")
_BARE_TIMESTAMP = re.compile(
    rf"^(?P<label>[A-Z][\w.'’\-]*(?: [A-Z0-9][\w.'’\-]*){{0,3}})[{_SPACES}]+"
    r"\(?\d{1,2}:\d{2}(?::\d{2})?\)?$"
)
_STAGE = re.compile(r"^(?:\([^()]{1,200}\)|\[[^\[\]]{1,200}\])$")
_OMISSION = re.compile(r"^(?:<…>|<\.\.\.>|\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\)|…)$")
_BREAK = re.compile(r"^\*(?:[ \t]*\*){2,}$")
# "END" alone, or "END" and a word boundary before a clock ("END 2:43 P.M. EST").
_END = re.compile(r"^END(?!\w)")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")

_MAX_LABEL = 120
_MAX_LABEL_WORDS = 16
#: Words that never begin a speaker label: "Note: …", "In summary: …".
_NOT_LABELS = {
    "note", "nb", "ps", "p.s", "update", "editor's note", "editor’s note", "correction", "source",
    "sources", "date", "time", "location", "place", "venue", "subject", "re", "title", "where",
    "when", "transcript", "embargoed", "end", "see also", "related", "tags", "topics", "photo",
    "video", "watch", "read more", "posted", "published", "updated", "example", "answer",
    "question",
}  # fmt: skip
_LEADING_STOPWORDS = {
    "in", "on", "at", "for", "as", "but", "and", "so", "then", "now", "today", "here", "there",
    "this", "that", "these", "those", "what", "why", "how", "when", "where", "if", "it", "we",
    "i", "you", "he", "she", "they", "my", "our", "your", "his", "her", "their", "a", "an",
    "by", "from", "with", "to", "of", "after", "before", "during", "under", "over", "all",
    "one", "two", "first", "second", "third", "finally", "also", "yes", "no", "well", "look",
}  # fmt: skip
_PARTICLES = {"de", "da", "das", "do", "dos", "van", "von", "der", "den", "del", "della", "di",
              "du", "la", "le", "bin", "ibn", "al", "el", "y", "e", "ter", "zu", "und"}  # fmt: skip
#: Generic labels: a speaker the transcript does not identify ("Q", "AUDIENCE MEMBER").
_GENERIC = re.compile(
    r"^(?:q|a|question|questions|audience(?: members?)?|reporters?|journalists?|"
    r"participants?|voices?|crowd|unidentified(?: \w+)*|(?:male |female )?speaker|"
    r"(?:an? )?(?:unknown|unnamed)(?: \w+)*)(?: \d+)?$"
)
#: Words of a title printed before a name ("PRESIDENT BIDEN", "Press Secretary Karine …").
_TITLE_WORDS = {
    "the", "president", "vice", "prime", "minister", "deputy", "first", "lady", "secretary",
    "press", "senator", "sen.", "representative", "rep.", "congressman", "congresswoman",
    "governor", "gov.", "mayor", "chancellor", "king", "queen", "prince", "princess",
    "ambassador", "general", "gen.", "admiral", "adm.", "speaker", "chairman", "chairwoman",
    "chair", "director", "spokesperson", "spokesman", "spokeswoman", "foreign", "defense",
    "defence", "national", "security", "adviser", "advisor", "senior", "administration",
    "official", "moderator", "operator", "leader", "majority", "minority", "attorney",
    "commissioner", "chief", "of", "staff", "state", "homeland", "treasury", "pope",
    "colonel", "col.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.",
    "coordinator", "strategic", "communications", "for", "and", "interpreter", "host",
    "anchor", "judge", "justice", "sheriff", "commander", "emir", "sultan", "crown",
    "premier", "council", "federal", "affairs", "economic", "assistant",
}  # fmt: skip
#: The words a title ends with ("Press Secretary", "Chief of Staff"): a run of title words that
#: ends otherwise ("State" in "State Duma Speaker …") is not split off.
_ROLE_FUNCTION_WORDS = {"of", "the", "for", "and", "on", "in", "at", "to", "de", "и", "по", "при"}
_TITLE_HEADS = {
    "president", "minister", "secretary", "senator", "sen.", "representative", "rep.",
    "congressman", "congresswoman", "governor", "gov.", "mayor", "chancellor", "king", "queen",
    "prince", "princess", "ambassador", "general", "gen.", "admiral", "adm.", "speaker",
    "chairman", "chairwoman", "chair", "director", "spokesperson", "spokesman", "spokeswoman",
    "adviser", "advisor", "official", "moderator", "operator", "leader", "attorney",
    "commissioner", "chief", "staff", "pope", "colonel", "col.", "captain", "capt.",
    "lieutenant", "lt.", "sergeant", "sgt.", "coordinator", "interpreter", "host", "anchor",
    "judge", "justice", "sheriff", "commander", "emir", "sultan", "premier", "assistant", "lady",
}  # fmt: skip

_LANGUAGE_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "we", "you", "it", "in", "this", "for"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "wir", "sie", "ich", "mit", "den", "zu"},
    "fr": {"le", "la", "les", "et", "est", "que", "nous", "vous", "des", "une", "pour", "pas"},
    "es": {"el", "la", "los", "y", "es", "que", "nosotros", "por", "una", "para", "con", "del"},
    "it": {"il", "che", "e", "di", "non", "per", "una", "sono", "della", "noi", "gli", "questo"},
    "pt": {"o", "que", "e", "não", "uma", "para", "com", "os", "nós", "você", "isso", "do"},
    "nl": {"de", "het", "en", "een", "van", "is", "dat", "niet", "wij", "ik", "voor", "met"},
}  # fmt: skip


@dataclass
class _Label:
    """A speaker label as printed, split into what it says."""

    printed: str
    role: str | None
    name: str | None
    generic: bool
    line: int
    timestamped: bool = False

    @property
    def key(self) -> str:
        """Who the label names: the same key means the same person."""
        return (self.name or self.role or self.printed).casefold()


def _clean(text: str) -> str:
    return text.strip(_SPACES)


def _lines(data: bytes, origin: str) -> list[Line]:
    text = decode_text(data, origin)
    text = _BREAKS.sub("\n", text)
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise TranscriptError.single(
            "control_character",
            f"control character U+{ord(bad.group()):04X} in the text (expected printable text)",
            origin,
            line,
            column,
        )
    return [Line(number, _clean(raw)) for number, raw in enumerate(text.split("\n"), 1)]


# --- labels -------------------------------------------------------------------------------


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _capitalised_words(words: Sequence[str]) -> bool:
    return (
        all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words) and words[0][:1].isupper()
    )


def _split_role(label: str) -> tuple[str | None, str | None]:
    """(role, name) of an upper-case label by the title words at its start ("PRESIDENT
    BIDEN"); the rest is the name, and a label of title words only is a role."""
    words = label.split(" ")
    cut = 0
    for index, word in enumerate(words):
        if word.casefold() not in _TITLE_WORDS:
            break
        cut = index + 1
    while cut and words[cut - 1].casefold() not in _TITLE_HEADS:
        cut -= 1
    if cut < len(words) and words[cut].casefold() in ("of", "the", "for", "and"):
        return None, label
    if cut == 0:
        return None, label
    if cut == len(words):
        return label, None
    return " ".join(words[:cut]), " ".join(words[cut:])


def _is_end(text: str) -> bool:
    """The closing line of a White House transcript: "END" or "END 2:43 P.M. EST"."""
    return text == "END" or (_END.match(text) is not None and _CLOCK.search(text, 3) is not None)


def _label_prefix(text: str) -> tuple[str, str, bool] | None:
    """(label as printed, rest of the line, timestamped) of a line that opens with a
    label-shaped prefix: a letter, at most 120 characters without ":", "[" or "(", spaces, an
    optional timestamp, and a colon that does not start "://"."""
    if not _LABEL_START.match(text):
        return None
    stop = _LABEL_STOP.search(text, 1)
    if stop is None:
        return None
    label = text[: stop.start()].rstrip(_SPACES)
    if len(label) > _MAX_LABEL:
        return None
    after = _LABEL_COLON.match(text, stop.start())
    if after is None:
        return None
    return label, text[after.end() :], bool(after.group("ts1") or after.group("ts2"))


def _label_candidate(text: str) -> tuple[str, str, bool] | None:
    """(label, rest of the line, timestamped) if the line opens with a label-shaped prefix."""
    if _is_end(text):
        return None
    qa = _QA_LABEL.match(text)
    if qa:
        return qa.group("q") or qa.group("a"), text[qa.end() :], False
    found = _label_prefix(text)
    if not found:
        return None
    printed, rest, stamped = found
    label = one_spaced(printed)
    if (
        len(label) > _MAX_LABEL
        or not _LABEL_TEXT.match(label)
        or (label.casefold().rstrip(".") in _NOT_LABELS and not kremlin.is_generic_label(label))
        or (label[-1].isdigit() and rest[:1].isdigit())  # a clock, "2:43"
    ):
        return None
    return label, rest, stamped


def _is_generic(label: str) -> bool:
    """A label that names no one: "Q", "AUDIENCE MEMBER", "Reporter 2", "Вопрос"."""
    return bool(_GENERIC.match(label.casefold().rstrip("."))) or kremlin.is_generic_label(label)


def _accept(label: str, stamped: bool, counts: dict[str, int]) -> bool:
    """Whether a label-shaped prefix is a speaker label (conservative for mixed case)."""
    if label in ("Q", "A") or stamped or _is_upper(label) or _is_generic(label):
        return True
    words = label.split(" ")
    if words[0].casefold() in _LEADING_STOPWORDS or not _capitalised_words(words):
        return False
    if len(words) > 6:
        return False
    return len(words) >= 2 or counts.get(label, 0) >= 2


def _find_labels(lines: Sequence[Line]) -> dict[int, tuple[str, str, bool]]:
    """Line number → (label, rest, timestamped) for every line that opens with a label."""
    candidates = {ln.number: c for ln in lines if ln.text and (c := _label_candidate(ln.text))}
    counts: dict[str, int] = {}
    for label, _rest, _stamped in candidates.values():
        counts[label] = counts.get(label, 0) + 1
    accepted = {n: c for n, c in candidates.items() if _accept(c[0], c[2], counts)}
    # A long label ("President of the United States Joe Biden") is a label when it ends with
    # a name that is a label elsewhere ("Joe Biden").
    names = {c[0].casefold() for c in accepted.values() if " " in c[0]}
    for number, candidate in candidates.items():
        words = candidate[0].split(" ")
        if number not in accepted and len(words) <= _MAX_LABEL_WORDS and words[0][:1].isupper():
            cuts = [i for i in range(1, len(words) - 1) if " ".join(words[i:]).casefold() in names]
            if cuts and all(
                w[:1].isupper() or w.casefold() in _ROLE_FUNCTION_WORDS for w in words[: cuts[0]]
            ):
                accepted[number] = candidate
    accepted.update(_weak_labels(lines, accepted))
    return accepted


def _weak_labels(
    lines: Sequence[Line], accepted: dict[int, tuple[str, str, bool]]
) -> dict[int, tuple[str, str, bool]]:
    """Labels that count only when the document shows the layout more than once.

    "Q Thank you." (a copy that collapsed the spaces after "Q") beside upper-case labels, and
    "Anna Berg  0:03" (a name with a bare timestamp, the text on the next lines, as recording
    transcription services print it) when the same name opens two such lines.
    """
    found: dict[int, tuple[str, str, bool]] = {}
    if any(_is_upper(c[0]) for c in accepted.values()):
        questions = {
            ln.number: ("Q", ln.text[2:].strip(_SPACES), False)
            for ln in lines
            if ln.number not in accepted and _Q_SINGLE_SPACE.match(ln.text)
        }
        if len(questions) >= 2:
            found.update(questions)
    stamped: dict[int, tuple[str, str, bool]] = {}
    for line in lines:
        match = _BARE_TIMESTAMP.match(line.text) if line.number not in accepted else None
        if match and len(match.group("label").split()) <= 4:
            stamped[line.number] = (one_spaced(match.group("label")), "", True)
    counts: dict[str, int] = {}
    for label, _rest, _stamped in stamped.values():
        counts[label] = counts.get(label, 0) + 1
    if any(count >= 2 for count in counts.values()):
        found.update({n: c for n, c in stamped.items() if counts[c[0]] >= 2 or _is_generic(c[0])})
    return found


def _resolve(labels: Iterable[tuple[str, int, bool]]) -> dict[str, _Label]:
    """Split every distinct label into role and name, using the other labels as evidence."""
    distinct: dict[str, tuple[int, bool]] = {}
    for printed, line, stamped in labels:
        distinct.setdefault(printed, (line, stamped))
    generic = {p for p in distinct if _is_generic(p)}
    # A label printed elsewhere as the whole name ("Dmitry Peskov") shows where the name starts
    # in a longer label ("Press Secretary Dmitry Peskov").
    names: dict[str, tuple[int, str]] = {}  # folded name → (first label order, label)
    for order, label in enumerate(p for p in distinct if p not in generic and " " in p):
        names.setdefault(label.casefold(), (order, label))
    resolved: dict[str, _Label] = {}
    for printed, (line, stamped) in distinct.items():
        if printed in generic:
            resolved[printed] = _Label(printed, None, None, True, line, stamped)
            continue
        tail = _name_at_end(printed, names)
        role: str | None
        name: str | None
        if tail is not None:
            role, name = printed[: -len(tail) - 1], printed[-len(tail) :]
        elif _is_upper(printed) or all(w.casefold() in _TITLE_WORDS for w in printed.split(" ")):
            role, name = _split_role(printed)
        else:
            # Mixed case reads like a kremlin.ru label: the shared rules split "President of
            # the United States Joe Biden" at the name and keep "Recep Tayyip Erdogan" whole.
            parts = kremlin.split_label(printed)
            role, name = parts.role, parts.name
        resolved[printed] = _Label(printed, role, name, False, line, stamped)
    return resolved


def _name_at_end(printed: str, names: dict[str, tuple[int, str]]) -> str | None:
    """The first label (in label order) that ``printed`` ends with after a space.

    Looks up each word-boundary ending of the label instead of trying every other label: that
    was quadratic in the number of distinct labels (4,000 labels, 100 KB: 7.7 s).
    """
    folded = printed.casefold()
    best: tuple[int, str] | None = None
    space = folded.find(" ")
    while space >= 0:
        found = names.get(folded[space + 1 :])
        if found is not None and (best is None or found[0] < best[0]):
            best = found
        space = folded.find(" ", space + 1)
    return best[1] if best else None


# --- body --------------------------------------------------------------------------------


@dataclass
class _Open:
    label: _Label | None
    speaker: str | None
    paragraphs: list[str]
    printed: str | None


class _Body:
    """Builds the turns line by line."""

    def __init__(self, participants: dict[str, str], unwrap: bool) -> None:
        self.turns: list[Turn] = []
        self.ids = participants
        self.unwrap = unwrap
        self.open: _Open | None = None
        self.last_speaker: str | None = None
        self.joinable = False
        self.unspoken: list[str] = []
        # The paragraphs of the narrative that ends the turns so far, still growing: models
        # are immutable, so it becomes a Narrative once another turn follows, or at the end.
        self.narrative: list[str] | None = None

    def _append(self, turn: Turn) -> None:
        if self.narrative is not None:
            self.turns.append(Narrative(paragraphs=self.narrative))
            self.narrative = None
        self.turns.append(turn)

    def finished_turns(self) -> list[Turn]:
        """Every turn, once the body has been read."""
        self.close()
        if self.narrative is not None:
            self.turns.append(Narrative(paragraphs=self.narrative))
            self.narrative = None
        return self.turns

    def close(self) -> None:
        if self.open and not self.open.paragraphs and self.open.printed:
            self.unspoken.append(self.open.printed)
        if self.open and self.open.paragraphs:
            label = self.open.label
            self._append(
                Speech(
                    speaker=self.open.speaker,
                    label=self.open.printed,
                    role=label.role if label and self.open.printed else None,
                    paragraphs=self.open.paragraphs,
                )
            )
        self.open = None
        self.joinable = False

    def speech(self, label: _Label, rest: str) -> None:
        speaker = None if label.generic else self.ids[label.key]
        same = (
            self.open is not None
            and not label.generic
            and self.open.printed == label.printed
            and self.open.paragraphs
        )
        if not same:
            self.close()
            self.open = _Open(label, speaker, [], label.printed)
        self.last_speaker = speaker
        self.joinable = False
        if rest:
            self.paragraph(rest)

    def paragraph(self, text: str) -> None:
        if self.open is None:
            if self.narrative is not None:
                if self.unwrap and self.joinable:
                    self.narrative[-1] += " " + text
                else:
                    self.narrative.append(text)
            else:
                self.narrative = [text]
            self.joinable = True
            return
        if self.unwrap and self.joinable and self.open.paragraphs:
            self.open.paragraphs[-1] += " " + text
        else:
            self.open.paragraphs.append(text)
        self.joinable = True

    def blank(self) -> None:
        self.joinable = False

    def interrupt(self, turn: Turn) -> None:
        """A stage direction, break or omission between paragraphs."""
        resumes = self.open.speaker if self.open else None
        pending = self.open is not None and not self.open.paragraphs
        if (
            self.open
            and (self.open.speaker is None or pending)
            and isinstance(turn, StageDirection)
        ):
            # A generic speaker ("Q") cannot go on without a printed label, and a label whose
            # first line is a direction must not lose it: the direction stays inside the speech
            # as one of its paragraphs, as printed.
            self.open.paragraphs.append(turn.text)
            self.joinable = False
            return
        self.close()
        self._append(turn)
        if resumes is not None and not isinstance(turn, Break):
            self.open = _Open(None, resumes, [], None)

    def end(self, text: str) -> None:
        self.close()
        if self.narrative is not None:
            self.turns.append(Narrative(paragraphs=self.narrative))
        self.narrative = [text]


def _looks_wrapped(lines: Sequence[Line], labels: dict[int, Any]) -> bool:
    """Hard-wrapped text: blank-line paragraphs made of several filled lines of ≤ 80 chars.

    Copied web pages give one line per paragraph; e-mailed or plain-text releases wrap lines at a
    fixed width, and joining those lines is the only way to get their paragraphs back.
    """
    body = [ln for ln in lines if ln.text and ln.number not in labels]
    if len(body) < 4 or max(len(ln.text) for ln in body) > 80:
        return False
    followed = filled = 0
    for line, after in itertools.pairwise(lines):
        if line.text and after.text and after.number not in labels and line.number not in labels:
            followed += 1
            filled += len(line.text) >= 55
    return followed >= 2 and filled * 2 >= followed


# --- the reader --------------------------------------------------------------------------


class _Identifiers:
    """Participant ids from names, made unique as ``kremlin.unique_id`` makes them ("x",
    "x-2", "x-3" …), remembering where each stem's numbering stopped: counting from 2 again
    for every name with the same slug, over a copy of the ids taken, was quadratic."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_number: dict[str, int] = {}

    def new(self, text: str) -> str:
        stem = kremlin.unique_id(kremlin.slug(text), ())
        candidate = stem
        if candidate in self.taken:
            number = self.next_number.get(stem, 2)
            candidate = f"{stem}-{number}"
            while candidate in self.taken:
                number += 1
                candidate = f"{stem}-{number}"
            self.next_number[stem] = number + 1
        self.taken.add(candidate)
        return candidate


def _transcript_id(title: str, date: dt.date) -> str:
    """A stable id from the title and the date: "press-briefing-by-…-2022-03-11"."""
    slug = kremlin.slug(title, 50)
    if not slug[0].isalpha():
        slug = "t-" + slug
    return f"{slug}-{date.isoformat()}"


def _detect_language(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "und"
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if cyrillic > len(letters) / 2:
        return "uk" if re.search("[іїєґІЇЄҐ]", text) else "ru"
    words = re.findall(r"[^\W\d_]+", text.casefold())
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _LANGUAGE_WORDS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, score = ranked[0]
    if score >= 3 and score >= 1.5 * ranked[1][1]:
        return best
    return "und"


def _option_date(value: object, origin: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise TranscriptError.single(
        "option", f"option date must be a date or YYYY-MM-DD, not {value!r}"[:120], origin
    )


def _participants(
    labels: dict[str, _Label], order: Sequence[str]
) -> tuple[list[Participant], dict[str, str]]:
    """One participant per person, in order of first label; key → participant id."""
    people: list[Participant] = []
    ids: dict[str, str] = {}
    identifiers = _Identifiers()
    for printed in order:
        label = labels[printed]
        if label.generic or label.key in ids:
            continue
        ids[label.key] = identifiers.new(label.name or label.role or printed)
        people.append(Participant(id=ids[label.key], name=label.name, role=label.role))
    # A later label may print the role the first one left out ("Dmitry Peskov", then
    # "Press Secretary Dmitry Peskov"): the role printed before the name belongs to the person.
    printed_roles: dict[str, str] = {}
    for lb in labels.values():
        if lb.role and not lb.generic and lb.name and lb.key in ids:
            printed_roles.setdefault(ids[lb.key], lb.role)
    for index, person in enumerate(people):
        role = printed_roles.get(person.id) if person.role is None else None
        if role:
            people[index] = person.model_copy(update={"role": role})
    return people, ids


def read(
    data: bytes,
    origin: str = "<input>",
    *,
    title: str | None = None,
    date: dt.date | str | None = None,
    place: str | None = None,
    language: str | None = None,
    id: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    unwrap: bool | None = None,
) -> ReadResult:
    """Read one speaker-label transcript (a press briefing, remarks, an interview).

    ``title``, ``date`` (``datetime.date`` or ``YYYY-MM-DD``), ``place``, ``language`` (BCP 47),
    ``id``, ``url`` and ``publisher`` fill or override what the header gives; ``unwrap`` joins
    hard-wrapped lines into paragraphs (detected when omitted). Raises TranscriptError (located)
    when no title or no date can be found and none is given.
    """
    options: dict[str, Any] = {
        "title": title,
        "date": date,
        "place": place,
        "language": language,
        "id": id,
        "url": url,
        "publisher": publisher,
    }
    warnings: list[Problem] = []
    lines, markup = markdown.prepare(_lines(data, origin), markdown.is_markdown(origin))
    if not any(line.text for line in lines):
        raise TranscriptError.single("empty", "the input is empty (expected a transcript)", origin)
    labels_at = _find_labels(lines)
    first_label = min(labels_at, default=None)
    header_lines = [
        ln for ln in lines if ln.text and (first_label is None or ln.number < first_label)
    ]
    if first_label is None:
        header_lines = header_lines[:6]
    header = read_header(header_lines, warnings, origin)
    markdown.fill_header(header, markup, origin)
    body_start = (
        first_label
        if first_label is not None
        else (header_lines[-1].number + 1 if header_lines else 1)
    )
    labels = _resolve((c[0], n, c[2]) for n, c in sorted(labels_at.items()))
    names = markdown.NameIndex(header.title, markup, header.narrative)
    for lb in labels.values():
        lb.generic = lb.generic or markdown.generic_label(lb.printed)
        lb.name = (not lb.generic and names.resolve(lb.printed, lb.role, lb.name)) or lb.name
    order = [labels_at[n][0] for n in sorted(labels_at)]
    participants, ids = _participants(labels, order)
    body = _Body(
        ids,
        bool(unwrap)
        if unwrap is not None
        else _looks_wrapped([ln for ln in lines if ln.number >= body_start], labels_at),
    )
    for text in header.narrative:
        body.paragraph(text)
        body.blank()
    stamps = 0
    for line in lines:
        if line.number < body_start:
            continue
        if not line.text:
            body.blank()
        elif line.number in labels_at:
            printed, rest, stamped = labels_at[line.number]
            stamps += stamped
            body.speech(labels[printed], _clean(rest))
        elif _STAGE.match(line.text):
            body.interrupt(StageDirection(text=line.text))
        elif _OMISSION.match(line.text):
            body.interrupt(Omission(marker=line.text))
        elif _BREAK.match(line.text):
            body.interrupt(Break(marker=line.text))
        elif _is_end(line.text):
            body.end(line.text)
        else:
            body.paragraph(line.text)
    body.close()
    if stamps:
        warnings.append(
            Problem(
                "dropped",
                f"{stamps} speaker timestamps such as '(09:51)' are not kept: the model has no "
                "place for them",
                origin,
                severity="warning",
            )
        )
    if body.unspoken:
        warnings.append(
            Problem(
                "dropped",
                f"{len(body.unspoken)} speaker labels have no text after them and are not kept "
                f"(first: {body.unspoken[0][:40]!r})",
                origin,
                severity="warning",
            )
        )
    participants, turns = markdown.solo_speech(
        participants, body.finished_turns(), markup, options.get("title") or header.title
    )
    transcript = _build(header, participants, turns, options, lines, origin)
    return ReadResult([transcript], warnings)


def _build(
    header: Header,
    participants: list[Participant],
    turns: list[Turn],
    options: dict[str, Any],
    lines: Sequence[Line],
    origin: str,
) -> Transcript:
    title = options.get("title") or header.title
    date = _option_date(options["date"], origin) if options["date"] else header.date
    first = next((ln.number for ln in lines if ln.text), 1)
    if not title:
        raise TranscriptError.single(
            "no_title",
            "no title found: expected the title on the first line before the speaker labels "
            "(or pass title=...)",
            origin,
            first,
            1,
        )
    if date is None:
        raise TranscriptError.single(
            "no_date",
            "no date found in the header before the first speaker label: expected a line such "
            "as 'March 11, 2022', '11 March 2022' or '2022-03-11' (or pass date=...)",
            origin,
            first,
            1,
        )
    language = options.get("language") or _detect_language("\n".join(ln.text for ln in lines[:400]))
    identifier = options.get("id") or _transcript_id(title, date)
    url = options.get("url") or header.url
    publisher = options.get("publisher") or header.publisher
    try:
        return Transcript(
            id=identifier,
            language=language,
            event=Event(
                title=one_spaced(title),
                date=date,
                time=header.time,
                utc_offset=header.utc_offset if header.time else None,
                place=options.get("place") or header.place,
            ),
            participants=participants,
            turns=turns,
            metadata=Metadata(source=Source(url=url, publisher=publisher)),
        )
    except ValidationError as error:
        raise TranscriptError(problems_from_validation_error(error, origin)) from None
