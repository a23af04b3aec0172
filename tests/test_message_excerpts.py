"""Messages of the text-family readers quote input only as a short excerpt.

A report is printed in CI logs and annotations: a message must never echo a long value of the
input whole (errors.excerpt: at most 60 characters). Each case puts a 10,000-character value
where a reader quotes what it refuses or drops.
"""

from __future__ import annotations

import pytest

from transcript_model.api import read_result
from transcript_model.errors import EXCERPT_CHARACTERS, TranscriptError

VALUE = "Z" * 10_000
FOOTER = "Text version\n"


def _messages(data: bytes, format: str) -> list[str]:
    """Every message reading ``data`` gives: the errors, or else the warnings."""
    try:
        result = read_result(data, format)
    except TranscriptError as error:
        return [problem.message for problem in error.problems]
    return [problem.message for problem in result.warnings]


CASES = {
    # The title is quoted when no date follows it.
    "text-title-without-date": (f"{VALUE}\nNo date here.\n{FOOTER}", "text"),
    # A footer line that is not understood is quoted in the warning that drops it.
    "text-footer-line": (
        f"Title\nMarch 11, 2022\nA paragraph.\nPublished in sections: News\n{VALUE}\n{FOOTER}",
        "text",
    ),
    "text-publication-date": (
        f"Title\nMarch 11, 2022\nA paragraph.\nPublication date: {VALUE}\n{FOOTER}",
        "text",
    ),
    # The declared character set is quoted (lower-cased) when it is not one.
    "html-charset": (f'<html><head><meta charset="{VALUE}"></head><body></body></html>', "html"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_long_value_is_quoted_as_an_excerpt(name: str) -> None:
    text, format = CASES[name]
    messages = _messages(text.encode(), format)
    quoting = [message.upper() for message in messages if "ZZZ" in message.upper()]
    assert quoting, f"{name}: no message quotes the value: {messages}"
    for message in quoting:
        assert "Z" * EXCERPT_CHARACTERS not in message, message[:200]
        assert len(message) < 400, message[:200]
