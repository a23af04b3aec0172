"""Constrained string and time types shared by the model.

The constraints are written as regular expressions that mean the same thing in the three engines
that check them: pydantic-core (Rust ``regex``), Python ``re`` (``jsonschema``) and ECMA-262 (ajv).
That is why whitespace is spelled out as an explicit class instead of ``\\s``, whose meaning
differs between the engines, and why only ``\\uXXXX`` escapes are used.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, NoReturn, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

# Characters XML 1.0 cannot carry (lone surrogates are rejected by pydantic itself), plus the
# characters that break a line: a paragraph is one line in the text format.
#: The kinds of turn, in the order the model lists them (``model.TURN_KINDS``); here so that
#: errors.py can tell a turn's kind in an error location without importing the model.
TURN_KIND_NAMES = ("speech", "narrative", "stage", "heading", "omission", "break")
#: The tags of the items of a speech (a text, a paragraph with events, an event); a step of
#: pydantic's error locations that the JSON path has not.
BLOCK_TAGS = ("text", "paragraph", "event")

_FORBIDDEN = r"\u0000-\u0008\u000A-\u001F\u0085\u2028\u2029\uFFFE\uFFFF"
#: The characters no text of a transcript may hold, as the inside of a regex class.
FORBIDDEN_CHARACTERS = _FORBIDDEN
# Unicode White_Space plus U+FEFF, which must not begin or end a value.
_SPACE = r"\u0009\u0020\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF"
#: The characters of ``_SPACE``, one by one: no value starts or ends with one.
SPACE_CHARACTERS = "\t \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + (
    "\u202f\u205f\u3000\ufeff"
)
_SOLID = f"[^{_FORBIDDEN}{_SPACE}]"
_ANY = f"[^{_FORBIDDEN}]"

#: The bidirectional embedding, override and isolate controls and the pops that end them
#: (U+202A-U+202E, U+2066-U+2069). They reorder the characters after them on screen, so a name
#: holding one can display as a different name ("Trojan Source" spoofing: a label that reads
#: "Putin" while its characters say otherwise), and a pop can end an embedding opened outside
#: the name. Names refuse them. The marks U+200E, U+200F and U+061C (LRM, RLM, ALM) stay
#: allowed: they only set the direction of the neutral characters next to them, cannot reorder
#: letters, and real Arabic and Hebrew names and titles carry them. Ids cannot hold any of these
#: (they are not XML name characters); running text (Line) keeps them, as published pages do.
BIDI_CONTROLS = r"\u202A-\u202E\u2066-\u2069"
_NAME_SOLID = f"[^{_FORBIDDEN}{_SPACE}{BIDI_CONTROLS}]"

#: One line of text: no line breaks, no characters XML cannot carry, no leading or trailing space.
LINE_PATTERN = f"^{_SOLID}(?:{_ANY}*{_SOLID})?$"
#: A name or title: words separated by single ordinary spaces (XML "normalised space"), without
#: bidirectional embedding, override or isolate controls.
NAME_PATTERN = f"^{_NAME_SOLID}+(?: {_NAME_SOLID}+)*$"

# XML NCName characters of the Basic Multilingual Plane, without "." so that ids a writer
# derives by appending ".u1" can never collide with an id of the model, and only those of the
# XML 1.0 4th edition's tables: libxml2 (lxml, xmllint) and Xerces (jing) still refuse the
# 5th edition's newer name characters in xml:id and xsd:ID values. Written out by
# scripts/derive_id_characters.py; tests/test_model.py checks them against libxml2.
_ID_START = (
    r"\u0041-\u005A\u005F\u0061-\u007A\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u0131\u0134-\u013E"
    r"\u0141-\u0148\u014A-\u017E\u0180-\u01C3\u01CD-\u01F0\u01F4-\u01F5\u01FA-\u0217"
    r"\u0250-\u02A8\u02BB-\u02C1\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03CE"
    r"\u03D0-\u03D6\u03DA\u03DC\u03DE\u03E0\u03E2-\u03F3\u0401-\u040C\u040E-\u044F"
    r"\u0451-\u045C\u045E-\u0481\u0490-\u04C4\u04C7-\u04C8\u04CB-\u04CC\u04D0-\u04EB"
    r"\u04EE-\u04F5\u04F8-\u04F9\u0531-\u0556\u0559\u0561-\u0586\u05D0-\u05EA\u05F0-\u05F2"
    r"\u0621-\u063A\u0641-\u064A\u0671-\u06B7\u06BA-\u06BE\u06C0-\u06CE\u06D0-\u06D3\u06D5"
    r"\u06E5-\u06E6\u0905-\u0939\u093D\u0958-\u0961\u0985-\u098C\u098F-\u0990\u0993-\u09A8"
    r"\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09DC-\u09DD\u09DF-\u09E1\u09F0-\u09F1\u0A05-\u0A0A"
    r"\u0A0F-\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32-\u0A33\u0A35-\u0A36\u0A38-\u0A39"
    r"\u0A59-\u0A5C\u0A5E\u0A72-\u0A74\u0A85-\u0A8B\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8"
    r"\u0AAA-\u0AB0\u0AB2-\u0AB3\u0AB5-\u0AB9\u0ABD\u0AE0\u0B05-\u0B0C\u0B0F-\u0B10"
    r"\u0B13-\u0B28\u0B2A-\u0B30\u0B32-\u0B33\u0B36-\u0B39\u0B3D\u0B5C-\u0B5D\u0B5F-\u0B61"
    r"\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99-\u0B9A\u0B9C\u0B9E-\u0B9F\u0BA3-\u0BA4"
    r"\u0BA8-\u0BAA\u0BAE-\u0BB5\u0BB7-\u0BB9\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28"
    r"\u0C2A-\u0C33\u0C35-\u0C39\u0C60-\u0C61\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8"
    r"\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CDE\u0CE0-\u0CE1\u0D05-\u0D0C\u0D0E-\u0D10\u0D12-\u0D28"
    r"\u0D2A-\u0D39\u0D60-\u0D61\u0E01-\u0E2E\u0E30\u0E32-\u0E33\u0E40-\u0E45\u0E81-\u0E82"
    r"\u0E84\u0E87-\u0E88\u0E8A\u0E8D\u0E94-\u0E97\u0E99-\u0E9F\u0EA1-\u0EA3\u0EA5\u0EA7"
    r"\u0EAA-\u0EAB\u0EAD-\u0EAE\u0EB0\u0EB2-\u0EB3\u0EBD\u0EC0-\u0EC4\u0F40-\u0F47"
    r"\u0F49-\u0F69\u10A0-\u10C5\u10D0-\u10F6\u1100\u1102-\u1103\u1105-\u1107\u1109"
    r"\u110B-\u110C\u110E-\u1112\u113C\u113E\u1140\u114C\u114E\u1150\u1154-\u1155\u1159"
    r"\u115F-\u1161\u1163\u1165\u1167\u1169\u116D-\u116E\u1172-\u1173\u1175\u119E\u11A8"
    r"\u11AB\u11AE-\u11AF\u11B7-\u11B8\u11BA\u11BC-\u11C2\u11EB\u11F0\u11F9\u1E00-\u1E9B"
    r"\u1EA0-\u1EF9\u1F00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59"
    r"\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC"
    r"\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2126\u212A-\u212B"
    r"\u212E\u2180-\u2182\u3007\u3021-\u3029\u3041-\u3094\u30A1-\u30FA\u3105-\u312C"
    r"\u4E00-\u9FA5\uAC00-\uD7A3"
)
_ID_REST_ONLY = (
    r"\u002D\u0030-\u0039\u00B7\u02D0-\u02D1\u0300-\u0345\u0360-\u0361\u0387\u0483-\u0486"
    r"\u0591-\u05A1\u05A3-\u05B9\u05BB-\u05BD\u05BF\u05C1-\u05C2\u05C4\u0640\u064B-\u0652"
    r"\u0660-\u0669\u0670\u06D6-\u06E4\u06E7-\u06E8\u06EA-\u06ED\u06F0-\u06F9\u0901-\u0903"
    r"\u093C\u093E-\u094D\u0951-\u0954\u0962-\u0963\u0966-\u096F\u0981-\u0983\u09BC"
    r"\u09BE-\u09C4\u09C7-\u09C8\u09CB-\u09CD\u09D7\u09E2-\u09E3\u09E6-\u09EF\u0A02\u0A3C"
    r"\u0A3E-\u0A42\u0A47-\u0A48\u0A4B-\u0A4D\u0A66-\u0A71\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5"
    r"\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE6-\u0AEF\u0B01-\u0B03\u0B3C\u0B3E-\u0B43\u0B47-\u0B48"
    r"\u0B4B-\u0B4D\u0B56-\u0B57\u0B66-\u0B6F\u0B82-\u0B83\u0BBE-\u0BC2\u0BC6-\u0BC8"
    r"\u0BCA-\u0BCD\u0BD7\u0BE7-\u0BEF\u0C01-\u0C03\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D"
    r"\u0C55-\u0C56\u0C66-\u0C6F\u0C82-\u0C83\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD"
    r"\u0CD5-\u0CD6\u0CE6-\u0CEF\u0D02-\u0D03\u0D3E-\u0D43\u0D46-\u0D48\u0D4A-\u0D4D\u0D57"
    r"\u0D66-\u0D6F\u0E31\u0E34-\u0E3A\u0E46-\u0E4E\u0E50-\u0E59\u0EB1\u0EB4-\u0EB9"
    r"\u0EBB-\u0EBC\u0EC6\u0EC8-\u0ECD\u0ED0-\u0ED9\u0F18-\u0F19\u0F20-\u0F29\u0F35\u0F37"
    r"\u0F39\u0F3E-\u0F3F\u0F71-\u0F84\u0F86-\u0F8B\u0F90-\u0F95\u0F97\u0F99-\u0FAD"
    r"\u0FB1-\u0FB7\u0FB9\u20D0-\u20DC\u20E1\u3005\u302A-\u302F\u3031-\u3035\u3099-\u309A"
    r"\u309D-\u309E\u30FC-\u30FE"
)
_ID_REST = _ID_START + _ID_REST_ONLY
#: An identifier: an XML NCName without "." (so it is also a valid xml:id and AKN eId).
ID_PATTERN = f"^[{_ID_START}][{_ID_REST}]*$"
#: The characters of an identifier as regular-expression classes: the first, and any other.
ID_START_CHARACTERS = f"[{_ID_START}]"
ID_CHARACTERS = f"[{_ID_REST}]"
#: A BCP 47 language tag, simplified: primary language subtag plus optional subtags.
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"
# URL characters: no whitespace or control characters; "%" only in an escape such as "%20",
# brackets only around an IPv6 host, "#" only once: what libxml2 (and so xmllint, lxml and our
# own validators) accepts as an xs:anyURI, which TEI and Akoma Ntoso attributes need.
#: The characters no URL holds anywhere, as the inside of a regex class.
URL_NEVER = r"\u0000-\u0020\u007F\u0085\u00A0\u2028\u2029\uFFFE\uFFFF"
_URL_BANNED = URL_NEVER + r"%\[\]#"
_URL_CHAR = f"(?:[^{_URL_BANNED}]|%[0-9A-Fa-f]{{2}})"
_HOST_CHAR = f"(?:[^{_URL_BANNED}/?@:]|%[0-9A-Fa-f]{{2}})"
_USER_INFO = f"(?:(?:{_HOST_CHAR}|:)*@)?"
_HOST = rf"(?:\[[0-9A-Fa-f:.]+\]|{_HOST_CHAR}+)(?::[0-9]+)?"
#: An absolute http(s) URL that XML tools accept as an xs:anyURI (tests/test_model.py checks
#: this against libxml2).
URL_PATTERN = f"^https?://{_USER_INFO}{_HOST}(?:[/?]{_URL_CHAR}*)?(?:#{_URL_CHAR}*)?$"
#: A fixed UTC offset, as XML dateTime values need it.
UTC_OFFSET_PATTERN = r"^[+-](?:0[0-9]|1[0-4]):[0-5][0-9]$"
_TIME_PATTERN = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$"
_DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$"

Line = Annotated[str, Field(pattern=LINE_PATTERN)]
Name = Annotated[str, Field(pattern=NAME_PATTERN)]
Identifier = Annotated[str, Field(pattern=ID_PATTERN)]
LanguageTag = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]
Url = Annotated[str, Field(pattern=URL_PATTERN)]
UtcOffset = Annotated[str, Field(pattern=UTC_OFFSET_PATTERN)]


def _iso_string_only(value: object) -> object:
    # Lax pydantic would take a number as a Unix timestamp; a transcript file never means that.
    if isinstance(value, (int, float, bool)):
        raise ValueError("expected an ISO 8601 string, not a number")
    return value


def _whole_seconds_local_time(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError("time must be local, without a UTC offset (put the offset in utc_offset)")
    if value.microsecond:
        raise ValueError("time must be given to the second at most")
    return value


def _whole_seconds_local_datetime(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is not None:
        raise ValueError(
            "date-time must be local, without a UTC offset (the event's utc_offset applies)"
        )
    if value.microsecond:
        raise ValueError("date-time must be given to the second at most")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_string_only)]

#: A date known to the year, the month or the day: "1958", "1996-11", "1996-11-28". Birth
#: dates and the start and end of affiliations are often recorded only to the year.
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"


def _real_day(value: str) -> str:
    if len(value) == 10:
        dt.date.fromisoformat(value)  # the pattern lets "2023-02-30" through; the calendar not
    return value


PartialDate = Annotated[str, Field(pattern=PARTIAL_DATE_PATTERN), AfterValidator(_real_day)]
LocalTime = Annotated[
    dt.time,
    BeforeValidator(_iso_string_only),
    AfterValidator(_whole_seconds_local_time),
    WithJsonSchema({"type": "string", "pattern": _TIME_PATTERN}),
]
LocalDateTime = Annotated[
    dt.datetime,
    BeforeValidator(_iso_string_only),
    AfterValidator(_whole_seconds_local_datetime),
    WithJsonSchema({"type": "string", "pattern": _DATETIME_PATTERN}),
]


_T = TypeVar("_T")


class FrozenList(list[_T]):
    """A list that refuses to change: the lists inside a transcript (turns, participants,
    paragraphs, tags).

    Models are frozen so that every rule, the cross-field ones included, holds for as long as a
    transcript exists; a list that could be changed in place (``t.turns[0] = ...``,
    ``t.participants.append(...)``) would go around them. It stays a ``list`` (equal to one,
    serialised as one, ``isinstance(x, list)``) so that reading code is unchanged. Build the
    changed list and pass it to ``model_copy(update=...)``, which validates again.
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(
            "the lists of a transcript cannot be changed in place; build a new list and use "
            "model_copy(update={...}), which checks every rule again"
        )

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __hash__(self) -> int:  # type: ignore[override]
        # Frozen models hash their fields; a list that cannot change can be hashed.
        return hash(tuple(self))

    def __reduce__(self) -> tuple[type[FrozenList[_T]], tuple[list[_T]]]:
        # copy, deepcopy and pickle rebuild through the constructor, not append/extend.
        return (type(self), (list(self),))

    def __copy__(self) -> FrozenList[_T]:
        return self


def _frozen(value: list[_T]) -> FrozenList[_T]:
    return FrozenList(value)


#: Marks a list field of the model as a :class:`FrozenList` once validated.
Frozen = AfterValidator(_frozen)
