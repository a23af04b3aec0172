"""What model 1.1 adds, read from Akoma Ntoso: organisations, people's details, the sitting
from the preface, and events inside a speech (``remark``; in other tools' files also
``narrative``, ``scene`` and ``summary`` inside a ``speech``), so that one ``speech`` stays one
turn."""

from __future__ import annotations

import re
from typing import Any

from transcript_model.inline import ASCRIBABLE_KINDS

from .common import (
    CLASS_BODY,
    CLASS_END,
    CLASS_NUMBER,
    CLASS_ONLY_EVENT,
    CLASS_SITTING_TITLE,
    CONTAINER_AGENDA,
    EVENT_KINDS,
    TM,
)
from .context import Context, local_name
from .inline import NOTES, as_line, as_name, inline_text

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LINE_BREAKS = re.compile(r"[\n\r\u2028\u2029\x85][\s\ufeff]*")
#: How other tools' remark types and blocks inside a speech are read.
_REMARK_KINDS = {"sceneDescription": "incident", "phenomenon": "kinesic"}
_LEVELS = frozenset({"term", "session", "sitting", "meeting"})
BLOCK_EVENT_KINDS = {"scene": "incident", "narrative": "note", "summary": "note"}


# -- organisations and people (our own documents) ----------------------------------------------


def read_organisations(context: Context) -> list[dict[str, Any]]:
    if context.own is None:
        return []
    return [
        {
            "id": element.get("id"),
            "kind": element.get("kind"),
            "names": [
                {
                    "name": name.text or "",
                    "form": name.get("form"),
                    "language": name.get("language"),
                }
                for name in element.iterfind(f"{{{TM}}}name")
            ],
            "identifiers": _identifiers(element),
        }
        for element in context.own.iterfind(f"{{{TM}}}organisation")
    ]


def _identifiers(element: Any) -> list[dict[str, Any]]:
    return [
        {"scheme": i.get("scheme"), "uri": i.get("uri")}
        for i in element.iterfind(f"{{{TM}}}identifier")
    ]


def add_person_details(context: Context, participants: list[dict[str, Any]]) -> None:
    """Name parts, sex, birth, identifiers and affiliations from ``tm:person``."""
    if context.own is None:
        return
    by_id = {p["id"]: p for p in participants}
    for element in context.own.iterfind(f"{{{TM}}}person"):
        person = by_id.get(element.get("id"))
        if person is None:
            continue
        for field in ("forename", "surname", "sex", "birth"):
            person[field] = element.get(field)
        person["identifiers"] = _identifiers(element)
        person["affiliations"] = [
            {
                "organisation": a.get("organisation"),
                "role": a.get("role"),
                "start": a.get("start"),
                "end": a.get("end"),
                "role_title": a.get("roleTitle"),
            }
            for a in element.iterfind(f"{{{TM}}}affiliation")
        ]


# -- the sitting -------------------------------------------------------------------------------


def sitting(context: Context) -> dict[str, Any]:
    """The sitting being read, made on first use."""
    if context.sitting is None:
        context.sitting = {"body": None, "numbering": [], "titles": [], "end": None, "agenda": []}
    return context.sitting


def read_sitting_marker(context: Context) -> None:
    if context.own is None:
        return
    marker = context.own.find(f"{{{TM}}}sitting")
    if marker is not None:
        sitting(context)["body"] = marker.get("body")


def sitting_block(context: Context, block: Any, name: str | None) -> bool:
    """Read a preface block that holds a part of the sitting; False when it holds none."""
    if name == "container" and block.get("name") == CONTAINER_AGENDA:
        items = sitting(context)["agenda"]
        for item in block.iterfind(context.q("p")):
            title = _text(context, item)
            if title is not None:
                items.append({"title": title, "number": item.get(f"{{{TM}}}number")})
        return True
    if name != "p":
        return False
    cls = block.get("class")
    if cls == CLASS_BODY:
        return True  # the body's id is in tm:sitting; its name is shown for AKN readers
    if cls == CLASS_NUMBER:
        sitting(context)["numbering"].append(_number(context, block))
        return True
    if cls == CLASS_SITTING_TITLE:
        title = block.find(context.q("docTitle"))
        text = _text(context, block if title is None else title)
        if text is not None:
            add_title(context, text, block.get(f"{{{TM}}}type"), block.get(_XML_LANG))
        return True
    if cls == CLASS_END:
        day = block.find(context.q("docDate"))
        clock = block.find(context.q("time"))
        if day is not None and clock is not None:
            sitting(context)["end"] = f"{day.get('date')}T{clock.get('time')}"
        return True
    return False


def add_title(context: Context, text: str, kind: str | None, language: str | None) -> None:
    sitting(context)["titles"].append({"text": text, "type": kind, "language": language})


def add_number(context: Context, block: Any, element: Any) -> bool:
    """A third-party ``docNumber`` in the preface: the sitting's number, unless its block
    says it numbers the volume (the Oireachtas's ``block name="volume"``)."""
    number = as_name(inline_text(context, element))
    if number is None or "vol" in (block.get("name") or block.get("class") or "").lower():
        return False
    sitting(context)["numbering"].append({"level": "sitting", "number": number})
    return True


def _number(context: Context, block: Any) -> dict[str, Any]:
    shown = block.find(context.q("docNumber"))
    level = block.get(f"{{{TM}}}level")
    label = block.text if shown is not None else inline_text(context, block)
    return {
        # Without our attribute (another tool kept the class): a sitting's number.
        "level": level if level in _LEVELS else "sitting",
        "number": None if shown is None else as_name(inline_text(context, shown)),
        "label": as_name(label or ""),
        "body": block.get(f"{{{TM}}}body"),
    }


def _text(context: Context, element: Any) -> str | None:
    return as_line(inline_text(context, element))


# -- events inside a speech --------------------------------------------------------------------


def speech_paragraph(context: Context, paragraph: Any) -> Any:
    """A ``p`` with remarks: an event between paragraphs, or a paragraph with events inside
    (as the model wants it: texts merged, no space at its edges); None when empty."""
    content: list[Any] = []
    texts: list[str] = [paragraph.text or ""]
    for child in paragraph:
        if local_name(child) is None:
            pass
        elif context.mine(child) == "remark":
            _flush(context, texts, content)
            content.append(remark_event(context, child))
        elif local_name(child) in NOTES:
            context.warn("akn_dropped", f"dropped the {local_name(child)} inside the text", child)
        else:
            texts.append(inline_text(context, child))
        texts.append(child.tail or "")
    _flush(context, texts, content)
    _trim_edges(content)
    events = [item for item in content if not isinstance(item, str)]
    if not events:
        return as_line("".join(content)) if content else None
    alone = len(content) == 1
    if alone and paragraph.get("class") != CLASS_ONLY_EVENT:
        # An event between paragraphs: ours say class="event"; other tools' p holding
        # nothing but a remark ("[Applause.]") reads the same.
        return content[0]
    return {"kind": "paragraph", "content": content}


def _flush(context: Context, texts: list[str], content: list[Any]) -> None:
    joined = "".join(texts)
    texts.clear()
    if context.own is None and joined:
        # Pretty-printing line breaks of other tools' files: one space, as elsewhere.
        joined = _LINE_BREAKS.sub(" ", joined).replace("\r", " ").replace("\n", " ")
    if not joined:
        return
    if content and isinstance(content[-1], str):
        content[-1] += joined
    else:
        content.append(joined)


def _trim_edges(content: list[Any]) -> None:
    if content and isinstance(content[0], str):
        content[0] = content[0].lstrip()
        if not content[0]:
            content.pop(0)
    if content and isinstance(content[-1], str):
        content[-1] = content[-1].rstrip()
        if not content[-1]:
            content.pop()


def remark_event(context: Context, element: Any) -> dict[str, Any]:
    """One ``remark`` as an event: ours carry the kind in ``class``, the rest in tm: attributes."""
    cls = element.get("class")
    kind = cls if cls in EVENT_KINDS else _REMARK_KINDS.get(element.get("type") or "", "note")
    event: dict[str, Any] = {"kind": kind, "text": _text(context, element)}
    if context.own is not None:
        event["type"] = element.get(f"{{{TM}}}type")
        event["when"] = element.get(f"{{{TM}}}when")
    elif element.get("type") not in _REMARK_KINDS:  # the kind says sceneDescription already
        event["type"] = as_name(element.get("type") or "")
    if kind in ASCRIBABLE_KINDS:
        person = context.people.get((element.get("refersTo") or "").removeprefix("#"))
        event["speaker"] = None if person is None else person["id"]
    return event


def block_event(context: Context, name: str, element: Any) -> dict[str, Any] | None:
    """A ``scene``, ``narrative`` or ``summary`` written inside a speech (AKN 2.0, SayIt):
    an event of the turn, not a turn of its own."""
    text = _text(context, element)
    if text is None:
        return None
    return {"kind": BLOCK_EVENT_KINDS[name], "text": text}
