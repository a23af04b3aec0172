"""kremlin.ru Russian page text with its line breaks lost (as github.com/gabrielkmbo/kremlin-scraper
stores it; short excerpts of kremlin.ru text, CC BY 4.0): the title runs straight into the lead.
The lead was found only by a list of opening words, so a lead opening "Рабочая поездка …" or
"В ходе …" or with a day and month stayed in the title (on the scraper's rows outside the test
half, 153 of 189 titles right before, 181 of 184 after)."""

from __future__ import annotations

import pytest

import transcript_model as tm

_TAIL = (
    " 27 марта 2025 года 16:00 Мурманск В.Путин: Добрый день, уважаемые друзья! Статус материала"
    " Опубликован в разделах: Новости, Стенограммы Дата публикации: 27 марта 2025 года, 16:00"
    " Текстовая версия"
)


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        (
            "Посещение мемориального комплекса «Защитникам Заполярья»",
            "Рабочая поездка Владимира Путина в Мурманск началась с посещения комплекса.",
        ),
        (
            "Ответы на вопросы представителей СМИ",
            "В ходе посещения предприятия Владимир Путин ответил на вопросы журналистов.",
        ),
        (
            "Владимир Путин и Эмомали Рахмон сделали заявления для СМИ",
            "По итогам российско-таджикистанских переговоров лидеры сделали заявления.",
        ),
        ("Телефонный разговор с Президентом Турции", "27 марта состоялся телефонный разговор."),
    ],
)
def test_title_stops_where_the_lead_starts(title: str, lead: str) -> None:
    transcript = tm.read(f"События {title} {lead}{_TAIL}\n".encode())[0]
    assert transcript.event.title == title
    assert transcript.event.date is not None and transcript.event.date.isoformat() == "2025-03-27"


def test_a_title_without_a_lead_is_kept_whole() -> None:
    title = "Совещание по экономическим вопросам"
    transcript = tm.read(f"События {title}{_TAIL}\n".encode())[0]
    assert transcript.event.title == title


_ANNOUNCEMENT_TAIL = (
    " Состоится обсуждение двусторонних отношений. Статус материала Опубликован в разделах:"
    " Новости Дата публикации: 6 мая 2025 года, 12:00 Текстовая версия"
)


@pytest.mark.parametrize(
    ("head", "title", "day"),
    [
        (
            # an announcement titled by the day it announces, its date "Анонс на …", then the
            # calendar buttons (rows 7 and 147 of the scraper's CSV read "10 мая" as the title)
            "10 мая Владимир Путин проведёт переговоры с Президентом Вьетнама Анонс на 10 мая"
            " 2025 года Добавить в Календарь Календари Яндекс iCal Google",
            "10 мая Владимир Путин проведёт переговоры с Президентом Вьетнама",
            "2025-05-10",
        ),
        (
            "7–10 мая Председатель КНР посетит Российскую Федерацию Анонс на 7 − 10 мая 2025 года",
            "7–10 мая Председатель КНР посетит Российскую Федерацию",
            "2025-05-07",
        ),
    ],
)
def test_an_announcement_keeps_its_day_in_the_title(head: str, title: str, day: str) -> None:
    transcript = tm.read(f"События {head}{_ANNOUNCEMENT_TAIL}\n".encode())[0]
    assert transcript.event.title == title
    assert transcript.event.date is not None and transcript.event.date.isoformat() == day
    text = " ".join(p for turn in transcript.turns for p in getattr(turn, "paragraphs", []))
    assert "Календарь" not in text and "Анонс" not in (transcript.event.lead or "")


def test_a_decree_page_has_no_place_and_no_speech() -> None:
    # row 67 of the scraper's CSV: "12:50 Текст Указа: 1. Назначить …" read "Текст" as the
    # place and "Указа" as a speaker
    page = (
        "События Андрей Кикоть назначен первым заместителем Министра Глава государства подписал"
        " Указ. 2 апреля 2025 года 12:50 Текст Указа: 1. Назначить Кикотя Андрея Владимировича."
        " 2. Настоящий Указ вступает в силу со дня его подписания. Статус материала Опубликован"
        " в разделах: Новости, Документы Дата публикации: 2 апреля 2025 года, 12:50 Текстовая"
        " версия\n"
    )
    transcript = tm.read(page.encode())[0]
    assert transcript.event.place is None
    assert not any(isinstance(turn, tm.Speech) for turn in transcript.turns)
    assert any(getattr(turn, "text", None) == "Текст Указа" for turn in transcript.turns)


def test_a_label_with_a_space_before_its_colon() -> None:
    # row 78: "… «Лавна» В.Путин : Уважаемые коллеги" was read as narrative
    page = (
        "События Церемония запуска отгрузки угля 1 апреля 2025 года 18:00 Мурманск Комплекс"
        " размещается на берегу. * * * Выступление на церемонии В.Путин : Уважаемые коллеги,"
        " добрый вечер! Статус материала Опубликован в разделах: Новости Дата публикации:"
        " 1 апреля 2025 года, 18:00 Текстовая версия\n"
    )
    transcript = tm.read(page.encode())[0]
    speeches = [turn for turn in transcript.turns if isinstance(turn, tm.Speech)]
    assert [s.label for s in speeches] == ["В.Путин"]
    assert speeches[0].paragraphs == ["Уважаемые коллеги, добрый вечер!"]
