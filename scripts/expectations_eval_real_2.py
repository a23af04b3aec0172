"""Write expected.json for the second draw (candidates_2.json) and add its cases to MANIFEST.json.

Same conventions as ``scripts/expectations_eval_real.py`` (which is left as it was, so the first
75 cases and their halves do not move): the labels come from the source's own markup; the tables
below say which person each printed label names and were filled in by reading every case;
consecutive speeches by the same named person are one turn; generic labels are null and never
merged; a page without a label is either a report (no turns) or, when read as one person's
speech, one turn by that person (``SOLO``).

The dev/test split of the new cases is its own seeded draw per group (seed 1617), made before any
reader was run on them; within a group the first new case goes to the half that had fewer cases,
so the halves stay even.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from expectations_eval_real import person as first_draw_person
from expectations_eval_real import speakers as first_draw_speakers
from expectations_eval_real import write_expectation

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
SPLIT_SEED = 1617
DRAWN_BY = "scripts/build_eval_real_2.py (seed 1602)"

GENERIC = {
    "question",
    "remark",
    "volunteer",
    "volunteers",
    "journalist",
    "host",
    "caller",
}

# kremlin.ru English labels whose person is not the trailing capitalised words of the label.
NAMES: dict[str, str] = {
    "Hans-Friedrich von Ploetz": "Hans-Friedrich von Ploetz",
    "Ebtesam al-Ketbi": "Ebtesam al-Ketbi",
    "Emir of Qatar Tamim bin Hamad Al Thani": "Tamim bin Hamad Al Thani",
    "VladimirPutin": "Vladimir Putin",  # three bold runs with no space between on the page
}

# Australian PM transcripts, per case: printed label -> person (read in each transcript; the
# interviewer's surname label "CURTIS" is Lyndal Curtis, named in the title; the minister labels
# name the minister the title or text names).
AU_NAMES: dict[str, dict[str, str]] = {
    "au-pm-2009-07-14-16681": {"CURTIS": "Lyndal Curtis"},
    "au-pm-2012-07-17-18702": {"MARK MCGOWAN": "Mark McGowan"},
    "au-pm-2014-06-19-23583": {"MINISTER FOR IMMIGRATION AND BORDER PROTECTION": "Scott Morrison"},
    "au-pm-2015-02-05-24173": {"PAUL MURRAY": "Paul Murray"},
    "au-pm-2015-11-15-40071": {"BARRIE CASSIDY": "Barrie Cassidy"},
    "au-pm-2016-02-16-40192": {
        "MINISTER JOYCE": "Barnaby Joyce",
        "MICHELLE LANDRY MP": "Michelle Landry",
    },
    "au-pm-2016-10-10-40492": {"MINISTER CASH": "Michaelia Cash"},
    "au-pm-2016-10-30-40551": {"MINISTER FOR IMMIGRATION AND BORDER PROTECTION": "Peter Dutton"},
}

# Pages with no label that are one person's speech (read: first-person text throughout).
SOLO: dict[str, str] = {
    "au-pm-2013-11-23-23113": "Tony Abbott",
    "au-pm-2017-01-26-40708": "Malcolm Turnbull",
}

_PAREN = re.compile(r"\s*\([^)]*\)")


def _prime_minister(case: dict[str, Any]) -> str:
    """ "Gillard, Julia" -> "Julia Gillard"."""
    surname, _, given = case["prime_minister"].partition(",")
    return f"{given.strip()} {surname.strip()}"


def person(case: dict[str, Any], label: str) -> str | None:
    """The person a printed label names in this case, or None for a generic label."""
    bare = _PAREN.sub("", label).strip().rstrip(":").strip()
    if bare.casefold() in GENERIC:
        return None
    if case["case"].startswith("hearing-"):
        # the record prints title and surname only ("Mr. LIMAN", "Chairman INOUYE"): the
        # label as printed names the person, as for Russian labels without a full name
        return bare
    if case["case"].startswith("au-pm-"):
        if bare in {"PM", "PRIME MINISTER"}:
            return _prime_minister(case)
        return AU_NAMES[case["case"]][bare]
    return NAMES[bare] if bare in NAMES else first_draw_person(bare)


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


def _same(previous: str | None, who: str) -> bool:
    """Two consecutive speeches by one person ("Mr. NORTH", then "NORTH")."""
    if previous is None:
        return False
    return previous.rsplit(maxsplit=1)[-1].casefold() == who.rsplit(maxsplit=1)[-1].casefold()


def _halves(cases: list[dict[str, Any]], manifest: dict[str, Any]) -> dict[str, str]:
    rng = random.Random(SPLIT_SEED)
    by_group: dict[str, list[str]] = {}
    for case in cases:
        by_group.setdefault(case["group"], []).append(case["case"])
    halves: dict[str, str] = {}
    for group in sorted(by_group):
        names = sorted(by_group[group])
        rng.shuffle(names)
        held = [e["half"] for e in manifest.values() if e["group"] == group]
        first = "test" if held.count("test") < held.count("dev") else "dev"
        second = "dev" if first == "test" else "test"
        for index, name in enumerate(names):
            halves[name] = first if index % 2 == 0 else second
    return halves


def main() -> None:
    cases = json.loads((OUT / "candidates_2.json").read_text(encoding="utf-8"))
    manifest: dict[str, Any] = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8"))
    first_draw = {k: v for k, v in manifest.items() if v.get("drawn_by") != DRAWN_BY}
    halves = _halves(cases, first_draw)
    for case in cases:
        title = re.sub(r"\s+", " ", case["candidate"]["title"]).strip()
        row = write_expectation(case, title, speakers(case), halves)
        first_draw[case["case"]] = {**row, "drawn_by": DRAWN_BY}
    (OUT / "MANIFEST.json").write_text(
        json.dumps(first_draw, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
