"""The quick JSON check (issue 18: start-up) never calls valid what the model refuses.

``converters/json/quick.py`` shows a JSON file valid without pydantic, from the published
schema and the model's rules; whatever it cannot show valid goes the usual way. Its one duty is
to be right when it says "valid": checked here against the model on generated transcripts, on
every kind of damage done to them, and on every JSON file of the repository.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import transcript_model as tm
from benchmarks.hostile_shapes_json import SHAPES
from transcript_model.converters.json import convert, quick
from transcript_model.model import Transcript
from transcript_model.schema_checker import (
    LONGEST_MATCHED,
    UnsupportedSchemaError,
    compile_checker,
)

from strategies import MODEL_1_1, transcripts

ROOT = Path(__file__).parent.parent


def _model_verdict(data: bytes) -> tuple[bool, int]:
    result = convert.validate(data)
    return not result.problems, len(result.transcripts)


def _encoded(document: Any) -> bytes:
    try:
        return json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only an escape can carry it
        return json.dumps(document).encode("utf-8")


def _document(transcript: Transcript) -> Any:
    return json.loads(tm.write(transcript, "json"))


@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(transcripts(features=MODEL_1_1))
def test_every_valid_transcript_is_shown_valid(transcript: Transcript) -> None:
    # Not its duty, but its use: a quick route that gave up on valid files would save nothing.
    assert quick.valid_transcript_count(tm.write(transcript, "json").encode("utf-8")) == 1


#: Values put in place of others: every JSON type, and strings that break one rule each.
_ODD_VALUES = [
    None, True, False, 0, 1, -1, 1.0, 2.5, "", " ", "x", "x ", " x", "a\nb", "x\n", "\t",
    "2023-02-30", "2023-02-29T10:00", "2024-02-29", "1999-13", "12:00", "24:00", "12:00:60",
    "speech", "narrative", "paragraph", "event", "vocal", "note", "time", "chair",
    "https://example.org/a b", "https://example.org/%zz", "en", "EN", "+03:00", "+15:00",
    [], [""], ["x"], [{}], {}, {"kind": "speech"}, {"kind": "vocal", "speaker": "nobody"},
    "\u2028", "\ufffe", "\x85", "\ud800",
]  # fmt: skip
_REPLACEMENTS = st.one_of(st.sampled_from(_ODD_VALUES), st.integers(), st.text(max_size=6))


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*path, index))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


@st.composite
def damaged(draw: st.DrawFn, document: Any) -> Any:
    """``document`` with one to three changes: a value replaced, a key removed or added, an
    item of a list repeated (a second participant with the same id) or removed."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_places(document)[1:] or [()]))
        if not path:
            break
        parent, last = _parent(document, path), path[-1]
        action = draw(st.sampled_from(["replace", "remove", "add", "repeat"]))
        if action == "replace":
            parent[last] = draw(_REPLACEMENTS)
        elif action == "remove":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "kind", "speaker", "label", "when", "name"]))] = (
                draw(_REPLACEMENTS)
            )
        elif action == "repeat" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
    return document


@settings(max_examples=600, suppress_health_check=list(HealthCheck), deadline=None)
@given(transcripts(features=MODEL_1_1), st.data())
def test_a_damaged_transcript_is_shown_valid_only_when_the_model_accepts_it(
    transcript: Transcript, data: st.DataObject
) -> None:
    document = data.draw(damaged(_document(transcript)))
    encoded = _encoded(document)
    shown = quick.valid_transcript_count(encoded)
    if shown is not None:
        valid, count = _model_verdict(encoded)
        assert valid, json.dumps(document, ensure_ascii=False)[:2000]
        assert count == shown


@pytest.mark.parametrize(
    "path",
    sorted(p for p in [*ROOT.glob("tests/data/**/*.json"), *ROOT.glob("examples/**/*.json")]),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_a_file_of_the_repository_is_shown_valid_exactly_when_it_is(path: Path) -> None:
    data = path.read_bytes()
    valid, count = _model_verdict(data)
    # Valid files with warnings (none among these) would have to go the usual way.
    assert quick.valid_transcript_count(data) == (count if valid and count else None)


def test_every_model_class_with_a_rule_of_its_own_has_it_applied() -> None:
    def classes(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
        seen.add(model)
        for field in model.model_fields.values():
            for inner in _types_in(field.annotation):
                if isinstance(inner, type) and issubclass(inner, BaseModel) and inner not in seen:
                    classes(inner, seen)
        return seen

    with_rules = {
        model.__name__
        for model in classes(Transcript, set())
        if model.__pydantic_decorators__.model_validators
        or model.__pydantic_decorators__.field_validators
    }
    # The transcript's own rule is the cross-field rules, which the quick route runs whole.
    assert with_rules - {"Transcript"} == set(quick.OBJECT_RULES)


def _types_in(annotation: Any) -> list[Any]:
    import typing

    found = [annotation]
    for argument in typing.get_args(annotation):
        found += _types_in(argument)
    return found


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "maxLength": 3},
        {"pattern": "^a"},
        {"pattern": "a$|b$"},
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        {"if": {"minimum": 1}, "then": {"type": "integer"}},
        {"type": "object", "additionalProperties": {"type": "string"}},
        {"$ref": "#/$defs/Missing"},
        {"format": "email"},
        {"title": "accepts anything"},
    ],
)
def test_a_schema_construct_it_does_not_read_is_refused_not_ignored(schema: Any) -> None:
    with pytest.raises(UnsupportedSchemaError):
        compile_checker(schema, {})


def test_it_reads_keywords_at_least_as_strictly_as_the_model() -> None:
    check = compile_checker(
        {
            "type": "object",
            "properties": {
                "n": {"type": "integer", "minimum": 1},
                "when": {"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                "on": {"type": "string", "format": "date"},
                "tag": {"enum": ["a", 1]},
            },
            "additionalProperties": False,
        },
        {},
    )
    assert check({"n": 1, "when": "2024-02-29", "on": "2024-02-29", "tag": 1})
    for wrong in (
        {"n": True},  # JSON's true is no integer
        {"n": 1.0},
        {"when": 20240229},  # a pattern demands a string
        {"when": "2023-02-29"},  # the calendar has no such day
        {"when": "2024-02-29\n"},  # $ is the end of the text
        {"on": "2024-2-29"},
        {"tag": True},  # true is not 1
        {"other": 1},
    ):
        assert not check(wrong), wrong


def _validated_in_a_new_process(path: Path) -> list[str]:
    run = (
        "import sys; from transcript_model.cli import main; "
        "sys.argv = ['transcript', 'validate', '-q', sys.argv[1]]; code = main(); "
        "print(code, 'pydantic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", run, str(path)], capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_validating_a_valid_json_file_does_not_load_pydantic() -> None:
    data = ROOT / "tests" / "data" / "cli"
    assert _validated_in_a_new_process(data / "valid.json") == ["0", "False"]
    # An invalid file goes the usual way, which explains and locates its problems.
    assert _validated_in_a_new_process(data / "invalid.json")[-2:] == ["1", "True"]


def test_a_day_the_calendar_lacks_is_never_shown_valid() -> None:
    document = json.loads((ROOT / "tests" / "data" / "cli" / "valid.json").read_text("utf-8"))
    document["event"]["date"] = str(dt.date(2023, 2, 28)).replace("28", "30")
    assert quick.valid_transcript_count(_encoded(document)) is None
    assert not _model_verdict(_encoded(document))[0]


def test_a_batch_large_enough_to_repay_starting_pydantic_goes_the_usual_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from transcript_model import cli
    from transcript_model.cli.validate import PARALLEL_FROM

    calls: list[bytes] = []
    monkeypatch.setattr(quick, "valid_transcript_count", calls.append)
    valid = (ROOT / "tests" / "data" / "cli" / "valid.json").read_bytes()
    for count in (PARALLEL_FROM - 1, PARALLEL_FROM):
        folder = tmp_path / str(count)
        folder.mkdir()
        for index in range(count):
            (folder / f"{index}.json").write_bytes(valid)
        calls.clear()
        assert cli.main(["validate", "-q", "-j", "1", str(folder)]) == 0
        assert len(calls) == (count if count < PARALLEL_FROM else 0)
    capsys.readouterr()


@pytest.mark.parametrize("name", [name for name in SHAPES if name.startswith("quick_")])
def test_the_hostile_shapes_of_the_quick_route_are_valid_files_it_shows_valid(name: str) -> None:
    # benchmarks.bench_complexity times them at 100 KB and 1 MB; here they stay what they are.
    entry = SHAPES[name]
    assert isinstance(entry, tuple)
    data = entry[1](20_000)
    assert quick.valid_transcript_count(data) == 1
    assert _model_verdict(data) == (True, 1)


def test_a_string_too_long_to_match_in_python_goes_the_usual_way() -> None:
    document = json.loads((ROOT / "tests" / "data" / "cli" / "valid.json").read_text("utf-8"))
    document["event"]["lead"] = "word " * (LONGEST_MATCHED // 5) + "end."
    assert quick.valid_transcript_count(_encoded(document)) is None
    assert _model_verdict(_encoded(document))[0]
