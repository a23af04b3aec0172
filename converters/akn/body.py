"""The debate body: sections, headings, narrative, breaks, omissions and speeches."""

from __future__ import annotations

import re
from typing import Any

from transcript_model.errors import excerpt
from transcript_model.types import LANGUAGE_PATTERN

from .common import CLASS_CONTINUATION, CLASS_OMISSION, CLASS_SEPARATOR, TM
from .context import SPEECHES, Context, local_name
from .inline import NOTES, as_identifier, as_line, as_name, inline_text
from .parliament_reader import BLOCK_EVENT_KINDS, block_event, speech_paragraph
from .people import speaker_from_label, speaker_without_reference

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANGUAGE = re.compile(LANGUAGE_PATTERN)

#: The speechSection group of the XSD: sections of a debate, all read the same way.
_SECTIONS = frozenset(
    (
        "administrationOfOath rollCall prayers oralStatements writtenStatements "
        "personalStatements ministerialStatements resolutions nationalInterest declarationOfVote "
        "communication petitions papers noticesOfMotion questions address proceduralMotions "
        "pointOfOrder adjournment debateSection debateBody conclusions "
        # Akoma Ntoso 1.0 (Bungeni, 2007-2011): its debateRecord's body is a <debate>, its
        # generic section a <subdivision>.
        "debate subdivision"
    ).split()
)

_WRAPPERS = frozenset({"speechGroup", "container", "blockContainer", "div"})
_LISTS = frozenset({"ul", "ol", "blockList"})

_BLOCKS = frozenset(
    {"p", "heading", "num", "subheading", "narrative", "scene", "summary", "ul", "ol", "table"}
    | _SECTIONS
    | _WRAPPERS
    | SPEECHES
)


def read_body(context: Context) -> None:
    for part_name in ("debateBody", "mainBody", "debate", "conclusions"):
        part = context.doc.find(context.q(part_name))
        if part is not None:
            read_section(context, part)
    for child in context.doc:
        name = context.mine(child)
        if name in ("coverPage", "attachments", "components"):
            context.warn("akn_dropped", f"dropped the {name} of the debate", child)


def read_section(context: Context, element: Any) -> None:
    context.boundary = True
    tag_speech = context.tag_speech
    for child in element:
        if child.tag == tag_speech:  # most blocks of a debate: no mine() and no if-chain
            read_speech(context, child)
        else:
            read_block(context, child)
    context.pending_num = None
    context.boundary = True


def read_block(context: Context, child: Any) -> None:
    name = context.mine(child)
    if name is None:
        if local_name(child) is not None:
            context.warn(
                "akn_dropped", f"dropped the foreign element {excerpt(local_name(child))}", child
            )
        return
    if name == "num":
        context.pending_num = as_name(inline_text(context, child))
    elif name in ("heading", "subheading"):
        read_heading(context, child)
    elif name in _SECTIONS or name in _WRAPPERS:
        read_section(context, child)
    elif name in SPEECHES:
        read_speech(context, child)
    elif name in ("narrative", "summary"):
        continued = child.get("class") == CLASS_CONTINUATION
        add_narrative(context, inline_text(context, child), child, continued)
    elif name == "scene":
        text = as_line(inline_text(context, child))
        if text is not None:
            context.turns.append({"kind": "stage", "text": text})
    elif name == "p":
        read_paragraph(context, child)
    elif name in _LISTS:
        for item in child.iter(context.q("li"), context.q("item")):
            add_narrative(context, inline_text(context, item), item, True)
    elif name == "table":
        context.warn("akn_flattened", "table read as one paragraph per row", child)
        for row in child.iter(context.q("tr")):
            cells = (as_line(inline_text(context, cell)) or "" for cell in row)
            add_narrative(context, " | ".join(cells), row, True)
    elif any(context.mine(c) in _BLOCKS for c in child):
        # An unknown container of blocks (hcontainer, section, part…): read through it.
        read_section(context, child)
    else:
        context.warn("akn_flattened", f"{excerpt(name)} read as plain text", child)
        add_narrative(context, " ".join(child.itertext()), child, False)


def read_heading(context: Context, element: Any) -> None:
    text = as_line(inline_text(context, element))
    if context.pending_num:
        text = f"{context.pending_num} {text or ''}".strip()
        context.pending_num = None
    if text:
        context.turns.append({"kind": "heading", "text": text})


def add_narrative(context: Context, raw: str, element: Any, continued: bool) -> None:
    text = as_line(raw)
    if text is None:
        return
    last = context.turns[-1] if context.turns else None
    if continued and not context.boundary and last is not None and last["kind"] == "narrative":
        last["paragraphs"].append(text)
    else:
        context.turns.append({"kind": "narrative", "paragraphs": [text]})
    context.boundary = False


def read_paragraph(context: Context, element: Any) -> None:
    cls = element.get("class")
    children = [c for c in element if local_name(c) is not None]
    only = children[0] if len(children) == 1 and not (element.text or "").strip() else None
    if cls == CLASS_SEPARATOR:
        context.turns.append(
            {"kind": "break", "marker": as_line(inline_text(context, element)) or "* * *"}
        )
    elif cls == CLASS_OMISSION or (only is not None and context.mine(only) == "omissis"):
        marker = as_line(inline_text(context, element)) or "<…>"
        context.turns.append({"kind": "omission", "marker": marker})
    else:
        # Consecutive bare paragraphs of a section are one unlabelled passage.
        add_narrative(context, inline_text(context, element), element, True)


def read_speech(context: Context, element: Any) -> None:
    label = None
    # Text directly inside the speech (no p) is a paragraph too; some exports write it so.
    head = element.text
    head = as_line(head) if head and not head.isspace() else None  # mostly indentation
    paragraphs: list[Any] = [head] if head else []
    tag_p, tag_from, tag_remark = context.tag_p, context.tag_from, context.tag_remark
    for child in element:
        tag = child.tag  # lxml builds the string on each access: once per child
        if tag == tag_p:  # most children: one paragraph, told apart without a call
            if not len(child):  # most paragraphs are plain text: no inline markup, no events
                raw = child.text
                text = as_line(raw) if raw else None
                if text is not None:
                    paragraphs.append(text)
            elif child.find(tag_remark) is None:  # inline markup, but no remark (no events)
                text = as_line(inline_text(context, child))
                if text is not None:
                    paragraphs.append(text)
            else:
                block = speech_paragraph(context, child)
                if block is not None:
                    paragraphs.append(block)
        elif tag == tag_from:  # the label, once in nearly every speech
            label = _label(context, child)
        else:
            paragraphs += _speech_block(context, context.mine(child), child)
        # Text after a child is a paragraph of its own; nearly every tail is the indentation
        # before the next child.
        tail = child.tail
        if tail and not tail.isspace() and (tail := as_line(tail)) is not None:
            paragraphs.append(tail)
    speaker = _speaker(context, element, label)
    role, function = _speech_role(context, element)
    if not paragraphs:
        context.warn("akn_empty_speech", "dropped a speech without text", element)
    elif speaker is None and label is None:
        kind = local_name(element) or "speech"  # an <other> block (papers laid) is no speech
        context.warn("akn_anonymous", f"{kind} without speaker or label read as narrative", element)
        context.turns.append({"kind": "narrative", "paragraphs": paragraphs})
    else:
        context.turns.append(
            {"kind": "speech", "speaker": speaker, "label": label, "role": role,
             "paragraphs": paragraphs, "function": function,
             "language": _language(context, element)}
        )  # fmt: skip
        person = None if context.own is not None else _person_of(context, speaker)
        if person is not None and person["role"] is None:
            person["role"] = role  # the role of the speaker's first labelled speech


def _language(context: Context, element: Any) -> str | None:
    value = element.get(_XML_LANG)
    if value is None or context.own is not None:
        return value if isinstance(value, str) else None
    primary, dash, rest = value.strip().partition("-")
    value = primary.lower() + dash + rest
    return value if _LANGUAGE.fullmatch(value) else None


def _person_of(context: Context, speaker: str | None) -> dict[str, Any] | None:
    return context.people_by_id.get(speaker) if speaker is not None else None


def _speaker(context: Context, element: Any, label: str | None) -> str | None:
    """The participant id a speech's ``by`` (or a ``person`` in its label) names."""
    by = element.get("by") or ""
    if not by and context.own is None:
        # Some tools leave by empty and mark the speaker up inside the label.
        inner = element.find(f"{context.q('from')}/{context.q('person')}")
        by = (inner.get("refersTo") or "") if inner is not None else ""
    if by == "#" and label is not None and context.own is None:
        # The Oireachtas's witnesses: a person the record names but does not list.
        return speaker_from_label(context, label, element)
    if not by or by == "#":
        return None
    person = context.people.get(by.removeprefix("#")) or _unprefixed(context, by)
    if person is not None:
        return str(person["id"])
    if by.startswith("#"):
        return speaker_without_reference(context, by[1:], label, element)
    context.warn(
        "akn_unresolved", f"speaker by={excerpt(by)} is not a '#' pointer: dropped", element
    )
    return None


def _unprefixed(context: Context, by: str) -> dict[str, Any] | None:
    """The entry a bare ``by`` (no "#", as Bungeni's 1.0 exports write it) names in another
    letter case ("Barmasai" for ``TLCPerson id="barmasai"``), when one entry alone matches."""
    if by.startswith("#") or context.own is not None:  # our own files point with "#" only
        return None
    if context.people_folded is None:
        folded: dict[str, dict[str, Any] | None] = {}
        for key, person in context.people.items():
            folded[key.casefold()] = None if key.casefold() in folded else person
        context.people_folded = folded
    return context.people_folded.get(by.casefold())


def _speech_role(context: Context, element: Any) -> tuple[str | None, str | None]:
    """The role (the label's role title) and the speaker's function in the sitting that a
    speech's ``as`` (or a ``role`` in its label) names."""
    pointer = element.get("as")
    if not pointer and context.own is None:
        inner = element.find(f"{context.q('from')}/{context.q('role')}")
        if inner is not None:
            found = context.target(inner.get("refersTo"))
            shown = found.get("showAs") if found is not None else inline_text(context, inner)
            return as_name(shown or ""), None
    if not pointer:
        return None, None
    target = context.target(pointer)
    if target is None:
        context.warn("akn_unresolved", f"as={excerpt(pointer)} names no TLCRole", element)
        return None, None
    if context.own is not None:
        function = target.get(f"{{{TM}}}function")
        if function is None:
            return target.get("showAs"), None
        role = context.target(element.get(f"{{{TM}}}role"))
        return (None if role is None else role.get("showAs")), function
    key = pointer.strip().removeprefix("#")
    return as_name(target.get("showAs") or ""), as_identifier(key)


def _speech_block(context: Context, name: str | None, child: Any) -> list[Any]:
    """The paragraphs one child of a speech contributes (headings become turns)."""
    if name == "p":
        text = as_line(inline_text(context, child))
        return [] if text is None else [text]
    if name in ("num", "heading", "subheading"):
        read_block(context, child)
        return []
    if name in _LISTS:
        items = (
            as_line(inline_text(context, i)) for i in child.iter(context.q("li"), context.q("item"))
        )
        return [t for t in items if t]
    if name in NOTES:
        context.warn("akn_dropped", f"dropped the {name} in a speech", child)
        return []
    if name in BLOCK_EVENT_KINDS:
        event = block_event(context, name, child)
        return [] if event is None else [event]
    if name is None and local_name(child) is None:
        return []  # a comment or processing instruction
    context.warn(
        "akn_flattened", f"{excerpt(name or local_name(child))} in a speech read as text", child
    )
    text = as_line(" ".join(child.itertext()))
    return [] if text is None else [text]


def _label(context: Context, element: Any) -> str | None:
    label = as_name(inline_text(context, element))
    if label is None:
        return None
    # The printed label ends in a colon; the model's label does not. Remove exactly one.
    # as_name left single spaces only: the space before the colon is all to strip.
    return label.removesuffix(":").rstrip() or None
