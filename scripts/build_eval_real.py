"""Build benchmarks/eval_real: draw real transcripts from public mirrors and write the cases.

Run once, with the source snapshots on disk (git directories, see SOURCES), from the repo root:
``python scripts/build_eval_real.py``. It

1. draws the cases of each group with a seeded random sample from a stated population;
2. writes ``input.<ext>`` for each case (kremlin.ru HTML pages through
   ``scripts/kremlin_html_to_text.py``; the other sources as stored);
3. writes a *candidate* ``expected.json`` from the source's own markup (bold labels in the
   kremlin.ru HTML, label lines in the Markdown / text), never from this project's readers;
   label-to-person resolution goes through ``NAMES`` below, which was filled in and checked by
   reading each case (see benchmarks/eval_real/README.md);
4. splits each group into dev / test halves with a seeded draw and writes MANIFEST.json.
"""

from __future__ import annotations

import csv
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kremlin_html_to_text import drop_hidden, page_text

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
MIRROR = Path("/work/.mirror")
SEED = 16
SPLIT_SEED = 1616
MAX_CHARS = 60_000

VALDAI = MIRROR / "iandennismiller+valdai-transcripts" / "repo"
GABRIEL = MIRROR / "gabrielkmbo+kremlin-scraper" / "repo"
WHB = MIRROR / "brian14708+wh-briefings" / "repo"
AUDREY = MIRROR / "audreyt+transcript" / "repo"

GENERIC = re.compile(
    r"^(question|questions|q|reply|remark|response|voice|voices|reporter|journalist|audience|"
    r"participant|participants|answer|вопрос|реплика|ответ|голос|голоса|из зала|"
    r"journalists|interpreter|moderator|unidentified|speaker|male|female)\b",
    re.I,
)


def git_show(repo: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={repo}", "show", f"HEAD:{path}"], check=True, capture_output=True
    ).stdout


def git_ls(repo: Path, under: str = "") -> list[str]:
    args = ["git", f"--git-dir={repo}", "ls-tree", "-r", "--name-only", "HEAD"]
    if under:
        args.append(under)
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode()
    return out.splitlines()


# ---------------------------------------------------------------- label -> person
_PAREN = re.compile(r"\s*\([^)]*\)")


def kremlin_en_name(label: str) -> str | None:
    """The person a kremlin.ru English label names: the trailing personal name after the role."""
    bare = _PAREN.sub("", label).strip().rstrip(":").strip()
    if not bare or GENERIC.match(bare):
        return None
    words = bare.split()
    # Roles are lower-case-led phrases ("President of Russia", "Minister of ..."): the name is
    # the run of capitalised words at the end that follows the last lower-case word.
    tail: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or word[:1] in "«\"'" or not word[:1].isalpha():
            tail.append(word)
        else:
            break
    tail.reverse()
    return " ".join(tail[-4:]) if tail else bare


_AFTER_LABEL = re.compile(r"^\s*(?:\([^)]*\)\s*)?:")


def _leading_bold(para: Any) -> str | None:
    """The text of the bold run that opens a paragraph, or None when it does not open with bold.

    A label may be spread over several bold pieces ("<b>Security Council Secretary</b>
    <b>NIKOLAI PATRUSHEV:</b>", "<b>Vladimir</b><b>Putin</b><b>: </b>"): they are one label, with
    the blank between two pieces kept as a space.
    """
    if (para.text or "").strip():
        return None
    parts: list[str] = []
    for child in para:
        if child.tag not in ("b", "strong"):
            break
        parts.append(child.text_content())
        tail = child.tail or ""
        if tail.strip():
            break
        parts.append(tail)
    return "".join(parts) if parts else None


def _labels_from_html(source: str) -> list[str]:
    """Labels as the kremlin.ru HTML marks them: a paragraph opening with bold text that ends in
    a colon, or is followed by one, possibly after a parenthesised remark outside the bold
    ("<b>President of Bulgaria Rumen Radev</b> (retranslated): ...")."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(source)
    drop_hidden(root)
    body = root.xpath("//*[@itemprop='articleBody']")
    if not body:
        return []
    labels: list[str] = []
    for para in body[0].iter("p"):
        if any("masha-ignore" in (a.get("class") or "") for a in para.iterancestors()):
            continue
        bold = _leading_bold(para)
        if bold is None:
            continue
        label = re.sub(r"\s+", " ", bold).strip()
        text = re.sub(r"\s+", " ", para.text_content()).strip()
        rest = text[len(label) :] if text.startswith(label) else ""
        if label.endswith(":") or _AFTER_LABEL.match(rest):
            labels.append(label.rstrip(":").strip())
    return labels


# ---------------------------------------------------------------- groups
def kremlin_en_population() -> list[dict[str, Any]]:
    rows = []
    for path in git_ls(VALDAI, "var/extract/en.kremlin.ru/events/president/news"):
        if not re.fullmatch(r".*/news/\d+\.html", path):
            continue
        rows.append({"path": path})
    return rows


def draw_kremlin_en(rng: random.Random) -> list[dict[str, Any]]:
    """Pages in the Transcripts section, by era; a few early News pages for 2000-2005."""
    strata: dict[str, list[dict[str, Any]]] = {}
    for row in kremlin_en_population():
        source = git_show(VALDAI, row["path"]).decode("utf-8", "replace")
        date = re.search(r'class="read__published" datetime="(\d{4}-\d{2}-\d{2})"', source)
        sections = re.search(r"Published\s+in\s+sections?:(.*?)</p>", source, re.S)
        if not date or not sections:
            continue
        year = int(date.group(1)[:4])
        text_chars = len(re.sub(r"<[^>]+>", "", source[source.find("articleBody") :]))
        if text_chars > MAX_CHARS:
            continue
        in_transcripts = "Transcripts" in sections.group(1)
        key = (
            "early-news"
            if year <= 2005 and not in_transcripts
            else "2008-2012"
            if in_transcripts and 2008 <= year <= 2012
            else "2013-2015"
            if in_transcripts and 2013 <= year <= 2015
            else "2016-2017"
            if in_transcripts and 2016 <= year <= 2017
            else "2018"
            if in_transcripts and year == 2018
            else "2019-2020"
            if in_transcripts and 2019 <= year <= 2020
            else None
        )
        if key:
            strata.setdefault(key, []).append({**row, "date": date.group(1), "stratum": key})
    quota = {
        "early-news": 4,
        "2008-2012": 8,
        "2013-2015": 7,
        "2016-2017": 7,
        "2018": 7,
        "2019-2020": 7,
    }
    picked: list[dict[str, Any]] = []
    for key in sorted(quota):
        population = sorted(strata.get(key, []), key=lambda r: r["path"])
        picked += rng.sample(population, min(quota[key], len(population)))
        print(f"kremlin_en {key}: population {len(population)}", file=sys.stderr)
    return picked


def write_kremlin_en(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cases = []
    for row in rows:
        page_id = re.search(r"/(\d+)\.html$", row["path"]).group(1)  # type: ignore[union-attr]
        case = f"en-{row['date']}-{page_id}"
        source = git_show(VALDAI, row["path"]).decode("utf-8")
        folder = OUT / "kremlin_en" / case
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "input.txt").write_text(page_text(source), encoding="utf-8")
        title = re.sub(
            r"\s+",
            " ",
            re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S).group(1)),
        ).strip()  # type: ignore[union-attr]
        labels = _labels_from_html(source)
        cases.append(
            {
                "case": case,
                "group": "kremlin_en",
                "source_url": f"http://en.kremlin.ru/events/president/news/{page_id}",
                "obtained": "wget mirror of en.kremlin.ru in "
                "github.com/iandennismiller/valdai-transcripts "
                f"({row['path']}), rendered to page text by scripts/kremlin_html_to_text.py",
                "licence": "CC BY 4.0 (kremlin.ru)",
                "stratum": row["stratum"],
                "candidate": {"title": title, "date": row["date"], "labels": labels},
            }
        )
    return cases


_RU_FLAT_LABEL = re.compile(
    r"(?:(?<=\s)|^)((?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*|Вопрос|Реплика|Ответ)"
    r"(?: [^.:!?«»<>]{1,200}?)? ?:"
)


def draw_kremlin_flat(rng: random.Random) -> list[dict[str, Any]]:
    csv.field_size_limit(1 << 30)
    raw = git_show(GABRIEL, "kremlin_articles_ru_enhanced.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(raw.splitlines(keepends=True)))
    picked = rng.sample(range(len(rows)), 14)
    print(f"kremlin_flat: population {len(rows)}", file=sys.stderr)
    cases = []
    for index in sorted(picked):
        row = rows[index]
        text = "".join(row[f"article_full_text_{i}"] for i in range(1, 11))
        page_id = row["url"].rstrip("/").rsplit("/", 1)[-1]
        case = f"ru-flat-{row['date']}-{page_id}"
        folder = OUT / "kremlin_flat" / case
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "input.txt").write_text(text + "\n", encoding="utf-8")
        # A label is "В.Путин:"; the first label of a person linked on the page carries the hidden
        # person tooltip the scraper kept ("И.Кобзев Кобзев Игорь Иванович губернатор ... :").
        labels = [m.group(1) for m in _RU_FLAT_LABEL.finditer(text)]
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
                "candidate": {"title": row["title"], "date": row["date"], "labels": labels},
            }
        )
    return cases


_UP = r"[A-ZÀ-ÖØ-Þ'’.-]"
_WH_LABEL = re.compile(
    r"^(Q|THE PRESIDENT|THE VICE PRESIDENT|THE FIRST LADY|"
    rf"[A-ZÀ-ÖØ-Þ]{_UP}*(?: [A-ZÀ-ÖØ-Þ]{_UP}*)*)(?::|[ \xa0]{{2,}})"
)


def draw_whitehouse(rng: random.Random) -> list[dict[str, Any]]:
    cases = []
    for folder_name, count in (("press-briefings", 7), ("speeches-remarks", 6)):
        population = sorted(p for p in git_ls(WHB, folder_name) if p.endswith(".md"))
        population = [p for p in population if len(git_show(WHB, p)) <= MAX_CHARS]
        print(
            f"whitehouse {folder_name}: population {len(population)} (<= {MAX_CHARS} bytes)",
            file=sys.stderr,
        )
        for path in sorted(rng.sample(population, count)):
            text = git_show(WHB, path).decode("utf-8")
            name = Path(path).stem
            case = f"wh-{name[:60].rstrip('-')}"
            folder = OUT / "other" / case
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "input.md").write_text(text, encoding="utf-8")
            front = text.split("---", 2)[1]
            title = re.search(r"^title: (.*)$", front, re.M).group(1).strip()  # type: ignore[union-attr]
            url = re.search(r"^source_url: (.*)$", front, re.M).group(1).strip()  # type: ignore[union-attr]
            date = re.search(r"^date: '?(\d{4}-\d{2}-\d{2})", front, re.M).group(1)  # type: ignore[union-attr]
            body = text.split("---", 2)[2]
            labels = [
                m.group(1)
                for line in body.splitlines()
                if (m := _WH_LABEL.match(line)) and (m.group(1) == "Q" or m.group(0).endswith(":"))
            ]
            cases.append(
                {
                    "case": case,
                    "group": "other",
                    "source_url": url,
                    "obtained": f"github.com/brian14708/wh-briefings {path} "
                    "(Markdown with YAML front matter, as stored)",
                    "licence": "Public domain (US federal government work, 17 U.S.C. 105); "
                    "repository CC0 1.0",
                    "candidate": {"title": title, "date": date, "labels": labels},
                }
            )
    return cases


def write_sayit_case(path: str) -> dict[str, Any]:
    """Copy one SayIt Markdown transcript of the audreyt/transcript mirror; its manifest row."""
    text = git_show(AUDREY, path).decode("utf-8")
    case = f"sayit-{Path(path).stem[:60].rstrip('-')}"
    folder = OUT / "other" / case
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "input.md").write_text(text, encoding="utf-8")
    heading = re.search(r"^# (\d{4}-\d{2}-\d{2}) (.*)$", text, re.M)
    return {
        "case": case,
        "group": "other",
        "source_url": f"https://github.com/audreyt/transcript/blob/master/{path}",
        "obtained": f"github.com/audreyt/transcript {path} (SayIt Markdown, as stored)",
        "licence": "CC0 1.0",
        "candidate": {
            "title": heading.group(2).strip() if heading else None,
            "date": heading.group(1) if heading else None,
            "labels": re.findall(r"^### (.+?)[:：]\s*$", text, re.M),
        },
    }


def draw_audrey(rng: random.Random) -> list[dict[str, Any]]:
    population = sorted(
        p
        for p in git_ls(AUDREY)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}-[A-Za-z0-9 ,.'’&()@+-]+\.md", p)
    )
    population = [p for p in population if len(git_show(AUDREY, p)) <= MAX_CHARS // 2]
    print(f"audrey: population {len(population)}", file=sys.stderr)
    cases = []
    for path in sorted(rng.sample(population, 8)):
        cases.append(write_sayit_case(path))
    return cases


def main() -> None:
    rng = random.Random(SEED)
    cases = write_kremlin_en(draw_kremlin_en(rng))
    cases += draw_kremlin_flat(rng)
    cases += draw_whitehouse(rng)
    cases += draw_audrey(rng)
    (OUT / "candidates.json").write_text(
        json.dumps(cases, ensure_ascii=False, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
