"""Hostile shapes for the speaker-label text reader and the saved-page (HTML) reader (issue 13).

Each shape of ``benchmarks/hostile_shapes_speakers_html.py`` runs at a small size with a
generous bound (every one took seconds to minutes there before); the patterns of the readers
are timed one by one on lines of 5,000 spaces, tabs, dots, capitals, digits and colons; and a
page declaring a codec that is not a text encoding is refused with a located error.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import transcript_model as tm
from benchmarks import hostile_shapes_speakers_html as shapes
from transcript_model.converters._html import load as _html_load
from transcript_model.converters._html import text as _html_text
from transcript_model.converters.html import body as _html_body
from transcript_model.converters.html import convert as kremlin_html
from transcript_model.converters.html import page as _html_page
from transcript_model.converters.html import parts as _html_parts
from transcript_model.converters.html import turns as _html_turns
from transcript_model.converters.speakers import body as _speakers_body
from transcript_model.converters.speakers import convert as speaker_text
from transcript_model.converters.speakers import datelines as _speakers_datelines
from transcript_model.converters.speakers import header as _speakers_header
from transcript_model.converters.speakers import html_page as _speakers_html_page
from transcript_model.converters.speakers import label_shapes as _speakers_label_shapes
from transcript_model.converters.speakers import labels as speaker_labels
from transcript_model.converters.speakers import lines as _speakers_lines
from transcript_model.converters.speakers import markdown as _speakers_markdown
from transcript_model.converters.speakers import sniff as _speakers_sniff
from transcript_model.converters.speakers import solo as _speakers_solo
from transcript_model.registry import detect_format

# Sizes at which the shape took seconds before the fix (spaced label lines: 40 KB 19.6 s;
# removed elements: 1 MB 8.7 s; distinct labels: 100 KB 2.3 s; field holders: 100 KB 14 s).
_SIZE = 200_000
_BOUND = 2.0


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(shapes.SHAPES))
def test_hostile_shape_is_read_in_linear_time(name: str) -> None:
    form, generate = shapes.SHAPES[name]
    data = generate(_SIZE)
    assert len(data) >= _SIZE * 0.8
    elapsed = _timed(lambda: tm.validate(data, form))
    assert elapsed < _BOUND, f"{name}: {elapsed:.2f} s for {len(data):,} bytes"


def test_spaced_label_lines_in_a_txt_file_are_detected_and_read_quickly(tmp_path: Path) -> None:
    # The path of `transcript validate x.txt`: format sniffing, then the speaker-label reader
    # (160 KB took 79 s).
    path = tmp_path / "briefing.txt"
    path.write_bytes(shapes.spaced_label_lines(160_000))
    assert detect_format(str(path), path.read_bytes()) == "speakers"
    assert _timed(lambda: tm.validate(path)) < _BOUND


def test_a_megabyte_of_removed_elements_is_read_quickly() -> None:
    # Quadratic before: 1 MB 5.6-8.7 s, 4 MB 133 s; linear now (1 MB well under 0.2 s).
    data = shapes.removed_elements(1_000_000)
    assert _timed(lambda: tm.validate(data, "html")) < _BOUND


def test_one_long_label_line_is_one_cheap_match() -> None:
    line = "B" + " " * 4_000 + "x"
    assert _timed(lambda: speaker_labels._label_candidate(line)) < 0.05


_FILLS = (" ", "\t", ".", "A", "1", ":", " :", "A ", "1:", "\u00a0", "(", "/")
_PREFIXES = ("", "B", "Q", "END ", "Anna Berg", "March 1, 2022 a", "1:52 p", "date:", "* ")
_MODULES = (
    speaker_text,
    speaker_labels,
    _speakers_body,
    _speakers_lines,
    _speakers_header,
    _speakers_datelines,
    _speakers_markdown,
    _speakers_solo,
    _speakers_html_page,
    _speakers_label_shapes,
    _speakers_sniff,
    kremlin_html,
    _html_body,
    _html_parts,
    _html_text,
    _html_load,
    _html_page,
    _html_turns,
)
_PATTERNS = {
    f"{module.__name__}.{name}": value
    for module in _MODULES
    for name, value in vars(module).items()
    if isinstance(value, re.Pattern)
}


@pytest.mark.parametrize("name", sorted(_PATTERNS))
def test_pattern_is_linear_on_long_runs(name: str) -> None:
    pattern = _PATTERNS[name]
    slowest = 0.0
    for fill in _FILLS:
        for prefix in _PREFIXES:
            for suffix in ("", "x", ":", "://", "\nx"):
                text = prefix + fill * (5_000 // len(fill)) + suffix
                subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
                # Best of three: one line takes microseconds, and a busy machine adds noise.
                best = min(
                    _timed(lambda s=subject: (pattern.match(s), list(pattern.finditer(s))))
                    for _ in range(3)
                )
                slowest = max(slowest, best)
    assert slowest < 0.01, f"{name}: {slowest * 1000:.1f} ms on one line"


def test_date_line_with_a_long_run_of_spaces() -> None:
    text = "March 1, 2022 a" + " " * 20_000 + "b"
    assert _timed(lambda: _speakers_datelines.date_line(text)) < 0.05


@pytest.mark.parametrize("charset", ["rot13", "zlib", "base64", "hex", "bz2", "uu", "quopri"])
@pytest.mark.parametrize(
    "meta",
    ['<meta charset="{}">', '<meta http-equiv="Content-Type" content="text/html; charset={}">'],
)
def test_charset_that_is_not_a_text_encoding_is_a_located_error(charset: str, meta: str) -> None:
    page = f"<html>\n<head>{meta.format(charset)}</head><body><p>x</p></body></html>".encode()
    with pytest.raises(tm.TranscriptError) as caught:
        tm.read(page, "html")
    problem = caught.value.problems[0]
    assert problem.code == "encoding"
    assert repr(charset) in problem.message
    assert (problem.line, problem.column) == (2, page.split(b"\n")[1].index(charset.encode()) + 1)
    assert tm.validate(page, "html")[0].code == "encoding"


@pytest.mark.parametrize("charset", ["punycode", "undefined"])
def test_charset_whose_decoder_fails_without_a_position_is_a_located_error(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body>(x)</body></html>'.encode()
    problems = tm.validate(page, "html")
    assert problems[0].code == "encoding"
    assert repr(charset) in problems[0].message
    assert problems[0].line == 1


def test_an_xml_declaration_naming_a_codec_is_no_crash() -> None:
    for charset in ("rot13", "zlib", "punycode", "undefined"):
        page = f'<?xml version="1.0" encoding="{charset}"?><html><body><p>x</p></body></html>'
        problems = tm.validate(page.encode(), "html")
        assert problems and problems[0].code != "internal_error"


def test_removed_elements_keep_the_text_after_them() -> None:
    page = (
        b"<html><body><p>a<script>s</script>b<style>t</style>c<i>d</i>e<svg>u</svg>f"
        b"<noscript><script>v</script>w</noscript>g</p></body></html>"
    )
    root = _html_page.parse(page, "<page>")
    paragraph = root.find(".//p")
    assert paragraph is not None
    assert "".join(paragraph.itertext()) == "abcdefg"
