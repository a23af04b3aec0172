"""ParlaMint packages on disk: the corpus root a session file belongs to, and what can be checked
in the files of a package that hold no transcript (the corpus root and the person lists and
taxonomies it XIncludes).

A ParlaMint session file points into lists kept at corpus level, so it can only be checked with
its corpus root; a directory of such files should validate without the user naming the root.
The root is the ``teiCorpus`` file, in the session file's folder or the one above (ParlaMint keeps
sessions in year folders under the root), that XIncludes it.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from lxml import etree

from transcript_model.errors import CappedProblems, Problem, TranscriptError
from transcript_model.inputs import read_bytes

from .._xml.safe import parse_xml
from .common import T
from .include import INCLUDE as _INCLUDE
from .include import include_target, quoted_href, splice_header_includes
from .values import line_of

_HEADER = T + "teiHeader"
#: Root elements of the files a corpus root XIncludes into its header.
CORPUS_PARTS = frozenset(
    T + name
    for name in ("listPerson", "listOrg", "taxonomy", "classDecl", "listPlace", "listEvent")
)
#: How much of a file tells whether it is a corpus root.
_HEAD = 4096


def including_root(path: Path, max_bytes: int) -> Path | None:
    """The corpus root next to ``path``, or in the folder above, that XIncludes it."""
    target = path.resolve()
    for folder in (target.parent, target.parent.parent):
        for root in _corpus_roots_in(folder):
            if target in _included_files(root, max_bytes):
                return root
    return None


def _corpus_roots_in(folder: Path) -> tuple[Path, ...]:
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return ()
    return _cached_corpus_roots(str(folder), stamp)


@functools.lru_cache(maxsize=64)
def _cached_corpus_roots(folder: str, mtime_ns: int) -> tuple[Path, ...]:
    # Every session file of a folder asks the same question: scan the folder once (the key holds
    # its mtime, so a root added later is seen).
    roots = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ()
    for entry in entries:
        if not entry.name.endswith(".xml") or not entry.is_file():
            continue
        try:
            with open(entry.path, "rb") as handle:
                head = handle.read(_HEAD)
        except OSError:
            continue
        if b"<teiCorpus" in head:
            roots.append(Path(entry.path).resolve())
    return tuple(sorted(roots))


def _included_files(root: Path, max_bytes: int) -> frozenset[Path]:
    try:
        stat = root.stat()
    except OSError:
        return frozenset()
    return _cached_included_files(str(root), stat.st_mtime_ns, stat.st_size, max_bytes)


@functools.lru_cache(maxsize=16)
def _cached_included_files(root: str, mtime_ns: int, size: int, max_bytes: int) -> frozenset[Path]:
    try:
        tree = parse_xml(read_bytes(root, max_bytes), root, max_bytes)
    except TranscriptError:
        return frozenset()  # a broken root is reported when it is checked itself
    base = Path(root).parent
    return frozenset(
        target.path
        for include in tree.getroot().iter(_INCLUDE)
        if (target := include_target(base, include.get("href") or "")).path is not None
    )


def corpus_root_problems(
    tree: etree._ElementTree, path: Path | None, origin: str, max_bytes: int
) -> list[Problem]:
    """What is wrong with a corpus root: header parts it cannot XInclude, components it names
    that do not exist. Without ``path`` (a root read from elsewhere) the XIncludes cannot be
    followed, which is a warning."""
    if path is None:
        return [
            Problem(
                "tei_xinclude",
                "corpus root: its xi:include elements are not followed (the root was not read "
                "from a file)",
                origin,
                severity="warning",
            )
        ]
    base = path.parent
    try:
        problems = splice_header_includes(
            tree.getroot(), base, str(path), max_bytes, check_ids=True
        )
    except TranscriptError as error:
        return list(error.problems)
    # Outside the header (whose parts were just spliced in) the corpus includes its sessions.
    body = (child for child in tree.getroot() if child.tag != _HEADER)
    capped = CappedProblems()
    for include in (found for child in body for found in child.iter(_INCLUDE)):
        problem = _component_problem(base, include, origin)
        if problem is not None:
            capped.append(problem)
    return problems + capped.result()


def _component_problem(base: Path, include: etree._Element, origin: str) -> Problem | None:
    """What is wrong with the include of a session file, if anything. A path outside the
    corpus folder is refused from its text alone, with one message whether or not it exists."""
    href = include.get("href") or ""
    target = include_target(base, href)
    if target.path is not None:
        return None
    if not target.inside:
        message = (
            f"corpus root: xi:include of {quoted_href(href)} is not a file inside the corpus "
            "folder (expected a session file relative to the root, without a URL scheme, a leading "
            "'/' or '..' above the folder); not followed"
        )
    else:
        message = (
            f"corpus root: xi:include of {quoted_href(href)} names no file (expected a session "
            "file of the corpus, relative to the root)"
        )
    return Problem("tei_xinclude", message, origin, line_of(include))


def corpus_part_problems(
    tree: etree._ElementTree, path: Path | None, origin: str, max_bytes: int
) -> list[Problem]:
    """A person list or taxonomy of a corpus is checked as part of the corpus root that
    XIncludes it; on its own it is a warning, not a transcript."""
    if path is not None and including_root(path, max_bytes) is not None:
        return []
    local = tree.getroot().tag.rsplit("}", 1)[-1]
    return [
        Problem(
            "tei_corpus_part",
            f"a corpus <{local}>, not a transcript, and no corpus root (teiCorpus) next to it "
            "XIncludes it: it is checked only as part of its corpus root",
            origin,
            1,
            severity="warning",
        )
    ]
