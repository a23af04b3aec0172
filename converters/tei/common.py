"""Names shared by the TEI writer and reader: namespaces, note types, taxonomy ids, dates.

Kept apart so that the reader recognises exactly what the writer produces and nothing is spelled
twice.
"""

from __future__ import annotations

import datetime as dt
import re

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
XML_LANG = "{" + XML_NS + "}lang"

#: The canonical CC BY 4.0 licence URL, the only value ParlaMint's schema accepts.
CC_BY_URL = "http://creativecommons.org/licenses/by/4.0/"
#: Licence spellings that mean CC BY 4.0 (ParlaMint packaging writes the canonical URL for them).
CC_BY_ALIASES = frozenset(
    {
        "CC-BY-4.0",
        CC_BY_URL,
        "https://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by/4.0",
        "https://creativecommons.org/licenses/by/4.0",
    }
)

#: Prefix of every taxonomy and category id the writer makes. It holds a ".", which model ids
#: never do, so a category id can never collide with a participant or transcript id.
PREFIX = "tm."
DOCTYPE_TAXONOMY = "tm.doctype"
TRANSCRIPT_CATEGORY = "tm.transcript"
EVENT_CATEGORY = "tm.event"
SPEECH_CATEGORY = "tm.speech"
#: On TEI/@ana: the transcript is a sitting, though nothing else tells of it (an empty Sitting).
SITTING_CATEGORY = "tm.sitting"
#: On meeting/@ana, ParlaMint packaging: the meeting is one of the sitting's titles, where one
#: of them has a type other than ParlaMint's "main" and "sub" (or none; the type goes to @n).
TITLE_CATEGORY = "tm.title"
DOCTYPE_CATEGORIES = (
    (TRANSCRIPT_CATEGORY, "Transcript"),
    (EVENT_CATEGORY, "Event"),
    (SPEECH_CATEGORY, "Speech"),
)

#: Tag taxonomies: (model field, taxonomy id, description). Sections sit on TEI/@ana, the rest on
#: text/@ana, the speech roles on u/@ana.
TAG_TAXONOMIES = (
    ("sections", "tm.section", "Published in sections"),
    ("topics", "tm.topic", "Topics"),
    ("geography", "tm.geo", "Geography"),
    ("persons", "tm.person", "Persons"),
    ("roles", "tm.role", "Role titles as printed in speaker labels"),
)
TAXONOMY_FIELD = {taxonomy: field for field, taxonomy, _ in TAG_TAXONOMIES}

#: Appended to a participant's xml:id when a transcript of the corpus has the same id.
PARTICIPANT_SUFFIX = ".participant"

# Note types of the body. Front-matter notes may sit anywhere; the reader finds them by type.
NOTE_SPEAKER = "speaker"
NOTE_STAGE = "stage"
NOTE_HEADING = "heading"
NOTE_NARRATIVE = "narrative"
NOTE_BREAK = "break"
NOTE_SUMMARY = "summary"
NOTE_CAPTION = "caption"
NOTE_ATTENDEES = "attendees"
#: An agenda item, in ParlaMint packaging (whose components allow no abstract).
NOTE_AGENDA = "agenda"
#: A "See also" link without URL (with its position in ``see_also`` as @n).
NOTE_SEE_ALSO = "seeAlso"
#: idno subtype of a component's own URL in ParlaMint packaging (not a source URL).
TEI_SUBTYPE = "tei"

CAPTION_N = re.compile(r"^([0-9]{1,9})/([0-9]{1,9})$")

_OFFSET = re.compile(r"^([+-])(\d\d):(\d\d)$")
_WHEN = re.compile(r"^(-?\d{4,}-\d\d-\d\d)(?:T(\d\d:\d\d:\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?$")


def xsd_offset(offset: str | None) -> str | None:
    """The offset as an XML Schema time zone, or None when XSD cannot express it.

    XSD allows at most +14:00; the model allows e.g. +14:30, which then goes into the text of the
    date element only.
    """
    if offset is None:
        return None
    match = _OFFSET.match(offset)
    if match is None or (int(match.group(2)) == 14 and match.group(3) != "00"):
        return None
    return offset


def when_value(date: dt.date, time: dt.time | None, offset: str | None) -> tuple[str, str]:
    """``(@when, text)`` for a date, optional local time and optional offset.

    @when is always a valid xsd:date or xsd:dateTime (seconds included); the text carries the
    offset even where XSD cannot.
    """
    local = date.isoformat() if time is None else f"{date.isoformat()}T{time.isoformat()}"
    return local + (xsd_offset(offset) or ""), local + (offset or "")


def parse_when(value: str) -> tuple[dt.date, dt.time | None, str | None] | None:
    """Split an ISO date or dateTime into date, local time and offset; None if not one."""
    match = _WHEN.match(value.strip())
    if match is None:
        return None
    try:
        date = dt.date.fromisoformat(match.group(1))
        time = dt.time.fromisoformat(match.group(2)) if match.group(2) else None
    except ValueError:
        return None
    zone = match.group(3)
    if zone == "Z":
        zone = "+00:00"
    return date, time, zone


#: The taxonomy of speakers' functions in a sitting (ParlaMint's speaker types): its categories
#: are the functions themselves ("chair", "regular", "guest", …), pointed at from ``u/@ana``.
FUNCTION_TAXONOMY = "tm.function"
#: Prefix of a function's category id when the bare function is an id of the document already.
FUNCTION_ALIAS = "tm.function."
#: ParlaMint's legislature taxonomy: the numbering levels of ``meeting/@ana``, and the chamber
#: of ``org/@ana``.
LEGISLATURE_TAXONOMY = "parla.legislature"
LEVEL_CATEGORIES = {
    "term": "parla.term",
    "session": "parla.session",
    "sitting": "parla.sitting",
    "meeting": "parla.meeting",
}
CHAMBER_CATEGORY = "parla.chamber"
#: Last parts of the categories that mark an ``org role="parliament"`` as one chamber of it
#: (ParlaMint's ``parla.lower``, ``parla.upper``; siParl's ``par.lower``).
CHAMBER_MARKS = frozenset({"chamber", "lower", "upper"})
LEGISLATURE_TERMS = {
    "parla.term": "Legislative term",
    "parla.session": "Legislative session",
    "parla.sitting": "Sitting",
    "parla.meeting": "Meeting",
    CHAMBER_CATEGORY: "Chamber",
}
#: Organisation kinds as ParlaMint's ``org/@role`` spells them (a chamber is a parliament
#: marked with the chamber category).
ORG_ROLES = {
    "parliament": "parliament",
    "chamber": "parliament",
    "committee": "committee",
    "political_party": "politicalParty",
    "parliamentary_group": "parliamentaryGroup",
    "government": "government",
    "ministry": "ministry",
    "other": "institution",
}
#: ``org/@role`` values read as a kind; any other is "other".
ORG_KINDS = {
    "parliament": "parliament",
    "senate": "chamber",
    "chamberOfThePeople": "chamber",
    "chamberOfTheNations": "chamber",
    "committee": "committee",
    "subcommittee": "committee",
    "commission": "committee",
    "workingGroup": "committee",
    "politicalParty": "political_party",
    "parliamentaryGroup": "parliamentary_group",
    "government": "government",
    "ministry": "ministry",
}
#: Inline event kinds, after the TEI elements of the same names.
EVENT_KINDS = ("note", "gap", "vocal", "kinesic", "incident", "time")
#: A type value TEI's ``@type`` (an XML Name) takes as it is; any other goes into ``@n``.
PLAIN_TYPE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")

#: ParlaMint's ``affiliation/@role`` vocabulary (affiliationRole.val of ParlaMint.rng).
PARLAMINT_AFFILIATION_ROLES = frozenset(
    {
        "member", "head", "deputyHead", "minister", "associateMember", "nonAttachedMember",
        "ministerDelegate", "secretaryOfState", "observer", "verifier",
        "vicePublicDefenderOfRights", "publicDefenderOfRights", "alternateOfDelegation",
        "replacement", "representative", "academician", "candidateChairman",
        "constitutionalJudge", "deputyMinister", "ombudsman", "prosecutorGeneral", "secretary",
        "secretaryGeneral",
    }
)  # fmt: skip
#: The taxonomy of affiliation roles outside ParlaMint's vocabulary: ParlaMint packaging writes
#: such an affiliation as ``role="member"`` with ``@ana`` pointing at the role's category.
AFFILIATION_TAXONOMY = "tm.affiliation"
#: ``availability/p/@n`` in ParlaMint packaging, where the model's licence is not the CC BY 4.0
#: URL ParlaMint's schema fixes for ``licence``: the p holds the model's licence ...
LICENCE_NOTE = "tm.licence"
#: ... or says that the model has none.
NO_LICENCE_NOTE = "tm.licence.none"
#: ``setting/name/@type`` of the name ParlaMint requires where the model has no place, body or
#: attendee to name; the reader skips it.
NO_SETTING_NAME = "tm.none"
#: ``setting/name/@type`` of the sitting's body in ParlaMint packaging (``@key`` its xml:id):
#: ParlaMint allows only names in the setting.
BODY_NAME = "body"
#: What ParlaMint's schema allows as ``gap/@reason`` and ``vocal|kinesic|incident/@type``
#: (ParlaMint-TEI.rng, ParlaMint.rng); ``None``: the attribute may be left out.
PARLAMINT_EVENT_TYPES: dict[str, tuple[frozenset[str], str | None]] = {
    "gap": (frozenset({"editorial", "inaudible", "foreign"}), "editorial"),
    "vocal": (
        frozenset(
            {
                "greeting",
                "question",
                "clarification",
                "speaking",
                "interruption",
                "exclamat",
                "laughter",
                "shouting",
                "murmuring",
                "noise",
                "signal",
            }
        ),
        "speaking",
    ),
    "kinesic": (
        frozenset(
            {
                "kinesic",
                "applause",
                "ringing",
                "signal",
                "playback",
                "gesture",
                "smiling",
                "laughter",
                "snapping",
                "noise",
            }
        ),
        None,
    ),
    "incident": (
        frozenset(
            {"action", "incident", "leaving", "entering", "break", "pause", "sound", "editorial"}
        ),
        None,
    ),
}
#: ParlaMint packaging: private-use languages (BCP 47 ``x-``) of the extra ``desc`` elements
#: that carry what ParlaMint's vocabularies have no value for. ``x-tm-type``: the model's
#: type, where the attribute holds ParlaMint's nearest value; ``x-tm-untyped``: the model has
#: no type (the attribute, which ParlaMint requires, holds a placeholder); ``x-tm-notext``: the
#: model has no text (ParlaMint requires a desc).
DESC_TYPE = "x-tm-type"
DESC_UNTYPED = "x-tm-untyped"
DESC_NO_TEXT = "x-tm-notext"
#: ... and ``x-tm-tabs``: the offsets of the tabs the text before it had (ParlaMint's desc
#: allows ordinary spaces only, so a tab is written as a space).
DESC_TABS = "x-tm-tabs"


def tab_offsets(value: str) -> str | None:
    """The offsets of the tabs in ``value`` (see DESC_TABS), None if it has none."""
    if "\t" not in value:
        return None
    return " ".join(str(index) for index, char in enumerate(value) if char == "\t")


def restore_tabs(value: str, offsets: str | None) -> str:
    """``value`` with tabs back at ``offsets`` (where ParlaMint packaging wrote spaces)."""
    if not offsets:
        return value
    characters = list(value)
    for offset in offsets.split():
        if offset.isdigit() and int(offset) < len(characters) and characters[int(offset)] == " ":
            characters[int(offset)] = "\t"
    return "".join(characters)


#: ParlaMint packaging: a time event as ParlaMint allows it, a note holding a ``time`` (whose
#: @when is the sitting's date and the time).
NOTE_TIME = "tm.time"
#: ParlaMint packaging: the note of a transcript with no turns (a div must hold something).
NOTE_EMPTY = "tm.empty"
#: ParlaMint packaging: ``setting/name/@type`` of every organisation and every participant
#: not attending (``@key`` the xml:id), in the model's order, so that a component names all of
#: its transcript's people and organisations, not only those it refers to.
ORGANISATION_NAME = "tm.organisation"
MENTIONED_NAME = "tm.participant"
#: ParlaMint packaging: private-use languages of the ``persName`` elements that are no name
#: of the person, since ParlaMint's persName has no @type: the name parts apart from the name
#: (structured; ParlaMint wants both a forename and a surname there), a lone forename or surname
#: (as a term), and the role that names a role-only participant (ParlaMint requires a persName).
NAME_PARTS = "x-tm-parts"
NAME_FORENAME = "x-tm-forename"
NAME_SURNAME = "x-tm-surname"
NAME_ROLE = "x-tm-role"
PACKAGED_NAMES = frozenset({NAME_PARTS, NAME_FORENAME, NAME_SURNAME, NAME_ROLE})
