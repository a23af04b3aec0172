"""kremlin.ru's English pages romanise one Russian name in several ways ("Anatoly Alexandrov"
in one label, "Anatoly Aleksandrov" in the next): one person, one participant."""

from __future__ import annotations

import pytest

import transcript_model as tm
from transcript_model.converters._kremlin import names_match
from transcript_model.converters._kremlin.names import spelling_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Anatoly Alexandrov", "Anatoly Aleksandrov"),
        ("Natalya Yuryeva", "Natalia Yuryeva"),
        ("Sergei Dyomin", "Sergei Demin"),
        ("Yevgeny Primakov", "Evgeny Primakov"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Yuriy Ushakov", "Yury Ushakov"),
        ("Fyodor Lukyanov", "Fedor Lukyanov"),
    ],
)
def test_romanisations_of_one_name_match(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other)
    assert names_match(one, other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Sergei Demin", "Sergei Dyomkin"), ("Anna Ivanova", "Anna Ivanov"), ("Ali Khan", "Aly Kahn")],
)
def test_other_names_stay_apart(one: str, other: str) -> None:
    assert not names_match(one, other)


def test_two_spellings_of_a_speaker_are_one_participant() -> None:
    page = (
        "Events\nMeeting with university rectors\nApril 26, 2018\n18:00\nSaint Petersburg\n"
        "Vladimir Putin: Mr Alexandrov, please go ahead.\n"
        "Rector of Bauman University Anatoly Alexandrov: Thank you.\n"
        "Vladimir Putin: Thank you.\n"
        "Anatoly Aleksandrov: It is easier for us.\n"
        "Publication status\nPublished in sections: News, Transcripts\n"
        "Publication date: April 26, 2018, 18:50\nText version\n"
    )
    transcript = tm.read(page.encode())[0]
    speakers = [t.speaker for t in transcript.turns if isinstance(t, tm.Speech)]
    assert speakers[1] == speakers[3] == "anatoly-alexandrov"
    assert [p.name for p in transcript.participants] == ["Vladimir Putin", "Anatoly Alexandrov"]
