"""The footer of a page read as text: tag lists, publication fields, and the extension lines
our own writer adds ("Transcript id: …", "Participant: {…}")."""

from __future__ import annotations

import json

from transcript_model.errors import TranscriptError, excerpt

from .. import _kremlin as kremlin
from . import layout
from .document import Document


def footer_start(doc: Document) -> int:
    """The index of the first footer line of ``doc`` (its line count when there is none)."""
    texts = doc.texts
    heads, length, spaces = layout.FOOTER_HEADS, layout.FOOTER_HEAD_LENGTH, layout.SPACES
    for index in doc.other:
        line = texts[index]
        if (
            index > 0
            and (line[:length] in heads or line[:1] in spaces)
            and layout.is_footer_start(line)
        ):
            return index
    return len(texts)


def parse_footer(doc: Document, start: int) -> None:
    """Read the footer of ``doc``, from its line ``start`` to the end."""
    section: str | None = None
    lists: dict[str, list[str]] = {"see_also": [], "geography": [], "topics": [], "persons": []}
    for number, line in doc.lines[start:]:
        # An escaped line is a list item, whatever it looks like.
        if not layout.is_escaped(line):
            key = kremlin.footer_key(line)
            if key is not None:
                section = key
                continue
            found = kremlin.footer_field(line)
            if found is not None:
                doc.footer[found[0]] = found[1]
                doc.footer[f"{found[0]}_line"] = number
                continue
            ext = layout.extension(line)
            if ext is not None:
                _store_extension(doc, ext[0], ext[1], number)
                continue
        if section == "see_also":
            lists[section].append(layout.unescape(line))
        elif section in lists:
            lists[section].append(layout.clean(layout.unescape(line)))
        else:
            doc.warn("dropped", f"footer line not understood, dropped: {excerpt(line)}", number)
    doc.footer.update(lists)


_JSON_EXTENSIONS = {"participant": dict, "sections": list, "links": list}


def _store_extension(doc: Document, name: str, value: str | None, number: int) -> None:
    if name not in _JSON_EXTENSIONS:
        doc.extensions[name] = value
        return
    expected = _JSON_EXTENSIONS[name]
    try:
        parsed = json.loads(value) if value is not None else None
    except (json.JSONDecodeError, RecursionError):
        parsed = None
    if not isinstance(parsed, expected):
        what = "a JSON object" if expected is dict else "a JSON array"
        raise TranscriptError.single(
            "text_syntax",
            f"expected {what} after the footer key for {name}",
            doc.origin,
            number,
        )
    if name == "participant":
        doc.participants_explicit.append(parsed)
    else:
        doc.extensions[name] = parsed
