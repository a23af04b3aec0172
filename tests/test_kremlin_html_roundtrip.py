"""Every kremlin.ru page-text case of the evaluation, set in the site's markup, reads the same.

The pages are rendered here from what the text reader gives (labels in bold, attendees with
person links, captions in a slider, footer in tag columns), so the HTML reader is checked on
every layout the evaluation cases hold: telephone readouts, addresses with subheadings, news
conferences, Russian pages, attendee lists.
"""

from __future__ import annotations

import html as h
from pathlib import Path

import pytest

import transcript_model as tm
from transcript_model.converters import _kremlin as kremlin
from transcript_model.inline import InlineEvent, Paragraph
from transcript_model.model import Heading, Narrative, Speech, StageDirection

from conftest import ROOT

CASES = sorted(
    p / "input.txt"
    for p in (ROOT / "benchmarks" / "eval_data").iterdir()
    if (p / "input.txt").exists() and not p.name.startswith("speakers-")
)


def _header(t: tm.Transcript) -> list[str]:
    e, ev = h.escape, t.event
    date = kremlin.format_date(ev.date, t.language)
    out = ["<div class='read__top'>", f"<h1 class='entry-title p-name'>{e(ev.title)}</h1>"]
    if ev.lead:
        out.append(f"<div class='read__lead entry-summary p-summary'><p>{e(ev.lead)}</p></div>")
    out.append(f"<time class='read__published' datetime='{ev.date}'>{e(date)}</time>")
    if ev.time:
        out.append(f"<div class='read__time'>{kremlin.format_time(ev.time)}</div>")
    if ev.place:
        out.append(f"<div class='read__place p-location'>{e(ev.place)}</div>")
    return [*out, "</div>"]


def _slider(t: tm.Transcript) -> list[str]:
    word = "из" if t.language == "ru" else "of"
    out = ["<div class='read__slider slider'>"]
    for c in t.metadata.captions:
        caption = f"<div class='slider__caption'>{h.escape(c.text)}</div>" if c.text else ""
        counter = f"<div class='slider__counter'>{c.index} {word} {c.total}</div>"
        out.append(f"<div class='slider__item'>{counter}{caption}</div>")
    return [*out, "</div>"]


def _attendees(t: tm.Transcript) -> list[str]:
    attending = [p for p in t.participants if p.attending]
    if not attending:
        return []
    items = [
        (f"{h.escape(p.role)} " if p.role else "")
        + f"<a href='/catalog/persons/{number}/events'>{h.escape(p.name or '')}</a>"
        for number, p in enumerate(attending, 1)
    ]
    last = " и " if t.language == "ru" else ", and "
    joined = items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]
    return [f"<p>{h.escape(t.event.attendees_intro or '')} {joined}.</p>"]


def _printed(block: object) -> str:
    if isinstance(block, str):
        return block
    if isinstance(block, InlineEvent):
        return block.text or ""
    assert isinstance(block, Paragraph)
    return "".join(item if isinstance(item, str) else item.text or "" for item in block.content)


def _turns(t: tm.Transcript) -> list[str]:
    e, out = h.escape, []
    for turn in t.turns:
        if isinstance(turn, Speech):
            # Events inside a speech are printed as the site prints them: their text in place.
            paragraphs = [_printed(block) for block in turn.paragraphs]
            if turn.label:
                out.append(f"<p><b>{e(turn.label)}:</b> {e(paragraphs.pop(0))}</p>")
            out.extend(f"<p>{e(p)}</p>" for p in paragraphs)
        elif isinstance(turn, Narrative):
            out.extend(f"<p>{e(p)}</p>" for p in turn.paragraphs)
        elif isinstance(turn, Heading):
            out.append(f"<h3>{e(turn.text)}</h3>")
        elif isinstance(turn, StageDirection):
            out.append(f"<p>{e(turn.text)}</p>")
        else:
            out.append(f"<p>{e(turn.marker)}</p>")
    return out


def _footer(t: tm.Transcript) -> list[str]:
    e, words, meta = h.escape, kremlin.words_for(t.language), t.metadata
    out = ["<div class='read__bottommeta hidden-copy'><div class='read__tags masha-ignore'>"]
    columns = {
        "see_also": [link.title for link in meta.see_also],
        "geography": meta.geography,
        "topics": meta.topics,
        "persons": meta.persons,
    }
    for key, values in columns.items():
        if values:
            items = "".join(f"<li><a href='/tag'>{e(v)}</a></li>" for v in values)
            out.append(f"<div class='read__tagscol'><h3>{words[key]}</h3><ul>{items}</ul></div>")
    out.append("</div>")
    if meta.sections:
        links = ", ".join(f"<a href='/section'>{e(s)}</a>" for s in meta.sections)
        out.append(f"<p>{words['sections']}: {links}</p>")
    if meta.published:
        published = kremlin.format_published(meta.published, t.language)
        out.append(f"<p>{words['published']}: {e(published)}</p>")
    return [*out, "</div>"]


def _render(t: tm.Transcript) -> bytes:
    """The transcript as a kremlin.ru page, in the markup the HTML reader knows."""
    page = [
        f"<!DOCTYPE html><html lang='{t.language}'><head><meta charset='utf-8'></head><body>",
        "<article class='read__in hentry h-entry'>",
        *_header(t),
        *(_slider(t) if t.metadata.captions else []),
        "<div class='entry-content e-content read__internal_content'>",
        *_attendees(t),
        *_turns(t),
        *_footer(t),
        "</div></article></body></html>",
    ]
    return "\n".join(page).encode("utf-8")


@pytest.mark.parametrize("source", CASES, ids=[p.parent.name for p in CASES])
def test_text_case_reads_the_same_from_its_page(source: Path) -> None:
    for text in tm.read(source, "text"):
        page = tm.read_one(_render(text), "html")
        # The rendered "See also" links point at a placeholder; the text carries no targets.
        metadata = page.metadata.model_copy(update={"see_also": text.metadata.see_also})
        assert page.model_copy(update={"metadata": metadata}) == text
