"""Write expected.json for the sixth draw (``candidates_6.json``: 40 ``kremlin_flat`` rows).

The 40 cases are split into dev and test FIRST, by a seeded draw over their names alone (seed
1626; 20 / 20, the first drawn going to the half the group had fewer of, as in the second draw),
before any case is read; the split was recorded before any expectation was written and no reader
of the project was run on the cases.

Same conventions as ``scripts/expectations_eval_real.py`` and ``_3.py``: the labels come from the
text's own "И.Фамилия:" openings (``candidates_6.json``); ``NAMES`` below says which person each
printed label names, filled in by reading every label of every case in its text: the full name
where the page prints it (the person card the scraper kept after a first label, the title, the
lead, or the text, also a given name and patronymic by which the person is addressed or
introduced next to the label, "Пожалуйста, Эдгард Вальтерович." before "Э.Запашный:"), else the
label as printed ("М.Бекова"); generic labels ("Вопрос", "Реплика") are null and never merged; a
run of labels of the same person with nothing else between is one turn. ``LABELS`` holds, for the
three pages where the extraction missed a label (a label printed as a full name, "Берл Лазар:",
or with a remark holding a full stop, "В.Путин (обращаясь к В.Колокольцеву) :"), the labels
as read in the text. No page of this draw is a labelless statement (no ``SOLO``).

The date is the event's date the page prints under its title; announcement pages ("Анонс на 29
апреля 2025 года"), whose CSV date is empty, take the day they announce (``ANNOUNCED``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from expectations_eval_real import write_expectation

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
SPLIT_SEED = 1626
DRAWN_BY = "scripts/build_eval_real_6.py (seed 1606)"

# Every distinct label of the 40 cases, read in its text (the case it was read in, and where the
# full name is printed, in the comment).
NAMES: dict[str, str | None] = {
    "В.Путин": "Владимир Путин",
    "Вопрос": None,  # 76288: journalists' questions
    "Реплика": None,  # 76418: remarks from the room
    "А.Беглов": "Александр Беглов",  # 76816: card
    "В.Матвиенко": "Валентина Матвиенко",  # 76813: card
    "В.Володин": "Вячеслав Володин",  # 76812: title, card
    # 76773: "Х.Бен Тарек Аль Саид (как переведено) :", cut after "Бен" by the extraction;
    # the text prints "Хейсам Бен Тарек Аль Саид"
    "Х.Бен": "Хейсам Бен Тарек Аль Саид",
    "В.Таранцов": "Владимир Таранцов",  # 76735: lead ("Владимиру Таранцову")
    "А.Труфанов": "Александр Труфанов",  # 76694: lead
    "Е.Труфанова": "Елена Труфанова",  # 76694: lead ("его матерью Еленой"), title (Труфановых)
    "Берл Лазар": "Берл Лазар",  # 76694: label of a full name
    "Г.Красников": "Геннадий Красников",  # 76692 and 76304: text ("Геннадий Яковлевич")
    "В.Никишина": "Вероника Никишина",  # 76627: title, lead
    "О.Николаев": "Олег Николаев",  # 76550: card
    "Е.Солнцев": "Евгений Солнцев",  # 76549: title, card
    # 76525: the floor given by name ("Пожалуйста, Эдгард Вальтерович") or a card
    "К.Шахназаров": "Карен Шахназаров",
    "Н.Иванов": "Николай Иванов",
    "О.Любимова": "Ольга Любимова",
    "Т.Голикова": "Татьяна Голикова",
    "Д.Швидковский": "Дмитрий Швидковский",
    "Э.Запашный": "Эдгард Запашный",
    "А.Рыжинский": "Александр Рыжинский",
    "Е.Прилепин": "Евгений Прилепин",
    "А.Демидов": "Артём Демидов",
    "С.Митрофанова": "Софья Митрофанова",  # "Софья Тристановна, так можно сделать"
    "Ю.Слащёва": "Юлиана Слащёва",
    "М.Пиотровский": "Михаил Пиотровский",
    "Б.Эйфман": "Борис Эйфман",
    # 76418: each woman gives her name when she takes the floor, or a card
    "А.Цивилева": "Анна Цивилева",
    "А.Слугина": "Алёна Слугина",
    "А.Кочерова": "Анна Кочерова",
    "Н.Линник": "Наталья Линник",
    "С.Гришанова": "Светлана Гришанова",
    "С.Собянин": "Сергей Собянин",  # "Сергей Семёнович [Собянин]"
    "О.Дорохина": "Ольга Дорохина",
    "Н.Цыганова": "Надежда Цыганова",
    "Т.Федосова": "Татьяна Федосова",
    "О.Жмыхова": "Ольга Жмыхова",
    "Т.Ананичева": "Татьяна Ананичева",
    "А.Тохчукова": "Ася Тохчукова",
    "О.Тихонова": "Ольга Тихонова",
    "А.Захарова": "Александра Захарова",
    "Е.Генералова": "Екатерина Генералова",
    "Е.Джаримова": "Елена Джаримова",
    "М.Бекова": "М.Бекова",  # her given name is not printed
    "З.Степанова": "Зоя Степанова",
    "А.Монгуш": "Айдысмаа Монгуш",
    "Б.Гунба": "Бадра Гунба",  # 76410: title
    "В.Путин (обращаясь к В.Колокольцеву)": "Владимир Путин",  # 76408
    "Умару Сиссоку Эмбало": "Умару Сиссоку Эмбало",  # 76334: label of a full name
    "Т.Таджуддин": "Талгат Таджуддин",  # 76326: title
    # 76304: lead or text; the minister's given name is not printed
    "М.Ковальчук": "Михаил Ковальчук",
    "В.Антипов": "Владислав Антипов",
    "А.Чернов": "Александр Чернов",
    "Н.Потехина": "Надежда Потехина",
    "В.Анаников": "Валентин Анаников",
    "А.Алиханов": "А.Алиханов",
    "А.Лихачёв": "Алексей Лихачёв",  # "Алексей Евгеньевич [Лихачёв]"
    "В.Солодов": "Владимир Солодов",  # 76279: card
    "М.Мишустин": "Михаил Мишустин",  # 76227: card
}

# Labels as read in the text where the extraction missed one (the missed labels are marked).
MISSED = ("Берл Лазар", "Умару Сиссоку Эмбало", "В.Путин (обращаясь к В.Колокольцеву)")
LABELS: dict[str, list[str]] = {
    "ru-flat-2025-04-16-76694": [
        "В.Путин",
        "А.Труфанов",
        "В.Путин",
        "Е.Труфанова",
        "В.Путин",
        "Е.Труфанова",
        "В.Путин",
        "Е.Труфанова",
        "В.Путин",
        "А.Труфанов",
        "В.Путин",
        "А.Труфанов",
        "В.Путин",
        "А.Труфанов",
        "Берл Лазар",
        "В.Путин",
    ],
    "ru-flat-2025-02-26-76334": ["В.Путин", "Умару Сиссоку Эмбало", "В.Путин"],
    # Putin's speech, "<…>" (the minister's report left out), his reply: one turn
    "ru-flat-2025-03-05-76408": ["В.Путин", "В.Путин (обращаясь к В.Колокольцеву)"],
}

# Announcement pages: the CSV's date is empty; the page gives the day it announces.
ANNOUNCED: dict[str, str] = {
    "ru-flat--76810": "2025-04-29",  # "Анонс на 29 апреля 2025 года" (published 28 April)
    "ru-flat--76688": "2025-04-17",  # "Анонс на 17 апреля 2025 года" (published 16 April)
    "ru-flat--76445": "2025-03-13",  # "Анонс на 13 марта 2025 года" (published 12 March)
}


def halves(cases: list[dict[str, Any]], manifest: dict[str, Any]) -> dict[str, str]:
    """The seeded dev/test split of the new cases, from their names only."""
    names = sorted(case["case"] for case in cases)
    random.Random(SPLIT_SEED).shuffle(names)
    held = [
        e["half"]
        for e in manifest.values()
        if e["group"] == "kremlin_flat" and e.get("drawn_by") != DRAWN_BY
    ]
    first = "test" if held.count("test") < held.count("dev") else "dev"
    second = "dev" if first == "test" else "test"
    return {name: first if index % 2 == 0 else second for index, name in enumerate(names)}


def labels(case: dict[str, Any]) -> list[str]:
    found: list[str] = case["candidate"]["labels"]
    if case["case"] not in LABELS:
        return found
    read = LABELS[case["case"]]
    assert [label for label in read if label not in MISSED] == found, case["case"]
    return read


def speakers(case: dict[str, Any]) -> list[str | None]:
    merged: list[str | None] = []
    for label in labels(case):
        who = NAMES[label]
        if who is not None and merged and merged[-1] == who:
            continue
        merged.append(who)
    return merged


def main() -> None:
    cases = json.loads((OUT / "candidates_6.json").read_text(encoding="utf-8"))
    manifest: dict[str, Any] = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8"))
    split = halves(cases, manifest)  # before anything of the cases is read
    for name in sorted(split):
        print(f"{name}: {split[name]}", file=sys.stderr)
    kept = {k: v for k, v in manifest.items() if v.get("drawn_by") != DRAWN_BY}
    for case in cases:
        date = case["candidate"]["date"] or ANNOUNCED[case["case"]]
        dated = {**case, "candidate": {**case["candidate"], "date": date}}
        title = re.sub(r"\s+", " ", case["candidate"]["title"]).strip()
        row = write_expectation(dated, title, speakers(case), split)
        kept[case["case"]] = {**row, "drawn_by": DRAWN_BY}
    (OUT / "MANIFEST.json").write_text(
        json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    counts = {half: sum(1 for h in split.values() if h == half) for half in ("dev", "test")}
    print(f"kremlin_flat, sixth draw: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
