"""TEI schema problems: only the messages that are kept are shortened (cap first, then shorten),
for the project profile and the parlamint profile alike; the rest are only counted."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lxml import etree

import transcript_model as tm
from transcript_model.converters.tei import convert as tei
from transcript_model.converters.tei import profiles
from transcript_model.errors import REPEATED_PROBLEMS

#: An element name libxml2 quotes whole in its messages (they are cut to an excerpt).
LONG_NAME = "v" * 200


def _broken_document(speeches: int) -> bytes:
    """Our own TEI document with an unknown, long-named element before every seg: two profile
    errors per utterance."""
    transcript = tm.Transcript.model_validate(
        {
            "id": "t", "language": "en", "event": {"title": "T", "date": "2020-01-01"},
            "participants": [{"id": "p", "name": "P"}],
            "turns": [{"kind": "speech", "speaker": "p", "paragraphs": ["x"]}] * speeches,
        }
    )  # fmt: skip
    document = tm.write(transcript, "tei")
    return document.replace("<seg ", f"<{LONG_NAME}/><seg ").encode("utf-8")


def _counting(monkeypatch: pytest.MonkeyPatch, module: object) -> list[str]:
    calls: list[str] = []
    real = module.shorten_quoted  # type: ignore[attr-defined]

    def counted(message: str) -> str:
        calls.append(message)
        return str(real(message))

    monkeypatch.setattr(module, "shorten_quoted", counted)
    return calls


def test_the_project_profile_shortens_only_the_messages_it_keeps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counting(monkeypatch, tei)
    tree = etree.ElementTree(etree.fromstring(_broken_document(300)))
    started = time.perf_counter()
    problems = tei._profile_problems(tree, "t.xml")
    assert time.perf_counter() - started < 2
    # 600 errors: a hundred listed, shortened, and one summary of the rest.
    assert len(problems) == REPEATED_PROBLEMS + 1
    assert "500 more tei_profile errors" in problems[-1].message
    assert len(calls) == REPEATED_PROBLEMS
    assert LONG_NAME not in problems[0].message and "vvv..." in problems[0].message


def test_the_parlamint_profile_shortens_only_the_messages_it_keeps(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = _counting(monkeypatch, profiles)
    # A person list whose every person has an attribute ParlaMint does not know.
    persons = "".join(
        f'<person xml:id="p{i}" {LONG_NAME}="x"><persName><term>P</term></persName></person>'
        for i in range(300)
    )
    path = tmp_path / "list.xml"
    path.write_text(f'<listPerson xmlns="http://www.tei-c.org/ns/1.0">{persons}</listPerson>')
    problems = tm.validate(path, "tei", profile="parlamint")
    assert len(problems) == REPEATED_PROBLEMS + 1
    assert "more tei_parlamint errors" in problems[-1].message
    assert len(calls) == REPEATED_PROBLEMS
    assert all(LONG_NAME not in p.message for p in problems)
