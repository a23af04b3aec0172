"""Knowledge of kremlin.ru transcript pages that does not depend on how the page was saved.

Shared by the page-text reader (:mod:`transcript_model.converters.text`) and the reader of
saved kremlin.ru HTML (:mod:`transcript_model.converters.html`). Everything here works on
plain strings, one concern a module:

* :mod:`.site`: the site's vocabulary (:data:`FOOTER_HEADINGS`, :data:`FOOTER_FIELDS`,
  :func:`footer_key`, :func:`footer_field`, :func:`words_for`, :data:`BREADCRUMBS`,
  :data:`END_MARKERS`, :data:`PUBLISHERS`, :data:`MOSCOW_OFFSET`, :data:`LICENCE`),
  :func:`clean` and :func:`detect_language`;
* :mod:`.dates`: :func:`parse_date`, :func:`format_date`, :func:`parse_time`,
  :func:`format_time`, :func:`parse_published`, :func:`format_published` (English
  "March 11, 2022", Russian "11 марта 2022 года");
* :mod:`.names`: one name or label at a time: :class:`LabelParts`, :func:`is_generic_label`,
  :func:`is_role_only_label`, :func:`names_match`, :func:`person_tag_to_name`;
* :mod:`.known_names`: :class:`KnownNames`, the names of a page indexed for matching;
* :mod:`.labels`: :func:`split_label`;
* :mod:`.attendees`: :func:`attendee_intro`, :func:`parse_attendees`;
* :mod:`.ids`: :func:`slug`, :func:`transcript_id`, :func:`unique_id`;
* :mod:`.participants`: :class:`ParticipantList`, :func:`full_names_in`;
* :mod:`.presidents`: :func:`president_on`, who held the office on a day;
* :mod:`.stage`: :func:`stage_event`, :func:`has_paragraph_events`,
  :func:`lines_have_paragraph_events`, :func:`paragraph_events` (stage directions as events).

The modules import one another only in that order (each from those above it).
"""

from .attendees import attendee_intro, parse_attendees
from .dates import (
    ENGLISH_MONTHS,
    RUSSIAN_MONTHS,
    format_date,
    format_published,
    format_time,
    parse_date,
    parse_published,
    parse_time,
)
from .ids import slug, transcript_id, unique_id
from .known_names import MAX_NAME_WORDS, KnownNames
from .labels import name_in_pieces, split_label
from .names import (
    GENERIC_LABELS,
    NAME_PARTICLES,
    ROLE_ONLY_LABELS,
    ROLE_WORDS,
    LabelParts,
    is_generic_label,
    is_name_word,
    is_role_only_label,
    label_text,
    names_match,
    person_tag_to_name,
)
from .participants import ParticipantList, full_names_in
from .presidents import president_on
from .site import (
    ADDRESS_FIELDS,
    BREADCRUMBS,
    END_MARKERS,
    FIRST_SITE_LINKS,
    FOOTER_FIELDS,
    FOOTER_HEADINGS,
    FOOTER_WORDS,
    LICENCE,
    MOSCOW_OFFSET,
    PUBLISHERS,
    SITE_LINKS,
    address_field,
    clean,
    detect_language,
    footer_field,
    footer_key,
    words_for,
)
from .stage import (
    has_paragraph_events,
    lines_have_paragraph_events,
    paragraph_events,
    stage_event,
)

# The name the hostile-input tests know the label cleaner by.
_label_text = label_text

__all__ = [
    "ADDRESS_FIELDS",
    "BREADCRUMBS",
    "END_MARKERS",
    "ENGLISH_MONTHS",
    "FIRST_SITE_LINKS",
    "FOOTER_FIELDS",
    "FOOTER_HEADINGS",
    "FOOTER_WORDS",
    "GENERIC_LABELS",
    "LICENCE",
    "MAX_NAME_WORDS",
    "MOSCOW_OFFSET",
    "NAME_PARTICLES",
    "PUBLISHERS",
    "ROLE_ONLY_LABELS",
    "ROLE_WORDS",
    "RUSSIAN_MONTHS",
    "SITE_LINKS",
    "KnownNames",
    "LabelParts",
    "ParticipantList",
    "address_field",
    "attendee_intro",
    "clean",
    "detect_language",
    "footer_field",
    "footer_key",
    "format_date",
    "format_published",
    "format_time",
    "full_names_in",
    "has_paragraph_events",
    "is_generic_label",
    "is_name_word",
    "is_role_only_label",
    "label_text",
    "lines_have_paragraph_events",
    "name_in_pieces",
    "names_match",
    "paragraph_events",
    "parse_attendees",
    "parse_date",
    "parse_published",
    "parse_time",
    "person_tag_to_name",
    "president_on",
    "slug",
    "split_label",
    "stage_event",
    "transcript_id",
    "unique_id",
    "words_for",
]
