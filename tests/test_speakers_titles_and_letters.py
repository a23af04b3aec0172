"""Speaker-label transcripts: titles before a surname, letters after a name and offices of
several words (found by reading 600 Australian prime ministers' transcripts outside the
evaluation set, github.com/wragge/pm-transcripts, CC BY 4.0; every change of a speaker it made
there was checked by hand, none for the worse):

* "PM RUDD", "PM KEY", "AIR CHIEF MARSHAL HOUSTON", "DR GALES": the title was read as part of
  the name, so no full name was found for the surname (7 transcripts);
* "ANDREW NIKOLIC MP", "… ANGUS HOUSTON AC AFC", "THE HON. SCOTT MORRISON MP - TREASURER": the
  letters and the office after the name were kept in it, and "BRETT WHITELEY MP" and "BRETT
  WHITELEY" were two people (14 transcripts);
* "DEPUTY PRIME MINISTER" with a "PRIME MINISTER" label beside it was the prime minister (4).
"""

from __future__ import annotations

import pytest

import transcript_model as tm
from transcript_model.converters.speakers.labels import resolve_labels
from transcript_model.converters.speakers.offices import office_mentions

from conftest import label_speakers

_FRONT = """---
title: "Joint press conference with British Prime Minister, Gordon Brown"
date: 2009-03-27
prime_minister: "Rudd, Kevin"
---

"""


@pytest.mark.parametrize(
    ("label", "role", "name"),
    [
        ("PM BROWN", "PM", "BROWN"),
        ("AIR CHIEF MARSHAL HOUSTON", "AIR CHIEF MARSHAL", "HOUSTON"),
        ("DR GALES", "DR", "GALES"),
        ("ANDREW NIKOLIC MP", "MP", "ANDREW NIKOLIC"),
        ("AIR CHIEF MARSHAL ANGUS HOUSTON AC AFC", "AIR CHIEF MARSHAL AC AFC", "ANGUS HOUSTON"),
        ("THE HON. SCOTT MORRISON MP - TREASURER", "THE HON. MP - TREASURER", "SCOTT MORRISON"),
        ("HEALTH MINISTER", "HEALTH MINISTER", None),
        ("UNITED NATIONS SECRETARY-GENERAL", "UNITED NATIONS SECRETARY-GENERAL", None),
        ("MINISTER HUNT", "MINISTER", "HUNT"),
        ("PRESIDENT XI", "PRESIDENT", "XI"),
    ],
)
def test_titles_before_and_letters_after_a_name(
    label: str, role: str | None, name: str | None
) -> None:
    resolved = resolve_labels([label])[label]
    assert (resolved.role, resolved.name) == (role, name)


def test_a_role_label_is_no_name_another_label_ends_with() -> None:
    labels = resolve_labels(["PRIME MINISTER", "DEPUTY PRIME MINISTER"])
    assert labels["DEPUTY PRIME MINISTER"].key != labels["PRIME MINISTER"].key


def test_titled_surnames_take_the_full_names_of_the_header() -> None:
    text = _FRONT + "PM RUDD: Welcome.\n\nPM BROWN: Thank you, Kevin.\n\nJOURNALIST: A question.\n"
    assert label_speakers(text) == [("Kevin Rudd", "PM"), ("Gordon Brown", "PM"), (None, None)]


def test_a_name_with_and_without_its_letters_is_one_person() -> None:
    text = _FRONT + "BRETT WHITELEY MP: Welcome.\n\nPM RUDD: Thanks.\n\nBRETT WHITELEY: Yes.\n"
    assert label_speakers(text) == [
        ("BRETT WHITELEY", "MP"), ("Kevin Rudd", "PM"), ("BRETT WHITELEY", "MP")
    ]  # fmt: skip


def test_the_deputy_prime_minister_is_not_the_prime_minister() -> None:
    text = (
        _FRONT
        + "PRIME MINISTER: I thank the Deputy Prime Minister Barnaby Joyce for coming.\n\n"
        + "DEPUTY PRIME MINISTER: Thanks, Prime Minister. As Barnaby Joyce, I agree.\n"
    )
    assert label_speakers(text) == [
        ("Kevin Rudd", "PRIME MINISTER"), ("Barnaby Joyce", "DEPUTY PRIME MINISTER")
    ]  # fmt: skip


def test_office_mentions_keep_offices_of_three_words_apart() -> None:
    found = office_mentions(
        ["the Deputy Prime Minister Barnaby Joyce and the Prime Minister. As Barnaby said"]
    )
    assert found == {"deputy prime minister": {"Barnaby Joyce"}}


_ARTICLE = """---
title: "What they are saying: a historic deal"
date: 2025-05-16
---

The deal was announced today.

**{intro}:** The reactions were many.

**I Squared Capital Chairman and Managing Partner Sadek Wahba:** “A historic deal.”

**Secretary of State Marco Rubio:** “A good day.”
"""


@pytest.mark.parametrize(
    "intro",
    [
        "Here’s what they’re saying",
        "According to the Wall Street Journal",
        "Leaders from across the world also praised the historic achievement",
        "In Case You Missed It",
        "how the bill ends the waste",
    ],
)
def test_a_bold_line_that_introduces_a_list_is_no_speaker(intro: str) -> None:
    """White House articles (github.com/brian14708/wh-briefings, 500 drawn): 100 of their bold
    introductions were read as speeches by nobody; each of them now reads as text."""
    transcript = tm.read(_ARTICLE.replace("{intro}", intro).encode(), "speakers")[0]
    labels = [t.label for t in transcript.turns if isinstance(t, tm.Speech)]
    assert labels == [
        "I Squared Capital Chairman and Managing Partner Sadek Wahba",
        "Secretary of State Marco Rubio",
    ]


def test_a_character_that_prints_nothing_does_not_hide_a_name_in_the_title() -> None:
    """A White House title with an object replacement character glued to the name (the page
    had an image there): "MS. PSAKI" found no "Jen Psaki"."""
    title = '"Press Gaggle by Press Secretary Jen\\_Psaki\\uFFFC"'
    text = f"---\ntitle: {title}\ndate: 2022-05-06\n---\n\n"
    text += "MS. PSAKI:  So, welcome to our trip.\n\nQ    Thank you.\n"
    assert label_speakers(text) == [("Jen Psaki", None), (None, None)]


def test_an_office_with_the_takes_no_word_of_it_into_the_name() -> None:
    """"Secretary of the Interior Deb Haaland" in a title named "SECRETARY HAALAND" "Interior
    Deb Haaland" (a White House gaggle of 2024-10-24)."""
    title = (
        "Press Gaggle by Press Secretary Karine Jean-Pierre and Secretary of the Interior "
        "Deb Haaland"
    )
    text = f'---\ntitle: "{title}"\ndate: 2024-10-24\n---\n\n'
    text += "MS. JEAN-PIERRE: Hi, everybody.\n\nSECRETARY HAALAND: Thank you.\n"
    assert [name for name, _ in label_speakers(text)] == ["Karine Jean-Pierre", "Deb Haaland"]
