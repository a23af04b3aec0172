"""A warning about an element of the corpus root names the root's file, not the session's."""

from __future__ import annotations

import transcript_model as tm
from transcript_model.converters.tei import convert as tei

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "tei"
SESSION = DATA / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.xml"
CORPUS_ROOT = DATA / "siParl-SDT2-root-excerpt.xml"


def test_a_warning_about_the_corpus_root_is_located_in_the_root() -> None:
    result = tei.read(SESSION.read_bytes(), "session.xml", corpus_root=CORPUS_ROOT)
    mapped = [w for w in result.warnings if w.code == "tei_id_mapped"]
    assert mapped, "the root's organisation ids hold dots, which the model maps"
    lines = CORPUS_ROOT.read_text(encoding="utf-8").splitlines()
    for warning in mapped:
        assert warning.file == str(CORPUS_ROOT.resolve())
        assert warning.line is not None
        raw = warning.message.split("'")[1]
        # libxml2 gives the line where the start tag ends: the id is on it or just above.
        assert raw in "".join(lines[max(0, warning.line - 3) : warning.line])


def test_a_warning_about_the_session_itself_still_names_the_session() -> None:
    document = SESSION.read_bytes().replace(b'xml:lang="sl"', b'xml:lang="sl"', 1)
    document = document.replace(b"<note>Ne.</note>", b"<note></note>", 1)
    result = tm.read_result(document, "tei", origin="session.xml")
    assert all(w.file == "session.xml" for w in result.warnings)
