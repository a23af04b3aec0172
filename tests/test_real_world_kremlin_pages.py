"""Shapes of real en.kremlin.ru pages that the text reader read wrong (issue 16, found on fresh
pages of the valdai-transcripts mirror, scripts/scan_eval_real_kremlin_en.py; short excerpts of
kremlin.ru text, CC BY 4.0):

* a "See also" box closed by two "* * *" lines, or followed by the next section's heading,
  was taken for the footer and the whole transcript after it was lost (pages 17645, 9207, 55819:
  0 speeches of 17, 5, 15);
* a label holding a whole official title of more than 16 words was no label, so the speech went
  to the previous speaker (page 63302, Viktor Zolotov);
* a label with an organisation's abbreviation in brackets inside its role ("… Development (Oecd)
  JOSE ANGEL GURRIA (retranslated):") was no label either (page 17517);
* a label glued to its text, the colon with no space after it ("Transport Minister Maxim
  Sokolov:Mr President", "… Wang Yi (retranslated):Thank you": the page's HTML has no space
  between the bold label and the text) was no label (pages 52898, 60753, 57207, 60511, 60897,
  56951, 56326 of the whole mirror's scan);
* a whole official title before a name, with lowercase words, brackets or over 16 words, printed
  once ("United Russia faction leader and Deputy Speaker of the State Duma Vladimir Vasilyev:",
  "… at Stroygazmontazh (contractor in the Crimean Bridge construction project) Leonid
  Ryzhenkin:"), was read as more of the speech before (pages 52957, 57057, 63591, 57089 and
  6 more of the scan; none of the mirror's 7,235 pages read fewer speeches for the change);
* a descriptive label whose name other labels print alone took a capitalised role word into
  the name when the page had two such labels ("Ogoniok magazine Editor-in-Chief Sergei
  Agafonov" → "Editor-in-Chief Sergei Agafonov", pages 56639 and 17767), and a site's name in
  a label ("Vladimir Todorov, Editor in Chief of Lenta.ru:") read as a sentence's end (59865).
"""

from __future__ import annotations

import transcript_model as tm

from conftest import ROOT

_HEAD = """Events
Meeting with Governor of California Arnold Schwarzenegger
October 11, 2010
14:00
Gorki, Moscow Region
"""
_FOOT = """Publication status
Published in sections: News, Transcripts
Publication date: October 11, 2010, 14:00
Text version
"""
_SPEECHES = """President of Russia Dmitry Medvedev: Mr Governor, I am very pleased to see you again.
Governor of California Arnold Schwarzenegger: Thank you very much, Mr President, for having me.
"""


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    transcript = tm.read(text, format="text")[0]
    people = []
    for turn in transcript.turns:
        if str(turn.kind) != "speech":
            continue
        person = transcript.participant(turn.speaker) if turn.speaker else None  # type: ignore[union-attr]
        people.append((person.name, person.role) if person else (None, None))
    return people


def test_see_also_box_closed_twice_keeps_the_transcript() -> None:
    box = "See also\nMeeting with Governor of California\nJune 23, 2010\n* * *\n* * *\n"
    names = [name for name, _ in _speakers(_HEAD + box + _SPEECHES + _FOOT)]
    assert names == ["Dmitry Medvedev", "Arnold Schwarzenegger"]


def test_see_also_box_before_a_section_heading_keeps_the_transcript() -> None:
    box = "* * *\nSee also\nPress statement following the summit\nOctober 11, 2017\n* * *\n"
    text = _HEAD + box + "Expanded meeting\n" + _SPEECHES + _FOOT
    assert [name for name, _ in _speakers(text)] == ["Dmitry Medvedev", "Arnold Schwarzenegger"]
    transcript = tm.read(text, format="text")[0]
    assert any(str(t.kind) == "heading" for t in transcript.turns)


def test_label_with_a_whole_official_title() -> None:
    role = (
        "Director of the Federal Service of National Guard Troops of the Russian Federation and "
        "Commander of the National Guard Troops"
    )
    text = (
        _HEAD
        + "President of Russia Dmitry Medvedev: Mr Zolotov, we have introduced restrictions.\n"
        + f"{role} Viktor Zolotov: Comrade Supreme Commander-in-Chief, the troops are ready.\n"
        + _FOOT
    )
    assert _speakers(text) == [
        ("Dmitry Medvedev", "President of Russia"),
        ("Viktor Zolotov", role),
    ]


def test_label_with_an_abbreviation_inside_the_role_and_a_name_in_capitals() -> None:
    role = "Secretary-General of the Organisation For Economic Co-Operation and Development (Oecd)"
    text = (
        _HEAD
        + "President of Russia Dmitry Medvedev: Mr Secretary-General, welcome.\n"
        + f"{role} JOSE ANGEL GURRIA (retranslated): Thank you very much, Mr President.\n"
        + _FOOT
    )
    assert _speakers(text) == [
        ("Dmitry Medvedev", "President of Russia"),
        ("JOSE ANGEL GURRIA", role),
    ]


def test_a_sentence_before_a_colon_is_still_no_label() -> None:
    sentence = (
        "In his address the President said the following about the Ministry of Defence and the "
        "Ministry of Finance of the Russian Federation and their joint work on the budget"
    )
    text = _HEAD + "President of Russia Dmitry Medvedev: Colleagues.\n" + sentence + ": it grows.\n"
    assert [name for name, _ in _speakers(text + _FOOT)] == ["Dmitry Medvedev"]


def test_a_footer_naming_one_section_in_the_singular_is_read() -> None:
    # Real pages in one section print "Published in section: …"; it was dropped with a warning.
    page = (ROOT / "examples" / "kremlin-2022-03-11.txt").read_text(encoding="utf-8")
    plural = "Published in sections: News, Transcripts"
    singular = page.replace(plural, "Published in section: News", 1)
    assert singular != page
    first = tm.read(singular, "text")[0]
    assert first.metadata.sections == ["News"]


def test_a_label_glued_to_its_text_without_a_space() -> None:
    text = (
        _HEAD
        + "President of Russia Dmitry Medvedev: Mr Governor, I am very pleased to see you.\n"
        + "Governor of California Arnold Schwarzenegger (retranslated):Thank you very much.\n"
        + "Dmitry Medvedev:“Welcome” is the word.\n"
        + "Arnold Schwarzenegger:Mr President, it is good to be back.\n"
        + _FOOT
    )
    transcript = tm.read(text, format="text")[0]
    assert [name for name, _ in _speakers(text)] == [
        "Dmitry Medvedev", "Arnold Schwarzenegger", "Dmitry Medvedev", "Arnold Schwarzenegger"
    ]  # fmt: skip
    assert transcript.turns[1].paragraphs == ["Thank you very much."]  # type: ignore[union-attr]
    assert tm.read(tm.write(transcript, "text"), format="text")[0] == transcript


def test_a_colon_before_a_time_or_a_lowercase_word_is_no_glued_label() -> None:
    text = (
        _HEAD
        + "President of Russia Dmitry Medvedev: We begin.\n"
        + "Meeting Point Kutafya Tower:10:30 am, with passports.\n"
        + "Arnold Schwarzenegger:and so on, as the list says.\n"
        + _FOOT
    )
    assert [name for name, _ in _speakers(text)] == ["Dmitry Medvedev"]


_TITLE = (
    "United Russia faction leader and Deputy Speaker of the State Duma (the lower house of "
    "parliament) Vladimir Vasilyev"
)


def test_a_whole_title_is_a_label_when_the_floor_was_given_to_the_surname() -> None:
    text = (
        _HEAD
        + "President of Russia Dmitry Medvedev: Mr Vasilyev, go ahead please.\n"
        + f"{_TITLE}: Thank you very much.\n"
        + "Dmitry Medvedev: Thank you.\n"
        + _FOOT
    )
    assert _speakers(text) == [
        ("Dmitry Medvedev", "President of Russia"),
        ("Vladimir Vasilyev", _TITLE.removesuffix(" Vladimir Vasilyev")),
        ("Dmitry Medvedev", "President of Russia"),
    ]
    transcript = tm.read(text, format="text")[0]
    assert tm.read(tm.write(transcript, "text"), format="text")[0] == transcript


def test_a_whole_title_is_a_label_when_another_label_names_the_person() -> None:
    role = (
        "Deputy Director General for Infrastructure Projects at Stroygazmontazh (contractor in "
        "the Crimean Bridge construction project)"
    )
    text = (
        _HEAD
        + f"{role} Leonid Ryzhenkin: Here we have people who have worked here from day one.\n"
        + "President of Russia Dmitry Medvedev: When will it open?\n"
        + "Leonid Ryzhenkin: In late December.\n"
        + _FOOT
    )
    assert [name for name, _ in _speakers(text)] == [
        "Leonid Ryzhenkin", "Dmitry Medvedev", "Leonid Ryzhenkin"
    ]  # fmt: skip


def test_a_whole_title_that_the_page_does_not_confirm_is_no_label() -> None:
    text = (
        _HEAD
        + "President of Russia Dmitry Medvedev: Go ahead please.\n"
        + f"{_TITLE}: Thank you very much.\n"
        + _FOOT
    )
    assert [name for name, _ in _speakers(text)] == ["Dmitry Medvedev"]


def test_a_report_sentence_ending_with_a_name_before_a_colon_is_no_label() -> None:
    head = _HEAD.replace("Arnold Schwarzenegger", "Arnold Schwarzenegger and Mikhail Mishustin")
    text = (
        head
        + "Dmitry Medvedev met with Prime Minister of the Russian Federation Mikhail Mishustin: "
        + "The agenda covered the budget.\n"
        + "President of Russia Dmitry Medvedev: Mr Mishustin, go ahead please.\n"
        + _FOOT
    )
    assert [name for name, _ in _speakers(text)] == ["Dmitry Medvedev"]


def test_a_name_other_labels_print_wins_over_the_guess_from_the_pattern() -> None:
    text = (
        _HEAD
        + "President of Russia Dmitry Medvedev: Good afternoon.\n"
        + "Interfax news agency correspondent Mikhail Komissar: Thank you.\n"
        + "Dmitry Medvedev: Go ahead.\n"
        + "Ogoniok magazine Editor-in-Chief Sergei Agafonov: Mr President, a question.\n"
        + "Dmitry Medvedev: Please.\n"
        + "Sergei Agafonov: Thank you.\n"
        + _FOOT
    )
    assert [name for name, _ in _speakers(text)] == [
        "Dmitry Medvedev", "Mikhail Komissar", "Dmitry Medvedev", "Sergei Agafonov",
        "Dmitry Medvedev", "Sergei Agafonov",
    ]  # fmt: skip


def test_a_site_name_in_a_label_is_no_sentence_end() -> None:
    text = (
        _HEAD
        + "President of Russia Dmitry Medvedev: Good afternoon.\n"
        + "Vladimir Todorov, Editor in Chief of Lenta.ru: Mr President, a question.\n"
        + "Dmitry Medvedev: Please. I read it. and so on.\n"
        + _FOOT
    )
    assert [name for name, _ in _speakers(text)] == [
        "Dmitry Medvedev", "Vladimir Todorov", "Dmitry Medvedev"
    ]  # fmt: skip
