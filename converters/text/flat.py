"""kremlin.ru page text whose line breaks were lost, as public scrapers store it.

A scraped page is one line: "События <title> <lead> 7 мая 2025 года 18:00 Москва, Кремль
В.Путин: … Р.Кадыров: … География … Темы … Лица … Статус материала Опубликован в разделах: …
Дата публикации: … Текстовая версия". :func:`restore_lines` finds the header (section word,
title, lead, date, time, place), the speaker labels ("В.Путин:", "Вопрос:", "Vladimir Putin:",
"President of Russia Vladimir Putin:", a scraped person tooltip between label and colon:
"И.Кобзев Кобзев Игорь Иванович губернатор … :"), "See also" boxes and the footer words inside
the line, and gives the page back one element a line, as the site prints it, for the ordinary
text reader. A whole page stored so (menus, article, links) keeps its menus on a first line and
its links on lines of their own, which the text reader leaves out as site chrome.

Linear: the body is one ``finditer`` of one compiled alternation, the header and the footer
are looked for in bounded stretches, and every piece is joined once.
"""

from __future__ import annotations

import itertools
import re

from .. import _kremlin as kremlin

#: How many characters from a text's first one (after leading blanks) :func:`is_flat` looks at.
HEAD_CHARS = 64 * 1024
_MIN_FLAT_LINE = 200
# Every character that ends a line for the text reader: "\r" alone is an old Mac line end.
_LEADING_SPACE = re.compile(r"\s*")
_LINE_BREAK = re.compile("[\n\r\u2028\u2029\x0b\x0c\x85\x1c\x1d\x1e]")
_RU_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    rf"(?<!\S)(?:\d{{1,2}} (?:{_RU_MONTHS}) \d{{4}} года|(?:{_EN_MONTHS}) \d{{1,2}}, \d{{4}})(?!\S)"
)
_TIME = re.compile(r"[ ]*(\d{1,2}:\d{2})(?!\S)")
_SECTIONS = ("События ", "Events ")
# The first words of the site's places of two words ("St Petersburg", "The Kremlin, Moscow",
# "Нижний Новгород"): any other place starts with a word of its own.
_PLACE_FIRST_WORDS = (
    "St|The|New|Nizhny|Veliky|Bocharov|Krasnaya|Mineralnye|Yasnaya"
    "|Нижний|Великий|Бочаров|Красная|Минеральные|Ясная"
)
_PLACE = re.compile(
    rf"[ ]*(?P<place>(?:(?:{_PLACE_FIRST_WORDS}) )?[A-ZА-ЯЁ][\w\-]*"
    r"(?:, [A-ZА-ЯЁ][\w\-]*(?: [\w\-]+)?)?)(?= [A-ZА-ЯЁ«\"(*]|$)"
)
# Words that open the lead after the title ("… Вучичем Состоялся телефонный разговор …").
# A Russian title never capitalises a preposition inside it, so "… Заполярья» В ходе …" or
# "… Собчаку По итогам …" opens the lead; so does a day and month without a year ("… 22 апреля
# Владимир Путин …": the page's own date line carries the year).
_LEAD = re.compile(
    r" (?=(?:Владимир Путин|Дмитрий Медведев|Президенты? |Глава государства|Главе государства"
    r"|Состоял(?:ся|ась|ось|ись) |Губернатор |Председатель |Премьер-министр |В Кремле "
    r"|Глава региона |Генеральный директор |Верховный Главнокомандующий |Рабочая поездка "
    r"|Обсуждал(?:ся|ась|ось|ись) |Завершая |Имена лауреатов "
    r"|The President |The Presidents |The Head of State |President of Russia ))"
    # The President's name, unless an office before it makes it part of the title ("Working
    # meeting with Prime Minister Dmitry Medvedev", "President Vladimir Putin met …").
    r"|(?<!President)(?<!Presidents)(?<!Minister)(?<!Chairman)(?<! with)(?<!,)"
    r" (?=Vladimir Putin|Dmitry Medvedev)"
    r"|(?<=[А-ЯЁа-яё\d»”\")]) (?=(?:В|Во|По|На|При|За|Об?|Из|Для) [\wА-ЯЁ])"
    # An English title is in sentence case: a capitalised preposition, article or pronoun after
    # a word opens the lead ("Vladimir Putin arrived in Tehran In Tehran, Vladimir Putin will …",
    # "Meeting with Ali Khamenei Towards the end of his visit …").
    r"|(?<=[a-z\d’”\")]) (?=(?:In|On|At|During|Following|After|Before|As|The|An|This|These"
    r"|A(?! Just Russia)|It|He|She|They|There|Towards|Prior|Last|Yesterday|Ahead|Concluding"
    r"|Earlier|Mr|Ms|Mrs|Speaking|Upon|While|When|With|Within|Among|Addressing|Opening) \w)"
    rf"|(?<=[а-яё»”\")]) (?=\d{{1,2}} (?:{_RU_MONTHS}) (?!\d{{4}}))"
)
# An announcement's title opens with the day it announces ("10 мая Владимир Путин проведёт
# переговоры …", "7–10 мая Председатель КНР …"): no lead starts right after that day.
_TITLE_DAY = re.compile(rf"\d{{1,2}}(?:[–−-]\d{{1,2}})? (?:{_RU_MONTHS})(?= )")
# An announcement's date is printed "Анонс на 10 мая 2025 года" ("Анонс на 7 − 10 мая 2025
# года" for several days), then the calendar buttons: page furniture, not title or text.
_ANNOUNCED = re.compile(r"[ ]*Анонс на(?: (?P<first>\d{1,2}) [−–-])?$")
_CALENDAR = re.compile(r"[ ]*Добавить в [Кк]алендарь(?: Календари)?(?: (?:Яндекс|iCal|Google))*")
# A decree or order page: "12:50 Текст Указа: 1. Назначить …" (no place, no speech).
_DOCUMENT_TEXT = re.compile(r"[ ]*(Текст [А-ЯЁа-яё]{2,30}(?: [а-яё]{1,30}){0,3}):(?= )")
_NEXT_WORD = re.compile(r" (\S{1,80})")
_WORD = r"[A-ZА-ЯЁ][a-zа-яё'’\-]+"
# A word of a full name: Latin letters with accents too ("Jörg Schönenborn").
_NAME_WORD = r"[A-ZА-ЯЁ][a-zа-яёß-öø-ÿĀ-ž'’\-]+"
_INITIALS = r"[A-ZА-ЯЁ]\.(?:[ ]?[A-ZА-ЯЁ]\.)?"
# English labels name the office before the name ("Minister of Industry and Trade Denis
# Manturov", "Roscosmos cosmonaut Yury Malenchenko", "Emir of Qatar Sheikh Tamim bin Hamad Al
# Thani"): a capitalised word, at most ten more words, and a name of two capitalised words.
# Cutting a sentence that ends so ("… of [Healthcare Minister] Ms Skvortsova:") is harmless:
# the text reader decides what is a label, as it does on the page's own lines.
# No full stop inside: a label never spans the end of a sentence ("Thank you. Vladimir Putin:").
_CAPITALISED = r"[A-Z][\w'’\-]*"
_OFFICE_AND_NAME = rf"{_CAPITALISED}(?:,? [\w'’\-]+){{0,10}}? {_CAPITALISED} {_CAPITALISED}"
# The alternation the body is cut at: an initials label with an optional scraped tooltip or a
# space before ":" ("В.Путин :"), a generic label, a full-name label after the end of a
# sentence, an English label of office and name after the end of a sentence ("President of
# Russia Vladimir Putin:", "Prime Minister of Japan Shinzo Abe (retranslated):", "Andrei
# Okhlopkov, General Director of the Centre for … (TsENKI):"; a space before the colon where
# a copy broke the label at its name's tooltip), a "See also" box in the text, a "* * *" break.
_BODY_MARKS = re.compile(
    rf"(?<!\S)(?P<initials>{_INITIALS}{_WORD}(?:-{_WORD})?)(?P<tip> [^:.!?]{{1,160}}? | )?:(?= )"
    r"|(?<!\S)(?P<generic>Вопрос|Реплика|Ответ|Question|Remark|Answer|Operator|Moderator)"
    r"(?: \([^()]{0,80}\))?:(?= )"
    rf"|(?<=[.!?…»\"”>)\]] )(?P<full>{_NAME_WORD} {_NAME_WORD}(?: {_NAME_WORD})?) ?:(?= )"
    # The President's own label, wherever it stands (after a subheading without a full stop).
    r"|(?<!\S)(?P<president>President of Russia (?:Vladimir Putin|Dmitry Medvedev)) ?:(?= )"
    rf"|(?<=[.!?…»\"”>)\]] )(?P<office>{_OFFICE_AND_NAME})"
    r"(?: \([^()]{1,60}\))? ?:(?= )"
    r"|(?<!\S)(?P<see>See also|См\. также) (?=\S)"
    r"|(?<!\S)(?P<break>\*[ ]\*[ ]\*)(?!\S)"
)
# Footer words: the strong ones are printed once, at the very end.
_FOOTER_END = re.compile(
    r"(?<!\S)(?:Статус материала|Статус публикации|Publication status|Опубликован в раздел|"
    r"Published in section|Дата публикации:|Publication date:)"
)
_FOOTER_HEADINGS = re.compile(
    r"(?<!\S)(?P<word>См\. также|География|Темы|Лица|Персоны|See also|Geography|Topics|Persons)"
    r"(?= )"
)
_FOOTER_FIELDS = re.compile(
    r"(?<!\S)(?:(?P<heading>Статус материала|Статус публикации|Publication status)"
    r"|(?P<field>Опубликован в разделах?|Published in sections?|Дата публикации|Publication date"
    r"|Ссылка на материал|Link to the material|Direct link):"
    r"|(?P<end>Текстовая версия|Text version))"
)
_FOOTER_WINDOW = 4000
#: The end of the site's menus in a whole page copied on one line: the year of the copyright
#: line ("Presidential Executive Office2020", "Администрация Президента России2020"), then
#: the article's breadcrumb.
_SITE_MENUS = re.compile(r"(?:Office|России) ?(?:19|20)\d\d(?= (?:Events|События) )")
#: The site's links after "Text version" in a whole page copied on one line: on lines of their
#: own, the text reader leaves them out as the page's chrome.
_SITE_LINKS = re.compile(rf"({'|'.join(kremlin.FIRST_SITE_LINKS)}) (?=\S)")
_CANONICAL = {
    "Лица": "Персоны",
    "Опубликован в разделе": "Опубликован в разделах",
    "Published in section": "Published in sections",
}


def is_flat(text: str) -> bool:
    """Page text that is (almost) one long line with a page date near its start.

    Cheap for ordinary text: it stops at the first line break when the first line is short.
    """
    leading = _LEADING_SPACE.match(text)
    start = leading.end() if leading else 0
    first = _LINE_BREAK.search(text, start, start + HEAD_CHARS)
    if first is not None and first.start() - start < _MIN_FLAT_LINE:
        return False
    end = first.start() if first else min(len(text), start + HEAD_CHARS)
    if _DATE.search(text, start, min(end, start + 4096)) is None:
        return False
    later_breaks = itertools.islice(_LINE_BREAK.finditer(text, end, start + HEAD_CHARS), 3)
    return sum(1 for _ in later_breaks) <= 2


def restore_lines(text: str) -> str:
    """The page with one element a line (see the module notes); other text unchanged."""
    if not is_flat(text):
        return text
    page = " ".join(text.split())
    date = _page_date(page)
    if date is None:
        return text
    footer_at = _footer_start(page)
    before = page[: date.start()].strip()
    date_text = date.group()
    announced = _ANNOUNCED.search(before)
    if announced:
        before = before[: announced.start()]
        if announced.group("first"):  # several days: the event starts on the first
            date_text = announced.group("first") + date_text[date_text.index(" ") :]
    lines = _header(before)
    lines.append(date_text)
    body_at = date.end()
    calendar = _CALENDAR.match(page, body_at)
    if calendar:
        body_at = calendar.end()
    clock = _TIME.match(page, body_at)
    if clock:
        lines.append(clock.group(1))
        body_at = clock.end()
    place, body_at = _place(page, body_at)
    if place:
        lines.append(place)
    document = _DOCUMENT_TEXT.match(page, body_at)
    if document:  # "Текст Указа: 1. Назначить …": the heading of a decree's text
        lines.append(document.group(1))
        body_at = document.end()
    lines.extend(_body(page[body_at:footer_at]))
    lines.extend(_footer(page[footer_at:]))
    return "\n".join(line for line in lines if line) + "\n"


def _page_date(page: str) -> re.Match[str] | None:
    """The date line of the page: the first date near the start that a time follows ("December
    23, 2019 14:00"), else the first date; a title may hold a date of its own ("… will take
    place on January 15, 2020")."""
    first = None
    for date in itertools.islice(_DATE.finditer(page, 0, 4096), 4):
        if _TIME.match(page, date.end()):
            return date
        first = first or date
    return first


def _header(before: str) -> list[str]:
    lines: list[str] = []
    chrome = _SITE_MENUS.search(before)
    if chrome is not None:  # a whole page copied: the menus, then the breadcrumb
        lines.append(before[: chrome.end()])
        before = before[chrome.end() + 1 :]
    for section in _SECTIONS:
        if before.startswith(section):
            lines.append(section.strip())
            before = before[len(section) :]
            break
    day = _TITLE_DAY.match(before)
    found = _LEAD.search(before, day.end() + 1 if day else 0)
    lead = (found.start(), found.end()) if found else None
    repeated = _repeated_phrase(before)
    if repeated is not None and (lead is None or repeated < lead[0]):
        lead = (repeated, repeated + 1)
    if lead is None:
        return [*lines, before]
    return [*lines, before[: lead[0]], before[lead[1] :]]


#: The longest phrase looked for at the end of the title and again at the start of the lead.
_MAX_REPEATED_WORDS = 8


def _repeated_phrase(before: str) -> int | None:
    """Where the lead starts when it repeats the title's last words ("Working meeting with
    Novgorod Region Governor Andrei Nikitin Novgorod Region Governor Andrei Nikitin briefed …",
    "Russian-German talks Talks between …") or its first two words, when they are no name:
    the offset of the space before it. Bounded: the header is at most a few thousand
    characters."""
    words = before.split(" ")
    offsets = list(itertools.accumulate((len(word) + 1 for word in words), initial=0))
    for at in range(1, len(words) - 1):
        word, previous = words[at], words[at - 1]
        if not word[:1].isupper():
            continue
        if previous[:1].islower() and previous == word[:1].lower() + word[1:]:
            return offsets[at] - 1
        if words[at : at + 2] == words[:2] and words[1][:1].islower():
            return offsets[at] - 1  # not a name: "Winners of 2016 … Winners of the 2016 …"
        for size in range(2, min(_MAX_REPEATED_WORDS, at, len(words) - at) + 1):
            if words[at - size : at] == words[at : at + size]:
                return offsets[at] - 1
    return None


def _place(page: str, at: int) -> tuple[str | None, int]:
    """ "Москва, Кремль" or "Волгоград" after the time: a capitalised word, perhaps a second
    part after a comma, and then a capitalised word (a lowercase one means it was the body;
    so does a word closed by a colon that opens no label: "Текст Указа: 1. …")."""
    found = _PLACE.match(page, at)
    if found is None or _BODY_MARKS.match(page, found.start("place")):
        return None, at
    after = _NEXT_WORD.match(page, found.end())
    if after and after.group(1).endswith(":") and not _BODY_MARKS.match(page, after.start(1)):
        return None, at
    return found.group("place"), found.end()


def _body(body: str) -> list[str]:
    lines: list[str] = []
    start = 0
    pending = ""
    for mark in _BODY_MARKS.finditer(body):
        if mark.start() < start:
            continue  # inside a "See also" box already taken
        box = _SEE_ALSO_BOX.match(body, mark.end()) if mark.group("see") else None
        if mark.group("see") and box is None:
            continue  # "See also" in a sentence: no box
        text = body[start : mark.start()].strip()
        if pending or text:
            lines.append(f"{pending} {text}".strip() if pending else text)
        start = mark.end()
        if box is not None:
            lines.extend((mark.group("see"), box.group("title"), box.group("date")))
            pending = ""
            start = box.end()
        elif mark.group("break"):
            lines.append("* * *")
            pending = ""
        else:
            label = (
                _initials_label(mark.group("initials"), mark.group("tip"))
                or mark.group("generic")
                or mark.group("full")
                or mark.group("president")
            )
            if mark.group("generic") or mark.group("office"):
                label = mark.group().split(":")[0]  # with its remark: "(retranslated)"
            pending = label + ":"
    text = body[start:].strip()
    if pending or text:
        lines.append(f"{pending} {text}".strip() if pending else text)
    return lines


def _initials_label(initials: str | None, tip: str | None) -> str | None:
    """The label of an initials mark: the initials and surname ("В.Путин"), the scraped
    tooltip after them left out ("И.Кобзев Кобзев Игорь Иванович губернатор …", which repeats
    the surname first); but a surname of several words goes on after the first, with the
    aside after it ("Х.Бен Тарек Аль Саид (как переведено)")."""
    if initials is None or not tip or not tip.strip():
        return initials
    words, bracket, aside = tip.strip().partition("(")
    names = words.split()
    surname = initials.rpartition(".")[2]
    if names and names[0] != surname and all(_SURNAME_WORD.fullmatch(w) for w in names):
        return f"{initials} {' '.join(names)}" + (f" ({aside}" if bracket else "")
    return initials


_SURNAME_WORD = re.compile(_NAME_WORD)


#: A "See also" box: the linked title, then its date ("June 27, 2017", "September 6 − 8, 2000"),
#: then the "* * *" the box ends with.
_LINK_DATE = (
    rf"(?:{_EN_MONTHS}) \d{{1,2}}(?: [−–-] \d{{1,2}})?, \d{{4}}"
    rf"|\d{{1,2}}(?: [−–-] \d{{1,2}})? (?:{_RU_MONTHS}) \d{{4}} года"
)
_SEE_ALSO_BOX = re.compile(rf"(?P<title>[^*]{{1,300}}?) (?P<date>{_LINK_DATE}) (?=\* \* \*)")
_LINK_DATES = re.compile(rf"(?<!\S)(?:{_LINK_DATE})(?!\S)")


def _footer_start(page: str) -> int:
    strong = _FOOTER_END.search(page, max(len(page) - _FOOTER_WINDOW, 0))
    if strong is None:
        return len(page)
    window = max(strong.start() - _FOOTER_WINDOW, 0)
    last: dict[str, int] = {}
    for heading in _FOOTER_HEADINGS.finditer(page, window, strong.start()):
        if not _inline_see_also(page, heading):
            last[heading.group("word")] = heading.start()
    return min(last.values(), default=strong.start())


def _inline_see_also(page: str, heading: re.Match[str]) -> bool:
    """A "See also" box inside the text: after its title, date and "* * *" the text goes on,
    where the footer's box is followed by another footer heading or field."""
    if heading.group("word") not in ("See also", "См. также"):
        return False
    box = _SEE_ALSO_BOX.match(page, heading.end() + 1)
    if box is None:
        return False
    after = box.end() + len("* * * ")
    return not (_FOOTER_HEADINGS.match(page, after) or _FOOTER_END.match(page, after))


def _footer(footer: str) -> list[str]:
    lines: list[str] = []
    marks = [*_FOOTER_HEADINGS.finditer(footer), *_FOOTER_FIELDS.finditer(footer)]
    marks.sort(key=lambda m: m.start())
    for index, mark in enumerate(marks):
        until = marks[index + 1].start() if index + 1 < len(marks) else len(footer)
        value = footer[mark.end() : until].strip().replace(" , ", ", ")
        if mark.lastgroup == "word":
            word = mark.group("word")
            lines.append(_CANONICAL.get(word, word))
            if word in ("Лица", "Персоны", "Persons"):
                lines.extend(_people(value))
            elif word in ("See also", "См. также"):
                lines.extend(_links(value))
            else:
                lines.append(value)
        elif mark.lastgroup == "field":
            name = mark.group("field")
            if name not in kremlin.ADDRESS_FIELDS:
                lines.append(f"{_CANONICAL.get(name, name)}: {value}")
        else:
            lines.append(mark.group())
            links = _SITE_LINKS.match(value)
            if links:
                lines.append(links.group(1))
                value = value[links.end() :]
            if value:
                lines.append(value)
    return lines


def _links(value: str) -> list[str]:
    """ "Trip to Izhevsk June 27, 2017 * * *": each linked title, its date, the closing break."""
    closed = value.endswith("* * *")
    value = value.removesuffix("* * *").rstrip()
    lines: list[str] = []
    start = 0
    for date in _LINK_DATES.finditer(value):
        lines.extend(part for part in (value[start : date.start()].strip(), date.group()) if part)
        start = date.end()
    lines.extend([value[start:].strip()] if value[start:].strip() else [])
    return [*lines, "* * *"] if closed else lines


def _people(value: str) -> list[str]:
    """ "Володин Вячеслав Викторович Лукашенко Александр Григорьевич": three words a person."""
    words = value.split()
    if len(words) % 3 or not all(w[:1].isupper() for w in words):
        return [value]
    return [" ".join(words[i : i + 3]) for i in range(0, len(words), 3)]
