"""Sixth draw for benchmarks/eval_real: 40 fresh ``kremlin_flat`` rows, for dev and test alike.

The ``kremlin_flat`` group held 24 cases (17 dev / 7 test): with 7 test cases one case moves the
group's document figure by 14 points, too coarse to tell whether it reaches 95 %. This script
draws 40 more rows of the same population, the scraper's CSV
(github.com/gabrielkmbo/kremlin-scraper, ``kremlin_articles_ru_enhanced.csv``, 200 rows), never a
row that ``MANIFEST.json`` already holds (dev or test; a row is held when a case of its name,
``ru-flat-<date>-<page id>`` as in the first and third draws, is in the manifest), with a seeded
draw (seed 1606). The cases are written exactly as the third draw writes them (its
``draw_kremlin_flat``, imported): ``input.txt`` is the ten text columns joined as stored, and
``candidates_6.json`` keeps the CSV's title and date and the labels of the text's own
"И.Фамилия:" openings (``_RU_FLAT_LABEL`` of the first draw), never anything from this project's
readers.

Unlike the third draw's, these cases are not all dev: ``scripts/expectations_eval_real_6.py``
splits them 20 / 20 with a seeded draw (seed 1626) before any of them is read.

Run from the repo root with the snapshot on disk (/work/.mirror/gabrielkmbo+kremlin-scraper):
``python scripts/build_eval_real_6.py && python scripts/expectations_eval_real_6.py``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_eval_real_3 as third

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
SEED = 1606
FLAT_COUNT = 40
DRAWN_BY = "scripts/build_eval_real_6.py (seed 1606)"


def _manifest_cases() -> set[str]:
    """The cases of the earlier draws (re-running this script draws the same rows again)."""
    manifest = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8"))
    return {case for case, entry in manifest.items() if entry.get("drawn_by") != DRAWN_BY}


def main() -> None:
    # The third draw's kremlin_flat draw, unchanged but for its count (a module constant there).
    third.FLAT_COUNT = FLAT_COUNT
    cases = third.draw_kremlin_flat(random.Random(SEED), _manifest_cases())
    (OUT / "candidates_6.json").write_text(
        json.dumps(cases, ensure_ascii=False, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
