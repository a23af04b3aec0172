"""Write expected.json and MANIFEST.json for benchmarks/eval_real from candidates.json.

``candidates.json`` (written by scripts/build_eval_real.py) holds, per case, the labels as the
source marks them (bold in the kremlin.ru HTML, label lines in the Markdown, "И.Фамилия:" in the
scraped text). The tables below say which person each printed label names; they were filled in
by reading every case (see benchmarks/eval_real/README.md). Consecutive speeches by the same named
person are one turn (a label repeated on every paragraph is one turn); generic labels ("Question",
"Q", "Interviewer", "Moderator", "AUDIENCE") are null and never merged.

The dev/test split is a seeded draw per group, made before any reader was run on the cases.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
SPLIT_SEED = 1616

GENERIC = {
    "question",
    "q",
    "interviewer",
    "moderator",
    "audience",
    "вопрос",
    "реплика",
    "ответ",
}

# Labels whose person is not simply the name they print (checked against each text).
NAMES: dict[str, str] = {
    # White House (names printed in the title or body, or the office holder on that date)
    "MS. PSAKI": "Jen Psaki",
    "MS PSAKI": "Jen Psaki",
    "MS. JEAN-PIERRE": "Karine Jean-Pierre",
    "MR. ZIENTS": "Jeff Zients",
    "CONGRESSWOMAN GARCIA": "Sylvia Garcia",
    "CONGRESSWOMAN BARRAGÁN": "Nanette Barragán",
    "MR. FENTON": "Bob Fenton",
    "DR. FAUCI": "Anthony Fauci",
    "DR. WALENSKY": "Rochelle Walensky",
    "MR. LANDRIEU": "Mitch Landrieu",
    "SURGEON GENERAL MURTHY": "Vivek Murthy",
    "DR. DASKALAKIS": "Demetre Daskalakis",
    "DR. MCQUISTON": "Jenny McQuiston",
    "MR. MUNOZ": "Kevin Munoz",
    "MR MUNOZ": "Kevin Munoz",
    "SECRETARY BECERRA": "Xavier Becerra",
    "MS. O’CONNELL": "Dawn O’Connell",
    "GOVERNOR EDWARDS": "John Bel Edwards",
    "THE PRESIDENT": "Joe Biden",  # every sampled THE PRESIDENT file is 2021-2024
    "THE VICE PRESIDENT": "Kamala Harris",
    # kremlin.ru Russian: full names where the page prints them (person tooltips), else as printed
    "В.Путин": "Владимир Путин",
    "И.Кобзев": "Игорь Кобзев",
    "В.Герасимов": "Валерий Герасимов",
    "А.Дрозденко": "Александр Дрозденко",
    "В.Володин": "Вячеслав Володин",
    "А.Лукашенко": "Александр Лукашенко",
    "С.Собянин": "Сергей Собянин",
    "Д.Сассу-Нгессо": "Дени Сассу-Нгессо",
    # kremlin.ru English: names printed in capitals, or ending in a lower-case particle
    "Security Council Secretary NIKOLAI PATRUSHEV": "Nikolai Patrushev",
    "Csto Secretary General NIKOLAI BORDYUZHA": "Nikolai Bordyuzha",
    "Crown Prince and Defence Minister of Saudi Arabia Mohammad bin Salman Al Saud": (
        "Mohammad bin Salman Al Saud"
    ),
}

# Pages with no label whose body is one person's speech (read: first-person text throughout).
SOLO: dict[str, str] = {
    "wh-2024-03-05-remarks-as-prepared-for-delivery-by-first-lady-ji": "Jill Biden",
}

_PAREN = re.compile(r"\s*\([^)]*\)")


def person(label: str) -> str | None:
    """The person a printed label names, or None for a generic label."""
    bare = _PAREN.sub("", label).strip().rstrip(":").strip()
    if bare.casefold() in GENERIC:
        return None
    if bare in NAMES:
        return NAMES[bare]
    # kremlin.ru English: "President of Russia Vladimir Putin" -> the capitalised words that end it
    words = bare.split()
    tail: list[str] = []
    for word in reversed(words):
        if word[:1].isupper():
            tail.append(word)
        else:
            break
    tail.reverse()
    while tail and tail[0] in {
        "President",
        "Prime",
        "Minister",
        "Deputy",
        "Director",
        "Commissioner",
    }:
        tail.pop(0)
    # every sampled kremlin.ru English label ends in a two-word name ("... Vladimir Putin")
    return " ".join(tail[-2:]) if tail else bare


_SAYIT_EVENT = re.compile(r"^(?:### (.+?)[:：]\s*|> \(.*\)\s*)$", re.M)


def _sayit_labels(text: str) -> list[str | None]:
    """Labels in order, with None where a stage note ("> (Jun speaks)") separates two speeches."""
    return [m.group(1) for m in _SAYIT_EVENT.finditer(text)]


def speakers(case: dict[str, Any]) -> list[str | None]:
    if case["case"] in SOLO:
        return [SOLO[case["case"]]]
    labels: list[str | None] = case["candidate"]["labels"]
    if case["case"].startswith("sayit-"):
        text = (OUT / case["group"] / case["case"] / "input.md").read_text(encoding="utf-8")
        labels = _sayit_labels(text)
    merged: list[str | None] = []
    broken = False
    for label in labels:
        if label is None:
            broken = True
            continue
        who = person(label)
        if who is not None and merged and merged[-1] == who and not broken:
            continue
        broken = False
        merged.append(who)
    return merged


def _yaml_title(raw: str) -> str:
    """A YAML double-quoted scalar as the front matter stores it (folded lines, escapes)."""
    text = raw.strip()
    if text.startswith('"'):
        text = text[1:-1]
        text = re.sub(r"\\\n\s*\\ ", " ", text)  # escaped line break before an escaped space
        text = re.sub(r"\\\n\s*", "", text)
        text = re.sub(r"\n\s*", " ", text)
        text = text.replace("\\_", " ").replace('\\"', '"')
        text = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return re.sub(r"\s+", " ", text).strip()


def write_expectation(
    case: dict[str, Any], title: str, spoken: list[str | None], halves: dict[str, str]
) -> dict[str, Any]:
    """Write a case's expected.json (one document); return its manifest row."""
    folder = OUT / case["group"] / case["case"]
    expected = {
        "documents": [
            {
                "title": title,
                "date": case["candidate"]["date"],
                "speakers": spoken,
                "turns": len(spoken),
            }
        ]
    }
    (folder / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    inputs = sorted(p.name for p in folder.iterdir() if p.name.startswith("input."))
    return {
        "group": case["group"],
        "half": halves[case["case"]],
        "path": f"{case['group']}/{case['case']}/{inputs[0]}",
        "source_url": case["source_url"],
        "licence": case["licence"],
        "obtained": case["obtained"],
        **({"stratum": case["stratum"]} if "stratum" in case else {}),
    }


def main() -> None:
    cases = json.loads((OUT / "candidates.json").read_text(encoding="utf-8"))
    rng = random.Random(SPLIT_SEED)
    manifest: dict[str, Any] = {}
    by_group: dict[str, list[str]] = {}
    for case in cases:
        by_group.setdefault(case["group"], []).append(case["case"])
    halves: dict[str, str] = {}
    for group in sorted(by_group):
        names = sorted(by_group[group])
        rng.shuffle(names)
        for index, name in enumerate(names):
            halves[name] = "dev" if index % 2 == 0 else "test"
    for case in cases:
        folder = OUT / case["group"] / case["case"]
        title = case["candidate"]["title"]
        if case["group"] == "other" and case["case"].startswith("wh-"):
            text = (folder / "input.md").read_text(encoding="utf-8")
            front = text.split("---", 2)[1]
            match = re.search(r"^title: (\"(?:[^\"\\]|\\[\s\S])*\"|.*)$", front, re.M)
            title = _yaml_title(match.group(1)) if match else title
        manifest[case["case"]] = write_expectation(case, title, speakers(case), halves)
    (OUT / "MANIFEST.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
