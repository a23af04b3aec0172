"""ParlaMint packaging: component files plus the corpus-level files ParlaMint keeps apart.

ParlaMint's component schema (ParlaMint-TEI.rng) allows neither ``particDesc`` nor ``classDecl``
in a session file: the person list and the taxonomies live in separate files that the corpus
root XIncludes (ParlaMint 4 layout). Category ids are made once for the whole corpus, so that
every component points at the same ids.
"""

from __future__ import annotations

import re

from transcript_model import types
from transcript_model.errors import TranscriptError
from transcript_model.model import Participant, Transcript
from transcript_model.people import Organisation

from .._xml.text import escape_attribute as attr
from .._xml.text import escape_text as text
from .common import TEI_NS, XI_NS
from .header_parts import Options
from .parts import org_xml, titles_as_meetings
from .writer import (
    XML_DECLARATION,
    Categories,
    corpus_ids,
    document,
    person_xml,
)


def _persons(
    transcripts: list[Transcript], reserved: frozenset[str], categories: Categories
) -> list[str]:
    """One ``person`` per participant id of the corpus; differing names and roles are all kept
    (ParlaMint allows several persName; a role per occupation)."""
    names: dict[str, list[str]] = {}
    roles: dict[str, list[str]] = {}
    first: dict[str, Participant] = {}
    for transcript in transcripts:
        for participant in transcript.participants:
            first.setdefault(participant.id, participant)
            known_names = names.setdefault(participant.id, [])
            known_roles = roles.setdefault(participant.id, [])
            if participant.name and participant.name not in known_names:
                known_names.append(participant.name)
            if participant.role and participant.role not in known_roles:
                known_roles.append(participant.role)
    return [
        person_xml(first[pid], names[pid], roles[pid], True, "  ", reserved, categories)
        for pid in names
    ]


def _orgs(transcripts: list[Transcript], reserved: frozenset[str]) -> list[str]:
    """One ``org`` per organisation id of the corpus (the first transcript's entry)."""
    seen: dict[str, Organisation] = {}
    for transcript in transcripts:
        for organisation in transcript.organisations:
            seen.setdefault(organisation.id, organisation)
    return [org_xml(o, reserved, "  ") for o in seen.values()]


def _check_ids(transcripts: list[Transcript], corpus_id: str) -> None:
    if not re.match(types.ID_PATTERN, corpus_id):
        raise TranscriptError.single(
            "corpus_id",
            f"corpus id {corpus_id!r} cannot be an xml:id and a file name stem (expected a "
            "letter or '_' followed by letters, digits, '-' or '_')",
        )
    seen: set[str] = set()
    for index, transcript in enumerate(transcripts):
        if transcript.id in seen or transcript.id == corpus_id:
            raise TranscriptError.single(
                "duplicate_id",
                f"transcript id {transcript.id!r} is used twice in the corpus (or equals the "
                "corpus id): component file names and xml:ids must be unique",
                path=f"[{index}].id",
            )
        seen.add(transcript.id)


def package(transcripts: list[Transcript], corpus_id: str, options: Options) -> dict[str, str]:
    """The files of a ParlaMint-style corpus, by relative file name."""
    if not transcripts:
        raise TranscriptError.single("empty", "no transcripts to package")
    _check_ids(transcripts, corpus_id)
    reserved = frozenset(t.id for t in transcripts) | {corpus_id}
    categories = Categories(taken=corpus_ids(transcripts))
    for transcript in transcripts:
        categories.add_transcript(transcript)
        categories.meeting_titles |= titles_as_meetings(transcript.sitting)
    files: dict[str, str] = {}
    components = []
    for transcript in transcripts:
        name = f"{transcript.id}.xml"
        files[name] = document(transcript, categories, options, reserved)
        components.append(name)
    # The persons first: their affiliation roles may add categories.
    persons = _persons(transcripts, reserved, categories)
    header_includes: list[str] = []
    taxonomy_files = []
    for taxonomy in categories.taxonomies(indent=""):
        taxonomy_id = taxonomy.split('xml:id="', 1)[1].split('"', 1)[0]
        name = f"{corpus_id}-taxonomy-{taxonomy_id}.xml"
        root = taxonomy.replace("<taxonomy ", f'<taxonomy xmlns="{TEI_NS}" ', 1)
        files[name] = XML_DECLARATION + root + "\n"
        taxonomy_files.append(name)
    list_person = None
    if persons:
        list_person = f"{corpus_id}-listPerson.xml"
        files[list_person] = (
            XML_DECLARATION + f'<listPerson xmlns="{TEI_NS}">\n' + "\n".join(persons)
            + "\n</listPerson>\n"
        )  # fmt: skip
    orgs = _orgs(transcripts, reserved)
    list_org = None
    if orgs:
        list_org = f"{corpus_id}-listOrg.xml"
        files[list_org] = (
            XML_DECLARATION + f'<listOrg xmlns="{TEI_NS}">\n' + "\n".join(orgs) + "\n</listOrg>\n"
        )
    header_includes.append("    <encodingDesc>\n      <classDecl>\n")
    header_includes.extend(f'        <xi:include href="{attr(n)}"/>\n' for n in taxonomy_files)
    header_includes.append("      </classDecl>\n    </encodingDesc>\n")
    lists = [name for name in (list_org, list_person) if name]
    if lists:
        header_includes.append("    <profileDesc>\n      <particDesc>\n")
        header_includes.extend(f'        <xi:include href="{attr(n)}"/>\n' for n in lists)
        header_includes.append("      </particDesc>\n    </profileDesc>\n")
    files[f"{corpus_id}.xml"] = _root(corpus_id, transcripts, options, header_includes, components)
    return files


def _root(
    corpus_id: str,
    transcripts: list[Transcript],
    options: Options,
    header_includes: list[str],
    components: list[str],
) -> str:
    languages = sorted({t.language for t in transcripts})
    language = languages[0] if len(languages) == 1 else "mul"
    return "".join(
        [
            XML_DECLARATION,
            f'<teiCorpus xmlns="{TEI_NS}" xmlns:xi="{XI_NS}" xml:id="{attr(corpus_id)}" '
            f'xml:lang="{language}">\n',
            "  <teiHeader>\n    <fileDesc>\n",
            f'      <titleStmt><title type="main">{text(corpus_id)}</title></titleStmt>\n',
            f"      <publicationStmt><publisher>{text(options.publisher)}</publisher>"
            "</publicationStmt>\n",
            "      <sourceDesc><p>Converted from the canonical transcript model by "
            "transcript-model.</p></sourceDesc>\n",
            "    </fileDesc>\n",
            *header_includes,
            "  </teiHeader>\n",
            *(f'  <xi:include href="{attr(n)}"/>\n' for n in components),
            "</teiCorpus>\n",
        ]
    )
