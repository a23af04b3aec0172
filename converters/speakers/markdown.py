"""Markdown speaker-label transcripts: front matter, headings, heading labels, names in the header.

Publishers that keep transcripts as Markdown print the header in ways the plain-text header
reader does not know:

* YAML (``---``) or TOML (``+++``) front matter with the title, the date, the source URL, tags
  and sometimes the person speaking (``prime_minister: "Abbott, Tony"``);
* a first heading with an ISO date before the title (``# 2017-04-12 Press conference at Seoul``);
* labels as headings on their own line, the text below (``### Audrey Tang:``);
* stage notes as block quotes (``> (Jun speaks)``) and Markdown escapes (``\\[laughs\\]``).

:func:`prepare` turns those lines into the plain layout the speaker reader knows and returns
what the markup said; :class:`NameIndex` finds the full name behind a label that prints less of
it ("MS. JEAN-PIERRE" → "Karine Jean-Pierre", "THE PRESIDENT" → "Biden" of "Remarks by
President Biden") in the title, the front matter and the header lines. Everything is one pass
over the lines with bounded regexes.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .datelines import date_line
from .header import Header, Line, one_spaced, place_like

_FENCES = {"---": "yaml", "+++": "toml"}
_MAX_MATTER_LINES = 200
# The value starts at a non-blank: "[ \t]+(.*)$" tried every split of a run of blanks against
# a line end it could not reach (quadratic in the run).
_YAML_KEY = re.compile(
    r"^(?P<key>[A-Za-z_][\w\-]{0,60})[ \t]*:(?:[ \t]+(?P<value>[^ \t\n].*))?[ \t]*$"
)
_TOML_KEY = re.compile(
    r"^(?P<key>[A-Za-z_][\w\-]{0,60})[ \t]*=[ \t]*(?P<value>(?:[^ \t\n].*)?)$"
)
_YAML_ITEM = re.compile(r"^[ \t]*-[ \t]+(?P<value>.*)$")
_YAML_ESCAPES = {
    "_": "\u00a0", " ": " ", '"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "N": "\x85",
    "0": "",
}  # fmt: skip
_YAML_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)")
_HEADING = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>[^\n]*?)[ \t#]*$")
_ISO_START = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[ \t]*[-–—:|][ \t]*|[ \t]+)(?P<rest>.+)$")
_QUOTE = re.compile(r"^>[ \t]?")
#: An inline HTML tag inside Markdown text ("<b>", "</em>", "<br/>", "<a href=\"…\">"); not
#: angle brackets of another kind ("Vector<int>").
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|br|code|em|font|i|img|mark|s|small|span|strong|sub|sup|u)"
    r"(?:[ \t][^<>\n]*)?/?>",
    re.IGNORECASE,
)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
# A label's colon may be the full-width one of CJK text ("### Audrey Tang：").
# "**Name:**" and "**Name**:" (the colon outside the bold, as many exports print it).
_BOLD_LABEL = re.compile(r"^\*\*(?P<label>[^*\n]{1,120}?)(?:[:：]\*\*|\*\*[:：])[ \t]*")
_LABEL_HEADING = re.compile(r"^[^\W\d_][\w.'’\- ]{0,118}[:：]$")
_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# Front-matter keys that hold the person speaking, and the role each names.
_PERSON_KEYS = {
    "prime_minister": "Prime Minister", "president": "President", "speaker": None,
    "author": None, "interviewee": None, "minister": "Minister", "governor": "Governor",
    "premier": "Premier", "chancellor": "Chancellor", "mayor": "Mayor",
}  # fmt: skip
#: Labels that print a role by its abbreviation.
_ROLE_ABBREVIATIONS = {"pm": "prime minister", "dpm": "deputy prime minister"}
_HONORIFICS = {"mr", "ms", "mrs", "miss", "dr", "the", "sir", "dame", "hon", "prof", "senator"}
@dataclass
class Markup:
    """What the Markdown markup and front matter give."""

    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    #: People the front matter names as speaking: (role or None, full name).
    people: list[tuple[str | None, str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    #: Lines that the markup itself makes labels ("### Narrator:", "**Narrator:**").
    label_lines: set[int] = field(default_factory=set)


# --- front matter ------------------------------------------------------------------------


def _unquote_double(text: str) -> str:
    def escape(found: re.Match[str]) -> str:
        code = found.group(1)
        if code.startswith("u") and len(code) == 5:
            return chr(int(code[1:], 16))
        return _YAML_ESCAPES.get(code, code)

    return _YAML_ESCAPE.sub(escape, text)


def _scalar(raw: str) -> str:
    """A YAML or TOML scalar as text: quotes removed, escapes of double quotes applied."""
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return _unquote_double(value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if " #" in value:
        value = value[: value.index(" #")].rstrip()
    return value


def _folded(first: str, more: Sequence[str]) -> str:
    """A value continued on indented lines, folded as YAML folds it.

    In a double-quoted value a line ending in a backslash continues without a space, and the
    next line's leading blanks are dropped (an escaped blank, "\\ ", is kept).
    """
    if not more:
        return first
    parts = [first]
    for line in more:
        if parts[-1].endswith("\\") and not parts[-1].endswith("\\\\"):
            parts[-1] = parts[-1][:-1] + line.lstrip(" \t")
        else:
            parts.append(line.strip(" \t"))
    return " ".join(parts)


def _list_value(raw: str) -> list[str]:
    inner = raw.strip()
    if inner.startswith("[") and inner.endswith("]"):
        return [_scalar(item) for item in inner[1:-1].split(",") if item.strip()]
    return [_scalar(inner)] if inner else []


def _matter_fields(body: Sequence[str], toml: bool) -> dict[str, list[str]]:
    """key → its values (a scalar is a list of one) of simple front matter."""
    fields: dict[str, list[str]] = {}
    key: str | None = None
    first = ""
    more: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if key is None:
            return
        if items:
            fields[key] = items
        elif first.lstrip().startswith("["):
            fields[key] = _list_value(_folded(first, more))
        else:
            fields[key] = [_scalar(_folded(first, more))]

    for raw in body:
        found = (_TOML_KEY if toml else _YAML_KEY).match(raw)
        if found:
            flush()
            key, first, more, items = found.group("key").casefold(), found["value"] or "", [], []
            continue
        item = _YAML_ITEM.match(raw) if not toml else None
        if key is not None and item and not first.strip():
            items = [*items, _scalar(item.group("value"))]
        elif key is not None and raw and not raw.startswith("#"):
            more.append(raw)  # the reader strips lines: what is not a key continues the value
    flush()
    return fields


def _person_name(value: str) -> str:
    """ "Abbott, Tony" → "Tony Abbott"; other names as printed."""
    value = one_spaced(value)
    surname, comma, given = value.partition(", ")
    if comma and given and " " not in surname.strip() and "," not in given:
        return f"{given} {surname}"
    return value


def _apply_matter(markup: Markup, fields: dict[str, list[str]]) -> None:
    def first(*keys: str) -> str | None:
        for key in keys:
            values = [v for v in fields.get(key, []) if v.strip()]
            if values:
                return values[0]
        return None

    title = first("title")
    markup.title = _title_text(title) if title else None
    date = first("date", "published", "published_time", "publication_date")
    markup.date = date_line(date[:10]) if date else None
    url = first("source_url", "url", "source", "link", "canonical_url")
    if url and url.startswith(("http://", "https://")) and " " not in url:
        markup.url = url
    markup.tags = [one_spaced(t) for t in fields.get("tags", []) if t.strip()]
    for key, role in _PERSON_KEYS.items():
        for value in fields.get(key, []):
            if value.strip():
                markup.people.append((role, _person_name(value)))
    markup.texts.extend(v for values in fields.values() for v in values)


# --- lines -------------------------------------------------------------------------------


def _front_matter_end(lines: Sequence[Line]) -> tuple[int, str] | None:
    """(index of the closing fence, kind) when the input opens with front matter."""
    if not lines or lines[0].text not in _FENCES:
        return None
    fence = lines[0].text
    for index in range(1, min(len(lines), _MAX_MATTER_LINES)):
        if lines[index].text == fence:
            return index, _FENCES[fence]
    return None


def _heading(markup: Markup, line: Line) -> str:
    """The plain line a heading stands for ("" when it is the title heading)."""
    found = _HEADING.match(line.text)
    if found is None:
        return line.text
    content = _MD_ESCAPE.sub(r"\1", found.group("text"))
    if _LABEL_HEADING.match(content) and len(content.split()) <= 8:
        markup.label_lines.add(line.number)
        return content[:-1] + ":"
    if markup.title is None and len(found.group("marks")) <= 2:
        iso = _ISO_START.match(content)
        if iso and (date := date_line(iso.group("date"))) is not None:
            markup.date = markup.date or date
            markup.title = _title_text(iso.group("rest"))
        else:
            markup.title = _title_text(content)
        return ""
    return content


def _title_text(text: str) -> str | None:
    """A title as a Markdown page shows it: inline HTML tags left out ("Town <b>Hall</b>")."""
    return one_spaced(_INLINE_TAG.sub("", text) if "<" in text else text) or None


def _plain(markup: Markup, line: Line) -> str:
    text = line.text
    if text.startswith("#"):
        return _heading(markup, line)
    if text.startswith(">"):
        text = _QUOTE.sub("", text, count=1)
    if text.startswith("**"):
        text, labels = _BOLD_LABEL.subn(r"\g<label>: ", text, count=1)
        if labels:
            markup.label_lines.add(line.number)
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text


def prepare(lines: Sequence[Line], markdown: bool) -> tuple[list[Line], Markup]:
    """The lines with front matter blanked and Markdown made plain; what the markup said.

    Headings, block quotes and escapes are rewritten only when ``markdown`` is true (a ``.md``
    origin or front matter), so plain text keeps every character as printed.
    """
    markup = Markup()
    out = list(lines)
    matter = _front_matter_end(lines)
    if matter is not None:
        end, kind = matter
        _apply_matter(markup, _matter_fields([ln.text for ln in lines[1:end]], kind == "toml"))
        for index in range(end + 1):
            out[index] = Line(lines[index].number, "")
        markdown = True
    if markdown:
        start = matter[0] + 1 if matter else 0
        for index in range(start, len(out)):
            text = out[index].text
            if (text and text[0] in "#>*\\") or "\\" in text:
                out[index] = Line(out[index].number, _plain(markup, out[index]).strip())
    return out, markup


def fill_header(header: Header, markup: Markup, origin: str) -> None:
    """Complete the header with what the markup gives: the front matter's title wins over the
    first header line (which then is the place, if it reads as one, or narrative), the front
    matter's date over a date in the text; an ISO date in the file name, then a date in the
    page's address, come last."""
    if markup.title:
        if header.title and header.title != markup.title:
            if header.place is None and place_like(header.title):
                header.place = header.title
            else:
                header.narrative.insert(0, header.title)
        header.title = markup.title
    header.url = header.url or markup.url
    header.date = markup.date or header.date or date_in_name(origin) or date_in_url(header.url)


_GENERIC_LABELS = re.compile(
    r"^(?:the )?(?:interviewers?|moderators?|callers?|remarks?)"
    r"(?: \d+)?$"
)


def generic_label(printed: str) -> bool:
    """Labels that name a part, not a person: "Interviewer", "MODERATOR", "CALLER"."""
    return _GENERIC_LABELS.match(printed.casefold().rstrip(".")) is not None


def is_markdown(origin: str) -> bool:
    """Whether the origin's name says Markdown."""
    return origin.casefold().endswith((".md", ".markdown"))


#: What stands around a date in a file name: brackets, dots, dashes, underscores, spaces.
_AROUND_DATE = " \t_.()[]-"
_UNDERSCORES = re.compile(r"_+")
_SECOND_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}")
_NAME_EDGES = " -_.,"


def title_in_name(origin: str) -> str | None:
    """The words of a file name that holds an ISO date, the date, what encloses it and the
    extension left out ("CNN Town Hall with Joe Biden - (2021-07-21) FULL.txt" → "CNN Town
    Hall with Joe Biden FULL"): such a name describes its file. None without a date or without
    words."""
    base = posixpath.basename(origin.replace("\\", "/"))
    found = _ISO_IN_NAME.search(base)
    if found is None:
        return None
    stem = base.rsplit(".", 1)[0] if "." in base[found.end() :] else base
    before, after = stem[: found.start()], stem[found.end() :]
    if _SECOND_EXTENSION.fullmatch(after):
        after = ""  # "1960-09-26.said.txt": a second extension, no words of a title
    words = f"{before.rstrip(_AROUND_DATE)} {after.lstrip(_AROUND_DATE)}"
    words = _UNDERSCORES.sub(" ", words).strip(_NAME_EDGES)
    words = one_spaced(words) if words else ""
    return words if any(c.isalpha() for c in words) else None


#: A date in a page's address: ".../2015/04/11/weekly-address-…", ".../2015-04-11-…".
_DATE_IN_URL = re.compile(r"/(\d{4})[/-](\d{2})[/-](\d{2})(?=[/-])")


def date_in_url(url: str | None) -> dt.date | None:
    """The date a page's address holds (the White House's, most news sites'), the last
    resort of a page whose text prints none where the reader looks."""
    return _day_of(_DATE_IN_URL.search(url) if url else None)


def date_in_name(origin: str) -> dt.date | None:
    """An ISO date in the file name of ``origin`` (its basename only)."""
    return _day_of(_ISO_IN_NAME.search(posixpath.basename(origin.replace("\\", "/"))))


def _day_of(found: re.Match[str] | None) -> dt.date | None:
    """The day of a match whose groups are its year, month and day; None for none, or for a
    day the calendar lacks."""
    if found is None:
        return None
    try:
        return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


# --- names -------------------------------------------------------------------------------

_NAME_TOKEN = re.compile(r"[^\s,;:()\"“”|]+")
_NAME_BREAKS = re.compile(r"[,;:()|]")
#: Characters that print nothing, which copied titles carry inside words ("Jen Psaki\ufffc"
#: where the page had an image, "COVID-\u206019").
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\ufffc"))
_NAME_WORD = re.compile(r"^[A-Z][\w'’\-]*$")
_NOT_GIVEN = {"the", "and", "of", "for", "by", "with", "on", "at", "to", "in",
              # German offices' abbreviations ("begrüßt StS Seibert")
              "sts", "srs", "vors", "bm", "meine", "die", "der", "das",
              "i'm", "i’m"}  # fmt: skip
_TITLE_ROLES = (
    "president", "minister", "secretary", "governor", "senator", "mayor", "premier", "lady",
    "gentleman",
)  # fmt: skip
#: Roles of two words whose second word is in _TITLE_ROLES.
_TWO_WORD_ROLES = {
    ("vice", "president"): "vice president",
    ("first", "lady"): "first lady",
    ("second", "lady"): "second lady",
    ("second", "gentleman"): "second gentleman",
    ("prime", "minister"): "prime minister",
}


def _words(text: str) -> list[str]:
    return [w.strip(".,").casefold() for w in text.split()]


class NameIndex:
    """Full names printed in the title, front matter and header lines, by surname and role.

    Built in one pass over those texts: every capitalised word preceded by one or two
    capitalised words that are no title ("Coordinator Mitch Landrieu" → "Mitch Landrieu") is a
    full name under its last word.
    """

    def __init__(
        self,
        title: str | None,
        markup: Markup,
        header_texts: Iterable[str],
        offices: dict[str, str] | None = None,
    ) -> None:
        self.by_surname: dict[str, set[str]] = {}
        #: role → its holder; ``offices`` first (the publisher's own office holders on the
        #: transcript's date), then the front matter's people, then the roles the title names
        self.by_role: dict[str, str] = dict(offices or {})
        for role, name in markup.people:
            self._add(name.split())
            if role:
                self.by_role.setdefault(role.casefold(), name)
        for text in (title or "", markup.title or "", *markup.texts, *header_texts):
            self._scan(text)
        for text in (title or "", markup.title or ""):
            self._roles_in_title(text)

    def _add(self, words: Sequence[str]) -> None:
        if len(words) >= 2:
            self.by_surname.setdefault(words[-1].casefold(), set()).add(" ".join(words))

    def _scan(self, text: str) -> None:
        # A name never spans a comma or a bracket: "Representatives Markey, Blumenauer, Inslee"
        # lists three surnames, not "Blumenauer Inslee".
        for part in _NAME_BREAKS.split(text.replace("\u00a0", " ").translate(_INVISIBLE)):
            self._scan_part(_NAME_TOKEN.findall(part))

    def _scan_part(self, tokens: list[str]) -> None:
        for index, token in enumerate(tokens):
            if not _NAME_WORD.match(token) or _is_role_word(token):
                continue
            start = index
            while start > max(index - 2, 0) and _is_given_name(tokens[start - 1]):
                start -= 1
            # "Secretary of Commerce Gina Raimondo", "for Strategic Communications John Kirby":
            # three words after "of" or in a longer capitalised run start with an office's
            # words, not with a given name
            if index - start == 2 and start > 0 and _office_before(tokens[start - 1]):
                start += 1
            if start < index:
                self._add(tokens[start : index + 1])

    def _roles_in_title(self, title: str) -> None:
        """ "Remarks by President Biden" → the president is Biden (or his full name), "Vice
        President Harris" → the vice president is Harris; a title that names two people of one
        role ("President Biden and President Zelenskyy") names neither: "THE PRESIDENT" stays a
        role. A surname takes the full name printed elsewhere unless another role of the title
        prints that full name ("President Biden and First Lady Jill Biden")."""
        words = title.replace("\u00a0", " ").split()
        named: list[tuple[str, list[str]]] = []
        for index, word in enumerate(words[:-1]):
            role = word.casefold()
            if role not in _TITLE_ROLES:
                continue
            before = words[index - 1].casefold() if index else ""
            role = _TWO_WORD_ROLES.get((before, role), role)
            run = _name_run(words, index + 1)
            if run:
                named.append((role, run))
        printed_in_full = {" ".join(run) for _role, run in named if len(run) > 1}
        found: dict[str, set[str]] = {}
        for role, run in named:
            full = self.full(run[0]) if len(run) == 1 else None
            name = " ".join(run) if full is None or full in printed_in_full else full
            found.setdefault(role, set()).add(name)
        for role, names in found.items():
            if len(names) == 1 and role not in self.by_role:
                self.by_role[role] = next(iter(names))

    def full(self, surname: str) -> str | None:
        """The one full name printed with this surname, if exactly one is."""
        found = self.by_surname.get(surname.casefold())
        return next(iter(found)) if found and len(found) == 1 else None

    def resolve(self, printed: str, role: str | None, name: str | None) -> str | None:
        """The full name a label stands for, or None when the header does not print one."""
        words = [w for w in _words(name or printed) if w not in _HONORIFICS]
        holder = self.by_role.get(_role_key(role)) if role is not None and name else None
        if holder is not None and words and _words(holder)[-1] == words[-1]:
            return holder  # "PRESIDENT BIDEN" and the president of the day is Joe Biden
        if len(words) == 1 and (found := self.full(words[0])):
            return found
        if name is not None and (role is not None or len(words) != 1):
            return None  # "PRESIDENT BIDEN" prints its name: the role says nothing more
        return self.by_role.get(_role_key(role or printed))


def _role_key(role: str) -> str:
    """ "THE VICE PRESIDENT" → "vice president", "PM" → "prime minister", "PRIME MINISTER -
    RECORDING" → "prime minister"."""
    wanted = " ".join(w for w in _words(role.partition(" - ")[0]) if w not in _HONORIFICS)
    return _ROLE_ABBREVIATIONS.get(wanted, wanted)


#: Words that end a name run in a title ("President Biden In Press Conference").
_RUN_STOPS = {"and", "at", "on", "to", "in", "for", "before", "during", "with", "upon", "after",
              "from", "of", "the", "by", "as"}  # fmt: skip
#: At most this many words of a name after a role in a title ("First Lady Jill Biden").
_MAX_RUN = 3


def _name_run(words: Sequence[str], start: int) -> list[str]:
    """The capitalised words of a name from ``words[start]`` on, up to punctuation, a role
    word or a preposition."""
    run: list[str] = []
    for word in words[start : start + _MAX_RUN]:
        bare = word.strip(",.:;")
        if not _NAME_WORD.match(bare) or _is_role_word(bare) or bare.casefold() in _RUN_STOPS:
            break
        run.append(bare)
        if bare != word:
            break
    return run


def _is_role_word(token: str) -> bool:
    return token.casefold().rstrip(".") in ROLE_WORDS


def _office_before(token: str) -> bool:
    """Whether ``token``, just before three capitalised words, makes the first of them part of
    an office: a preposition, "the" ("Secretary of the Interior Deb Haaland") or another
    capitalised word."""
    return token.casefold() in ("of", "for", "the") or _NAME_WORD.match(token) is not None


def _is_given_name(token: str) -> bool:
    folded = token.casefold().rstrip(".")
    return (
        _NAME_WORD.match(token) is not None
        and not (len(token) > 1 and token.isupper())  # "APNSA Jake Sullivan"
        and folded not in ROLE_WORDS
        and folded not in _HONORIFICS
        and folded not in _NOT_GIVEN
    )


#: Words of a role or of a page's kind that stand before a name, never in it.
ROLE_WORDS = {
    "president", "vice", "first", "lady", "second", "gentleman", "prime", "minister", "secretary",
    "governor", "senator", "mayor", "the", "deputy", "press", "coordinator", "director", "adviser",
    "advisor", "chancellor", "premier", "ambassador", "general", "chief", "spokesperson",
    "representative", "chairman", "chair", "surgeon", "attorney", "treasurer", "leader",
    "opposition", "member", "interview", "transcript", "remarks", "briefing", "conference",
    "doorstop", "statement", "address", "speech", "joint", "conversation", "house", "white",
    "office", "department", "government", "committee",
    # German, French, Spanish and Italian offices ("Bundespräsident Johannes Rau")
    "bundespräsident", "bundespräsidentin", "bundeskanzler", "bundeskanzlerin", "kanzler",
    "kanzlerin", "vizekanzler", "vizekanzlerin", "bundesminister", "bundesministerin",
    "ministerin", "ministerpräsident", "ministerpräsidentin", "staatsminister",
    "staatsministerin", "bundestagspräsident", "bundestagspräsidentin", "präsident",
    "präsidentin", "bürgermeister", "bürgermeisterin", "regierender", "président",
    "présidente", "ministre", "presidente", "presidenta", "ministro", "ministra", "primer",
    "primera", "gobierno", "république", "república", "repubblica", "consiglio",
    # and as German prints them after "des" ("Rede des Bundespräsidenten Frank-Walter …")
    "bundespräsidenten", "bundeskanzlers", "bundesministers", "präsidenten", "ministers",
    "ministerpräsidenten", "bundestagspräsidenten", "staatsministers", "bürgermeisters",
    "kanzlers", "vizekanzlers",
}  # fmt: skip
