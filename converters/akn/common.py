"""Names shared by the Akoma Ntoso writer, reader and validator (no format logic).

Kept apart so that the writer does not load the reader and the reader does not load the
writer; none of it depends on another format module.
"""

from __future__ import annotations

from typing import Any

#: The OASIS LegalDocML namespace that the writer uses and the XSD defines.
AKN30 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: Committee drafts of 3.0 used namespaces below the final one ("…/3.0/CSD03").
AKN30_DRAFT_PREFIX = AKN30 + "/"
#: The pre-OASIS namespace of SayIt-era files (``@id`` instead of ``@eId``).
AKN20 = "http://www.akomantoso.org/2.0"
AKN10 = "http://www.akomantoso.org/1.0"
#: The package's own namespace, for what AKN has no slot for (inside ``meta/proprietary``).
TM = "urn:transcript-model:akn:1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: eIds of the reference entities the writer creates; each holds a "." so that none can equal
#: a participant id (model ids never contain ".").
ORG_CONVERTER = "org.converter"
ORG_PUBLISHER = "org.publisher"
LOCATION_PLACE = "location.place"
#: Model tag lists and the TLCConcept eId of the dictionary their keywords point to.
DICTIONARIES = (
    ("sections", "concept.sections", "Published in sections"),
    ("topics", "concept.topics", "Topics"),
    ("geography", "concept.geography", "Geography"),
    ("persons", "concept.persons", "Persons"),
)
SEE_ALSO = "seeAlso"

#: Classes of preface and body paragraphs that carry model fields.
CLASS_TITLE = "title"
CLASS_SUMMARY = "summary"
CLASS_DATE = "date"
CLASS_TIME = "time"
CLASS_PLACE = "place"
CLASS_COUNTER = "counter"
CLASS_SEPARATOR = "separator"
CLASS_OMISSION = "omission"
CLASS_CONTINUATION = "continuation"
CONTAINER_PHOTO = "photo"
CONTAINER_PARTICIPANTS = "participants"
#: Model 1.1: the sitting in the preface, and events inside a speech.
CLASS_BODY = "body"
CLASS_NUMBER = "number"
CLASS_SITTING_TITLE = "sittingTitle"
CLASS_END = "end"
CLASS_AGENDA_ITEM = "agendaItem"
CONTAINER_AGENDA = "agenda"
#: A ``p`` in a speech that is one event between paragraphs; a ``p`` that is a paragraph
#: whose only content is one event (a rare case, told apart from the first).
CLASS_EVENT = "event"
CLASS_ONLY_EVENT = "eventParagraph"
#: The XSD's remark types (an enumeration) for the model's event kinds that have one.
REMARK_TYPES = {"vocal": "phenomenon", "kinesic": "phenomenon", "incident": "sceneDescription"}
#: The model's event kinds, and the kind a third-party remark or block is read as.
EVENT_KINDS = frozenset({"note", "gap", "vocal", "kinesic", "incident", "time"})
#: TLCRole eIds for speaker functions hold "function." when the function id itself is taken.
FUNCTION_PREFIX = "function."

# ISO 639-1 → ISO 639-2/T (the terminology codes that AKN FRBR URIs use, e.g. "eng", "deu").
LANG3 = {
    "af": "afr", "am": "amh", "ar": "ara", "az": "aze", "be": "bel", "bg": "bul", "bn": "ben",
    "bs": "bos", "ca": "cat", "cs": "ces", "cy": "cym", "da": "dan", "de": "deu", "el": "ell",
    "en": "eng", "eo": "epo", "es": "spa", "et": "est", "eu": "eus", "fa": "fas", "fi": "fin",
    "fr": "fra", "ga": "gle", "gl": "glg", "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun",
    "hy": "hye", "id": "ind", "is": "isl", "it": "ita", "ja": "jpn", "ka": "kat", "kk": "kaz",
    "ko": "kor", "ky": "kir", "la": "lat", "lb": "ltz", "lt": "lit", "lv": "lav", "mk": "mkd",
    "mn": "mon", "ms": "msa", "mt": "mlt", "nb": "nob", "nl": "nld", "nn": "nno", "no": "nor",
    "pl": "pol", "pt": "por", "ro": "ron", "ru": "rus", "sk": "slk", "sl": "slv", "sq": "sqi",
    "sr": "srp", "st": "sot", "sv": "swe", "sw": "swa", "tg": "tgk", "th": "tha", "tk": "tuk",
    "tn": "tsn", "tr": "tur", "uk": "ukr", "ur": "urd", "uz": "uzb", "vi": "vie", "xh": "xho",
    "zh": "zho", "zu": "zul", "ts": "tso", "ve": "ven", "ss": "ssw", "nr": "nbl",
}  # fmt: skip
# ISO 639-2/B codes that differ from /T; third-party files use either.
_LANG3_BIBLIOGRAPHIC = {
    "alb": "sq", "arm": "hy", "baq": "eu", "chi": "zh", "cze": "cs", "dut": "nl", "fre": "fr",
    "geo": "ka", "ger": "de", "gre": "el", "ice": "is", "mac": "mk", "may": "ms", "per": "fa",
    "rum": "ro", "slo": "sk", "wel": "cy",
}  # fmt: skip
LANG2 = {**{three: two for two, three in LANG3.items()}, **_LANG3_BIBLIOGRAPHIC}


def line_of(element: Any) -> int | None:
    """The source line of an element, when lxml knows it."""
    line = getattr(element, "sourceline", None)
    return line if isinstance(line, int) else None


def reference_key(element: Any) -> str | None:
    """The name a ``#pointer`` uses for a references entry.

    ``eId`` in 3.0, ``id`` in 2.0, ``xml:id`` in AKN4EU; SayIt's exports give none and point at
    the last segment of the entry's ``href`` (``/ontology/person/…/gonzalo`` is ``#gonzalo``).
    """
    # One get() at a time: the entries carry eId nearly always, and every get() parses its name.
    key = element.get("eId")
    if key is None:
        key = element.get("id")
    if key is None:
        key = element.get(_XML_ID)
    if key is None and element.get("href"):
        key = element.get("href").rstrip("/").rsplit("/", 1)[-1] or None
    return key if isinstance(key, str) else None
