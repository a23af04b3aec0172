"""The Popolo export carries model 1.1: organizations, persons with name parts, gender, birth
date and identifiers, memberships of affiliations with dates and the party a seat is held on
behalf of, the sitting's body, and the speech's function as its role."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hypothesis import given
from test_exports_popolo import _errors

import transcript_model as tm
from transcript_model.model import Transcript

from strategies import MODEL_1_1, transcripts


def _session(**changes: Any) -> Transcript:
    data: dict[str, Any] = {
        "schema_version": "1.1",
        "id": "si-2-21",
        "language": "sl",
        "event": {
            "title": "21. redna seja", "date": "1998-11-25", "time": "09:30",
            "utc_offset": "+01:00",
        },
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
            {"id": "group-SNS", "kind": "parliamentary_group",
             "names": [{"name": "PS SNS"}]},
        ],
        "participants": [
            {
                "id": "KuznikRafael",
                "name": "Rafael Kužnik",
                "forename": "Rafael",
                "surname": "Kužnik",
                "sex": "M",
                "birth": "1958",
                "identifiers": [
                    {"scheme": "wikidata", "uri": "https://www.wikidata.org/wiki/Q2"},
                    {"uri": "https://www.dz-rs.si/p/123"},
                ],
                "affiliations": [
                    {"organisation": "DZ", "role": "member", "role_title": "MP",
                     "start": "1996-11-28", "end": "2000-10-26"},
                    {"organisation": "party-SNS", "start": "1991", "end": "2004"},
                    {"organisation": "group-SNS", "start": "1996-11-28", "end": "2000-10"},
                ],
            },
            {"id": "IlcJoze", "name": "Jože Ilc", "sex": "F"},
        ],
        "sitting": {"body": "DZ", "end": "1998-11-25T09:47:00"},
        "turns": [
            {"kind": "speech", "speaker": "KuznikRafael", "function": "chair",
             "paragraphs": ["Začenjam.", {"kind": "note", "text": "Ne."}, "Hvala."]},
            {"kind": "speech", "speaker": "IlcJoze", "role": "Poslanka", "function": "regular",
             "paragraphs": ["Da."]},
        ],
    }  # fmt: skip
    data.update(changes)
    return Transcript.model_validate(data)


def _export(transcript: Transcript) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(tm.write(transcript, "popolo"))
    assert _errors(document) == []
    return document


def test_organizations_with_classification_other_names_and_identifiers() -> None:
    document = _export(_session())
    assert list(document) == ["events", "organizations", "persons", "memberships", "speeches"]
    assert document["organizations"] == [
        {
            "id": "si-2-21.DZ",
            "name": "Državni zbor",
            "identifiers": [{"identifier": "DZ", "scheme": "transcript-model"}],
            "classification": "legislature",
        },
        {
            "id": "si-2-21.party-SNS",
            "name": "Slovenska nacionalna stranka",
            "other_names": [
                {"name": "Slovenska nacionalna stranka", "note": "full; language: sl"},
                {"name": "SNS", "note": "abbreviation"},
            ],
            "identifiers": [
                {"identifier": "party-SNS", "scheme": "transcript-model"},
                {"identifier": "https://www.wikidata.org/wiki/Q1", "scheme": "wikidata"},
            ],
            "classification": "party",
        },
        {
            "id": "si-2-21.group-SNS",
            "name": "PS SNS",
            "identifiers": [{"identifier": "group-SNS", "scheme": "transcript-model"}],
            "classification": "parliamentary group",
        },
    ]
    [event] = document["events"]
    assert event["organization_id"] == "si-2-21.DZ"
    assert event["start_date"] == "1998-11-25T09:30:00+01:00"
    assert event["end_date"] == "1998-11-25T09:47:00+01:00"


def test_persons_carry_name_parts_gender_birth_date_identifiers_and_links() -> None:
    kuznik, ilc = _export(_session())["persons"]
    assert kuznik == {
        "id": "si-2-21.KuznikRafael",
        "name": "Rafael Kužnik",
        "given_name": "Rafael",
        "family_name": "Kužnik",
        "gender": "male",
        "birth_date": "1958",
        "identifiers": [
            {"identifier": "KuznikRafael", "scheme": "transcript-model"},
            {"identifier": "https://www.wikidata.org/wiki/Q2", "scheme": "wikidata"},
            {"identifier": "https://www.dz-rs.si/p/123"},
        ],
        "links": [
            {"url": "https://www.wikidata.org/wiki/Q2", "note": "wikidata"},
            {"url": "https://www.dz-rs.si/p/123"},
        ],
    }
    assert ilc["gender"] == "female"


def test_memberships_of_affiliations_with_dates_and_the_party_a_seat_is_held_for() -> None:
    memberships = _export(_session())["memberships"]
    assert memberships == [
        {"id": "si-2-21.IlcJoze.m1", "person_id": "si-2-21.IlcJoze", "role": "Poslanka"},
        {
            "id": "si-2-21.KuznikRafael.a1",
            "person_id": "si-2-21.KuznikRafael",
            "organization_id": "si-2-21.DZ",
            "role": "member",
            "label": "MP",
            "start_date": "1996-11-28",
            "end_date": "2000-10-26",
            # The party covers the whole seat ("1991" to "2004").
            "on_behalf_of_id": "si-2-21.party-SNS",
        },
        {
            "id": "si-2-21.KuznikRafael.a2",
            "person_id": "si-2-21.KuznikRafael",
            "organization_id": "si-2-21.party-SNS",
            "role": "member",
            "start_date": "1991",
            "end_date": "2004",
        },
        {
            "id": "si-2-21.KuznikRafael.a3",
            "person_id": "si-2-21.KuznikRafael",
            "organization_id": "si-2-21.group-SNS",
            "role": "member",
            "start_date": "1996-11-28",
            "end_date": "2000-10",
        },
    ]


def _seat_behalf(
    party_dates: list[tuple[str | None, str | None]], group: bool = False
) -> str | None:
    session = _session()
    kuznik = session.participants[0]
    affiliations = [kuznik.affiliations[0]] + [
        kuznik.affiliations[1].model_copy(update={"start": start, "end": end})
        for start, end in party_dates
    ]
    if group:
        affiliations.append(kuznik.affiliations[2])
    person = kuznik.model_copy(update={"affiliations": affiliations})
    changed = session.model_copy(update={"participants": [person, session.participants[1]]})
    seat = _export(changed)["memberships"][1]
    behalf: str | None = seat.get("on_behalf_of_id")
    return behalf


def test_on_behalf_of_only_where_one_party_covers_the_whole_seat() -> None:
    assert _seat_behalf([(None, None)]) == "si-2-21.party-SNS"
    assert _seat_behalf([("1996-11", "2000")]) == "si-2-21.party-SNS"
    # Joined after the seat began, or left before it ended: not clean, not given.
    assert _seat_behalf([("1997", None)]) is None
    assert _seat_behalf([(None, "2000-10-25")]) is None
    # The same party listed twice over the seat is still one party.
    assert _seat_behalf([(None, None), ("1990", None)]) == "si-2-21.party-SNS"
    # Without a covering party, the covering parliamentary group; without either, nothing.
    assert _seat_behalf([("1997", None)], group=True) == "si-2-21.group-SNS"
    assert _seat_behalf([]) is None


def test_speech_role_is_the_printed_role_else_the_function() -> None:
    speeches = _export(_session())["speeches"]
    assert [s.get("role") for s in speeches] == ["chair", "Poslanka"]
    # Events are not words spoken: the text holds the paragraphs only.
    assert speeches[0]["text"] == "Začenjam.\n\nHvala."


def test_a_transcript_without_organisations_writes_the_four_arrays_as_before() -> None:
    document = _export(_session(organisations=[], participants=[], sitting=None, turns=[]))
    assert list(document) == ["events", "persons", "memberships", "speeches"]


@given(transcripts(MODEL_1_1))
def test_every_1_1_transcript_exports_valid_popolo_with_every_reference_resolving(
    transcript: Transcript,
) -> None:
    document = _export(transcript)
    organizations = {o["id"] for o in document.get("organizations", [])}
    persons = {p["id"] for p in document["persons"]}
    assert len(organizations) == len(transcript.organisations)
    for membership in document["memberships"]:
        assert membership["person_id"] in persons
        for key in ("organization_id", "on_behalf_of_id"):
            assert key not in membership or membership[key] in organizations
    affiliations = sum(len(p.affiliations) for p in transcript.participants)
    assert sum("organization_id" in m for m in document["memberships"]) == affiliations
    for speech, turn in zip(document["speeches"], transcript.turns, strict=True):
        if isinstance(turn, tm.Speech):
            assert speech.get("role") == (turn.role if turn.role is not None else turn.function)
    ids = Counter(o["id"] for key in document for o in document[key])
    assert all(count == 1 for count in ids.values())
