"""What a speaker label prints beside the name — an office, a constituency, a party, an aside
in brackets or after a comma — and which labels that makes (converters/speakers/labels.py).
Cases from a review of Hansards and briefings."""

from __future__ import annotations

import transcript_model as tm

_HEAD = "Briefing\nMarch 3, 2020\n\n"


def _people(body: str) -> list[tuple[str | None, str | None, str | None]]:
    t = tm.read_one(_HEAD + body, "speakers")
    return [(p.id, p.name, p.role) for p in t.participants]


def _speakers(body: str) -> list[str | None]:
    t = tm.read_one(_HEAD + body, "speakers")
    return [turn.speaker for turn in t.turns if isinstance(turn, tm.Speech)]


def test_two_people_of_one_surname_and_different_offices_stay_two() -> None:
    body = "Senator Smith: Hello.\n\nJudge Smith: Hi.\n\nSenator Smith: Again.\n"
    assert _speakers(body) == ["smith", "judge-smith", "smith"]


def test_a_surname_label_is_the_full_name_another_label_prints() -> None:
    # UK Hansard: "Mr. William Hague (Richmond, Yorks):", then "Mr. Hague:"; the constituency
    # is no role.
    body = (
        "Mr. William Hague (Richmond, Yorks): Is it still the view?\n\nThe Prime Minister: Yes.\n\n"
        "Mr. Hague: I thank him.\n"
    )
    assert _speakers(body) == ["william-hague", "the-prime-minister", "william-hague"]
    assert _people(body)[0] == ("william-hague", "William Hague", None)


def test_a_name_in_brackets_after_an_office_is_the_name() -> None:
    body = (
        "Madam Deputy Speaker (Dame Eleanor Laing): Order.\n\n"
        "THE MINISTER FOR HEALTH (Mr. Matiba): I beg to reply.\n\n"
        "MR SPEAKER (T.TURA): Thank you.\n\nSenator Jones (R-Texas): A party is no name.\n"
    )
    assert _people(body) == [
        ("eleanor-laing", "Eleanor Laing", "Madam Deputy Speaker"),
        ("mr-matiba", "Mr. Matiba", "THE MINISTER FOR HEALTH"),
        ("t-tura", "T.TURA", "MR SPEAKER"),
        ("jones", "Jones", "Senator"),
    ]


def test_an_aside_in_brackets_is_no_role() -> None:
    body = "JOHN SMITH (laughs): Hello.\n\nJANE DOE: Hi.\n\nJOHN SMITH (CROSSTALK): Again.\n"
    assert _people(body) == [("john-smith", "JOHN SMITH", None), ("jane-doe", "JANE DOE", None)]


def test_sprecher_is_a_voice_nobody_in_particular() -> None:
    body = "Sprecher: Die Kanzlerin reiste.\n\nMERKEL: Wir sind froh.\n\nSprecher: Danach.\n"
    assert _speakers(body) == [None, "merkel", None]


def test_a_south_african_hansards_labels() -> None:
    # pmg.org.za: courtesy, initials and surname; "The MINISTER OF …" an office whole; "An HON
    # MEMBER" interjects; "English:" notes the language, and the headline's colon is no label.
    page = (
        "<html><body><h1>NA: Debate on Use of Air Force Base Waterkloof by GUPTA Family: Matters"
        " of Public Importance</h1><p>22 May 2013</p>"
        "<p>Ms A VAN WYK: Hon Speaker, South Africa is a sovereign state.</p>"
        "<p>An HON MEMBER: Who is accountable?</p>"
        "<p>Ms A VAN WYK: This anger was justified.</p><p>English:</p>"
        "<p>The MINISTER OF HOME AFFAIRS: Thank you, Speaker.</p>"
        "<p>Dr C P MULDER: Speaker, the Minister says.</p></body></html>"
    )
    t = tm.read_one(page.encode(), origin="gupta.html")
    assert t.event.title.startswith("NA: Debate on Use of Air Force Base")
    speeches = [s for s in t.turns if isinstance(s, tm.Speech)]
    assert [s.speaker for s in speeches] == [
        "a-van-wyk", None, "a-van-wyk", "the-minister-of-home-affairs", "c-p-mulder",
    ]  # fmt: skip
    assert [(p.name, p.role) for p in t.participants] == [
        ("A VAN WYK", None), (None, "The MINISTER OF HOME AFFAIRS"), ("C P MULDER", None),
    ]  # fmt: skip


def test_a_westminster_order_papers_questions_and_their_answers() -> None:
    # New Zealand's oral questions: the question's number, the member's party or office, and
    # whom it is put to ("to the Prime Minister", "on behalf of the Prime Minister").
    body = (
        "1. ANDREW LITTLE (Leader of the Opposition) to the Prime Minister : Does he stand by"
        " his statement?\n\nRt Hon JOHN KEY (Prime Minister): Yes.\n\n"
        "Andrew Little : Why?\n\nRt Hon JOHN KEY : Because.\n\n"
        "2. TODD STEPHENSON (ACT) to the Minister for Regulation: Will they benefit?\n\n"
        "1. Economic Policy: a numbered item is no question.\n"
    )
    t = tm.read_one(_HEAD + body, "speakers")
    assert [s.speaker for s in t.turns if isinstance(s, tm.Speech)] == [
        "andrew-little", "john-key", "andrew-little", "john-key", "todd-stephenson",
    ]  # fmt: skip
    assert [(p.name, p.role) for p in t.participants] == [
        ("ANDREW LITTLE", "Leader of the Opposition"), ("JOHN KEY", "Prime Minister"),
        ("TODD STEPHENSON", None),
    ]  # fmt: skip


def test_forms_that_look_like_the_new_ones_and_are_not() -> None:
    # A language's name with words after it is a speaker (New Zealand's Bill English, CNN's
    # David French); a numbered list's item with a bracket is no question; "The Minister" and
    # a name is a role and a name.
    interview = "Hosking: Hello.\n\nEnglish: Good morning.\n\nHosking: So?\n\nEnglish: Fine.\n"
    assert _speakers(interview) == ["hosking", "english", "hosking", "english"]
    listing = "MR SMITH: The agenda.\n\n1. Housing Policy (draft): we vote next week.\n"
    assert _speakers(listing) == ["mr-smith"]
    t = tm.read_one(_HEAD + "The Minister Naledi Pandor: Thank you, Chair.\n\n"
                    "The DEPUTY MINISTER OF FINANCE: Yes.\n\n"
                    "The HOUSE CHAIRPERSON (Mr C T Frolick): Order.\n", "speakers")  # fmt: skip
    assert [(p.name, p.role) for p in t.participants] == [
        ("Naledi Pandor", "The Minister"), (None, "The DEPUTY MINISTER OF FINANCE"),
        ("C T Frolick", "The HOUSE CHAIRPERSON"),
    ]  # fmt: skip
