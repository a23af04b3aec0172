"""Validation of AKN files: well-formedness, the OASIS XSD, pointers the XSD does not check,
and the model.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from transcript_model.errors import (
    REPEATED_PROBLEMS,
    CappedProblems,
    Problem,
    TranscriptError,
    cap_repeated,
    excerpt,
)
from transcript_model.inputs import DEFAULT_MAX_BYTES, ValidationResult

from .._xml.safe import parse_xml, partial_check_warning, validation_copy
from .._xml.text import clip, shorten_quoted
from .common import AKN30, line_of, reference_key
from .reader import read_tree

#: Pointer attributes and the reference kinds each may name (None: any kind).
_POINTERS: dict[str, frozenset[str] | None] = {
    "by": frozenset({"TLCPerson", "TLCOrganization", "TLCRole"}),
    "as": frozenset({"TLCRole"}),
    "refersTo": None,
    "dictionary": None,
}
_POINTER_NAMES = frozenset(_POINTERS)
#: Inputs up to this size keep every element's proxy alive while they are checked: ~70 bytes
#: an element, at most ~70 MB here even for a document of nothing but empty elements.
_HOLD_UP_TO = 4 * 1024 * 1024
_ID_ATTRIBUTES = ("eId", "wId", "id", "{http://www.w3.org/XML/1998/namespace}id")


def xsd_resource() -> Path:
    """The OASIS ``akomantoso30.xsd`` shipped with this package (schema/akn/README.md)."""
    # schema/ is installed as transcript_model.schemas (editable installs map it to the checkout),
    # as a folder of files: the XSD's relative import of xml.xsd needs a real path.
    return Path(
        str(importlib.resources.files("transcript_model.schemas") / "akn" / "akomantoso30.xsd")
    )


@functools.cache
def schema() -> etree.XMLSchema:
    """The OASIS Akoma Ntoso 3.0 XSD, compiled once per process."""
    # A trusted file of this package; its one import, xml.xsd, is the sibling file (a relative
    # schemaLocation: nothing is fetched from the network).
    return etree.XMLSchema(etree.parse(str(xsd_resource())))


def schema_problems(tree: etree._ElementTree, origin: str) -> list[Problem]:
    """Every error the 3.0 XSD reports, located."""
    checker = schema()
    if checker.validate(tree):
        return []
    # Every problem here has one code and severity: only the first REPEATED_PROBLEMS are kept
    # whole, the rest are counted. Shortening a message (a regex over up to ~1 KB) is the
    # costly part, so the counted ones are not shortened: 10,000 errors took 1.5 s before.
    errors: Iterable[Any] = checker.error_log  # type: ignore[assignment]  # stubs lack __iter__
    return cap_repeated(
        Problem(
            "akn_schema",
            shorten_quoted(error.message) if index < REPEATED_PROBLEMS else error.message,
            origin,
            error.line or None,
            error.column or None,
        )
        for index, error in enumerate(errors)
    )


def pointer_problems(
    tree: etree._ElementTree, origin: str, elements: Iterable[etree._Element] | None = None
) -> list[Problem]:
    """``by``, ``as``, ``refersTo`` and ``dictionary`` pointers that name nothing.

    ``by``, ``as`` and ``dictionary`` must name an entry of ``meta/references`` (``as`` a
    ``TLCRole``); ``refersTo`` may also name any element of the document by its id.
    ``elements``: every element of the document in document order, when the caller has them.
    """
    root = tree.getroot()
    entries = _reference_kinds(root)
    anchors: set[str] | None = None  # collected only when a refersTo names no entry
    problems = CappedProblems()
    # iter(etree.Element) skips comments and processing instructions in C, and a set test
    # of the attribute names passes over the many elements that point nowhere (keys() is
    # cheaper than iterating .attrib, and much cheaper than four get() calls).
    for element in root.iter(etree.Element) if elements is None else elements:
        for attribute, value, kinds in unsettled_pointers(element, entries):
            if attribute == "refersTo" and value.startswith("#") and value[1:] not in entries:
                # refersTo may also name a part of the document (a voting refers to the
                # section voted on).
                anchors = _anchors(root) if anchors is None else anchors
                if value[1:] in anchors:
                    continue
            problem = _pointer_problem(element, attribute, value, entries, kinds)
            if problem:
                problems.append(
                    Problem(
                        "akn_unresolved",
                        problem,
                        origin,
                        line_of(element),
                        severity="error" if _names_a_speaker(element, value) else "warning",
                    )
                )
    return problems.result()


#: Where a pointer says who speaks or attends, or in what part: a speech's @by and @as, a
#: person or a role element (wherever it stands; but "#", see below). A pointer
#: elsewhere (a count's, a section's, the FRBR metadata's) that names nothing is reported as
#: a warning: the OASIS schema does not require its target, and official exports (the
#: Oireachtas's) leave many unresolved.
_SPEAKER_ELEMENTS = frozenset({"speech", "question", "answer", "person", "role"})


def _names_a_speaker(element: etree._Element, value: str) -> bool:
    # "#" alone names no one on purpose: the Oireachtas's witnesses, whom the label names.
    return value != "#" and etree.QName(element).localname in _SPEAKER_ELEMENTS


def unsettled_pointers(
    element: etree._Element, entries: dict[str, str]
) -> Iterator[tuple[str, str, frozenset[str] | None]]:
    """(attribute, value, kinds it must name) of every pointer of ``element`` that does not
    name an entry of ``meta/references`` of the right kind (an empty ``by`` is none)."""
    names = element.keys()
    if _POINTER_NAMES.isdisjoint(names):
        return
    for attribute, kinds in _POINTERS.items():
        if attribute not in names:
            continue  # keys() said so: no get() for a pointer the element lacks
        value = element.get(attribute, "").strip()  # "#SesionOrdinaria     " (Chile's Senate)
        # Most pointers name an entry of the right kind: one lookup settles them.
        kind = entries.get(value[1:]) if value[:1] == "#" else None
        if kind is not None and (kinds is None or kind in kinds):
            continue
        if attribute == "by" and value == "":
            continue
        yield attribute, value, kinds


def _reference_kinds(root: etree._Element) -> dict[str, str]:
    """The kind (``TLCPerson``…) of every ``meta/references`` entry, by the key pointers use."""
    namespace = etree.QName(root).namespace or ""
    entries: dict[str, str] = {}
    for references in root.iter(f"{{{namespace}}}references"):
        for entry in references.iterchildren(etree.Element):
            key = reference_key(entry)
            if key is not None:
                # "{namespace}TLCPerson" → "TLCPerson", without building an etree.QName.
                entries.setdefault(key, entry.tag.rpartition("}")[2])
    return entries


def _anchors(root: etree._Element) -> set[str]:
    """Every id of an element of the document."""
    return {
        value
        for element in root.iter(etree.Element)
        for value in (element.get(a) for a in _ID_ATTRIBUTES)
        if value
    }


def _pointer_problem(
    element: Any, attribute: str, value: str, entries: dict[str, str], kinds: Any
) -> str | None:
    if not value.startswith("#"):
        # An absolute or relative URI points outside the document: nothing to resolve here.
        return None if value else f"{_where(element, attribute, value)}: empty pointer"
    kind = entries.get(value[1:])
    if kind is None:
        return f"{_where(element, attribute, value)} names no entry of meta/references"
    if kinds is not None and kind not in kinds:
        expected = " or ".join(sorted(kinds))
        return f"{_where(element, attribute, value)} names a {kind}, expected {expected}"
    return None


def _where(element: Any, attribute: str, value: str) -> str:
    # Built only for a problem: most pointers resolve.
    return f"{clip(etree.QName(element).localname)}/@{attribute}={excerpt(value)}"


def validate_document(
    data: bytes, origin: str = "<input>", max_bytes: int = DEFAULT_MAX_BYTES
) -> ValidationResult:
    """Every problem of an AKN file; the transcript too when the model can be read."""
    try:
        tree = parse_xml(data, origin, max_bytes)
    except TranscriptError as error:
        return ValidationResult([], error.problems)
    namespace = etree.QName(tree.getroot()).namespace or ""
    problems: list[Problem] = []
    if namespace == AKN30:
        cut = validation_copy(tree.getroot(), data=data)
        problems += schema_problems(tree if cut is None else cut.tree, origin)
        if cut is not None:
            problems.append(partial_check_warning(cut, "akn_schema_partial", "the XSD", origin))
    else:
        problems.append(
            Problem(
                "akn_schema_skipped",
                f"namespace {excerpt(namespace or '(none)')} is not AKN 3.0: the OASIS 3.0 XSD "
                "was not applied",
                origin,
                line_of(tree.getroot()),
                severity="warning",
            )
        )
    # lxml builds a Python proxy for an element on each access unless one is alive: holding
    # them all while the reader runs lets it reuse the ones the pointer walk built (~1% of
    # the check). Not for big inputs, whose proxies could take more memory than the tree.
    elements = list(tree.getroot().iter(etree.Element)) if len(data) <= _HOLD_UP_TO else None
    problems += pointer_problems(tree, origin, elements)
    try:
        result = read_tree(tree, origin)
    except TranscriptError as error:
        return ValidationResult([], problems + error.problems)
    return ValidationResult(result.transcripts, problems + result.warnings)
