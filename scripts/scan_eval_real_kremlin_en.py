"""Broad diagnosis scan: read many fresh en.kremlin.ru pages and flag the ones whose reading
disagrees with the page's own markup (no expectations written, nothing added to eval_real).

A seeded sample (seed 1604) of the mirror's pages, none held by MANIFEST.json, is rendered with
``scripts/kremlin_html_to_text.py`` and read with ``tm.read`` (no format, as ``transcript
convert`` does). A page is flagged when the read documents are not one, or the number of speeches
read is below the number of labels the HTML marks (bold label paragraphs, merged when the same
label repeats). Run: ``python scripts/scan_eval_real_kremlin_en.py [COUNT]``.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_eval_real import VALDAI, _labels_from_html
from build_eval_real_2 import _all_blobs
from kremlin_html_to_text import page_text

import transcript_model as tm

ROOT = Path(__file__).resolve().parents[1]
SEED = 1604


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300  # 0: every page
    manifest = json.loads((ROOT / "benchmarks/eval_real/MANIFEST.json").read_text("utf-8"))
    used = {case.rsplit("-", 1)[1] for case in manifest if case.startswith("en-")}
    pages = [
        (path, source)
        for path, source in _all_blobs(
            VALDAI, "var/extract/en.kremlin.ru/events/president/news", r".*/news/\d+\.html"
        )
        if re.search(r"/(\d+)\.html$", path).group(1) not in used  # type: ignore[union-attr]
        and "articleBody" in source
    ]
    rng = random.Random(SEED)
    flagged = 0
    with tempfile.TemporaryDirectory() as folder:
        for path, source in rng.sample(sorted(pages), count or len(pages)):
            labels = _labels_from_html(source)
            merged = [x for i, x in enumerate(labels) if i == 0 or labels[i - 1] != x]
            file = Path(folder) / "page.txt"
            file.write_text(page_text(source), encoding="utf-8")
            try:
                documents = list(tm.read(file))
            except Exception as error:  # a failure is a finding here
                print(f"{path}: FAILED {type(error).__name__}: {str(error)[:120]}")
                flagged += 1
                continue
            speeches = sum(str(t.kind) == "speech" for d in documents for t in d.turns)
            if len(documents) != 1 or speeches < len(merged):
                flagged += 1
                print(
                    f"{path}: documents {len(documents)}, speeches {speeches}, labels {len(merged)}"
                )
    print(f"flagged {flagged} of {count}")


if __name__ == "__main__":
    main()
