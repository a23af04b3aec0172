"""A ParlaMint / Parla-CLARIN corpus root read or validated as the corpus it includes.

A corpus root (``teiCorpus``) holds no transcript itself: it XIncludes its session files after
its header. Given one from disk, the reader reads each of those sessions, with the root as its
corpus root (people, organisations, taxonomies), and the validator checks the root and then
each session. Only files inside the root's folder are followed (:func:`.include.include_target`
judges every ``href`` before anything is opened); a root not read from a file, or any other
TEI document, goes to :mod:`.convert` unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from transcript_model.errors import Problem, TranscriptError
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult, ValidationResult, read_bytes

from .._xml.safe import parse_xml
from . import CORPUS_HEAD, convert
from .common import T
from .include import INCLUDE, include_target, quoted_href
from .reader import CorpusRoot
from .values import line_of

__all__ = [
    "Corpus",
    "corpus_sessions",
    "read",
    "roots_with_listed_sessions",
    "unfollowed",
    "validate_project",
]

_TEI_CORPUS = T + "teiCorpus"
_HEADER = T + "teiHeader"
#: How much of a file tells whether it may be a corpus root (as corpus.py looks for them).
_HEAD = CORPUS_HEAD


def read(
    data: bytes,
    origin: str = "<input>",
    *,
    corpus_root: CorpusRoot | None = None,
    sessions: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadResult:
    """Read one TEI document; a corpus root read from a file is read as its sessions.

    ``corpus_root`` is as for :func:`.convert.read` (for a session file); a corpus root is its
    own corpus root. ``sessions=False`` reads a corpus root as itself (no transcript), as
    ``transcript convert`` does when its sessions are among the inputs too.
    """
    corpus = corpus_sessions(data, origin, max_bytes) if sessions else None
    if corpus is None:
        return convert.read(data, origin, corpus_root=corpus_root, max_bytes=max_bytes)
    transcripts = []
    warnings: list[Problem] = list(corpus.problems)
    for path in corpus.sessions:
        try:
            session = read_bytes(path, max_bytes)
            name = corpus.display(path)
            result = convert.read(session, name, corpus_root=corpus.root, max_bytes=max_bytes)
        except TranscriptError as error:
            # One broken session must not lose the others: its errors are reported with them.
            warnings.extend(error.problems)
            continue
        transcripts.extend(result.transcripts)
        warnings.extend(result.warnings)
    if not transcripts and any(p.severity == "error" for p in warnings):
        raise TranscriptError(warnings)
    return ReadResult(transcripts, warnings)


def validate_project(
    data: bytes, origin: str, corpus_root: CorpusRoot | None, max_bytes: int, sessions: bool
) -> ValidationResult:
    """The project profile's check; a corpus root from a file also has each session checked
    (the root's own check already reports the includes that cannot be followed)."""
    result = convert.validate(data, origin, corpus_root=corpus_root, max_bytes=max_bytes)
    if not sessions:
        return result
    try:
        corpus = corpus_sessions(data, origin, max_bytes)
    except TranscriptError:
        return result  # convert.validate has reported what is wrong with it
    if corpus is None:
        return result
    for path in corpus.sessions:
        try:
            session = read_bytes(path, max_bytes)
        except TranscriptError as error:
            result.problems.extend(error.problems)
            continue
        name = corpus.display(path)
        checked = convert.validate(session, name, corpus_root=corpus.root, max_bytes=max_bytes)
        result.transcripts.extend(checked.transcripts)
        result.problems.extend(checked.problems)
    return result


@dataclass(frozen=True)
class Corpus:
    """A corpus root read from a file: its path, the session files it includes (each once, in
    its order, all inside its folder) and what is wrong with the includes it cannot follow."""

    root: Path
    sessions: tuple[Path, ...]
    problems: list[Problem]
    #: The root's name as the caller gave it (messages name sessions next to it the same way).
    origin: str

    def display(self, session: Path) -> str:
        """How messages name a session: next to the root as the caller named the root."""
        try:
            return str(Path(self.origin).parent / session.relative_to(self.root.parent))
        except ValueError:
            return str(session)


def roots_with_listed_sessions(paths: Iterable[Path], max_bytes: int) -> frozenset[Path]:
    """The corpus roots among ``paths`` that include a session that is among ``paths`` too:
    a batch reads those sessions as files, so the root must not read them again."""
    given = {path.resolve() for path in paths}
    found = set()
    for path in given:
        if path.suffix.lower() != ".xml":
            continue
        try:
            with path.open("rb") as handle:
                if b"<teiCorpus" not in handle.read(_HEAD):
                    continue
            corpus = corpus_sessions(read_bytes(path, max_bytes), str(path), max_bytes)
        except (OSError, TranscriptError):
            continue  # reported when the file itself is read
        if corpus is not None and not given.isdisjoint(corpus.sessions):
            found.add(path)
    return frozenset(found)


def corpus_sessions(data: bytes, origin: str, max_bytes: int) -> Corpus | None:
    """The corpus a root read from a file includes; None for any other document."""
    if b"<teiCorpus" not in data[:_HEAD]:
        return None  # most TEI files: not parsed a second time here
    root = _file(origin)
    if root is None:
        return None
    tree = parse_xml(data, origin, max_bytes)
    if tree.getroot().tag != _TEI_CORPUS:
        return None
    sessions: dict[Path, None] = {}
    problems = []
    for include in _components(tree):
        href = include.get("href") or ""
        target = include_target(root.parent, href)
        if target.path is None:
            problems.append(unfollowed(href, target.inside, origin, line_of(include)))
        else:
            sessions.setdefault(target.path)
    return Corpus(root, tuple(sessions), problems, origin)


def _components(tree: etree._ElementTree) -> Iterator[etree._Element]:
    # Outside the header (whose includes are the corpus lists) a root includes its sessions.
    for child in tree.getroot():
        if child.tag != _HEADER:
            yield from child.iter(INCLUDE)


def unfollowed(href: str, inside: bool, origin: str, line: int | None) -> Problem:
    """The error for an include of a corpus root that is not followed."""
    where = (
        "names no file (expected a file of the corpus, relative to the root)"
        if inside
        else "is not a file inside the corpus folder (no URL scheme, leading '/' or '..' "
        "above the folder); not followed"
    )
    message = f"corpus root: xi:include of {quoted_href(href)} {where}"
    return Problem("tei_xinclude", message, origin, line)


def _file(origin: str) -> Path | None:
    # Readers know their input by its display name; for files read from disk that is the path.
    try:
        path = Path(origin)
        return path.resolve() if path.is_file() else None
    except (OSError, ValueError):
        return None
