"""The streaming TEI and AKN readers (issue 18): for a large document they read element by
element, and whatever they answer is what the whole-tree path answers; where they cannot
tell, they give up (None) and the whole-tree path reads the document.

The tests call the streaming readers directly (their threshold is only a size) with a small
schema-check budget, so that small documents are cut for the schema check as large ones are,
and compare with the whole-tree path given the same budget.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import TypeAdapter

from benchmarks import hostile_shapes_xml as shapes
from tests.strategies import MODEL_1_1, transcripts
from transcript_model.cli import checking
from transcript_model.cli.inputs import InputFile
from transcript_model.converters._xml import safe
from transcript_model.converters.akn import convert as akn_convert
from transcript_model.converters.akn import stream_reader as akn_stream
from transcript_model.converters.akn import validate as akn_validate
from transcript_model.converters.tei import convert as tei_convert
from transcript_model.converters.tei import stream_reader as tei_stream
from transcript_model.inputs import DEFAULT_MAX_BYTES
from transcript_model.model import Transcript

DATA = Path(__file__).parent / "data"
#: A budget that cuts the schema check of a document of a few hundred elements.
SMALL_BUDGET = 200


def _whole_tree(monkeypatch: pytest.MonkeyPatch, budget: int = SMALL_BUDGET) -> None:
    """The whole-tree path, never streaming, with the schema check's budget ``budget``."""
    cut = functools.partial(safe.validation_copy, budget=budget)
    monkeypatch.setattr(tei_convert, "STREAM_FROM", 1 << 62)
    monkeypatch.setattr(tei_convert, "validation_copy", cut)
    monkeypatch.setattr(akn_convert, "STREAM_FROM", 1 << 62)
    monkeypatch.setattr(akn_validate, "validation_copy", cut)


def _tei(data: bytes, origin: str = "<input>", budget: int = SMALL_BUDGET) -> dict[str, Any]:
    """Both paths' answers for a TEI document: read and validate."""
    corpus_of = tei_convert._corpus_of(None, origin, DEFAULT_MAX_BYTES)
    return {
        "streamed read": tei_stream.read_streamed(data, origin, corpus_of, DEFAULT_MAX_BYTES),
        "streamed validation": tei_stream.validate_streamed(
            data,
            origin,
            tei_convert._whole_tree(None, origin, DEFAULT_MAX_BYTES),
            DEFAULT_MAX_BYTES,
            budget,
        ),
        "read": _answer(lambda: tei_convert.read(data, origin)),
        "validation": tei_convert.validate(data, origin),
    }


def _akn(data: bytes, origin: str = "<input>", budget: int = SMALL_BUDGET) -> dict[str, Any]:
    """Both paths' answers for an AKN document: read and validate."""
    return {
        "streamed read": akn_stream.read_streamed(data, origin, None, DEFAULT_MAX_BYTES),
        "streamed validation": akn_stream.validate_streamed(
            data, origin, DEFAULT_MAX_BYTES, budget
        ),
        "read": _answer(lambda: akn_convert.read(data, origin)),
        "validation": akn_convert.validate(data, origin),
    }


def _answer(read: Any) -> Any:
    try:
        return read()
    except Exception as error:  # the whole-tree path raises TranscriptError for a refusal
        return error


def _same(answers: dict[str, Any]) -> tuple[bool, bool]:
    """Assert that each streamed answer given is the whole-tree path's; whether each was
    given (read, validation)."""
    read, validation = answers["streamed read"], answers["streamed validation"]
    if read is not None:
        assert read == answers["read"]
    if validation is not None:
        assert validation == answers["validation"]
    return read is not None, validation is not None


# -- TEI ---------------------------------------------------------------------------------------


TEI_FIXTURES = sorted(
    p
    for p in (DATA / "tei").glob("*.xml")
    if "listPerson" not in p.name and "listOrg" not in p.name and "root" not in p.name
) + sorted((DATA / "parlamint").rglob("ParlaMint-SI_*.xml"))


#: A budget that cuts small documents for the schema check, and the usual one (no cut: the
#: streamed tree is held whole and checked whole).
BUDGETS = [SMALL_BUDGET, safe.VALIDATION_BUDGET]


@pytest.mark.parametrize("budget", BUDGETS)
@pytest.mark.parametrize("path", TEI_FIXTURES, ids=lambda p: p.name)
def test_tei_fixtures_streamed_as_whole(
    path: Path, budget: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _whole_tree(monkeypatch, budget)
    print(path.name, _same(_tei(path.read_bytes(), str(path), budget)))


def _kremlin_tei() -> bytes:
    transcript = TypeAdapter(list[Transcript]).validate_json(
        (DATA / "model" / "kremlin-2022-03-11.model-1.0.json").read_bytes()
    )[0]
    return tei_convert.write([transcript]).encode("utf-8")


@pytest.mark.parametrize("budget", BUDGETS)
def test_tei_own_output_is_streamed(budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _whole_tree(monkeypatch, budget)
    assert _same(_tei(_kremlin_tei(), budget=budget)) == (True, True)


# -- AKN ---------------------------------------------------------------------------------------


AKN_FIXTURES = sorted((DATA / "akn").rglob("*.xml"))


@pytest.mark.parametrize("budget", BUDGETS)
@pytest.mark.parametrize("path", AKN_FIXTURES, ids=lambda p: p.name)
def test_akn_fixtures_streamed_as_whole(
    path: Path, budget: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _whole_tree(monkeypatch, budget)
    print(path.name, _same(_akn(path.read_bytes(), str(path), budget)))


def _kremlin_akn() -> bytes:
    transcript = TypeAdapter(list[Transcript]).validate_json(
        (DATA / "model" / "kremlin-2022-03-11.model-1.0.json").read_bytes()
    )[0]
    return akn_convert.write([transcript]).encode("utf-8")


@pytest.mark.parametrize("budget", BUDGETS)
def test_akn_own_output_is_streamed(budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _whole_tree(monkeypatch, budget)
    assert _same(_akn(_kremlin_akn(), budget=budget)) == (True, True)


# -- generated transcripts ---------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts(MODEL_1_1))
def test_tei_of_any_transcript_streamed_as_whole(transcript: Transcript) -> None:
    data = tei_convert.write([transcript]).encode("utf-8")
    for budget in (20, safe.VALIDATION_BUDGET):
        with pytest.MonkeyPatch.context() as monkeypatch:
            _whole_tree(monkeypatch, budget)
            assert _same(_tei(data, budget=budget))[0]  # the writer's output is streamed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts(MODEL_1_1))
def test_akn_of_any_transcript_streamed_as_whole(transcript: Transcript) -> None:
    data = akn_convert.write([transcript]).encode("utf-8")
    for budget in (20, safe.VALIDATION_BUDGET):
        with pytest.MonkeyPatch.context() as monkeypatch:
            _whole_tree(monkeypatch, budget)
            assert _same(_akn(data, budget=budget))[0]  # the writer's output is streamed


# -- hostile shapes ----------------------------------------------------------------------------


#: A preface that gives the debate's title and date: without one, the reader looks for them
#: in the body, and the streaming reader gives up.
_PREFACE = (
    b'<preface><p class="title"><docTitle>Hostile</docTitle></p>'
    b'<p><docDate date="2020-05-04">4 May 2020</docDate></p></preface><debateBody>'
)


def _shape(name: str, size: int) -> bytes:
    """A hostile shape; an AKN one with a preface, so that it is streamed."""
    data = shapes.SIZED_SHAPES[name](size)
    return data if name.endswith("_tei") else data.replace(b"<debateBody>", _PREFACE, 1)


@pytest.mark.parametrize("name", sorted(shapes.SIZED_SHAPES))
def test_hostile_shapes_streamed_as_whole(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for budget in BUDGETS:
        _whole_tree(monkeypatch, budget)
        for data in (shapes.SIZED_SHAPES[name](20_000), _shape(name, 20_000)):
            answers = (
                _tei(data, budget=budget) if name.endswith("_tei") else _akn(data, budget=budget)
            )
            print(name, budget, _same(answers))


@pytest.mark.parametrize("name", sorted(shapes.SIZED_SHAPES))
def test_hostile_shapes_streamed_in_linear_time(name: str) -> None:
    """Ten times the input takes at most about ten times as long (generous: 25 times)."""

    def seconds(size: int) -> float:
        data = _shape(name, size)
        start = time.perf_counter()
        if name.endswith("_tei"):
            corpus_of = tei_convert._corpus_of(None, "<input>", DEFAULT_MAX_BYTES)
            tei_stream.read_streamed(data, "<input>", corpus_of, DEFAULT_MAX_BYTES)
            whole = tei_convert._whole_tree(None, "<input>", DEFAULT_MAX_BYTES)
            tei_stream.validate_streamed(data, "<input>", whole, DEFAULT_MAX_BYTES, 20_000)
        else:
            akn_stream.read_streamed(data, "<input>", None, DEFAULT_MAX_BYTES)
            akn_stream.validate_streamed(data, "<input>", DEFAULT_MAX_BYTES, 20_000)
        return time.perf_counter() - start

    small = max(seconds(20_000), 0.005)
    assert seconds(200_000) < 25 * small + 0.5


def test_comments_and_instructions_between_elements(monkeypatch: pytest.MonkeyPatch) -> None:
    """Comments and processing instructions count as children for the cut, as lxml counts
    them, and are dropped with what is read around them."""
    _whole_tree(monkeypatch)
    noise = b"<!-- a comment --><?tool data?>"
    tei = _kremlin_tei().replace(b"</u>", b"</u>" + noise).replace(b"<seg", noise + b"<seg")
    assert _same(_tei(tei)) == (True, True)
    akn = _kremlin_akn().replace(b"</speech>", b"</speech>" + noise).replace(b"<p>", b"<p>" + noise)
    assert _same(_akn(akn)) == (True, True)


# -- transcript validate: the verdict without the model ----------------------------------------


def _wide(suffix: str) -> bytes:
    """A document with one element of more children than a schema check takes whole."""
    if suffix == ".tei.xml":
        return shapes.tei_document("<pb/>" * 10_500)
    return shapes.akn_document("<p>x</p>" * 10_500).replace(b"<debateBody>", _PREFACE, 1)


@pytest.mark.parametrize("suffix", [".tei.xml", ".akn.xml"])
def test_validate_command_checks_without_the_model(
    suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``transcript validate`` gets the same report from the check that keeps stand-ins of
    the turns, for a document the whole-tree path checks in part."""
    path = tmp_path / f"wide{suffix}"
    path.write_bytes(_wide(suffix))
    item = InputFile(str(path), path)
    monkeypatch.setattr(checking, "_DOCUMENT_STREAM_FROM", 1 << 62)
    usual = checking.check_file(item, None, DEFAULT_MAX_BYTES)
    monkeypatch.setattr(checking, "_DOCUMENT_STREAM_FROM", 0)
    for module in (tei_convert, akn_convert):
        monkeypatch.setattr(module, "STREAM_FROM", 0)
    calls: list[bytes] = []
    module = tei_convert if suffix == ".tei.xml" else akn_convert
    checked = module.check_large

    def check_large(data: bytes, origin: str, *, max_bytes: int) -> Any:
        calls.append(data)
        return checked(data, origin, max_bytes=max_bytes)

    monkeypatch.setattr(module, "check_large", check_large)
    assert checking.check_file(item, None, DEFAULT_MAX_BYTES) == usual
    assert calls and checked(calls[0], str(path), max_bytes=DEFAULT_MAX_BYTES) is not None
    assert any(p.code.endswith("_partial") for p in usual.problems)


# -- memory ------------------------------------------------------------------------------------

_PEAK = """
import resource, sys
from pathlib import Path
from transcript_model.cli import checking
from transcript_model.cli.inputs import InputFile
from transcript_model.converters.tei import convert as tei
from transcript_model.converters.akn import convert as akn

path = Path(sys.argv[1])
small = sys.argv[3].encode()
module = tei if path.name.endswith(".tei.xml") else akn
module.validate(small)  # compiles the schemas: not part of what is measured
data = path.read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = checking.check_file(InputFile(str(path), path), None, 1 << 30)
assert report.transcripts == 1, report
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
"""


def _large(suffix: str) -> bytes:
    """A ~12 MB document: 12,000 utterances or speeches of 1 KB in one division."""
    text = "Words of a speech, " * 50
    if suffix == ".tei.xml":
        return shapes.tei_document(f'<u who="#p1"><seg>{text}</seg></u>\n' * 12_000)
    body = f'<speech by="#p1"><p>{text}</p></speech>\n' * 12_000
    return shapes.akn_document(body).replace(b"<debateBody>", _PREFACE, 1)


@pytest.mark.parametrize("suffix", [".tei.xml", ".akn.xml"])
def test_large_document_is_checked_in_little_memory(suffix: str, tmp_path: Path) -> None:
    """``transcript validate`` of a 12 MB document in one division grows the peak memory by
    less than twice its size (the whole tree and its cut copy took four times and more)."""
    import subprocess
    import sys

    path = tmp_path / f"large{suffix}"
    data = _large(suffix)
    path.write_bytes(data)
    small = _shape("empty_notes_tei" if suffix == ".tei.xml" else "empty_speeches_akn", 10)
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path), "check", small.decode()],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    grown = int(done.stdout.split()[-1])
    assert grown < 2 * len(data), f"{grown / len(data):.1f} times the file"


@pytest.mark.parametrize("suffix", [".tei.xml", ".akn.xml"])
def test_large_document_is_read_without_holding_its_tree(suffix: str) -> None:
    """What is read is dropped: at the end the tree holds the header and the open parts."""
    data = _large(suffix)
    reader: Any
    if suffix == ".tei.xml":
        reader = tei_stream._Reader(data, "<input>", None)
        reader.read(tei_convert._corpus_of(None, "<input>", DEFAULT_MAX_BYTES))
        header = reader.root[0]
    else:
        reader = akn_stream._Reader(data, "<input>", None)
        reader.read(None)
        header = reader.root[0][0]  # meta
    held = sum(1 for _ in reader.root.iter())
    assert held < sum(1 for _ in header.iter()) + 20
