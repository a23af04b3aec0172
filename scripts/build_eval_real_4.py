"""Fourth set for benchmarks/eval_real: the ``kremlin_en`` pages copied whole (``kremlin_page``).

A new user copies a kremlin.ru page with Ctrl+A, Ctrl+C: the site's menus before the article,
the links and share buttons after "Text version", a line broken where a label's name tooltip
stands, no "* * *" after a "See also" box. Each ``kremlin_en`` case's page is rendered so from
the same mirror file (``scripts/kremlin_html_to_text.py --whole-page``); the page says the same,
so its hand-checked ``expected.json`` is copied unchanged, and the case keeps its half (dev or
test) of ``kremlin_en``. Nothing is drawn: every ``kremlin_en`` case is taken.

Run from the repo root with the mirror on disk: ``python scripts/build_eval_real_4.py``.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_eval_real import VALDAI, git_show
from kremlin_html_to_text import whole_page_text

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
GROUP = "kremlin_page"
WHOLE_PAGES = "scripts/build_eval_real_4.py (every kremlin_en case, copied whole)"


def main() -> None:
    manifest_path = OUT / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    added = {}
    for case, entry in list(manifest.items()):
        if entry["group"] != "kremlin_en":
            continue
        number = case.rsplit("-", 1)[1]
        path = f"var/extract/en.kremlin.ru/events/president/news/{number}.html"
        source = git_show(VALDAI, path).decode("utf-8")
        folder = OUT / GROUP / f"page-{case}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "input.txt").write_text(whole_page_text(source), encoding="utf-8")
        shutil.copyfile(OUT / "kremlin_en" / case / "expected.json", folder / "expected.json")
        added[f"page-{case}"] = {
            **entry,
            "group": GROUP,
            "path": f"{GROUP}/page-{case}/input.txt",
            "drawn_by": WHOLE_PAGES,
            "copy_of": f"kremlin_en/{case}",
            "obtained": f"{entry['obtained']}; rendered as a whole-page browser copy by "
            "scripts/build_eval_real_4.py (kremlin_html_to_text.py --whole-page), "
            f"expectations of kremlin_en/{case}",
        }
    manifest.update(added)
    manifest_path.write_text(
        json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{GROUP}: {len(added)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
