"""The canonical model: field rules, cross-field rules, and their located errors."""

from __future__ import annotations

import copy
import functools
import importlib.util
import json
import pickle
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from pydantic import ValidationError

import transcript_model as tm
from transcript_model import Transcript, types
from transcript_model.checks import problems_of
from transcript_model.errors import problems_from_validation_error

from conftest import ROOT
from strategies import transcripts


def minimal() -> dict[str, Any]:
    return {
        "id": "kremlin-67949",
        "language": "en",
        "event": {"title": "Meeting with Alexander Lukashenko", "date": "2022-03-11"},
        "participants": [
            {"id": "vladimir-putin", "name": "Vladimir Putin", "role": "President of Russia"},
            {"id": "alexander-lukashenko", "name": "Alexander Lukashenko"},
        ],
        "turns": [
            {"kind": "speech", "speaker": "vladimir-putin", "label": "Vladimir Putin",
             "paragraphs": ["Mr Lukashenko,", "Thank you for coming."]},
            {"kind": "speech", "speaker": "alexander-lukashenko", "paragraphs": ["Yes, [we] did."]},
            {"kind": "omission"},
        ],
    }  # fmt: skip


def paths_of(document: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        Transcript.model_validate(document)
    return {p.path or "": p.code for p in problems_from_validation_error(caught.value)}


def test_minimal_transcript_is_valid() -> None:
    transcript = Transcript.model_validate(minimal())
    assert transcript.turns[2].kind == "omission"
    assert transcript.participant("vladimir-putin") is not None


def test_unknown_speaker_is_located() -> None:
    document = minimal()
    document["turns"][1]["speaker"] = "nobody"
    assert paths_of(document) == {"turns[1].speaker": "unknown_speaker"}


def test_every_cross_field_error_is_reported_at_once() -> None:
    document = minimal()
    document["participants"][1]["id"] = "vladimir-putin"
    document["turns"][1]["speaker"] = "nobody"
    assert paths_of(document) == {
        "participants[1].id": "duplicate_id",
        "turns[1].speaker": "unknown_speaker",
    }


@pytest.mark.parametrize("bad_id", ["1abc", "a b", "a.b", "a:b", "", "-x"])
def test_ids_must_be_ncnames_without_dots(bad_id: str) -> None:
    document = minimal()
    document["participants"][0]["id"] = bad_id
    assert paths_of(document)["participants[0].id"] == "string_pattern_mismatch"


@pytest.mark.parametrize(
    "character", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\uffff", "\n", "\u2028"]
)
def test_characters_xml_cannot_carry_are_rejected(character: str) -> None:
    document = minimal()
    document["turns"][0]["paragraphs"][1] = f"Thank{character}you"
    assert paths_of(document) == {"turns[0].paragraphs[1]": "string_pattern_mismatch"}


def test_lone_surrogate_is_rejected() -> None:
    document = minimal()
    document["event"]["title"] = "A \ud800 title"
    assert "event.title" in paths_of(document)


@pytest.mark.parametrize(
    "title", [" Leading", "Trailing ", "Double  space", "Tab\there", "\u00a0Nbsp"]
)
def test_titles_and_names_are_normalised(title: str) -> None:
    document = minimal()
    document["event"]["title"] = title
    document["participants"][1]["name"] = title
    assert set(paths_of(document)) == {"event.title", "participants[1].name"}


def test_empty_paragraphs_and_speeches_are_rejected() -> None:
    document = minimal()
    document["turns"][0]["paragraphs"] = ["ok", ""]
    document["turns"][1]["paragraphs"] = []
    assert set(paths_of(document)) == {"turns[0].paragraphs[1]", "turns[1].paragraphs"}


@pytest.mark.parametrize(
    ("field", "value"),
    [("date", "2022-02-30"), ("date", 1646956800), ("time", "25:00"), ("time", "14:20:00.5"),
     ("time", "14:20+03:00"), ("utc_offset", "+3")],
)  # fmt: skip
def test_dates_and_times_are_checked(field: str, value: Any) -> None:
    document = minimal()
    document["event"][field] = value
    assert f"event.{field}" in paths_of(document)


def test_numbers_where_strings_belong_are_rejected() -> None:
    document = minimal()
    document["participants"][0]["name"] = 42
    assert paths_of(document) == {"participants[0].name": "string_type"}


def test_unknown_fields_are_rejected() -> None:
    document = minimal()
    document["event"]["colour"] = "red"
    assert paths_of(document) == {"event.colour": "extra_forbidden"}


def test_speech_needs_speaker_or_label() -> None:
    document = minimal()
    document["turns"][0]["speaker"] = None
    document["turns"][0]["label"] = None
    assert "turns[0]" in paths_of(document)


def test_attending_participants_need_the_attendee_intro() -> None:
    document = minimal()
    document["participants"][1]["attending"] = True
    assert paths_of(document) == {"event.attendees_intro": "missing_attendees_intro"}
    document["event"]["attendees_intro"] = "Taking part in the meeting were"
    assert Transcript.model_validate(document).participants[1].attending


def test_error_messages_do_not_echo_long_input() -> None:
    document = minimal()
    document["turns"][0]["paragraphs"][0] = "x" * 10_000 + "\x00"
    with pytest.raises(ValidationError) as caught:
        Transcript.model_validate(document)
    (problem,) = problems_from_validation_error(caught.value)
    assert len(problem.message) < 400


MUTATIONS = {
    "unknown speaker": ("turns", "speaker", "no-such-person", "unknown_speaker"),
    "control character": ("turns", "paragraphs", ["bad\x07bell"], "string_pattern_mismatch"),
}


@given(transcripts())
def test_generated_transcripts_survive_mutation_checks(transcript: Transcript) -> None:
    document = transcript.model_dump(mode="json")
    if transcript.participants:
        duplicated = copy.deepcopy(document)
        duplicated["participants"].append(dict(duplicated["participants"][0]))
        codes = paths_of(duplicated)
        assert codes[f"participants[{len(transcript.participants)}].id"] == "duplicate_id"
        bad = copy.deepcopy(document)
        bad["participants"][0]["id"] = "9" + bad["participants"][0]["id"]
        assert paths_of(bad)["participants[0].id"] == "string_pattern_mismatch"
    speeches = [i for i, t in enumerate(transcript.turns) if t.kind == "speech"]
    for field, (collection, key, value, code) in MUTATIONS.items():
        if not speeches:
            break
        mutated = copy.deepcopy(document)
        mutated[collection][speeches[0]][key] = value
        found = paths_of(mutated)
        expected_path = f"turns[{speeches[0]}].{key}" + ("[0]" if isinstance(value, list) else "")
        assert found.get(expected_path) == code, field


def _id_script() -> Any:
    path = ROOT / "scripts" / "derive_id_characters.py"
    spec = importlib.util.spec_from_file_location("derive_id_characters", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_identifier_characters_are_exactly_those_libxml2_takes_in_an_xml_id() -> None:
    script = _id_script()
    first, after = script.id_characters()
    start, rest = re.compile(types.ID_START_CHARACTERS), re.compile(types.ID_CHARACTERS)
    bmp = [c for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    assert [c for c in bmp if start.fullmatch(chr(c))] == first
    assert [c for c in bmp if rest.fullmatch(chr(c))] == after
    # What the model takes, libxml2 takes: every id the model accepts can be written as XML.
    assert all(script.libxml2_accepts_id(chr(c)) for c in first[::97])


@pytest.mark.parametrize("value", ["x\u9fa6", "\u0450a", "a\u0132"])
def test_identifier_with_a_name_character_libxml2_refuses_is_invalid(value: str) -> None:
    assert paths_of(minimal() | {"id": value}) == {"id": "string_pattern_mismatch"}
    with pytest.raises(ValidationError) as caught:
        Transcript.model_validate(minimal() | {"id": value})
    [problem] = problems_from_validation_error(caught.value)
    assert "is not a name character that libxml2 and jing accept in an XML id" in problem.message


@functools.cache
def _any_uri_schema() -> etree.XMLSchema:
    return etree.XMLSchema(
        etree.fromstring(
            b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a">'
            b'<xs:complexType><xs:attribute name="href" type="xs:anyURI"/></xs:complexType>'
            b"</xs:element></xs:schema>"
        )
    )


@given(st.text(st.sampled_from("ax09./-_?=&%#~[]@:;,!$()*+'\"<>{}|\\^`éж F"), max_size=16))
def test_every_url_the_model_takes_is_an_xml_any_uri(rest: str) -> None:
    url = "http://" + rest
    if re.match(types.URL_PATTERN, url):
        element = etree.Element("a", href=url)
        assert _any_uri_schema().validate(etree.ElementTree(element)), url


@pytest.mark.parametrize("url", ["http://a/%zz", "http://[x/", "http://a:b/", "http://a#b#c"])
def test_url_that_xml_tools_refuse_is_invalid(url: str) -> None:
    document = minimal()
    document["metadata"] = {"source": {"url": url}}
    assert paths_of(document) == {"metadata.source.url": "string_pattern_mismatch"}


# --- safe editing: immutable models, copies checked by every rule ----------------------------


def test_assigning_to_a_field_is_refused_at_every_level() -> None:
    transcript = Transcript.model_validate(minimal())
    for model, field, value in [
        (transcript.turns[0], "speaker", "nobody"),  # would break a cross-field rule
        (transcript.event, "title", "Another title"),  # would be valid: still refused
        (transcript, "id", "other"),
    ]:
        with pytest.raises(ValidationError, match="frozen"):
            setattr(model, field, value)
    assert transcript == Transcript.model_validate(minimal())


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.turns.__setitem__(0, tm.Speech(speaker="nobody", paragraphs=["x"])),
        lambda t: t.participants.append(tm.Participant(id="p", name="P")),
        lambda t: t.participants.clear(),
        lambda t: t.turns[0].paragraphs.append(""),
        lambda t: t.turns.__iadd__([tm.Omission()]),
        lambda t: t.metadata.topics.append("Budget"),
        lambda t: Transcript(id="t", language="en", event=t.event).turns.append(tm.Omission()),
    ],
)
def test_lists_inside_a_transcript_refuse_changes_in_place(change: Any) -> None:
    transcript = Transcript.model_validate(minimal())
    with pytest.raises(TypeError, match="model_copy"):
        change(transcript)
    assert transcript == Transcript.model_validate(minimal())


def test_model_copy_with_changes_checks_the_cross_field_rules() -> None:
    transcript = Transcript.model_validate(minimal())
    edited = transcript.turns[1].model_copy(update={"speaker": "nobody"})  # a Speech alone: fine
    with pytest.raises(ValidationError) as caught:
        transcript.model_copy(update={"turns": [transcript.turns[0], edited]})
    assert [(p.path, p.code) for p in problems_from_validation_error(caught.value)] == [
        ("turns[1].speaker", "unknown_speaker")
    ]
    with pytest.raises(ValidationError, match="attendees_intro"):
        transcript.model_copy(
            update={"participants": [{"id": "vladimir-putin", "name": "V", "attending": True},
                                     transcript.participants[1]]}
        )  # fmt: skip


def test_model_copy_with_changes_checks_field_rules_and_keeps_what_was_set() -> None:
    transcript = Transcript.model_validate(minimal())
    with pytest.raises(ValidationError, match="date"):
        transcript.event.model_copy(update={"date": "2022-02-30"})
    with pytest.raises(ValidationError, match="extra"):
        transcript.model_copy(update={"colour": "red"})
    renamed = transcript.model_copy(
        update={"id": "kremlin-1", "event": {"title": "T", "date": "2022-03-12"}}
    )
    assert renamed.id == "kremlin-1" and renamed.event.date.isoformat() == "2022-03-12"
    assert renamed.model_fields_set == transcript.model_fields_set
    assert renamed == Transcript.model_validate(
        minimal() | {"id": "kremlin-1", "event": {"title": "T", "date": "2022-03-12"}}
    )  # fmt: skip


def test_frozen_transcripts_copy_pickle_and_hash() -> None:
    transcript = Transcript.model_validate(minimal())
    assert copy.deepcopy(transcript) == transcript
    assert pickle.loads(pickle.dumps(transcript)) == transcript
    assert transcript.model_copy(deep=True) == transcript
    assert hash(transcript) == hash(Transcript.model_validate(minimal()))
    assert transcript.turns == list(transcript.turns)
    assert json.loads(transcript.model_dump_json())["turns"][0]["paragraphs"][0] == "Mr Lukashenko,"


def test_an_invalid_edit_cannot_reach_a_writer() -> None:
    # The report: the edit was accepted, and the TEI written from it was invalid.
    transcript = Transcript.model_validate(minimal())
    with pytest.raises(ValidationError):
        transcript.turns[0].speaker = "nobody"  # type: ignore[misc]
    assert tm.validate(tm.write(transcript, "tei"), "tei") == []


# --- every layer of checks reports together ------------------------------------------------


def test_bad_date_and_unknown_speaker_are_reported_together() -> None:
    document = minimal()
    document["event"]["date"] = "2022-02-30"
    document["turns"][1]["speaker"] = "nobody"
    problems = tm.validate(json.dumps(document, indent=2), "json")
    assert {(p.path, p.code) for p in problems} == {
        ("event.date", "date_from_datetime_parsing"),
        ("turns[1].speaker", "unknown_speaker"),
    }
    assert all(p.line for p in problems)  # each located in the file


def test_all_cross_field_rules_run_beside_field_errors() -> None:
    document = minimal()
    document["language"] = "English"
    document["participants"].append({"id": "vladimir-putin", "name": "Another Putin"})
    document["participants"][0]["attending"] = True
    document["turns"][1]["paragraphs"] = []
    document["turns"][0]["speaker"] = "nobody"
    assert paths_of(document) == {
        "language": "string_pattern_mismatch",
        "turns[1].paragraphs": "too_short",
        "participants[2].id": "duplicate_id",
        "turns[0].speaker": "unknown_speaker",
        "event.attendees_intro": "missing_attendees_intro",
    }


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        # Without a participant list, no speaker can be said to be unknown.
        (lambda d: d.update(participants="everyone"), {"participants": "list_type"}),
        # A participant whose id is not a string might be the one a speaker names.
        (lambda d: d["participants"][1].update(id=7), {"participants[1].id": "string_type"}),
        # A speaker that is not a valid id is reported once, by its field rule.
        (lambda d: d["turns"][1].update(speaker="no body"),
         {"turns[1].speaker": "string_pattern_mismatch"}),
        (lambda d: d.update(turns="all"), {"turns": "list_type"}),
        # The attendees rule needs the event to look at.
        (lambda d: (d.update(event=3), d["participants"][0].update(attending=True)),
         {"event": "model_type"}),
    ],
)  # fmt: skip
def test_cross_field_rules_skip_what_a_field_error_makes_meaningless(
    break_it: Any, expected: dict[str, str]
) -> None:
    document = minimal()
    break_it(document)
    assert paths_of(document) == expected


def test_problems_of_checks_transcripts_built_without_validation() -> None:
    valid = Transcript.model_validate(minimal())
    unchecked = Transcript.model_construct(
        id="t", language="en", event=valid.event, participants=[],
        turns=[tm.Speech.model_construct(speaker="nobody", paragraphs=["x"])],
    )  # fmt: skip
    assert problems_of(valid) == [] and problems_of([valid, valid]) == []
    assert [(p.path, p.code) for p in problems_of([valid, unchecked])] == [
        ("[1].turns[0].speaker", "unknown_speaker")
    ]
    assert [p.path for p in problems_of(unchecked)] == ["turns[0].speaker"]


# --- the published JSON Schema describes every file we write --------------------------------

DATA = ROOT / "tests" / "data"
_FORMAT_CHECKED = jsonschema.Draft202012Validator(
    json.loads((ROOT / "schema" / "transcript.schema.json").read_text(encoding="utf-8")),
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)


def _transcript_json_files() -> list[Path]:
    # Meant to be valid: every .json file of examples/ and tests/data/ but the hostile corpus,
    # the SARIF schema copy,
    # the files named invalid, and the Popolo exports (another schema: test_exports_popolo.py).
    files = sorted([*ROOT.joinpath("examples").rglob("*.json"), *DATA.rglob("*.json")])
    return [
        path
        for path in files
        if not {"hostile", "sarif"} & set(path.relative_to(ROOT).parts)
        and "invalid" not in path.name
        and not path.name.endswith(".popolo.json")
    ]


def test_the_valid_json_files_are_the_ones_the_reader_accepts() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in _transcript_json_files()}
    assert {"examples/kremlin-2022-03-11.json", "tests/data/cli/two.json"} <= names
    for path in _transcript_json_files():
        assert tm.validate(path, "json") == [], path


@pytest.mark.parametrize("path", _transcript_json_files(), ids=lambda p: p.name)
def test_every_valid_json_file_passes_the_published_schema_with_formats(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert not list(_FORMAT_CHECKED.iter_errors(document)), path


def test_the_schema_takes_one_transcript_or_an_array_and_locates_errors_in_either() -> None:
    one = json.loads(tm.write(Transcript.model_validate(minimal()), "json"))
    assert _FORMAT_CHECKED.is_valid(one) and _FORMAT_CHECKED.is_valid([one, one])
    assert _FORMAT_CHECKED.is_valid([])
    assert not _FORMAT_CHECKED.is_valid("a transcript") and not _FORMAT_CHECKED.is_valid([3])
    bad = one | {"event": one["event"] | {"date": "2022-02-30"}}
    [error] = _FORMAT_CHECKED.iter_errors([one, bad])
    assert list(error.absolute_path) == [1, "event", "date"]  # format checking found it
    assert _FORMAT_CHECKED.schema["$id"] == "urn:transcript-model:schema:transcript:1.1"
