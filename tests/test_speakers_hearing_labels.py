"""Hearing records label a speaker with a period after the name (GPO style): "Mr. SECORD. It
was my belief …", "Senator Smith." — as the colon labels of the same record do."""

from __future__ import annotations

import time

import transcript_model as tm

_RECORD = """Secord on Reagan's Awareness
Day 3: May 7, 1987

Mr. STOKES: General, in your opening remarks, you told us that
Mr. Meese had betrayed you.

Mr. SECORD. It was my belief that the President of the United
States was well aware of what we were doing, Congressman Stokes.

Mr. STOKES: Thank you.
"""


def _labels(text: str) -> list[str | None]:
    transcript = tm.read(text.encode(), "speakers")[0]
    people = {p.id: p for p in transcript.participants}
    return [
        people[t.speaker].name if t.speaker else None
        for t in transcript.turns
        if isinstance(t, tm.Speech)
    ]


def test_a_capitalised_name_closed_by_a_period_is_a_label() -> None:
    assert _labels(_RECORD) == ["Mr. STOKES", "Mr. SECORD", "Mr. STOKES"]
    transcript = tm.read(_RECORD.encode(), "speakers")[0]
    speeches = [turn for turn in transcript.turns if isinstance(turn, tm.Speech)]
    assert speeches[1].paragraphs[0].startswith("It was my belief")


def test_a_mixed_case_name_closed_by_a_period_needs_to_open_two_lines() -> None:
    once = _RECORD.replace("Mr. SECORD.", "Senator Smith.")
    assert _labels(once) == ["Mr. STOKES"]
    twice = once + "\nSenator Smith. One more thing.\n"
    assert _labels(twice) == ["Mr. STOKES", "Smith", "Mr. STOKES", "Smith"]


def test_a_sentence_that_starts_with_an_honorific_is_no_label() -> None:
    text = _RECORD.replace("Mr. SECORD. It was", "Mr. Meese said it was")
    assert _labels(text) == ["Mr. STOKES"]  # one turn: nobody else spoke between


def test_many_period_labels_read_in_linear_time() -> None:
    body = "".join(f"\nMr. NAME{n}. Said {'x ' * 20}\n" for n in range(4000))
    start = time.perf_counter()
    assert len(_labels(_RECORD + body)) > 4000
    assert time.perf_counter() - start < 3


def test_a_markdown_label_heading_is_a_label_even_of_one_word_used_once() -> None:
    text = (
        "# 2026-07-23 Designing AI\n\n### Audrey Tang:\n\nDemocracy is a technology.\n\n"
        "### Narrator:\n\nArtificial intelligence may be the most powerful technology.\n\n"
        "### Summary:\n\nNot a speaker.\n\n### Adam Goodman:\n\nWelcome.\n"
    )
    transcript = tm.read(text.encode(), "speakers", origin="talk.md")[0]
    people = {p.id: p for p in transcript.participants}
    spoken = [t for t in transcript.turns if isinstance(t, tm.Speech)]
    assert [people[t.speaker].name or people[t.speaker].role for t in spoken] == [
        "Audrey Tang",
        "Narrator",
        "Adam Goodman",
    ]
    assert spoken[1].paragraphs[-2:] == ["Summary:", "Not a speaker."]  # type: ignore[union-attr]


def test_surgeon_general_is_a_title_before_the_name() -> None:
    from transcript_model.converters.speakers.labels import resolve_labels

    label = resolve_labels(["SURGEON GENERAL MURTHY"])["SURGEON GENERAL MURTHY"]
    assert (label.role, label.name) == ("SURGEON GENERAL", "MURTHY")


def test_a_timestamp_before_the_label_is_read_and_dropped_with_a_warning() -> None:
    text = (
        b"Interview with Jane Roe\nMarch 3, 2021\n\n[00:00:01] Jane Roe: Hello there.\n"
        b"[00:00:05] John Doe: Hi Jane.\n[00:00:09] Jane Roe: Bye.\n"
    )
    result = tm.read_result(text, origin="2021-03-03-interview.txt")  # detected, no format
    transcript = result.transcripts[0]
    assert [t.label for t in transcript.turns if isinstance(t, tm.Speech)] == [
        "Jane Roe",
        "John Doe",
        "Jane Roe",
    ]
    assert any(p.code == "dropped" and "3 speaker timestamps" in p.message for p in result.warnings)


def test_a_line_of_many_timestamps_is_no_label_and_reads_quickly() -> None:
    text = ("Talk\nMarch 3, 2021\n\nJane Roe: Hi.\n" + "[00:00:01] " * 20_000 + "x\n").encode()
    start = time.perf_counter()
    transcript = tm.read(text, "speakers")[0]
    assert time.perf_counter() - start < 2
    assert len(transcript.turns) == 1
