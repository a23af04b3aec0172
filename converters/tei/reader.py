"""The TEI reader: our own output back to the identical model, and third-party Parla-CLARIN /
ParlaMint session files as far as their content allows.

One code path reads both. It recognises the writer's conventions (note types, ``tm.*``
categories) wherever they appear and maps everything else to the nearest model concept, listing
what it had to drop as warnings with line numbers. Values are kept verbatim when they already
meet the model's rules (so our own output round-trips exactly) and normalised otherwise
(third-party files wrap and indent text).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from lxml import etree
from pydantic import ValidationError

from transcript_model.errors import (
    Problem,
    TranscriptError,
    cap_repeated,
    problems_from_validation_error,
)
from transcript_model.inputs import ReadResult
from transcript_model.model import Transcript

from .._language import guess_language
from .._xml.text import clip
from .body import read_body
from .common import SITTING_CATEGORY, T
from .context import Context, collect_categories, collect_orgs, collect_persons
from .header import document_id, document_language, read_header
from .orgs import organisation_id
from .people import participant_id
from .values import find, line_of, pointer_tokens

CorpusRoot = str | bytes | os.PathLike[str]
#: What reads the text of a document into the context (the streaming reader passes its own).
BodyReader = Callable[[Context, etree._Element], None]


def read_tree(
    tree: etree._ElementTree,
    origin: str,
    corpus: etree._Element | None = None,
    corpus_warnings: list[Problem] | None = None,
    *,
    profiled: bool = False,
    body: BodyReader = read_body,
) -> ReadResult:
    """Read one parsed TEI document into a transcript.

    ``profiled`` says the document passed the quick route of the project profile check
    (``_tei_profile.conforms``): then every utterance holds only segs of one Line each, and
    they are read without testing so again. ``body`` reads the text (see stream_reader).
    """
    root = tree.getroot()
    warnings: list[Problem] = []
    if root.tag == "TEI":
        warnings.append(_namespaced(root, origin))
    if root.tag != T + "TEI":
        found = (
            "a corpus root (teiCorpus)"
            if root.tag == T + "teiCorpus"
            else f"<{_clipped_tag(str(root.tag))}>"
        )
        raise TranscriptError.single(
            "tei_root",
            f"expected a TEI document with root <TEI> in the TEI namespace, found {found}",
            origin,
            line_of(root),
        )
    context = Context(origin, profiled=profiled)
    context.warnings.extend(warnings)
    context.warnings.extend(corpus_warnings or [])
    # Person lists and taxonomies live in the header; searching only there saves a tree walk.
    header = find(root, T + "teiHeader")
    scope = header if header is not None else root
    context.local_persons = collect_persons(scope, context.persons)
    context.local_orgs = collect_orgs(scope, context.orgs)
    collect_categories(scope, context.categories)
    if corpus is not None:
        collect_persons(corpus, context.persons)
        collect_orgs(corpus, context.orgs)
        collect_categories(corpus, context.categories)
    transcript_id = document_id(context, root)
    # The file's own organisations and persons first, in order (those of the corpus root as
    # they are referred to): organisations first, as persons' affiliations refer to them.
    for oid in context.local_orgs:
        organisation_id(context, oid, context.orgs[oid])
    for pid in context.local_persons:
        participant_id(context, pid, context.persons[pid])
    language = document_language(context, root)
    tags = read_header(context, root)
    body(context, root)
    if language is None:
        language = _language_of_text(context, root)
    return _build(context, root, transcript_id, language, tags)


#: How much of the speeches' text tells their language.
_LANGUAGE_SAMPLE = 4000


def _language_of_text(context: Context, root: etree._Element) -> str:
    """The language the speeches' words tell, for a document without xml:lang (GermaParl's)."""
    sample: list[str] = []
    size = 0
    for turn in context.turns:
        # A dict as read, or a model turn already built by the streaming reader.
        if isinstance(turn, dict):
            found = turn.get("paragraphs")
        else:
            found = getattr(turn, "paragraphs", None)
        for paragraph in found or ():
            if isinstance(paragraph, str):
                sample.append(paragraph)
                size += len(paragraph)
        if size >= _LANGUAGE_SAMPLE:
            break
    language = guess_language(" ".join(sample))
    told = f"'{language}' is told by the text" if language != "und" else "'und' is used"
    context.warn("tei_language", f"the document gives no xml:lang: {told}", root)
    return language


def _namespaced(root: etree._Element, origin: str) -> Problem:
    """A TEI document written without the TEI namespace (GermaParl's Bundestag and many older
    projects) read as TEI: every element without a namespace is given it, in place."""
    for element in root.iter():
        tag = element.tag
        if isinstance(tag, str) and tag[:1] != "{":
            element.tag = T + tag
    return Problem(
        "tei_no_namespace",
        "the TEI root and its elements have no namespace: read as TEI P5 "
        "(http://www.tei-c.org/ns/1.0); elements TEI does not define are dropped as usual",
        origin,
        line_of(root),
        severity="warning",
    )


def _links(context: Context) -> list[dict[str, Any]]:
    """See-also links: notes at their recorded positions, bibl links filling the rest."""
    # The same order as inserting each placed link at its position in turn, built in one pass:
    # inserting into a growing list was quadratic in the number of notes.
    links: list[dict[str, Any]] = []
    unplaced = iter(context.links)
    for position in sorted(context.placed_links):
        while len(links) < position - 1:
            following = next(unplaced, None)
            if following is None:
                break
            links.append(following)
        links.append(context.placed_links[position])
    links.extend(unplaced)
    return links


def _build(
    context: Context,
    root: etree._Element,
    transcript_id: str,
    language: str,
    tags: dict[str, list[str]],
) -> ReadResult:
    event_fields = ("title", "lead", "date", "time", "utc_offset", "place", "attendees_intro")
    event = {k: v for k, v in context.event.items() if k in event_fields}
    participants = list(context.participants.values())
    if any(p.get("attending") for p in participants) and "attendees_intro" not in event:
        context.warn(
            "tei_dropped", "attendees are listed but no attendee sentence: attendance dropped"
        )
        for p in participants:
            p.pop("attending", None)
    for p in participants:
        if p.get("attending") and not p.get("name"):
            p.pop("attending")
    source = {k: context.event[k] for k in ("url", "publisher", "identifier") if k in context.event}
    metadata: dict[str, Any] = {"source": source, **tags, "captions": context.captions}
    see_also = _links(context)
    if see_also:
        metadata["see_also"] = see_also
    for key in ("licence", "published"):
        if key in context.event:
            metadata[key] = context.event[key]
    try:
        transcript = Transcript.model_validate(
            {
                "id": transcript_id,
                "language": language,
                "event": event,
                "participants": participants,
                "organisations": list(context.organisations.values()),
                "sitting": context.sitting
                or ({} if SITTING_CATEGORY in pointer_tokens(root.get("ana")) else None),
                "turns": context.turns,
                "metadata": metadata,
            }
        )
    except ValidationError as error:
        problems = problems_from_validation_error(error, context.origin)
        raise TranscriptError(cap_repeated(problems)) from None
    return ReadResult([transcript], context.warnings.result())


def _clipped_tag(tag: str) -> str:
    """``{namespace}name`` with each part cut short: both come from the input, unbounded."""
    namespace, brace, local = tag.rpartition("}")
    return f"{clip(namespace)}{brace}{clip(local)}" if brace else clip(local)
