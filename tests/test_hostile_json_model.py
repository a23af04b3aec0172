"""Hostile JSON and model values (issue 13, findings 1, 9 and 15).

Locating errors stays linear however many there are; numbers JSON has no meaning for (NaN,
Infinity, overflowing floats, integers too long to convert) are located syntax errors, never an
exception of another kind; bidirectional controls that can make a name display as another are
refused in names, while the marks real right-to-left names use stay valid.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterator

import jsonschema
import pytest
from hypothesis import given

import transcript_model as tm
from transcript_model import types
from transcript_model.converters.json.locate import find_duplicate_key, locate, locate_all

from conftest import ROOT
from strategies import names

SCHEMA = jsonschema.Draft202012Validator(
    json.loads((ROOT / "schema" / "transcript.schema.json").read_text(encoding="utf-8"))
)
BASE = {"id": "t", "language": "en", "event": {"title": "Meeting", "date": "2022-03-11"}}


def _timed_validate(data: bytes) -> tuple[list[tm.Problem], float]:
    start = time.perf_counter()
    problems = tm.validate(data, "json", origin="x.json")
    return problems, time.perf_counter() - start


# Finding 1: each problem re-scanned the whole file to find its line and column.


def test_thousands_of_errors_in_one_transcript_are_located_in_linear_time() -> None:
    # 2,000 stage directions holding a line break, 114 KB: 27.6 s before, one pass now.
    document = dict(BASE, turns=[{"kind": "stage", "text": "a\nb"}] * 2000)
    text = json.dumps(document, indent=2)
    problems, seconds = _timed_validate(text.encode())
    assert seconds < 2, seconds
    assert len(problems) == 2000
    lines = text.splitlines()
    for index, problem in enumerate(problems):
        assert problem.path == f"turns[{index}].text"
        assert problem.line is not None and problem.column is not None
        assert lines[problem.line - 1][problem.column - 1 :].startswith('"a\\nb"')


def test_errors_of_many_transcripts_in_an_array_are_located_in_one_pass() -> None:
    # 2,000 transcripts with a bad id each, 198 KB: 83 s before (a scan per transcript).
    text = json.dumps([dict(BASE, id="1x")] * 2000, indent=1)
    problems, seconds = _timed_validate(text.encode())
    assert seconds < 2, seconds
    assert [p.path for p in problems] == [f"[{i}].id" for i in range(2000)]
    lines = text.splitlines()
    assert all(lines[p.line - 1].strip() == '"id": "1x",' for p in problems if p.line)
    assert len({p.line for p in problems}) == 2000


def test_locating_after_deep_nesting_costs_no_more_per_value() -> None:
    # Each value cost as much as its depth (the whole path was rebuilt per value): 1 MB of
    # values 900 levels deep took about 10 s to locate an error after them (600 KB: 6 s).
    deep = "[" * 900 + ",".join(["1"] * 300_000) + "]" * 900
    text = '{"language": "en", "event": {"title": "T", "date": "2022-03-11"}, "turns": '
    text += deep + ', "id": "1x"}'
    problems, seconds = _timed_validate(text.encode())
    assert seconds < 3, seconds
    located = {p.path: p.column for p in problems}
    assert located["id"] == len(text) - 4
    duplicate = '{"a": ' + deep + ', "b": 1, "b": 2}'
    start = time.perf_counter()
    assert find_duplicate_key(duplicate) == ("b", 1, len(duplicate) - 6)
    assert time.perf_counter() - start < 3


def _reference_locate(text: str, path: list[int | str]) -> tuple[int, int]:
    """Where the value at ``path`` starts, found the slow, obvious way: by parsing prefixes."""
    decoder = json.JSONDecoder()

    def walk(offset: int, rest: list[int | str]) -> int:
        while text[offset].isspace():
            offset += 1
        if not rest:
            return offset
        value, _ = decoder.raw_decode(text, offset)
        inner = offset + 1
        for step in list(value) if isinstance(value, dict) else range(len(value)):
            while text[inner].isspace() or text[inner] == ",":
                inner += 1
            if isinstance(value, dict):
                _, inner = decoder.raw_decode(text, inner)  # the key
                inner = text.index(":", inner) + 1
                while text[inner].isspace():
                    inner += 1
            if step == rest[0]:
                return walk(inner, rest[1:])
            _, inner = decoder.raw_decode(text, inner)
        return offset  # missing: the deepest existing ancestor

    offset = walk(0, path)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_batched_location_matches_the_obvious_one() -> None:
    document = [
        {"a": [1, {"b": 'x"y\\', "c": [True, None]}], "k\u00e9y": {"e": [[], {}]}},
        {"a": {"\\": 2, "d\nx": "\u2028"}},
    ]
    for indent in (None, 1, "\t"):
        text = json.dumps(document, indent=indent, ensure_ascii=indent is None)
        paths: list[list[int | str]] = [
            [], [0], [0, "a", 1, "c", 1], [0, "k\u00e9y", "e", 1], [1, "a", "d\nx"],
            [1, "a", "\\"], [0, "a", 1, "b"], [0, "missing", 3], [1, "a", "zz"], [2],
        ]  # fmt: skip
        expected = [_reference_locate(text, p) for p in paths]
        assert locate_all(text, paths) == expected
        assert [locate(text, p) for p in paths] == expected


# Findings 9 and 15: numbers JSON cannot mean.


def _with_number(literal: str) -> tuple[str, int, int]:
    """A transcript whose caption total is ``literal``; the literal's line and column."""
    head = '{"id": "t", "language": "en", "event": {"title": "NaN", "date": "2022-03-11"},\n'
    head += ' "metadata": {"captions": [{"index": 1, "total": '
    return head + literal + "}]}}", 2, len(head.split("\n")[1]) + 1


@pytest.mark.parametrize(
    ("literal", "message"),
    [
        ("NaN", "NaN is not a JSON value"),
        ("Infinity", "Infinity is not a JSON value"),
        ("-Infinity", "-Infinity is not a JSON value"),
        ("1e999999", "1e999999 is too large for a 64-bit float"),
        ("-1e400", "-1e400 is too large"),
        ("1" + "0" * 400 + ".5", "(403 characters) is too large"),
        ("1" * 4301, "has 4,301 digits, more than can be read (at most 4,300)"),
        ("-" + "9" * 100_000, "has 100,000 digits"),
    ],
)
def test_numbers_json_cannot_mean_are_located_syntax_errors(literal: str, message: str) -> None:
    text, line, column = _with_number(literal)
    (problem,) = tm.validate(text.encode(), "json", origin="n.json")
    assert problem.code == "json_syntax"
    assert message in problem.message
    assert (problem.line, problem.column) == (line, column)
    assert len(problem.message) < 200  # a long number is never echoed back whole
    with pytest.raises(tm.TranscriptError, match="json_syntax"):
        tm.read(text.encode(), "json")


def test_numbers_that_fit_still_read() -> None:
    text, _, _ = _with_number("1" * 4300)
    assert tm.validate(text.encode(), "json") == []
    text, _, _ = _with_number("1E+2")
    assert tm.validate(text.encode(), "json")[0].code == "int_type"


def test_a_lowered_int_digit_limit_in_the_host_is_a_located_error() -> None:
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        text, line, column = _with_number("7" * 1000)
        (problem,) = tm.validate(text.encode(), "json")
    finally:
        sys.set_int_max_str_digits(previous)
    assert problem.code == "json_syntax"
    assert "1,000 digits" in problem.message
    assert (problem.line, problem.column) == (line, column)


# Finding 15: bidirectional controls in names.

_REFUSED = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
_MARKS = ["\u200e", "\u200f", "\u061c"]


def _name_fields(value: str) -> Iterator[tuple[str, dict[str, object]]]:
    yield "event.title", dict(BASE, event={"title": value, "date": "2022-03-11"})
    yield "participants[0].name", dict(BASE, participants=[{"id": "p", "name": value}])
    yield "participants[0].role", dict(BASE, participants=[{"id": "p", "role": value}])
    speech = {"kind": "speech", "label": value, "role": value, "paragraphs": ["x"]}
    yield "turns[0].label", dict(BASE, turns=[speech])


@pytest.mark.parametrize("control", _REFUSED, ids=lambda c: f"U+{ord(c):04X}")
def test_bidi_controls_are_refused_in_names_labels_roles_and_titles(control: str) -> None:
    value = f"Minister of {control}ecnefeD"
    for path, document in _name_fields(value):
        problems = tm.validate(json.dumps(document).encode(), "json", origin="b.json")
        (problem,) = [p for p in problems if p.path == path]
        assert problem.code == "string_pattern_mismatch"
        assert f"U+{ord(control):04X}" in problem.message
        assert "can make one name display as another" in problem.message
        assert problem.line == 1 and problem.column is not None
        assert not SCHEMA.is_valid(document), path  # the published schema agrees


@pytest.mark.parametrize(
    "name",
    [
        "\u0645\u062d\u0645\u062f \u0628\u0646 \u0633\u0644\u0645\u0627\u0646",  # Arabic
        "\u05d1\u05e0\u05d9\u05de\u05d9\u05df \u05e0\u05ea\u05e0\u05d9\u05d4\u05d5",  # Hebrew
        "\u05e9\u05e8 \u05d4\u05d1\u05d9\u05d8\u05d7\u05d5\u05df (Defence)\u200f",
        "\u0627\u0644\u0631\u0626\u064a\u0633\u061c 2022",
        "Putin\u200e (\u0627\u0644\u0631\u0626\u064a\u0633)",
    ],
)
def test_right_to_left_names_and_direction_marks_stay_valid(name: str) -> None:
    for _, document in _name_fields(name):
        assert tm.validate(json.dumps(document).encode(), "json") == []
        assert SCHEMA.is_valid(document)


def test_ids_refuse_every_bidi_control_and_running_text_keeps_them() -> None:
    identifier = re.compile(types.ID_PATTERN)
    for control in [*_REFUSED, *_MARKS]:
        assert not identifier.match(f"a{control}b")
    paragraph = "He said \u202b\u05e9\u05dc\u05d5\u05dd\u202c and left."
    document = dict(BASE, turns=[{"kind": "narrative", "paragraphs": [paragraph]}])
    assert tm.validate(json.dumps(document).encode(), "json") == []


@given(names())
def test_generated_names_hold_no_bidi_control(name: str) -> None:
    assert not re.search(f"[{types.BIDI_CONTROLS}]", name)
