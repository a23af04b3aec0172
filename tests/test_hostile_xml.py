"""Hostile TEI and Akoma Ntoso input, round two (issue 13, findings 5, 6, 12, 14 and the
quadratic shapes of the XML readers and validators).

The shapes come from ``benchmarks/hostile_shapes_xml.py``, which the complexity benchmark
times at larger sizes; here each runs small, with a generous time bound.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import transcript_model as tm
from benchmarks import hostile_shapes_xml as shapes
from transcript_model.converters._xml.safe import element_limit, parse_xml
from transcript_model.converters.akn import convert as akn
from transcript_model.converters.tei import convert as tei
from transcript_model.errors import REPEATED_PROBLEMS, Problem, cap_repeated

ROOT = Path(__file__).resolve().parent.parent


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


# -- finding 6: no DOCTYPE reaches the parser, and no parse opens a file named in one -----------

_READ_ONE = """
import sys
from pathlib import Path
import transcript_model as tm
from transcript_model.converters._xml import safe as xmlsafe
if sys.argv[2] == "parser-only":
    xmlsafe._prolog = lambda text: "unsure"  # leave the parser alone against the DTD
try:
    tm.read(Path(sys.argv[1]))
except tm.TranscriptError as error:
    print(error.problems[0].code)
"""


def _read_in_child(path: Path, mode: str = "whole", timeout: float = 20) -> str:
    """The code of the refusal, read in a child process: a parse that opens a FIFO hangs."""
    result = subprocess.run(
        [sys.executable, "-c", _READ_ONE, str(path), mode],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("mode", ["whole", "parser-only"])
@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("padded.tei.xml", shapes.padded_prolog_doctype),
        ("pieces.akn.xml", lambda target: shapes.padded_prolog_doctype(
            target, root="akomaNtoso", pieces=40)),
        ("entity.tei.xml", shapes.parameter_entity_doctype),
    ],
)  # fmt: skip
def test_a_doctype_after_a_long_prolog_never_opens_the_fifo_it_names(
    tmp_path: Path, name: str, document: Callable[[str], bytes], mode: str
) -> None:
    fifo = tmp_path / "dtd.fifo"
    os.mkfifo(fifo)
    path = tmp_path / name
    path.write_bytes(document(str(fifo)))
    # Opening the FIFO would block until the timeout: the refusal must come at once.
    start = time.perf_counter()
    assert _read_in_child(path, mode) == "xml_dtd"
    assert time.perf_counter() - start < 15


def test_a_utf16_doctype_after_a_long_prolog_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "dtd.fifo"
    os.mkfifo(fifo)
    text = shapes.padded_prolog_doctype(str(fifo)).decode().replace("UTF-8", "UTF-16")
    path = tmp_path / "wide.tei.xml"
    path.write_bytes(text.encode("utf-16"))
    assert _read_in_child(path) == "xml_dtd"


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
@pytest.mark.parametrize("mode", ["whole", "parser-only"])
def test_strace_sees_no_dtd_opened(tmp_path: Path, mode: str) -> None:
    dtd = tmp_path / "attacker.dtd"
    dtd.write_text('<!ENTITY x "y">')
    cases = {
        "system.tei.xml": shapes.padded_prolog_doctype(f"file://{dtd}"),
        "entity.tei.xml": shapes.parameter_entity_doctype(str(dtd)),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        trace = tmp_path / f"{name}.trace"
        command = [sys.executable, "-c", _READ_ONE, str(path), mode]
        subprocess.run(
            ["strace", "-f", "-e", "trace=open,openat", "-o", str(trace), *command],
            capture_output=True,
            timeout=60,
            check=True,
            cwd=ROOT,
        )
        assert "attacker.dtd" not in trace.read_text(), name


def test_the_prolog_check_is_linear_in_many_small_comments() -> None:
    data = shapes.padded_prolog_doctype("x.dtd", padding_bytes=1_000_000, pieces=20_000)
    with pytest.raises(tm.TranscriptError) as caught:
        assert _timed(lambda: parse_xml(data)) < 2
    assert caught.value.problems[0].code == "xml_dtd"


# -- finding 12: elements, warnings and memory bounded -------------------------------------------


@pytest.mark.parametrize(
    ("shape", "module"),
    [(shapes.empty_notes_tei, tei), (shapes.empty_paragraphs_akn, akn)],
)
def test_more_elements_than_the_limit_are_refused_before_the_tree_is_built(
    shape: Callable[[int], bytes], module: object
) -> None:
    max_bytes = 1 << 20  # a limit of 32,768 elements
    data = shape(400_000)
    with pytest.raises(tm.TranscriptError) as caught:
        module.read(data, "big.xml", max_bytes=max_bytes)  # type: ignore[attr-defined]
    problem = caught.value.problems[0]
    assert problem.code == "too_many_elements"
    assert f"{element_limit(max_bytes):,} elements" in problem.message
    assert problem.line is not None
    # Under a limit that allows them, the same document reads.
    module.read(data, "big.xml", max_bytes=64 << 20)  # type: ignore[attr-defined]


def test_a_less_than_sign_in_a_comment_is_no_element() -> None:
    # The quick count is an upper bound; the parser's own count decides.
    comment = "<!--" + "<x " * 5000 + "-->"
    data = shapes.tei_document(comment)
    assert parse_xml(data, max_elements=100).getroot() is not None


def test_repeated_warnings_are_capped_with_a_count_of_the_rest() -> None:
    data = shapes.empty_notes_tei(100_000)  # 14,285 empty notes
    for problems in (tei.read(data, "n.xml").warnings, tei.validate(data, "n.xml").problems):
        dropped = [p for p in problems if p.code == "tei_dropped"]
        assert len(dropped) == REPEATED_PROBLEMS + 1
        assert dropped[-1].message.startswith("… and 14,185 more tei_dropped warnings")
    speeches = akn.read(shapes.empty_speeches_akn(50_000), "s.xml").warnings
    assert len(speeches) == REPEATED_PROBLEMS + 1
    assert "more akn_empty_speech warnings" in speeches[-1].message


def test_cap_keeps_order_and_counts_per_code_and_severity() -> None:
    problems = [Problem("a", str(n)) for n in range(5)] + [Problem("b", "x", severity="warning")]
    capped = cap_repeated(problems, keep=2)
    assert [(p.code, p.message[:5]) for p in capped] == [
        ("a", "0"), ("a", "1"), ("b", "x"), ("a", "… and")
    ]  # fmt: skip
    assert capped[-1].message.startswith("… and 3 more a errors")


@pytest.mark.skipif(not Path("/usr/bin/time").exists(), reason="needs /usr/bin/time")
def test_peak_memory_of_a_file_over_the_element_limit_is_a_small_multiple_of_its_size(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.tei.xml"
    path.write_bytes(shapes.empty_notes_tei(24_000_000))  # 3.4 million elements
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "transcript_model", "validate",
         str(path)],
        capture_output=True, text=True, timeout=120, check=False, cwd=ROOT,
    )  # fmt: skip
    assert "too_many_elements" in result.stdout
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    assert peak_kb * 1024 < 6 * path.stat().st_size


# -- findings 5 and 14: what a corpus root may include, and how much -------------------------


def test_a_root_including_one_list_many_times_is_refused_quickly(tmp_path: Path) -> None:
    root = shapes.xinclude_amplification(tmp_path, 400_000, 50)
    start = time.perf_counter()
    problems = tm.validate(root)
    assert time.perf_counter() - start < 5
    repeated = [p for p in problems if p.code == "tei_xinclude_repeated"]
    assert len(repeated) == 49
    assert all(p.line is not None and p.severity == "error" for p in repeated)


def test_duplicate_ids_across_a_root_and_its_parts_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(shapes.person_list(300))
    (tmp_path / "b.xml").write_bytes(shapes.person_list(300))  # the same ids again
    root = tmp_path / "Root.xml"
    root.write_bytes(shapes.corpus_root(["a.xml", "b.xml"]))
    duplicates = [p for p in tm.validate(root) if p.code == "tei_duplicate_id"]
    assert duplicates
    assert all(p.file == str((tmp_path / "b.xml").resolve()) for p in duplicates)
    assert "in " + str((tmp_path / "a.xml").resolve()) in duplicates[0].message


def test_a_root_expanding_past_the_byte_limit_is_refused(tmp_path: Path) -> None:
    for name in ("a.xml", "b.xml", "c.xml"):
        (tmp_path / name).write_bytes(shapes.person_list(40_000))
    root = tmp_path / "Root.xml"
    root.write_bytes(shapes.corpus_root(["a.xml", "b.xml", "c.xml"]))
    problems = tei.validate(root.read_bytes(), str(root), max_bytes=100_000).problems
    assert [p.code for p in problems] == ["too_large"]
    assert problems[0].line is not None
    assert "XIncludes" in problems[0].message


def test_includes_outside_the_corpus_folder_are_refused_alike_without_looking(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    secret = tmp_path / "secret.xml"
    secret.write_text("<x/>")
    (corpus / "escape.xml").symlink_to(secret)
    (corpus / "session.xml").write_text("<x/>")
    (corpus / "inner.xml").symlink_to("session.xml")
    outside = [
        "/etc/hostname", "/etc/does-not-exist", "../secret.xml", "../missing.xml",
        "file:///etc/hostname", "sub/../../secret.xml", "escape.xml", "C:/x.xml", "a\\b.xml",
    ]  # fmt: skip
    root = corpus / "Root.xml"
    root.write_bytes(shapes.corpus_root([], [*outside, "session.xml", "inner.xml", "gone.xml"]))
    problems = tm.validate(root)
    refused = [p.message for p in problems if p.code == "tei_xinclude"]
    assert len(refused) == len(outside) + 1
    hrefs = [*outside, "gone.xml"]
    messages = {href: next(m for m in refused if repr(href) in m) for href in hrefs}
    shapes_of = {messages[h].replace(repr(h), "HREF") for h in outside}
    assert len(shapes_of) == 1  # one message, whether the outside path exists or not
    assert "names no file" in messages["gone.xml"]


# -- quadratic shapes of the readers and validators ----------------------------------------------

_SHAPES = sorted(shapes.SIZED_SHAPES)


@pytest.mark.parametrize("name", _SHAPES)
def test_each_hostile_shape_reads_and_validates_quickly(name: str) -> None:
    data = shapes.SIZED_SHAPES[name](200_000)
    module = akn if name.endswith("_akn") else tei

    def both() -> None:
        with contextlib.suppress(tm.TranscriptError):  # a refusal is an answer too
            module.read(data, "shape.xml")  # type: ignore[attr-defined]
        module.validate(data, "shape.xml")  # type: ignore[attr-defined]

    assert _timed(both) < 2, name


def test_many_invalid_siblings_are_profile_checked_in_part_and_say_so() -> None:
    data = shapes.empty_notes_tei(100_000)  # 14,285 notes in one div
    problems = tei.validate(data, "n.xml").problems
    partial = [p for p in problems if p.code == "tei_profile_partial"]
    assert len(partial) == 1 and partial[0].severity == "warning"
    assert "14,28" in partial[0].message and partial[0].line is not None
    assert any(p.code == "tei_profile" for p in problems)


def test_speaker_ids_mapping_to_one_id_stay_distinct() -> None:
    transcript = akn.read(shapes.colliding_speakers_akn(20_000), "c.xml").transcripts[0]
    ids = [p.id for p in transcript.participants]
    assert len(ids) == len(set(ids)) > 300
    base = "a" + "-b" * 12
    assert ids[1:4] == [base, f"{base}-2", f"{base}-3"]  # after p1, in order of first speech
    people = tei.read(shapes.colliding_person_ids_tei(40_000), "p.xml").transcripts[0]
    tei_ids = [p.id for p in people.participants]
    assert len(tei_ids) == len(set(tei_ids)) > 400


@pytest.mark.parametrize(
    ("name", "size", "operation"),
    [
        # 5-20 s each on the landed code (quadratic), under a second now.
        ("many_speakers_akn", 1_000_000, "read"),
        ("many_ids_tei", 500_000, "validate"),
        ("empty_speeches_akn", 500_000, "validate"),
        ("colliding_speakers_akn", 200_000, "read"),
    ],
)
def test_shapes_that_were_quadratic_now_take_under_two_seconds(
    name: str, size: int, operation: str
) -> None:
    data = shapes.SIZED_SHAPES[name](size)
    module = akn if name.endswith("_akn") else tei
    work = getattr(module, operation)
    assert _timed(lambda: work(data, "shape.xml")) < 2, name


def test_pointers_of_a_document_the_profile_rejects_are_collected_in_linear_time() -> None:
    # 2 MB, ~37,000 utterances: 15-20 s on the landed code (an XPath union merged its node
    # sets with a scan per node), ~2.5 s now, most of it reporting the unknown categories.
    data = shapes.profile_rejected_pointers_tei(2_000_000)
    problems: list[Problem] = []
    assert _timed(lambda: problems.extend(tei.validate(data, "shape.xml").problems)) < 6
    assert {p.code for p in problems} >= {"tei_profile", "tei_pointer"}
