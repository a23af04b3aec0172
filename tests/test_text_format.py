"""The text reader on each layout variant of kremlin.ru pages, English and Russian."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import transcript_model as tm
from transcript_model.inline import InlineEvent
from transcript_model.model import Transcript
from transcript_model.registry import detect_format

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "text"


def _read(name: str) -> Transcript:
    [transcript] = tm.read(DATA / name)
    return transcript


def _kinds(t: Transcript) -> list[str]:
    return [turn.kind for turn in t.turns]


def _speech(t: Transcript, index: int) -> tuple[str | None, str | None, str | None]:
    turn = t.turns[index]
    assert turn.kind == "speech"
    return turn.speaker, turn.label, turn.role


def test_telephone_readout_is_narrative_without_place() -> None:
    t = _read("en-telephone.txt")
    assert t.event.place is None
    assert t.event.time == dt.time(21, 35)
    assert _kinds(t) == ["narrative"]
    assert len(t.turns[0].paragraphs) == 3
    # "…assessment of the situation: he spoke…" holds ": " but is no label.
    assert t.turns[0].paragraphs[0].endswith("the need to avoid escalation.")
    assert t.participants == []
    assert t.metadata.geography == ["France"]
    assert t.metadata.persons == ["Macron Emmanuel"]
    assert t.metadata.sections == ["News"]


def test_address_without_labels_keeps_stage_directions_and_omissions() -> None:
    t = _read("en-address.txt")
    assert t.event.lead is None
    assert t.event.place == "The Kremlin, Moscow"
    assert _kinds(t) == ["narrative", "stage", "narrative", "omission", "narrative"]
    assert t.turns[1].text == "(Applause.)"
    assert t.turns[0].paragraphs[0] == "Citizens of Russia, friends,"


def test_press_conference_labels() -> None:
    t = _read("en-press-conference.txt")
    assert t.event.time is None
    assert t.event.lead == (
        "Alexander Lukashenko and Vladimir Putin answered questions from the media."
    )
    people = {p.id: (p.name, p.role) for p in t.participants}
    assert people == {
        "moderator": (None, "Moderator"),
        "pavel-zarubin": ("Pavel Zarubin", None),
        "vladimir-putin": ("Vladimir Putin", "President of Russia"),
        "alexander-lukashenko": ("Alexander Lukashenko", "President of Belarus"),
    }
    assert _speech(t, 0) == ("moderator", "Moderator", "Moderator")
    # A journalist introducing himself: the label is the name, the rest is the paragraph.
    assert _speech(t, 1) == ("pavel-zarubin", "Pavel Zarubin", None)
    assert t.turns[1].paragraphs == [
        "Pavel Zarubin, Rossiya TV Channel.",
        "Mr Putin, here is my question: what comes next?",
    ]
    assert _speech(t, 2) == (
        "vladimir-putin",
        "President of Russia Vladimir Putin",
        "President of Russia",
    )
    assert t.turns[2].paragraphs[0] == "As I said: the decision is up to the two of us."
    # After "(Applause.)" the President goes on without a new label: one utterance, one turn,
    # with the applause inside it where the page prints it.
    assert t.turns[2].paragraphs == [
        "As I said: the decision is up to the two of us.",
        "We will take it together.",
        InlineEvent(kind="kinesic", type="applause", text="(Applause.)"),
        "Let me finish. There is one more thing I want to add.",
    ]
    assert _speech(t, 3) == (None, "Question", None)
    # A label split over two lines.
    assert _speech(t, 4) == (
        "alexander-lukashenko",
        "President of Belarus Alexander Lukashenko",
        "President of Belarus",
    )
    assert t.turns[4].paragraphs == ["I will answer it briefly."]
    assert t.turns[5].kind == "omission"
    assert _speech(t, 6) == ("alexander-lukashenko", "Alexander Lukashenko", None)
    assert _speech(t, 7) == (None, "Remark", None)
    assert _speech(t, 8) == ("moderator", "Moderator", "Moderator")
    assert [(c.index, c.total) for c in t.metadata.captions] == [(1, 5)]


def test_inline_attendee_sentence_heading_break_and_q_label() -> None:
    t = _read("en-inline-attendees.txt")
    assert t.event.place == "Novo-Ogaryovo, Moscow Region"
    assert t.event.attendees_intro == "Taking part in the meeting were"
    assert [(p.id, p.role, p.attending) for p in t.participants] == [
        ("mikhail-mishustin", "Prime Minister", True),
        ("andrei-belousov", "First Deputy Prime Minister", True),
        ("anton-siluanov", "Minister of Finance", True),
        ("vladimir-putin", "President of Russia", False),
    ]
    assert _kinds(t)[:2] == ["heading", "speech"]
    assert t.turns[0].text == "Opening remarks"
    assert [getattr(turn, "speaker", None) for turn in t.turns[1:5]] == [
        "vladimir-putin",
        "mikhail-mishustin",
        "vladimir-putin",
        "anton-siluanov",
    ]
    assert t.turns[5].kind == "break"
    assert _speech(t, 6) == (None, "Q", None)
    assert [(link.title, link.url) for link in t.metadata.see_also] == [
        ("Meetings with Government members", None)
    ]


def test_russian_page() -> None:
    t = _read("ru-meeting.txt")
    assert t.language == "ru"
    assert t.event.title == "Совещание с постоянными членами Совета Безопасности"
    assert t.event.date == dt.date(2022, 3, 11)
    assert t.event.place == "Москва, Кремль"
    assert t.event.attendees_intro == "В совещании приняли участие"
    assert [(p.name, p.role, p.attending) for p in t.participants] == [
        ("Михаил Мишустин", "Председатель Правительства", True),
        ("Сергей Шойгу", "Министр обороны", True),
        ("Николай Патрушев", "Секретарь Совета Безопасности", True),
        # "В.Путин" is named in full by the lead ("Владимир Путин провёл …").
        ("Владимир Путин", None, False),
    ]
    shoigu = next(p.id for p in t.participants if p.name == "Сергей Шойгу")
    putin = next(p.id for p in t.participants if p.name == "Владимир Путин")
    speakers = [getattr(turn, "speaker", None) for turn in t.turns if turn.kind == "speech"]
    assert speakers == [putin, shoigu, putin, None, putin]
    assert _speech(t, 4) == (None, "Вопрос", None)
    assert t.metadata.source.publisher == "Президент России"
    assert t.metadata.sections == ["Новости", "Стенограммы"]
    assert t.metadata.published == dt.datetime(2022, 3, 11, 11, 15)
    assert t.metadata.persons == ["Шойгу Сергей Кужугетович"]
    assert [(c.index, c.total) for c in t.metadata.captions] == [(1, 3)]


@pytest.mark.parametrize(
    "name",
    [
        "kremlin-2022-03-11.txt",
        "en-telephone.txt",
        "en-address.txt",
        "en-press-conference.txt",
        "en-inline-attendees.txt",
        "ru-meeting.txt",
    ],
)
def test_real_pages_write_back_as_the_page(name: str) -> None:
    original = (DATA / name).read_text(encoding="utf-8")
    transcripts = tm.read(original, "text")
    written = tm.write(transcripts, "text")
    assert tm.read(written, "text") == transcripts
    # The page layout carries everything read from a page: no escapes, no extension lines.
    assert "\\" not in written


def test_messy_bytes_read_like_clean_text() -> None:
    clean = (DATA / "en-press-conference.txt").read_text(encoding="utf-8")
    messy = "\ufeff" + clean.replace("\n", "  \r\n").replace("Moderator:", "Moderator:\u00a0")
    messy = messy.replace("The Kremlin, Moscow", "The\u00a0Kremlin, Moscow\t").rstrip("\r\n ")
    assert tm.read(messy.encode("utf-8"), "text") == tm.read(clean, "text")
    old_mac = clean.replace("\n", "\r")
    assert tm.read(old_mac.encode("utf-8"), "text") == tm.read(clean, "text")


def test_glued_end_marker_separates_pages() -> None:
    one = (DATA / "en-telephone.txt").read_text(encoding="utf-8").rstrip("\n")
    two = (DATA / "en-address.txt").read_text(encoding="utf-8")
    glued = one + two  # "Text versionEvents"
    assert "Text versionEvents" in glued
    assert tm.read(glued, "text") == tm.read(one, "text") + tm.read(two, "text")


def test_not_a_transcript_names_file_line_and_expectation() -> None:
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(DATA / "not-a-transcript.txt")
    problem, *also = caught.value.problems
    # The other plain-text reader tried too, and says why it could not read it.
    assert [(p.code, p.severity) for p in also] == [("format_tried", "warning")]
    assert problem.file == str(DATA / "not-a-transcript.txt")
    assert problem.line == 1
    assert "expected the date of the event" in problem.message
    assert problem.code == "not_a_transcript"


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\ufeff"])
def test_empty_input_is_not_a_transcript(text: str) -> None:
    with pytest.raises(tm.TranscriptError, match="expected"):
        tm.read(text.encode("utf-8"), "text", origin="empty.txt")


def test_title_without_date_reports_the_title_line() -> None:
    text = "Events\nSome title\nA lead\n" + "Text line.\n" * 10
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(text, "text", origin="x.txt")
    assert caught.value.problems[0].line == 2
    assert "'Some title'" in caught.value.problems[0].message


def test_invalid_date_is_no_date() -> None:
    with pytest.raises(tm.TranscriptError):
        tm.read("Title\nFebruary 30, 2022\nText.\n", "text")


def test_directive_with_bad_json_is_located() -> None:
    text = "Events\nTitle\nMarch 1, 2022\n\\speech {not json\n\\ Text.\nText version\n"
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(text, "text", origin="bad.txt")
    assert caught.value.problems[0].line == 4


def test_extensions_carry_what_the_page_cannot(tmp_path: Path) -> None:
    t = _read("en-telephone.txt")
    changed = t.model_copy(
        update={
            "id": "kremlin-67949",
            "metadata": t.metadata.model_copy(
                update={
                    "source": t.metadata.source.model_copy(
                        update={
                            "url": "http://en.kremlin.ru/events/president/news/67949",
                            "identifier": "67949",
                        }
                    )
                }
            ),
        }
    )
    written = tm.write(changed, "text")
    assert "Transcript id: kremlin-67949\n" in written
    assert "Source: http://en.kremlin.ru/events/president/news/67949\n" in written
    assert "Document number: 67949\n" in written
    assert tm.read(written, "text") == [changed]


def test_paragraph_that_looks_like_a_label_is_escaped() -> None:
    t = _read("en-address.txt")
    narrative = t.turns[0].model_copy(update={"paragraphs": ["Mr Putin: hello", "Topics"]})
    changed = t.model_copy(update={"turns": [narrative, *t.turns[1:]]})
    written = tm.write(changed, "text")
    assert "\\ Mr Putin: hello\n\\ Topics\n" in written
    assert tm.read(written, "text") == [changed]


_PAGE = """Events
Meeting with students
March 1, 2022, 12:00
Sochi
Vladimir Putin met with students of the Sirius centre.
Also taking part in the meeting were Minister of Education Sergei Kravtsov and Rector Irina Petrova.
President of Russia Vladimir Putin:
Good afternoon, friends.
Colleagues
Let us begin.
Question (retranslated): What do you think about science?
Vladimir Putin (retranslated): It is our future.
Publication status
Publication date: March 1, 2022, 13:00
Text version
"""


def test_other_real_variants() -> None:
    [t] = tm.read(_PAGE, "text")
    # Date and time on one line.
    assert (t.event.date, t.event.time, t.event.place) == (
        dt.date(2022, 3, 1),
        dt.time(12, 0),
        "Sochi",
    )
    # The attendee sentence after a first narrative paragraph.
    assert t.turns[0].kind == "narrative"
    assert t.event.attendees_intro == "Also taking part in the meeting were"
    assert [(p.role, p.name) for p in t.participants if p.attending] == [
        ("Minister of Education", "Sergei Kravtsov"),
        ("Rector", "Irina Petrova"),
    ]
    # A label alone on its line; inside a speech a short line is text, not a heading.
    speech = t.turns[1]
    assert (speech.speaker, speech.label) == (
        "vladimir-putin",
        "President of Russia Vladimir Putin",
    )
    assert speech.paragraphs == ["Good afternoon, friends.", "Colleagues", "Let us begin."]
    # Asides after labels.
    assert (t.turns[2].speaker, t.turns[2].label) == (None, "Question (retranslated)")
    assert (t.turns[3].speaker, t.turns[3].label) == (
        "vladimir-putin",
        "Vladimir Putin (retranslated)",
    )
    assert tm.read(tm.write(t, "text"), "text") == [t]


@pytest.mark.parametrize(
    "line",
    [
        "Participant: {not json",
        "Participant: [1, 2]",
        'Participant: {"name": "Vladimir Putin"}',
        "Sections: {}",
        'Links: [{"title": 1}]',
    ],
)
def test_bad_extension_lines_are_located_errors(line: str) -> None:
    text = f"Events\nTitle\nMarch 1, 2022\nVladimir Putin: Hello.\nPublication status\n{line}\n"
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(text, "text", origin="ext.txt")
    assert caught.value.problems[0].file == "ext.txt"
    assert caught.value.problems[0].line is not None


def test_pages_without_end_marker_are_split_at_the_next_breadcrumb() -> None:
    one = (DATA / "en-telephone.txt").read_text(encoding="utf-8").replace("Text version\n", "")
    two = (DATA / "en-address.txt").read_text(encoding="utf-8")
    assert tm.read(one + two, "text") == tm.read(one, "text") + tm.read(two, "text")


def _text_cases() -> list[str]:
    cases = (ROOT / "benchmarks" / "eval_data").glob("*/input.txt")
    return sorted(p.parent.name for p in cases if detect_format(p.name, p.read_bytes()) == "text")


@pytest.mark.parametrize("case", _text_cases())
def test_evaluation_pages_round_trip_as_plain_pages(case: str) -> None:
    source = ROOT / "benchmarks" / "eval_data" / case / "input.txt"
    transcripts = tm.read(source)
    written = tm.write(transcripts, "text")
    assert tm.read(written, "text") == transcripts
    if "\\" not in source.read_text(encoding="utf-8"):
        assert "\\" not in written


def test_name_with_affiliation_label_and_lone_word_with_colon() -> None:
    page = (
        "Events\nDirect Line\nDecember 14, 2023\n12:00\nGostiny Dvor, Moscow\n"
        "Vladimir Putin: Good afternoon.\nColleagues:\nlet us start.\n"
        "Alexei Ivanov, from Tver: Mr President, a question about roads.\n"
        "Vladimir Putin: Thank you.\nText version\n"
    )
    [t] = tm.read(page, "text")
    assert t.turns[0].paragraphs == ["Good afternoon.", "Colleagues:", "let us start."]
    asker = t.turns[1]
    assert (asker.label, asker.role) == ("Alexei Ivanov, from Tver", "from Tver")
    assert t.participant(asker.speaker).name == "Alexei Ivanov"
    assert tm.read(tm.write(t, "text"), "text") == [t]


def test_footer_lines_it_cannot_use_are_reported_as_warnings() -> None:
    page = (
        "Events\nTitle\nMarch 1, 2022\nVladimir Putin: Hello.\nPublication status\n"
        "Something else\nPublication date: soon\nText version\n"
    )
    result = tm.read_result(page, "text", origin="w.txt")
    assert result.transcripts[0].metadata.published is None
    assert [(w.code, w.line, w.severity) for w in result.warnings] == [
        ("dropped", 6, "warning"),
        ("dropped", 7, "warning"),
    ]
    assert "soon" in result.warnings[1].message


def test_heading_right_after_the_date_is_no_place() -> None:
    page = "Events\nMeeting\nMarch 1, 2022\nExcerpts from the transcript\nVladimir Putin: Hello.\n"
    [t] = tm.read(page, "text")
    assert t.event.place is None
    assert t.turns[0].kind == "heading"
    assert t.turns[0].text == "Excerpts from the transcript"


def test_two_breadcrumb_lines_and_a_title_that_is_a_breadcrumb_word() -> None:
    [t] = tm.read("Events\nTranscripts\nMeeting\nMarch 1, 2022\nVladimir Putin: Hi.\n", "text")
    assert t.event.title == "Meeting"
    odd = t.model_copy(update={"event": t.event.model_copy(update={"title": "News"})})
    assert tm.read(tm.write(odd, "text"), "text") == [odd]


@pytest.mark.parametrize(
    ("line", "time", "place"),
    [
        ("May 8, 2021 - 18:10 - The Kremlin, Moscow", dt.time(18, 10), "The Kremlin, Moscow"),
        ("May 8, 2021 – 18:10", dt.time(18, 10), None),
        ("May 8, 2021 - Novo-Ogaryovo", None, "Novo-Ogaryovo"),
        ("8 мая 2021 года - 18:10 - Москва, Кремль", dt.time(18, 10), "Москва, Кремль"),
    ],
)
def test_date_time_and_place_on_one_dashed_line(
    line: str, time: dt.time | None, place: str | None
) -> None:
    # The layout of pages reposted from the site's archive, labels alone on their lines.
    page = f"Meeting\n{line}\n\nVladimir Putin:\n\nGood afternoon.\n\nTony Blair:\n\nThank you.\n"
    [t] = tm.read(page, "text")
    assert (t.event.date, t.event.time, t.event.place) == (dt.date(2021, 5, 8), time, place)
    assert [(turn.speaker, turn.paragraphs) for turn in t.turns if turn.kind == "speech"] == [
        ("vladimir-putin", ["Good afternoon."]),
        ("tony-blair", ["Thank you."]),
    ]


def test_a_lead_sentence_with_a_dash_after_a_date_is_no_header_line() -> None:
    page = "Meeting\nMay 8, 2021 - a day to remember.\nMay 8, 2021\nVladimir Putin: Hello.\n"
    [t] = tm.read(page, "text")
    assert t.event.lead == "May 8, 2021 - a day to remember."
    assert t.event.place is None


def test_initials_label_takes_the_full_name_printed_in_the_lead() -> None:
    page = (
        "Совещание с членами Правительства\n"
        "Владимир Путин провёл совещание с членами Правительства.\n"
        "15 марта 2023 года\n"
        "В.Путин: Добрый день, уважаемые коллеги!\n"
        "А.Силуанов: Уважаемый Владимир Владимирович!\n"
        "В.Путин: Спасибо.\n"
        "Статус материала\n"
        "Опубликован в разделах: Новости, Стенограммы\n"
        "Текстовая версия\n"
    )
    [t] = tm.read(page, "text")
    assert [(p.id, p.name) for p in t.participants] == [
        ("vladimir-putin", "Владимир Путин"),
        # No Persons tag and no full name in the lead: the label is all there is.
        ("a-siluanov", "А.Силуанов"),
    ]
    assert [turn.speaker for turn in t.turns] == ["vladimir-putin", "a-siluanov", "vladimir-putin"]
    # "Статус материала" is the status heading, not a Persons tag or a paragraph.
    assert t.metadata.persons == []
    assert t.metadata.sections == ["Новости", "Стенограммы"]
    assert tm.read(tm.write(t, "text"), "text") == [t]


def test_moderator_label_with_a_long_role() -> None:
    page = (
        "Plenary session of the Eastern Economic Forum\n"
        "September 12, 2023\n"
        "Moderator of the plenary session, Editor-in-Chief of RT Margarita Simonyan: Friends,\n"
        "Mr President, the floor is yours.\n"
        "President of Russia Vladimir Putin: Thank you.\n"
        "Margarita Simonyan: A question.\n"
        "Ведущий Дмитрий Киселёв: Вопрос.\n"
    )
    [t] = tm.read(page, "text")
    assert [(p.name, p.role) for p in t.participants] == [
        ("Margarita Simonyan", "Moderator of the plenary session, Editor-in-Chief of RT"),
        ("Vladimir Putin", "President of Russia"),
        ("Дмитрий Киселёв", "Ведущий"),
    ]
    assert [turn.speaker for turn in t.turns] == [
        "margarita-simonyan",
        "vladimir-putin",
        "margarita-simonyan",
        "dmitriy-kiselev",
    ]


@pytest.mark.parametrize(
    "label",
    [
        "Remark from the audience",
        "A question from the floor",
        "Voices from the audience",
        "Unidentified speaker",
        "Голоса из зала",
    ],
)
def test_labels_that_name_nobody_in_particular(label: str) -> None:
    body = f"Vladimir Putin: Go ahead.\n{label}: Thank you!\nVladimir Putin: Yes.\n"
    page = f"Meeting\nMarch 1, 2022\n{body}"
    [t] = tm.read(page, "text")
    assert [(turn.speaker, turn.label) for turn in t.turns] == [
        ("vladimir-putin", "Vladimir Putin"),
        (None, label),
        ("vladimir-putin", "Vladimir Putin"),
    ]


def test_one_word_role_labels_are_no_names() -> None:
    page = "Meeting\nMarch 1, 2022\nReporter: A question.\nTranslator: Yes.\n"
    [t] = tm.read(page, "text")
    assert [(p.name, p.role) for p in t.participants] == [(None, "Reporter"), (None, "Translator")]


@pytest.mark.parametrize(
    ("label", "role", "name"),
    [
        ("Ursula von der Leyen", None, "Ursula von der Leyen"),
        ("Abdel Fattah el-Sisi", None, "Abdel Fattah el-Sisi"),
        ("Mohammed bin Salman", None, "Mohammed bin Salman"),
        ("Crown Prince of Saudi Arabia Mohammed bin Salman Al Saud", "Crown Prince of Saudi Arabia",
         "Mohammed bin Salman Al Saud"),
        ("President of Austria Alexander Van der Bellen", "President of Austria",
         "Alexander Van der Bellen"),
        ("President Putin", "President", "Putin"),
        # Occupations and ranks before a name (pages 17108, 56516, 51295, 60707 of the mirror)
        ("Writer Eduard Bagirov", "Writer", "Eduard Bagirov"),
        ("Senior Sergeant Tatyana Kovaleva", "Senior Sergeant", "Tatyana Kovaleva"),
        ("Accounts Chamber Chairperson Tatyana Golikova", "Accounts Chamber Chairperson",
         "Tatyana Golikova"),
        ("UN Secretary-General Antonio Guterres", "UN Secretary-General", "Antonio Guterres"),
        # A role in capitals joined by "OF" (page 7996), a caller's town first (page 57692)
        ("President OF RUSSIA DMITRY MEDVEDEV", "President OF RUSSIA", "DMITRY MEDVEDEV"),
        ("Lipetsk, Yevgeny Zaitsev", "Lipetsk", "Yevgeny Zaitsev"),
    ],
)  # fmt: skip
def test_names_with_particles(label: str, role: str | None, name: str) -> None:
    page = f"Talks\nMarch 1, 2022\nVladimir Putin: Welcome.\n{label}: Thank you.\n"
    [t] = tm.read(page, "text")
    assert t.turns[1].kind == "speech" and t.turns[1].label == label
    assert [(p.role, p.name) for p in t.participants][1] == (role, name)


@pytest.mark.parametrize(
    ("page", "site"),
    [
        ("Meeting\nMarch 3, 2021\nIvan Petrov: Hello.\nAnna Ivanova: Hi.\n", False),
        ("Meeting\nMarch 3, 2021\nIvan Petrov: Hello.\nAnna Ivanova: Hi.\nText version\n", True),
        ("Events\nMeeting\nMarch 3, 2021\nIvan Petrov: Hello.\nAnna Ivanova: Hi.\n", True),
        ("Meeting\nMarch 3, 2021\nA B: Hi.\nPublication date: March 3, 2021, 14:00\n", True),
    ],
)
def test_the_sites_provenance_only_for_a_page_that_shows_the_site(page: str, site: bool) -> None:
    # An Indian MEA briefing in this layout came out published by the President of Russia,
    # under CC BY 4.0, at Moscow time.
    t = tm.read_one(page, "text")
    provenance = (t.metadata.source.publisher, t.metadata.licence, t.event.utc_offset)
    assert provenance == (("President of Russia", "CC-BY-4.0", "+03:00") if site else (None,) * 3)
    assert tm.read_one(tm.write(t, "text"), "text") == t
