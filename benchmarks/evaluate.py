"""Accuracy of the readers on transcripts with hand-checked expectations.

Each case is a folder in ``benchmarks/eval_data/``: ``input.<ext>`` (any format the package
reads; the format is detected from the name and content, as ``transcript convert`` does) and
``expected.json``, the canonical JSON of the transcripts a careful human reads in the input.
The expectations were checked by hand against the page text: never regenerate them from a
reader's output.

Reported, per case and per input format:

* **speakers**: the share of expected speeches whose speaker is right — the turn is found
  (turns are aligned on their kind and text) and it is a speech by the same person (compared
  by name, or by role for role-only speakers, so that readers may choose their own ids), or by
  no one for a generic label such as "Question";
* **turns**: the share of expected turns of every kind found with the right kind and speaker;
* **metadata**: the share of documents whose event, language, participants (name, role,
  attending) and footer metadata are all right; the fields that were wrong are listed.

Run ``python -m benchmarks.evaluate`` (``--json`` for machine-readable output).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import transcript_model as tm
from transcript_model.model import Transcript
from transcript_model.registry import detect_format

DATA = Path(__file__).resolve().parent / "eval_data"


@dataclass
class Score:
    """Counts for one case (or a sum of cases)."""

    speeches: int = 0
    speeches_right: int = 0
    turns: int = 0
    turns_right: int = 0
    documents: int = 0
    documents_right: int = 0
    wrong_fields: list[str] = field(default_factory=list)
    error: str | None = None

    def add(self, other: Score) -> None:
        """Add the counts of ``other`` to these."""
        self.speeches += other.speeches
        self.speeches_right += other.speeches_right
        self.turns += other.turns
        self.turns_right += other.turns_right
        self.documents += other.documents
        self.documents_right += other.documents_right

    def as_dict(self) -> dict[str, Any]:
        """The counts and shares, JSON-ready."""
        return {
            "speakers": _share(self.speeches_right, self.speeches),
            "turns": _share(self.turns_right, self.turns),
            "metadata": _share(self.documents_right, self.documents),
            "counts": {
                "speeches": [self.speeches_right, self.speeches],
                "turns": [self.turns_right, self.turns],
                "documents": [self.documents_right, self.documents],
            },
            "wrong_fields": self.wrong_fields,
            "error": self.error,
        }


def _share(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def _who(transcript: Transcript, speaker: str | None) -> tuple[str, str] | None:
    """A reader-independent identity for a speaker: its name, or its role when it has none."""
    if speaker is None:
        return None
    person = transcript.participant(speaker)
    if person is None:
        return ("id", speaker)
    if person.name:
        return ("name", person.name.casefold())
    return ("role", (person.role or "").casefold())


def _signature(turn: Any) -> str:
    kind = str(turn.kind)
    if kind in ("speech", "narrative"):
        return f"{kind}:{turn.paragraphs[0][:80]}"
    if kind in ("stage", "heading"):
        return f"{kind}:{turn.text}"
    return kind


def score_document(expected: Transcript, actual: Transcript | None) -> Score:
    """Compare one read document with its expectation."""
    score = Score(documents=1)
    score.turns = len(expected.turns)
    score.speeches = sum(1 for t in expected.turns if t.kind == "speech")
    if actual is None:
        score.wrong_fields.append("document missing")
        return score
    matcher = difflib.SequenceMatcher(
        a=[_signature(t) for t in expected.turns],
        b=[_signature(t) for t in actual.turns],
        autojunk=False,
    )
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            want = expected.turns[block.a + offset]
            got = actual.turns[block.b + offset]
            right = want.kind == got.kind and (
                want.kind != "speech" or _who(expected, want.speaker) == _who(actual, got.speaker)  # type: ignore[union-attr]
            )
            score.turns_right += right
            score.speeches_right += right and want.kind == "speech"
    wrong = _wrong_metadata(expected, actual)
    score.wrong_fields.extend(wrong)
    score.documents_right = int(not wrong)
    return score


def _people(t: Transcript) -> list[tuple[str | None, str | None, bool]]:
    return [(p.name, p.role, p.attending) for p in t.participants]


def _wrong_metadata(expected: Transcript, actual: Transcript) -> list[str]:
    wrong = [
        f"event.{name}"
        for name in type(expected.event).model_fields
        if getattr(expected.event, name) != getattr(actual.event, name)
    ]
    wrong += [
        f"metadata.{name}"
        for name in type(expected.metadata).model_fields
        if getattr(expected.metadata, name) != getattr(actual.metadata, name)
    ]
    if expected.language != actual.language:
        wrong.append("language")
    if _people(expected) != _people(actual):
        wrong.append("participants")
    return wrong


def score_case(folder: Path) -> tuple[str, Score]:
    """Read a case's input and compare every document; returns (format name, score)."""
    inputs = sorted(p for p in folder.iterdir() if p.name.startswith("input."))
    if len(inputs) != 1:
        raise SystemExit(f"{folder}: expected exactly one input.<ext> file")
    source = inputs[0]
    expected = tm.read(folder / "expected.json")
    fmt = detect_format(source.name, source.read_bytes())
    score = Score()
    try:
        actual: list[Transcript] = tm.read(source)
    except tm.TranscriptError as error:
        actual = []
        score.error = str(error).splitlines()[0]
    for index, want in enumerate(expected):
        got = actual[index] if index < len(actual) else None
        one = score_document(want, got)
        score.add(one)
        score.wrong_fields.extend(f"[{index}] {w}" for w in one.wrong_fields)
    if len(actual) > len(expected):
        score.wrong_fields.append(f"{len(actual) - len(expected)} extra document(s)")
    return fmt, score


def evaluate(data: Path = DATA) -> dict[str, Any]:
    """Score every case under ``data``; totals per input format and overall."""
    cases: dict[str, Any] = {}
    by_format: dict[str, Score] = defaultdict(Score)
    total = Score()
    for folder in sorted(p for p in data.iterdir() if (p / "expected.json").exists()):
        fmt, score = score_case(folder)
        cases[folder.name] = {"format": fmt, **score.as_dict()}
        by_format[fmt].add(score)
        total.add(score)
    return {
        "cases": cases,
        "formats": {name: s.as_dict() for name, s in sorted(by_format.items())},
        "total": total.as_dict(),
    }


def _percent(value: float | None) -> str:
    return "   n/a" if value is None else f"{value * 100:5.1f}%"


def report(result: dict[str, Any]) -> str:
    """The result as a plain-text table."""
    lines = [f"{'case':34} {'format':8} {'speakers':>9} {'turns':>9} {'metadata':>9}"]
    rows = [(name, c["format"], c) for name, c in result["cases"].items()]
    rows += [(f"TOTAL {name}", name, s) for name, s in result["formats"].items()]
    rows.append(("TOTAL", "all", result["total"]))
    for name, fmt, s in rows:
        lines.append(
            f"{name:34} {fmt:8} {_percent(s['speakers']):>9} {_percent(s['turns']):>9} "
            f"{_percent(s['metadata']):>9}"
        )
    for name, c in result["cases"].items():
        if c["wrong_fields"] or c["error"]:
            lines.append(f"  {name}: {c['error'] or ''} {', '.join(c['wrong_fields'])}".rstrip())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy table (or JSON) for the evaluation cases."""
    parser = argparse.ArgumentParser(description="Reader accuracy on hand-checked transcripts.")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of cases")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    result = evaluate(args.data)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
