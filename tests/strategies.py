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


#: The parts of model 1.1 a strategy can draw, for :func:`transcripts` ``features``: people's
#: details and affiliations (with the organisations they need), the sitting, events inside
#: speeches, and the speaker's function and language.
PEOPLE, SITTING, INLINE, FUNCTION = "people", "sitting", "inline", "function"
MODEL_1_1 = frozenset({PEOPLE, SITTING, INLINE, FUNCTION})

partial_dates = st.one_of(
    dates.map(lambda d: d.isoformat()),
    dates.map(lambda d: d.isoformat()[:7]),
    dates.map(lambda d: d.isoformat()[:4]),
)
_ORGANISATION_KINDS = st.sampled_from(
    ["parliament", "chamber", "committee", "political_party", "parliamentary_group",
     "government", "ministry", "other"]
)  # fmt: skip
_ROLES = st.one_of(st.sampled_from(["member", "head", "deputyHead", "minister", "MP"]), names(2))
external_ids = st.builds(
    lambda scheme, uri: {"scheme": scheme, "uri": uri},
    _optional(st.sampled_from(["wikidata", "wikimedia", "parliament", "kremlin"])),
    urls,
)


@st.composite
def organisations(draw: st.DrawFn, taken: set[str], max_size: int = 4) -> list[dict[str, Any]]:
    """Organisations with ids unique among themselves and the ``taken`` participant ids."""
    ids = draw(
        st.lists(identifiers.filter(lambda i: i not in taken), unique=True, max_size=max_size)
    )
    result = []
    for oid in ids:
        organisation_names = draw(
            st.lists(
                st.builds(
                    lambda name, form, language: {"name": name, "form": form, "language": language},
                    names(),
                    st.sampled_from(["full", "abbreviation"]),
                    _optional(languages),
                ),
                min_size=1,
                max_size=3,
            )
        )
        result.append(
            {
                "id": oid,
                "kind": draw(_ORGANISATION_KINDS),
                "names": organisation_names,
                "identifiers": draw(st.lists(external_ids, max_size=2)),
            }
        )
    return result


@st.composite
def affiliations(draw: st.DrawFn, organisation_ids: list[str]) -> list[dict[str, Any]]:
    """Affiliations to the given organisations, with ordered (partial) dates."""
    if not organisation_ids:
        return []
    result = []
    for _ in range(draw(st.integers(0, 3))):
        bounds = sorted(draw(st.lists(partial_dates, min_size=2, max_size=2)))
        start, end = draw(st.sampled_from([(None, None), (bounds[0], None), (None, bounds[1]),
                                           (bounds[0], bounds[1])]))  # fmt: skip
        if start and end and start[: len(end)] > end[: len(start)]:
            end = None
        result.append(
            {
                "organisation": draw(st.sampled_from(organisation_ids)),
                "role": draw(_ROLES),
                "start": start,
                "end": end,
                "role_title": draw(_optional(names())),
            }
        )
    return result


@st.composite
def participants(
    draw: st.DrawFn, max_size: int = 8, organisation_ids: list[str] | None = None
) -> list[dict[str, Any]]:
    """Participants with unique ids; some role-only, some attending; with people's details
    and affiliations when ``organisation_ids`` is given."""
    ids = draw(st.lists(identifiers, unique=True, max_size=max_size))
    people = []
    for pid in ids:
        name = draw(_optional(names()))
        role = draw(names()) if name is None else draw(_optional(names()))
        attending = name is not None and draw(st.booleans())
        person: dict[str, Any] = {"id": pid, "name": name, "role": role, "attending": attending}
        if organisation_ids is not None:
            person |= {
                "forename": draw(_optional(names(2))),
                "surname": draw(_optional(names(2))),
                "sex": draw(_optional(st.sampled_from(["M", "F", "U", "O", "N"]))),
                "birth": draw(_optional(partial_dates)),
                "identifiers": draw(st.lists(external_ids, max_size=2)),
                "affiliations": draw(affiliations(organisation_ids)),
            }
        people.append(person)
    return people


@st.composite
def inline_events(draw: st.DrawFn, speaker_ids: list[str]) -> dict[str, Any]:
    """An event inside a speech, of any kind, with the fields its kind allows."""
    kind = draw(st.sampled_from(["note", "gap", "vocal", "kinesic", "incident", "time"]))
    event: dict[str, Any] = {
        "kind": kind,
        "type": draw(_optional(st.one_of(st.sampled_from(["applause", "laughter",
                                                          "inaudible", "interruption"]),
                                         names(2)))),
        "text": draw(_optional(lines())),
    }  # fmt: skip
    if kind in ("vocal", "kinesic", "incident") and speaker_ids:
        event["speaker"] = draw(_optional(st.sampled_from(speaker_ids)))
    if kind == "time":
        event["when"] = draw(_optional(times))
    return event


@st.composite
def _fragment(draw: st.DrawFn) -> str:
    space = st.sampled_from(["", " ", "  ", "\u00a0"])
    return draw(space) + draw(lines()) + draw(space)


@st.composite
def event_paragraphs(draw: st.DrawFn, speaker_ids: list[str]) -> dict[str, Any]:
    """A paragraph with events inside: text and events alternating as the model requires."""
    shape = draw(st.lists(st.booleans(), min_size=1, max_size=5))  # True: an event
    if all(not is_event for is_event in shape):
        shape.append(True)
    content: list[Any] = []
    for is_event in shape:
        if is_event:
            content.append(draw(inline_events(speaker_ids)))
        elif not content or not isinstance(content[-1], str):
            content.append(draw(_fragment()))
    # The paragraph's own edges carry no space (the model's canonical form).
    if isinstance(content[0], str):
        content[0] = content[0].lstrip(_SPACES)
    if isinstance(content[-1], str):
        content[-1] = content[-1].rstrip(_SPACES)
    return {"kind": "paragraph", "content": content}


def blocks(speaker_ids: list[str], inline: bool) -> st.SearchStrategy[Any]:
    """The items of a speech: plain paragraphs, and with ``inline`` events and mixed ones."""
    if not inline:
        return lines()
    return st.one_of(lines(), lines(), inline_events(speaker_ids), event_paragraphs(speaker_ids))


@st.composite
def sittings(draw: st.DrawFn, organisation_ids: list[str]) -> dict[str, Any] | None:
    """A sitting with every field sometimes filled; its bodies among ``organisation_ids``."""
    body = st.sampled_from(organisation_ids) if organisation_ids else st.none()
    numbering = []
    for level in draw(st.lists(st.sampled_from(["term", "session", "sitting", "meeting"]),
                               max_size=3)):  # fmt: skip
        number = draw(_optional(st.one_of(st.integers(1, 300).map(str), names(1))))
        label = draw(names(3)) if number is None else draw(_optional(names(3)))
        numbering.append(
            {"level": level, "number": number, "label": label, "body": draw(_optional(body))}
        )
    titles = st.builds(
        lambda text, kind, language: {"text": text, "type": kind, "language": language},
        lines(),
        _optional(st.sampled_from(["main", "sub", "short", "alt"])),
        _optional(languages),
    )
    agenda = st.builds(
        lambda title, number: {"title": title, "number": number},
        lines(),
        _optional(st.integers(1, 30).map(str)),
    )
    return {
        "body": draw(_optional(body)),
        "numbering": numbering,
        "titles": draw(st.lists(titles, max_size=3)),
        "end": draw(_optional(datetimes)),
        "agenda": draw(st.lists(agenda, max_size=3)),
    }


@st.composite
def turns(
    draw: st.DrawFn,
    speaker_ids: list[str],
    max_size: int = 12,
    features: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
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
                    "paragraphs": draw(
                        st.lists(blocks(speaker_ids, INLINE in features), min_size=1, max_size=4)
                    ),
                }
            )
            if FUNCTION in features:
                result[-1]["function"] = draw(
                    _optional(
                        st.one_of(st.sampled_from(["chair", "regular", "guest"]), identifiers)
                    )
                )
                result[-1]["language"] = draw(_optional(languages))
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
def transcripts(draw: st.DrawFn, features: frozenset[str] = frozenset()) -> Transcript:
    """A valid transcript of any shape the model allows; ``features`` adds parts of model 1.1
    (:data:`MODEL_1_1` for all of them)."""
    taken: set[str] = set()
    if PEOPLE in features or SITTING in features:
        organisation_list = draw(organisations(taken))
    else:
        organisation_list = []
    organisation_ids = [o["id"] for o in organisation_list]
    people = draw(
        participants(organisation_ids=organisation_ids if PEOPLE in features else None).filter(
            lambda ps: not {p["id"] for p in ps} & set(organisation_ids)
        )
    )
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
    document: dict[str, Any] = {
        "id": draw(identifiers),
        "language": draw(languages),
        "event": event,
        "participants": people,
        "turns": draw(turns([p["id"] for p in people], features=features)),
        "metadata": draw(metadata()),
    }
    if organisation_list:
        document["organisations"] = organisation_list
    if SITTING in features:
        document["sitting"] = draw(_optional(sittings(organisation_ids)))
    return Transcript.model_validate(document)
