"""The canonical model: field rules, cross-field rules, and their located errors."""

from __future__ import annotations

import copy
import functools
import importlib.util
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from pydantic import ValidationError

from transcript_model import Transcript, types
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
