"""Line-level rules of the kremlin.ru page-text layout, shared by the text reader and writer.

The writer uses the very predicates the reader uses, so that it knows when a value printed as is
would be read back as something else and must be escaped (see docs/text.md):

* ``\\ `` + text: the line is literal text (a paragraph, a title, a tag, a caption);
* ``\\`` alone after a photo counter: the photo has no caption;
* ``\\narrative``, ``\\speech {json}``, ``\\stage …``, ``\\heading …``, ``\\omission …``,
  ``\\break …``: a turn given explicitly;
* footer extension lines ``Key: value`` (:data:`EXTENSION_KEYS`) for what the page cannot show.
"""

from __future__ import annotations

import functools
import re

from .. import _kremlin as kremlin

ESCAPE = "\\ "
NO_CAPTION = "\\"
DIRECTIVES = (
    "narrative",
    "speech",
    "event",
    "paragraph",
    "stage",
    "heading",
    "omission",
    "break",
)

#: Footer extension keys (written only when the page layout cannot carry the value).
EXTENSION_KEYS = {
    "Transcript id": "id",
    "Language": "language",
    "Source": "url",
    "Document number": "identifier",
    "Publisher": "publisher",
    "Licence": "licence",
    "UTC offset": "utc_offset",
    "Place": "place",
    "Attendees intro": "attendees_intro",
    "Participant": "participant",
    "Sections": "sections",
    "Links": "links",
    "Organisation": "organisation",
    "Sitting": "sitting",
}

_BREAK = re.compile(r"\*(?:[ \u00a0]*\*){2,}")
_OMISSION = re.compile(r"<(?:…|\.\.\.)>|\[…\]|\[\.\.\.\]")
_STAGE = re.compile(r"\([^()\n]{1,300}\)\.?")
_COUNTER = re.compile(r"(\d{1,3}) (?:of|из) (\d{1,3})")
_FUNCTION_WORDS = frozenset(
    "of the for and on in at to with under from de da del di du la le von van der den bin al y "
    "и по при в во на с со для из к от".split()
)
_DASHES = frozenset("-–—")
# A dot before a lowercase letter ends a sentence, except in a site's name ("Lenta.ru").
_LABEL_FORBIDDEN = re.compile(
    r"[!?;:()\[\]<>\\/…@#=*\"“”]|\.(?!(?:ru|com|org|net|info|tv|рф)\b)\s*[a-zа-яё]|,$|\.$"
)
_TERMINAL = tuple(".,:;!?…»\"”)]'’")
_MAX_LABEL_WORDS = 16
# A label whose every word is capitalised, a function word or a role noun may be longer: kremlin.ru
# prints whole official titles ("Director of the Federal Service of National Guard Troops of the
# Russian Federation and Commander of the National Guard Troops Viktor Zolotov", 23 words).
_MAX_STRICT_LABEL_WORDS = 40


def clean(text: str) -> str:
    """Collapse runs of any whitespace (no-break spaces included) to one ordinary space."""
    return " ".join(text.split())


def is_escaped(line: str) -> bool:
    """True for a line that starts with the escape character."""
    return line.startswith("\\")


def unescape(line: str) -> str:
    """The literal text of a line: without the ``\\ `` prefix when it has one."""
    return line[2:] if line.startswith(ESCAPE) else line


def directive(line: str) -> tuple[str, str] | None:
    """``(name, argument)`` of a directive line such as ``\\stage (Applause.)``, else None."""
    if not line.startswith("\\") or line.startswith(ESCAPE):
        return None
    name, _, argument = line[1:].partition(" ")
    return (name, argument) if name in DIRECTIVES else None


def is_break(line: str) -> bool:
    """True for a section separator such as "* * *"."""
    return line[:1] == "*" and _BREAK.fullmatch(line) is not None


def is_omission(line: str) -> bool:
    """True for an omission marker such as "<…>"."""
    return line[:1] in ("<", "[") and _OMISSION.fullmatch(line) is not None


def is_stage(line: str) -> bool:
    """True for a stage direction on its own line, such as "(Applause.)"."""
    return line[:1] == "(" and _STAGE.fullmatch(line) is not None


def counter(line: str) -> tuple[int, int] | None:
    """``(index, total)`` of a photo counter line "2 of 4" ("2 из 4"), else None."""
    if len(line.split(None, 3)) != 3:  # three words: rule out text before cleaning it
        return None
    match = _COUNTER.fullmatch(clean(line))
    if not match:
        return None
    index, total = int(match.group(1)), int(match.group(2))
    return (index, total) if 1 <= index <= total else None


def is_end_marker(line: str) -> bool:
    """True for "Text version" (which ends a document) in either language."""
    return line[:1] in "TТ" and clean(line) in kremlin.END_MARKERS


def glued_end(line: str) -> str | None:
    """For "Text versionEvents" (the end marker glued to the next breadcrumb): "Events"."""
    if line[:1] not in "TТ":
        return None
    for marker in kremlin.END_MARKERS:
        if line.startswith(marker):
            rest = line[len(marker) :]
            if rest.strip() in kremlin.BREADCRUMBS:
                return rest.strip()
    return None


def _capitalised(word: str) -> bool:
    first = word.lstrip("«“\"'(")[:1]
    return first.isupper() or first.isdigit()


_ROLE_NOUNS = frozenset(
    "correspondent journalist reporter editor anchor presenter host commentator observer "
    "chairman chairwoman chair head director member deputy minister president governor "
    "mayor student teacher worker pupil resident veteran volunteer participant officer "
    "serviceman soldier doctor nurse farmer engineer entrepreneur ambassador envoy operator "
    "interpreter translator moderator speaker".split()
)
# Words of a sentence, never of a role: "The Minister told Vladimir Putin: …" is no label.
_SENTENCE_WORDS = frozenset(
    "i you he she we they it me him us them my your his her our their is was are were be been "
    "has have had will would can could should said says told tells asked asks replied noted "
    "added stressed answered thanked that which who this these those then when if not also "
    "met held visited chaired discussed signed sent congratulated attended "
    "сказал сказала спросил спросила ответил ответила отметил отметила добавил добавила "
    "подчеркнул подчеркнула поблагодарил поблагодарила я мы вы он она они это что".split()
)
#: Words that open an address or a sentence, never a label: "Dear Vladimir Putin: …".
_NOT_LABEL_OPENERS = frozenset("dear thank thanks hello good so well".split())
#: One word before a colon that opens a point of a speech, not a turn: "Second: I did not…",
#: "Итак: …". (A lone word is otherwise a label: "Alina: Good afternoon", "Вопрос: …".)
_DISCOURSE_WORDS = frozenset(
    "first second third fourth fifth firstly secondly thirdly finally lastly next now then "
    "therefore again look listen remember note example today "
    "первое второе третье четвёртое четвертое пятое во-первых во-вторых в-третьих в-четвёртых "
    "в-четвертых итак итог итого вывод главное внимание например кстати смотрите слушайте "
    "представьте послушайте".split()
)
#: A lone Russian word in the first person singular, as a speaker announces a point:
#: "Подчеркну: …", "Повторю: …", "Напомню: …", "Оговорюсь: …". A surname that ends so
#: ("Шойгу") is refused too when printed alone, but kremlin.ru prints initials before it
#: ("С.Шойгу", one word with a dot, which this does not match).
_FIRST_PERSON_VERB = re.compile(r"[А-ЯЁ][а-яё]{2,}(?:у|ю|усь|юсь)")
_ASIDE = re.compile(r"\s*\([^()]{1,40}\)$")


def strip_aside(label: str) -> str:
    """A label without a trailing aside: "Question (retranslated)" → "Question"."""
    return _ASIDE.sub("", label)


# An organisation's abbreviation in brackets inside a role: "Secretary-General of the Organisation
# for Economic Co-operation and Development (OECD) Angel Gurria", "… Agency (IRENA) Adnan Amin".
_INNER_ABBREVIATION = re.compile(r" \([A-ZА-ЯЁ][\w&.\-]{0,15}\)(?= )")


def _without_abbreviations(label: str) -> str:
    return _INNER_ABBREVIATION.sub("", label) if "(" in label else label


#: What a photo's caption ends with before the colon of its credit.
_PHOTO_CREDITS = ("Photo", "Фото", "Photos", "Video", "Видео")
_INITIAL_PAIR = re.compile(r"[A-ZА-ЯЁ]\.\s?[A-ZА-ЯЁ]")
_CYRILLIC_LOWER = re.compile("[а-яё]")
_INITIAL_DOT = re.compile(r"(?<![\w])[A-ZА-ЯЁ]\.\s?(?=[A-ZА-ЯЁ])")


@functools.lru_cache(maxsize=4096)
def is_label(text: str) -> bool:
    """True when ``text`` (what precedes ": ") reads as a speaker label.

    A label is a generic label ("Question"), or up to 16 words with capitalised first and last
    words where the words between are capitalised, function words or role nouns ("President of
    the Republic of Belarus Alexander Lukashenko", "Rossiya TV Channel correspondent Pavel
    Zarubin"); a short Russian label opening with a role may hold lowercase words ("Министр
    иностранных дел С.Лавров"). A trailing aside is allowed ("Reply (retranslated)").
    Sentences ("Here is my point: …", "Then I told Vladimir Putin: …") fail.
    """
    label = _without_abbreviations(strip_aside(clean(text)))
    if not label or len(label) > 300 or label.endswith(_PHOTO_CREDITS):
        return False  # "Photo: TASS", "Meeting of the Valdai Club. Photo: RIA Novosti"
    if kremlin.is_generic_label(label):
        return True
    if _LABEL_FORBIDDEN.search(label) and not _initials_only_dots(label):
        return False
    words = label.split(" ")
    if len(words) > _MAX_STRICT_LABEL_WORDS or not _capitalised(words[0]):
        return False
    if len(words) == 1 and (
        label.casefold() in _DISCOURSE_WORDS or _FIRST_PERSON_VERB.fullmatch(label) is not None
    ):
        return False
    if words[0].casefold() in _NOT_LABEL_OPENERS:
        return False
    if not (_capitalised(words[-1]) or kremlin.is_name_word(words[-1])):
        return False
    opens_with_role = words[0].casefold() in kremlin.ROLE_WORDS
    initials_name = _INITIAL_PAIR.search(words[-1]) is not None
    russian_role = (
        _CYRILLIC_LOWER.search(words[0].casefold()) is not None
        and len(words) <= 8
        and _capitalised(words[-2] if len(words) > 2 else "")
    )
    english_role = len(words) <= _MAX_LABEL_WORDS and _capitalised(
        words[-2] if len(words) > 2 else ""
    )
    sentence_like = any(w.casefold().rstrip(",") in _SENTENCE_WORDS for w in words)
    loose = (
        len(words) <= _MAX_LABEL_WORDS
        and opens_with_role
        and not sentence_like
        and (initials_name or russian_role or english_role)
    )
    for word in words[1:-1]:
        bare = word.rstrip(",")
        if not (
            _capitalised(bare)
            or bare.casefold() in _FUNCTION_WORDS
            or bare.casefold() in _ROLE_NOUNS
            or word in _DASHES
            or loose
        ):
            return False
    return True


def is_role_noun(word: str) -> bool:
    """True for a word that names a part people play ("operator", "correspondent",
    "minister")."""
    folded = word.casefold()
    return folded in _ROLE_NOUNS or folded in kremlin.ROLE_WORDS


def loose_label_head(head: str, max_words: int = _MAX_LABEL_WORDS) -> bool:
    """Whether ``head`` (what precedes ": ") could be a descriptive label that the page
    confirms elsewhere ("Direct line programme host Kirill Kleymenov", "chairman of the Russian
    Independent Trade Union of Coalminers Ivan Mokhnachuk"): a capitalised first word that
    opens no address, or a role noun; at most ``max_words`` words (16), none of a sentence,
    nothing a label never holds."""
    words = head.split(" ")
    first = words[0].casefold()
    return (
        (_capitalised(words[0]) or first in _ROLE_NOUNS or first in kremlin.ROLE_WORDS)
        and len(words) <= max_words
        and first not in _NOT_LABEL_OPENERS
        and not any(w.casefold().rstrip(",") in _SENTENCE_WORDS for w in words)
        and _LABEL_FORBIDDEN.search(head) is None
    )


def _initials_only_dots(label: str) -> bool:
    # "В.Путин", "A. Ivanov": dots that only follow an initial; nothing else forbidden.
    stripped = _INITIAL_DOT.sub("", label)
    return _LABEL_FORBIDDEN.search(stripped) is None


_COLON = re.compile(r":\s")
#: The colon after a label: a space follows, or, where the page glued the label to its text
#: ("<b>Sergei Chemezov:</b>Mr President", "<i>(retranslated)</i><b>:</b>Thank you"), the capital
#: or opening quote of the first sentence. "10:30", "http://" and "1:2" are no such colon.
_LABEL_COLON = re.compile(r":(?:\s|(?=[A-ZА-ЯЁ«“\"]))")


def starts_with_colon(line: str) -> bool:
    """True for the second line of a split label: ": More than …" (":More than …" glued)."""
    return _LABEL_COLON.match(line) is not None


#: A Russian initials label glued to a reply that opens with a number, as a scraper that drops
#: the space after a label keeps it ("С.Кравцов:99, где-то …"); after any other head a colon
#: before a digit is a time or a ratio.
_INITIALS_BEFORE_DIGIT = re.compile(
    r"((?:[А-ЯЁ]\.[ ]?){1,2}[А-ЯЁ][а-яё]{1,40}(?:-[А-ЯЁ][а-яё]{1,40})?):(?=\d)"
)

_ASIDE_AND_COLON = re.compile(r"(\([^()]{1,40}\))[ ]?" + _LABEL_COLON.pattern)


def aside_and_rest(line: str) -> tuple[str, str] | None:
    """``(aside, text)`` of the line after a label a copy broke before its aside:
    "(retranslated): Thank you." → ("(retranslated)", "Thank you."); None otherwise."""
    found = _ASIDE_AND_COLON.match(line)
    if found is None:
        return None
    rest = line[found.end() :].strip()
    return (found.group(1), rest) if rest else None


def head_and_rest(line: str) -> tuple[str, str] | None:
    """``(head, text)`` of a line cut at its first label colon (see ``_LABEL_COLON``), the text
    stripped; None without one."""
    colon = _LABEL_COLON.search(line)
    if colon is None:
        return None
    return line[: colon.start()], line[colon.end() :].strip()


def split_label_line(line: str) -> tuple[str, str] | None:
    """``(label, first paragraph)`` of "Label: text", else None (footer fields excluded)."""
    # "И." opens such a label: a test of one character spares most lines the pattern.
    glued = _INITIALS_BEFORE_DIGIT.match(line) if line[1:2] == "." else None
    if glued is not None:
        return glued.group(1), line[glued.end() :].strip()
    colon = _LABEL_COLON.search(line)
    if colon is None:
        return None
    head = line[: colon.start()]
    label = _label_head(head)
    if label is None:
        return None
    rest = line[colon.end() :].strip()
    # Without a colon in the head, _label_head has ruled out a footer field already.
    if not rest or (":" in head and kremlin.footer_field(line) is not None):
        return None
    return label, rest


@functools.lru_cache(maxsize=4096)
def _label_head(head: str) -> str | None:
    """The label in ``head`` (the text before a line's first ": "), cleaned, unless ``head`` is
    no label or is the key of a footer field; labels repeat on every turn, hence the cache."""
    carded = _GLUED_CARD.match(head)
    if carded is not None:
        return carded.group("label")
    if not is_label(head) or (":" not in head and kremlin.footer_field(head + ":") is not None):
        return None
    return clean(head)


#: A Russian label with the person card kremlin.ru hides in a first label glued after it, as a
#: scraper that takes the text of every element keeps it: "Г.КрасниковКрасников Геннадий
#: Яковлевичпрезидент Российской академии наук" (the surname again, then the given name, the
#: patronymic and the office). The label is "Г.Красников", as a copy of the page shows it.
#: Bounded words: the repeated surname is a back-reference.
_GLUED_CARD = re.compile(
    r"(?P<label>(?:[А-ЯЁ]\.[ ]?){1,2}(?P<surname>[А-ЯЁ][а-яё]{1,40}(?:-[А-ЯЁ][а-яё]{1,40})?))"
    r"(?P=surname)[ ]?[А-ЯЁ][а-яё]{1,40} [А-ЯЁ][а-яё]{1,40}(?:ич|на)"
)


def is_heading(line: str) -> bool:
    """True for a subheading: a short capitalised line without final punctuation."""
    text = line.strip()
    if not text or len(text) > 120 or text.endswith(_TERMINAL) or _COLON.search(text):
        return False
    words = text.split()
    return len(words) <= 12 and _capitalised(words[0]) and not text[0].isdigit()


#: First words of the headings that may follow the time of a page: "Текст Указа" (a decree's
#: text, on pages of the site's documents).
_NOT_PLACE_OPENERS = frozenset({"Текст"})


def looks_like_place(line: str) -> bool:
    """True for a header line that reads as a place ("The Kremlin, Moscow", "Sochi")."""
    text = line.strip()
    if not text or is_escaped(text) or len(text) > 100 or text.endswith(_TERMINAL):
        return False
    if _COLON.search(text) or counter(text) or kremlin.parse_time(text):
        return False
    if kremlin.parse_date(text):
        return False
    if is_structural(text) or kremlin.attendee_intro(text):
        return False
    words = text.split()
    if len(words) > 10 or not _capitalised(words[0]) or words[0] in _NOT_PLACE_OPENERS:
        return False
    # "Novo-Ogaryovo, Moscow Region", "Бочаров Ручей, резиденция": a place with a comma may
    # hold any words; without one, a lowercase word ("Opening remarks", "Excerpts from the
    # transcript") marks a heading or a sentence.
    return "," in text or all(_capitalised(w) or w in _FUNCTION_WORDS for w in words)


def is_structural(line: str) -> bool:
    """True for a line the reader never takes as plain text: markers, footer lines,
    directives, escapes, the end marker."""
    text = line.strip()
    return bool(
        is_escaped(text)
        or is_break(text)
        or is_omission(text)
        or is_stage(text)
        or kremlin.footer_key(text)
        or kremlin.footer_field(text)
        or glued_end(text)
        or starts_with_colon(text)
    )


#: Footer lines are short, or start with a short "Key:" (characters).
FOOTER_LIMIT = 40
# Footer words are compared with a line once it is cleaned, and cleaning only touches spaces:
# a footer line starts with a space (the last kind is U+3000) or with the first letters of a
# footer word (as many as its shortest first word has).
_FOOTER_WORDS = (*kremlin.FOOTER_HEADINGS, *kremlin.FOOTER_FIELDS)
#: How many first characters of a line :data:`FOOTER_HEADS` holds.
FOOTER_HEAD_LENGTH = min(len(words.split(" ")[0]) for words in _FOOTER_WORDS)
#: The beginnings of footer lines: a cheap test that rules most lines out.
FOOTER_HEADS = frozenset(words[:FOOTER_HEAD_LENGTH] for words in _FOOTER_WORDS)
#: The characters that cleaning drops at the start of a line.
SPACES = frozenset(filter(str.isspace, map(chr, range(0x3001))))


def is_footer_start(line: str) -> bool:
    """True for the line that opens a page footer ("See also", "Topics", "Publication date: …")."""
    if len(line) > FOOTER_LIMIT and line.find(":", 0, FOOTER_LIMIT) < 0:
        return False
    key = kremlin.footer_key(line)
    return (key is not None and key != "end") or kremlin.footer_field(line) is not None


def extension(line: str) -> tuple[str, str | None] | None:
    """``(field, value)`` of a footer extension line; value None for an empty "Key:"."""
    head, sep, value = line.partition(":")
    field = EXTENSION_KEYS.get(head)
    if not sep or field is None:
        return None
    value = value.strip()
    return field, (value or None)


#: The no-break and thin spaces of the site's typography ("President of\u00a0Russia",
#: "10\u202f000"): the reader takes them for spaces, so that a copy that keeps them reads as one
#: that does not. Our writer's escaped and explicit lines (a backslash first) keep theirs.
TYPOGRAPHIC_SPACES = "\u00a0\u202f\u2007\u2009"


def has_typographic_space(text: str) -> bool:
    """Whether ``text`` holds a space the reader takes for an ordinary one."""
    return any(space in text for space in TYPOGRAPHIC_SPACES)


def needs_plain_escape(text: str) -> bool:
    """True when a paragraph printed as is would not be read back as a plain paragraph."""
    return bool(
        has_typographic_space(text)
        or is_structural(text)
        or split_label_line(text)
        or is_heading(text)
        or is_end_marker(text)
        or directive(text)
        or extension(text)
        or (text.endswith(":") and is_label(text[:-1]))
        or kremlin.attendee_intro(text)
    )
