"""A kremlin.ru statement titled by the president's office alone is the speech of that day's
president (the site is the president's own): the flat Russian "Заявление Президента Российской
Федерации" page read no speaker's name at all."""

from __future__ import annotations

import datetime as dt

import pytest

import transcript_model as tm
from transcript_model.converters._kremlin import president_on

_FLAT = (
    "События Заявление Президента Российской Федерации 28 апреля 2025 года 09:00 "
    "Вооружённые Силы Российской Федерации завершили операцию. "
    "Опубликован в разделе: Новости Дата публикации: 28 апреля 2025 года, 09:00 "
    "Текстовая версия"
)


@pytest.mark.parametrize(
    ("day", "russian", "english"),
    [
        (dt.date(1999, 12, 30), "Борис Ельцин", "Boris Yeltsin"),
        (dt.date(2005, 1, 1), "Владимир Путин", "Vladimir Putin"),
        (dt.date(2008, 5, 7), "Дмитрий Медведев", "Dmitry Medvedev"),
        (dt.date(2012, 5, 6), "Дмитрий Медведев", "Dmitry Medvedev"),
        (dt.date(2025, 4, 28), "Владимир Путин", "Vladimir Putin"),
    ],
)
def test_president_on_a_day(day: dt.date, russian: str, english: str) -> None:
    assert president_on(day, "ru") == russian
    assert president_on(day, "en") == english


def test_no_president_before_the_office_or_without_a_day() -> None:
    assert president_on(dt.date(1990, 1, 1), "en") is None
    assert president_on(None, "ru") is None


def test_a_flat_statement_by_the_presidents_office_is_his_speech() -> None:
    transcript = tm.read(_FLAT.encode())[0]
    speeches = [t for t in transcript.turns if isinstance(t, tm.Speech)]
    assert len(speeches) == 1
    speaker = transcript.participant(speeches[0].speaker)
    assert speaker is not None
    assert (speaker.name, speaker.role) == ("Владимир Путин", "Президент Российской Федерации")


def _only_speaker(text: str) -> tuple[str | None, str | None, int]:
    transcript = tm.read(text.encode())[0]
    speeches = [t for t in transcript.turns if isinstance(t, tm.Speech)]
    assert len(speeches) == 1, transcript.turns
    speaker = transcript.participant(speeches[0].speaker)
    assert speaker is not None
    return speaker.name, speaker.role, len(speeches[0].paragraphs)


@pytest.mark.parametrize(
    ("title", "date", "name"),
    [
        ("Обращение к гражданам России", "25 марта 2020 года", "Владимир Путин"),
        ("Послание Федеральному Собранию", "22 декабря 2011 года", "Дмитрий Медведев"),
        ("Address to the Federal Assembly", "December 12, 2012", "Vladimir Putin"),
        ("Address to the Nation", "November 5, 2009", "Dmitry Medvedev"),
        ("Address to the Federal Assembly – “Together”", "March 1, 2018", "Vladimir Putin"),
    ],
)
def test_an_unlabelled_address_is_the_speech_of_the_president_of_its_day(
    title: str, date: str, name: str
) -> None:
    # A copy that keeps no label (the page's one "В.Путин:" lost): the site's own genre says
    # who speaks, as "Statement by the President" does.
    text = f"{title}\n{date}\n\nУважаемые граждане России!\n\nОбращаюсь к вам.\n"
    assert _only_speaker(text)[::2] == (name, 2)


def test_a_point_a_speaker_announces_with_one_word_and_a_colon_is_no_label() -> None:
    # The 2024 Address: "Подчеркну: …" and "Повторю: …" opened turns of invented speakers.
    text = (
        "Послание Президента Федеральному Собранию\n29 февраля 2024 года\n\n"
        "В.Путин: Уважаемые члены Совета Федерации!\n\n"
        "Подчеркну: с учётом демографических вызовов это важно.\n\n"
        "Повторю: российскому фондовому рынку нужны инвесторы.\n\n"
        "Second: I did not throw anybody out.\n\n"
        "Итак: мы справимся.\n"
    )
    assert _only_speaker(text) == ("В.Путин", None, 5)


def test_a_first_name_alone_is_still_a_label() -> None:
    text = (
        "Direct Line with Vladimir Putin\nApril 14, 2016\n\n"
        "Vladimir Putin: Good afternoon.\n\nAlina: Good afternoon, Mr President.\n"
    )
    transcript = tm.read(text.encode())[0]
    assert [t.label for t in transcript.turns if isinstance(t, tm.Speech)] == [
        "Vladimir Putin",
        "Alina",
    ]
