"""Write expected.json for the third draw (candidates_3.json) and add its cases to the DEV half.

The third draw (``scripts/build_eval_real_3.py``, seed 1603) holds fresh pages drawn to diagnose
the readers without looking at test cases: every one of its cases is diagnosed, so every one goes
to the dev half, and nothing moves to or from the test half.

Same conventions as ``scripts/expectations_eval_real_2.py``: the labels come from the source's own
markup; the tables below say which person each printed label names and were filled in by reading
every case; consecutive speeches by the same named person are one turn; generic labels are null;
a page with no label is a report (no turns) or, when read as one person's speech, one turn by
that person (``SOLO``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from expectations_eval_real import speakers as first_draw_speakers
from expectations_eval_real import write_expectation
from expectations_eval_real_2 import _same
from expectations_eval_real_2 import person as second_draw_person

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
DRAWN_BY = "scripts/build_eval_real_3.py (seed 1603)"

# Labels whose person is not the trailing two capitalised words of the label (read in each case):
# three-word names, initials of a name printed in full elsewhere on the page, a second spelling
# of the same person on one page, and White House labels of people the title names.
NAMES: dict[str, str] = {
    "Kate De Pury": "Kate de Pury",
    "Ann Maria Simmons": "Ann Maria Simmons",
    "Esayas Berhanu Endeshaw": "Esayas Berhanu Endeshaw",
    "Ioannou Jason Karim": "Ioannou Jason Karim",
    "M. Papchenkova": "Margarita Papchenkova",
    "D. Valeyev": "Dinar Valeyev",
    "Sergey Lisovsky": "Sergei Lisovsky",
    "Anatoly Aleksandrov": "Anatoly Alexandrov",
    "PRESIDENT BIDEN": "Joe Biden",
    "PRESIDENT VON DER LEYEN": "Ursula von der Leyen",
    "VICE PRESIDENT HARRIS": "Kamala Harris",
    "SENIOR ADMINISTRATION OFFICIAL": "Senior Administration Official",
    "MS. DALTON": "Olivia Dalton",
    "MR. KIRBY": "John Kirby",
    # long kremlin.ru pages: a name before a comma and the person's description after it
    "Valeriya Korableva, reporter at Channel One": "Valeriya Korableva",
    "Yevgeny Rozhkov, reporter at VGTRK": "Yevgeny Rozhkov",
    "Tatyana Remezova, reporter at VGTRK": "Tatyana Remezova",
    "Natalya Yuryeva, Channel One Russia": "Natalya Yuryeva",
    "Nailya Asker-zade, VGTRK": "Nailya Asker-zade",
    "CNBC TV anchor Geoff Cutmore, moderator of the plenary session": "Geoff Cutmore",
    "Vladimir Fortov, Secretary of the Department of Energy, Mechanical Engineering, Engine "
    "Operation and Control, Russian Academy of Sciences": "Vladimir Fortov",
    "Alexandra Kalashnikova, Senior Researcher at the Ioffe Physical-Technical Institute of the "
    "Russian Academy of Sciences": "Alexandra Kalashnikova",
    # names of three words or with a lower-case particle
    "Dmitry de Koshko": "Dmitry de Koshko",
    "President of the European Council on Tolerance and Reconciliation Viatcheslav Moshe "
    "Kantor": "Viatcheslav Moshe Kantor",
    "OPEC Secretary General Mohammed Sanusi Barkindo": "Mohammed Sanusi Barkindo",
    "Mohammed Sanusi Barkindo": "Mohammed Sanusi Barkindo",
    "Director-General of the International Renewable Energy Agency (IRENA) Adnan Z. Amin": (
        "Adnan Z. Amin"
    ),
    "Adnan Z. Amin": "Adnan Z. Amin",
    "Secretary General of the Gas Exporting Countries Forum (GECF) Seyed Mohammed Hossein "
    "Adeli": "Seyed Mohammed Hossein Adeli",
    "Seyed Mohammed Hossein Adeli": "Seyed Mohammed Hossein Adeli",
    # a role with no name: the role as printed names the person
    "Winner of the Presidential Prize in Science and Innovation for Young Scientists": (
        "Winner of the Presidential Prize in Science and Innovation for Young Scientists"
    ),
    "Call centre operator": "Call centre operator",
}

AU_NAMES: dict[str, dict[str, str]] = {
    "au-pm-2008-04-21-15884": {"O'BRIEN": "Kerry O'Brien"},
    "au-pm-2015-02-03-24166": {"DAVID KOCH": "David Koch"},
}

# Pages with no label that are one person's speech (read: first-person text throughout).
SOLO: dict[str, str] = {
    "ru-flat-2025-04-28-76805": "Владимир Путин",  # "Заявление Президента": his statement
    "au-pm-2017-01-19-40696": "Malcolm Turnbull",  # his statement on Mike Baird's resignation
}

_PAREN = re.compile(r"\s*\([^)]*\)")
_GENERIC = {"question", "q", "moderator", "remark", "reply", "response", "comment", "speaker"}


def person(case: dict[str, Any], label: str) -> str | None:
    bare = _PAREN.sub("", label).strip().rstrip(":").strip()
    if bare.casefold() in _GENERIC or bare.startswith("Question from "):
        return None
    if bare in NAMES:
        return NAMES[bare]
    if bare in AU_NAMES.get(case["case"], {}):
        return AU_NAMES[case["case"]][bare]
    return second_draw_person(case, label)


def speakers(case: dict[str, Any]) -> list[str | None]:
    if case["case"] in SOLO:
        return [SOLO[case["case"]]]
    if case["case"].startswith("sayit-"):
        return first_draw_speakers(case)
    merged: list[str | None] = []
    for label in case["candidate"]["labels"]:
        who = person(case, label)
        if who is not None and merged and _same(merged[-1], who):
            continue
        merged.append(who)
    return merged


def _title(case: dict[str, Any]) -> str:
    if case["case"].startswith("wh-"):
        from expectations_eval_real import _yaml_title

        text = (OUT / case["group"] / case["case"] / "input.md").read_text(encoding="utf-8")
        front = text.split("---", 2)[1]
        match = re.search(r"^title: (\"(?:[^\"\\]|\\[\s\S])*\"|.*)$", front, re.M)
        if match:
            return _yaml_title(match.group(1))
    return re.sub(r"\s+", " ", case["candidate"]["title"]).strip()


def main() -> None:
    cases = json.loads((OUT / "candidates_3.json").read_text(encoding="utf-8"))
    manifest: dict[str, Any] = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8"))
    kept = {k: v for k, v in manifest.items() if v.get("drawn_by") != DRAWN_BY}
    halves = {case["case"]: "dev" for case in cases}
    for case in cases:
        row = write_expectation(case, _title(case), speakers(case), halves)
        kept[case["case"]] = {**row, "drawn_by": DRAWN_BY}
    (OUT / "MANIFEST.json").write_text(
        json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
