"""The problem-code catalogue: every code the package reports, with its severity and meaning.

Each :class:`~transcript_model.errors.Problem` carries one of these codes. Users filter on them
(``transcript validate --ignore tei_dropped``), CI dialects list them as rules (SARIF), and
``docs/problems.md`` is rendered from this table (``scripts/render_problem_codes.py``). A test
fails when the package emits a code that is not listed here.

This module imports nothing heavy: the command line reads it at start.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Category = Literal[
    "unreadable", "usage", "plugin", "capability", "syntax", "model", "format", "lossy", "output"
]

#: What each category means, in the order the documentation lists them.
CATEGORIES: Mapping[Category, str] = {
    "unreadable": "the input could not be checked at all (`transcript validate` exits 2)",
    "usage": "the call or the command line was wrong, not the input",
    "plugin": "an installed format plugin is broken (reported by `transcript formats`)",
    "capability": "the format cannot do what was asked of it",
    "syntax": "the bytes are not a readable document of their format",
    "model": "the content breaks a rule of the transcript model (field types, references)",
    "format": "the document breaks a rule of its own format (schema, profile, pointers)",
    "lossy": "the input was read, but something in it was dropped or changed on the way",
    "output": "a result could not be written",
}


@dataclass(frozen=True)
class ProblemCode:
    """One catalogued problem code."""

    code: str
    severity: Severity
    category: Category
    meaning: str


_E: Severity = "error"
_W: Severity = "warning"

# (code, default severity, category, one-line meaning). Codes a format family owns start with
# its name and "_" (tei_, akn_, xml_, json_, html_, text_), so a prefix selects the family.
_TABLE: tuple[tuple[str, Severity, Category, str], ...] = (
    # -- inputs that cannot be checked at all
    ("unreadable", _E, "unreadable", "the file or standard input could not be read"),
    ("not_found", _E, "unreadable", "no such file or directory, or a pattern that matches none"),
    ("too_large", _E, "unreadable", "the input is over the size limit (max_bytes / --max-bytes)"),
    ("binary", _E, "unreadable", "the input holds a NUL character: it is not a text file"),
    ("unknown_format", _E, "unreadable", "the format is unknown or could not be detected"),
    ("format_unavailable", _E, "unreadable", "the format is registered but cannot be loaded"),
    ("write_only", _E, "unreadable", "an export-only format: it cannot be read back or checked"),
    ("no_read", _E, "unreadable", "the format has no reader"),
    ("internal_error", _E, "unreadable", "a bug in a reader or checker (please report it)"),
    # -- the call was wrong
    ("usage", _E, "usage", "a command-line argument or option is wrong"),
    ("option", _E, "usage", "a reader or writer option has a value the format does not accept"),
    ("path_as_text", _E, "usage", "a str that names a file was passed as the content itself"),
    ("count", _E, "usage", "expected exactly one transcript, found another number"),
    ("format_ambiguous", _W, "usage", "another format was almost as likely; pass --from to choose"),
    ("format_fallback", _W, "usage", "the likeliest reader failed, so a less likely one read it"),
    # -- the installation
    ("plugin_error", _W, "plugin", "a format plugin could not be loaded or clashes with another"),
    (
        "missing_dependency",
        _E,
        "plugin",
        "the format needs an optional dependency that is not installed (e.g. the parquet extra)",
    ),
    # -- the format cannot do it
    ("read_only", _E, "capability", "the format can be read but not written"),
    ("no_write", _E, "capability", "the format has no writer"),
    ("no_validate", _E, "capability", "the format has no checker of its own"),
    ("no_stream", _E, "capability", "the format cannot be read or written as a stream"),
    ("no_package", _E, "capability", "the format has no corpus package"),
    ("one_per_file", _E, "capability", "the format holds one transcript per file; several given"),
    # -- bytes that are not a document
    ("empty", _E, "syntax", "the input is empty"),
    ("encoding", _E, "syntax", "the bytes cannot be decoded in the (declared) text encoding"),
    ("encoding_guessed", _W, "syntax", "not UTF-8: the text was read as Windows-1252"),
    ("control_character", _E, "syntax", "a control character that no transcript can carry"),
    ("json_syntax", _E, "syntax", "not valid JSON (RFC 8259)"),
    ("json_type", _E, "syntax", "the JSON is neither a transcript object nor an array of them"),
    ("duplicate_key", _E, "syntax", "a JSON object holds the same key twice"),
    ("too_deep", _E, "syntax", "the JSON is nested too deeply to be a transcript"),
    ("xml_syntax", _E, "syntax", "not well-formed XML"),
    ("xml_dtd", _E, "syntax", "a DOCTYPE declaration, refused (entities, external files)"),
    ("xml_encoding", _E, "syntax", "the XML declaration names an encoding the bytes are not in"),
    ("xml_version", _E, "syntax", "an XML version other than 1.0"),
    ("too_many_elements", _E, "syntax", "more XML elements than the size limit allows"),
    ("html_syntax", _E, "syntax", "not readable as HTML"),
    ("text_syntax", _E, "syntax", "transcript text that does not follow the text format"),
    ("not_a_transcript", _E, "syntax", "the page or text is not a kremlin.ru transcript"),
    # -- the transcript model (pydantic error types keep pydantic's names)
    ("schema_version", _E, "model", "a schema_version this version of the model does not read"),
    ("missing", _E, "model", "a required field is missing"),
    ("extra_forbidden", _E, "model", "a field the model does not know"),
    ("string_type", _E, "model", "expected a string"),
    ("string_pattern_mismatch", _E, "model", "a string of the wrong shape (id, name, line, URL…)"),
    ("string_unicode", _E, "model", "text holding a lone surrogate code point"),
    ("int_type", _E, "model", "expected an integer"),
    ("bool_type", _E, "model", "expected true or false"),
    ("list_type", _E, "model", "expected an array"),
    ("too_short", _E, "model", "an array with too few items (a turn needs a paragraph)"),
    ("greater_than_equal", _E, "model", "a number below its minimum"),
    ("literal_error", _E, "model", "a value other than the fixed ones allowed"),
    ("model_type", _E, "model", "expected an object"),
    ("model_attributes_type", _E, "model", "expected an object"),
    ("union_tag_invalid", _E, "model", "a turn kind the model does not know"),
    ("union_tag_not_found", _E, "model", "a turn without a kind"),
    ("date_type", _E, "model", "expected a date"),
    ("date_from_datetime_parsing", _E, "model", "not an ISO 8601 date (YYYY-MM-DD)"),
    ("date_from_datetime_inexact", _E, "model", "a date-time given where a date belongs"),
    ("time_type", _E, "model", "expected a time"),
    ("time_parsing", _E, "model", "not an ISO 8601 time (HH:MM or HH:MM:SS)"),
    ("datetime_type", _E, "model", "expected a date-time"),
    ("datetime_from_date_parsing", _E, "model", "not an ISO 8601 date-time"),
    ("value_error", _E, "model", "a value the model refuses (the message says why)"),
    ("unknown_speaker", _E, "model", "a speech's speaker is not the id of any participant"),
    ("duplicate_id", _E, "model", "an id used twice (participants, or transcripts in a corpus)"),
    ("missing_attendees_intro", _E, "model", "attending participants without attendees_intro"),
    ("unknown_organisation", _E, "model", "an affiliation or the sitting names no organisation"),
    ("block_type", _E, "model", "an item of a speech that is neither text nor an object"),
    # -- rules of the formats
    ("no_title", _E, "format", "no title found (pass title=... where the reader takes it)"),
    ("no_date", _E, "format", "no date found (pass date=... where the reader takes it)"),
    ("tei_root", _E, "format", "the root is not <TEI> in the TEI namespace"),
    ("tei_header", _E, "format", "the TEI document has no teiHeader"),
    ("tei_title", _E, "format", "the teiHeader has no usable title"),
    ("tei_date", _E, "format", "no event date in the teiHeader"),
    ("tei_profile", _E, "format", "not valid against the project's TEI profile"),
    ("tei_profile_partial", _W, "format", "a huge element: the TEI profile checked part of it"),
    ("tei_pointer", _E, "format", "a TEI pointer names no element of the file (or corpus)"),
    ("tei_duplicate_id", _E, "format", "an xml:id used twice across a corpus and its includes"),
    ("tei_xinclude", _E, "format", "an XInclude that cannot be followed (some only warn)"),
    ("tei_xinclude_repeated", _E, "format", "a corpus root includes one file twice"),
    ("tei_corpus_part", _W, "format", "a corpus part checked without its corpus root"),
    ("tei_corpus_file", _W, "format", "a corpus-level file that holds no transcript itself"),
    ("corpus_id", _E, "format", "a corpus id that is not an xml:id and file name stem"),
    ("tei_parlamint", _E, "format", "not valid against the ParlaMint schemas (profile parlamint)"),
    ("tei_parlamint_hint", _W, "format", "a ParlaMint file checked against the project profile"),
    ("tei_all", _E, "format", "not valid against TEI P5 tei_all (--profile tei_all)"),
    ("tei_schema_partial", _W, "format", "a huge element: the profile's schema checked part of it"),
    ("tei_schema_unavailable", _E, "unreadable", "a TEI profile's schema is not installed"),
    ("akn_root", _E, "format", "the root is not akomaNtoso (AKN 3.0 or 2.0 namespace)"),
    ("akn_not_debate", _E, "format", "the Akoma Ntoso document is not a debate"),
    ("akn_date", _E, "format", "no date, or a date that is not YYYY-MM-DD"),
    ("akn_schema", _E, "format", "not valid against the OASIS Akoma Ntoso 3.0 XSD"),
    ("akn_schema_partial", _W, "format", "a huge element: the AKN XSD checked part of it"),
    ("akn_schema_skipped", _W, "format", "not in the AKN 3.0 namespace: the XSD was not applied"),
    ("akn_unresolved", _W, "format", "an AKN reference names no TLCPerson or TLCRole"),
    ("akn_no_meta", _W, "format", "the debate has no meta element"),
    ("akn_no_title", _W, "format", "no docTitle, name or heading: the title is a placeholder"),
    # -- read, with losses
    ("dropped", _W, "lossy", "something the model has no place for was not kept"),
    ("text_site_chrome", _W, "lossy",
     "the site's menus and links around a page copied whole were left out"),
    ("date_disagrees", _W, "lossy", "the printed date and the machine-readable one differ"),
    ("tei_dropped", _W, "lossy", "TEI content the model has no place for was dropped"),
    ("tei_id_mapped", _W, "lossy", "an xml:id that is no model id was replaced"),
    ("tei_language", _W, "lossy", "an xml:lang the model does not accept; 'und' is used"),
    ("tei_no_text", _W, "lossy", "the TEI document has no text element: no turns"),
    ("tei_unknown_person", _W, "lossy", "a speaker with no person entry; its id is the name"),
    ("format_tried", _W, "usage", "another reader also tried the input, and why it failed"),
    ("title_from_file_name", _W, "lossy", "no title in the text: the file name's words are used"),
    ("date_from_running_head", _W, "lossy", "no date in the header: a running head's date is used"),
    ("tei_date_published", _W, "lossy", "no sitting date in the teiHeader: the publication date"),
    ("tei_no_namespace", _W, "format", "a TEI document without the TEI namespace, read as TEI"),
    ("tei_title_from_id", _W, "lossy", "no title in the teiHeader: the document's id is used"),
    ("tei_unidentified_speaker", _W, "lossy", "a function but no @who: a role-only speaker"),
    ("akn_dropped", _W, "lossy", "AKN content the model has no place for was dropped"),
    ("akn_flattened", _W, "lossy", "AKN structure read as plain text"),
    ("akn_anonymous", _W, "lossy", "a speech without speaker or label, read as narrative"),
    ("akn_empty_speech", _W, "lossy", "a speech without text, dropped"),
    ("akn_attendees", _W, "lossy", "an attendee list without intro text, kept as a list"),
    ("akn_caption", _W, "lossy", "a photo container without an 'N of M' counter"),
    ("akn_time", _W, "lossy", "a time element without a valid time attribute, dropped"),
    ("skipped", _W, "lossy", "a directory or pattern entry that was not read"),
    # -- writing
    ("unwritable", _E, "output", "the transcript cannot be written in the format without loss"),
    ("not_written", _E, "output", "an output file could not be written"),
    ("duplicate_output", _E, "output", "two transcripts would be written to one file name"),
)

#: Every catalogued code, in documentation order.
CODES: Mapping[str, ProblemCode] = {
    code: ProblemCode(code, severity, category, meaning)
    for code, severity, category, meaning in _TABLE
}


def in_category(category: Category) -> frozenset[str]:
    """The codes of one category."""
    return frozenset(c.code for c in CODES.values() if c.category == category)


#: Codes that mean an input could not be checked at all (exit status 2, not 1).
UNREADABLE: frozenset[str] = in_category("unreadable")


def matches(selector: str, code: str) -> bool:
    """True when ``selector`` names ``code``: the code itself, or a prefix ending in ``_``."""
    return code == selector or (selector.endswith("_") and code.startswith(selector))


def selected(selector: str, codes: Iterable[str] = CODES) -> list[str]:
    """The catalogued codes ``selector`` names (empty when it names none)."""
    return [code for code in codes if matches(selector, code)]
