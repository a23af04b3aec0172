"""TEI P5 in the ParlaMint / Parla-CLARIN style (read, validate, write, corpus packages)."""

from __future__ import annotations

import re
from pathlib import Path

from transcript_model.contract import Format

from .._sniffing import markup_head

_CONVERT = "transcript_model.converters.tei.convert"
_NAMESPACE = b"http://www.tei-c.org/ns/1.0"
#: Either root's start tag: one scan of a head without them (any other format's file), where
#: two substring tests scanned it twice.
_ROOT_TAG = re.compile(rb"<(?:TEI|teiCorpus)")
#: How much of a file tells whether it may be a corpus root.
CORPUS_HEAD = 4096


def sniff(head: bytes) -> float:
    """The TEI namespace makes it sure; a TEI root without it likely."""
    start = markup_head(head)
    if not start.startswith(b"<"):
        return 0.0
    if _NAMESPACE in start:
        return 1.0
    return 0.6 if _ROOT_TAG.search(start) else 0.0


def may_be_corpus_root(path: Path) -> bool:
    """Whether the file at ``path`` may be a TEI corpus root: a ``<teiCorpus`` in its first
    :data:`CORPUS_HEAD` bytes. False when it cannot be opened (its check reports that).

    Here, with the format's registration, so that a batch of files that are no corpus roots
    (any other format, most TEI) is told so without importing the TEI converter.
    """
    try:
        with open(path, "rb", buffering=0) as handle:
            return b"<teiCorpus" in handle.read(CORPUS_HEAD)
    except OSError:
        return False


FORMATS = (
    Format(
        name="tei",
        description="TEI P5 (ParlaMint/Parla-CLARIN)",
        extensions=(".tei.xml",),
        media_type="application/tei+xml",
        sniff=sniff,
        # A corpus root read from a file is read as the sessions it includes.
        read="transcript_model.converters.tei.whole_corpus:read",
        # The validation profiles (project, parlamint, tei_all); project is convert.validate.
        validate="transcript_model.converters.tei.profiles:validate",
        write=f"{_CONVERT}:write",
        # The same document, written a turn at a time (a large transcript to a file).
        write_stream="transcript_model.converters.tei.writer:write_stream",
        write_package=f"{_CONVERT}:write_package",
        one_per_file=True,
    ),
)
