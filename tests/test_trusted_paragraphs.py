"""The text and JSON readers build transcripts without the line pattern on paragraphs when they
have seen that their input holds no character a paragraph may not (transcript_model.trusted):
the result, and every error, must be what full validation gives, whatever the input holds."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import transcript_model as tm
from transcript_model import trusted
from transcript_model.converters.json import convert as json_format
from transcript_model.converters.text import convert as text_format
from transcript_model.model import Transcript

from strategies import transcripts

_PAGE = (
    "Events\nMeeting on roads\nMarch 11, 2022\n14:20\nThe Kremlin, Moscow\n"
    "Vladimir Putin: {first}\n{second}\nAnton Siluanov: {third}\n"
    "Publication status\nPublished in sections: News\nPublication date: March 11, 2022, 14:20\n"
    "Text version\n"
)
# Any character, the ones a paragraph may not hold and the spaces it may not start or end with
# among them, often.
_HOSTILE = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from("\x00\x01\x07\x0b\x0c\x1c\x1f\x85\u2028\ufeff\ufffe\uffff\t \u00a0\\"),
    ),
    min_size=1,
    max_size=12,
)


def _outcome(
    data: bytes, fast: bool, monkeypatch: pytest.MonkeyPatch, reader: Any = text_format
) -> Any:
    """What ``reader`` makes of ``data``, on the quick route if ``fast`` (when the reader
    takes it) or never on it."""
    if not fast:
        # The text reader's own test; the JSON reader's, imported from its parser.
        name = "_no_forbidden_characters" if reader is text_format else "no_forbidden_characters"
        monkeypatch.setattr(reader, name, lambda *_: False)
    try:
        result = reader.read(data, "input")
        return [t.model_dump() for t in result.transcripts], result.warnings
    except tm.TranscriptError as error:
        return [str(problem) for problem in error.problems]
    finally:
        monkeypatch.undo()


@given(first=_HOSTILE, second=_HOSTILE, third=_HOSTILE)
def test_the_quick_route_reads_as_full_validation(first: str, second: str, third: str) -> None:
    page = _PAGE.format(first=first, second=second, third=third)
    for encoding in ("utf-8", "utf-16"):
        try:
            data = page.encode(encoding)
        except UnicodeEncodeError:
            continue
        with pytest.MonkeyPatch.context() as monkeypatch:
            assert _outcome(data, True, monkeypatch) == _outcome(data, False, monkeypatch)


@given(transcripts())
def test_what_the_quick_route_builds_passes_full_validation(transcript: Transcript) -> None:
    # the quick validator (text tried first among a speech's items) builds the same model
    assert trusted._validator().validate_python(transcript.model_dump()) == transcript
    written = text_format.write([transcript]).encode("utf-8")
    for read in text_format.read(written, "w.txt").transcripts:
        assert Transcript.model_validate(read.model_dump()) == read


def test_the_quick_validator_drops_the_pattern_of_paragraphs_only() -> None:
    base = tm.read(_PAGE.format(first="A.", second="B.", third="C.").encode())[0].model_dump()

    def changed(path: list[Any], value: Any) -> dict[str, Any]:
        data = Transcript.model_validate(base).model_dump()
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
        return data

    def quick_accepts(data: dict[str, Any]) -> bool:
        try:
            trusted._validator().validate_python(data)
        except ValidationError:
            return False
        return True

    # the paragraphs of speeches (and of narrative, the same field): unchecked by the pattern
    assert quick_accepts(changed(["turns", 0, "paragraphs", 0], "bell\x07"))
    # every other line keeps it: titles, a fragment of a paragraph with events, a stage line
    assert not quick_accepts(changed(["event", "title"], "bell\x07"))
    event = {"kind": "note", "text": "x"}
    fragment = {"kind": "paragraph", "content": ["bell\x07 ", event]}
    assert not quick_accepts(changed(["turns", 0, "paragraphs", 0], fragment))
    assert not quick_accepts(changed(["turns", 0], {"kind": "stage", "text": "(bell\x07)"}))


def test_a_forbidden_character_is_refused_on_either_route() -> None:
    data = _PAGE.format(first="Good\x07 day.", second="Yes.", third="No.").encode()
    assert not text_format._no_forbidden_characters(data, data.decode())
    with pytest.raises(tm.TranscriptError, match="paragraphs"):
        text_format.read(data, "page.txt")
    edge = {"turns": [{"kind": "narrative", "paragraphs": ["Fine.", "ends in a space "]}]}
    assert not trusted._paragraph_edges_clean(edge["turns"])
    for paragraphs in ([""], ["\ufeffBOM-led."], ["\u3000Ideographic space."], ["Tab.\t"]):
        assert not trusted._paragraph_edges_clean([{"kind": "speech", "paragraphs": paragraphs}])
    assert trusted._paragraph_edges_clean([{"kind": "speech", "paragraphs": ["A\u00a0b."]}])


def test_the_space_characters_are_those_of_the_pattern() -> None:
    from transcript_model import types

    in_pattern = re.compile(f"[{types._SPACE}]")
    every = "".join(map(chr, range(0x10000)))
    assert "".join(in_pattern.findall(every)) == "".join(sorted(types.SPACE_CHARACTERS))


@given(first=_HOSTILE, second=_HOSTILE, escaped=st.booleans())
def test_the_json_quick_route_reads_as_full_validation(
    first: str, second: str, escaped: bool
) -> None:
    base = tm.read(_PAGE.format(first="A.", second="B.", third="C.").encode())[0].model_dump(
        mode="json"
    )
    base["turns"][0]["paragraphs"] = [first, second]
    # Raw (U+2028, U+0085 stand as they are) or escaped ("\u0007", "\n", "\\"): both ways
    text = json.dumps(base, ensure_ascii=escaped)
    with pytest.MonkeyPatch.context() as monkeypatch:
        data = text.encode("utf-8", "surrogatepass")
        fast = _outcome(data, True, monkeypatch, json_format)
        assert fast == _outcome(data, False, monkeypatch, json_format)


def test_the_json_quick_route_is_taken_only_without_a_possible_forbidden_character() -> None:
    quick = json_format.no_forbidden_characters
    assert quick('{"a": "plain \\"quoted\\" text\\ttab \\\\ and \\/"}')
    for text in ('"\\n"', '"\\u0007"', '"\\r"', '"\\b"', '"\\f"', '"\u2028"', '"\x85"',
                 '"\ufffe"', '"\\\\n"'):  # fmt: skip
        assert not quick(text), text
