"""The JSON format and the published JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given

import transcript_model as tm
from transcript_model.schema import json_schema, json_schema_text

from conftest import ROOT
from strategies import MODEL_1_1, transcripts

SCHEMA_FILE = ROOT / "schema" / "transcript.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_committed_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/transcript.schema.json drifted from the model: run `transcript schema -o "
        "schema/transcript.schema.json` and commit it"
    )


def test_schema_is_valid_draft_2020_12_with_documented_properties() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(":1.1")
    # The file is one transcript or an array of them; each shape refers to $defs/Transcript.
    assert schema["then"]["items"]["$ref"] == schema["else"]["$ref"] == "#/$defs/Transcript"
    for definition in schema["$defs"].values():
        assert definition.get("additionalProperties") is False, definition["title"]
        for name, prop in definition["properties"].items():
            assert prop.get("title") and prop.get("description"), (definition["title"], name)


@given(transcripts(MODEL_1_1))
def test_json_round_trip(transcript: tm.Transcript) -> None:
    text = tm.write(transcript, "json")
    assert tm.read(text, "json") == [transcript]
    assert tm.read(tm.write(transcript, "json", compact=True), "json") == [transcript]


@given(transcripts(MODEL_1_1))
def test_generated_json_validates_against_the_published_schema(transcript: tm.Transcript) -> None:
    VALIDATOR.validate(json.loads(tm.write(transcript, "json")))


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d["turns"][0].pop("kind"), ["turns", 0]),
        (lambda d: d["turns"][0].update(kind="shout"), ["turns", 0]),
        (lambda d: d["participants"][0].update(id="1x"), ["participants", 0, "id"]),
        (lambda d: d["participants"][0].update(name="tab\there"), ["participants", 0, "name"]),
        (lambda d: d["event"].update(extra=1), ["event"]),
        (lambda d: d.pop("id"), []),
        (lambda d: d["turns"][0].update(paragraphs=[]), ["turns", 0]),
    ],
)
def test_schema_rejects_what_it_can(mutate, path) -> None:  # type: ignore[no-untyped-def]
    document = {
        "id": "t",
        "language": "en",
        "event": {"title": "T", "date": "2022-03-11"},
        "participants": [{"id": "p", "name": "P"}],
        "turns": [{"kind": "speech", "speaker": "p", "paragraphs": ["Hello."]}],
    }
    VALIDATOR.validate(document)
    mutate(document)
    errors = list(VALIDATOR.iter_errors(document))
    assert errors
    assert any(list(e.absolute_path)[: len(path)] == path for e in errors)


def test_array_of_transcripts_and_located_errors() -> None:
    good = {"id": "a", "language": "en", "event": {"title": "T", "date": "2022-03-11"}}
    bad = {"id": "b", "language": "en", "event": {"title": "T ", "date": "2022-03-11"}}
    text = json.dumps([good, bad], indent=2)
    problems = tm.validate(text, "json", origin="two.json")
    assert [str(p).split(": [")[0] for p in problems] == ["two.json:14:16"]
    assert problems[0].path == "[1].event.title"
    with pytest.raises(tm.TranscriptError, match=r"two.json:14:16: \[string_pattern_mismatch\]"):
        tm.read(text, "json", origin="two.json")


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        ('{"id": "a",\n "id": "b"}', "duplicate_key", "x.json:2:2"),
        ("{\n  nope", "json_syntax", "x.json:2:3"),
        ("[" * 10_000 + "]" * 10_000, "too_deep", "x.json"),
        ('"just a string"', "json_type", "x.json:1:1"),
        ('{"schema_version": "9.9"}', "schema_version", "x.json:1:20"),
    ],
)
def test_broken_json_gets_located_errors(text: str, code: str, where: str) -> None:
    (problem,) = tm.validate(text.encode(), "json", origin="x.json")
    assert problem.code == code
    assert problem.location() == where
