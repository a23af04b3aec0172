"""Hypothesis strategies for valid transcripts of every shape the model allows.

Shared by every format's tests: a format's round trip must hold for all of them. Text is drawn
from all of Unicode that the model accepts (not just letters), with typography and editorial
marks mixed in, so that escaping bugs in writers show up.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import strategies as st

from transcript_model import types
from transcript_model.model import Transcript

_LINE = re.compile(types.LINE_PATTERN)
_NAME = re.compile(types.NAME_PATTERN)
_SPACES = "\t \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000\ufeff"
_BREAKS = "\n\r\u0085\u2028\u2029"
_FORBIDDEN = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"

#: Characters a value may hold: every code point but surrogates, line breaks and what XML forbids.
characters = st.characters(exclude_categories=("Cs",), exclude_characters=_FORBIDDEN + _BREAKS)
_TYPOGRAPHY = st.sampled_from(
    ["–", "—", "’", "“", "”", "«", "»", "…", "[we]", "<…>", "(Applause.)", ": ", "&", "<b>",
     "]]>", "\"", "'", "Mr Putin:", "* * *", "\u00a0", "\t", "  ", "\u0301", "😀", "𝔘"]
)  # fmt: skip
_WORD_TEXT = st.text(characters, min_size=1, max_size=12)


@st.composite
def lines(draw: st.DrawFn, max_pieces: int = 6) -> str:
    """One line of text as the model accepts it (a paragraph, a lead, a caption)."""
    pieces = draw(st.lists(st.one_of(_WORD_TEXT, _TYPOGRAPHY), min_size=1, max_size=max_pieces))
    text = "".join(pieces).strip(_SPACES)
    return text if _LINE.match(text) else "x"


@st.composite
def names(draw: st.DrawFn, max_words: int = 4) -> str:
    """A name or title: words separated by single spaces, without bidirectional controls."""
    words = draw(st.lists(_WORD_TEXT, min_size=1, max_size=max_words))
    cleaned = [re.sub(f"[{_SPACES}{types.BIDI_CONTROLS}]", "", w) for w in words]
    text = " ".join(w for w in cleaned if w)
    return text if _NAME.match(text) else "Name"


_ID_START = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_éßДжあ中")
_ID_REST = st.text(st.sampled_from("abcxyzXYZ0123456789-_éДж·"), max_size=12)
identifiers = st.builds(lambda a, b: a + b, _ID_START, _ID_REST)
languages = st.sampled_from(["en", "ru", "de", "sl", "pt-BR", "zh-Hant", "sr-Latn-RS"])
# URLs with every kind of character the model's URL rule lets through: escapes, a port, an
# IPv6 host, user info, quotes, braces, non-ASCII letters.
urls = st.builds(
    lambda scheme, rest: f"{scheme}://{rest}",
    st.sampled_from(["http", "https"]),
    st.one_of(
        st.text(st.sampled_from("abcxyz0123456789./-_?=&~"), min_size=1, max_size=30),
        st.text(st.sampled_from("ax09./-_?=&~@:;,!$()*+'\"<>{}|\\^`éж"), min_size=1, max_size=30),
        st.sampled_from(["[::1]:8080/x", "user:pw@host/", "a/%41%2f#top", "кремль.рф/путь?q"]),
    ),
).filter(lambda url: re.match(types.URL_PATTERN, url) is not None)
times = st.times().map(lambda t: t.replace(microsecond=0))
datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31)
).map(lambda d: d.replace(microsecond=0))
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
utc_offsets = st.builds(
    lambda sign, hours, minutes: f"{sign}{hours:02d}:{minutes:02d}",
    st.sampled_from("+-"),
    st.integers(0, 14),
    st.sampled_from([0, 30, 45]),
)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def participants(draw: st.DrawFn, max_size: int = 8) -> list[dict[str, Any]]:
    """Participants with unique ids; some role-only, some attending."""
    ids = draw(st.lists(identifiers, unique=True, max_size=max_size))
    people = []
    for pid in ids:
        name = draw(_optional(names()))
        role = draw(names()) if name is None else draw(_optional(names()))
        attending = name is not None and draw(st.booleans())
        people.append({"id": pid, "name": name, "role": role, "attending": attending})
    return people


@st.composite
def turns(draw: st.DrawFn, speaker_ids: list[str], max_size: int = 12) -> list[dict[str, Any]]:
    """Turns of every kind; speeches by known participants or under generic labels."""
    result: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, max_size))):
        kind = draw(st.sampled_from(["speech", "speech", "speech", "narrative", "stage",
                                     "heading", "omission", "break"]))  # fmt: skip
        if kind == "speech":
            speaker = (
                draw(st.sampled_from(speaker_ids)) if speaker_ids and draw(st.booleans()) else None
            )
            label = draw(names()) if speaker is None else draw(_optional(names()))
            result.append(
                {
                    "kind": "speech",
                    "speaker": speaker,
                    "label": label,
                    "role": draw(_optional(names())),
                    "paragraphs": draw(st.lists(lines(), min_size=1, max_size=4)),
                }
            )
        elif kind == "narrative":
            result.append(
                {"kind": kind, "paragraphs": draw(st.lists(lines(), min_size=1, max_size=3))}
            )
        elif kind in ("stage", "heading"):
            result.append({"kind": kind, "text": draw(lines())})
        else:
            default = "<…>" if kind == "omission" else "* * *"
            result.append({"kind": kind, "marker": draw(st.one_of(st.just(default), lines(2)))})
    return result


@st.composite
def metadata(draw: st.DrawFn) -> dict[str, Any]:
    """Publication metadata with every field sometimes filled."""
    tags = st.lists(names(), max_size=4)
    captions = []
    for _ in range(draw(st.integers(0, 3))):
        total = draw(st.integers(1, 20))
        captions.append(
            {"index": draw(st.integers(1, total)), "total": total, "text": draw(_optional(lines()))}
        )
    return {
        "source": {
            "url": draw(_optional(urls)),
            "publisher": draw(_optional(names())),
            "identifier": draw(_optional(names(1))),
        },
        "licence": draw(
            _optional(st.sampled_from(["CC-BY-4.0", "http://creativecommons.org/licenses/by/4.0/"]))
        ),
        "published": draw(_optional(datetimes)),
        "sections": draw(tags),
        "topics": draw(tags),
        "geography": draw(tags),
        "persons": draw(tags),
        "captions": captions,
        "see_also": draw(
            st.lists(
                st.builds(lambda t, u: {"title": t, "url": u}, lines(), _optional(urls)), max_size=3
            )
        ),
    }


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    """A valid transcript of any shape the model allows."""
    people = draw(participants())
    attending = any(p["attending"] for p in people)
    event = {
        "title": draw(names(8)),
        "lead": draw(_optional(lines())),
        "date": draw(dates),
        "time": draw(_optional(times)),
        "utc_offset": draw(_optional(utc_offsets)),
        "place": draw(_optional(names())),
        "attendees_intro": draw(lines()) if attending else draw(_optional(lines())),
    }
    return Transcript.model_validate(
        {
            "id": draw(identifiers),
            "language": draw(languages),
            "event": event,
            "participants": people,
            "turns": draw(turns([p["id"] for p in people])),
            "metadata": draw(metadata()),
        }
    )
