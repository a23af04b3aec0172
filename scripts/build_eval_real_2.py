"""Second draw for benchmarks/eval_real: more kremlin.ru English pages and more publishers.

Run once, with the source snapshots on disk (git directories under /work/.mirror), from the repo
root: ``python scripts/build_eval_real_2.py``, then ``python scripts/expectations_eval_real_2.py``.
The first draw (``scripts/build_eval_real.py``, seed 16) is left as it was; this one uses its own
seed (1602) and never draws a page the first draw already holds. It

1. draws, with seeded random samples from stated populations:
   * ``kremlin_en``: 5 of the *Transcripts*-section pages whose article text is over 60,000
     characters (big news conferences, Direct Line, Valdai sessions: the first draw left them
     out), 3 of the 2006 *News* pages (the only pre-2008 year of the mirror the first draw did
     not sample) and 4 more *Transcripts*-section pages of 2010-2020 under 60,000 characters;
   * ``other``: 16 interview / doorstop transcripts of Australian prime ministers 2008-2018
     (github.com/wragge/pm-transcripts, the XML the PM Transcripts site serves) and 7 more
     SayIt transcripts of Audrey Tang (github.com/audreyt/transcript);
2. writes ``input.<ext>`` for each case: kremlin.ru pages through
   ``scripts/kremlin_html_to_text.py``; SayIt Markdown as stored; the Australian XML as Markdown
   whose YAML front matter is built from the XML's own fields (title, release date, prime
   minister, source address) and whose body is the XML's ``content`` paragraphs as stored, one
   paragraph a block (the publisher's text, nothing re-worded);
3. writes ``candidates_2.json`` with the labels as each source marks them (bold labels in the
   kremlin.ru HTML, "LABEL:" paragraph openings in the Australian XML, "### Name:" lines in
   SayIt), never from this project's readers.
"""

from __future__ import annotations

import csv
import html
import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_eval_real import (
    AUDREY,
    MAX_CHARS,
    VALDAI,
    _labels_from_html,
    git_ls,
    git_show,
    write_sayit_case,
)
from kremlin_html_to_text import page_text

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "eval_real"
MIRROR = Path("/work/.mirror")
SEED = 1602
PM_TRANSCRIPTS = MIRROR / "wragge+pm-transcripts" / "repo" / ".git"
PM_MAX_BYTES = 30_000
PM_COUNT = 16
SAYIT_COUNT = 7
IRANCONTRA = MIRROR / "rcchan+irancontra" / "repo"
HEARING_COUNT = 8


def _existing_cases() -> set[str]:
    """The first draw's cases (the ones this script did not add), never drawn again."""
    manifest = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8"))
    return {case for case, entry in manifest.items() if "drawn_by" not in entry}


def _all_blobs(repo: Path, under: str, pattern: str) -> list[tuple[str, str]]:
    """(path, text) of every file under ``under`` whose path matches, read in one git call."""
    listing = subprocess.run(
        ["git", f"--git-dir={repo}", "ls-tree", "-r", "HEAD", under],
        check=True,
        capture_output=True,
    ).stdout.decode()
    entries = [
        (line.split("\t", 1)[1], line.split()[2])
        for line in listing.splitlines()
        if re.fullmatch(pattern, line.split("\t", 1)[1])
    ]
    batch = subprocess.run(
        ["git", f"--git-dir={repo}", "cat-file", "--batch"],
        input="\n".join(sha for _, sha in entries).encode() + b"\n",
        check=True,
        capture_output=True,
    ).stdout
    texts: list[tuple[str, str]] = []
    at = 0
    for path, _ in entries:
        header_end = batch.index(b"\n", at)
        size = int(batch[at:header_end].split()[2])
        body = batch[header_end + 1 : header_end + 1 + size]
        texts.append((path, body.decode("utf-8", "replace")))
        at = header_end + 1 + size + 1
    return texts


# ---------------------------------------------------------------- kremlin_en
def _kremlin_key(source: str) -> tuple[str, str] | None:
    """(date, stratum) of a mirrored page, or None when it is in no stratum of this draw."""
    date = re.search(r'class="read__published" datetime="(\d{4}-\d{2}-\d{2})"', source)
    sections = re.search(r"Published\s+in\s+sections?:(.*?)</p>", source, re.S)
    if not date or not sections:
        return None
    year = int(date.group(1)[:4])
    in_transcripts = "Transcripts" in sections.group(1)
    text_chars = len(re.sub(r"<[^>]+>", "", source[source.find("articleBody") :]))
    if in_transcripts and text_chars > MAX_CHARS:
        return date.group(1), "long-transcripts"
    if year == 2006 and not in_transcripts:
        return date.group(1), "2006-news"
    if in_transcripts and 2010 <= year <= 2020:
        return date.group(1), "2010-2020"
    return None


def draw_kremlin_en(rng: random.Random, existing: set[str]) -> list[dict[str, Any]]:
    strata: dict[str, list[dict[str, Any]]] = {}
    for path, source in _all_blobs(
        VALDAI, "var/extract/en.kremlin.ru/events/president/news", r".*/news/\d+\.html"
    ):
        key = _kremlin_key(source)
        if key is None:
            continue
        page_id = re.search(r"/(\d+)\.html$", path).group(1)  # type: ignore[union-attr]
        case = f"en-{key[0]}-{page_id}"
        if case in existing:
            continue
        strata.setdefault(key[1], []).append(
            {"path": path, "date": key[0], "stratum": key[1], "case": case, "source": source}
        )
    quota = {"long-transcripts": 5, "2006-news": 3, "2010-2020": 4}
    cases = []
    for key in sorted(quota):
        population = sorted(strata.get(key, []), key=lambda r: r["path"])
        print(f"kremlin_en {key}: population {len(population)}", file=sys.stderr)
        for row in rng.sample(population, quota[key]):
            cases.append(_write_kremlin_en(row))
    return cases


def _write_kremlin_en(row: dict[str, Any]) -> dict[str, Any]:
    source = row["source"]
    page_id = row["case"].rsplit("-", 1)[1]
    folder = OUT / "kremlin_en" / row["case"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "input.txt").write_text(page_text(source), encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S)
    title = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", heading.group(1) if heading else ""))
    return {
        "case": row["case"],
        "group": "kremlin_en",
        "source_url": f"http://en.kremlin.ru/events/president/news/{page_id}",
        "obtained": "wget mirror of en.kremlin.ru in "
        "github.com/iandennismiller/valdai-transcripts "
        f"({row['path']}), rendered to page text by scripts/kremlin_html_to_text.py",
        "licence": "CC BY 4.0 (kremlin.ru)",
        "stratum": row["stratum"],
        "candidate": {
            "title": html.unescape(title).strip(),
            "date": row["date"],
            "labels": _labels_from_html(source),
        },
    }


# ---------------------------------------------------------------- Australian PM transcripts
_PM_LABEL = re.compile(r"^([A-Z][A-Z'’.\- ]{0,60}?)\s*:")
_TAG = re.compile(r"<[^>]+>")


def _pm_paragraphs(content: str) -> list[str]:
    """The content's paragraphs as stored: <p> blocks, <br /> kept as line breaks."""
    blocks = re.split(r"</p>\s*<p[^>]*>|<p[^>]*>|</p>", content)
    paragraphs = []
    for block in blocks:
        text = re.sub(r"<br\s*/?>", "\n", block)
        text = html.unescape(_TAG.sub("", text)).replace("\r", "")
        lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return paragraphs


def _pm_field(xml: str, name: str) -> str:
    found = re.search(rf"<{name}>(.*?)</{name}>", xml, re.S)
    return html.unescape(found.group(1)).strip() if found else ""


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def draw_pm_transcripts(rng: random.Random) -> list[dict[str, Any]]:
    index = subprocess.run(
        ["git", f"--git-dir={PM_TRANSCRIPTS}", "show", "HEAD:index.csv"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    wanted = {
        ("Rudd, Kevin", "Interview"),
        ("Gillard, Julia", "Interview"),
        ("Abbott, Tony", "Transcript"),
        ("Turnbull, Malcolm", "Transcript"),
    }
    rows = [
        r
        for r in csv.DictReader(io.StringIO(index))
        if (r["pm"], r["release_type"]) in wanted and "2008-01-01" <= r["date"] <= "2018-12-31"
    ]
    sizes = {
        path.rsplit("-", 1)[1].split(".")[0]: int(size)
        for size, path in (
            line.split()[3:5]
            for line in subprocess.run(
                [
                    "git",
                    f"--git-dir={PM_TRANSCRIPTS}",
                    "ls-tree",
                    "-r",
                    "-l",
                    "HEAD",
                    "transcripts",
                ],
                check=True,
                capture_output=True,
            )
            .stdout.decode()
            .splitlines()
        )
    }
    population = sorted(
        (r for r in rows if sizes.get(r["id"], PM_MAX_BYTES + 1) <= PM_MAX_BYTES),
        key=lambda r: int(r["id"]),
    )
    print(
        f"pm-transcripts: population {len(population)} (<= {PM_MAX_BYTES} bytes)", file=sys.stderr
    )
    cases = []
    for row in sorted(rng.sample(population, PM_COUNT), key=lambda r: int(r["id"])):
        cases.append(_write_pm_case(row))
    return cases


def _write_pm_case(row: dict[str, str]) -> dict[str, Any]:
    path = f"transcripts/transcript-{row['id']}.xml"
    xml = git_show(PM_TRANSCRIPTS, path).decode("utf-8")
    title = re.sub(r"\s+", " ", _pm_field(xml, "title"))
    day, month, year = _pm_field(xml, "release-date").split("/")
    date = f"{year}-{month}-{day}"
    pm = _pm_field(xml, "prime-minister")
    url = f"https://pmtranscripts.pmc.gov.au/release/transcript-{row['id']}"
    content = re.search(r"<content><!\[CDATA\[(.*?)\]\]></content>", xml, re.S)
    paragraphs = _pm_paragraphs(content.group(1) if content else "")
    front = [
        "---",
        f"title: {_yaml_string(title)}",
        f"date: {date}",
        f"prime_minister: {_yaml_string(pm)}",
        f"release_type: {_yaml_string(_pm_field(xml, 'release-type'))}",
        f"source_url: {url}",
        "---",
        "",
        "",
    ]
    case = f"au-pm-{date}-{row['id']}"
    folder = OUT / "other" / case
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "input.md").write_text(
        "\n".join(front) + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
    )
    labels = [m.group(1).strip() for p in paragraphs if (m := _PM_LABEL.match(p))]
    return {
        "case": case,
        "group": "other",
        "source_url": url,
        "obtained": f"github.com/wragge/pm-transcripts {path} (the PM Transcripts XML, harvested "
        "2019-07-11): YAML front matter built from the XML's title, release-date, "
        "prime-minister and release-type fields by scripts/build_eval_real_2.py; body = the "
        "content's paragraphs as stored",
        "licence": "CC BY 4.0 (Commonwealth of Australia, Department of the Prime Minister and "
        "Cabinet, PM Transcripts)",
        "prime_minister": pm,
        "candidate": {"title": title, "date": date, "labels": labels},
    }


# ---------------------------------------------------------------- SayIt
def draw_audrey(rng: random.Random, existing: set[str]) -> list[dict[str, Any]]:
    population = sorted(
        p
        for p in git_ls(AUDREY)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}-[A-Za-z0-9 ,.'’&()@+-]+\.md", p)
        and f"sayit-{Path(p).stem[:60].rstrip('-')}" not in existing
    )
    population = [p for p in population if len(git_show(AUDREY, p)) <= MAX_CHARS // 2]
    print(f"audrey: population {len(population)} (not drawn before)", file=sys.stderr)
    cases = []
    for path in sorted(rng.sample(population, SAYIT_COUNT)):
        cases.append(write_sayit_case(path))
    return cases


# ---------------------------------------------------------------- Iran-Contra hearings
_MONTHS = {
    m: i
    for i, m in enumerate(
        "January February March April May June July August September October November "
        "December".split(),
        1,
    )
}


_HEARING_LABEL = re.compile(
    r"^((?:Mr|Ms|Chairman|Secretary|Attorney General|Lt)\.?\s?[A-Za-z. ]{0,30}?[A-Z]{3,})\s*[:.]",
    re.M,
)


def _hearing_text(source: str) -> str:
    """The excerpt as a page shows it: paragraphs apart, the printed hard wraps kept."""
    text = re.sub(r"(?:<br\s*/?>\s*){2,}|</p>\s*<p[^>]*>|<p[^>]*>", "\n\n", source)
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [line.strip() for line in text.replace("\r", "").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def draw_irancontra(rng: random.Random) -> list[dict[str, Any]]:
    pages = sorted(p for p in git_ls(IRANCONTRA) if re.fullmatch(r"v-[a-z]+\d+\.php", p))
    population = []
    for path in pages:
        page = git_show(IRANCONTRA, path).decode("utf-8", "replace")
        title = re.search(r"<h2>(.*?)</h2>", page, re.S)
        day = re.search(r"Day \d+: (\w+) (\d{1,2}), (\d{4})", page)
        frame = re.search(r'<iframe src="(transcripts/[^"]+\.php)"', page)
        if title and day and frame and day.group(1) in _MONTHS:
            population.append((path, title, day, frame.group(1)))
    print(f"irancontra: population {len(population)} excerpt pages", file=sys.stderr)
    cases = []
    for path, title, day, excerpt in sorted(
        rng.sample(population, HEARING_COUNT), key=lambda row: row[0]
    ):
        source = git_show(IRANCONTRA, excerpt).decode("utf-8", "replace")
        body = source.split('<font class="transcript">', 1)[-1]
        body = body.split("</font>", 1)[0].replace("<!-- INSERT TRANSCRIPT HERE-->", "")
        heading = re.sub(r"\s+", " ", html.unescape(_TAG.sub("", title.group(1)))).strip()
        date = f"{day.group(3)}-{_MONTHS[day.group(1)]:02d}-{int(day.group(2)):02d}"
        case = f"hearing-{date}-{Path(excerpt).stem}"
        folder = OUT / "other" / case
        folder.mkdir(parents=True, exist_ok=True)
        text = _hearing_text(body)
        (folder / "input.txt").write_text(
            f"{heading}\n{day.group(0)}\n\n{text}\n", encoding="utf-8"
        )
        # The record's label form opens a line: "Mr. LIMAN:" (bold on the site) or the GPO
        # form "Mr. SULLIVAN." (the site leaves one of those unbolded, so read the text).
        labels = _HEARING_LABEL.findall(text)
        cases.append(
            {
                "case": case,
                "group": "other",
                "source_url": f"https://github.com/rcchan/irancontra/blob/master/{excerpt}",
                "obtained": f"github.com/rcchan/irancontra {excerpt} (excerpt of the 1987 "
                f"Iran-Contra joint hearings as the site shows it in {path}): the page's title "
                "(h2) and day line (h3), then the excerpt's text with its printed line breaks, "
                "rendered by scripts/build_eval_real_2.py",
                "licence": "Public domain (testimony before the congressional Iran-Contra "
                "committees, 1987: US government work); only the page's title and day line come "
                "from the site (no licence stated)",
                "candidate": {
                    "title": heading,
                    "date": date,
                    "labels": labels,
                },
            }
        )
    return cases


def main() -> None:
    existing = _existing_cases()
    rng = random.Random(SEED)
    cases = draw_kremlin_en(rng, existing)
    cases += draw_pm_transcripts(rng)
    cases += draw_audrey(rng, existing)
    cases += draw_irancontra(rng)
    (OUT / "candidates_2.json").write_text(
        json.dumps(cases, ensure_ascii=False, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
