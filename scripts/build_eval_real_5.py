"""Fifth draw for benchmarks/eval_real: the ``kremlin_ru`` group (Russian page text with its
line breaks), from the one public source found that keeps them.

github.com/softdev24715/news-scrapper (a scrapy news scraper, no licence file; kremlin.ru's
content is CC BY 4.0) holds, in its history, three whole kremlin.ru transcript pages its spider
saved for debugging (``news_parser/kremlin_article_debug.html``, overwritten by each commit) and
one output file of four kremlin.ru items whose ``text`` keeps the page's line breaks
(``news_parser/news_parser/output/kremlin_2025-07-16T12-00-08.json``). That is the whole
population: six pages of July 2025 (77428 is both a saved page and an item), so nothing is
sampled. The cases:

* ``ru-page-*``: a saved page rendered to the text a browser's copy gives, by
  ``scripts/kremlin_html_to_text.py`` (as the ``kremlin_en`` cases);
* ``ru-scraped-*``: an item's text as the scraper stored it (its labels glued to the text,
  "В.Путин:Хорошо.", the hidden person card glued into a first label, the page's hard line
  wraps kept), under a header built from the item's fields: its title and its date written as
  kremlin.ru prints one ("15 июля 2025 года"), as the Australian PM cases' front matter is built
  from their XML's fields.

Labels come from each source's own markup: the bold labels of the page (the first draw's
extraction), and the "И.Фамилия:" openings of the scraped text's lines. ``candidates_5.json``
holds them; ``scripts/expectations_eval_real_5.py`` splits the pages into halves (seeded, a page
and its other rendering in one half) before any reader runs on them and writes
``expected.json``.

Run from the repo root with the snapshot on disk (/work/.mirror/softdev24715+news-scrapper):
``python scripts/build_eval_real_5.py && python scripts/expectations_eval_real_5.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_eval_real import _labels_from_html
from kremlin_html_to_text import page_text

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
SCRAPER = Path("/work/.mirror/softdev24715+news-scrapper/repo")
PAGES = {  # commit: the page its debug file holds
    "e7e49591ffb3779a61fe9ab52040563f9b8486ca": "77329",
    "6f36c8d3d19c5182c2bd4b62efee9dd129ac5551": "77347",
    "e83b41bfa63f338336c0a2e3eea8776d62aa9200": "77428",
}
PAGE_FILE = "news_parser/kremlin_article_debug.html"
ITEMS_COMMIT = "b1b5fc3b0ad6e2b0cfd6a777a7c13e5777b812f4"
ITEMS_FILE = "news_parser/news_parser/output/kremlin_2025-07-16T12-00-08.json"
LICENCE = "CC BY 4.0 (kremlin.ru); the scraper repository has no licence file"
_MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()
#: A label opening a line of the scraped text: "В.Путин:" or, at a person's first label, the
#: hidden card glued after the name ("Г.КрасниковКрасников Геннадий Яковлевичпрезидент …:").
_SCRAPED_LABEL = re.compile(
    r"^((?:[А-ЯЁ]\.){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*|Вопрос|Реплика)(?:[^:\n]{0,300})?:", re.M
)


def _source(commit: str, path: str) -> str:
    shown = subprocess.run(
        ["git", f"--git-dir={SCRAPER}", "show", f"{commit}:{path}"], capture_output=True, check=True
    )
    return shown.stdout.decode("utf-8")


def _h1(source: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S)
    assert found is not None
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip()


def _page_date(source: str) -> str:
    found = re.search(r'<time[^>]*class="read__published"[^>]*datetime="(\d{4}-\d{2}-\d{2})', source)
    assert found is not None
    return found.group(1)


def page_cases() -> list[dict[str, Any]]:
    cases = []
    for commit, page in PAGES.items():
        source = _source(commit, PAGE_FILE)
        date = _page_date(source)
        case = f"ru-page-{date}-{page}"
        folder = OUT / "kremlin_ru" / case
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "input.txt").write_text(page_text(source), encoding="utf-8")
        cases.append(
            {
                "case": case,
                "page": page,
                "group": "kremlin_ru",
                "source_url": f"http://kremlin.ru/events/president/news/{page}",
                "obtained": f"github.com/softdev24715/news-scrapper {PAGE_FILE} at {commit} "
                "(the whole page its spider saved), rendered to page text by "
                "scripts/kremlin_html_to_text.py",
                "licence": LICENCE,
                "candidate": {"title": _h1(source), "date": date, "labels": _labels_from_html(source)},
            }
        )
    return cases


def _printed_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso[:10])
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year} года"


def scraped_cases() -> list[dict[str, Any]]:
    cases = []
    for item in json.loads(_source(ITEMS_COMMIT, ITEMS_FILE)):
        meta = item["metadata"]
        page = meta["url"].rstrip("/").rsplit("/", 1)[-1]
        date = meta["published_at_iso"][:10]
        case = f"ru-scraped-{date}-{page}"
        folder = OUT / "kremlin_ru" / case
        folder.mkdir(parents=True, exist_ok=True)
        header = f"{meta['header']}\n{_printed_date(date)}\n"
        (folder / "input.txt").write_text(header + item["text"] + "\n", encoding="utf-8")
        cases.append(
            {
                "case": case,
                "page": page,
                "group": "kremlin_ru",
                "source_url": meta["url"],
                "obtained": f"github.com/softdev24715/news-scrapper {ITEMS_FILE} at "
                f"{ITEMS_COMMIT}: the item's text as stored, under its header and date written "
                "as kremlin.ru prints them",
                "licence": LICENCE,
                "candidate": {
                    "title": meta["header"],
                    "date": date,
                    "labels": [m.group(1) for m in _SCRAPED_LABEL.finditer(item["text"])],
                },
            }
        )
    return cases


def main() -> None:
    cases = page_cases() + scraped_cases()
    (OUT / "candidates_5.json").write_text(
        json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    for case in cases:
        labels = case["candidate"]["labels"]
        print(case["case"], len(labels), sorted(set(labels)), file=sys.stderr)


if __name__ == "__main__":
    main()
