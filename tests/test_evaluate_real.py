"""The real-transcript evaluation set is complete and its script runs (no accuracy asserted)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmarks import evaluate_real

DATA = Path(evaluate_real.__file__).resolve().parent / "eval_real"
MANIFEST: dict[str, dict[str, str]] = json.loads(
    (DATA / "MANIFEST.json").read_text(encoding="utf-8")
)


def test_every_case_is_listed_with_source_and_licence() -> None:
    on_disk = {p.parent.name for p in DATA.glob("*/*/expected.json")}
    assert on_disk == set(MANIFEST)
    for case, entry in MANIFEST.items():
        assert (DATA / entry["group"] / case).is_dir()
        assert entry["source_url"].startswith("http"), case
        assert entry["licence"] and entry["obtained"], case
        assert (DATA / entry["path"]).is_file(), case


#: The diagnosis draw: fresh pages looked at one by one, so all of them are in the dev half.
DIAGNOSIS_DRAW = "scripts/build_eval_real_3.py (seed 1603)"
WHOLE_PAGES = "scripts/build_eval_real_4.py (every kremlin_en case, copied whole)"


def test_halves_are_disjoint_and_even_per_group() -> None:
    # The diagnosis draw went to dev whole; the whole-page copies keep their pages' halves.
    halves = Counter(
        (e["group"], e["half"])
        for e in MANIFEST.values()
        if e.get("drawn_by") not in (DIAGNOSIS_DRAW, WHOLE_PAGES)
    )
    assert {h for _, h in halves} == {"dev", "test"}
    for group in {g for g, _ in halves}:
        assert abs(halves[(group, "dev")] - halves[(group, "test")]) <= 1, group


def test_expected_files_have_the_documented_shape() -> None:
    for entry in MANIFEST.values():
        folder = DATA / entry["path"].rsplit("/", 1)[0]
        documents = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["documents"]
        for document in documents:
            assert document["title"] and len(document["date"]) == 10
            assert document["turns"] == len(document["speakers"])


def test_names_compare_by_person() -> None:
    assert evaluate_real.same_person("Владимир Путин", "В.Путин")
    assert evaluate_real.same_person("Karine Jean-Pierre", "MS. JEAN-PIERRE")
    assert evaluate_real.same_person(None, None)
    assert not evaluate_real.same_person("Alexander Medvedev", "Dmitry Medvedev")
    # Romanisations of one Russian name name one person, "however printed" (issue 16).
    assert evaluate_real.same_person("Anatoly Alexandrov", "Anatoly Aleksandrov")
    assert evaluate_real.same_person("Natalia Yuryeva", "Natalya Yuryeva")
    assert evaluate_real.same_person("Sergei Dyomin", "Sergei Demin")
    assert not evaluate_real.same_person("Sergei Demin", "Sergei Dyomkin")
    assert not evaluate_real.same_person(None, "Vladimir Putin")
    # a speaker read as a role without a name names no person, as a generic label does
    assert evaluate_real.same_person(None, evaluate_real.Nameless("HOST"))
    assert evaluate_real.same_person("Narrator", evaluate_real.Nameless("Narrator"))
    assert not evaluate_real.same_person("Wayne Swan", evaluate_real.Nameless("TREASURER"))
    assert evaluate_real.turns_right([None], ["HOST"]) == 0


def test_one_extra_turn_in_an_interview_costs_no_turn() -> None:
    # difflib's longest block aligned A, B, A, B, … with itself shifted by a period and scored
    # the 80 turns before the extra one as wrong.
    truth: list[str | None] = ["Vladimir Putin", "Megyn Kelly"] * 121
    read = [*truth[:80], "Vladimir Putin", *truth[80:]]
    assert evaluate_real.turns_right(truth, read) == 242
    assert evaluate_real.turns_right(truth, read[1:]) == 241
    assert evaluate_real.turns_right(["A B", None], [None, "A B"]) == 1
    assert evaluate_real.turns_right([], ["A B"]) == 0


def test_evaluation_runs_on_two_dev_cases() -> None:
    dev = sorted(case for case, entry in MANIFEST.items() if entry["half"] == "dev")[:2]
    for case in dev:
        score = evaluate_real.score_case(DATA / MANIFEST[case]["group"] / case)
        assert score.documents >= 1
        assert 0 <= score.turns_right <= score.turns


def test_diagnosis_draw_is_all_dev() -> None:
    drawn = [e for e in MANIFEST.values() if e.get("drawn_by") == DIAGNOSIS_DRAW]
    assert drawn and all(e["half"] == "dev" for e in drawn)


def test_second_draw_kept_the_first_and_covers_long_and_hearing_pages() -> None:
    second = {
        c: e
        for c, e in MANIFEST.items()
        if "drawn_by" in e and e["drawn_by"] not in (DIAGNOSIS_DRAW, WHOLE_PAGES)
    }
    assert len(MANIFEST) >= 110 and len([e for e in MANIFEST.values() if "drawn_by" not in e]) == 75
    strata = Counter(e.get("stratum") for e in second.values())
    assert strata["long-transcripts"] >= 3
    for prefix in ("au-pm-", "hearing-"):
        assert any(case.startswith(prefix) for case in second), prefix
    for case, entry in second.items():
        expected = json.loads((DATA / entry["group"] / case / "expected.json").read_text("utf-8"))
        if entry.get("stratum") == "long-transcripts":
            assert (DATA / entry["path"]).stat().st_size > 60_000, case
            assert expected["documents"][0]["turns"] > 30, case


def test_every_kremlin_en_page_is_also_copied_whole_with_the_same_truth_and_half() -> None:
    pages = {c: e for c, e in MANIFEST.items() if e["group"] == "kremlin_page"}
    originals = {c for c, e in MANIFEST.items() if e["group"] == "kremlin_en"}
    assert {e["copy_of"].split("/")[1] for e in pages.values()} == originals
    for case, entry in pages.items():
        original = entry["copy_of"].split("/")[1]
        assert entry["drawn_by"] == WHOLE_PAGES and entry["half"] == MANIFEST[original]["half"]
        copied = (DATA / "kremlin_page" / case / "expected.json").read_text("utf-8")
        assert copied == (DATA / "kremlin_en" / original / "expected.json").read_text("utf-8")
        text = (DATA / entry["path"]).read_text("utf-8")
        assert not text.startswith("Events\n"), case  # the site's menus come first
