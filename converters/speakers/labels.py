"""Speaker labels: which line starts opens with one ("THE PRESIDENT:", "Q    Thank you.",
"Dmitry Peskov: (09:51)"), and what each distinct label says (role, name, or nobody in
particular), using the other labels of the transcript as evidence."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from .. import _kremlin as kremlin
from .header import Line, one_spaced
from .label_shapes import (
    ADDRESSEE,
    addressed,
    in_capitals_or_title_case,
    is_title_head,
    name_part,
    shape_of,
    vouches,
    with_printed_parts,
    without_courtesy,
)
from .label_words import (
    LANGUAGE_NOTES,
    LEADING_STOPWORDS,
    NOT_LABELS,
    PARTICLES,
    POST_NOMINALS,
    ROLE_FUNCTION_WORDS,
    SENTENCE_PRONOUNS,
    TITLE_HEADS,
    TITLE_JOINERS,
    TITLE_WORDS,
    is_courtesy,
)
from .lines import SPACES
from .sniff import CAPS_PERIOD_LABEL, CJK_NAME, DASH_LABEL, TIMESTAMP

_TIMESTAMP = TIMESTAMP
# A label-shaped line start: "NAME:", "Name (09:51):", "Name: [00:01:02]"; "Q" and "A" apart,
# because White House transcripts print the question label without a colon. A label holds no
# ":", "[" or "(", so the line is cut at the first of them in Python: a pattern with the label
# and the spaces after it as two repeats tried every split of a long run of spaces (a line of
# "B", 4,000 spaces and "x" took 1.8 s).
_LABEL_START = re.compile(r"[^\W\d_]")
# The colon may be the full-width one of Chinese and Japanese text ("主席：甚麼規程問題？").
_LABEL_STOP = re.compile(r"[:：\[\(]")
_LABEL_COLON = re.compile(
    rf"(?:(?P<ts1>{_TIMESTAMP})[{SPACES}]*)?[:：](?!//)[{SPACES}]*"
    rf"(?:(?P<ts2>{_TIMESTAMP})[{SPACES}]*)?"
)
#: A label in Chinese or Japanese characters: a name with its title ("梁國雄議員", "行政長官",
#: "主席"), at most eight characters, no space.
_CJK_LABEL = re.compile(CJK_NAME)
#: What a Chinese sentence, and no name, opens with: pronouns, conjunctions, an ordinal.
_CJK_SENTENCE_STARTS = frozenset("我你您他她它咱这這那但而所因如就第其")
_LABEL_TEXT = re.compile(r"^[^\W\d_][\w.'’\- ]*$")
#: What a label may print in brackets before its colon: a role ("(NATO Spokesperson)"), a party
#: and state ("(R-Texas)"), an aside ("(retranslated)"); one bracket, up to 100 characters.
_BRACKETED = re.compile(r"\([^()\[\]:\n]{1,100}\)")
_QA_LABEL = re.compile(
    rf"^(?:(?P<q>Q)(?::|\.(?= )|(?=[{SPACES}]{{2}})|(?=\t)|$)|(?P<a>A)(?::|(?=[{SPACES}]{{2}})))"
    rf"[{SPACES}]*"
)
_Q_SINGLE_SPACE = re.compile(r"^Q (?=[A-Z“\"‘'])")
_BARE_TIMESTAMP = re.compile(
    rf"^(?P<label>[A-Z][\w.'’\-]*(?: [A-Z0-9][\w.'’\-]*){{0,3}})[{SPACES}]+"
    r"\(?\d{1,2}:\d{2}(?::\d{2})?\)?$"
)
# A hearing record's label ends with a period: "Mr. SECORD. It was my belief …", "Senator
# INOUYE.", "The CHAIRMAN." (GPO style); an honorific or title, an optional given name, a name.
_PERIOD_LABEL = re.compile(
    r"^(?P<label>(?:Mr|Ms|Mrs|Miss|Dr|Senator|Sen|Representative|Rep|Chairman|Chairwoman|"
    r"Secretary|General|Admiral|Judge|Governor|Mayor|The)\.? (?:[A-Z][a-z]+ )?"
    r"(?P<name>[A-Z][\w'’\-]+))\.(?: +|$)"
)
_STAMP_FIRST = re.compile(rf"{_TIMESTAMP}[{SPACES}]+(?=[^\W\d_])")
# "END" alone, or "END" and a word boundary before a clock ("END 2:43 P.M. EST").
_END = re.compile(r"^END(?!\w)")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")

_MAX_LABEL = 120
_MAX_LABEL_WORDS = 16
#: Generic labels: a speaker the transcript does not identify ("Q", "AUDIENCE MEMBER").
_GENERIC = re.compile(
    r"^(?:q|a|question|questions|audience(?: members?| questioners?)?|questioners?|reporters?|"
    r"journalists?|participants?|voices?|crowd|unidentified(?: \w+)*|(?:male |female )?speaker|"
    r"announcer(?: off-?screen| off-?camera)?|"
    r"\(?(?:an? )?(?:unknown|unnamed)(?: \w+)*\)?|问|問|答|记者|記者|"
    # a Westminster Hansard's interjections: "An HON MEMBER", "HON MEMBERS", "Interjection"
    r"(?:an )?hon\.? members?|interjections?|"
    # German, French, Spanish, Italian: "Frage", "Zusatzfrage", "Réponse", "Pregunta"
    r"frage|zusatzfrage|zuruf|zurufe|antwort|sprecher|sprecherin|réponse|pregunta|respuesta|"
    r"domanda|risposta)"
    r"(?: \d+)?$"
)
#: A transcription service's label for a voice it could not tell: "(UNKNOWN):", "(UNIDENTIFIED
#: MALE):" (a label holds no bracket otherwise, see _LABEL_STOP).
_BRACKETED_UNKNOWN = re.compile(
    rf"^(?P<label>\((?:UNKNOWN|UNIDENTIFIED(?: [A-Z]+){{0,2}})\))[{SPACES}]*:[{SPACES}]*",
    re.IGNORECASE,
)


#: A label found at a line start: (label as printed, rest of the line, timestamped).
LabelMatch = tuple[str, str, bool]


@dataclass
class Label:
    """A speaker label as printed, split into what it says."""

    printed: str
    role: str | None
    name: str | None
    generic: bool

    @property
    def key(self) -> str:
        """Who the label names: the same key means the same person."""
        return (self.name or self.role or self.printed).casefold()


def _is_upper(text: str) -> bool:
    if not text.isupper():
        # No cased letter, or a lowercase one: either way not two letters all in capitals.
        # Most labels are mixed case, and this test is in C.
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _capitalised_words(words: Sequence[str]) -> bool:
    return (
        all(w[:1].isupper() or w.casefold() in PARTICLES for w in words) and words[0][:1].isupper()
    )


def _split_role(label: str) -> tuple[str | None, str | None]:
    """(role, name) of an upper-case label by the title words at its start ("PRESIDENT
    BIDEN"); the rest is the name, and a label of title words only, or ending with a title
    ("HEALTH MINISTER"), is a role. Letters after the name ("ANDREW NIKOLIC MP") and an office
    after a dash ("… MP - TREASURER") go to the role."""
    if " - " in label:  # "THE HON. SCOTT MORRISON MP - TREASURER"
        person, _, office = label.partition(" - ")
        role, name = _split_role(person)
        return " - ".join(filter(None, (role, office))), name
    words = label.split(" ")
    letters = len(words)
    while letters > 2 and words[letters - 1].casefold().rstrip(".") in POST_NOMINALS:
        letters -= 1
    if letters < len(words):
        role, name = _split_role(" ".join(words[:letters]))
        return " ".join(filter(None, (role, *words[letters:]))), name
    if len(words) <= 3 and is_title_head(words[-1]) and not is_title_head(words[0]):
        return label, None  # "HEALTH MINISTER", "UNITED NATIONS SECRETARY-GENERAL": no name
    cut = 0
    for index, word in enumerate(words):
        if word.casefold() not in TITLE_WORDS:
            break
        cut = index + 1
    while cut and words[cut - 1].casefold() not in TITLE_HEADS:
        cut -= 1
    if cut < len(words) and words[cut].casefold() in ("of", "the", "for", "and"):
        return None, label
    if cut == 0:
        return None, label
    if cut == len(words):
        return label, None
    return " ".join(words[:cut]), " ".join(words[cut:])


def is_end(text: str) -> bool:
    """The closing line of a White House transcript: "END" or "END 2:43 P.M. EST"."""
    return text == "END" or (_END.match(text) is not None and _CLOCK.search(text, 3) is not None)


def _label_prefix(text: str) -> LabelMatch | None:
    """(label as printed, rest of the line, timestamped) of a line that opens with a
    label-shaped prefix: a letter, at most 120 characters without ":", "[" or "(", spaces, an
    optional timestamp, and a colon that does not start "://"."""
    if not _LABEL_START.match(text):
        return None
    stop = _LABEL_STOP.search(text, 1)
    if stop is None:
        return None
    label = text[: stop.start()].rstrip(SPACES)
    if len(label) > _MAX_LABEL:
        return None
    after = _LABEL_COLON.match(text, stop.start())
    if after is None:
        # "Oana Lungescu (NATO Spokesperson):": a role or an aside in brackets before the colon;
        # a Hansard's party after it ("(Newtown) (Con)"), and whom a question is put to
        # ("ANDREW LITTLE (Leader of the Opposition) to the Prime Minister :").
        bracket = _BRACKETED.match(text, stop.start()) if text[stop.start()] == "(" else None
        if bracket is None or not label:
            return None
        end = bracket.end()
        for part in (_SECOND_BRACKET, _ADDRESSEE):
            found = part.match(text, end)
            end = found.end() if found is not None else end
        after = _LABEL_COLON.match(text, end + (text[end : end + 1] == " "))
        if after is None:
            return None
        label = f"{label} {text[stop.start() : end].strip()}"
    return label, text[after.end() :], bool(after.group("ts1") or after.group("ts2"))


_SECOND_BRACKET = re.compile(r" \([^()\[\]:\n]{1,40}\)")
_ADDRESSEE = re.compile(rf"{ADDRESSEE}[^:()\n]{{1,80}}?(?= ?:)")
#: The number of a question on a Westminster order paper ("1. ANDREW LITTLE (…) to the …").
_QUESTION_NUMBER = re.compile(r"\d{1,3}\.? +(?=[^\W\d_])")


def _label_candidate(text: str) -> LabelMatch | None:
    """(label, rest of the line, timestamped) if the line opens with a label-shaped prefix,
    also after one timestamp ("[00:01:02] Name: …") or a question's number before a label
    with a bracket ("1. ANDREW LITTLE (Leader of the Opposition) to the Prime Minister:")."""
    number = _QUESTION_NUMBER.match(text) if text[:1].isdigit() else None
    if number is not None:  # an order paper's question, not a numbered list's item
        found = _label_opening(text[number.end() :])
        return found if found is not None and addressed(found[0]) else None
    stamp = _STAMP_FIRST.match(text)
    if stamp is None:
        return _label_opening(text)
    found = _label_opening(text[stamp.end() :])
    return (found[0], found[1], True) if found else None


def _label_opening(text: str) -> LabelMatch | None:
    if is_end(text):
        return None
    qa = _QA_LABEL.match(text)
    if qa:
        return qa.group("q") or qa.group("a"), text[qa.end() :], False
    unknown = _BRACKETED_UNKNOWN.match(text)
    if unknown:
        return unknown.group("label"), text[unknown.end() :], False
    found = _label_prefix(text)
    if not found:
        return None
    printed, rest, stamped = found
    label = one_spaced(printed)
    shape = shape_of(label)
    bare = shape.name
    if (
        len(label) > _MAX_LABEL
        or not _LABEL_TEXT.match(bare)
        or (shape.comma is not None and not in_capitals_or_title_case(shape.comma))
        or (bare.casefold().rstrip(".") in NOT_LABELS and not kremlin.is_generic_label(bare))
        or (not rest.strip() and bare.casefold() in LANGUAGE_NOTES)
        or (label[-1].isdigit() and rest[:1].isdigit())  # a clock, "2:43"
    ):
        return None
    return label, rest, stamped


def _is_generic(label: str) -> bool:
    """A label that names no one: "Q", "AUDIENCE MEMBER", "Reporter 2", "Вопрос"."""
    label = name_part(label)
    return bool(_GENERIC.match(label.casefold().rstrip("."))) or kremlin.is_generic_label(label)


def _accept(label: str, stamped: bool, counts: dict[str, int], beside: int = 0) -> bool:
    """Whether a label-shaped prefix is a speaker label (conservative for mixed case; in
    Chinese or Japanese characters, when it opens two lines). ``beside``: how many labels of
    the transcript print an outlet or an office after a comma, as this one may."""
    count = counts.get(label, 0)
    shape = shape_of(label)
    label = shape.name  # "Oana Lungescu (NATO Spokesperson)" is as its name
    if label in ("Q", "A") or stamped or _is_upper(label) or _is_generic(label):
        return True
    if _CJK_LABEL.fullmatch(label):
        if label[0] in _CJK_SENTENCE_STARTS:  # "我要强调：" (I want to stress:), "但是："
            return False
        return _is_generic(label) or count >= 2
    words = label.split(" ")
    if words[0].casefold() in LEADING_STOPWORDS or not _capitalised_words(words):
        return False
    if len(words) > 6:
        return False
    return len(words) >= 2 or count >= 2 or vouches(shape, beside)


_CONTRACTION = re.compile(r"[’']")


def _sentence(label: str) -> bool:
    """A bold or heading line that introduces what follows rather than naming a speaker
    ("Here’s what they’re saying:", "Leaders from across the world also praised …:"): it opens
    like a sentence, or holds two lowercase words that join no title or name."""
    if _is_generic(label):
        return False
    words = name_part(label).split(" ")
    first, *contracted = _CONTRACTION.split(words[0], 1)
    lowercase = [w for w in words[1:] if w[:1].islower() and w.casefold() not in TITLE_JOINERS]
    if first.casefold() in LEADING_STOPWORDS and (contracted or lowercase):
        return True  # "Here’s what …", "According to …"; not "I Squared Capital Chairman …"
    if first[:1].islower() or any(w.casefold() in SENTENCE_PRONOUNS for w in words[1:]):
        return True  # "how the … ENDS …", "In Case You Missed It", "Read More Here"
    return sum(w.casefold() not in ROLE_FUNCTION_WORDS | PARTICLES for w in lowercase) >= 2


def find_labels(lines: Sequence[Line], marked: Collection[int] = ()) -> dict[int, LabelMatch]:
    """Line number → (label, rest, timestamped) for every line that opens with a label;
    a label-shaped line in ``marked`` (a Markdown label heading) is one whatever its words."""
    candidates = {ln.number: c for ln in lines if ln.text and (c := _label_candidate(ln.text))}
    counts: dict[str, int] = {}
    for label, _rest, _stamped in candidates.values():
        counts[label] = counts.get(label, 0) + 1
    # Labels that print an outlet or a role after a comma in capitalised words, as a press
    # conference's do ("Abe, Asahi Shimbun:", "Fujita, Fuji TV:").
    beside = sum(
        1
        for c in candidates.values()
        if (comma := shape_of(c[0]).comma) and in_capitals_or_title_case(comma)
    )
    accepted = {
        n: c
        for n, c in candidates.items()
        if (n in marked and not _sentence(c[0])) or _accept(c[0], c[2], counts, beside)
    }
    # A long label ("President of the United States Joe Biden") is a label when it ends with
    # a name that is a label elsewhere ("Joe Biden").
    names = {c[0].casefold() for c in accepted.values() if " " in c[0]}
    for number, candidate in candidates.items():
        words = candidate[0].split(" ")
        if number not in accepted and len(words) <= _MAX_LABEL_WORDS and words[0][:1].isupper():
            cuts = [i for i in range(1, len(words) - 1) if " ".join(words[i:]).casefold() in names]
            if cuts and all(
                w[:1].isupper() or w.casefold() in ROLE_FUNCTION_WORDS for w in words[: cuts[0]]
            ):
                accepted[number] = candidate
    accepted.update(_weak_labels(lines, accepted))
    return accepted


def _period_labels(lines: Sequence[Line], accepted: dict[int, LabelMatch]) -> dict[int, LabelMatch]:
    """Hearing labels closed by a period: a name in capitals ("Mr. SECORD.") is one wherever
    it stands; a name in mixed case ("Senator Smith.") only when it opens two lines."""
    found: dict[int, tuple[LabelMatch, bool]] = {}
    counts: dict[str, int] = {}
    for line in lines:
        match = _PERIOD_LABEL.match(line.text) if line.number not in accepted else None
        if match:
            label = match.group("label")
            capitals = _is_upper(match.group("name"))
            found[line.number] = ((label, line.text[match.end() :], False), capitals)
            counts[label] = counts.get(label, 0) + 1
    return {
        number: label
        for number, (label, capitals) in found.items()
        if capitals or counts[label[0]] >= 2
    }


#: "CHAIR POWELL.  Good afternoon", "MICHAEL MCKEE.  Michael McKee with Bloomberg".
_CAPS_PERIOD_LABEL = re.compile(CAPS_PERIOD_LABEL)


_NOT_NAME_OPENERS = LEADING_STOPWORDS | {"good"}


def _in_capitals(rest: str) -> bool:
    """Words in capitals throughout, three at least ("IT IS GOOD TO BE HERE."; "OK." or "I—"
    after a name say nothing of the transcript's case)."""
    return len(rest.split()) >= 3 and rest.isupper()


def _caps_period_labels(
    lines: Sequence[Line], accepted: dict[int, LabelMatch]
) -> dict[int, LabelMatch]:
    """Names of two words or more in capitals closed by a period, when three lines or more
    open so and one of the names opens two of them (a sentence in capitals does not)."""
    found: dict[int, LabelMatch] = {}
    counts: dict[str, int] = {}
    for line in lines:
        match = _CAPS_PERIOD_LABEL.match(line.text) if line.number not in accepted else None
        if match is None:
            continue
        label, rest = match.group("label"), line.text[match.end() :]
        # A transcript in capitals throughout prints sentences so ("THANK YOU. IT IS GOOD"):
        # a name's words are in mixed case after it, and a name opens with no such word.
        if _in_capitals(rest) or label.split(" ", 1)[0].casefold() in _NOT_NAME_OPENERS:
            continue
        found[line.number] = (label, rest, False)
        counts[label] = counts.get(label, 0) + 1
    if len(found) >= 3 and max(counts.values()) >= 2:
        return found
    return {}


_DASH_LABEL = re.compile(DASH_LABEL)


def _dash_labels(lines: Sequence[Line], accepted: dict[int, LabelMatch]) -> dict[int, LabelMatch]:
    """Labels closed by a dash, an honorific and a name in capitals ("Mr JIMMY UGURO - Thank
    you", "HON. S.S. KIRPAL.- Thank you"), when three lines or more open so."""
    found: dict[int, LabelMatch] = {}
    for line in lines:
        match = _DASH_LABEL.match(line.text) if line.number not in accepted else None
        if match is not None:
            found[line.number] = (match.group("label"), line.text[match.end() :], False)
    return found if len(found) >= 3 else {}


def _weak_labels(lines: Sequence[Line], accepted: dict[int, LabelMatch]) -> dict[int, LabelMatch]:
    """Labels that count only when the document shows the layout more than once.

    "Q Thank you." (a copy that collapsed the spaces after "Q") beside upper-case labels, and
    "Anna Berg  0:03" (a name with a bare timestamp, the text on the next lines, as recording
    transcription services print it) when the same name opens two such lines.
    """
    found: dict[int, LabelMatch] = {}
    if any(_is_upper(c[0]) for c in accepted.values()):
        questions = {
            ln.number: ("Q", ln.text[2:].strip(SPACES), False)
            for ln in lines
            if ln.number not in accepted and _Q_SINGLE_SPACE.match(ln.text)
        }
        if len(questions) >= 2:
            found.update(questions)
    found.update(_period_labels(lines, accepted))
    found.update(_caps_period_labels(lines, {**accepted, **found}))
    found.update(_dash_labels(lines, {**accepted, **found}))
    stamped: dict[int, LabelMatch] = {}
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


def resolve_labels(labels: Iterable[str]) -> dict[str, Label]:
    """Split every distinct label into role and name, using the other labels as evidence."""
    distinct = dict.fromkeys(labels)
    generic = {p for p in distinct if _is_generic(p)}
    # A label printed elsewhere as the whole name ("Dmitry Peskov") shows where the name starts
    # in a longer label ("Press Secretary Dmitry Peskov").
    names: dict[str, tuple[int, str]] = {}  # folded name → (first label order, label)
    bare = {p: name_part(p) for p in distinct}
    for order, label in enumerate(bare[p] for p in distinct if p not in generic and " " in bare[p]):
        # A role is no name: "DEPUTY PRIME MINISTER" does not end with a person "PRIME MINISTER".
        if not _role_only(label):
            names.setdefault(label.casefold(), (order, label))
    resolved: dict[str, Label] = {}
    for printed in distinct:
        if printed in generic:
            resolved[printed] = Label(printed, None, None, True)
            continue
        role, name = _role_and_name(bare[printed], names)
        if role is not None and name is not None and _honorific(role):
            role = None  # "HON. M. K. NALUMISA": a courtesy, no office
        role, name = with_printed_parts(shape_of(printed), role, name)
        resolved[printed] = Label(printed, role, without_courtesy(name), False)
    return resolved


def _office_words(words: str) -> bool:
    """Words of an office after "The": in capitals, or title words ("DEPUTY MINISTER OF
    FINANCE", "Prime Minister"); not an office and a name ("Minister Naledi Pandor")."""
    split = words.split(" ")
    if split[0].casefold() not in TITLE_WORDS:
        return False
    return words.isupper() or all(w.casefold() in TITLE_WORDS for w in split)


#: Initials and a surname ("A VAN WYK", "B M BHANGA", "C P Mulder").
_INITIALS_AND_NAME = re.compile(r"(?:[A-Z]\.? ){1,3}[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}")
#: Offices the German government's press conferences abbreviate before a name.
_ABBREVIATED_OFFICES = frozenset({"sts", "srs", "srs'in", "srs’in", "vors.", "bm", "bm'in"})


def _honorific(role: str) -> bool:
    folded = role.casefold().removeprefix("the ").replace(".", "")
    folded = folded.removeprefix("rt ").removeprefix("right ")  # "Rt Hon", "Right Honourable"
    return folded in ("hon", "honourable", "honorable")


def _role_and_name(
    printed: str, names: dict[str, tuple[int, str]]
) -> tuple[str | None, str | None]:
    """(role, name) of a label that names someone."""
    tail = _name_at_end(printed, names)
    if tail is not None:
        return printed[: -len(tail) - 1], printed[-len(tail) :]
    if _is_upper(printed) or all(w.casefold() in TITLE_WORDS for w in printed.split(" ")):
        return _split_role(printed)
    first, _, rest = printed.partition(" ")
    if rest and first.casefold() in _ABBREVIATED_OFFICES and _capitalised_words(rest.split(" ")):
        return first, rest  # "StS Seibert", "SRS'in Demmer"
    if first == "The" and _office_words(rest):
        return printed, None  # "The MINISTER OF HOME AFFAIRS": an office, whole
    if is_courtesy(first) and _INITIALS_AND_NAME.fullmatch(rest):
        return None, printed  # "Ms A VAN WYK", "Mr B M BHANGA": a courtesy, initials, a name
    # Mixed case reads like a kremlin.ru label: the shared rules split "President of the United
    # States Joe Biden" at the name and keep "Recep Tayyip Erdogan" whole.
    parts = kremlin.split_label(printed)
    return parts.role, parts.name


def _role_only(label: str) -> bool:
    """A label of title words only, or one that ends with a title ("HEALTH MINISTER")."""
    if all(w.casefold() in TITLE_WORDS for w in label.split(" ")):
        return True
    return _is_upper(label) and _split_role(label)[1] is None


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
