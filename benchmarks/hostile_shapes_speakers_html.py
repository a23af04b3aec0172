"""Hostile input shapes for the speaker-label text reader and the saved-page (HTML) reader.

Each generator takes a size in bytes and returns an input of about that size (never less than a
small valid frame) in the shape that once made a reader superlinear: long runs of spaces, tabs,
dots, capitals, digits or colons on label-shaped lines; header lines with a date and a long run
of spaces; many distinct labels; many removed elements, line breaks, comments or inline elements
in one paragraph. ``SHAPES`` maps a shape's name to its format and generator, for a complexity
benchmark that times each at n and 10 n; ``tests/test_hostile_speakers_html.py`` runs them at a
small size with a generous time bound.
"""

from __future__ import annotations

from collections.abc import Callable

#: The length of the long runs on one line: past the 4,000 spaces that cost 1.8 s per line.
RUN = 5_000

# A White House layout the format sniff recognises (three upper-case labels), so that a .txt of
# these shapes goes to the speaker-label reader as it would in `transcript validate`.
_SPEAKERS_HEAD = (
    "Press Briefing by Press Secretary Jen Psaki\n"
    "March 11, 2022\n"
    "James S. Brady Press Briefing Room\n\n"
    "MS. PSAKI:  Good afternoon.\n\n"
    "Q    Thank you, Jen.\n\n"
    "MS. PSAKI:  Go ahead.\n\n"
    "THE PRESIDENT:  Thank you all.\n\n"
)
_SPEAKERS_TAIL = "\nMS. PSAKI:  Thank you.\n\nEND 2:43 P.M. EST\n"


def _repeat(head: str, unit: str, tail: str, size_bytes: int) -> bytes:
    """``head``, then ``unit`` as often as fits ``size_bytes``, then ``tail``, as UTF-8."""
    room = size_bytes - len((head + tail).encode("utf-8"))
    count = max(1, room // max(1, len(unit.encode("utf-8"))))
    return (head + unit * count + tail).encode("utf-8")


def _speaker_lines(line: str, size_bytes: int) -> bytes:
    return _repeat(_SPEAKERS_HEAD, line + "\n\n", _SPEAKERS_TAIL, size_bytes)


def spaced_label_lines(size_bytes: int) -> bytes:
    """Lines of a capital, 5,000 spaces and a letter: the label pattern split the run every way."""
    return _speaker_lines("B" + " " * RUN + "x", size_bytes)


def tabbed_label_lines(size_bytes: int) -> bytes:
    """Lines of a capital, 5,000 tabs and a letter."""
    return _speaker_lines("B" + "\t" * RUN + "x", size_bytes)


def spaced_stamp_lines(size_bytes: int) -> bytes:
    """A capital, 5,000 spaces and a timestamp not followed by a colon: "B     (09:51) x"."""
    return _speaker_lines("B" + " " * RUN + "(09:51) x", size_bytes)


def spaced_url_lines(size_bytes: int) -> bytes:
    """A capital, 5,000 spaces and "://": a colon that is not a label's."""
    return _speaker_lines("B" + " " * RUN + "://x", size_bytes)


def dotted_lines(size_bytes: int) -> bytes:
    """A capital and 5,000 dots."""
    return _speaker_lines("B" + "." * RUN + "x", size_bytes)


def capital_lines(size_bytes: int) -> bytes:
    """5,000 capitals, and 2,500 one-letter capital words."""
    return _speaker_lines("B" * RUN + "\n\n" + "A " * (RUN // 2) + "x", size_bytes)


def digit_lines(size_bytes: int) -> bytes:
    """A capital and 5,000 digits, and "END" and 5,000 digits (the closing-line pattern)."""
    return _speaker_lines("B" + "1" * RUN + "x\n\nEND " + "1" * RUN + "x", size_bytes)


def colon_lines(size_bytes: int) -> bytes:
    """A capital and 5,000 colons, and 2,500 space-colon pairs."""
    return _speaker_lines("B" + ":" * RUN + "\n\nB" + " :" * (RUN // 2), size_bytes)


def stamped_name_lines(size_bytes: int) -> bytes:
    """A name, 5,000 spaces and a letter: the "Anna Berg  0:03" label pattern's shape."""
    return _speaker_lines("Anna Berg" + " " * RUN + "x", size_bytes)


def spaced_date_header(size_bytes: int) -> bytes:
    """Header lines holding a date and 5,000 spaces, before the first label: each is tried as
    the date line (the date stays unset, every line is tried)."""
    line = "March 1, 2022 a" + " " * RUN + "b c d\n"
    return _repeat("Remarks\n", line, "\n" + _SPEAKERS_HEAD + _SPEAKERS_TAIL, size_bytes)


def _distinct_lines(make_line: Callable[[int], str], size_bytes: int) -> bytes:
    """One line a distinct index until ``size_bytes``, between the header and the tail."""
    lines = []
    total = len(_SPEAKERS_HEAD)
    index = 0
    while total < size_bytes:
        line = make_line(index)
        lines.append(line)
        total += len(line)
        index += 1
    return (_SPEAKERS_HEAD + "".join(lines) + _SPEAKERS_TAIL).encode("utf-8")


def period_labels(size_bytes: int) -> bytes:
    """Distinct hearing labels closed by a period ("Mr. XBAAAB. Some words.")."""
    return _distinct_lines(lambda n: f"Mr. X{_letters(n).upper()}. Some words.\n\n", size_bytes)


def office_labels(size_bytes: int) -> bytes:
    """Distinct office labels and office mentions ("MINISTER FOR X:  Minister … Name said.")."""
    return _distinct_lines(
        lambda n: f"MINISTER FOR {_letters(n).upper()}:  Minister the {_letters(n)} said.\n\n",
        size_bytes,
    )


def surname_labels(size_bytes: int) -> bytes:
    """Distinct surname labels, each mentioned with a given name ("BAAAB:  Thanks, Anna
    Baaab."): the pass that names a surname label from the text."""
    return _distinct_lines(
        lambda n: f"{_letters(n).upper()}:  Thanks, Anna {_letters(n)} and Bob {_letters(n)}.\n\n",
        size_bytes,
    )


def stamp_first_lines(size_bytes: int) -> bytes:
    """Lines of timestamps before a label ("[00:00:01] [00:00:01] … Name:")."""
    return _speaker_lines("[00:00:01] " * 500 + "Anna Berg: x", size_bytes)


def distinct_labels(size_bytes: int) -> bytes:
    """Many distinct two-word name labels, each speaking once."""
    return _distinct_lines(lambda n: f"Anna {_letters(n)}: Thank you.\n\n", size_bytes)


def distinct_slugless_labels(size_bytes: int) -> bytes:
    """Many distinct timestamped labels whose ids all come from the same slug ("x")."""
    lines = []
    total = len(_SPEAKERS_HEAD)
    index = 0
    while total < size_bytes:
        line = f"王{_han(index)}: (00:01) Thank you.\n\n"
        lines.append(line)
        total += len(line.encode("utf-8"))
        index += 1
    return (_SPEAKERS_HEAD + "".join(lines) + _SPEAKERS_TAIL).encode("utf-8")


def _letters(index: int) -> str:
    """A distinct capitalised word for each index: "Baaa", "Baab", …"""
    letters = []
    for _ in range(5):
        index, digit = divmod(index, 26)
        letters.append(chr(ord("a") + digit))
    return "B" + "".join(reversed(letters))


def _han(index: int) -> str:
    """Two distinct CJK characters for each index below 20,000²."""
    high, low = divmod(index, 20_000)
    return chr(0x4E00 + high % 20_000) + chr(0x4E00 + low)


# --- saved pages --------------------------------------------------------------------------

_PAGE_HEAD = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Meeting</title>'
    '<link rel="canonical" href="http://en.kremlin.ru/events/president/transcripts/67000">'
    '</head><body><article class="read__in hentry h-entry">'
    '<h1 class="entry-title">Meeting with the Government</h1>'
    '<time class="read__published" datetime="2022-03-11">March 11, 2022</time>'
    '<div class="entry-content"><p><b>Vladimir Putin:</b> Good afternoon, colleagues.</p>'
)
_PAGE_TAIL = "</div></article></body></html>\n"


def _page(paragraph_head: str, unit: str, paragraph_tail: str, size_bytes: int) -> bytes:
    return _repeat(_PAGE_HEAD + paragraph_head, unit, paragraph_tail + _PAGE_TAIL, size_bytes)


def removed_elements(size_bytes: int) -> bytes:
    """``<script></script>tail`` repeated in one paragraph: each tail was added to one growing
    string (1 MB 8.7 s, 4 MB 133 s)."""
    return _page("<p>", "<script></script>tail ", "</p>", size_bytes)


def removed_elements_in_labels(size_bytes: int) -> bytes:
    """Labelled paragraphs, each with removed elements between its words."""
    unit = "<p><b>Vladimir Putin:</b> a<style>x</style>b<noscript>y</noscript>c</p>"
    return _page("", unit, "", size_bytes)


def many_line_breaks(size_bytes: int) -> bytes:
    """One paragraph of ``x<br>`` repeated."""
    return _page("<p><b>Vladimir Putin:</b> ", "x<br>", "</p>", size_bytes)


def many_comments(size_bytes: int) -> bytes:
    """One paragraph of ``<!--c-->x`` repeated."""
    return _page("<p><b>Vladimir Putin:</b> ", "<!--c-->x ", "</p>", size_bytes)


def many_inline_elements(size_bytes: int) -> bytes:
    """One paragraph of sibling inline elements: ``<span>x</span>`` and ``<b>y</b>`` repeated."""
    return _page("<p><b>Vladimir Putin:</b> ", "<span>x</span><b>y</b> ", "</p>", size_bytes)


def nested_inline_elements(size_bytes: int) -> bytes:
    """Paragraphs of inline elements nested as deep as the HTML parser allows (200)."""
    depth = 200
    unit = "<p>" + "<span>x" * depth + "</span>" * depth + "</p>"
    return _page("", unit, "", size_bytes)


def publication_field_holders(size_bytes: int) -> bytes:
    """Many elements whose text holds the "Publication date" key, in one block: each climbed to
    the block and took the whole block's text."""
    return _page("</div><div>", "<span>Publication date x</span>", "", size_bytes)


def direct_link_slashes(size_bytes: int) -> bytes:
    """A direct link of ``/1?`` repeated with a line break: the document id pattern tried from
    every slash to the line's end."""
    href = "/1?" * max(1, (size_bytes - len(_PAGE_HEAD) - 200) // 3) + "\nx"
    head = _PAGE_HEAD.replace(
        '<link rel="canonical" href="http://en.kremlin.ru/events/president/transcripts/67000">', ""
    )
    return (head + f'<a id="material_link" href="{href}">link</a>' + _PAGE_TAIL).encode("utf-8")


def nested_sliders(size_bytes: int) -> bytes:
    """Photo sliders nested as deep as the parser allows, many times over."""
    depth = 200
    unit = '<div class="slider">1 of 2' * depth + "</div>" * depth
    return _page("</div>", unit, "<div>", size_bytes)


def distinct_page_labels(size_bytes: int) -> bytes:
    """Many paragraphs with distinct two-word bold labels."""
    units = []
    total = len(_PAGE_HEAD)
    index = 0
    while total < size_bytes:
        unit = f"<p><b>Anna {_letters(index)}:</b> Thank you.</p>"
        units.append(unit)
        total += len(unit)
        index += 1
    return (_PAGE_HEAD + "".join(units) + _PAGE_TAIL).encode("utf-8")


#: Shape name → (format name as ``transcript_model.read`` takes it, generator).
# A GPO hearing record's title page and opening, for the shapes of that layout.
_GPO_HEAD = (
    "[House Hearing, 111 Congress]\n[From the U.S. Government Printing Office]\n\n"
    "                   A HEARING\n\n                                HEARING\n\n"
    "                              MAY 5, 2009\n\n"
    "    The committee met, pursuant to notice, at 10:04 a.m.\n"
)


def gpo_distinct_labels(size_bytes: int) -> bytes:
    """A GPO record of speeches by distinct members, each label a name of its own."""
    lines = []
    used = len(_GPO_HEAD)
    for number in range(size_bytes // 40 + 1):
        name = "".join(chr(ord("a") + int(d)) for d in str(number))
        line = f"    Mr. Mc{name.capitalize()} of Kansas. Thank you.\n"
        lines.append(line)
        used += len(line)
        if used >= size_bytes:
            break
    return (_GPO_HEAD + "".join(lines)).encode("utf-8")


def gpo_long_roster(size_bytes: int) -> bytes:
    """A GPO record whose front matter is a roster of two columns of distinct members, each of
    whom then speaks once: every label looked up among them."""
    roster, speeches = [], []
    used = len(_GPO_HEAD)
    for number in range(size_bytes // 60 + 1):
        name = "".join(chr(ord("A") + int(d)) for d in str(number))
        roster.append(f"JOHN Q. MC{name}, Kansas{' ' * 12}JANE ROE{name}, Ohio\n")
        speeches.append(f"    Mr. Mc{name.capitalize()} of Kansas. Yes.\n")
        used += len(roster[-1]) + len(speeches[-1])
        if used >= size_bytes:
            break
    head, opening = _GPO_HEAD.split("    The committee met")
    text = head + "".join(roster) + "\n    The committee met" + opening + "".join(speeches)
    return text.encode("utf-8")


def gpo_one_wrapped_paragraph(size_bytes: int) -> bytes:
    """A GPO record whose one speech is a paragraph of many wrapped lines, some in capitals
    (a heading's look), some with control characters of GPO's typesetting."""
    unit = "word word word\nWORDS IN CAPITALS HERE\n\x01 a bullet\n"
    opening = _GPO_HEAD + "    The Chairman. The hearing will come to order.\n"
    return _repeat(opening, unit, "", size_bytes)


# A court reporter's numbered first page: the caption between its rules, the date, then the
# proceedings (see converters/speakers/court.py).
_COURT_HEAD = "".join(
    f"{n:2d}   {text}\n\n"
    for n, text in enumerate(
        [
            "       IN THE SUPREME COURT OF THE UNITED STATES",
            "- - - - - - - - - - - - - - - - - x",
            "ACME CORP.,                          :",
            "       Petitioner                    :    No. 11-398",
            "- - - - - - - - - - - - - - - - - x",
            "                      Monday, March 26, 2012",
            "               P R O C E E D I N G S",
            "             CHIEF JUSTICE ROBERTS:        We will hear",
            "argument this morning.",
        ],
        1,
    )
)


def _court_lines(line: str, count: int) -> str:
    """``line`` ``count`` times, numbered 1 to 25 a page, each page closed by its foot."""
    foot = "\n    Reporting Company\n"
    return "".join(
        f"{i % 25 + 1:2d}   {line}\n" + (foot if i % 25 == 24 else "") for i in range(count)
    )


#: Two pages of short numbered lines first: detection looks for them in the first 64 KB.
_COURT_PAGES = _court_lines("word word", 50)


def _numbered(head: str, line: str, size_bytes: int) -> bytes:
    """``head``, then ``line`` numbered 1 to 25 on page after page (the court layout)."""
    count = max(1, (size_bytes - len(head)) // (len(line) + 6))
    return (head + _court_lines(line, count)).encode("utf-8")


def court_spaced_lines(size_bytes: int) -> bytes:
    """Numbered lines of a label-like capital, 5,000 spaces and a letter."""
    return _numbered(_COURT_PAGES + _COURT_HEAD, "B" + " " * RUN + "x", size_bytes)


def court_spaced_caption(size_bytes: int) -> bytes:
    """A caption whose party lines hold runs of 5,000 spaces and no colon column."""
    parties = "".join(f"{n % 25 + 1:2d}   A{' ' * RUN}B\n" for n in range(size_bytes // RUN + 1))
    rule = " 1   - - - - - - - - - - - - - x\n"
    head = _COURT_PAGES + rule + parties + rule + _COURT_HEAD
    return _numbered(head, "word word", size_bytes)


def court_one_paragraph(size_bytes: int) -> bytes:
    """One speech whose paragraph runs on at the margin over every page."""
    return _numbered(_COURT_HEAD, "argument goes on and on", size_bytes)


def pdf_page_furniture(size_bytes: int) -> bytes:
    """A PDF's text that is half page furniture: a running head and a page number after every
    three lines of a speech (pages of ~200 bytes, so that 1 MB stays under 9,999 pages)."""
    text = "word word word word word word word word word word word word word word\n" * 3
    unit = text + "Running Head  FINAL\n\nPage {n} of 9999\n\n"
    head = _SPEAKERS_HEAD + "MS. PSAKI:  Go on.\n"
    count = min(9_999, max(3, (size_bytes - len(head)) // len(unit)))
    return (head + "".join(unit.format(n=n) for n in range(1, count + 1))).encode("utf-8")


def one_wrapped_paragraph(size_bytes: int) -> bytes:
    """One speech whose one paragraph is hard-wrapped over every line (joining each line onto
    the paragraph's string was quadratic: 4 MB took 5.5 s)."""
    return _repeat(_SPEAKERS_HEAD + "MS. PSAKI:  Go on.\n", "word " * 20 + "wor\n", "", size_bytes)


def caps_period_lines(size_bytes: int) -> bytes:
    """Lines of many words in capitals closed by a period, as a label in capitals is."""
    return _speaker_lines(" ".join(["WORD"] * 2_000) + ".  x", size_bytes)


SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "speakers-spaced-label-lines": ("speakers", spaced_label_lines),
    "speakers-tabbed-label-lines": ("speakers", tabbed_label_lines),
    "speakers-spaced-stamp-lines": ("speakers", spaced_stamp_lines),
    "speakers-spaced-url-lines": ("speakers", spaced_url_lines),
    "speakers-dotted-lines": ("speakers", dotted_lines),
    "speakers-capital-lines": ("speakers", capital_lines),
    "speakers-digit-lines": ("speakers", digit_lines),
    "speakers-colon-lines": ("speakers", colon_lines),
    "speakers-stamped-name-lines": ("speakers", stamped_name_lines),
    "speakers-spaced-date-header": ("speakers", spaced_date_header),
    "speakers-distinct-labels": ("speakers", distinct_labels),
    "speakers-distinct-slugless-labels": ("speakers", distinct_slugless_labels),
    "speakers-period-labels": ("speakers", period_labels),
    "speakers-office-labels": ("speakers", office_labels),
    "speakers-stamp-first-lines": ("speakers", stamp_first_lines),
    "speakers-surname-labels": ("speakers", surname_labels),
    "speakers-gpo-distinct-labels": ("speakers", gpo_distinct_labels),
    "speakers-gpo-one-wrapped-paragraph": ("speakers", gpo_one_wrapped_paragraph),
    "speakers-gpo-long-roster": ("speakers", gpo_long_roster),
    "speakers-court-spaced-lines": ("speakers", court_spaced_lines),
    "speakers-court-spaced-caption": ("speakers", court_spaced_caption),
    "speakers-court-one-paragraph": ("speakers", court_one_paragraph),
    "speakers-pdf-page-furniture": ("speakers", pdf_page_furniture),
    "speakers-caps-period-lines": ("speakers", caps_period_lines),
    "speakers-one-wrapped-paragraph": ("speakers", one_wrapped_paragraph),
    "html-removed-elements": ("html", removed_elements),
    "html-removed-elements-in-labels": ("html", removed_elements_in_labels),
    "html-many-line-breaks": ("html", many_line_breaks),
    "html-many-comments": ("html", many_comments),
    "html-many-inline-elements": ("html", many_inline_elements),
    "html-nested-inline-elements": ("html", nested_inline_elements),
    "html-publication-field-holders": ("html", publication_field_holders),
    "html-direct-link-slashes": ("html", direct_link_slashes),
    "html-nested-sliders": ("html", nested_sliders),
    "html-distinct-page-labels": ("html", distinct_page_labels),
}
