"""Direct Line callers are labelled by where they call from ("Perm Territory:", "Question from
Izhevsk:", "Пермский край:"): such a label names nobody, like "Question"."""

from __future__ import annotations

import time

import pytest

from transcript_model.converters._kremlin import is_generic_label


@pytest.mark.parametrize(
    "label",
    [
        "Perm Territory",
        "Novgorod Region",
        "Chuvash Republic",
        "Question from Izhevsk",
        "A question from Kazan",
        "Video message from Norilsk",
        "Пермский край",
        "Новгородская область",
    ],
)
def test_a_place_label_names_nobody(label: str) -> None:
    assert is_generic_label(label)


@pytest.mark.parametrize(
    "label",
    [
        "Vladimir Putin",
        "Head of the Republic of Tatarstan Rustam Minnikhanov",
        "Krasnodar Territory Governor Veniamin Kondratyev",
        "Republic",
        "Губернатор Пермского края Дмитрий Махонин",
    ],
)
def test_a_person_from_a_place_is_no_place(label: str) -> None:
    assert not is_generic_label(label)


def test_a_long_label_is_told_quickly() -> None:
    start = time.perf_counter()
    for _ in range(200):
        is_generic_label("a " * 5000 + "region")
        is_generic_label("Question from " + "x" * 10_000)
    assert time.perf_counter() - start < 2
