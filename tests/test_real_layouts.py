"""Layouts of real transcripts (issue 16), each as a small synthetic input written for the test.

Speaker-label text of other publishers (front matter, Markdown headings and heading labels,
names printed in the header, hearing labels, labelless remarks, a date in the file name) and
kremlin.ru page text whose line breaks were lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from pathlib import Path

import pytest

import transcript_model as tm
from transcript_model.converters.text import flat
from transcript_model.model import Link, Speech, StageDirection, Transcript


def _read(tmp_path: Path, name: str, text: str, fmt: str | None = None) -> Transcript:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    found = tm.read(path, fmt) if fmt else tm.read(path)
    assert len(found) == 1
    return found[0]


def _speakers(t: Transcript) -> list[str | None]:
    names: list[str | None] = []
    for turn in t.turns:
        if isinstance(turn, Speech):
            person = t.participant(turn.speaker) if turn.speaker else None
            names.append(person.name or person.role if person else None)
    return names


YAML_BRIEFING = """---
tags: press-briefings
date: '2023-02-14'
source_url: https://example.gov/briefings/2023/02/14/briefing/
title: "Press Briefing by Press Secretary Maria\\_Lindqvist and Transport\\
  \\ Coordinator Paul Okafor, February 14,\\_2023"
---

Briefing Room North

1:15 P.M. EST

MS. LINDQVIST:  Good afternoon.  Today we have a guest.

Q    Thanks.  A question on trains.

MS. LINDQVIST:  Paul will take that.

MR. OKAFOR:  Thank you.  The trains run on time.

Q    Really?

MR. OKAFOR:  Mostly.
"""


def test_yaml_front_matter_is_the_header_and_short_labels_resolve(tmp_path: Path) -> None:
    t = _read(tmp_path, "briefing.md", YAML_BRIEFING)
    assert t.event.title == (
        "Press Briefing by Press Secretary Maria Lindqvist and Transport Coordinator "
        "Paul Okafor, February 14, 2023"
    )
    assert t.event.date == dt.date(2023, 2, 14)
    assert t.event.place == "Briefing Room North"
    assert t.metadata.source.url == "https://example.gov/briefings/2023/02/14/briefing/"
    assert _speakers(t) == [
        "Maria Lindqvist",
        None,
        "Maria Lindqvist",
        "Paul Okafor",
        None,
        "Paul Okafor",
    ]
    # the label stays as printed
    assert [s.label for s in t.turns if isinstance(s, Speech)][:2] == ["MS. LINDQVIST", "Q"]


def test_toml_front_matter(tmp_path: Path) -> None:
    text = (
        '+++\ntitle = "Doorstop in Hobart"\ndate = 2012-05-03\n'
        'prime_minister = "Lee, Ann"\n+++\n\n'
        "PM: Good morning.\n\nJOURNALIST: A question.\n\nPRIME MINISTER: An answer.\n"
    )
    t = _read(tmp_path, "doorstop.md", text, "speakers")
    assert (t.event.title, t.event.date) == ("Doorstop in Hobart", dt.date(2012, 5, 3))
    # "PM" and "PRIME MINISTER" are the prime minister the front matter names: one person
    assert _speakers(t) == ["Ann Lee", None, "Ann Lee"]
    assert len(t.participants) == 1


SAYIT = """# 2017-04-12 Press conference at Seoul

> (Recorded by the organisers.)

### Lena Park:
Welcome. Shall we start?

### Tomas Reyes:
Yes. Thank you for having me.

And a second paragraph of mine.

> (Lena speaks)

### Tomas Reyes:
I agree. \\[laughs\\]
"""


def test_markdown_heading_and_heading_labels(tmp_path: Path) -> None:
    t = _read(tmp_path, "seoul.md", SAYIT)
    assert (t.event.title, t.event.date) == ("Press conference at Seoul", dt.date(2017, 4, 12))
    assert _speakers(t) == ["Lena Park", "Tomas Reyes", "Tomas Reyes"]
    speeches = [s for s in t.turns if isinstance(s, Speech)]
    assert speeches[1].paragraphs == [
        "Yes. Thank you for having me.",
        "And a second paragraph of mine.",
    ]
    assert speeches[2].paragraphs == ["I agree. [laughs]"]
    assert StageDirection(text="(Lena speaks)") in t.turns


def test_markdown_is_detected_as_speaker_text(tmp_path: Path) -> None:
    path = tmp_path / "seoul.md"
    path.write_text(SAYIT, encoding="utf-8")
    result = tm.read_result(path)
    assert not [w for w in result.warnings if w.code == "format_fallback"]
    assert _speakers(result.transcripts[0])[0] == "Lena Park"


def test_labelless_remarks_are_one_speech_by_the_person_the_title_names(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Remarks by First Lady Jane Doe at the Library Opening"\n'
        "date: '2024-03-05'\n---\n\nSpringfield, IL\n\nThank you all for coming.\n\n"
        "Libraries matter.\n\n(Applause.)\n"
    )
    t = _read(tmp_path, "remarks.md", text)
    assert _speakers(t) == ["Jane Doe"]
    assert t.event.place == "Springfield, IL"
    speech = next(s for s in t.turns if isinstance(s, Speech))
    assert speech.paragraphs[:2] == ["Thank you all for coming.", "Libraries matter."]


def test_role_label_takes_the_one_name_the_title_gives(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Remarks by President Alvarez on Bridges\ndate: 2021-03-08\n---\n\n"
        "THE PRESIDENT:  Hello.\n\nQ    A question.\n\nTHE PRESIDENT:  An answer.\n"
    )
    t = _read(tmp_path, "r.md", text)
    assert _speakers(t) == ["Alvarez", None, "Alvarez"]
    assert t.participants[0].role == "THE PRESIDENT"


def test_white_house_offices_are_their_holders_on_the_date(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Remarks by President Biden and First Lady Jill Biden at a Reception\n"
        "date: '2022-05-11'\nsource_url: https://www.whitehouse.gov/briefing-room/r/\n---\n\n"
        "THE FIRST LADY:  Welcome.\n\nTHE PRESIDENT:  Thank you.\n\n"
        "THE VICE PRESIDENT:  Hello.\n\nPRESIDENT BIDEN:  Again.\n"
    )
    t = _read(tmp_path, "r.md", text)
    assert _speakers(t) == ["Jill Biden", "Joe Biden", "Kamala Harris", "Joe Biden"]
    assert [p.role for p in t.participants][:3] == [
        "THE FIRST LADY",
        "THE PRESIDENT",
        "THE VICE PRESIDENT",
    ]
    # the archived sites of earlier administrations, and the holders of their day
    obama = text.replace("2022-05-11", "2012-05-11").replace(
        "www.whitehouse.gov", "obamawhitehouse.archives.gov"
    )
    assert _speakers(_read(tmp_path, "o.md", obama))[1:3] == ["Barack Obama", "Joe Biden"]
    # another publisher's "THE PRESIDENT" is who its title says, or a role
    other = text.replace("www.whitehouse.gov", "example.org")
    assert _speakers(_read(tmp_path, "x.md", other))[:3] == [
        "Jill Biden",
        "Biden",
        "THE VICE PRESIDENT",
    ]


def test_title_roles_of_two_words_and_names_after_an_office(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Remarks by Vice President Alvarez and Secretary of Commerce Gina Raimondo\n"
        "date: 2021-03-08\n---\n\nTHE VICE PRESIDENT:  Hello.\n\n"
        "SECRETARY RAIMONDO:  Thanks.\n\nTHE PRESIDENT:  Hi.\n"
    )
    t = _read(tmp_path, "r.md", text)
    assert _speakers(t) == ["Alvarez", "Gina Raimondo", "THE PRESIDENT"]  # a role alone


def test_a_surname_label_takes_the_full_name_the_text_prints(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Transcript of joint press conference, Cairns\ndate: 2012-08-05\n"
        "prime_minister: Gillard, Julia\n---\n\n"
        "PM: I'm joined by the Treasurer, Wayne Swan, and by Jenny Macklin.\n\n"
        "SWAN: Thanks, Prime Minister.\n\nMACKLIN: Thank you.\n\n"
        "JOURNALIST: Ms Macklin, and Sarah Macklin?\n\nMACKLIN: Yes.\n"
    )
    t = _read(tmp_path, "joint.md", text)
    # one given name with the surname: the full name; two ("Jenny", "Sarah"): the surname
    assert _speakers(t) == ["Julia Gillard", "Wayne Swan", "MACKLIN", None, "MACKLIN"]
    assert [s.label for s in t.turns if isinstance(s, Speech)][1] == "SWAN"


def test_a_surname_with_an_apostrophe_or_a_hyphen_and_an_office_before_it(tmp_path: Path) -> None:
    # NBC's 2019 debate: "O'ROURKE:" and "DIAZ-BALART:" stayed bare surnames, and an office
    # printed before a surname ("Congressman O'Rourke") counted as a second given name.
    text = (
        "Democratic Debate\n2019-06-26\n\n"
        "HOLT: Former Texas Congressman Beto O'Rourke. Ohio Congressman Tim Ryan. And "
        "Jose Diaz-Balart.\n\nDIAZ-BALART: Congressman O'Rourke?\n\nO'ROURKE: Yes.\n\n"
        "HOLT: Congressman Ryan.\n\nRYAN: Thank you.\n"
    )
    t = _read(tmp_path, "debate.txt", text)
    assert _speakers(t)[1:] == ["Jose Diaz-Balart", "Beto O'Rourke", "HOLT", "Tim Ryan"]


def test_hearing_labels_with_wrapped_lines(tmp_path: Path) -> None:
    text = (
        "Smith on Budgets\nDay 3: May 7, 1987\n\n"
        "Mr. JONES: There has been testimony before the committee that you\n"
        "approved the transfer. Do you deny that it was approved on that\n"
        "day?\n\n"
        "Mr. SMITH: I do not deny it. I approved a transfer that morning and\n"
        "I told the director about it in the afternoon, as I always did when\n"
        "a transfer of that size was made, and he wrote it down in his book\n"
        "as he always did.\n"
    )
    t = _read(tmp_path, "hearing.txt", text)
    assert (t.event.title, t.event.date) == ("Smith on Budgets", dt.date(1987, 5, 7))
    assert [s.label for s in t.turns if isinstance(s, Speech)] == ["Mr. JONES", "Mr. SMITH"]
    first = next(s for s in t.turns if isinstance(s, Speech))
    assert first.paragraphs == [
        "There has been testimony before the committee that you approved the transfer. "
        "Do you deny that it was approved on that day?"
    ]


def test_iso_date_in_the_file_name_is_the_last_resort(tmp_path: Path) -> None:
    text = "# Talk with Students\n\n### Lena Park:\nHello.\n\n### Tomas Reyes:\nHi.\n"
    t = _read(tmp_path, "talk-2019-10-02.md", text)
    assert t.event.date == dt.date(2019, 10, 2)
    with pytest.raises(tm.TranscriptError, match="no date"):
        _read(tmp_path, "talk.md", text, "speakers")


def test_heading_and_bold_labels_with_a_full_width_colon(tmp_path: Path) -> None:
    # SayIt exports of CJK-language meetings close the label with "：" (U+FF1A)
    text = (
        "# 2017-02-15 Interview\n\n### Lena Park：\nHello.\n\n### Tomas Reyes：\nHi.\n\n"
        "**Lena Park：** Bye.\n"
    )
    t = _read(tmp_path, "i.md", text)
    assert _speakers(t) == ["Lena Park", "Tomas Reyes", "Lena Park"]
    assert [s.label for s in t.turns if isinstance(s, Speech)] == [
        "Lena Park",
        "Tomas Reyes",
        "Lena Park",
    ]


def test_generic_parts_name_no_one(tmp_path: Path) -> None:
    text = (
        "# 2020-01-02 Interview\n\n### Interviewer:\nWhy?\n\n### Lena Park:\nBecause.\n\n"
        "### Interviewer:\nThanks.\n"
    )
    t = _read(tmp_path, "i.md", text)
    assert _speakers(t) == [None, "Lena Park", None]


def test_front_matter_of_hostile_shape_is_linear(tmp_path: Path) -> None:
    # a front matter that never closes and a heading of 100,000 "#"-led characters
    text = "---\n" + "title: x\\\n" * 150 + "\n# " + "#" * 100_000 + "\n"
    start = time.perf_counter()
    with pytest.raises(tm.TranscriptError):
        _read(tmp_path, "h.md", text, "speakers")
    assert time.perf_counter() - start < 2


def test_see_also_box_before_the_footer_gives_titles_only(tmp_path: Path) -> None:
    # The box that ends a page is read as its see-also links: its dates and its closing
    # "* * *" are no titles (176 of 600 mirror pages had them among their links).
    text = (
        "Events\nMeeting\nApril 10, 2020\n15:00\nMoscow\nVladimir Putin: Thank you.\n"
        "See also\nTrip to Izhevsk\nJune 27, 2017\nSummit\nSeptember 6 − 8, 2000\n* * *\n"
        "Topics\nSpace\nPublication status\nText version\n"
    )
    t = _read(tmp_path, "page.txt", text)
    assert [link.title for link in t.metadata.see_also] == ["Trip to Izhevsk", "Summit"]
    # A title that looks like a date or a break is escaped by the writer and reads back.
    links = [Link(title="June 27, 2017"), Link(title="* * *"), Link(title="Trip")]
    odd = t.model_copy(update={"metadata": t.metadata.model_copy(update={"see_also": links})})
    assert tm.read(tm.write(odd, "text").encode(), "text") == [odd]


# --- kremlin.ru text with its line breaks lost ---------------------------------------------

RU_FLAT = (
    "События Встреча с губернатором Тверской области Анной Беловой Владимир Путин провёл "
    "рабочую встречу с губернатором Тверской области Анной Беловой. 3 июня 2024 года 15:10 "
    "Москва, Кремль А.Белова Белова Анна Петровна губернатор Тверской области : Уважаемый "
    "Владимир Владимирович! Доложу о работе области. В.Путин: Как дела с дорогами? "
    "А.Белова: Дороги строим. * * * Вопрос: А мосты? В.Путин: Спасибо. "
    "География Тверская область Темы Регионы Лица Белова Анна Петровна Статус материала "
    "Опубликован в разделах: Новости , Стенограммы Дата публикации: 3 июня 2024 года, 16:00 "
    "Ссылка на материал: kremlin.ru/d/1 Текстовая версия"
)


def test_flat_russian_page_gets_its_lines_back(tmp_path: Path) -> None:
    t = _read(tmp_path, "page", RU_FLAT)
    assert t.event.title == "Встреча с губернатором Тверской области Анной Беловой"
    assert t.event.date == dt.date(2024, 6, 3)
    assert t.event.time == dt.time(15, 10)
    assert t.event.place == "Москва, Кремль"
    labels = [s.label for s in t.turns if isinstance(s, Speech)]
    assert labels == ["А.Белова", "В.Путин", "А.Белова", "Вопрос", "В.Путин"]
    assert t.metadata.persons == ["Белова Анна Петровна"]


def test_flat_label_of_a_surname_of_several_words_keeps_them(tmp_path: Path) -> None:
    # "Х.Бен Тарек Аль Саид (как переведено) :" was read as "Х.Бен", a person of its own whom
    # the lead's "Хейсамом Бен" then named; a tooltip repeats the surname first, a surname of
    # several words goes on with other words.
    page = RU_FLAT.replace(
        "В.Путин: Спасибо.", "Х.Бен Тарек Аль Саид (как переведено) : Большое спасибо."
    )
    t = _read(tmp_path, "oman", page)
    last = [s for s in t.turns if isinstance(s, Speech)][-1]
    assert (last.label, last.speaker) == (
        "Х.Бен Тарек Аль Саид (как переведено)", "kh-ben-tarek-al-said"
    )
    assert last.paragraphs == ["Большое спасибо."]


def test_flat_page_is_detected_as_kremlin_text() -> None:
    from transcript_model.converters.text import sniff

    assert sniff(RU_FLAT.encode()) >= 0.85
    truncated = RU_FLAT[: RU_FLAT.index("География")].encode()
    assert sniff(truncated) >= 0.85


def test_flat_english_page(tmp_path: Path) -> None:
    text = (
        "Events Meeting with Governor of Tula Region Ivan Petrov Vladimir Putin met with "
        "Governor of Tula Region Ivan Petrov. March 4, 2021 12:30 Novo-Ogaryovo, Moscow Region "
        "Vladimir Putin: Good afternoon. How are things in the region? Ivan Petrov: Good "
        "afternoon, Mr President. Things are well. Question: And the harvest? Vladimir Putin: "
        "Thank you. Topics Regions Publication status Published in sections: News "
        "Publication date: March 4, 2021, 14:00 Text version"
    )
    t = _read(tmp_path, "page.txt", text)
    assert (t.event.title, t.event.date) == (
        "Meeting with Governor of Tula Region Ivan Petrov",
        dt.date(2021, 3, 4),
    )
    labels = [s.label for s in t.turns if isinstance(s, Speech)]
    assert labels == ["Vladimir Putin", "Ivan Petrov", "Question", "Vladimir Putin"]


# English pages with their line breaks lost, abridged from en.kremlin.ru pages (CC BY 4.0).
EN_FLAT_MEETING = (
    "Events Meeting on rocket and space sector development The President held a meeting on "
    "the development of the rocket and space sector. April 10, 2020 15:00 The Kremlin, Moscow "
    "President of Russia Vladimir Putin: Colleagues, good afternoon. Mr Testoyedov, please. "
    "General Director of Reshetnev Information Satellite Systems Nikolai Testoyedov: Mr "
    "President, we are working. See also Video linkup with ISS crew April 10, 2020 * * * "
    "Our plans are set. Vladimir Putin: Fine, thank you. <…> Aeroflot CEO Vitaly "
    "Savelyev: Thank you. Prime Minister of Japan Shinzo Abe (retranslated): Thank you. "
    "Andrei Okhlopkov, General Director of the Centre for Operation of Space Ground-Based "
    "Infrastructure (TsENKI): Mr President, we continue working. Vladimir Putin: Thank you. "
    "See also Trip to Izhevsk June 27, 2017 * * * Topics Space Publication status Published "
    "in sections: News, Transcripts Publication date: April 10, 2020, 15:00 Text version"
)


def test_flat_english_labels_of_office_and_name(tmp_path: Path) -> None:
    t = _read(tmp_path, "page.txt", EN_FLAT_MEETING)
    assert t.event.title == "Meeting on rocket and space sector development"
    assert (
        t.event.lead
        == "The President held a meeting on the development of the rocket and space sector."
    )
    assert t.event.place == "The Kremlin, Moscow"
    names = {p.id: p.name for p in t.participants}
    speakers = [names[s.speaker] for s in t.turns if isinstance(s, Speech)]
    assert speakers == [
        "Vladimir Putin", "Nikolai Testoyedov", "Vladimir Putin", "Vitaly Savelyev",
        "Shinzo Abe", "Andrei Okhlopkov", "Vladimir Putin",
    ]  # fmt: skip
    lines = flat.restore_lines(EN_FLAT_MEETING).splitlines()
    assert "Vladimir Putin: Fine, thank you. <…>" in lines  # the label after "<…>" is cut off
    # The box inside the text stays inline; the one before the footer is the page's see-also.
    assert [link.title for link in t.metadata.see_also] == ["Trip to Izhevsk"]


def test_flat_english_whole_page_copy(tmp_path: Path) -> None:
    # A whole en.kremlin.ru page (Ctrl+A) stored on one line, abridged (CC BY 4.0): the site's
    # menus, the article, the links after "Text version".
    text = (
        "President of Russia Events Structure Videos and Photos Documents Contacts Search "
        "Search this website All content on this site is licensed under Creative Commons "
        "Attribution 4.0 International Presidential Executive Office2020 Events Meeting with "
        "Accounts Chamber Head Alexei Kudrin Vladimir Putin met with Chairman of the Accounts "
        "Chamber Alexei Kudrin. August 19, 2020 18:00 Novo-Ogaryovo, Moscow Region * * * "
        "Beginning of the meeting President of Russia Vladimir Putin: Mr Kudrin, I know that "
        "you have several questions. Chairman of the Accounts Chamber Alexei Kudrin : Thank you, "
        "Mr President. Jörg Schönenborn: Good evening. Vladimir Putin: Good. Topics Budget "
        "Persons Kudrin Alexei Publication status Published in sections: News, Transcripts "
        "Publication date: August 19, 2020, 18:00 Direct link: en.kremlin.ru/d/63914 Text "
        "version Direct link http://en.kremlin.ru/events/president/news/63914 Share VK "
        "Facebook Last updated at August 20, 2020, 10:28 Official Internet Resources"
    )
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    result = tm.read_result(path)
    (t,) = result.transcripts
    assert (t.event.title, t.event.date) == (
        "Meeting with Accounts Chamber Head Alexei Kudrin",
        dt.date(2020, 8, 19),
    )
    assert _speakers(t) == ["Vladimir Putin", "Alexei Kudrin", "Jörg Schönenborn", "Vladimir Putin"]
    assert t.metadata.persons == ["Kudrin Alexei"]
    chrome = [w for w in result.warnings if w.code == "text_site_chrome"]
    assert len(chrome) == 2  # the menus before the article, the links after it


@pytest.mark.parametrize(
    ("header", "title", "lead"),
    [
        # An office before the President's name keeps it in the title; a name after "with" too.
        ("President Vladimir Putin met with Moldova's President Vladimir Voronin",
         "President Vladimir Putin met with Moldova's President Vladimir Voronin", None),
        ("Working meeting with Prime Minister Dmitry Medvedev Vladimir Putin had a working "
         "meeting with Prime Minister Dmitry Medvedev.",
         "Working meeting with Prime Minister Dmitry Medvedev",
         "Vladimir Putin had a working meeting with Prime Minister Dmitry Medvedev."),
        ("Meeting on preparations for Direct Line with Vladimir Putin The President held a "
         "meeting.", "Meeting on preparations for Direct Line with Vladimir Putin",
         "The President held a meeting."),
        # A capitalised preposition, article or pronoun inside a sentence-case title.
        ("Vladimir Putin arrived in Tehran In Tehran, Vladimir Putin will take part in talks.",
         "Vladimir Putin arrived in Tehran",
         "In Tehran, Vladimir Putin will take part in talks."),
        ("Meeting with leader of A Just Russia party Sergei Mironov Mr Mironov briefed the "
         "President.", "Meeting with leader of A Just Russia party Sergei Mironov",
         "Mr Mironov briefed the President."),
        # The lead repeats the title's last words, or its first two.
        ("Working meeting with Novgorod Region Governor Andrei Nikitin Novgorod Region Governor "
         "Andrei Nikitin briefed the President.",
         "Working meeting with Novgorod Region Governor Andrei Nikitin",
         "Novgorod Region Governor Andrei Nikitin briefed the President."),
        ("Russian-German talks Talks between the two leaders took place.",
         "Russian-German talks", "Talks between the two leaders took place."),
        ("Winners of 2017 Russian Federation National Awards Winners of the 2017 awards were "
         "announced.", "Winners of 2017 Russian Federation National Awards",
         "Winners of the 2017 awards were announced."),
    ],
)  # fmt: skip
def test_flat_english_title_and_lead(
    tmp_path: Path, header: str, title: str, lead: str | None
) -> None:
    text = (
        f"Events {header} September 18, 2003 16:00 St Petersburg The Presidents talked. "
        "Publication status Published in section: News Publication date: September 18, 2003, "
        "16:00 Text version"
    )
    t = _read(tmp_path, "page.txt", text)
    assert (t.event.title, t.event.lead) == (title, lead)
    assert (t.event.date, t.event.place) == (dt.date(2003, 9, 18), "St Petersburg")


def test_flat_english_date_line_is_the_one_a_time_follows(tmp_path: Path) -> None:
    text = (
        "Events Meeting ahead of the Address on January 15, 2020 The President met the "
        "drafters. December 23, 2019 12:15 Moscow Vladimir Putin: Good afternoon. Publication "
        "status Published in section: News Publication date: December 23, 2019, 12:15 "
        "Text version"
    )
    t = _read(tmp_path, "page.txt", text)
    assert t.event.title == "Meeting ahead of the Address on January 15, 2020"
    assert t.event.date == dt.date(2019, 12, 23)


@pytest.mark.parametrize(
    "unit", ["И.Кобзев Кобзев Игорь ", "В.Путин: ", "Вопрос: ", "* * * ", "Ab Cd. Ef Gh: "]
)
def test_flat_page_of_hostile_shape_is_linear(tmp_path: Path, unit: str) -> None:
    text = "События Заголовок 7 мая 2025 года 18:00 Москва " + unit * (200_000 // len(unit))
    start = time.perf_counter()
    with contextlib.suppress(tm.TranscriptError):
        _read(tmp_path, "h.txt", text)
    assert time.perf_counter() - start < 3
