"""TEI P5 in the ParlaMint / Parla-CLARIN style: one self-contained ``<TEI>`` per transcript.

The writer gives every field of the model a place (docs/tei.md has the table), so reading our
own output gives back the identical transcript. The reader also takes third-party Parla-CLARIN
and ParlaMint session files, with speakers from the file's own ``listPerson`` or from a corpus
root passed as ``corpus_root``, and returns what it had to drop as warnings.
:func:`write_package` writes ParlaMint packaging: component files plus corpus-level person list
and taxonomies. :func:`validate` checks the project profile (``schema/transcript-tei.rng``),
the pointers no schema checks (``@who``, ``@ana``) and the model.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from lxml import etree

from transcript_model.errors import (
    REPEATED_PROBLEMS,
    CappedProblems,
    Problem,
    TranscriptError,
    cap_repeated,
    excerpt,
)
from transcript_model.inputs import DEFAULT_MAX_BYTES, ReadResult, ValidationResult
from transcript_model.model import Transcript, Turn

from .._xml.safe import parse_xml, partial_check_warning, validation_copy
from .._xml.text import clip, shorten_quoted
from .common import BODY_NAME, MENTIONED_NAME, ORGANISATION_NAME, TEI_NS, XML_ID, T
from .corpus import (
    CORPUS_PARTS,
    corpus_part_problems,
    corpus_root_problems,
    including_root,
)
from .include import load_corpus_root
from .profile import (
    QuickProfile,
    attribute_holders,
    conforms,
    structure_profile,
)
from .reader import CorpusRoot, read_tree
from .values import line_of

if TYPE_CHECKING:
    from .._xml.stream import Lazy
    from .stream_reader import WholeTree

__all__ = ["profile", "read", "validate", "write", "write_package"]

PROFILE_NAME = "transcript-tei.rng"
_TEI_CORPUS = T + "teiCorpus"
_HEADER = T + "teiHeader"
_LIST_PERSON = ".//" + T + "listPerson"
#: Inputs up to this size have all their element proxies held while they are validated.
_HOLD_PROXIES = 4 * 1024 * 1024
#: Inputs from this size up are first read element by element (see ``stream_reader``).
STREAM_FROM = 4 * 1024 * 1024


def write(transcripts: Sequence[Transcript]) -> str:
    """Write one transcript as a self-contained TEI document (the format holds one per file)."""
    if len(transcripts) != 1:
        raise TranscriptError.single(
            "one_per_file", f"TEI holds one transcript per file, {len(transcripts)} given"
        )
    from .writer import (
        document,  # not loaded for reading and validating
    )

    return document(transcripts[0])


def write_package(
    transcripts: Sequence[Transcript],
    *,
    corpus_id: str = "Transcripts",
    publisher: str = "transcript-model",
    base_url: str | None = None,
) -> dict[str, str]:
    """ParlaMint packaging: ``{relative file name: content}``.

    Writes one component file per transcript (``<id>.xml``, without the person list and the
    taxonomies, which ParlaMint keeps at corpus level), ``<corpus_id>-listPerson.xml``, one
    ``<corpus_id>-taxonomy-<name>.xml`` per taxonomy, and the corpus root ``<corpus_id>.xml``
    (a ``teiCorpus`` that XIncludes them all). ``base_url`` gives each component the ``idno``
    ParlaMint requires (``<base_url>/<id>``); ``publisher`` names the publisher of the TEI.
    """
    from .header_parts import Options
    from .package import (
        package,  # not loaded for reading and validating
    )

    return package(
        list(transcripts),
        corpus_id=corpus_id,
        options=Options(parlamint=True, publisher=publisher, base_url=base_url),
    )


def read(
    data: bytes,
    origin: str = "<input>",
    *,
    corpus_root: CorpusRoot | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadResult:
    """Read one TEI document into a transcript.

    ``corpus_root`` is the ParlaMint / Parla-CLARIN corpus root (a path, or its bytes) whose
    ``listPerson`` and taxonomies the session file points into; a root given as a path may
    XInclude its person list and taxonomies from files next to it. Everything the model has
    no place for is listed in ``ReadResult.warnings``.
    """
    if len(data) >= STREAM_FROM:
        from .stream_reader import read_streamed

        streamed = read_streamed(
            data, origin, _corpus_of(corpus_root, origin, max_bytes), max_bytes
        )
        if streamed is not None:
            return streamed
    tree = parse_xml(data, origin, max_bytes)
    if _is_corpus_file(tree):
        return ReadResult([], [_no_transcript_here(tree, origin)])
    if corpus_root is None:
        corpus_root = _enclosing_corpus(tree, origin, max_bytes)
    corpus, warnings = _corpus(corpus_root, max_bytes)
    return read_tree(tree, origin, corpus, warnings)


def turn_by_turn(
    data: bytes,
    observe: Callable[[Turn], None],
    origin: str = "<input>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Lazy | None:
    """A large input (``STREAM_FROM`` bytes or more) holding one TEI transcript that the
    streaming reader reads, as its transcript without turns and its turns read again on
    demand (a writer a turn at a time never holds the model); ``observe`` sees each turn of
    the first pass. None says nothing: read the input the usual way."""
    if len(data) < STREAM_FROM:
        return None
    from .stream_reader import read_lazily

    return read_lazily(data, origin, _corpus_of(None, origin, max_bytes), max_bytes, observe)


def _is_corpus_file(tree: etree._ElementTree) -> bool:
    tag = tree.getroot().tag
    return tag == _TEI_CORPUS or tag in CORPUS_PARTS


def _no_transcript_here(tree: etree._ElementTree, origin: str) -> Problem:
    local = str(tree.getroot().tag).rsplit("}", 1)[-1]
    return Problem(
        "tei_corpus_file",
        f"a corpus-level <{local}>, which holds no transcript: the session files it belongs to "
        "are read one by one, each with its corpus root (found next to the file or one folder "
        "up, or given as corpus_root)",
        origin,
        1,
        severity="warning",
    )


def _enclosing_corpus(tree: etree._ElementTree, origin: str, max_bytes: int) -> Path | None:
    """The corpus root of a ParlaMint session file read from disk: one whose header lists no
    persons points into its corpus root's list."""
    header = tree.getroot().find(_HEADER)
    if header is not None and header.find(_LIST_PERSON) is not None:
        return None
    path = _existing_file(origin)
    return including_root(path, max_bytes) if path is not None else None


def _existing_file(origin: str) -> Path | None:
    # Readers know their input by its display name; for files read from disk that is the path.
    try:
        path = Path(origin)
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None


def _corpus_of(
    corpus_root: CorpusRoot | None, origin: str, max_bytes: int
) -> Callable[[etree._ElementTree], tuple[etree._Element | None, list[Problem]]]:
    """The corpus root of a document given its header, as read() and validate() find it."""

    def corpus(tree: etree._ElementTree) -> tuple[etree._Element | None, list[Problem]]:
        given = (
            corpus_root if corpus_root is not None else _enclosing_corpus(tree, origin, max_bytes)
        )
        return _corpus(given, max_bytes)

    return corpus


def _corpus(
    corpus_root: CorpusRoot | None, max_bytes: int
) -> tuple[etree._Element | None, list[Problem]]:
    if corpus_root is None:
        return None, []
    if isinstance(corpus_root, str) and corpus_root.lstrip().startswith("<"):
        corpus_root = corpus_root.encode("utf-8")
    if isinstance(corpus_root, bytes):
        return load_corpus_root(corpus_root, max_bytes)
    path = Path(corpus_root).resolve()
    try:
        stat = path.stat()
    except OSError:
        return load_corpus_root(path, max_bytes)  # raises the located "unreadable" error
    root, warnings = _cached_corpus_root(str(path), stat.st_mtime_ns, stat.st_size, max_bytes)
    return root, list(warnings)


@functools.lru_cache(maxsize=4)
def _cached_corpus_root(
    path: str, mtime_ns: int, size: int, max_bytes: int
) -> tuple[etree._Element, list[Problem]]:
    # Converting a directory of session files reads the same (often multi-megabyte) corpus root
    # for each; parse it once. The key holds the file's mtime and size, so an edit is seen.
    return load_corpus_root(Path(path), max_bytes)


def _profile_path() -> Path:
    # schema/ is installed as transcript_model.schemas (editable installs map it to the checkout).
    return Path(str(importlib.resources.files("transcript_model.schemas") / PROFILE_NAME))


@functools.lru_cache(maxsize=1)
def profile() -> etree.RelaxNG:
    """The project TEI profile, compiled once per process on first use."""
    return etree.RelaxNG(etree.parse(str(_profile_path())))


@functools.lru_cache(maxsize=1)
def _structure() -> QuickProfile | None:
    # The profile without its costly patterns, for the quick route of _tei_profile.
    return structure_profile(_profile_path())


def validate(
    data: bytes,
    origin: str = "<input>",
    *,
    corpus_root: CorpusRoot | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ValidationResult:
    """Check a TEI file completely and report every problem found.

    Well-formedness, the project TEI profile, the pointers no schema checks (every ``@who``
    and ``@ana`` must name an element of the file or of ``corpus_root``), and the model.
    ``max_bytes`` bounds each file read, its elements, and what a corpus root expands to.
    """
    if len(data) >= STREAM_FROM:
        from .stream_reader import validate_streamed

        whole = _whole_tree(corpus_root, origin, max_bytes)
        streamed = validate_streamed(data, origin, whole, max_bytes)
        if streamed is not None:
            return streamed
    try:
        tree = parse_xml(data, origin, max_bytes)
        if _is_corpus_file(tree):
            return ValidationResult([], _corpus_file_problems(tree, origin, max_bytes))
        if corpus_root is None:
            corpus_root = _enclosing_corpus(tree, origin, max_bytes)
        corpus, corpus_warnings = _corpus(corpus_root, max_bytes)
    except TranscriptError as error:
        return ValidationResult([], error.problems)
    # Every element's proxy, held until this function returns, so that the checks and the
    # reader reuse them where lxml would build new ones in each walk (-1.5% a file). Not for
    # the rare large input, whose proxies would hold a lot of memory.
    elements = list(tree.getroot().iter(etree.Element)) if len(data) <= _HOLD_PROXIES else None
    cut = validation_copy(tree.getroot(), data=data)
    checked = tree if cut is None else cut.tree
    quick = _structure()
    # The quick route only spares valid documents the profile's costly patterns; for a cut
    # copy its verdict would hold for the copy only, so the profile alone checks it.
    profiled = cut is None and quick is not None and conforms(tree, quick, elements)
    problems = [] if profiled else _profile_problems(checked, origin)
    if cut is not None:
        problems.append(partial_check_warning(cut, "tei_profile_partial", PROFILE_NAME, origin))
    # In a document the profile accepts, pointers stand only where it allows them.
    holders = None if problems else _pointer_holders()
    problems.extend(_pointer_problems(tree, corpus, origin, holders))
    try:
        result = read_tree(tree, origin, corpus, corpus_warnings, profiled=profiled)
    except TranscriptError as error:
        return ValidationResult([], problems + error.problems)
    return ValidationResult(result.transcripts, problems + result.warnings)


def check_large(
    data: bytes, origin: str = "<input>", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Problem] | None:
    """The problems :func:`validate` finds in a large file of one transcript, found without
    holding its model (for ``transcript validate``, which needs only the verdict); None when
    only :func:`validate` can tell."""
    from .stream_reader import validate_streamed

    whole = _whole_tree(None, origin, max_bytes)
    result = validate_streamed(data, origin, whole, max_bytes, keep_model=False)
    return None if result is None else result.problems


def _whole_tree(corpus_root: CorpusRoot | None, origin: str, max_bytes: int) -> WholeTree:
    """What this module's checks lend the streaming validation (which does not import it)."""
    from .stream_reader import WholeTree

    def quick_route(tree: etree._ElementTree) -> bool:
        quick = _structure()
        return quick is not None and conforms(tree, quick, None)

    return WholeTree(
        corpus_of=_corpus_of(corpus_root, origin, max_bytes),
        profile_name=PROFILE_NAME,
        profile_problems=_profile_problems,
        quick_route=quick_route,
        header_ids=lambda root: _ids(root, _HEADER_IDS),
        all_ids=lambda root: _ids(root, _ALL_IDS),
        setting_keys=_setting_keys,
    )


def _corpus_file_problems(tree: etree._ElementTree, origin: str, max_bytes: int) -> list[Problem]:
    """A corpus root is checked for the files it XIncludes, a person list or taxonomy as part
    of the root that includes it: neither holds a transcript the profile describes."""
    path = _existing_file(origin)
    if tree.getroot().tag == _TEI_CORPUS:
        return corpus_root_problems(tree, path, origin, max_bytes)
    return corpus_part_problems(tree, path, origin, max_bytes)


def _profile_problems(tree: etree._ElementTree, origin: str) -> list[Problem]:
    """The profile's own verdict and messages, for what the quick route could not accept."""
    schema = profile()
    if schema.validate(tree):
        return []
    # One code and severity: only the first REPEATED_PROBLEMS are kept whole, the rest are
    # counted, so only those are shortened (a regex over up to ~1 KB per message).
    problems = cap_repeated(
        Problem(
            "tei_profile",
            f"not valid against the project TEI profile ({PROFILE_NAME}): "
            f"{shorten_quoted(entry.message) if index < REPEATED_PROBLEMS else entry.message}",
            origin,
            entry.line or None,
            entry.column or None,
        )
        for index, entry in enumerate(schema.error_log)
    )
    if _names_itself_parlamint(tree.getroot()):
        note = (
            "this is a ParlaMint file, which the project profile (for this package's own "
            "files) does not describe: check it against ParlaMint's schemas with "
            "--profile parlamint (profile='parlamint')"
        )
        problems.insert(0, Problem("tei_parlamint_hint", note, origin, 1, severity="warning"))
    return problems


def _names_itself_parlamint(root: etree._Element) -> bool:
    """A ParlaMint corpus's file: its id (or its corpus's) starts with "ParlaMint"."""
    return (root.get(XML_ID) or "").startswith("ParlaMint")


#: Attributes that point at an element of the file or its corpus root: persons (@who),
#: categories (@ana), organisations (affiliation/@ref, meeting/@corresp, orgName/@ref).
_POINTERS = ("who", "ana", "ref", "corresp")
# Walks of the tree in C, no Python call per element: checking 1,000 files, the pointer check
# cost as much as a third of reading them when it visited every element from Python.
_ALL_IDS = etree.XPath("//@xml:id", smart_strings=False)
# One location path, not a union ("//@who | //@ana ..."): libxml2 merges the node sets of a
# union with a scan per node, quadratic in the pointers of a large file.
_ALL_POINTERS = etree.XPath(
    "//@*[" + " or ".join(f"name() = '{name}'" for name in _POINTERS) + "]", smart_strings=False
)


@functools.lru_cache(maxsize=1)
def _pointer_holders() -> tuple[str, ...] | None:
    # The few elements that may carry pointers in a valid document (TEI, text, meeting, u):
    # looking only at them costs a third of the XPath query that visits every node.
    return attribute_holders(_profile_path(), frozenset(_POINTERS))


def _pointers(root: etree._Element, holders: tuple[str, ...] | None) -> list[str]:
    """Every pointer attribute's value (see _POINTERS); only on ``holders`` when given (the
    profile accepted the document, so there are no others)."""
    if holders is None:
        return cast("list[str]", _ALL_POINTERS(root))
    return [
        value
        for element in root.iter(*holders)
        for value in map(element.get, _POINTERS)
        if value is not None
    ]


#: Names in the setting whose @key is the xml:id of a person or organisation (no '#'):
#: attending and (in ParlaMint packaging) all participants, the body, every organisation.
_KEYED_NAMES = frozenset({"participant", BODY_NAME, MENTIONED_NAME, ORGANISATION_NAME})
_SETTING_NAMES = etree.XPath(
    "t:teiHeader/t:profileDesc/t:settingDesc/t:setting/t:name[@key]", namespaces={"t": TEI_NS}
)


def _setting_keys(root: etree._Element) -> list[str]:
    names = cast("list[etree._Element]", _SETTING_NAMES(root))
    return [n.get("key") or "" for n in names if n.get("type") in _KEYED_NAMES]


def _element_pointers(element: etree._Element) -> Iterator[tuple[str, str]]:
    """(attribute, '#id' token) for every pointer on ``element``."""
    for name in _POINTERS:
        for token in (element.get(name) or "").split():
            yield name, token
    if element.tag == _SETTING_NAME and element.get("type") in _KEYED_NAMES:
        yield "key", "#" + (element.get("key") or "")


_SETTING_NAME = T + "name"


# Pointers name people and categories, which live in the header: its ids settle most files
# without collecting the ids of every utterance and paragraph.
_HEADER_IDS = etree.XPath("t:teiHeader//@xml:id", namespaces={"t": TEI_NS}, smart_strings=False)


def _pointer_problems(
    tree: etree._ElementTree,
    corpus: etree._Element | None,
    origin: str,
    holders: tuple[str, ...] | None = None,
) -> list[Problem]:
    root = tree.getroot()
    # Only local pointers can be checked; a URI elsewhere is taken on trust.
    named = " ".join(_pointers(root, holders)).split()
    named.extend("#" + key for key in _setting_keys(root))
    wanted = {token[1:] for token in named if token.startswith("#")}
    if not wanted or wanted <= _ids(root, _HEADER_IDS):
        return []
    targets = _ids(root, _ALL_IDS)
    if corpus is not None:
        targets |= _ids(corpus, _ALL_IDS)
    if wanted <= targets:
        return []
    return _unresolved(root, targets, corpus is not None, origin)


def _ids(root: etree._Element, query: etree.XPath) -> set[str]:
    ids = set(cast("list[str]", query(root)))
    ids.discard("")  # an empty xml:id names nothing
    return ids


def _resolves(token: str, targets: set[str]) -> bool:
    return not token.startswith("#") or token[1:] in targets


def _unresolved(
    root: etree._Element, targets: set[str], with_corpus: bool, origin: str
) -> list[Problem]:
    """Every pointer that names nothing, in document order, located at its element (at most a
    hundred listed)."""
    problems = CappedProblems()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, token in _element_pointers(element):
            if _resolves(token, targets):
                continue
            local = element.tag.rsplit("}", 1)[-1]
            problems.append(
                Problem(
                    "tei_pointer",
                    f"<{clip(local)} {name}> points to {excerpt(token)}, which names no "
                    "element of this file"
                    + (" or of the corpus root" if with_corpus else "")
                    + " (expected '#' and the xml:id of a person, organisation or category)",
                    origin,
                    line_of(element),
                )
            )
    return problems.result()
