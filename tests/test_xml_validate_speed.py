"""Issue 18, AKN and TEI validation speed: the work taken out of the XML checks leaves every
answer as it was.

Each shortcut is checked two ways: the slow path it replaces is not taken where the shortcut
decides (a behavioural assertion that fails on the code before it), and where both apply they
give the same answer.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from transcript_model.converters._xml import safe
from transcript_model.converters.akn import convert as akn
from transcript_model.converters.tei.inline import profiled_paragraphs

ROOT = Path(__file__).resolve().parent.parent
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def _explode(*_: object) -> int:
    raise AssertionError("the slow path ran")


# -- parse_xml: no element count where the byte count bounds it ----------------------------------


def test_an_input_no_longer_than_the_element_limit_is_not_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(safe, "_start_tags_at_most", _explode)
    monkeypatch.setattr(safe, "_counted_elements", _explode)
    data = b"<a>" + b"<b/>" * 1000 + b"</a>"
    assert len(safe.parse_xml(data, max_elements=len(data)).getroot()) == 1000


def test_an_input_longer_than_the_element_limit_is_still_counted_and_refused() -> None:
    data = b"<a>" + b"<b/>" * 1000 + b"</a>"
    with pytest.raises(safe.TranscriptError) as error:
        safe.parse_xml(data, max_elements=999)
    assert error.value.problems[0].code == "too_many_elements"
    assert len(safe.parse_xml(data, max_elements=1001).getroot()) == 1000


# -- validation_copy: the '<' count bounds a schema check's worst case ---------------------------


def _wide(children: int, comment: bool = False) -> bytes:
    child = b"<!--c--><p/>" if comment else b"<p/>"
    return b"<?xml version='1.0' encoding='UTF-8'?><r><d>" + child * children + b"</d></r>"


def test_a_document_of_few_nodes_is_not_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _wide(2000)
    root = safe.parse_xml(data).getroot()
    monkeypatch.setattr(safe, "_error_steps", _explode)
    assert safe.validation_copy(root, data=data) is None


@pytest.mark.parametrize(
    ("data", "budget"),
    [
        (_wide(50), 100),  # over the budget: cut
        (_wide(50, comment=True), 100),
        (_wide(14), 100),  # '<' bound over the budget, the walk finds it fits
        (_wide(10), 100),  # both fit
        ("<r><d>é</d></r>".encode("utf-16"), 0),  # not ASCII-transparent: walked
    ],
    ids=["cut", "cut-with-comments", "bound-over-walk-fits", "both-fit", "utf-16"],
)
def test_the_bound_and_the_walk_agree(data: bytes, budget: int) -> None:
    root = safe.parse_xml(data).getroot()
    walked = safe.validation_copy(root, budget)
    bounded = safe.validation_copy(root, budget, data=data)
    assert (walked is None) == (bounded is None)
    if walked is not None and bounded is not None:
        assert (walked.kept, walked.children) == (bounded.kept, bounded.children)
        assert etree.tostring(walked.tree) == etree.tostring(bounded.tree)


def test_hostile_xml_fixtures_get_the_same_cut_either_way() -> None:
    for path in sorted((ROOT / "tests" / "data" / "hostile").glob("*.xml")):
        data = path.read_bytes()
        try:
            root = safe.parse_xml(data, str(path)).getroot()
        except safe.TranscriptError:
            continue  # refused before any schema check
        walked = safe.validation_copy(root)
        bounded = safe.validation_copy(root, data=data)
        assert (walked is None) == (bounded is None), path.name
        if walked is not None and bounded is not None:
            assert walked.kept == bounded.kept, path.name


# -- transcript validate: a batch without a corpus root imports no TEI reader ---------------------

_BATCH = """
import sys
from pathlib import Path
from transcript_model.cli.checking import corpus_roots_covered
from transcript_model.cli.inputs import InputFile
files = [InputFile(str(p), p) for p in sorted(Path(sys.argv[1]).iterdir())]
print(sorted(Path(d).name for d in corpus_roots_covered(files, None, 1 << 26)))
print("transcript_model.converters.tei.whole_corpus" in sys.modules)
"""


def _roots_in_child(folder: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _BATCH, str(folder)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout.split("\n")


def test_a_batch_without_corpus_root_does_not_import_the_tei_reader(tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"d{number}.akn.xml").write_text(f'<akomaNtoso xmlns="{AKN_NS}"/>')
    assert _roots_in_child(tmp_path)[:2] == ["[]", "False"]


def test_a_batch_with_a_corpus_root_and_its_session_still_finds_the_root(tmp_path: Path) -> None:
    session = f'<TEI xmlns="{TEI_NS}"><teiHeader/></TEI>'
    (tmp_path / "session.xml").write_text(session)
    root = (
        f'<teiCorpus xmlns="{TEI_NS}" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<teiHeader/><xi:include href="session.xml"/></teiCorpus>'
    )
    (tmp_path / "root.xml").write_text(root)
    lines = _roots_in_child(tmp_path)
    assert lines[0] == "['root.xml']"
    assert lines[1] == "True"


# -- AKN speeches: paragraphs read in one pass ------------------------------------------------


def test_every_shape_of_a_speech_paragraph_reads_as_before() -> None:
    # Our own output (a speech with a plain paragraph, inline insertions, an event and a tail),
    # read back: the written transcript is what comes back.
    from benchmarks.corpus import realistic_transcript

    transcript = realistic_transcript(3)
    data = akn.write([transcript]).encode("utf-8")
    result = akn.validate(data)
    assert result.transcripts == [transcript]
    paragraph = (
        '<p eId="x">Before <ins>[inserted]</ins> after<remark class="vocal">Applause</remark>'
        "end</p> tail text\n"
    )
    hand_made = data.replace(b"</from>", b"</from>" + paragraph.encode(), 1)
    speech = next(t for t in akn.validate(hand_made).transcripts[0].turns if t.kind == "speech")
    first, second = speech.paragraphs[0], speech.paragraphs[1]
    assert second == "tail text"
    assert first.kind == "paragraph"
    assert first.content[0] == "Before [inserted] after"
    assert first.content[1].kind == "vocal"
    assert first.content[-1] == "end"


# -- TEI: a profiled utterance's paragraphs ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<seg>One.</seg><seg>Two.</seg>", ["One.", "Two."]),
        ("<seg>One.</seg><seg>Two <hi>x</hi></seg>", None),  # inline markup: the full route
        ("<seg>One.</seg><note>n</note>", None),  # not a seg
        ("", []),
    ],
)
def test_profiled_paragraphs(body: str, expected: list[str] | None) -> None:
    u = etree.fromstring(f'<u xmlns="{TEI_NS}">{body}</u>')
    assert profiled_paragraphs(u) == expected
