"""The kremlin.ru text reader stays linear on hostile page text (issue 13, finding 2).

Each shape of :mod:`benchmarks.hostile_shapes_text` is read at a small size with a generous time
bound: the shapes of many distinct names took from 3 to over 20 seconds at these sizes before the
known names were indexed. The other shapes (long lines, runs of spaces, many markers) guard the
line rules against backtracking. The lookups that replaced the scans are checked against the
scans they replaced.
"""

from __future__ import annotations

import re
import time

import pytest

from benchmarks import hostile_shapes_text as shapes
from transcript_model.converters import _kremlin as kremlin
from transcript_model.converters.text import convert as text_format

BOUND_SECONDS = 3.0

# Shape -> size (bytes) at which the landed reader took many seconds (measured: 3 s to 30 s).
QUADRATIC_BEFORE = {
    "initials_labels": 150_000,
    "minister_labels": 150_000,
    "particle_labels": 150_000,
    "attendee_line": 150_000,
    "attendee_continued": 150_000,
    "growing_attendee_item": 200_000,
    "persons_tags": 150_000,
    "initials_with_context": 150_000,
    "hyphenated_title": 150_000,
    "same_slug_names": 200_000,
}
LINE_SHAPES = sorted(set(shapes.SHAPES) - set(QUADRATIC_BEFORE))


def _read_seconds(name: str, size: int) -> tuple[float, text_format.ReadResult]:
    data = shapes.SHAPES[name](size)
    assert len(data) >= size * 0.9
    start = time.perf_counter()
    result = text_format.read(data, f"{name}.txt")
    return time.perf_counter() - start, result


@pytest.mark.parametrize("name", sorted(QUADRATIC_BEFORE))
def test_many_distinct_names_read_in_linear_time(name: str) -> None:
    seconds, result = _read_seconds(name, QUADRATIC_BEFORE[name])
    assert seconds < BOUND_SECONDS, f"{name}: {seconds:.1f} s"
    assert len(result.transcripts) == 1


@pytest.mark.parametrize("name", LINE_SHAPES)
def test_long_lines_and_markers_read_in_linear_time(name: str) -> None:
    seconds, result = _read_seconds(name, 200_000)
    assert seconds < BOUND_SECONDS, f"{name}: {seconds:.1f} s"
    assert len(result.transcripts) == 1


def test_every_distinct_label_is_one_participant() -> None:
    transcript = text_format.read(shapes.initials_labels(20_000)).transcripts[0]
    speakers = [turn.speaker for turn in transcript.turns if turn.kind == "speech"]
    assert len(set(speakers)) == len(speakers) == len(transcript.participants)


def test_every_attendee_of_a_long_line_is_read() -> None:
    transcript = text_format.read(shapes.attendee_line(20_000)).transcripts[0]
    attending = [p for p in transcript.participants if p.attending]
    assert len(attending) > 500
    assert all(p.role == "Minister" for p in attending)


def test_ids_sharing_a_stem_are_numbered_in_order() -> None:
    people = kremlin.ParticipantList([{"id": "a-3", "name": "Someone", "role": None}], [])
    ids = [people.add("A", None)["id"] for _ in range(4)]
    assert ids == ["a", "a-2", "a-4", "a-5"]


def test_participants_appended_directly_are_found() -> None:
    people = kremlin.ParticipantList([], [])
    people.people.append({"id": "x", "name": "Vladimir Putin", "role": None})
    assert people.by_name("В.Путин") is None
    assert people.by_name("V.Putin") is people.people[0]
    assert people.add("Vladimir Putin", None)["id"] == "vladimir-putin"


# The scans the indexes replaced, as they were.


def _split_by_scan(label: str, known: list[str]) -> kremlin.LabelParts | None:
    text = kremlin._label_text(label)
    for name in sorted(known, key=len, reverse=True):
        if text.casefold() == name.casefold():
            return kremlin.LabelParts(None, text)
        if text.endswith(name) and len(text) > len(name) and text[-len(name) - 1] == " ":
            return kremlin.LabelParts(text[: -len(name) - 1].rstrip(" ,"), name)
    return None


KNOWN = [
    "Vladimir Putin",
    "putin",
    "Ursula von der Leyen",
    "der Leyen",
    "Ivanov",
    "IVAN PETROV",
    "Ivan Petrov",
    "А.Б.Иванов",
    "ov",
]
LABELS = [
    "President Vladimir Putin",
    "vladimir putin",
    "President of the Commission Ursula von der Leyen",
    "Mrs der Leyen",
    "Minister Ivanov",
    "Sergei Ivanov",
    "Director Ivan Petrov",
    "А.Иванов",
    "Б.Иванов",
    "Someone Else",
    "Putin (retranslated)",
]


@pytest.mark.parametrize("label", LABELS)
def test_known_names_split_a_label_as_testing_each_name_did(label: str) -> None:
    known = kremlin.KnownNames(KNOWN)
    expected = _split_by_scan(label, KNOWN)
    assert kremlin.split_label(label, known) == kremlin.split_label(label, KNOWN)
    if expected is not None:
        assert kremlin.split_label(label, known) == expected


@pytest.mark.parametrize("label", LABELS)
def test_known_names_match_as_names_match_did(label: str) -> None:
    known = kremlin.KnownNames(KNOWN)
    expected = next((name for name in KNOWN if kremlin.names_match(label, name)), None)
    assert known.first_match(label) == expected


@pytest.mark.parametrize(
    "text", ["Sergei Ivanov", "x Petrovov", "the Ivan Petrov", "Ursula von der Leyen", "Leyen"]
)
def test_an_item_ends_with_a_name_as_endswith_tells(text: str) -> None:
    known = kremlin.KnownNames(KNOWN)
    expected = any(text.endswith(name) for name in KNOWN)
    assert known.ends_item(f"pad, {text}", 5, 5 + len(text)) == expected


_FULL_NAME = re.compile(r"(?=\b([A-ZА-ЯЁ][\w'’-]+ [A-ZА-ЯЁ][\w'’-]+)\b)")


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin Xi Jinping met",
        "A-B-C Dd-Ee- Ff",
        "Rimsky-Korsakov's Opera House",
        "'Aa Bb' and Cc- Dd' Ee’ Ff",
        "Владимир Путин провёл совещание с Ю.Ушаковым и Сергеем Лавровым",
        "X Y Zz A-",
    ],
)
def test_full_names_are_the_regex_matches(text: str) -> None:
    assert kremlin.full_names_in(text) == [m.group(1) for m in _FULL_NAME.finditer(text)]
