"""The Popolo export validates against the Popolo draft-03 schemas and keeps every turn in order."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

import transcript_model as tm
from transcript_model.converters.popolo import convert as popolo
from transcript_model.model import Transcript

from conftest import ROOT
from strategies import transcripts

SCHEMAS = ROOT / "schema" / "popolo"
DATA = ROOT / "tests" / "data" / "exports"
POPOLO = "http://www.popoloproject.com/schemas/"


def _load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@cache
def _validator() -> Draft3Validator:
    # The schemas' own ids are the popoloproject.com URLs: the registry answers them locally.
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = _load(path)
        resources.append((schema["id"].rstrip("#"), Resource.from_contents(schema, DRAFT3)))
    registry: Registry[Any] = Registry().with_resources(resources)
    return Draft3Validator(_load(SCHEMAS / "export.json"), registry=registry)


def _errors(document: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(document)]


def _turn_text(turn: tm.Turn) -> str:
    data = turn.model_dump()
    return (
        "\n\n".join(data["paragraphs"])
        if "paragraphs" in data
        else data.get("text") or data["marker"]
    )


@given(transcripts())
def test_every_transcript_exports_valid_popolo_with_every_turn_in_order(
    transcript: Transcript,
) -> None:
    document = json.loads(tm.write(transcript, "popolo"))
    assert _errors(document) == []
    speeches = document["speeches"]
    assert [s["position"] for s in speeches] == list(range(1, len(transcript.turns) + 1))
    assert [s["text"] for s in speeches] == [_turn_text(t) for t in transcript.turns]
    expected_types = {"speech": "speech", "narrative": "narrative", "stage": "scene"}
    for speech, turn in zip(speeches, transcript.turns, strict=True):
        assert speech["event_id"] == transcript.id
        assert speech["type"] == expected_types.get(turn.kind, "other")
        if isinstance(turn, tm.Speech):
            assert speech.get("attribution_text") == turn.label
            assert speech.get("role") == turn.role
            creator = f"{transcript.id}.{turn.speaker}" if turn.speaker else None
            assert speech.get("creator_id") == creator
        else:
            assert not {"creator_id", "role", "attribution_text"} & speech.keys()
    # Checked in the same property so that each generated transcript is drawn only once
    # (drawing dominates the run time).
    _check_people_and_roles(transcript, document)
    _check_many_in_one_document(transcript)


def _check_people_and_roles(transcript: Transcript, document: dict[str, Any]) -> None:
    """Every participant and role title is exported and every reference resolves."""
    persons = {p["id"]: p for p in document["persons"]}
    assert len(persons) == len(transcript.participants)
    for participant in transcript.participants:
        person = persons[f"{transcript.id}.{participant.id}"]
        assert person.get("name") == participant.name
        assert {"identifier": participant.id, "scheme": "transcript-model"} in person["identifiers"]
    roles = {(m["person_id"], m["role"]) for m in document["memberships"]}
    assert len(roles) == len(document["memberships"])
    given_roles = {(p.id, p.role) for p in transcript.participants if p.role}
    given_roles |= {
        (t.speaker, t.role)
        for t in transcript.turns
        if isinstance(t, tm.Speech) and t.speaker and t.role
    }
    assert roles == {(f"{transcript.id}.{pid}", role) for pid, role in given_roles}
    (event,) = document["events"]
    attending = [f"{transcript.id}.{p.id}" for p in transcript.participants if p.attending]
    assert [a["id"] for a in event["attendees"]] == attending
    creators = {s["creator_id"] for s in document["speeches"] if "creator_id" in s}
    assert creators <= persons.keys()


def _check_many_in_one_document(transcript: Transcript) -> None:
    """With the samples and a copy under another id (same participant ids): ids stay unique."""
    first, last = tm.read(DATA / "sample.json")
    items = [first, transcript, transcript.model_copy(update={"id": transcript.id + "-2"}), last]
    document = json.loads(tm.write(items, "popolo", compact=True))
    assert _errors(document) == []
    assert [e["id"] for e in document["events"]] == [t.id for t in items]
    ids = Counter(o["id"] for key in ("events", "persons", "memberships", "speeches")
                  for o in document[key])  # fmt: skip
    assert all(count == 1 for count in ids.values())
    assert len(document["speeches"]) == sum(len(t.turns) for t in items)


def test_transcripts_sharing_an_id_are_refused() -> None:
    sample = tm.read(DATA / "sample.json")[0]
    with pytest.raises(tm.TranscriptError) as caught:
        tm.write([sample, sample], "popolo")
    assert caught.value.problems[0].code == "duplicate_id"
    assert caught.value.problems[0].path == "[1].id"


def test_sample_export_is_as_documented() -> None:
    written = tm.write(tm.read(DATA / "sample.json"), "popolo")
    assert written == (DATA / "sample.popolo.json").read_bytes().decode("utf-8")
    assert _errors(json.loads(written)) == []


@pytest.mark.parametrize(
    ("time", "offset", "start"),
    [
        ("11:15:00", "+03:00", "2022-03-11T11:15:00+03:00"),
        ("11:15:00", None, "2022-03-11"),
        (None, "-05:30", "2022-03-11"),
        (None, None, "2022-03-11"),
    ],
)
def test_start_date_carries_the_time_only_with_its_offset(
    time: str | None, offset: str | None, start: str
) -> None:
    transcript = Transcript.model_validate(
        {
            "id": "t",
            "language": "en",
            "event": {"title": "T", "date": "2022-03-11", "time": time, "utc_offset": offset},
        }
    )
    assert popolo.start_date(transcript) == start
    assert _errors(popolo.to_popolo([transcript])) == []


@pytest.mark.parametrize(
    ("where", "bad"),
    [
        ("speeches", {"id": "s", "position": "1"}),
        ("events", {"id": "e", "start_date": "2022-03-11T11:15:00"}),
        ("events", {"id": "e", "sources": [{"note": "no url"}]}),
        ("persons", {"id": "p", "identifiers": [{"scheme": "no identifier"}]}),
        ("memberships", {"id": "m", "person": {"name": 5}}),
    ],
)
def test_schema_copies_reject_what_popolo_rejects(where: str, bad: dict[str, Any]) -> None:
    document: dict[str, list[Any]] = {
        k: [] for k in ("events", "persons", "memberships", "speeches")
    }
    document[where].append(bad)
    assert _errors(document)


def test_schema_copies_are_draft3_and_every_reference_is_local() -> None:
    local = set()
    references = set()
    for path in SCHEMAS.glob("*.json"):
        schema = _load(path)
        Draft3Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-03/schema#"
        assert "Popolo" in schema["$comment"] or "popolo" in schema["$comment"]
        local.add(schema["id"])
        text = path.read_text(encoding="utf-8")
        references |= {part.split('"')[0] for part in text.split('"$ref": "')[1:]}
    assert references
    assert references <= local
    assert all(r.startswith(POPOLO) for r in references)


def test_popolo_is_export_only() -> None:
    fmt = tm.get_format("popolo")
    assert fmt.reads is False
    assert "export only" in fmt.description
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(b"{}", "popolo")
    assert caught.value.problems[0].code == "write_only"


def test_a_source_url_urllib_cannot_split_is_no_scheme() -> None:
    [transcript] = tm.read(ROOT / "examples" / "kremlin-2022-03-11.json")[:1]
    data = transcript.model_dump()
    data["metadata"]["source"].update(url="http://[abc]/y", identifier="67949")
    document = json.loads(tm.write(Transcript.model_validate(data), "popolo"))
    [event] = document["events"]
    assert {"identifier": "67949", "scheme": None} in event["identifiers"]
    assert _errors(document) == []
