"""Third draw for benchmarks/eval_real: fresh pages for diagnosis, all added to the dev half.

The test half showed gaps the dev half does not explain (kremlin_en turns, kremlin_flat title and
date, other publishers' turns). Looking at test cases one by one would tune the readers to them,
so this script draws FRESH pages from the same populations instead, never one that
``MANIFEST.json`` already holds (dev or test), with a seeded draw (seed 1603). Every case it
writes is diagnosed and goes to the dev half (``scripts/expectations_eval_real_3.py``); nothing
moves to or from the test half.

Run from the repo root with the source snapshots on disk (git directories under /work/.mirror):
``python scripts/build_eval_real_3.py && python scripts/expectations_eval_real_3.py``.

Populations and quotas (the strata of the first two draws):

* ``kremlin_en``: *Transcripts*-section pages by era (2008-2012, 2013-2015, 2016-2017, 2018,
  2019-2020) under 60,000 characters of article text, *Transcripts*-section pages over 60,000
  characters (oversampled: the test half's gap is in turns, and long pages hold most turns),
  *News* pages of 2000-2005 and of 2006;
* after every sample above, all the *Transcripts*-section pages over 60,000 characters that
  no draw holds (19 pages, no sampling);
* ``kremlin_flat``: rows of the scraper's CSV not drawn before;
* ``other``: White House briefings and remarks up to 60,000 bytes, SayIt transcripts up to
  30,000 bytes, Australian PM interviews/transcripts 2008-2018 up to 30,000 bytes, Iran-Contra
  excerpt pages; all not drawn before.

Labels come from each source's own markup, as in the first two draws (``candidates_3.json``).
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_eval_real import (
    _RU_FLAT_LABEL,
    _WH_LABEL,
    AUDREY,
    GABRIEL,
    MAX_CHARS,
    VALDAI,
    WHB,
    git_ls,
    git_show,
    write_sayit_case,
)
from build_eval_real_2 import (
    _all_blobs,
    _write_kremlin_en,
    _write_pm_case,
    draw_irancontra,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
SEED = 1603

KREMLIN_QUOTA = {
    "early-news": 2,
    "2006-news": 2,
    "2008-2012": 4,
    "2013-2015": 4,
    "2016-2017": 4,
    "2018": 4,
    "2019-2020": 4,
    "long-transcripts": 6,
}
FLAT_COUNT = 10
WH_QUOTA = {"press-briefings": 4, "speeches-remarks": 3}
SAYIT_COUNT = 4
PM_COUNT = 5
HEARING_COUNT = 4


DRAWN_BY = "scripts/build_eval_real_3.py (seed 1603)"


def _manifest_cases() -> set[str]:
    """The cases of the earlier draws (re-running this script draws the same pages again)."""
    manifest = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8"))
    return {case for case, entry in manifest.items() if entry.get("drawn_by") != DRAWN_BY}


def _stratum(source: str) -> tuple[str, str] | None:
    """(date, stratum) of a mirrored en.kremlin.ru page, or None when in no stratum."""
    date = re.search(r'class="read__published" datetime="(\d{4}-\d{2}-\d{2})"', source)
    sections = re.search(r"Published\s+in\s+sections?:(.*?)</p>", source, re.S)
    if not date or not sections:
        return None
    year = int(date.group(1)[:4])
    in_transcripts = "Transcripts" in sections.group(1)
    text_chars = len(re.sub(r"<[^>]+>", "", source[source.find("articleBody") :]))
    if not in_transcripts:
        if year <= 2005:
            return date.group(1), "early-news"
        return (date.group(1), "2006-news") if year == 2006 else None
    if text_chars > MAX_CHARS:
        return date.group(1), "long-transcripts"
    for first, last, name in (
        (2008, 2012, "2008-2012"),
        (2013, 2015, "2013-2015"),
        (2016, 2017, "2016-2017"),
        (2018, 2018, "2018"),
        (2019, 2020, "2019-2020"),
    ):
        if first <= year <= last:
            return date.group(1), name
    return None


def _kremlin_strata(used: set[str]) -> dict[str, list[dict[str, Any]]]:
    strata: dict[str, list[dict[str, Any]]] = {}
    for path, source in _all_blobs(
        VALDAI, "var/extract/en.kremlin.ru/events/president/news", r".*/news/\d+\.html"
    ):
        key = _stratum(source)
        if key is None:
            continue
        page_id = re.search(r"/(\d+)\.html$", path).group(1)  # type: ignore[union-attr]
        case = f"en-{key[0]}-{page_id}"
        if case not in used:
            strata.setdefault(key[1], []).append(
                {"path": path, "date": key[0], "stratum": key[1], "case": case, "source": source}
            )
    return strata


def draw_kremlin_en(rng: random.Random, used: set[str]) -> list[dict[str, Any]]:
    strata = _kremlin_strata(used)
    cases = []
    for key in sorted(KREMLIN_QUOTA):
        population = sorted(strata.get(key, []), key=lambda r: r["path"])
        print(f"kremlin_en {key}: population {len(population)} (not drawn before)", file=sys.stderr)
        for row in rng.sample(population, KREMLIN_QUOTA[key]):
            cases.append(_write_kremlin_en(row))
    return cases


def all_long_kremlin_en(used: set[str]) -> list[dict[str, Any]]:
    """Every Transcripts-section page over 60,000 characters not drawn before (no sampling: the
    stratum is small, and the test half's turn gap is most likely in pages of this kind)."""
    rows = sorted(_kremlin_strata(used).get("long-transcripts", []), key=lambda r: r["path"])
    print(f"kremlin_en long-transcripts, all the rest: {len(rows)}", file=sys.stderr)
    return [_write_kremlin_en(row) for row in rows]


def draw_kremlin_flat(rng: random.Random, used: set[str]) -> list[dict[str, Any]]:
    csv.field_size_limit(1 << 30)
    raw = git_show(GABRIEL, "kremlin_articles_ru_enhanced.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(raw.splitlines(keepends=True)))

    def case_name(row: dict[str, str]) -> str:
        return f"ru-flat-{row['date']}-{row['url'].rstrip('/').rsplit('/', 1)[-1]}"

    population = [i for i, row in enumerate(rows) if case_name(row) not in used]
    print(f"kremlin_flat: population {len(population)} (not drawn before)", file=sys.stderr)
    cases = []
    for index in sorted(rng.sample(population, FLAT_COUNT)):
        row = rows[index]
        text = "".join(row[f"article_full_text_{i}"] for i in range(1, 11))
        case = case_name(row)
        folder = OUT / "kremlin_flat" / case
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "input.txt").write_text(text + "\n", encoding="utf-8")
        cases.append(
            {
                "case": case,
                "group": "kremlin_flat",
                "source_url": row["url"],
                "obtained": "github.com/gabrielkmbo/kremlin-scraper "
                "kremlin_articles_ru_enhanced.csv, row "
                f"{index} (0-based), columns article_full_text_1..10 joined as stored: the "
                "scraper kept the page text with its line breaks lost",
                "licence": "CC BY 4.0 (kremlin.ru)",
                "candidate": {
                    "title": row["title"],
                    "date": row["date"],
                    "labels": [m.group(1) for m in _RU_FLAT_LABEL.finditer(text)],
                },
            }
        )
    return cases


def draw_whitehouse(rng: random.Random, used: set[str]) -> list[dict[str, Any]]:
    cases = []
    for folder_name, count in sorted(WH_QUOTA.items()):
        population = sorted(
            p
            for p in git_ls(WHB, folder_name)
            if p.endswith(".md") and f"wh-{Path(p).stem[:60].rstrip('-')}" not in used
        )
        population = [p for p in population if len(git_show(WHB, p)) <= MAX_CHARS]
        print(f"whitehouse {folder_name}: population {len(population)}", file=sys.stderr)
        for path in sorted(rng.sample(population, count)):
            cases.append(_write_whitehouse_case(path))
    return cases


def _write_whitehouse_case(path: str) -> dict[str, Any]:
    text = git_show(WHB, path).decode("utf-8")
    case = f"wh-{Path(path).stem[:60].rstrip('-')}"
    folder = OUT / "other" / case
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "input.md").write_text(text, encoding="utf-8")
    front = text.split("---", 2)[1]
    title = re.search(r"^title: (.*)$", front, re.M).group(1).strip()  # type: ignore[union-attr]
    url = re.search(r"^source_url: (.*)$", front, re.M).group(1).strip()  # type: ignore[union-attr]
    date = re.search(r"^date: '?(\d{4}-\d{2}-\d{2})", front, re.M).group(1)  # type: ignore[union-attr]
    labels = [
        m.group(1)
        for line in text.split("---", 2)[2].splitlines()
        if (m := _WH_LABEL.match(line)) and (m.group(1) == "Q" or m.group(0).endswith(":"))
    ]
    return {
        "case": case,
        "group": "other",
        "source_url": url,
        "obtained": f"github.com/brian14708/wh-briefings {path} "
        "(Markdown with YAML front matter, as stored)",
        "licence": "Public domain (US federal government work, 17 U.S.C. 105); repository CC0 1.0",
        "candidate": {"title": title, "date": date, "labels": labels},
    }


def draw_audrey(rng: random.Random, used: set[str]) -> list[dict[str, Any]]:
    population = sorted(
        p
        for p in git_ls(AUDREY)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}-[A-Za-z0-9 ,.'’&()@+-]+\.md", p)
        and f"sayit-{Path(p).stem[:60].rstrip('-')}" not in used
    )
    population = [p for p in population if len(git_show(AUDREY, p)) <= MAX_CHARS // 2]
    print(f"audrey: population {len(population)} (not drawn before)", file=sys.stderr)
    return [write_sayit_case(p) for p in sorted(rng.sample(population, SAYIT_COUNT))]


def draw_pm(rng: random.Random, used: set[str]) -> list[dict[str, Any]]:
    import build_eval_real_2 as second

    fresh = [
        r
        for r in _pm_population(second)
        if not any(case.startswith("au-pm-") and case.endswith(f"-{r['id']}") for case in used)
    ]
    print(f"pm-transcripts: population {len(fresh)} (not drawn before)", file=sys.stderr)
    return [
        _write_pm_case(r) for r in sorted(rng.sample(fresh, PM_COUNT), key=lambda r: int(r["id"]))
    ]


def _pm_population(second: Any) -> list[dict[str, str]]:
    """The second draw's population of PM transcripts, captured by sampling all of it."""
    captured: list[dict[str, str]] = []

    class Everything(random.Random):
        def sample(self, population: Any, k: int, **_: Any) -> list[Any]:
            captured.extend(population)
            return []

    second.draw_pm_transcripts(Everything())
    return captured


def draw_hearings(rng: random.Random, used: set[str]) -> list[dict[str, Any]]:
    """Iran-Contra excerpts not drawn before (the second draw's population and rendering)."""
    cases = [c for c in draw_irancontra(_Oversample(rng, used)) if c["case"] not in used]
    return cases[:HEARING_COUNT]


class _Oversample(random.Random):
    """Draws the hearing pages from the rows not used before, HEARING_COUNT of them."""

    def __init__(self, rng: random.Random, used: set[str]) -> None:
        super().__init__()
        self._rng = rng
        self._used = used

    def sample(self, population: Any, k: int, **_: Any) -> list[Any]:
        fresh = [row for row in population if not self._drawn(row)]
        print(f"irancontra: {len(fresh)} excerpt pages not drawn before", file=sys.stderr)
        return self._rng.sample(fresh, HEARING_COUNT)

    def _drawn(self, row: Any) -> bool:
        excerpt = Path(row[3]).stem
        return any(case.startswith("hearing-") and case.endswith(excerpt) for case in self._used)


def main() -> None:
    used = _manifest_cases()
    rng = random.Random(SEED)
    cases = draw_kremlin_en(rng, used)
    cases += draw_kremlin_flat(rng, used)
    cases += draw_whitehouse(rng, used)
    cases += draw_audrey(rng, used)
    cases += draw_pm(rng, used)
    cases += draw_hearings(rng, used)
    cases += all_long_kremlin_en(used | {case["case"] for case in cases})
    (OUT / "candidates_3.json").write_text(
        json.dumps(cases, ensure_ascii=False, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
