"""Write expected.json for the fifth draw (``candidates_5.json``: the ``kremlin_ru`` group).

The six pages are split into halves first, by a seeded draw over the pages (seed 1605; a page
rendered twice, 77428, keeps both cases in one half), before any reader has run on them.

The person of a label comes from the source's own markup, as in the earlier draws: kremlin.ru
prints a person's full name in the card hidden in their first label, surname first ("Красников
Геннадий Яковлевич"), which the scraped text keeps glued to the label and the page keeps in its
tooltip; the label "Г.Красников" names "Геннадий Красников" when such a card, with a given name
of the label's initial, follows the surname anywhere in the source. Without a card the label
stands as printed ("А.Орлов"), except the president's (``NAMES`` of the first draw: "В.Путин"
is "Владимир Путин"). The test half's names were not read by hand: the rule above made them,
and only the dev half's were checked against their texts.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_eval_real_5 import ITEMS_COMMIT, ITEMS_FILE, PAGE_FILE, PAGES, _source
from expectations_eval_real import NAMES, write_expectation

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
SPLIT_SEED = 1605
DRAWN_BY = "scripts/build_eval_real_5.py (the whole population)"


def halves_by_page(cases: list[dict[str, Any]]) -> dict[str, str]:
    pages = sorted({case["page"] for case in cases})
    random.Random(SPLIT_SEED).shuffle(pages)
    dev = set(pages[: len(pages) // 2])
    return {case["case"]: "dev" if case["page"] in dev else "test" for case in cases}


def _markup(case: dict[str, Any]) -> str:
    """The source the case was made from, with its markup (the cards are in it)."""
    if case["case"].startswith("ru-page-"):
        commit = next(c for c, page in PAGES.items() if page == case["page"])
        return re.sub(r"<[^>]+>", " ", _source(commit, PAGE_FILE))
    items = json.loads(_source(ITEMS_COMMIT, ITEMS_FILE))
    return next(i["text"] for i in items if i["metadata"]["url"].endswith("/" + case["page"]))


def person(label: str, markup: str) -> str | None:
    if label in ("Вопрос", "Реплика"):
        return None
    if label in NAMES:
        return NAMES[label]
    initials, _, surname = label.rpartition(".")
    patronymic = r"[А-ЯЁ][а-яё]+(?:ич|на)"
    card = re.search(rf"{re.escape(surname)}\s*({initials[0]}[а-яё]+)\s+{patronymic}", markup)
    return f"{card.group(1)} {surname}" if card else label


def speakers(case: dict[str, Any], markup: str) -> list[str | None]:
    merged: list[str | None] = []
    for label in case["candidate"]["labels"]:
        who = person(label, markup)
        if who is not None and merged and merged[-1] == who:
            continue
        merged.append(who)
    return merged


def main() -> None:
    cases = json.loads((OUT / "candidates_5.json").read_text(encoding="utf-8"))
    halves = halves_by_page(cases)
    manifest = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8"))
    for case in cases:
        markup = _markup(case)
        spoken = speakers(case, markup)
        row = write_expectation(case, case["candidate"]["title"], spoken, halves)
        manifest[case["case"]] = {**row, "drawn_by": DRAWN_BY}
        if halves[case["case"]] == "dev":
            names = {label: person(label, markup) for label in case["candidate"]["labels"]}
            print(case["case"], json.dumps(names, ensure_ascii=False), file=sys.stderr)
    (OUT / "MANIFEST.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    counts = {half: sum(1 for h in halves.values() if h == half) for half in ("dev", "test")}
    print(f"kremlin_ru: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
