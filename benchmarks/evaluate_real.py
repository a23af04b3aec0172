"""Accuracy of the readers on real transcripts nobody on the team wrote (benchmarks/eval_real).

Each case is ``<group>/<case>/input.<ext>`` with ``expected.json``::

    {"documents": [{"title": str, "date": "YYYY-MM-DD",
                    "speakers": [str | null, ...],  # the person of every speech turn, in order
                    "turns": int}]}                  # len(speakers)

Every input is read with ``tm.read(path)`` and no format, as ``transcript convert`` does. Reported
per group and per half (dev / test, from MANIFEST.json):

* **turns**: the share of expected speech turns whose speaker is right. Expected and read
  speakers are aligned in order, the alignment that pairs the most of them with the same person
  (a longest common subsequence under :func:`same_person`, so that a turn read too many or too
  few costs one turn, not the rest of the page); a turn counts when it is paired with a read
  speech by the same person: names are compared casefolded, accents and punctuation
  stripped, word order free, and a word may be an initial of the other's word ("В.Путин" is
  "Владимир Путин", "Putin, Vladimir" is "Vladimir Putin"; honorifics such as "Ms." are
  ignored and a name printed shorter, "MS. JEAN-PIERRE", names "Karine Jean-Pierre" when every
  word it prints is in the full name and one of them in full; the usual variants of
  romanising a Russian name are one spelling, "Alexandrov" and "Aleksandrov", "Natalya" and
  "Natalia", "Dyomin" and "Demin": the issue counts a speaker right "however printed"); a null
  truth (a generic label such as "Question" or "HOST") matches a speech with no speaker or with
  a speaker read as a role without a name (the reader keeps "HOST" as a role; neither names a
  person);
* **documents**: the share of expected documents whose title and date are both right (title
  compared after normalising spaces, quotes and case);
* **failed**: the cases whose input could not be read at all.

Run ``python -m benchmarks.evaluate_real [--half dev|test|all] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import transcript_model as tm

DATA = Path(__file__).resolve().parent / "eval_real"
_NOT_WORD = re.compile(r"[^\w]+")


def name_words(name: str) -> tuple[str, ...]:
    """A person's name as sorted, casefolded, accent-free words."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ё", "е").replace("Ё", "Е"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(sorted(w for w in _NOT_WORD.split(plain.casefold()) if w))


_HONORIFICS = frozenset({"mr", "ms", "mrs", "dr", "the", "г", "господин", "госпожа"})


# Romanisations of one Russian name (the truth keeps each label's own spelling; kremlin.ru
# prints "Alexandrov" in one label and "Aleksandrov" in the next).
_ROMANISED = (("x", "ks"), ("yo", "e"), ("iya", "ia"))
_ROMANISED_ENDINGS = (("iy", "y"), ("yi", "y"), ("ya", "ia"))


def _romanised(word: str) -> str:
    for printed, usual in _ROMANISED:
        word = word.replace(printed, usual)
    if word.startswith("ye"):
        word = "e" + word[2:]
    for ending, usual in _ROMANISED_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + usual
    return word[:-1] + "y" if len(word) > 3 and word.endswith("i") else word


def _words_match(a: str, b: str) -> bool:
    return (
        a == b
        or (len(a) == 1 and b.startswith(a))
        or (len(b) == 1 and a.startswith(b))
        or (len(a) > 1 and len(b) > 1 and _romanised(a) == _romanised(b))
    )


def same_person(truth: str | None, read: str | None) -> bool:
    """Whether a read speaker name names the truth's person (see the module notes)."""
    if truth is None or read is None:
        return truth is None and (read is None or isinstance(read, Nameless))
    want = [w for w in name_words(truth) if w not in _HONORIFICS]
    got = [w for w in name_words(read) if w not in _HONORIFICS]
    if not want or not got:
        return False
    short, long_ = (want, got) if len(want) <= len(got) else (got, want)
    unmatched = list(long_)
    full_words = 0
    # full words first, so that an initial does not take the word a full word needs
    for word in sorted(short, key=len, reverse=True):
        partner = next((w for w in unmatched if w == word), None)
        if partner is None:
            partner = next((w for w in unmatched if _words_match(word, w)), None)
        if partner is None:
            return False
        full_words += partner == word and len(word) > 1
        unmatched.remove(partner)
    return full_words > 0


def _normal_title(title: str | None) -> str:
    text = unicodedata.normalize("NFKC", title or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = re.sub(r"[\"“”«»'’]", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class Score:
    """Counts for one case or a sum of cases."""

    turns: int = 0
    turns_right: int = 0
    documents: int = 0
    documents_right: int = 0
    failed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.turns += other.turns
        self.turns_right += other.turns_right
        self.documents += other.documents
        self.documents_right += other.documents_right
        self.failed += other.failed

    def as_dict(self) -> dict[str, Any]:
        return {
            "turns": _share(self.turns_right, self.turns),
            "documents": _share(self.documents_right, self.documents),
            "counts": {
                "turns": [self.turns_right, self.turns],
                "documents": [self.documents_right, self.documents],
            },
            "failed": self.failed,
        }


def _share(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


class Nameless(str):
    """The role of a speaker read without a name ("HOST", "Narrator"): like the truth's null it
    names no person, and it names the role the truth may print instead."""


def _read_speakers(transcript: Any) -> list[str | None]:
    names: list[str | None] = []
    for turn in transcript.turns:
        if str(turn.kind) != "speech":
            continue
        person = transcript.participant(turn.speaker) if turn.speaker else None
        if person is None:
            names.append(None)
        else:
            names.append(person.name or (Nameless(person.role) if person.role else None))
    return names


def turns_right(expected: list[str | None], read: list[str | None]) -> int:
    """How many expected turns an order-preserving alignment pairs with a read speech by the
    same person, at most (the length of the longest common subsequence under
    :func:`same_person`).

    An optimal alignment, not difflib's longest block first: in a two-person interview
    (A, B, A, B, …) one turn read too many makes the longest block the whole page shifted by
    a period, and that heuristic then scored every turn before the extra one as wrong.
    """
    same: dict[tuple[str | None, str | None, bool], bool] = {}
    row = [0] * (len(read) + 1)
    for truth in expected:
        diagonal = 0  # the previous row's value at column j - 1
        for j, got in enumerate(read, start=1):
            pair = (truth, got, isinstance(got, Nameless))
            match = same.get(pair)
            if match is None:
                match = same[pair] = same_person(truth, got)
            above = row[j]
            row[j] = diagonal + 1 if match else max(above, row[j - 1])
            diagonal = above
    return row[-1]


def score_document(want: dict[str, Any], got: Any | None) -> Score:
    """Compare one expected document with the read transcript (None when missing)."""
    expected: list[str | None] = want["speakers"]
    score = Score(turns=len(expected), documents=1)
    if got is None:
        return score
    score.turns_right = turns_right(expected, _read_speakers(got))
    date = got.event.date.isoformat() if got.event.date else None
    title_right = _normal_title(got.event.title) == _normal_title(want["title"])
    score.documents_right = int(title_right and date == want["date"])
    return score


def score_case(folder: Path) -> Score:
    """Read one case without a format and score every expected document."""
    source = next(p for p in sorted(folder.iterdir()) if p.name.startswith("input."))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["documents"]
    try:
        read: list[Any] = list(tm.read(source))
        failure = None
    except Exception as error:  # every failure of a reader is a result here
        read, failure = (
            [],
            f"{folder.name}: {type(error).__name__}: {str(error).splitlines()[0][:160]}",
        )
    total = Score()
    for index, want in enumerate(expected):
        total.add(score_document(want, read[index] if index < len(read) else None))
    if failure:
        total.failed.append(failure)
    return total


def evaluate(half: str = "all", data: Path = DATA) -> dict[str, Any]:
    """Score the cases of ``half`` (dev, test or all) per group."""
    manifest: dict[str, dict[str, str]] = json.loads(
        (data / "MANIFEST.json").read_text(encoding="utf-8")
    )
    groups: dict[str, Score] = {}
    cases: dict[str, Any] = {}
    total = Score()
    for case, entry in sorted(manifest.items()):
        if half != "all" and entry["half"] != half:
            continue
        score = score_case(data / entry["group"] / case)
        cases[case] = {"group": entry["group"], "half": entry["half"], **score.as_dict()}
        groups.setdefault(entry["group"], Score()).add(score)
        total.add(score)
    return {
        "half": half,
        "groups": {name: s.as_dict() for name, s in sorted(groups.items())},
        "total": total.as_dict(),
        "cases": cases,
    }


def _percent(value: float | None) -> str:
    return "   n/a" if value is None else f"{value * 100:5.1f}%"


def report(result: dict[str, Any]) -> str:
    """The per-group table as plain text."""
    lines = [
        f"half: {result['half']}",
        f"{'group':14} {'turns right':>18} {'title+date':>16} {'failed':>7}",
    ]
    for name, row in [*result["groups"].items(), ("TOTAL", result["total"])]:
        turns, docs = row["counts"]["turns"], row["counts"]["documents"]
        lines.append(
            f"{name:14} {_percent(row['turns'])} ({turns[0]:4}/{turns[1]:4}) "
            f"{_percent(row['documents'])} ({docs[0]:3}/{docs[1]:3}) {len(row['failed']):7}"
        )
    for failure in result["total"]["failed"]:
        lines.append(f"  failed: {failure}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--half", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    result = evaluate(args.half)
    sys.stdout.write(
        json.dumps(result, ensure_ascii=False, indent=1) if args.json else report(result)
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
