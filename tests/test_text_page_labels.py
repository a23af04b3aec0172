"""kremlin.ru text: labels that only the whole page explains — a moderator's descriptive first
label ("Panel moderator, NBC host Megyn Kelly:") and a label whose words were glued together
("VladimirPutin:") — name the person the page labels elsewhere."""

from __future__ import annotations

import time

import transcript_model as tm
from transcript_model.converters.text import convert as text_format

_PAGE = (
    "Events\nPlenary session of St Petersburg International Economic Forum\n"
    "June 2, 2017\n14:20\nSt Petersburg\n"
    "{opening}: Welcome, everyone. Thank you so much for being here.\n"
    "We have been in St Petersburg for a few days.\n"
    "President of Russia Vladimir Putin: Ladies and gentlemen, friends.\n"
    "{short}: Thank you, President Putin.\n"
    "{putin}: You are welcome.\n"
    "{short}: One more question.\n"
    "Vladimir Putin: Yes.\n"
    "Publication status\nPublished in sections: News, Transcripts\n"
    "Publication date: June 2, 2017, 14:20\nText version\n"
)


def _read(opening: str, short: str = "Megyn Kelly", putin: str = "Vladimir Putin") -> tm.Transcript:
    page = _PAGE.format(opening=opening, short=short, putin=putin)
    return tm.read(page.encode())[0]


def _speakers(transcript: tm.Transcript) -> list[tuple[str | None, str | None, str | None]]:
    out = []
    for turn in transcript.turns:
        if isinstance(turn, tm.Speech):
            person = transcript.participant(turn.speaker) if turn.speaker else None
            out.append((turn.label, person.name if person else None, turn.role))
    return out


def test_a_descriptive_first_label_is_the_speech_of_the_person_labelled_later() -> None:
    transcript = _read("Panel moderator, NBC host Megyn Kelly")
    assert _speakers(transcript)[0] == (
        "Panel moderator, NBC host Megyn Kelly",
        "Megyn Kelly",
        "Panel moderator, NBC host",
    )
    first = transcript.turns[0]
    assert isinstance(first, tm.Speech) and len(first.paragraphs) == 2
    assert len(transcript.participants) == 2


def test_a_name_before_the_comma_of_a_descriptive_label() -> None:
    opening = "CNBC TV anchor Geoff Cutmore, moderator of the plenary session"
    transcript = _read(opening, short="Geoff Cutmore")
    assert _speakers(transcript)[0] == (
        opening,
        "Geoff Cutmore",
        "CNBC TV anchor, moderator of the plenary session",
    )


def test_a_comma_head_naming_nobody_labelled_stays_narrative() -> None:
    transcript = _read("Our panel moderator, a host from abroad", short="Megyn Kelly")
    assert isinstance(transcript.turns[0], tm.Narrative)
    assert transcript.turns[0].paragraphs[0].startswith("Our panel moderator, a host from")


def test_a_glued_label_is_the_person_of_the_spaced_one() -> None:
    transcript = _read("Panel moderator, NBC host Megyn Kelly", putin="VladimirPutin")
    assert _speakers(transcript)[3] == ("VladimirPutin", "Vladimir Putin", None)


def test_a_narrative_paragraph_that_could_read_as_a_described_label_round_trips() -> None:
    transcript = _read("Panel moderator, NBC host Megyn Kelly")
    # Printed plainly, the paragraph would read back as her speech: the writer, which reads
    # back what it writes, prints it another way.
    narrative = tm.Narrative(paragraphs=["Panel moderator, NBC host Megyn Kelly: Hello."])
    turns = [*transcript.turns[:2], tm.Break(marker="* * *"), narrative, *transcript.turns[2:]]
    with_narrative = transcript.model_copy(update={"turns": turns})
    assert _round_trip(with_narrative) == with_narrative
    for other in (transcript, _read("A, B: x")):
        assert _round_trip(other) == other


def _round_trip(transcript: tm.Transcript) -> tm.Transcript:
    written = text_format.write([transcript])
    data = written if isinstance(written, bytes) else written.encode()
    (back,) = text_format.read(data, "w.txt").transcripts
    return back


def test_many_comma_heads_are_read_in_linear_time() -> None:
    filler = "".join(f"Place {n}, region {n} Megyn Kelly{n}: text {n}.\n" for n in range(6000))
    page = _PAGE.format(
        opening="Panel moderator, NBC host Megyn Kelly", short="Megyn Kelly", putin="Vladimir Putin"
    ).replace("We have been", filler + "We have been")
    start = time.perf_counter()
    transcript = tm.read(page.encode())[0]
    assert time.perf_counter() - start < 3
    assert len(transcript.turns[0].paragraphs) > 6000  # type: ignore[union-attr]


def test_a_described_label_inside_another_speech_opens_a_speech() -> None:
    page = _PAGE.format(
        opening="Panel moderator, NBC host Megyn Kelly", short="Megyn Kelly", putin="Vladimir Putin"
    ).replace(
        "{short}: One more question.\n".format(short="Megyn Kelly"),
        "Megyn Kelly: One more question.\nDirect line programme host Kirill Kleymenov: Hello.\n"
        "Kirill Kleymenov: Goodbye.\nDear Vladimir Putin: thank you, said a letter.\n",
    )
    transcript = tm.read(page.encode())[0]
    speakers = _speakers(transcript)
    assert speakers[-3:-1] == [
        (
            "Direct line programme host Kirill Kleymenov",
            "Kirill Kleymenov",
            "Direct line programme host",
        ),
        ("Kirill Kleymenov", "Kirill Kleymenov", None),
    ]
    # An address is no label: the letter stays Kirill Kleymenov's paragraph.
    last = [t for t in transcript.turns if isinstance(t, tm.Speech)][-2]
    assert last.paragraphs[-1] == "Dear Vladimir Putin: thank you, said a letter."


def test_a_described_label_may_open_with_a_lowercase_role() -> None:
    opening = "chairman of the Russian Independent Trade Union of Coalminers Megyn Kelly"
    transcript = _read(opening)
    assert _speakers(transcript)[0] == (
        opening,
        "Megyn Kelly",
        "chairman of the Russian Independent Trade Union of Coalminers",
    )
    assert isinstance(_read("and then Megyn Kelly").turns[0], tm.Narrative)


def test_a_short_role_label_opening_two_lines_is_a_label() -> None:
    page = _PAGE.format(
        opening="Panel moderator, NBC host Megyn Kelly", short="Megyn Kelly", putin="Vladimir Putin"
    ).replace(
        "Megyn Kelly: One more question.\n",
        "Megyn Kelly: One more question.\nCall centre operator: The city of Kursk.\n"
        "Megyn Kelly: And this one?\nCall centre operator: The city of Tomsk.\n"
        "Megyn Kelly: Once: then never again.\n",
    )
    transcript = tm.read(page.encode())[0]
    operators = [s for s in _speakers(transcript) if s[0] == "Call centre operator"]
    assert operators == [("Call centre operator", None, "Call centre operator")] * 2
    # Once only, a head of label shape stays text.
    assert not any(s[0] == "Once" for s in _speakers(transcript))


def test_descriptive_labels_ending_with_names_on_two_lines_are_labels() -> None:
    # en.kremlin.ru/events/president/news/56953 (CC BY 4.0): each athlete speaks once, under a
    # descriptive label whose name the page prints nowhere else.
    lines = (
        "Olympic figure skating silver medallist Yevgenia Medvedeva: Good afternoon.\n"
        "On behalf of my fellow athletes, thank you.\n"
        "Olympic ice hockey champion Pavel Datsuk: You will not believe it, but I like speaking.\n"
    )
    page = _PAGE.format(
        opening="Panel moderator, NBC host Megyn Kelly", short="Megyn Kelly", putin="Vladimir Putin"
    ).replace("Vladimir Putin: Yes.\n", "Vladimir Putin: Yes.\n" + lines)
    transcript = tm.read(page.encode())[0]
    assert _round_trip(transcript) == transcript
    speakers = _speakers(transcript)
    assert speakers[-2:] == [
        (
            "Olympic figure skating silver medallist Yevgenia Medvedeva",
            "Yevgenia Medvedeva",
            "Olympic figure skating silver medallist",
        ),
        ("Olympic ice hockey champion Pavel Datsuk", "Pavel Datsuk", "Olympic ice hockey champion"),
    ]
    # One such line alone stays text of the speech before it.
    single = page.replace(lines.split("\n", 2)[2], "")
    assert _speakers(tm.read(single.encode())[0])[-1][0] == "Vladimir Putin"
