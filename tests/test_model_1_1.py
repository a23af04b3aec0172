"""Model 1.1: people, organisations, the sitting and events inside a speech.

1.0 documents still read, validate and upgrade; the 1.0 schema stays published unchanged; a
transcript that uses none of 1.1 writes exactly the JSON 1.0 wrote (but for the version).
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

import transcript_model as tm
from transcript_model.errors import problems_from_validation_error
from transcript_model.model import Affiliation, Paragraph, Transcript

ROOT = Path(__file__).resolve().parent.parent
OLD_DOCUMENT = ROOT / "tests" / "data" / "model" / "kremlin-2022-03-11.model-1.0.json"
OLD_SCHEMA = ROOT / "schema" / "transcript-1.0.schema.json"
NEW_SCHEMA = ROOT / "schema" / "transcript.schema.json"
#: The 1.0 schema as published with release 1.0; it must never change.
OLD_SCHEMA_SHA256 = "cb04c35ec0ffcece166b6de458c5cd62d3f5474cda9edfcdf2b072d068abeeff"


def _old() -> list[dict[str, Any]]:
    document: list[dict[str, Any]] = json.loads(OLD_DOCUMENT.read_text(encoding="utf-8"))
    return document


def _session() -> dict[str, Any]:
    """A small parliamentary transcript using every part of model 1.1."""
    return {
        "schema_version": "1.1",
        "id": "si-2-21",
        "language": "sl",
        "event": {"title": "21. redna seja", "date": "1998-11-25", "time": "09:30"},
        "organisations": [
            {"id": "DZ", "kind": "parliament", "names": [{"name": "Državni zbor"}]},
            {
                "id": "party-SNS",
                "kind": "political_party",
                "names": [
                    {"name": "Slovenska nacionalna stranka", "language": "sl"},
                    {"name": "SNS", "form": "abbreviation"},
                ],
                "identifiers": [{"scheme": "wikidata", "uri": "https://www.wikidata.org/wiki/Q1"}],
            },
        ],
        "participants": [
            {
                "id": "KuznikRafael",
                "name": "Rafael Kužnik",
                "forename": "Rafael",
                "surname": "Kužnik",
                "sex": "M",
                "birth": "1958",
                "affiliations": [
                    {"organisation": "DZ", "role": "MP",
                     "start": "1992-12-23", "end": "1996-11-27"},
                    {"organisation": "party-SNS", "start": "1996-11-28", "end": "2000-10-26"},
                ],
            },
            {"id": "IlcJoze", "name": "Jože Ilc"},
        ],
        "sitting": {
            "body": "DZ",
            "numbering": [{"level": "term", "number": "2", "label": "2. mandat"}],
            "titles": [{"text": "Verbatim record", "type": "main", "language": "en"}],
            "end": "1998-11-25T09:47:00",
            "agenda": [{"title": "Razno", "number": "2"}],
        },
        "turns": [
            {
                "kind": "speech",
                "speaker": "KuznikRafael",
                "function": "chair",
                "paragraphs": [
                    {"kind": "paragraph", "content": [{"kind": "gap", "type": "inaudible"},
                                                      " in potem še točko razno."]},
                    {"kind": "note", "text": "Ne."},
                    {"kind": "vocal", "type": "interruption", "speaker": "IlcJoze", "text": "Da!"},
                    {"kind": "time", "text": "(9.47)", "when": "09:47"},
                    "Hvala lepa.",
                ],
            }
        ],
    }  # fmt: skip


def _problems(document: Any) -> dict[str, str]:
    try:
        Transcript.model_validate(document)
    except ValidationError as error:
        return {p.path or "": p.code for p in problems_from_validation_error(error)}
    return {}


def test_a_1_0_document_reads_and_upgrades_changing_nothing_but_the_version() -> None:
    old = _old()
    transcripts = tm.read(OLD_DOCUMENT.read_bytes(), "json")
    assert [t.schema_version for t in transcripts] == ["1.1", "1.1"]
    written = json.loads(tm.write(transcripts, "json"))
    assert written == [item | {"schema_version": "1.1"} for item in old]
    assert tm.validate(OLD_DOCUMENT.read_bytes(), "json") == []


def test_the_1_0_schema_stays_published_unchanged_and_both_schemas_take_a_1_0_file() -> None:
    assert hashlib.sha256(OLD_SCHEMA.read_bytes()).hexdigest() == OLD_SCHEMA_SHA256
    old_schema = json.loads(OLD_SCHEMA.read_text(encoding="utf-8"))
    new_schema = json.loads(NEW_SCHEMA.read_text(encoding="utf-8"))
    assert old_schema["$id"].endswith(":1.0") and new_schema["$id"].endswith(":1.1")
    for schema in (old_schema, new_schema):
        jsonschema.Draft202012Validator(schema).validate(_old())
    jsonschema.Draft202012Validator(new_schema).validate(_session())
    assert not jsonschema.Draft202012Validator(old_schema).is_valid(_session())


def test_a_transcript_without_1_1_parts_writes_no_new_keys() -> None:
    [first, _] = tm.read(OLD_DOCUMENT.read_bytes(), "json")
    dumped = json.loads(first.model_dump_json())
    assert "organisations" not in dumped and "sitting" not in dumped
    assert all(set(p) == {"id", "name", "role", "attending"} for p in dumped["participants"])
    assert all("function" not in t and "language" not in t for t in dumped["turns"])


def test_every_part_of_1_1_round_trips_through_json() -> None:
    transcript = Transcript.model_validate(_session())
    assert tm.read(tm.write(transcript, "json"), "json") == [transcript]
    chair = transcript.participants[0]
    assert [a.organisation for a in chair.affiliations_on("1998-11-25")] == ["party-SNS"]
    assert transcript.organisation("party-SNS") is not None
    assert transcript.organisations[1].abbreviation == "SNS"
    assert transcript.organisations[1].name == "Slovenska nacionalna stranka"
    paragraph = transcript.turns[0].paragraphs[0]  # type: ignore[union-attr]
    assert isinstance(paragraph, Paragraph) and paragraph.text == "in potem še točko razno."


def test_a_1_1_document_marked_1_0_still_reads_and_unknown_versions_do_not() -> None:
    assert Transcript.model_validate(_session() | {"schema_version": "1.0"}).schema_version == "1.1"
    problems = tm.validate(json.dumps(_session() | {"schema_version": "2.0"}), "json")
    assert [p.code for p in problems] == ["schema_version"]
    assert "'1.0' or '1.1'" in problems[0].message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["organisations"].append(d["organisations"][0]),
         {"organisations[2].id": "duplicate_id"}),
        (lambda d: d["organisations"][0].update(id="IlcJoze"),
         {"organisations[0].id": "duplicate_id",
          "participants[0].affiliations[0].organisation": "unknown_organisation",
          "sitting.body": "unknown_organisation"}),
        (lambda d: d["sitting"].update(body="nowhere"), {"sitting.body": "unknown_organisation"}),
        (lambda d: d["sitting"]["numbering"][0].update(body="nowhere"),
         {"sitting.numbering[0].body": "unknown_organisation"}),
        (lambda d: d["turns"][0]["paragraphs"][2].update(speaker="nobody"),
         {"turns[0].paragraphs[2].speaker": "unknown_speaker"}),
        (lambda d: d["turns"][0]["paragraphs"][0]["content"][0].update(kind="vocal",
                                                                        speaker="nobody"),
         {"turns[0].paragraphs[0].content[0].speaker": "unknown_speaker"}),
        (lambda d: d["turns"][0]["paragraphs"][1].update(speaker="IlcJoze"),
         {"turns[0].paragraphs[1]": "value_error"}),
        (lambda d: d["turns"][0]["paragraphs"].append(7), {"turns[0].paragraphs[5]": "block_type"}),
        (lambda d: d["turns"][0]["paragraphs"].append({"kind": "shout"}),
         {"turns[0].paragraphs[5].kind": "literal_error"}),
        (lambda d: d["turns"][0]["paragraphs"][0]["content"].append(" trailing "),
         {"turns[0].paragraphs[0]": "value_error"}),
        (lambda d: d["turns"][0]["paragraphs"][0].update(content=["just text"]),
         {"turns[0].paragraphs[0]": "value_error"}),
        (lambda d: d["participants"][0]["affiliations"][0].update(start="1997"),
         {"participants[0].affiliations[0]": "value_error"}),
        (lambda d: d["participants"][0].update(birth="1958-02-30"),
         {"participants[0].birth": "value_error"}),
        (lambda d: d["participants"][0].update(sex="male"),
         {"participants[0].sex": "literal_error"}),
    ],
)  # fmt: skip
def test_1_1_rules_are_located(change: Any, expected: dict[str, str]) -> None:
    document = copy.deepcopy(_session())
    change(document)
    assert _problems(document) == expected


def test_cross_field_rules_of_1_1_also_run_when_a_field_fails() -> None:
    document = copy.deepcopy(_session())
    document["event"]["date"] = "1998-02-30"
    document["sitting"]["body"] = "nowhere"
    document["turns"][0]["paragraphs"][2]["speaker"] = "nobody"
    assert _problems(document) == {
        "event.date": "date_from_datetime_parsing",
        "sitting.body": "unknown_organisation",
        "turns[0].paragraphs[2].speaker": "unknown_speaker",
    }


def test_an_affiliation_holds_within_its_partial_dates() -> None:
    affiliation = Affiliation(organisation="x", start="1996-11", end="2000")
    assert affiliation.holds_on("1996-11-01") and affiliation.holds_on("2000-12-31")
    assert not affiliation.holds_on("1996-10-31") and not affiliation.holds_on("2001-01-01")
