"""Text saved by Windows software in its Latin code page (issue 16: rev.com's White House
transcripts came as Windows-1252, "they\\x92re", and were refused with an encoding error).

Such text is read as Windows-1252 with a warning, when its bytes outside ASCII are few (the
accents and punctuation of a Latin script); any other text that is not UTF-8 is refused as
before, a Cyrillic text in its own code page among it, which Windows-1252 would misread.
"""

from __future__ import annotations

import pytest

import transcript_model as tm
from transcript_model.inputs import decode_text_or_windows_1252, windows_1252_text
from transcript_model.registry import detect_format

from conftest import ROOT

SEED = ROOT / "tests" / "data" / "html" / "kremlin-2022-03-11-lukashenko.txt"


def test_a_kremlin_page_saved_as_windows_1252_reads_as_saved_as_utf_8() -> None:
    text = SEED.read_text(encoding="utf-8")
    legacy = text.encode("cp1252")
    assert legacy != text.encode("utf-8")  # it has typographic quotes and dashes
    result = tm.read_result(legacy, origin="page.txt")
    assert result.transcripts == tm.read(text.encode("utf-8"))
    assert [w.code for w in result.warnings][:1] == ["encoding_guessed"]


def test_speaker_text_saved_as_windows_1252_is_detected_and_read() -> None:
    text = (
        "Coronavirus Task Force Briefing\nMarch 14, 2020\n\n"
        "Donald Trump: (00:19)\nThey\u2019re really doing a great job.\n\n"
        "Mike Pence: (01:02)\nThank you, Mr. President \u2014 thank you.\n\n"
        "Donald Trump: (01:40)\nThank you.\n"
    ).encode("cp1252")
    assert detect_format("3_14.txt", text) == "speakers"
    result = tm.read_result(text, origin="3_14.txt")
    (transcript,) = result.transcripts
    assert transcript.turns[0].paragraphs == ["They\u2019re really doing a great job."]  # type: ignore[union-attr]
    assert "encoding_guessed" in {w.code for w in result.warnings}


def test_cyrillic_in_its_windows_code_page_is_still_refused() -> None:
    russian = "В.Путин: Добрый день, уважаемые коллеги!\n".encode("cp1251") * 3
    assert windows_1252_text(russian) is None
    with pytest.raises(tm.TranscriptError) as caught:
        decode_text_or_windows_1252(russian, "ru.txt")
    assert caught.value.problems[0].code == "encoding"


_PAD = " and the plain text of the transcript goes on." * 4


@pytest.mark.parametrize(
    "data",
    [
        # UTF-8 with one stray byte: reading it all as Windows-1252 would make "Café" "CafÃ©".
        ("Caf\u00e9" + _PAD).encode("utf-8") + b" they\x92re",
        # Polish in Windows-1250 ("ł" is 0xB3 there, "³" in Windows-1252).
        ("MARSZA\u0141EK: Dzi\u0119kuj\u0119, pos\u0142owie." + _PAD).encode("cp1250"),
        # A Cyrillic word in Windows-1251 inside English text.
        ("Putin said: \u043f\u0440\u0438\u0432\u0435\u0442" + _PAD).encode("cp1251"),
    ],
    ids=["utf-8 and a stray byte", "windows-1250", "windows-1251 word"],
)
def test_what_only_windows_1252_would_misread_is_refused(data: bytes) -> None:
    assert windows_1252_text(data) is None


def test_a_court_transcript_saved_as_windows_1252_reads_with_the_warning() -> None:
    court = ROOT / "tests" / "data" / "speakers" / "court" / "scotus-11-398-2012-03-26-excerpt.txt"
    text = court.read_text(encoding="utf-8").replace("'", "\u2019")
    result = tm.read_result(text.encode("cp1252"), origin="argument.txt")
    assert result.transcripts == tm.read(text.encode("utf-8"), origin="argument.txt")
    assert result.warnings[0].code == "encoding_guessed"


def test_latin_texts_of_other_languages_are_read_too() -> None:
    # Spanish ¿ ¡ º, German „ and an accented letter before punctuation ("groß…"), which a
    # test for UTF-8 sequences alone took for UTF-8.
    text = "¿Qué? ¡Olé! «Touché» groß… „Zitat“ 1º 2ª" + _PAD
    assert windows_1252_text(text.encode("cp1252")) == text


def test_french_typography_in_windows_1252_is_read() -> None:
    # "é" before a no-break space and "»" (E9 A0 BB) is no UTF-8 sequence of punctuation.
    text = (
        "Il a dit\u00a0: «\u00a0touch\u00e9\u00a0» et «\u00a0pass\u00e9\u00a0», l\u2019an dernier."
        + _PAD
    )
    assert windows_1252_text(text.encode("cp1252")) == text


def test_a_dos_end_of_file_mark_is_left_out_with_a_warning() -> None:
    # DOS-era editors ended a text file with Ctrl+Z (0x1A): a 2001 Senate record was refused
    # as a control character (speakers) or a model error (kremlin.ru text).
    speakers = b"Session\r\nJanuary 17, 2001\r\n\r\nMR. A: Hello.\r\n\r\nMS. B: Hi.\r\n\x1a"
    result = tm.read_result(speakers, "speakers")
    assert result.transcripts[0].turns[-1].paragraphs == ["Hi."]
    assert [w.code for w in result.warnings] == ["dropped"]
    assert (result.warnings[0].line, result.warnings[0].column) == (7, 1)
    page = b"Meeting\nMarch 3, 2021\nIvan Petrov: Hello.\nAnna Ivanova: Hi.\x1a\n"
    assert tm.read_result(page, "text").transcripts[0].turns[-1].paragraphs == ["Hi."]
    # Anywhere else it is a control character, refused as before.
    with pytest.raises(tm.TranscriptError, match="U\\+001A"):
        tm.read_result(speakers.replace(b"Hello.", b"Hel\x1alo."), "speakers")


def test_end_of_file_marks_are_told_after_decoding() -> None:
    # UTF-16 whose last character has a byte 0x1A ("业" is U+4E1A) lost that byte; CP/M
    # padded the end with several marks.
    text = "Session\nJanuary 17, 2001\n\nMR. A: Hello.\n\nMS. B: Hi 业.\n"
    assert tm.read_one(text.encode("utf-16-be").join([b"\xfe\xff", b""]), "speakers").turns[
        -1
    ].paragraphs == ["Hi 业."]
    padded = text.encode() + b"\x1a\x1a\x1a"
    result = tm.read_result(padded, "speakers")
    assert [w.code for w in result.warnings] == ["dropped"]
