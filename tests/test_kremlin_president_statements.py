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
