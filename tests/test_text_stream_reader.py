"""A large page of text read a line at a time (issue 18): the transcript and the warnings of the
usual reader, or nothing (the usual reader then reads it), at the memory of the page's bytes."""

from __future__ import annotations

import codecs
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import transcript_model as tm
from transcript_model import cli
from transcript_model.cli import checking, streaming
from transcript_model.converters.text import convert as text_convert
from transcript_model.converters.text import lazy_lines, stream_reader
from transcript_model.converters.text.document import split_pages
from transcript_model.inputs import ReadResult
from transcript_model.model import Transcript

from conftest import ROOT, command_peak
from strategies import MODEL_1_1, transcripts

#: Real pages nobody on the team wrote (benchmarks/eval_real) and the test pages.
_REAL = [
    *sorted((ROOT / "benchmarks" / "eval_real").rglob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "text").glob("*.txt")),
    ROOT / "examples" / "kremlin-2022-03-11.txt",
]
#: A page of one transcript, in English and in Russian (whose "В.Путин" labels may be glued
#: words, see page_labels).
_PAGE = ROOT / "tests" / "data" / "text" / "en-press-conference.txt"
_RUSSIAN = ROOT / "tests" / "data" / "text" / "ru-meeting.txt"
#: A page copied whole (Ctrl+A): the site's menus, the article, the site's links after it.
_WHOLE_PAGE_COPY = (
    ROOT / "benchmarks" / "eval_real" / "kremlin_page" / "page-en-2010-06-07-7982" / "input.txt"
)


@pytest.fixture(autouse=True)
def small_is_large(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every page is read as a large one."""
    monkeypatch.setattr(stream_reader, "STREAM_FROM", 0)
    yield


def _usual(data: bytes, origin: str) -> ReadResult | None:
    try:
        return text_convert.read(data, origin)
    except tm.TranscriptError:
        return None


def _streamed(data: bytes, origin: str) -> tuple[Transcript, list[tm.Problem]] | None:
    """The transcript (its turns read again) and warnings of the line-at-a-time route."""
    lazy = stream_reader.read_lazily(data, origin)
    if lazy is None:
        return None
    assert not lazy.transcript.turns  # the model of the turns is never held
    return lazy.transcript.model_copy(update={"turns": list(lazy.turns())}), lazy.warnings


def _same_as_usual(data: bytes, origin: str) -> bool:
    """Asserts that the route reads what the usual reader reads, when it takes the page;
    whether it took it."""
    streamed = _streamed(data, origin)
    if streamed is None:
        return False
    usual = _usual(data, origin)
    assert usual is not None, f"{origin}: read a page the usual reader refuses"
    assert [streamed[0]] == usual.transcripts, origin
    assert streamed[1] == usual.warnings, origin
    return True


def test_every_real_page_it_takes_reads_as_the_usual_reader_reads_it() -> None:
    taken = [path for path in _REAL if _same_as_usual(path.read_bytes(), str(path))]
    # Pages on one line, pages whose labels only the whole page explains and pages without
    # labels are left to the usual reader; the rest, a page at a time, is taken: whole-page
    # copies too (the article after the site's menus, the site's links after it read whole).
    assert len(taken) >= 110, f"only {len(taken)} of {len(_REAL)} real pages taken"
    assert {_PAGE, _RUSSIAN, _WHOLE_PAGE_COPY} <= set(taken)


def test_a_page_whose_only_footer_line_is_the_end_marker_is_read_too() -> None:
    footer = (b"Publication", b"Published", b"Topics", b"Persons", b"Geography", b"See also")
    kept = [line for line in _PAGE.read_bytes().splitlines() if not line.startswith(footer)]
    assert kept[-1] == b"Text version"
    assert _same_as_usual(b"\n".join(kept), "<input>")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts(MODEL_1_1) | transcripts())
def test_a_written_page_reads_as_the_usual_reader_reads_it(transcript: Transcript) -> None:
    data = tm.write(transcript, "text").encode("utf-8")
    if _same_as_usual(data, "<written>"):
        assert _streamed(data, "<written>") == (transcript, [])


def test_the_lines_are_those_of_split_pages() -> None:
    for path in _REAL[:80]:
        data = path.read_bytes()
        try:
            found = lazy_lines.survey(data)
        except lazy_lines.GiveUpError:
            continue
        [page] = split_pages(data.decode("utf-8"))
        lines = lazy_lines.LazyLines(data, found)
        assert list(lines) == page.lines
        assert (found.other, found.marked_end) == (page.other, page.marked_end)
        usual_check = text_convert._no_forbidden_characters(data, data.decode("utf-8"))
        assert found.characters_checked == usual_check
        assert lines[5:9] == page.lines[5:9] and lines[-1] == page.lines[-1]
        assert lines.texts()[3] == page.texts[3]


@pytest.mark.parametrize(
    "mark", ["\x01", "\x0b", "\x1b", "\x1f", "\\", "\ufffe", "\uffff", "\x1c", "\t", "é"]
)
def test_the_characters_a_paragraph_may_not_hold_are_found_as_the_usual_reader_finds_them(
    mark: str,
) -> None:
    data = _PAGE.read_bytes().replace(b"Good afternoon", f"Good{mark}afternoon".encode(), 1)
    usual = text_convert._no_forbidden_characters(data, data.decode("utf-8"))
    assert lazy_lines.survey(data).characters_checked == usual


def _page(change: tuple[bytes, bytes] = (b"", b"")) -> bytes:
    return _PAGE.read_bytes().replace(*change, 1)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_page() + b"\n" + _page(), id="several transcripts"),
        pytest.param(codecs.BOM_UTF8 + _page(), id="a byte order mark"),
        pytest.param(_page() + b"\x1a", id="a DOS end-of-file mark"),
        pytest.param(_page((b"Putin", b"Put\xe9n")), id="not UTF-8"),
        pytest.param(b" ".join(_page().split()), id="a page on one line"),
        pytest.param(
            _page((b"We will", b"Call centre operator: The city of Kursk.\nWe will")),
            id="a descriptive label",
        ),
        pytest.param(b"Title\nNo date here\nSpeaker: Text.\n", id="no date"),
        pytest.param(b"Statement\nMarch 11, 2022\nNo labels.\n", id="no labels"),
    ],
)
def test_what_it_does_not_expect_is_left_to_the_usual_reader(data: bytes) -> None:
    assert stream_reader.read_lazily(data, "<input>") is None
    assert stream_reader.check_streamed(data, "<input>") is None


def test_small_pages_are_left_to_the_usual_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream_reader, "STREAM_FROM", 4 * 1024 * 1024)
    assert text_convert.check_large(_PAGE.read_bytes(), "seed.txt") is None


def test_lines_asked_for_out_of_order_too_often_give_up(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    _large_page(source, 0.2)
    data = source.read_bytes()
    found = lazy_lines.survey(data)
    lines = lazy_lines.LazyLines(data, found)
    far = next(i for i in range(len(lines) - 1, 0, -1) if i not in found.footer_heads)
    with pytest.raises(lazy_lines.GiveUpError):
        for _ in range(lazy_lines._MOST_RESTARTS + 1):
            lines[far]
            lines[0]


def test_the_turns_stop_being_read_when_the_writer_stops(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    _large_page(source, 0.2)  # more turns than are handed over at a time
    lazy = stream_reader.read_lazily(source.read_bytes(), "page.txt")
    assert lazy is not None
    before = threading.active_count()
    turns = lazy.turns()
    next(turns)
    assert threading.active_count() == before + 1
    turns.close()
    assert threading.active_count() == before


# ----------------------------------------------------------------------------- the command


def test_the_command_checks_a_large_page_as_the_usual_route_does(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(ROOT / "tests" / "data" / "text" / "en-press-conference.txt")
    command = ["validate", "--output-format", "json", source]
    monkeypatch.setattr(checking, "_DOCUMENT_STREAM_FROM", 1 << 62)
    assert cli.main(command) == 0
    usual = capsys.readouterr()
    checked: list[bool] = []
    real = text_convert.check_large
    monkeypatch.setattr(
        text_convert, "check_large", lambda *a, **k: checked.append(True) or real(*a, **k)
    )
    monkeypatch.setattr(checking, "_DOCUMENT_STREAM_FROM", 0)
    assert cli.main(command) == 0
    assert capsys.readouterr() == usual
    assert checked == [True]


@pytest.mark.parametrize("target", ["json", "tei"])
def test_the_command_converts_a_large_page_by_the_pipeline(
    target: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / f"out.{target}"
    command = ["convert", str(_PAGE), "--to", target, "-o", str(out)]
    assert cli.main(command) == 0
    expected, reported = out.read_bytes(), capsys.readouterr()
    out.unlink()
    piped: list[bool] = []
    real = stream_reader.read_lazily
    monkeypatch.setattr(
        stream_reader, "read_lazily", lambda *a: piped.append(True) or real(*a)
    )
    monkeypatch.setattr(streaming, "_DOCUMENT_STREAM_FROM", 0)
    assert cli.main(command) == 0
    assert out.read_bytes() == expected
    assert capsys.readouterr() == reported
    assert piped == [True]


def _large_page(path: Path, megabytes: float) -> None:
    """The seed's first page with its speeches repeated to about ``megabytes`` MB."""
    base = tm.read(ROOT / "examples" / "kremlin-2022-03-11.txt")[0]
    speeches = [turn for turn in base.turns if turn.kind == "speech"]
    one_round = len(tm.write(base.model_copy(update={"turns": speeches}), "text"))
    rounds = max(1, int(megabytes * 1_000_000 / one_round))
    large = Transcript.model_validate({**base.model_dump(), "turns": speeches * rounds})
    path.write_text(tm.write(large, "text"), encoding="utf-8")


@pytest.mark.parametrize("job", ["validate", "convert"])
def test_a_large_page_is_checked_holding_its_bytes_not_its_model(
    job: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "large.txt"
    _large_page(source, 3)
    size = source.stat().st_size
    out = tmp_path / "out.json"
    command = (
        ["validate", "-q", str(source)]
        if job == "validate"
        else ["convert", "-q", str(source), "--to", "json", "-o", str(out)]
    )
    monkeypatch.setattr(stream_reader, "STREAM_FROM", 1024 * 1024)
    monkeypatch.setattr(checking, "_DOCUMENT_STREAM_FROM", 1024 * 1024)
    monkeypatch.setattr(streaming, "_DOCUMENT_STREAM_FROM", 1024 * 1024)
    assert cli.main(command) == 0  # what is imported and built once is not measured
    peak = command_peak(command)
    # The bytes, read once (1x), the lines about the one being read, and the stand-ins of
    # the checking pass; the usual route held every line and the model: 6x the size here.
    assert peak < 2.5 * size, f"{peak:,} bytes held for {size:,} bytes"
