"""``transcript diff`` and :mod:`transcript_model.diff`: what changed between two transcripts."""

from __future__ import annotations

import itertools
import json
import random
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transcript_model as tm
from transcript_model import cli
from transcript_model.diff import (
    FieldChanged,
    ParagraphMoved,
    ParticipantAdded,
    ParticipantMoved,
    ParticipantReidentified,
    ParticipantRemoved,
    ParticipantRenamed,
    TranscriptAdded,
    TranscriptRemoved,
    TurnDeleted,
    TurnEdited,
    TurnInserted,
    TurnMoved,
    diff,
    diff_all,
    diff_sources,
    text_lines,
    word_diff,
)
from transcript_model.diff.align import common_subsequence

from conftest import ROOT
from strategies import transcripts

SEED = ROOT / "examples" / "kremlin-2022-03-11.json"


@pytest.fixture(scope="module")
def seed() -> tm.Transcript:
    return tm.read(SEED)[0]


def _edited(transcript: tm.Transcript, edit: Any) -> tm.Transcript:
    data = transcript.model_dump(mode="json")
    edit(data)
    return tm.Transcript.model_validate(data)


def _three_edits(data: dict[str, Any]) -> None:
    """One turn changed, one participant renamed, one paragraph moved (within its turn)."""
    turn = data["turns"][2]["paragraphs"]
    turn[0] = turn[0].replace("extremely important", "very important")
    data["participants"][1]["name"] = "Alexander G. Lukashenko"
    moved = data["turns"][0]["paragraphs"]
    moved.insert(0, moved.pop(2))


def _run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --------------------------------------------------------------------------- the "done when"


def test_seed_against_edited_copy_reports_exactly_the_three_changes(seed: tm.Transcript) -> None:
    result = diff(seed, _edited(seed, _three_edits))
    assert len(result.changes) == 3
    renamed, moved, edited = result.changes
    assert renamed == ParticipantRenamed(
        "alexander-lukashenko", "Alexander Lukashenko", "Alexander G. Lukashenko"
    )
    assert isinstance(moved, ParagraphMoved)
    assert (moved.old_turn, moved.old_index, moved.new_turn, moved.new_index) == (0, 2, 0, 0)
    assert moved.text.startswith("First of all, before we get down to our agenda")
    assert isinstance(edited, TurnEdited)
    assert (edited.old_index, edited.new_index, edited.fields) == (2, 2, ())
    (paragraph,) = edited.paragraphs
    assert (paragraph.op, paragraph.old_index, paragraph.new_index) == ("changed", 0, 0)
    assert paragraph.words is not None
    assert [(op, text) for op, text in paragraph.words if op != "="] == [
        ("-", "extremely"),
        ("+", "very"),
    ]


def test_cli_on_seed_files_reports_three_changes_with_a_word_diff(
    seed: tm.Transcript, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.tei.xml"
    old.write_text(tm.write(seed, "json"), encoding="utf-8")
    new.write_text(tm.write(_edited(seed, _three_edits), "tei"), encoding="utf-8")
    code, out, err = _run("diff", str(old), str(new), capsys=capsys)
    assert code == 1
    changes = [line for line in out.splitlines() if not line.startswith((" ", "---", "+++"))]
    assert [line.split(":")[0] for line in changes] == [
        "participant renamed",
        "paragraph moved",
        "turn edited",
    ]
    assert "is [-extremely-]{+very+} important" in out
    assert err.strip() == "3 changes in 1 transcript(s)"


def test_a_paragraph_moved_to_another_turn_is_one_change(seed: tm.Transcript) -> None:
    def move_across(data: dict[str, Any]) -> None:
        data["turns"][2]["paragraphs"].append(data["turns"][0]["paragraphs"].pop(1))

    (change,) = diff(seed, _edited(seed, move_across)).changes
    assert isinstance(change, ParagraphMoved)
    assert (change.old_turn, change.old_index, change.new_turn) == (0, 1, 2)
    new_turn = seed.model_dump()["turns"][2]["paragraphs"]
    assert change.new_index == len(new_turn)


# --------------------------------------------------------------------------- equal inputs


def test_equal_inputs_exit_0_without_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.json"
    copy.write_bytes(SEED.read_bytes())
    code, out, _ = _run("diff", str(SEED), str(copy), capsys=capsys)
    assert (code, out) == (0, "")
    assert all(d.equal for d in diff_sources(SEED, copy))


def test_json_against_tei_written_from_the_same_transcript_is_equal(
    seed: tm.Transcript, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tei = tmp_path / "seed.tei.xml"
    tei.write_text(tm.write(seed, "tei"), encoding="utf-8")
    # The seed file holds two transcripts, the TEI file one: they are paired by id.
    same, removed = diff_sources(SEED, tei)
    assert same.equal
    assert removed.changes == (TranscriptRemoved(tm.read(SEED)[1].id),)
    single = tmp_path / "seed.json"
    single.write_text(tm.write(seed, "json"), encoding="utf-8")
    assert [d.equal for d in diff_sources(single, tei)] == [True]
    code, out, _ = _run("diff", str(single), str(tei), "--from-b", "tei", capsys=capsys)
    assert (code, out) == (0, "")


def test_whole_files_in_different_formats_pair_transcripts_by_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = ROOT / "examples" / "kremlin-2022-03-11.txt"
    assert [d.equal for d in diff_sources(SEED, text)] == [True, True]
    code, out, err = _run("diff", str(SEED), str(text), capsys=capsys)
    assert (code, out, err.strip()) == (0, "", "0 changes in 2 transcript(s)")


def test_transcripts_only_on_one_side_are_added_or_removed(seed: tm.Transcript) -> None:
    other = _edited(seed, lambda d: d.update(id="another"))
    third = _edited(seed, lambda d: d.update(id="third"))
    results = diff_all([seed, other], [seed, third])
    assert [r.changes for r in results] == [
        (),
        (TranscriptRemoved("another"),),
        (TranscriptAdded("third"),),
    ]


# --------------------------------------------------------------------------- what is reported


def test_event_and_metadata_fields_are_reported_by_path(seed: tm.Transcript) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["event"]["place"] = "Novo-Ogaryovo"
        data["metadata"]["topics"].append("Economy")
        data["metadata"]["source"]["url"] = "http://en.kremlin.ru/events/president/news/67949"

    changes = diff(seed, _edited(seed, edit)).changes
    assert changes == (
        FieldChanged("event.place", seed.event.place, "Novo-Ogaryovo"),
        FieldChanged(
            "metadata.source.url", None, "http://en.kremlin.ru/events/president/news/67949"
        ),
        FieldChanged("metadata.topics", seed.metadata.topics, [*seed.metadata.topics, "Economy"]),
    )


def test_same_name_new_id_is_reidentified_and_its_speeches_are_not_edits(
    seed: tm.Transcript,
) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["participants"][0]["id"] = "putin"
        data["participants"][0]["role"] = "President"
        for turn in data["turns"]:
            if turn.get("speaker") == "vladimir-putin":
                turn["speaker"] = "putin"

    changes = diff(seed, _edited(seed, edit)).changes
    assert changes == (
        ParticipantReidentified("Vladimir Putin", "vladimir-putin", "putin"),
        FieldChanged("participants[id=putin].role", "President of Russia", "President"),
    )


def test_participants_added_removed_and_moved(seed: tm.Transcript) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["participants"].reverse()
        data["participants"].append({"id": "dmitry-peskov", "name": "Dmitry Peskov"})

    new = _edited(seed, edit)
    changes = diff(seed, new).changes
    assert changes[0] == ParticipantMoved("vladimir-putin", 0, 1) or changes[0] == (
        ParticipantMoved("alexander-lukashenko", 1, 0)
    )
    assert changes[1:] == (ParticipantAdded(2, new.participants[2]),)
    assert diff(new, seed).changes[1:] == (ParticipantRemoved(2, new.participants[2]),)


def test_turns_inserted_deleted_and_moved(seed: tm.Transcript) -> None:
    def edit(data: dict[str, Any]) -> None:
        turns = data["turns"]
        deleted = turns.pop(5)
        turns.insert(9, turns.pop(1))  # turn 1 now stands after what was turn 10
        turns.insert(0, {"kind": "stage", "text": "(Applause.)"})
        data["_deleted"] = deleted

    data = seed.model_dump(mode="json")
    edit(data)
    deleted = data.pop("_deleted")
    new = tm.Transcript.model_validate(data)
    changes = diff(seed, new).changes
    kinds = sorted(type(c).__name__ for c in changes)
    assert kinds == ["TurnDeleted", "TurnInserted", "TurnMoved"]
    by_kind = {type(c): c for c in changes}
    assert by_kind[TurnInserted] == TurnInserted(0, new.turns[0])
    assert by_kind[TurnDeleted] == TurnDeleted(5, seed.turns[5])
    assert seed.turns[5].model_dump(mode="json") == deleted
    moved = by_kind[TurnMoved]
    assert isinstance(moved, TurnMoved)
    assert (moved.old_index, moved.turn) == (1, seed.turns[1])
    assert new.turns[moved.new_index] == seed.turns[1]


def test_a_changed_speaker_is_a_field_of_the_edited_turn(seed: tm.Transcript) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["turns"][1]["speaker"] = "vladimir-putin"

    (change,) = diff(seed, _edited(seed, edit)).changes
    assert isinstance(change, TurnEdited)
    assert change.fields == (FieldChanged("speaker", "alexander-lukashenko", "vladimir-putin"),)
    assert change.paragraphs == ()


def test_word_diff_segments_and_text_rendering(seed: tm.Transcript) -> None:
    assert word_diff("Hello big world, yes.", "Hello small world yes!") == (
        ("=", "Hello "),
        ("-", "big"),
        ("+", "small"),
        ("=", " world"),
        ("-", ","),
        ("=", " yes"),
        ("-", "."),
        ("+", "!"),
    )
    result = diff(seed, _edited(seed, _three_edits))
    plain = list(text_lines(result, word_diff=False))
    assert "  - " + seed.model_dump()["turns"][2]["paragraphs"][0] in plain
    assert not any("[-" in line for line in plain)


def test_common_subsequence_is_in_order_and_equal() -> None:
    rng = random.Random(5)
    for _ in range(50):
        a = [rng.randrange(6) for _ in range(rng.randrange(200))]
        b = [rng.randrange(6) for _ in range(rng.randrange(200))]
        pairs = common_subsequence(a, b)
        assert all(a[i] == b[j] for i, j in pairs)
        assert all(p[0] < q[0] and p[1] < q[1] for p, q in itertools.pairwise(pairs))


@given(transcripts(), st.data())
def test_no_changes_exactly_when_the_models_are_equal(
    transcript: tm.Transcript, data: st.DataObject
) -> None:
    dump = transcript.model_dump(mode="json")
    turns = dump["turns"]
    mutation = data.draw(st.sampled_from(["none", "swap", "drop", "title", "rename"]))
    if mutation == "swap" and len(turns) > 1:
        i, j = data.draw(st.tuples(*[st.integers(0, len(turns) - 1)] * 2))
        turns[i], turns[j] = turns[j], turns[i]
    elif mutation == "drop" and turns:
        turns.pop(data.draw(st.integers(0, len(turns) - 1)))
    elif mutation == "title":
        dump["event"]["title"] += " (corrected)"
    elif mutation == "rename" and dump["participants"]:
        dump["participants"][0]["name"] = "Someone Else"
    other = tm.Transcript.model_validate(dump)
    assert diff(transcript, other).equal == (transcript == other)
    assert diff(transcript, transcript).equal


# --------------------------------------------------------------------------- JSON output


def test_json_output_shape(
    seed: tm.Transcript, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "a.json", tmp_path / "b.json"
    old.write_text(tm.write(seed, "json"), encoding="utf-8")
    new.write_text(tm.write(_edited(seed, _three_edits), "json"), encoding="utf-8")
    code, out, _ = _run("diff", str(old), str(new), "--output-format", "json", capsys=capsys)
    report = json.loads(out)
    assert code == 1
    assert set(report) == {"a", "b", "equal", "changes", "transcripts"}
    assert (report["a"], report["b"], report["equal"], report["changes"]) == (
        str(old),
        str(new),
        False,
        3,
    )
    (transcript,) = report["transcripts"]
    assert transcript["old_id"] == transcript["new_id"] == seed.id
    renamed, moved, edited = transcript["changes"]
    assert renamed == {
        "kind": "participant_renamed",
        "id": "alexander-lukashenko",
        "old_name": "Alexander Lukashenko",
        "new_name": "Alexander G. Lukashenko",
    }
    assert set(moved) == {"kind", "old_turn", "old_index", "new_turn", "new_index", "text"}
    assert edited["kind"] == "turn_edited"
    assert set(edited) == {
        "kind", "old_index", "new_index", "fields", "paragraphs", "speaker"
    }  # fmt: skip
    (paragraph,) = edited["paragraphs"]
    assert set(paragraph) == {"op", "old_index", "new_index", "old", "new", "words"}
    assert ["-", "extremely"] in paragraph["words"]
    _run("diff", str(old), str(new), "--output-format", "json", "--no-word-diff", capsys=capsys)
    code, out, _ = _run(
        "diff", str(old), str(new), "--output-format=json", "--no-word-diff", capsys=capsys
    )
    assert "words" not in json.loads(out)["transcripts"][0]["changes"][2]["paragraphs"][0]


def test_json_output_of_inserted_turn_carries_the_turn(seed: tm.Transcript) -> None:
    new = _edited(seed, lambda d: d["turns"].append({"kind": "heading", "text": "Part two"}))
    (change,) = diff(seed, new).as_dict()["changes"]
    assert change == {
        "kind": "turn_inserted",
        "new_index": len(seed.turns),
        "turn": {"kind": "heading", "text": "Part two"},
    }


# --------------------------------------------------------------------------- exit codes


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["missing.json"], "missing.json: [unreadable] cannot read the file"),
        (["--from", "nope"], "[unknown_format] unknown format 'nope'"),
        (["--from-b", "tei"], "[xml_syntax]"),
    ],
)
def test_unreadable_or_wrong_input_exits_2_with_a_located_message(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(SEED), argv[0]] if not argv[0].startswith("-") else [str(SEED), str(SEED), *argv]
    code, out, err = _run("diff", *paths, capsys=capsys)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_both_sides_from_standard_input_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _run("diff", "-", "-", capsys=capsys)
    assert code == 2
    assert "only one of A and B can be -" in err


def test_invalid_transcript_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x"}', encoding="utf-8")
    code, _, err = _run("diff", str(SEED), str(bad), capsys=capsys)
    assert code == 2
    assert err.startswith(f"{bad}:")


# --------------------------------------------------------------------------- bounded time


def _big(turns: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    vocabulary = [f"w{k}" for k in range(3000)]
    body: list[dict[str, Any]] = []
    for k in range(turns):
        if k % 50 == 49:
            body.append({"kind": "stage", "text": "(Applause.)"})
        else:
            paragraphs = [" ".join(rng.choices(vocabulary, k=30)) for _ in range(rng.randint(1, 3))]
            body.append({"kind": "speech", "speaker": f"p{k % 5}", "paragraphs": paragraphs})
    return {
        "id": "big",
        "language": "en",
        "event": {"title": "Big", "date": "2022-03-11"},
        "participants": [{"id": f"p{i}", "name": f"Person {i}"} for i in range(5)],
        "turns": body,
    }


def _scattered_edits(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    turns = [dict(t) for t in data["turns"]]
    for _ in range(300):
        turn = turns[rng.randrange(len(turns))]
        if turn["kind"] == "speech":
            turn["paragraphs"] = [turn["paragraphs"][0] + " corrected", *turn["paragraphs"][1:]]
    for _ in range(100):
        turns.insert(rng.randrange(len(turns)), turns.pop(rng.randrange(len(turns))))
        del turns[rng.randrange(len(turns))]
        turns.insert(rng.randrange(len(turns)), {"kind": "narrative", "paragraphs": ["New."]})
    return {**data, "turns": turns}


def test_two_10000_turn_transcripts_diff_in_bounded_time() -> None:
    # Measured 0.2-1.0 s each on two 10,000-turn transcripts. Comparing every deleted turn with
    # every inserted one (10^8 comparisons for the unrelated shape) would take many minutes.
    base = _big(10_000, seed=0)
    old = tm.Transcript.model_validate(base)
    shapes = {
        "scattered edits": _scattered_edits(base, random.Random(1)),
        "reversed": {**base, "turns": base["turns"][::-1]},
        "shuffled": {**base, "turns": random.Random(2).sample(base["turns"], 10_000)},
        "unrelated": _big(10_000, seed=9),
    }
    for name, data in shapes.items():
        new = tm.Transcript.model_validate(data)
        started = time.perf_counter()
        result = diff(old, new)
        elapsed = time.perf_counter() - started
        assert elapsed < 10, f"{name}: {elapsed:.1f} s"
        assert not result.equal
    scattered = diff(old, tm.Transcript.model_validate(shapes["scattered edits"])).changes
    assert 250 <= sum(isinstance(c, TurnEdited) for c in scattered) <= 300
    assert sum(isinstance(c, TurnInserted) for c in scattered) >= 100


def test_word_diff_of_long_paragraphs_is_bounded() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{k}" for k in range(2000)] + ["the"] * 500
    words = rng.choices(vocabulary, k=40_000)
    edited = list(words)
    for _ in range(500):
        edited[rng.randrange(len(edited))] = "X"
    started = time.perf_counter()
    segments = word_diff(" ".join(words), " ".join(edited))
    unrelated = word_diff(" ".join(words), " ".join(rng.choices(vocabulary, k=40_000)))
    assert time.perf_counter() - started < 10
    assert "".join(t for op, t in segments if op != "+") == " ".join(words)
    assert "".join(t for op, t in unrelated if op != "-").count(" ") == 39_999
