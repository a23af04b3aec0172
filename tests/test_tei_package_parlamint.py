"""ParlaMint packaging (``write_package``) of any model 1.1 transcript validates under the
``parlamint`` profile and reads back exactly (issue 15: "Our own ``--package`` output validates
under ``parlamint``, including listOrg and listPerson with affiliations")."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_model_1_1 import _session

import transcript_model as tm
from transcript_model.converters.tei import convert as tei
from transcript_model.converters.tei.common import BODY_NAME, CC_BY_ALIASES

from conftest import ROOT
from strategies import MODEL_1_1, transcripts


def _written(transcript: tm.Transcript, folder: Path) -> dict[str, str]:
    files = tei.write_package([transcript], corpus_id="Corpus", base_url="https://example.org/c")
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return files


@given(transcripts(MODEL_1_1), st.sampled_from(sorted(CC_BY_ALIASES)))
def test_the_package_of_any_cc_by_transcript_validates_under_parlamint(
    drawn: tm.Transcript, licence: str
) -> None:
    # ParlaMint admits CC BY 4.0 only; other licences are written as they are (tested below).
    metadata = drawn.metadata.model_copy(update={"licence": licence})
    transcript = drawn.model_copy(update={"metadata": metadata})
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _written(transcript, folder)
        problems = tm.validate(folder / "Corpus.xml", "tei", profile="parlamint")
        assert problems == []
        [back] = tm.read_result(folder / f"{transcript.id}.xml").transcripts
    assert back == transcript


# transcript validate: dangling organisation references (issue 15 follow-up).


def _third_party(**replace: str) -> bytes:
    document = tm.write(tm.Transcript.model_validate(_session()), "tei")
    for old, new in replace.items():
        assert old in document
        document = document.replace(old, new, 1)
    return document.encode("utf-8")


@pytest.mark.parametrize(
    ("old", "new", "attribute"),
    [
        ('affiliation ref="#DZ"', 'affiliation ref="#Nowhere"', "ref"),
        ('meeting n="2" ana="#parla.term"', 'meeting n="2" corresp="#Nowhere" ana="#parla.term"',
         "corresp"),
        ('orgName type="body" ref="#DZ"', 'orgName type="body" ref="#Nowhere"', "ref"),
    ],
)  # fmt: skip
def test_a_dangling_organisation_reference_is_reported(old: str, new: str, attribute: str) -> None:
    data = _third_party(**{old: new})
    problems = [p for p in tei.validate(data, "t.xml").problems if p.code == "tei_pointer"]
    assert len(problems) == 1
    assert f" {attribute}> points to '#Nowhere'" in problems[0].message


def test_a_dangling_key_of_a_package_setting_name_is_reported(tmp_path: Path) -> None:
    files = _written(tm.Transcript.model_validate(_session()), tmp_path)
    session = tmp_path / "si-2-21.xml"
    assert f'type="{BODY_NAME}" key="DZ"' in files["si-2-21.xml"]
    session.write_text(
        files["si-2-21.xml"].replace(
            f'type="{BODY_NAME}" key="DZ"', f'type="{BODY_NAME}" key="No"'
        ),
        "utf-8",
    )
    problems = [p for p in tm.validate(session) if p.code == "tei_pointer"]
    assert len(problems) == 1 and "<name key> points to '#No'" in problems[0].message


def test_the_pointer_check_stays_linear() -> None:
    # 20,000 dangling affiliation references: each reported once (a hundred listed).
    persons = "".join(
        f'<person xml:id="p{i}"><persName>P</persName><affiliation ref="#x{i}" role="member"/>'
        "</person>"
        for i in range(20_000)
    )
    data = _third_party(**{"<listPerson>": f"<listPerson>{persons}"})
    started = time.perf_counter()
    problems = tei.validate(data, "t.xml").problems
    assert time.perf_counter() - started < 5
    pointers = [p for p in problems if p.code == "tei_pointer"]
    assert len(pointers) == 101 and "19,900 more" in pointers[-1].message


# The ParlaMint 4 layout of the siParl root excerpt XIncludes its listOrg too.

TEI_DATA = ROOT / "tests" / "data" / "tei"
SIPARL_SESSION = TEI_DATA / "siParl-KPZONOJFSPD-Redna-021-1998-11-25.xml"


def test_the_xinclude_root_gives_the_same_affiliations_as_the_excerpt_root() -> None:
    def read(root: str) -> tuple[tm.Transcript, list[str]]:
        result = tei.read(SIPARL_SESSION.read_bytes(), SIPARL_SESSION.name,
                          corpus_root=TEI_DATA / root)  # fmt: skip
        return result.transcripts[0], [w.message for w in result.warnings]

    through_excerpt, _ = read("siParl-SDT2-root-excerpt.xml")
    through_includes, warnings = read("siParl-SDT2-root-xinclude.xml")
    affiliations = {p.id: p.affiliations for p in through_excerpt.participants}
    assert any(affiliations.values())
    assert {p.id: p.affiliations for p in through_includes.participants} == affiliations
    assert through_includes.organisations == through_excerpt.organisations
    assert not [w for w in warnings if "no organisation" in w]


def test_a_role_outside_parlamints_list_is_member_with_its_category(tmp_path: Path) -> None:
    transcript = tm.Transcript.model_validate(_session() | {"metadata": {"licence": "CC-BY-4.0"}})
    files = _written(transcript, tmp_path)
    people = files["Corpus-listPerson.xml"]
    assert 'role="member" ana="#tm.affiliation.MP"' in people
    assert "<term>MP</term>" in files["Corpus-taxonomy-tm.affiliation.xml"]
    assert tm.validate(tmp_path / "Corpus.xml", "tei", profile="parlamint") == []
    [back] = tm.read_result(tmp_path / "si-2-21.xml").transcripts
    assert [a.role for p in back.participants for a in p.affiliations] == ["MP", "member"]


@pytest.mark.parametrize(
    ("licence", "parlamint_valid"),
    [
        ("CC-BY-4.0", True),
        ("http://creativecommons.org/licenses/by/4.0/", True),
        (None, False),
        ("All rights reserved", False),
    ],
)
def test_a_package_states_the_licence_its_text_has(
    tmp_path: Path, licence: str | None, parlamint_valid: bool
) -> None:
    # ParlaMint's schema admits only CC BY 4.0: a package never claims it for a text under
    # another licence or none, and is then (honestly) not a valid ParlaMint component.
    session = _session()
    session.setdefault("metadata", {})["licence"] = licence
    transcript = tm.Transcript.model_validate(session)
    files = _written(transcript, tmp_path)
    claims_cc_by = "<licence>http://creativecommons.org/licenses/by/4.0/</licence>"
    assert (claims_cc_by in files["si-2-21.xml"]) is parlamint_valid
    problems = tm.validate(tmp_path / "Corpus.xml", "tei", profile="parlamint")
    assert (problems == []) is parlamint_valid
    assert tm.validate(tmp_path / "si-2-21.xml", "tei") == []  # the project profile takes it
    [back] = tm.read_result(tmp_path / "si-2-21.xml").transcripts
    assert back.metadata.licence == licence
