"""Hostile shapes of kremlin.ru page text, for the reader's complexity checks.

Each function returns a page (a valid header, a body, a footer) of at least ``size_bytes``
bytes of UTF-8 that stresses one path of the text reader
(:mod:`transcript_model.converters.text.convert`): many distinct names, one very long line, many
markers. Every page reads as a transcript; what matters is how the reading time grows with the
size. Used by tests/test_hostile_text_reader.py and by the complexity benchmark, which imports
:data:`SHAPES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

HEADER = "Events\nMeeting on hostile input\nMarch 11, 2022\n14:20\nThe Kremlin, Moscow\n"
FOOTER = "Publication status\nPublication date: March 11, 2022, 14:20\nText version\n"

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"


def _word(number: int, alphabet: str, capital: str) -> str:
    """A distinct word for each ``number``: ``capital`` then ``number`` written in ``alphabet``."""
    letters = []
    while True:
        number, digit = divmod(number, len(alphabet))
        letters.append(alphabet[digit])
        if number == 0:
            break
    return capital + "".join(letters)


def _latin(number: int, capital: str = "X") -> str:
    return _word(number, _LATIN, capital)


def _cyrillic(number: int, capital: str = "Б") -> str:
    return _word(number, _CYRILLIC, capital)


def _page(body_lines: Iterator[str], size_bytes: int, footer: str = FOOTER) -> bytes:
    """Header, then body lines until the page holds ``size_bytes`` bytes, then ``footer``."""
    parts = [HEADER]
    size = len(HEADER.encode()) + len(footer.encode())
    for line in body_lines:
        if size >= size_bytes:
            break
        parts.append(line + "\n")
        size += len(line.encode()) + 1
    parts.append(footer)
    return "".join(parts).encode()


def _numbers() -> Iterator[int]:
    number = 0
    while True:
        yield number
        number += 1


def initials_labels(size_bytes: int) -> bytes:
    """Speeches labelled with initials and distinct surnames: "А.Ббвг: Текст."."""
    return _page((f"А.{_cyrillic(n)}: Текст реплики." for n in _numbers()), size_bytes)


def minister_labels(size_bytes: int) -> bytes:
    """Speeches labelled with a role and a distinct two-word name: "Minister Xab Ycd: Text."."""
    return _page(
        (f"Minister {_latin(n)} {_latin(n, 'Y')}: Some words." for n in _numbers()), size_bytes
    )


def particle_labels(size_bytes: int) -> bytes:
    """Distinct names full of particles: "Xab von der van de la Yab: Text."."""
    return _page(
        (f"{_latin(n)} von der van de la {_latin(n, 'Y')}: Some words." for n in _numbers()),
        size_bytes,
    )


def attendee_line(size_bytes: int) -> bytes:
    """One attendee sentence listing distinct people: "Taking part in the meeting were
    Minister Xa Ya, Minister Xb Yb, …, and Minister Xz Yz."."""
    intro = "Taking part in the meeting were "
    items = []
    size = len(intro) + len(HEADER) + len(FOOTER) + 40
    for n in _numbers():
        if size >= size_bytes:
            break
        item = f"Minister {_latin(n)} {_latin(n, 'Y')}"
        items.append(item)
        size += len(item) + 2
    line = intro + ", ".join(items[:-1]) + ", and " + items[-1] + "."
    return _page(iter([line, "Vladimir Putin: Good afternoon."]), size_bytes)


def attendee_continued(size_bytes: int) -> bytes:
    """An attendee sentence whose items are split over lines (", Xab Yab") as copied pages
    print them, items with lowercase words that never close an item by themselves."""

    def lines() -> Iterator[str]:
        yield "Taking part in the meeting were Minister Xa Ya"
        for n in _numbers():
            yield f", head of the {_latin(n, 'x')} office {_latin(n)} {_latin(n, 'Y')}"

    body = _page(lines(), size_bytes - 40, footer="")
    return body + b".\nVladimir Putin: Good afternoon.\n" + FOOTER.encode()


def growing_attendee_item(size_bytes: int) -> bytes:
    """An attendee line whose pieces never end an item ("x y, Xa Ya, x y, …"), with Persons
    tags: the item being built grows with every piece."""
    intro = "Taking part in the meeting were Minister Xa Ya, "
    pieces = []
    size = len(intro) + len(HEADER) + len(FOOTER) + 200
    for n in _numbers():
        if size >= size_bytes:
            break
        piece = f"head of {_latin(n, 'x')}, {_latin(n)} {_latin(n, 'Y')}"
        pieces.append(piece)
        size += len(piece) + 2
    footer = "Persons\nYa Xa\nYb Xb\nPublication status\n" + FOOTER.split("\n", 1)[1]
    line = intro + ", ".join(pieces) + "."
    return _page(iter([line, "Vladimir Putin: Good afternoon."]), size_bytes, footer)


def persons_tags(size_bytes: int) -> bytes:
    """Half labels "Xab Yab: Text.", half "Persons" footer tags "Yab Xab" for the same and
    other people."""
    count = max(1, size_bytes // 50)
    labels = (f"{_latin(n)} {_latin(n, 'Y')}: Some words." for n in _numbers())
    tags = "".join(f"{_latin(n, 'Y')} {_latin(n)}\n" for n in range(count))
    footer = f"Persons\n{tags}{FOOTER}"
    return _page(labels, size_bytes, footer)


def initials_with_context(size_bytes: int) -> bytes:
    """Labels of initials ("А.Ббвг") looked up among the full names of a long lead."""
    lead = " ".join(f"Андрей {_cyrillic(n)} и" for n in range(max(1, size_bytes // 60)))
    header = HEADER.replace("Meeting on hostile input\n", f"Совещание\n{lead}.\n")
    labels = (f"А.{_cyrillic(n)}: Текст реплики." for n in _numbers())
    page = _page(labels, size_bytes - len(lead.encode()))
    return page.replace(HEADER.encode(), header.encode(), 1)


def hyphenated_title(size_bytes: int) -> bytes:
    """A title of one long hyphenated word ("А-А-А-…"), whose full names an initials label
    ("В.Путин") is looked up among."""
    title = "-".join("А" for _ in range(max(1, size_bytes // 3)))
    header = HEADER.replace("Meeting on hostile input", title)
    return (header + "В.Путин: Добрый день.\n" + FOOTER).encode()


def spaced_lines(size_bytes: int) -> bytes:
    """Lines of a letter, thousands of spaces and a letter: "A" + 5,000 spaces + "x"."""
    return _page(iter(lambda: "A" + " " * 5000 + "x", None), size_bytes)


def spaced_label_lines(size_bytes: int) -> bytes:
    """Label-like lines with long runs of spaces: "Aa" + 5,000 spaces + "Bb: text"."""
    return _page(iter(lambda: "Aa" + " " * 5000 + "Bb: text", None), size_bytes)


def long_lines(size_bytes: int) -> bytes:
    """Lines of 10,000 characters without a colon or a final stop."""
    line = " ".join(["Word"] * 2000)
    return _page(iter(lambda: line, None), size_bytes)


def one_long_line(size_bytes: int) -> bytes:
    """A body of one line, as long as the page, without a colon."""
    words = " ".join(["Word"] * max(1, size_bytes // 5))
    return _page(iter([words]), size_bytes)


def one_long_label_line(size_bytes: int) -> bytes:
    """One line of capitalised words followed by ": text", as long as the page."""
    words = " ".join(["Word"] * max(1, size_bytes // 5))
    return _page(iter([words + ": text"]), size_bytes)


def break_lines(size_bytes: int) -> bytes:
    """Many section breaks "* * *", between short paragraphs."""
    return _page(iter(lambda: "* * *\nText.", None), size_bytes)


def spaced_breaks(size_bytes: int) -> bytes:
    """Lines that start like a break and then do not end like one: "*" + spaces + "x"."""
    return _page(iter(lambda: "* *" + " " * 2000 + "x", None), size_bytes)


def headings(size_bytes: int) -> bytes:
    """Many distinct subheadings ("Heading Xab"), each followed by a paragraph."""
    return _page((f"Heading {_latin(n)}\nText." for n in _numbers()), size_bytes)


def same_slug_names(size_bytes: int) -> bytes:
    """Distinct names longer than an id's slug (60 characters) sharing their first 60: every
    speaker's id is the same slug with a number."""
    stem = "Aaaaaaaaaa " * 6
    return _page((f"{stem}{_latin(n)}: Text." for n in _numbers()), size_bytes)


def described_labels(size_bytes: int) -> bytes:
    """Paragraphs opening with a distinct descriptive label ("Host of show, anchor Xab Ybc:"),
    each to be matched against the names the page labels: the page-label pass."""

    def lines() -> Iterator[str]:
        yield "Known Person: Opening words."
        for n in _numbers():
            yield f"Host of show {_latin(n)}, anchor {_latin(n)} Person: Text."

    return _page(lines(), size_bytes)


def named_described_labels(size_bytes: int) -> bytes:
    """Paragraphs opening with distinct descriptive labels that end with a name after a
    lowercase word ("Xab ice hockey champion Xab Person:"): recurring, so each is a label."""
    return _page(
        (f"{_latin(n)} ice hockey champion {_latin(n)} Person: Text." for n in _numbers()),
        size_bytes,
    )


def titles_given_the_floor(size_bytes: int) -> bytes:
    """Whole official titles (brackets, lowercase words, 20 words and more) before distinct
    names, each after a paragraph giving the floor to the surname ("Mr Yab, go ahead."): every
    one confirmed, each looked at once."""

    def lines() -> Iterator[str]:
        yield "Known Person: Opening words."
        title = "Deputy head of the office (the one in the region of the north) " * 2
        for n in _numbers():
            yield f"Mr {_latin(n, 'Y')}, go ahead."
            yield f"{title}and chief of staff {_latin(n)} {_latin(n, 'Y')}:Text of the speech."

    return _page(lines(), size_bytes)


def broken_labels(size_bytes: int) -> bytes:
    """Distinct labels broken at every element, as a parser's text nodes give them: role,
    name, a colon alone, the text; and role lines followed by no colon at all."""

    def lines() -> Iterator[str]:
        for n in _numbers():
            yield f"President of {_latin(n)}"
            yield f"{_latin(n, 'Y')} Person"
            yield ":" if n % 2 else "No colon follows this role"
            yield "Text of the speech."

    return _page(lines(), size_bytes)


def breadcrumb_runs(size_bytes: int) -> bytes:
    """A whole-page copy whose "menus" are one long run of breadcrumb lines ("Events" …) before
    the article: the article's start is looked for once past the run, not from each line."""
    crumbs = "Events\n" * max(1, (size_bytes - 200) // 7)
    return (crumbs + HEADER + "Vladimir Putin: Good afternoon.\nText version\n").encode()


def glued_labels(size_bytes: int) -> bytes:
    """Distinct one-word labels with a capital inside ("XabYbc:") beside spaced ones."""
    joints = ("", " ")
    return _page(
        (f"{_latin(n)}{joints[n % 2]}{_latin(n, 'Y')}: Text." for n in _numbers()), size_bytes
    )


def _flat_page(body_item: str, size_bytes: int) -> bytes:
    """A page whose line breaks were lost (one line), its body ``body_item`` repeated."""
    head = "Events Meeting on hostile input March 11, 2022 14:20 Moscow "
    foot = " Publication status Publication date: March 11, 2022, 14:20 Text version"
    count = max(1, (size_bytes - len(head) - len(foot)) // len(body_item))
    return (head + body_item * count + foot).encode()


def flat_sentences(size_bytes: int) -> bytes:
    """One line of short sentences of capitalised words and no colon: after every sentence end
    the flat reader tries an English label of office and name, ten words long at most."""
    return _flat_page("Aa Bb Cc Dd Ee Ff Gg Hh Ii Jj Kk Ll Mm. ", size_bytes)


def flat_see_also(size_bytes: int) -> bytes:
    """One line where "See also" opens no box again and again (no date, no "* * *")."""
    return _flat_page("See also Aa bb cc. ", size_bytes)


#: Every shape, by name: ``name -> function(size_bytes) -> bytes``.
SHAPES: dict[str, Callable[[int], bytes]] = {
    "initials_labels": initials_labels,
    "minister_labels": minister_labels,
    "particle_labels": particle_labels,
    "attendee_line": attendee_line,
    "attendee_continued": attendee_continued,
    "growing_attendee_item": growing_attendee_item,
    "persons_tags": persons_tags,
    "initials_with_context": initials_with_context,
    "hyphenated_title": hyphenated_title,
    "spaced_lines": spaced_lines,
    "spaced_label_lines": spaced_label_lines,
    "long_lines": long_lines,
    "one_long_line": one_long_line,
    "one_long_label_line": one_long_label_line,
    "break_lines": break_lines,
    "spaced_breaks": spaced_breaks,
    "headings": headings,
    "same_slug_names": same_slug_names,
    "described_labels": described_labels,
    "glued_labels": glued_labels,
    "titles_given_the_floor": titles_given_the_floor,
    "broken_labels": broken_labels,
    "breadcrumb_runs": breadcrumb_runs,
    "named_described_labels": named_described_labels,
    "flat_sentences": flat_sentences,
    "flat_see_also": flat_see_also,
}
