"""Constrained string and time types shared by the model.

The constraints are written as regular expressions that mean the same thing in the three engines
that check them: pydantic-core (Rust ``regex``), Python ``re`` (``jsonschema``) and ECMA-262 (ajv).
That is why whitespace is spelled out as an explicit class instead of ``\\s``, whose meaning
differs between the engines, and why only ``\\uXXXX`` escapes are used.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

# Characters XML 1.0 cannot carry (lone surrogates are rejected by pydantic itself), plus the
# characters that break a line: a paragraph is one line in the text format.
_FORBIDDEN = r"\u0000-\u0008\u000A-\u001F\u0085\u2028\u2029\uFFFE\uFFFF"
# Unicode White_Space plus U+FEFF, which must not begin or end a value.
_SPACE = r"\u0009\u0020\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF"
_SOLID = f"[^{_FORBIDDEN}{_SPACE}]"
_ANY = f"[^{_FORBIDDEN}]"

#: One line of text: no line breaks, no characters XML cannot carry, no leading or trailing space.
LINE_PATTERN = f"^{_SOLID}(?:{_ANY}*{_SOLID})?$"
#: A name or title: words separated by single ordinary spaces (XML "normalised space").
NAME_PATTERN = f"^{_SOLID}+(?: {_SOLID}+)*$"

# XML NCName characters of the Basic Multilingual Plane, without "." so that ids a writer
# derives by appending ".u1" can never collide with an id of the model.
_ID_START = (
    r"A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D"
    r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
)
_ID_REST = _ID_START + r"\-0-9\u00B7\u0300-\u036F\u203F\u2040"
#: An identifier: an XML NCName without "." (so it is also a valid xml:id and AKN eId).
ID_PATTERN = f"^[{_ID_START}][{_ID_REST}]*$"
#: A BCP 47 language tag, simplified: primary language subtag plus optional subtags.
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"
#: An absolute http(s) URL without whitespace.
URL_PATTERN = r"^https?://[^\u0000-\u0020\u007F\u0085\u00A0\u2028\u2029\uFFFE\uFFFF]+$"
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
