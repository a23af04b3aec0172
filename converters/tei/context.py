"""What reading one TEI document collects, and the person and category indexes it reads with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from transcript_model.errors import (
    CappedProblems,
    Problem,
    excerpt,
)

from .common import (
    PARTICIPANT_SUFFIX,
    XML_ID,
    T,
)
from .values import MODEL_ID, all_text, bidi_control, clean_name, find, line_of

_CATEGORY, _TAXONOMY, _CAT_DESC, _TERM = (
    T + n for n in ("category", "taxonomy", "catDesc", "term")
)


@dataclass
class IdMap:
    """Maps the ids of a TEI file to model ids, deterministically and one-to-one."""

    mapped: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    #: The last number given to each base id: thousands of ids mapping to one base made each
    #: new one count past all the numbers before it.
    numbers: dict[str, int] = field(default_factory=dict)

    def get(self, raw: str) -> tuple[str, bool]:
        """The model id for ``raw`` and whether it differs from ``raw``."""
        known = self.mapped.get(raw)
        if known is not None:
            return known, known != raw
        if raw.endswith(PARTICIPANT_SUFFIX) and MODEL_ID.match(raw[: -len(PARTICIPANT_SUFFIX)]):
            raw_id = raw[: -len(PARTICIPANT_SUFFIX)]
            if raw_id not in self.used:
                self.used.add(raw_id)
                self.mapped[raw] = raw_id
                return raw_id, False
        candidate = (
            raw
            if MODEL_ID.match(raw)
            else "".join(c if MODEL_ID.match("a" + c) else "_" for c in raw)
        )
        if not MODEL_ID.match(candidate):
            candidate = "_" + candidate
            if not MODEL_ID.match(candidate):
                candidate = "_"
        base = candidate
        number = self.numbers.get(base, 1)
        while candidate in self.used:
            number += 1
            candidate = f"{base}-{number}"
        self.numbers[base] = number
        self.used.add(candidate)
        self.mapped[raw] = candidate
        return candidate, candidate != raw


@dataclass
class Context:
    """What reading one document collects."""

    origin: str
    profiled: bool = False
    persons: dict[str, etree._Element] = field(default_factory=dict)
    local_persons: list[str] = field(default_factory=list)
    #: ``org`` elements of the file and its corpus root, by xml:id; those of the file itself.
    orgs: dict[str, etree._Element] = field(default_factory=dict)
    local_orgs: list[str] = field(default_factory=list)
    organisations: dict[str, dict[str, Any]] = field(default_factory=dict)
    sitting: dict[str, Any] = field(default_factory=dict)
    categories: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: At most a hundred of one code: a file of a million empty notes is a million warnings.
    warnings: CappedProblems = field(default_factory=CappedProblems)
    ids: IdMap = field(default_factory=IdMap)
    participants: dict[str, dict[str, Any]] = field(default_factory=dict)
    turns: list[dict[str, Any]] = field(default_factory=list)
    event: dict[str, Any] = field(default_factory=dict)
    captions: list[dict[str, Any]] = field(default_factory=list)
    dropped_ana: set[str] = field(default_factory=set)
    links: list[dict[str, Any]] = field(default_factory=list)
    narrative: dict[str, Any] | None = None
    placed_links: dict[int, dict[str, Any]] = field(default_factory=dict)

    def warn(self, code: str, message: str, element: etree._Element | None = None) -> None:
        line = line_of(element)
        # An element of the corpus root is located in the root's file (load_corpus_root names
        # its tree); the document's own elements have no such name.
        origin = self.origin
        if element is not None:
            origin = element.getroottree().docinfo.URL or origin
        self.warnings.append(Problem(code, message, origin, line, severity="warning"))

    def name(self, value: str, element: etree._Element | None, what: str) -> str | None:
        """``value`` as a model Name (:func:`clean_name`), with a located warning when it is
        dropped for holding a bidirectional control: dropped silently, a spoofed name would
        just vanish (a speaker shown by id, a title missing) with nothing saying why."""
        cleaned = clean_name(value)
        if cleaned is None:
            control = bidi_control(value)
            if control is not None:
                self.warn(
                    "tei_dropped",
                    f"{what} {excerpt(value)} holds {control}: bidirectional embedding, "
                    "override and isolate controls are refused in names because they can make "
                    "one name display as another; dropped",
                    element,
                )
        return cleaned

    def role_of(self, token: str) -> tuple[str | None, str | None]:
        return self.categories.get(token, (None, None))


def collect_persons(root: etree._Element, into: dict[str, etree._Element]) -> list[str]:
    """Index every ``person`` with an xml:id under ``root``; return the new ids in order."""
    return _collect(root, T + "person", into)


def collect_orgs(root: etree._Element, into: dict[str, etree._Element]) -> list[str]:
    """Index every ``org`` with an xml:id under ``root``; return the new ids in order."""
    return _collect(root, T + "org", into)


def _collect(root: etree._Element, tag: str, into: dict[str, etree._Element]) -> list[str]:
    added = []
    for element in root.iter(tag):
        identifier = element.get(XML_ID)
        if identifier and identifier not in into:
            into[identifier] = element
            added.append(identifier)
    return added


def collect_categories(
    root: etree._Element, into: dict[str, tuple[str | None, str | None]]
) -> None:
    """Index every ``category`` by xml:id as (taxonomy id, term)."""
    for category in root.iter(_CATEGORY):
        cid = category.get(XML_ID)
        if not cid or cid in into:
            continue
        taxonomy = next(category.iterancestors(_TAXONOMY), None)
        term = find(category, _CAT_DESC, _TERM)
        if term is None:
            term = find(category, _CAT_DESC)
        into[cid] = (
            taxonomy.get(XML_ID) if taxonomy is not None else None,
            all_text(term) if term is not None else None,
        )
