"""Speaker-label transcripts: a minister labelled by office alone is the person the text names
for that office (Australian prime ministers' transcripts print "MINISTER FOR …:" labels)."""

from __future__ import annotations

import time

from transcript_model.converters.speakers.offices import office_mentions

from conftest import label_speakers

_HEAD = """---
title: "Joint Press Conference with the Minister for Immigration and Border Protection"
date: 2016-10-30
prime_minister: "Turnbull, Malcolm"
---

PRIME MINISTER:

We will legislate this week. Now, I'll ask the Minister, Mr Dutton, to expand on it.

MINISTER FOR IMMIGRATION AND BORDER PROTECTION:

Thank you, Prime Minister. The legislation is clear.

JOURNALIST:

When?
"""


def test_an_office_label_is_the_one_minister_the_text_names() -> None:
    assert label_speakers(_HEAD)[:2] == [
        ("Malcolm Turnbull", "PRIME MINISTER"),
        ("Dutton", "MINISTER FOR IMMIGRATION AND BORDER PROTECTION"),
    ]


def test_two_ministers_named_leave_the_office_label_a_role() -> None:
    text = _HEAD.replace("Now, I'll", "Minister Bishop agrees. Now, I'll")
    assert label_speakers(text)[1] == (None, "MINISTER FOR IMMIGRATION AND BORDER PROTECTION")


def test_the_prime_minister_is_no_candidate_for_another_office() -> None:
    text = _HEAD.replace("Mr Dutton", "Mr Turnbull")
    assert label_speakers(text)[1] == (None, "MINISTER FOR IMMIGRATION AND BORDER PROTECTION")


def test_mentions_stop_at_the_sentence_and_take_honorifics_off() -> None:
    found = office_mentions(
        ["Thank you, Prime Minister. You said", "Treasurer, the Hon Joe Hockey MP, said"]
    )
    assert found == {"treasurer": {"Joe Hockey"}}


def test_many_office_labels_and_mentions_read_in_linear_time() -> None:
    lines = [_HEAD]
    for n in range(3000):
        lines.append(f"MINISTER FOR PORTFOLIO{n}:\n\nMinister the the the Name{n} said Minister.\n")
    text = "\n".join(lines)  # ~200 KB, 3,000 office labels
    start = time.perf_counter()
    assert len(label_speakers(text)) > 3000
    assert time.perf_counter() - start < 3


def test_two_labels_of_one_office_stay_roles() -> None:
    text = _HEAD.replace(
        "JOURNALIST:", "MINISTER FOR FOREIGN AFFAIRS:\n\nYes, Minister.\n\nJOURNALIST:"
    )
    assert label_speakers(text)[1:3] == [
        (None, "MINISTER FOR IMMIGRATION AND BORDER PROTECTION"),
        (None, "MINISTER FOR FOREIGN AFFAIRS"),
    ]


def test_a_question_addressing_one_of_the_ministers_named_tells_which() -> None:
    # au-pm-2014-06-19-23583 (dev half): "Minister Morrison and Minister Bishop" are both named;
    # the question before the office label's answer opens "Mr Morrison, …"
    text = _HEAD.replace(
        "I'll ask the Minister, Mr Dutton, to expand on it.",
        "Minister Dutton and Minister Bishop are in dialogue with their counterparts.",
    ).replace(
        "JOURNALIST:\n\nWhen?\n",
        "JOURNALIST:\n\nMr Dutton, when will the data be released?\n\n"
        "MINISTER FOR IMMIGRATION AND BORDER PROTECTION:\n\nNext week.\n",
    )
    speakers = label_speakers(text)
    assert speakers[1] == ("Dutton", "MINISTER FOR IMMIGRATION AND BORDER PROTECTION")
    assert speakers[-1] == speakers[1]
    # without the address, two ministers named: the label stays a role
    unaddressed = text.replace("Mr Dutton, when", "When")
    role = "MINISTER FOR IMMIGRATION AND BORDER PROTECTION"
    assert label_speakers(unaddressed)[1] == (None, role)
