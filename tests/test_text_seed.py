"""The seed page (two kremlin.ru transcripts of March 11, 2022) reads exactly as designed."""

from __future__ import annotations

import datetime as dt

import pytest

import transcript_model as tm
from transcript_model.model import Transcript

from conftest import ROOT

SEED = ROOT / "tests" / "data" / "text" / "kremlin-2022-03-11.txt"


@pytest.fixture(scope="module")
def seed() -> list[Transcript]:
    return tm.read(SEED)


def _speakers(transcript: Transcript) -> list[str | None]:
    return [getattr(t, "speaker", None) for t in transcript.turns if t.kind == "speech"]


def test_two_transcripts(seed: list[Transcript]) -> None:
    assert len(seed) == 2
    assert [t.language for t in seed] == ["en", "en"]


def test_lukashenko_meeting_header(seed: list[Transcript]) -> None:
    event = seed[0].event
    assert event.title == "Meeting with President of Belarus Alexander Lukashenko"
    assert event.lead == (
        "Vladimir Putin met with President of the Republic of Belarus Alexander Lukashenko "
        "at the Kremlin."
    )
    assert event.date == dt.date(2022, 3, 11)
    assert event.time == dt.time(14, 20)
    assert event.utc_offset == "+03:00"
    assert event.place == "The Kremlin, Moscow"
    assert event.attendees_intro is None
    assert seed[0].id == "kremlin-2022-03-11-meeting-with-president-of-belarus-alexander-lukashenko"


def test_lukashenko_meeting_speakers(seed: list[Transcript]) -> None:
    t = seed[0]
    assert [(p.id, p.name, p.role, p.attending) for p in t.participants] == [
        ("vladimir-putin", "Vladimir Putin", "President of Russia", False),
        ("alexander-lukashenko", "Alexander Lukashenko", "President of Belarus", False),
    ]
    assert _speakers(t) == ["vladimir-putin", "alexander-lukashenko"] * 7 + ["vladimir-putin"]
    first, second, third = t.turns[:3]
    assert first.kind == second.kind == third.kind == "speech"
    assert (first.label, first.role) == (
        "President of Russia Vladimir Putin",
        "President of Russia",
    )
    assert first.paragraphs[0] == "Mr Lukashenko,"
    assert len(first.paragraphs) == 3
    assert (second.label, second.role) == (
        "President of Belarus Alexander Lukashenko",
        "President of Belarus",
    )
    assert second.paragraphs == [
        "More than at the presidential elections, by the way, by 1.5 percent."
    ]
    assert (third.label, third.role) == ("Vladimir Putin", None)
    assert "as [we] received updates" in t.turns[5].paragraphs[0]
    assert t.turns[-1].kind == "omission" and t.turns[-1].marker == "<…>"
    assert len(t.turns) == 16


def test_lukashenko_meeting_footer(seed: list[Transcript]) -> None:
    meta = seed[0].metadata
    assert meta.geography == ["Belarus"]
    assert meta.topics == ["Foreign policy", "National security"]
    assert meta.persons == ["Lukashenko Alexander"]
    assert meta.sections == ["News", "Transcripts"]
    assert meta.published == dt.datetime(2022, 3, 11, 14, 20)
    assert [(c.index, c.total, c.text) for c in meta.captions] == [
        (2, 4, "With President of Belarus Alexander Lukashenko.")
    ]
    assert meta.see_also == []
    assert meta.licence == "CC-BY-4.0"
    assert meta.source.publisher == "President of Russia"
    assert meta.source.url is None


def test_security_council_attendees(seed: list[Transcript]) -> None:
    t = seed[1]
    assert t.event.title == "Meeting with permanent members of Security Council"
    assert (t.event.date, t.event.time) == (dt.date(2022, 3, 11), dt.time(11, 15))
    assert t.event.place == "The Kremlin, Moscow"
    assert t.event.attendees_intro == "Taking part in the meeting were"
    attending = [(p.role, p.name) for p in t.participants if p.attending]
    assert attending == [
        ("Prime Minister", "Mikhail Mishustin"),
        ("Federation Council Speaker", "Valentina Matviyenko"),
        ("State Duma Speaker", "Vyacheslav Volodin"),
        ("Deputy Chair of the Security Council", "Dmitry Medvedev"),
        ("Chief of Staff of the Presidential Executive Office", "Anton Vaino"),
        ("Secretary of the Security Council", "Nikolai Patrushev"),
        ("Interior Minister", "Vladimir Kolokoltsev"),
        ("Defence Minister", "Sergei Shoigu"),
        ("Director of the Federal Security Service", "Alexander Bortnikov"),
        ("Director of the Foreign Intelligence Service", "Sergei Naryshkin"),
        (
            "Special Presidential Representative for Environmental Protection, Ecology and "
            "Transport",
            "Sergei Ivanov",
        ),
    ]
    president = [p for p in t.participants if not p.attending]
    assert [(p.id, p.name, p.role) for p in president] == [
        ("vladimir-putin", "Vladimir Putin", "President of Russia")
    ]


def test_security_council_turns(seed: list[Transcript]) -> None:
    t = seed[1]
    assert t.turns[0].kind == "break" and t.turns[0].marker == "* * *"
    assert _speakers(t) == [
        "vladimir-putin",
        "sergei-shoigu",
        "vladimir-putin",
        "sergei-shoigu",
        "vladimir-putin",
    ]
    shoigu = t.turns[2]
    assert (shoigu.label, shoigu.role) == ("Defence Minister Sergei Shoigu", "Defence Minister")
    assert shoigu.paragraphs[0] == "Mr President,"
    assert t.turns[-1].kind == "omission"
    assert len(t.turns) == 7


def test_security_council_footer(seed: list[Transcript]) -> None:
    meta = seed[1].metadata
    assert [(link.title, link.url) for link in meta.see_also] == [
        ("News of the Security Council", None)
    ]
    assert meta.topics == ["Armed Forces", "National security"]
    assert meta.geography == [] and meta.persons == []
    assert meta.sections == ["News", "Transcripts", "Security Council"]
    assert meta.published == dt.datetime(2022, 3, 11, 11, 15)
    assert [(c.index, c.total, c.text) for c in meta.captions] == [
        (1, 3, "Meeting with permanent members of the Security Council (held via videoconference).")
    ]


def test_seed_round_trips_as_plain_page_text(seed: list[Transcript]) -> None:
    written = tm.write(seed, "text")
    assert tm.read(written, "text") == seed
    # Nothing the page cannot show: no escapes, no directives, no extension lines.
    assert "\\" not in written
    assert not any(
        line.startswith(("Participant:", "Source:", "Language:")) for line in written.splitlines()
    )
    assert written.count("Text version") == 2
