"""kremlin.ru pages found on fresh pages outside the evaluation's test half (short texts of our
own in the pages' layout):

* an announcement prints no date under its title, only "Publication date: …" in the footer; it
  was refused as "not a transcript" and is now dated by its publication date, but only when the
  page is plainly the site's (breadcrumb above, publication fields below);
* a labelless statement whose title names the speaker ("Заявление Президента Российской
  Федерации …", "Statement by President of Russia Vladimir Putin on …") read as 0 speeches; it
  is one speech by the person the title names (the name from the Persons tags or the lead).
"""

from __future__ import annotations

import datetime as dt

import pytest

import transcript_model as tm
from transcript_model.model import Narrative, Speech

_EN_ANNOUNCEMENT = """Events
Meeting with Government members on Wednesday
The President will hold a meeting with members of the Government by videoconference.
They will discuss the regional road programme.
Topics
Transport
Publication status
Published in sections: Announcements
Publication date: March 11, 2022, 14:20
Text version
"""

_RU_ANNOUNCEMENT = """События
Совещание с членами Правительства в среду
Владимир Путин проведёт совещание с членами Правительства в режиме видеоконференции.
Участники обсудят региональную дорожную программу.
Темы
Транспорт
Статус материала
Опубликован в разделах: Анонсы
Дата публикации: 11 марта 2022 года, 14:20
Текстовая версия
"""


@pytest.mark.parametrize("page", [_EN_ANNOUNCEMENT, _RU_ANNOUNCEMENT])
def test_announcement_is_dated_by_its_publication_date(page: str) -> None:
    transcript = tm.read(page.encode(), "text")[0]
    assert transcript.event.date == dt.date(2022, 3, 11)
    assert transcript.event.time is None  # published at 14:20, not held then
    assert transcript.metadata.topics in (["Transport"], ["Транспорт"])
    (turn,) = transcript.turns
    assert isinstance(turn, Narrative) and len(turn.paragraphs) == 2


def test_announcement_is_detected_and_round_trips() -> None:
    transcript = tm.read(_EN_ANNOUNCEMENT.encode())[0]
    written = tm.write([transcript], "text")
    assert tm.read(written, "text") == [transcript]


@pytest.mark.parametrize(
    "page",
    [
        # no breadcrumb: nothing says this is the site's page
        _EN_ANNOUNCEMENT.removeprefix("Events\n"),
        # a publication date and no other footer word
        "Events\nA note\nSome text of the note.\nPublication date: March 11, 2022, 14:20\n",
    ],
)
def test_undated_text_that_is_not_plainly_the_sites_is_still_refused(page: str) -> None:
    with pytest.raises(tm.TranscriptError, match="no date found"):
        tm.read(page.encode(), "text")


_RU_FLAT_STATEMENT = (
    "События Заявление Президента Российской Федерации о дорожной программе 11 марта 2022 года"
    " 14:20 Москва, Кремль Уважаемые граждане России! Сегодня я хочу сказать несколько слов о"
    " нашей дорожной программе. Мы построили много новых дорог, и это важно для каждого региона."
    " Благодарю всех, кто участвовал в этой работе. Спасибо.{persons} Статус материала"
    " Опубликован в разделах: Новости , Выступления и стенограммы Дата публикации: 11 марта"
    " 2022 года, 14:20 Текстовая версия"
)


def _speeches(transcript: tm.Transcript) -> list[Speech]:
    return [turn for turn in transcript.turns if isinstance(turn, Speech)]


def test_flat_russian_statement_is_one_speech_by_the_president_the_tags_name() -> None:
    page = _RU_FLAT_STATEMENT.format(persons=" Лица Путин Владимир Владимирович")
    transcript = tm.read(page.encode())[0]
    (speech,) = _speeches(transcript)
    assert len(transcript.turns) == 1
    (person,) = transcript.participants
    assert speech.speaker == person.id
    assert person.name is not None and person.name.endswith("Путин")
    assert person.role == "Президент Российской Федерации"
    assert speech.paragraphs[0].startswith("Уважаемые граждане России!")


def test_flat_russian_address_without_a_name_is_the_president_of_its_day() -> None:
    # Neither tags nor lead name him: kremlin.ru is the president's site, so the office alone
    # names the president of the page's date (see _kremlin.presidents).
    page = _RU_FLAT_STATEMENT.format(persons="").replace(
        "Заявление Президента Российской Федерации", "Обращение Президента"
    )
    transcript = tm.read(page.encode())[0]
    (speech,) = _speeches(transcript)
    assert speech.label is None
    (person,) = transcript.participants
    assert person.name == "Владимир Путин" and person.role == "Президент"


def test_english_statement_is_one_speech_by_the_person_the_title_names() -> None:
    page = (
        "Events\nStatement by President of Russia Vladimir Putin on the road programme\n"
        "March 11, 2022\n14:20\nThe Kremlin, Moscow\n"
        "Citizens of Russia, friends. Today I want to say a few words about our roads.\n"
        "Thank you.\nPublication status\nPublished in sections: News, Transcripts\n"
        "Publication date: March 11, 2022, 14:20\nText version\n"
    )
    transcript = tm.read(page.encode())[0]
    (speech,) = _speeches(transcript)
    assert speech.paragraphs == [
        "Citizens of Russia, friends. Today I want to say a few words about our roads.",
        "Thank you.",
    ]
    (person,) = transcript.participants
    assert (person.name, person.role) == ("Vladimir Putin", "President of Russia")
    assert tm.read(tm.write(transcript, "text"), "text") == [transcript]


def test_a_labelled_page_and_a_report_keep_their_turns() -> None:
    report = _RU_FLAT_STATEMENT.format(persons="").replace(
        "Заявление Президента Российской Федерации о дорожной программе",
        "Совещание о дорожной программе",
    )
    (narrative,) = tm.read(report.encode())[0].turns
    assert isinstance(narrative, Narrative)
