"""The text: front matter, divisions (sections between breaks), notes and utterances."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from transcript_model import types
from transcript_model.errors import excerpt

from .._xml.text import clip
from .common import (
    CAPTION_N,
    FUNCTION_TAXONOMY,
    NOTE_AGENDA,
    NOTE_ATTENDEES,
    NOTE_BREAK,
    NOTE_CAPTION,
    NOTE_EMPTY,
    NOTE_HEADING,
    NOTE_NARRATIVE,
    NOTE_SEE_ALSO,
    NOTE_SPEAKER,
    NOTE_SUMMARY,
    PREFIX,
    XML_LANG,
    T,
)
from .context import Context, IdMap
from .inline import (
    Speech,
    comment_turn,
    gather_inline,
    plain_paragraphs,
    profiled_paragraphs,
    speech_blocks,
)
from .people import participant_id, unidentified_speaker
from .values import (
    COMMENT_TAGS,
    MODEL_ID,
    PARAGRAPH_TAGS,
    SILENT_TAGS,
    TAG_DIV,
    TAG_HEAD,
    TAG_NOTE,
    TAG_SP,
    TAG_SPEAKER,
    TAG_U,
    all_text,
    child_elements,
    clean_line,
    clean_name,
    find,
    local_name,
    pointer_tokens,
)

_LANGUAGE = re.compile(types.LANGUAGE_PATTERN)


def read_body(context: Context, root: etree._Element) -> None:
    text = find(root, T + "text")
    if text is None:
        context.warn("tei_no_text", "the document has no text element: no turns", root)
        return
    for part in child_elements(text):
        if part.tag == T + "front":
            for child in child_elements(part):
                _block(context, child, first=True)
        elif part.tag == T + "body":
            divs = 0
            for child in child_elements(part):
                if child.tag == T + "div":
                    divs += _division(context, child, divs == 0)
                else:
                    _block(context, child, first=True)
        elif part.tag == T + "back":
            context.warn("tei_dropped", "the back matter (text/back) is dropped", part)


def _division(context: Context, div: etree._Element, first: bool) -> int:
    """Read one div (and the divs it nests); return how many sections it made."""
    children = list(child_elements(div))
    if find(div, TAG_DIV) is not None:
        made = 0
        for child in children:
            if child.tag == TAG_DIV:
                made += _division(context, child, first and made == 0)
            else:
                _element(context, child, None)
        return made
    opens_with_break = bool(
        children and children[0].tag == TAG_NOTE and children[0].get("type") == NOTE_BREAK
    )
    if not first and not opens_with_break:
        context.turns.append({"kind": "break"})
    label: tuple[str, etree._Element] | None = None
    for child in children:
        label = _element(context, child, label)
    _dangling(context, label)
    return 1


def _block(context: Context, element: etree._Element, first: bool) -> None:
    if element.tag == TAG_DIV:
        _division(context, element, first)
    else:
        _dangling(context, _element(context, element, None))


def _dangling(context: Context, label: tuple[str, etree._Element] | None) -> None:
    if label is not None:
        context.warn(
            "tei_dropped",
            f"speaker label {excerpt(label[0])} is not followed by an utterance; dropped",
            label[1],
        )


def _element(
    context: Context, element: etree._Element, label: tuple[str, etree._Element] | None
) -> tuple[str, etree._Element] | None:
    """Read one element of a div; return the pending speaker label, if any."""
    tag = element.tag
    if tag == TAG_U:
        _utterance(context, element, label[0] if label else None)
        return None
    if tag == TAG_SP:
        _dangling(context, label)
        _performance_speech(context, element)
        return None
    if label is not None:
        _dangling(context, label)
    if tag == TAG_NOTE:
        return _note(context, element)
    if tag == TAG_HEAD:
        _text_turn(context, "heading", element)
    elif tag in COMMENT_TAGS:
        comment_turn(context, element)
    elif tag not in SILENT_TAGS:
        context.warn(
            "tei_dropped",
            f"<{clip(local_name(element))}> in the body has no place in the model",
            element,
        )
    return None


def _note(context: Context, note: etree._Element) -> tuple[str, etree._Element] | None:
    """Read a note of a div: a speaker label (returned, pending), front matter or a turn."""
    kind = note.get("type")
    if kind == NOTE_SPEAKER:
        value = context.name(all_text(note), note, "the speaker label")
        value = value[:-1].rstrip() if value and value.endswith(":") else value
        if value:
            return value, note
        context.warn("tei_dropped", "an empty speaker label dropped", note)
        return None
    if _front_note(context, note, kind):
        return None
    if kind == NOTE_EMPTY and not len(note) and not (note.text or "").strip():
        return None  # ParlaMint packaging's note in the div of a transcript without turns
    if kind == NOTE_NARRATIVE:
        _narrative_note(context, note)
    elif kind == NOTE_HEADING:
        _text_turn(context, "heading", note)
    elif kind == NOTE_BREAK:
        marker = clean_line(all_text(note))
        context.turns.append({"kind": "break", "marker": marker} if marker else {"kind": "break"})
    else:
        comment_turn(context, note)
    return None


def _front_note(context: Context, note: etree._Element, kind: str | None) -> bool:
    if kind == NOTE_AGENDA:
        value = clean_line(all_text(note))
        if value:
            item: dict[str, Any] = {"title": value}
            number = clean_name(note.get("n") or "")
            if number:
                item["number"] = number
            context.sitting.setdefault("agenda", []).append(item)
            return True
    elif kind == NOTE_SUMMARY and "lead" not in context.event:
        value = clean_line(all_text(note))
        if value:
            context.event["lead"] = value
            return True
    elif kind == NOTE_ATTENDEES and "attendees_intro" not in context.event:
        value = clean_line(all_text(note))
        if value:
            context.event["attendees_intro"] = value
            return True
    elif kind == NOTE_SEE_ALSO:
        value = clean_line(all_text(note))
        position = note.get("n") or ""
        if value and position.isdigit() and int(position) not in context.placed_links:
            context.placed_links[int(position)] = {"title": value}
            return True
    elif kind == NOTE_CAPTION:
        match = CAPTION_N.match(note.get("n") or "")
        if match and 1 <= int(match.group(1)) <= int(match.group(2)):
            caption: dict[str, Any] = {"index": int(match.group(1)), "total": int(match.group(2))}
            value = clean_line(all_text(note))
            if value:
                caption["text"] = value
            context.captions.append(caption)
            return True
    return False


def _narrative_note(context: Context, note: etree._Element) -> None:
    """A paragraph of narrative: continues the narrative just before it unless numbered 1."""
    value = clean_line(all_text(note))
    if not value:
        context.warn("tei_dropped", "an empty narrative note dropped", note)
        return
    last = context.turns[-1] if context.turns else None
    if note.get("n") != "1" and last is not None and last is context.narrative:
        last["paragraphs"].append(value)
    else:
        context.narrative = {"kind": "narrative", "paragraphs": [value]}
        context.turns.append(context.narrative)


def _text_turn(context: Context, kind: str, element: etree._Element) -> None:
    value = clean_line(all_text(element))
    if value:
        context.turns.append({"kind": kind, "text": value})
    else:
        context.warn("tei_dropped", f"an empty <{local_name(element)}> dropped", element)


def _utterance(context: Context, u: etree._Element, label: str | None) -> None:
    _speech(context, u, pointer_tokens(u.get("who")), label, _utterance_blocks)


def _utterance_blocks(context: Context, u: etree._Element) -> list[Any]:
    paragraphs = profiled_paragraphs(u) if context.profiled else plain_paragraphs(u)
    return paragraphs if paragraphs is not None else speech_blocks(context, u)


def _performance_speech(context: Context, sp: etree._Element) -> None:
    """``<sp who="#id"><speaker>Label:</speaker><p>…</p><stage>…</stage></sp>``, as TEI
    encodes performance texts and some debate transcripts do: one speech. A ``who`` without
    "#" names the speaker ("Norbert Lammert") rather than pointing at a person."""
    raw = (sp.get("who") or "").strip()
    who = pointer_tokens(raw) if "#" in raw else ([raw] if raw else [])
    speaker = sp.find(TAG_SPEAKER)
    label = None
    if speaker is not None:
        label = context.name(all_text(speaker), speaker, "the speaker label")
        if label and label.endswith(":"):
            label = label[:-1].rstrip() or None
    _speech(context, sp, who, label, speech_blocks)


def _speech(
    context: Context,
    element: etree._Element,
    who: list[str],
    label: str | None,
    blocks_of: Callable[[Context, etree._Element], list[Any]],
) -> None:
    """One speech of a ``u`` or an ``sp``: by the first of ``who``, else by the holder of its
    function, else (no label either) narrative."""
    base: dict[str, Any] = {"kind": "speech"}
    if who:
        base["speaker"] = participant_id(context, who[0], element)
        if len(who) > 1:
            context.warn(
                "tei_dropped", "an utterance by several speakers: only the first kept", element
            )
        _named_speaker(context, base["speaker"], element)
    _analysis(context, element, base)
    role = element.get("role") or ""
    if "function" not in base and MODEL_ID.match(role):  # GermaParl's sp: "presidency", "mp"
        base["function"] = role
    if not who and label is None:
        if "function" not in base:
            _narrative_utterance(context, element)
            return
        base["speaker"] = unidentified_speaker(context, base["function"], element)
    language = element.get(XML_LANG)
    if language and _LANGUAGE.match(language):
        base["language"] = language
    if label is not None:
        base["label"] = label
    blocks = blocks_of(context, element)
    if blocks:
        base["paragraphs"] = blocks
        context.turns.append(base)
    else:
        context.warn("tei_dropped", "an utterance without text dropped", element)


def _named_speaker(context: Context, pid: str, element: etree._Element) -> None:
    """A speaker named by a bare ``who`` ("Köhler") and no person entry takes the full name an
    attribute gives (GermaParl's ``<sp who="Köhler" name="Erich Köhler">``)."""
    raw = (element.get("who") or "").strip()
    full = clean_name(element.get("name") or "")
    if full and "#" not in raw and raw not in context.persons:
        context.participants[pid]["name"] = full


def _analysis(context: Context, u: etree._Element, base: dict[str, Any]) -> None:
    """The role (a ``tm.role`` category) and the speaker's function (ParlaMint's speaker type,
    ``#chair``, ``#regular``, ``#guest``, or any other category) of ``u/@ana``."""
    roles = []
    for token in pointer_tokens(u.get("ana")):
        taxonomy, term = context.role_of(token)
        if taxonomy == "tm.role":
            roles.append(context.name(term or "", u, "the role"))
        elif taxonomy == FUNCTION_TAXONOMY and term and "function" not in base:
            base["function"] = term
        elif token.startswith(PREFIX):
            continue
        elif "function" not in base:
            base["function"] = _function_id(token)
        elif token not in context.dropped_ana:
            context.dropped_ana.add(token)
            context.warn(
                "tei_dropped",
                f"utterance analysis {excerpt(token)} beside the speaker's function has no place "
                "in the model; dropped here and wherever else it occurs",
                u,
            )
    if roles and roles[0]:
        base["role"] = roles[0]


def _function_id(token: str) -> str:
    """A category id as a function: model ids hold no "." (``parla.chair`` is ``parla_chair``)."""
    return IdMap().get(token)[0]


def _narrative_utterance(context: Context, u: etree._Element) -> None:
    """An utterance without speaker or label: narrative, split where comments interrupt it
    (a narrative holds plain paragraphs only)."""
    base: dict[str, Any] = {"kind": "narrative"}
    paragraphs = profiled_paragraphs(u) if context.profiled else plain_paragraphs(u)
    if paragraphs is not None:
        if paragraphs:
            base["paragraphs"] = paragraphs
            context.turns.append(base)
        else:
            context.warn("tei_dropped", "an utterance without text dropped", u)
        return
    speech = Speech(context, base, None)
    if u.text and u.text.strip():
        speech.buffer.append(u.text)
    for child in child_elements(u):
        tag = child.tag
        if tag in PARAGRAPH_TAGS:
            speech.end_paragraph()
            gather_inline(speech, child)
            speech.end_paragraph()
        elif tag in COMMENT_TAGS:
            speech.interrupt(child)
        elif tag not in SILENT_TAGS:
            gather_inline(speech, child)
        if child.tail and child.tail.strip():
            speech.buffer.append(child.tail)
    speech.flush()
    if speech.parts == 0:
        context.warn("tei_dropped", "an utterance without text dropped", u)
