"""``max_bytes`` / ``--max-bytes`` reaches every reader, not only the file read (issue 17).

XML readers derive their element limit from the byte limit (``_xml.safe.element_limit``), so an
input with more elements than a small limit allows shows whether the limit given reached the
parser: before, TEI and AKN always parsed under the 64 MiB default whatever was asked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import transcript_model as tm
from benchmarks.hostile_shapes_xml import empty_notes_tei, empty_paragraphs_akn
from transcript_model.cli import main

SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "tei": ("notes.tei.xml", empty_notes_tei),
    "akn": ("paragraphs.akn.xml", empty_paragraphs_akn),
}
SMALL_LIMIT = 200_000  # allows 6,250 elements; the input holds over 10,000
LARGE_LIMIT = 10_000_000


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_the_api_limit_reaches_the_xml_parser(name: str, tmp_path: Path) -> None:
    file_name, make = SHAPES[name]
    path = tmp_path / file_name
    path.write_bytes(make(100_000))
    problems = tm.validate(path, max_bytes=SMALL_LIMIT)
    assert [p.code for p in problems if p.severity == "error"] == ["too_many_elements"]
    assert not any(p.code == "too_many_elements" for p in tm.validate(path, max_bytes=LARGE_LIMIT))


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_the_command_line_limit_reaches_the_xml_parser(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file_name, make = SHAPES[name]
    path = tmp_path / file_name
    path.write_bytes(make(100_000))
    main(["validate", "--max-bytes", str(SMALL_LIMIT), str(path)])
    assert "[too_many_elements]" in capsys.readouterr().out
    main(["validate", "--max-bytes", str(LARGE_LIMIT), str(path)])
    assert "[too_many_elements]" not in capsys.readouterr().out


def test_a_file_over_the_limit_is_refused_from_its_size_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.tei.xml"
    with path.open("wb") as handle:  # a sparse file: refusing it must not read its 300 MB
        handle.truncate(300_000_000)
    code = main(["validate", "--max-bytes", "1000", str(path)])
    assert code == 2
