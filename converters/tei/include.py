"""The files a ParlaMint corpus root XIncludes: which ones may be read, and splicing them in.

A corpus root comes with the files it names, and names them itself, so what it may reach is
held to its own folder: an ``href`` is judged from its text first (no URL scheme, not absolute,
no ``..`` above the folder) and only then looked up, one component at a time without following
a symbolic link out of the folder, so that neither the answer nor its timing tells whether a
path outside exists. What a root expands to is bounded like a file: each file is spliced in
once, and all of them together stay within the byte and element limits of one input.
"""

from __future__ import annotations

import os
import re
import stat
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from lxml import etree

from transcript_model.errors import CappedProblems, Problem, TranscriptError, excerpt
from transcript_model.inputs import read_bytes

from .._xml.safe import element_limit, parse_xml
from .common import XI_NS, XML_ID, T
from .values import find, line_of

INCLUDE = "{" + XI_NS + "}include"
#: How much of an href a message quotes: more than an excerpt, as a file name is what the user
#: must find (ParlaMint session names run to 70 characters and more), yet bounded; no file
#: name is longer on common file systems.
HREF_CHARACTERS = 255
#: A URI scheme ("http:", "file:") or a Windows drive ("C:").
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: Symbolic links followed inside the folder before a path counts as missing (as Linux does).
_MAX_LINKS = 40


def quoted_href(href: str) -> str:
    """An href of a corpus root as messages quote it."""
    return excerpt(href, HREF_CHARACTERS)


@dataclass(frozen=True)
class IncludeTarget:
    """Where an ``href`` of a corpus root leads: ``inside`` is False when it was refused for
    leaving the root's folder (decided without looking outside); ``path`` is the regular file
    inside the folder, None when there is none."""

    inside: bool
    path: Path | None = None


_OUTSIDE = IncludeTarget(inside=False)
_MISSING = IncludeTarget(inside=True)


def include_target(base: Path, href: str) -> IncludeTarget:
    """The file ``href`` names in the folder ``base`` (a corpus root's folder)."""
    parts = _relative_parts(href)
    if parts is None:
        return _OUTSIDE
    return _walk(base.resolve(), parts)


def _relative_parts(href: str) -> list[str] | None:
    """The path components of ``href``, or None when its text alone puts it outside."""
    if not href or _SCHEME.match(href) or href.startswith("/") or "\\" in href:
        return None
    parts = [part for part in PurePosixPath(href).parts if part not in ("", ".")]
    depth = 0
    for part in parts:
        depth += -1 if part == ".." else 1
        if depth < 0:
            return None
    return parts


def _walk(base: Path, parts: list[str]) -> IncludeTarget:
    """Follow ``parts`` from ``base``, a symbolic link at a time, never past the folder."""
    current, pending, links = base, deque(parts), 0
    mode = os.lstat(base).st_mode
    while pending:
        part = pending.popleft()
        if part in ("", "."):
            continue
        if part == "..":
            if current == base:
                return _OUTSIDE
            current = current.parent
            continue
        candidate = current / part
        try:
            mode = os.lstat(candidate).st_mode
        except OSError:
            return _MISSING
        if not stat.S_ISLNK(mode):
            current = candidate
            continue
        links += 1
        if links > _MAX_LINKS:
            return _MISSING
        target = PurePosixPath(os.readlink(candidate))
        if target.is_absolute():
            inside = _lexically_inside(base, target)
            if inside is None:
                return _OUTSIDE
            current, pending = base, deque([*inside, *pending])
        else:
            pending.extendleft(reversed(target.parts))
    return IncludeTarget(True, current) if stat.S_ISREG(mode) else _MISSING


def _lexically_inside(base: Path, target: PurePosixPath) -> list[str] | None:
    normal = PurePosixPath(os.path.normpath(target))
    try:
        return list(normal.relative_to(PurePosixPath(base)).parts)
    except ValueError:
        return None


@dataclass
class _Expansion:
    """What splicing one corpus root has taken so far."""

    name: str
    max_bytes: int
    elements_left: int
    check_ids: bool
    problems: CappedProblems
    spliced: set[Path]
    bytes_read: int = 0
    ids: dict[str, str] | None = None


def load_corpus_root(
    corpus_root: bytes | os.PathLike[str], max_bytes: int
) -> tuple[etree._Element, list[Problem]]:
    """Parse a corpus root and splice in the header files it XIncludes (when it is a path).

    Only ``xi:include`` elements inside the corpus header are followed (person, organisation
    and taxonomy lists), only to files in the root's folder, and each through the same safe
    parser; the component files it includes are not read. What is wrong with the root itself
    comes back as warnings: it is checked as an error when the root is validated.
    """
    if isinstance(corpus_root, bytes):
        name, data, base = "<corpus root>", corpus_root, None
    else:
        path = Path(corpus_root)
        name, data, base = str(path), read_bytes(path, max_bytes), path.parent
    tree = parse_xml(data, name, max_bytes)
    # Read for a session file, the root's elements are located in their own file: a warning
    # about one names the root (see Context.warn), not the session.
    tree.docinfo.URL = name
    root = tree.getroot()
    problems = splice_header_includes(root, base, name, max_bytes)
    return root, [replace(problem, severity="warning") for problem in problems]


def splice_header_includes(
    root: etree._Element,
    base: Path | None,
    name: str,
    max_bytes: int,
    *,
    check_ids: bool = False,
) -> list[Problem]:
    """Replace the ``xi:include`` elements of a corpus root's header by the files they name
    (in ``base``, the root's folder; none when it is unknown).

    Returns a warning for each include not followed and an error for each file included a
    second time (not spliced again), and with ``check_ids`` an error for each xml:id used
    twice in the root and its parts. Raises ``too_large`` / ``too_many_elements`` when the
    parts together exceed the limits of one file of ``max_bytes``.
    """
    expansion = _Expansion(
        name,
        max_bytes,
        element_limit(max_bytes) - sum(1 for _ in root.iter()),
        check_ids,
        CappedProblems(),
        set(),
        ids={} if check_ids else None,
    )
    _collect_ids(expansion, root, name)
    header = find(root, T + "teiHeader")
    for include in list(header.iter(INCLUDE) if header is not None else []):
        _splice(expansion, include, base)
    return expansion.problems.result()


def _splice(expansion: _Expansion, include: etree._Element, base: Path | None) -> None:
    href = include.get("href") or ""
    target = include_target(base, href) if base is not None else _OUTSIDE
    if target.path is None:
        expansion.problems.append(
            Problem(
                "tei_xinclude",
                f"corpus root: xi:include of {quoted_href(href)} not followed (only files inside "
                "the folder of a corpus root given as a path are read)",
                expansion.name,
                line_of(include),
                severity="warning",
            )
        )
        return
    if target.path in expansion.spliced:
        expansion.problems.append(
            Problem(
                "tei_xinclude_repeated",
                f"corpus root: xi:include of {quoted_href(href)} names a file included already; "
                "each file is included once (it is not read again)",
                expansion.name,
                line_of(include),
            )
        )
        return
    expansion.spliced.add(target.path)
    included = _read_part(expansion, target.path, include)
    _collect_ids(expansion, included, str(target.path))
    parent = include.getparent()
    if parent is not None:
        parent.replace(include, included)


def _read_part(expansion: _Expansion, path: Path, include: etree._Element) -> etree._Element:
    """Parse one included file within what the root has left of one file's limits."""
    try:
        data = read_bytes(path, expansion.max_bytes - expansion.bytes_read)
        expansion.bytes_read += len(data)
        part = parse_xml(data, str(path), expansion.max_bytes, max(expansion.elements_left, 0))
    except TranscriptError as error:
        code = error.problems[0].code
        if code not in ("too_large", "too_many_elements"):
            raise
        what = "bytes" if code == "too_large" else "elements"
        raise TranscriptError.single(
            code,
            f"corpus root: with the files it XIncludes it holds more {what} than one input "
            f"may ({expansion.max_bytes:,} bytes, {element_limit(expansion.max_bytes):,} "
            "elements; raise them with max_bytes / --max-bytes)",
            expansion.name,
            line_of(include),
        ) from None
    expansion.elements_left -= sum(1 for _ in part.iter())
    return part.getroot()


def _collect_ids(expansion: _Expansion, root: etree._Element, file: str) -> None:
    """Report each xml:id seen before in the root or an earlier part (one set, one pass)."""
    ids = expansion.ids
    if ids is None:
        return
    for element in root.iter():
        value = element.get(XML_ID)
        if value is None:
            continue
        first = ids.get(value)
        if first is None:
            ids[value] = file
        else:
            where = "earlier in this file" if first == file else f"in {first}"
            expansion.problems.append(
                Problem(
                    "tei_duplicate_id",
                    f"xml:id {excerpt(value)} is used already ({where}): ids must be unique across "
                    "the corpus root and the files it includes",
                    file,
                    line_of(element),
                )
            )
