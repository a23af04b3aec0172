"""The turns and speeches tables carry the speaker's function, party, group and sex (model 1.1):
the party and group are the ones the speaker belongs to on the sitting's date."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from hypothesis import given

import transcript_model as tm
from transcript_model.model import Speech, Transcript
from transcript_model.people import Affiliation

from strategies import MODEL_1_1, transcripts

FACTS = ["speaker_function", "speaker_party", "speaker_group", "speaker_sex"]


def _session(date: str = "2019-05-14") -> Transcript:
    return Transcript.model_validate(
        {
            "schema_version": "1.1",
            "id": "si-8-12",
            "language": "sl",
            "event": {"title": "12. redna seja", "date": date},
            "organisations": [
                {"id": "DZ", "kind": "parliament", "names": [{"name": "Državni zbor"}]},
                {
                    "id": "party-SNS",
                    "kind": "political_party",
                    "names": [
                        {"name": "Slovenska nacionalna stranka"},
                        {"name": "SNS", "form": "abbreviation"},
                    ],
                },
                {"id": "party-DS", "kind": "political_party", "names": [{"name": "Demos"}]},
                {
                    "id": "group-SNS",
                    "kind": "parliamentary_group",
                    "names": [{"name": "Poslanska skupina SNS"}],
                },
            ],
            "participants": [
                {
                    "id": "KuznikRafael",
                    "name": "Rafael Kužnik",
                    "sex": "M",
                    "affiliations": [
                        {"organisation": "DZ", "role": "MP", "start": "2018-06-22"},
                        {"organisation": "party-DS", "start": "1990", "end": "2018-12-31"},
                        {"organisation": "party-SNS", "start": "2019-01-01"},
                        {"organisation": "group-SNS", "start": "2018-06-22", "end": "2022"},
                    ],
                },
                {"id": "IlcJoze", "name": "Jože Ilc", "sex": "M"},
                {"id": "guest", "role": "Guest"},
            ],
            "turns": [
                {
                    "kind": "speech",
                    "speaker": "KuznikRafael",
                    "function": "chair",
                    "paragraphs": [
                        "Začenjam sejo.",
                        {"kind": "kinesic", "type": "applause", "text": "(Aplavz.)"},
                        "Hvala lepa.",
                    ],
                },
                {"kind": "stage", "text": "(Zvonec.)"},
                {"kind": "speech", "speaker": "IlcJoze", "function": "regular",
                 "paragraphs": ["Ne."]},
                {"kind": "speech", "speaker": "guest", "paragraphs": ["Da."]},
            ],
        }
    )  # fmt: skip


def _rows(transcript: Transcript, **options: Any) -> list[dict[str, str]]:
    text = tm.write(transcript, "csv", **options)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _facts(row: dict[str, str]) -> list[str]:
    return [row[name] for name in FACTS]


def test_turns_table_gives_function_party_group_and_sex_on_the_sitting_date() -> None:
    rows = _rows(_session())
    # Two paragraphs of the chair's speech (the applause is no paragraph), the stage, two more.
    assert [(r["turn_index"], r["paragraph_index"]) for r in rows] == [
        ("1", "1"), ("1", "2"), ("2", "0"), ("3", "1"), ("4", "1"),
    ]  # fmt: skip
    assert [_facts(r) for r in rows] == [
        ["chair", "SNS", "Poslanska skupina SNS", "M"],
        ["chair", "SNS", "Poslanska skupina SNS", "M"],
        ["", "", "", ""],
        ["regular", "", "", "M"],
        ["", "", "", ""],
    ]


def test_the_party_is_the_one_held_on_the_date() -> None:
    rows = _rows(_session("2018-07-01"), table="speeches")
    assert _facts(rows[0]) == ["chair", "Demos", "Poslanska skupina SNS", "M"]
    rows = _rows(_session("2023-01-01"), table="speeches")
    assert _facts(rows[0]) == ["chair", "SNS", "", "M"]


def test_several_parties_at_once_share_a_cell() -> None:
    session = _session("2018-12-31")
    person = session.participants[0]
    both = person.model_copy(
        update={
            "affiliations": [
                *person.affiliations,
                Affiliation(organisation="party-SNS", start="2018-12-01"),
            ]
        }
    )
    session = session.model_copy(update={"participants": [both, *session.participants[1:]]})
    assert _facts(_rows(session, table="speeches")[0])[1] == "Demos; SNS"


def test_parquet_columns_are_categories() -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from transcript_model.converters.tables import parquet

    table = pq.read_table(io.BytesIO(parquet.write([_session()])))
    for name in FACTS:
        assert table.schema.field(name).type == pa.dictionary(pa.int32(), pa.string())
    assert table.column("speaker_party").to_pylist()[:3] == ["SNS", "SNS", None]


@given(transcripts(MODEL_1_1))
def test_every_speech_row_names_what_the_model_says(transcript: Transcript) -> None:
    day = transcript.event.date.isoformat()
    organisations = {o.id: o for o in transcript.organisations}
    people = {p.id: p for p in transcript.participants}
    speeches = [t for t in transcript.turns if isinstance(t, Speech)]
    rows = _rows(transcript, table="speeches")
    assert len(rows) == len(speeches)
    for row, speech in zip(rows, speeches, strict=True):
        person = people.get(speech.speaker or "")
        parties: list[str] = []
        groups: list[str] = []
        for affiliation in person.affiliations if person else []:
            if affiliation.holds_on(day):
                organisation = organisations[affiliation.organisation]
                name = organisation.abbreviation or organisation.name
                held = {"political_party": parties, "parliamentary_group": groups}
                names = held.get(organisation.kind)
                if names is not None and name not in names:
                    names.append(name)
        assert _facts(row) == [
            speech.function or "",
            "; ".join(parties),
            "; ".join(groups),
            (person.sex if person else None) or "",
        ]
