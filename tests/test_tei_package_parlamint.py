"""ParlaMint packaging (``write_package``) of any model 1.1 transcript validates under the
``parlamint`` profile and reads back exactly (issue 15: "Our own ``--package`` output validates
under ``parlamint``, including listOrg and listPerson with affiliations")."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given

import transcript_model as tm
from transcript_model.converters.tei import convert as tei

from strategies import MODEL_1_1, transcripts


def _written(transcript: tm.Transcript, folder: Path) -> dict[str, str]:
    files = tei.write_package([transcript], corpus_id="Corpus", base_url="https://example.org/c")
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return files


@given(transcripts(MODEL_1_1))
def test_the_package_of_any_transcript_validates_under_parlamint(
    transcript: tm.Transcript,
) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _written(transcript, folder)
        problems = tm.validate(folder / "Corpus.xml", "tei", profile="parlamint")
        assert problems == []
        [back] = tm.read_result(folder / f"{transcript.id}.xml").transcripts
    assert back == transcript
