"""kremlin.ru Russian text as a scraper that takes the text of every element stores it (issue
16, group ``kremlin_ru``): no space after a label ("В.Путин:Хорошо."), and the person card
kremlin.ru hides in a first label glued after it ("Г.КрасниковКрасников Геннадий
Яковлевичпрезидент Российской академии наук:"). The lines are from
github.com/softdev24715/news-scrapper's copy of kremlin.ru/events/president/news/77446 and
77421 (CC BY 4.0, kremlin.ru), cut short."""

from __future__ import annotations

import transcript_model as tm

_PAGE = (
    "Встреча с президентом РАН Геннадием Красниковым\n15 июля 2025 года\n"
    "Г.КрасниковКрасников Геннадий Яковлевичпрезидент Российской академии наук:Уважаемый\n"
    "Владимир Владимирович, большое спасибо, что нашли время.\n"
    "В.Путин:Хорошо.\n"
    "Г.Красников:У нас прошедший год, Владимир\n"
    "Владимирович, был особенный для Российской академии наук.\n"
    "В.Путин:Я вижу по слайдам. Там действительно 100 процентов?\n"
    "Г.Красников:99, где-то, в зависимости от переезда родителей.\n"
)


def test_a_glued_card_and_a_reply_opening_with_a_number_keep_their_labels() -> None:
    transcript = tm.read(_PAGE.encode())[0]
    speeches = [t for t in transcript.turns if isinstance(t, tm.Speech)]
    assert [s.label for s in speeches] == ["Г.Красников", "В.Путин"] * 2 + ["Г.Красников"]
    assert speeches[0].paragraphs[0] == "Уважаемый"
    assert speeches[-1].paragraphs[0].startswith("99, где-то")
    assert {p.id for p in transcript.participants} == {"g-krasnikov", "v-putin"}


def test_a_time_or_a_ratio_is_no_label() -> None:
    # A colon before a digit closes a label only after Russian initials and a surname.
    page = _PAGE.replace("В.Путин:Хорошо.", "Заседание началось в 10:30, счёт 3:2.")
    transcript = tm.read(page.encode())[0]
    labels = [t.label for t in transcript.turns if isinstance(t, tm.Speech)]
    assert labels == ["Г.Красников"] * 2 + ["В.Путин", "Г.Красников"]


def test_the_pages_own_address_in_the_footer_is_left_out_quietly() -> None:
    footer = (
        "Опубликован в разделах:Новости,Выступления и стенограммы\n"
        "Дата публикации:15 июля 2025 года, 14:05\n"
        "Ссылка на материал:kremlin.ru/d/77446\n"
        "Текстовая версия\n"
    )
    result = tm.read_result((_PAGE + footer).encode())
    assert result.warnings == []
    assert str(result.transcripts[0].metadata.published)[:10] == "2025-07-15"
