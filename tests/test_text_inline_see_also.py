"""A copied kremlin.ru page carries the "See also" box where the site shows it: often inside
the text, between two paragraphs of a speech. Read as the start of the footer, it took the rest
of the transcript with it (news conferences read with no speech after the box)."""

from __future__ import annotations

import transcript_model as tm

_HEAD = """Events
News conference following Russian-German talks
January 11, 2020
18:35
The Kremlin, Moscow
"""
_BOX = """See also
Russian-German talks
January 11, 2020
* * *
"""
_REST = """Germany is one of Russia's biggest international economic partners, and trade grew.
Question: I have a question for both leaders about the gas pipeline and its completion this year.
Vladimir Putin: We will certainly be able to complete it on our own without inviting partners.
Angela Merkel: These political discussions are held everywhere, of course, and that is normal.
Geography
Germany
Publication status
Published in sections: News, Transcripts
Publication date: January 11, 2020, 18:35
Text version
"""


def _speakers(text: str) -> list[str | None]:
    transcript = tm.read(text, format="text")[0]
    return [
        (transcript.participant(t.speaker).name if t.speaker else None)  # type: ignore[union-attr]
        for t in transcript.turns
        if str(t.kind) == "speech"
    ]


def test_box_inside_a_speech_keeps_the_speeches_after_it() -> None:
    opening = "President of Russia Vladimir Putin: Madam Federal Chancellor, ladies and gentlemen\n"
    text = _HEAD + opening + _BOX + _REST
    assert _speakers(text) == [
        "Vladimir Putin",
        None,
        "Vladimir Putin",
        "Angela Merkel",
    ]
    transcript = tm.read(text, format="text")[0]
    first = transcript.turns[0]
    # the speech goes on across the box, which is no paragraph of it
    assert first.paragraphs[-1].startswith("Germany is one")  # type: ignore[union-attr]
    assert not any(p == "Russian-German talks" for p in first.paragraphs)  # type: ignore[union-attr]
    assert transcript.metadata.geography == ["Germany"]


def test_box_between_the_header_and_the_first_label() -> None:
    text = _HEAD + _BOX + "President of Russia Vladimir Putin: Madam Federal Chancellor.\n" + _REST
    assert _speakers(text)[:1] == ["Vladimir Putin"]
    assert len(_speakers(text)) == 4
    assert tm.read(text, format="text")[0].event.date.isoformat() == "2020-01-11"


def test_box_before_the_footer_stays_in_the_footer() -> None:
    text = _HEAD + "Vladimir Putin: Thank you.\n" + _BOX + _REST.split("Geography\n", 1)[1]
    transcript = tm.read(text, format="text")[0]
    assert _speakers(text) == ["Vladimir Putin"]
    titles = [item.title for item in transcript.metadata.see_also]
    assert titles[0] == "Russian-German talks"


def test_box_inside_a_list_of_short_lines_keeps_the_speeches_after_it() -> None:
    # en.kremlin.ru/events/president/news/57492 (CC BY 4.0): the box stands in the list of a
    # new government's deputy prime ministers; read as the footer, it took the rest of the
    # list and four speeches with it
    items = "".join(f"Deputy Prime Minister Person Number{n}.\n" for n in range(12))
    opening = "Dmitry Medvedev: First Deputy Prime Minister Anton Siluanov.\n"
    text = _HEAD + opening + _BOX + items + _REST
    assert _speakers(text) == ["Dmitry Medvedev", None, "Vladimir Putin", "Angela Merkel"]
    transcript = tm.read(text, format="text")[0]
    assert len(transcript.turns[0].paragraphs) == 14  # type: ignore[union-attr]
    assert transcript.metadata.see_also == []
