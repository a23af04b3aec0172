"""kremlin.ru stage directions inside a speech stay inside that speech as events, and the
text format carries them (issue 15); the round trip of every field of model 1.1 is in
test_text_roundtrip.py."""

from __future__ import annotations

import datetime as dt
import time

import transcript_model as tm
from transcript_model.inline import InlineEvent, Paragraph
from transcript_model.model import Transcript

HEADER = "Events\nMeeting on the economy\nMarch 11, 2022\n14:20\nThe Kremlin, Moscow\n"
FOOTER = "Publication date: March 11, 2022, 16:00\nText version\n"
APPLAUSE = InlineEvent(kind="kinesic", type="applause", text="(Applause.)")
LAUGHTER = InlineEvent(kind="vocal", type="laughter", text="(Laughter.)")


def _read(body: str) -> Transcript:
    [transcript] = tm.read(HEADER + body + FOOTER, "text")
    return transcript


def _kinds(t: Transcript) -> list[str]:
    return [turn.kind for turn in t.turns]


def test_the_same_speaker_going_on_after_applause_stays_one_turn() -> None:
    t = _read(
        "Vladimir Putin: Colleagues, good afternoon.\n(Applause.)\nLet us begin.\n"
        "Anton Siluanov: Thank you.\n"
    )
    assert _kinds(t) == ["speech", "speech"]
    assert t.turns[0].paragraphs == ["Colleagues, good afternoon.", APPLAUSE, "Let us begin."]
    assert t.turns[0].spoken == ["Colleagues, good afternoon.", "Let us begin."]


def test_a_direction_before_a_new_label_a_heading_or_the_end_stands_between_turns() -> None:
    t = _read(
        "Vladimir Putin: Colleagues, good afternoon.\n(Applause.)\n"
        "Anton Siluanov: Thank you.\n(Laughter.)\n"
    )
    assert _kinds(t) == ["speech", "stage", "speech", "stage"]
    assert t.turns[0].paragraphs == ["Colleagues, good afternoon."]
    t = _read("Vladimir Putin: Good afternoon.\n(The video plays.)\nOpening remarks\n")
    assert _kinds(t)[:2] == ["speech", "stage"]


def test_several_directions_in_a_row_and_other_directions_are_notes() -> None:
    t = _read(
        "Vladimir Putin: Good afternoon.\n(Laughter.)\n(The video plays.)\nGo on, please.\n"
        "(Retranslated.)\nThank you.\n"
    )
    assert _kinds(t) == ["speech"]
    assert t.turns[0].paragraphs == [
        "Good afternoon.",
        LAUGHTER,
        InlineEvent(kind="note", text="(The video plays.)"),
        "Go on, please.",
        InlineEvent(kind="note", text="(Retranslated.)"),
        "Thank you.",
    ]


def test_russian_directions() -> None:
    t = _read("В.Путин: Добрый день.\n(Аплодисменты.)\nНачнём.\nСпасибо. (Смех.)\n")
    assert t.turns[0].paragraphs == [
        "Добрый день.",
        InlineEvent(kind="kinesic", type="applause", text="(Аплодисменты.)"),
        "Начнём.",
        Paragraph(
            content=["Спасибо. ", InlineEvent(kind="vocal", type="laughter", text="(Смех.)")]
        ),
    ]


def test_directions_inside_a_paragraph_are_events_in_place_asides_stay_text() -> None:
    t = _read(
        "Vladimir Putin: It is settled. (Laughter.) Let us go on (Applause) then.\n"
        "The Federation (the Russian Federation) is large.\n"
    )
    assert t.turns[0].paragraphs == [
        Paragraph(
            content=[
                "It is settled. ",
                LAUGHTER,
                " Let us go on ",
                InlineEvent(kind="kinesic", type="applause", text="(Applause)"),
                " then.",
            ]
        ),
        "The Federation (the Russian Federation) is large.",
    ]


def test_a_narrative_keeps_its_stage_directions_as_turns() -> None:
    t = _read("Citizens of Russia,\n(Applause.)\nWe are here today.\n")
    assert _kinds(t) == ["narrative", "stage", "narrative"]


def test_the_writer_prints_events_as_the_site_prints_them() -> None:
    text = HEADER + (
        "Vladimir Putin: Colleagues, good afternoon. (Laughter.)\n(Applause.)\nLet us begin.\n"
    )
    t = tm.read(text + FOOTER, "text")[0]
    written = tm.write(t, "text")
    assert "Vladimir Putin: Colleagues, good afternoon. (Laughter.)\n(Applause.)\n" in written
    assert "\\event" not in written and "\\speech" not in written
    assert tm.read(written, "text") == [t]


def test_events_the_page_cannot_show_are_written_explicitly() -> None:
    t = _read("Vladimir Putin: Good afternoon.\nLet us begin.\n")
    speech = t.turns[0].model_copy(
        update={
            "paragraphs": [
                "Good afternoon.",
                InlineEvent(kind="gap", type="inaudible"),
                InlineEvent(kind="vocal", type="shouting", text="Ne!", speaker="vladimir-putin"),
                InlineEvent(kind="time", when=dt.time(10, 5)),
                Paragraph(content=["Let us ", InlineEvent(kind="note", text="[sic]"), " begin."]),
            ],
            "function": "chair",
            "language": "ru",
        }
    )
    changed = t.model_copy(update={"turns": [speech]})
    written = tm.write(changed, "text")
    assert "\\event " in written and "\\paragraph " in written
    assert '"function": "chair"' in written
    assert tm.read(written, "text") == [changed]


def test_a_speech_continued_after_a_stage_turn_is_written_so_that_it_stays_apart() -> None:
    # The 1.0 shape (speech, stage, speech going on) is still a valid transcript: written
    # back, it must not be merged into one turn.
    t = _read("Vladimir Putin: Good afternoon.\n(Applause.)\nAnton Siluanov: Thank you.\n")
    first, stage, _ = t.turns
    going_on = first.model_copy(update={"label": None, "role": None, "paragraphs": ["More."]})
    shaped = t.model_copy(update={"turns": [first, stage, going_on]})
    assert tm.read(tm.write(shaped, "text"), "text") == [shaped]


def test_reading_many_directions_stays_linear() -> None:
    lines = "".join(
        f"Paragraph {i} of the speech goes on. (Applause.)\n(Laughter.)\n" for i in range(20000)
    )
    text = HEADER + "Vladimir Putin: Good afternoon.\n" + lines + "The end of it.\n" + FOOTER
    start = time.process_time()
    [t] = tm.read(text, "text")
    assert time.process_time() - start < 10
    assert len(t.turns) == 1
    assert len(t.turns[0].paragraphs) == 1 + 2 * 20000 + 1
