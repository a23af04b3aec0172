"""Hostile TEI and Akoma Ntoso inputs, generated at a requested size (issue 13).

Plain functions, so that the complexity benchmark can time each shape at n and 10 n and the
regression tests can build small ones: every ``*_tei`` / ``*_akn`` function returns the bytes of
one document of about ``size_bytes`` (never less than a minimal valid document). The DOCTYPE
shapes name a file the parser must never open; the corpus shapes write files into a folder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

TEI_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="hostile" xml:lang="en"{root_attributes}>
<teiHeader><fileDesc><titleStmt><title type="main">Hostile</title></titleStmt>
<publicationStmt><publisher>x</publisher></publicationStmt>
<sourceDesc><bibl><title>Hostile</title></bibl></sourceDesc></fileDesc>
<profileDesc><settingDesc><setting><date when="2020-01-01">2020-01-01</date></setting>
</settingDesc><particDesc><listPerson>{persons}<person xml:id="p1"><persName>A B</persName>
</person></listPerson></particDesc></profileDesc></teiHeader>
<text><body><div type="debateSection"><u who="#p1"><seg>Hi.</seg></u>
"""
TEI_TAIL = "</div></body></text></TEI>\n"

AKN_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<debate name="debate"><meta><identification source="#x"><FRBRWork>
<FRBRthis value="/akn/za/debate/2020-05-04/1/!main"/><FRBRuri value="/akn/za/debate/2020-05-04/1"/>
<FRBRdate date="2020-05-04" name="x"/><FRBRauthor href="#x"/><FRBRcountry value="za"/></FRBRWork>
</identification><references source="#x">{references}</references></meta>
<debateBody><debateSection name="s" eId="s1"><speech by="#p1"><p>Hi.</p></speech>
"""
AKN_TAIL = "</debateSection></debateBody></debate></akomaNtoso>\n"
AKN_PERSON = '<TLCPerson eId="p1" href="/akn/ontology/person/p1" showAs="A B"/>'


def _count(size_bytes: int, unit_bytes: int) -> int:
    return max(1, size_bytes // max(1, unit_bytes))


def tei_document(body: str, persons: str = "", root_attributes: str = "") -> bytes:
    """A TEI document that the reader accepts, with ``body`` after its first utterance."""
    head = TEI_HEAD.format(persons=persons, root_attributes=root_attributes)
    return (head + body + TEI_TAIL).encode("utf-8")


def akn_document(body: str, references: str = "") -> bytes:
    """An AKN debate that the reader accepts, with ``body`` after its first speech."""
    head = AKN_HEAD.format(references=AKN_PERSON + references)
    return (head + body + AKN_TAIL).encode("utf-8")


# -- size: elements and warnings (finding 12) ---------------------------------------------------


def empty_notes_tei(size_bytes: int) -> bytes:
    """Empty ``<note/>`` elements: each is dropped with a warning, 7 bytes an element."""
    return tei_document("<note/>" * _count(size_bytes, 7))


def empty_paragraphs_akn(size_bytes: int) -> bytes:
    """Empty ``<p/>`` paragraphs in a debate section, 4 bytes an element."""
    return akn_document("<p/>" * _count(size_bytes, 4))


def empty_speeches_akn(size_bytes: int) -> bytes:
    """Speeches without text: each is dropped with a warning."""
    unit = '<speech by="#p1"/>'
    return akn_document(unit * _count(size_bytes, len(unit)))


# -- quadratic shapes of the readers and validators --------------------------------------------


def many_attributes_tei(size_bytes: int) -> bytes:
    """One utterance with as many distinct (foreign-namespace) attributes as fit."""
    count = _count(size_bytes, 14)
    attributes = " ".join(f'x:a{n}="1"' for n in range(count))
    return tei_document(f'<u xmlns:x="urn:x" who="#p1" {attributes}><seg>Hi.</seg></u>')


def many_who_pointers_tei(size_bytes: int) -> bytes:
    """One utterance whose @who names thousands of persons that do not exist."""
    count = _count(size_bytes, 8)
    who = " ".join(f"#w{n}" for n in range(count))
    return tei_document(f'<u who="{who}"><seg>Hi.</seg></u>')


def long_ana_tei(size_bytes: int) -> bytes:
    """One utterance whose @ana holds thousands of distinct unknown categories."""
    count = _count(size_bytes, 8)
    ana = " ".join(f"#a{n}" for n in range(count))
    return tei_document(f'<u who="#p1" ana="{ana}"><seg>Hi.</seg></u>')


def colliding_person_ids_tei(size_bytes: int) -> bytes:
    """Persons whose xml:ids all map to the same model id ("a_b_c_…" with "." or "·"
    between the letters), each speaking once: every new id had to count past all before."""
    letters = 12
    count = min(_count(size_bytes, 80), 2**letters)
    ids = []
    for number in range(count):
        marks = ["." if number >> bit & 1 else "\u00b7" for bit in range(letters)]
        ids.append("a" + "".join(m + "b" for m in marks))
    persons = "".join(f'<person xml:id="{i}"><persName>P</persName></person>' for i in ids)
    turns = "".join(f'<u who="#{i}"><seg>x</seg></u>' for i in ids)
    return tei_document(turns, persons=persons)


def see_also_notes_tei(size_bytes: int) -> bytes:
    """Notes of "see also" links with their positions: each was inserted into a growing list."""
    unit = '<note type="seeAlso" n="{n}">x</note>'
    count = _count(size_bytes, len(unit) + 4)
    return tei_document("".join(unit.format(n=n + 1) for n in range(count)))


def deep_nesting_tei(size_bytes: int, depth: int = 250) -> bytes:
    """Utterances with inline markup nested ``depth`` levels (under the parser's limit of
    256), repeated."""
    unit = '<u who="#p1"><seg>' + "<hi>" * depth + "x" + "</hi>" * depth + "</seg></u>"
    return tei_document(unit * _count(size_bytes, len(unit)))


def many_namespaces_tei(size_bytes: int) -> bytes:
    """Thousands of namespace declarations on the root element."""
    count = _count(size_bytes, 24)
    declarations = "".join(f' xmlns:n{n}="urn:n:{n}"' for n in range(count))
    return tei_document("", root_attributes=declarations)


def many_ids_tei(size_bytes: int) -> bytes:
    """Stage directions with distinct xml:ids and utterances pointing to persons that do not
    exist: every id is collected and every pointer looked up."""
    unit = '<note xml:id="n{n}">x</note><u who="#q{n}"><seg>y</seg></u>'
    count = _count(size_bytes, len(unit) + 8)
    return tei_document("".join(unit.format(n=n) for n in range(count)))


def profile_rejected_pointers_tei(size_bytes: int) -> bytes:
    """Utterances with pointers in a document the profile rejects (one foreign attribute), so
    that every element is searched for pointers: a union of XPath queries merged its node sets
    with a scan per node."""
    unit = '<u who="#p1" ana="#regular"><seg ana="#x">y</seg></u>'
    count = _count(size_bytes, len(unit))
    return tei_document('<u who="#p1" rogue="1"><seg>z</seg></u>' + unit * count)


def colliding_speakers_akn(size_bytes: int) -> bytes:
    """Speeches by pointers that no reference resolves, whose keys all map to one model id
    ("a-b" from "a.b", "a:b"…); each new participant was checked against all before."""
    letters = 12
    count = min(_count(size_bytes, 60), 2**letters)
    keys = []
    for number in range(count):
        marks = ["." if number >> bit & 1 else "~" for bit in range(letters)]
        keys.append("a" + "".join(m + "b" for m in marks))
    return akn_document("".join(f'<speech by="#{k}"><p>x</p></speech>' for k in keys))


def many_speakers_akn(size_bytes: int) -> bytes:
    """Distinct persons, each with one speech: every speech looked its person up by a scan."""
    unit = '<speech by="#s{n}"><p>x</p></speech>'
    count = _count(size_bytes, len(unit) + 60)
    references = "".join(
        f'<TLCPerson eId="s{n}" href="/akn/ontology/person/s{n}" showAs="S {n}"/>'
        for n in range(count)
    )
    return akn_document("".join(unit.format(n=n) for n in range(count)), references)


def many_pointers_akn(size_bytes: int) -> bytes:
    """Paragraphs whose refersTo names nothing: one unresolved pointer each."""
    unit = '<p refersTo="#r{n}">x</p>'
    count = _count(size_bytes, len(unit) + 4)
    return akn_document("".join(unit.format(n=n) for n in range(count)))


# -- DOCTYPE after a long prolog (finding 6) -----------------------------------------------------


def padded_prolog_doctype(
    system_id: str, padding_bytes: int = 70_000, root: str = "TEI", pieces: int = 1
) -> bytes:
    """A DOCTYPE naming ``system_id`` after ``padding_bytes`` of comments (``pieces`` of
    them, with processing instructions and whitespace between)."""
    each = max(1, padding_bytes // max(1, pieces))
    filler = "".join(f"<!--{'x' * max(0, each - 20)}-->\n<?pi {n}?>\n" for n in range(pieces))
    namespace = _namespace(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'{filler}<!DOCTYPE {root} SYSTEM "{system_id}">\n'
        f'<{root} xmlns="{namespace}"/>\n'
    ).encode()


def parameter_entity_doctype(
    system_id: str, padding_bytes: int = 70_000, root: str = "TEI"
) -> bytes:
    """An internal subset that loads ``system_id`` through a parameter entity, after a long
    comment."""
    namespace = _namespace(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<!--{'x' * padding_bytes}-->\n"
        f'<!DOCTYPE {root} [<!ENTITY % ext SYSTEM "{system_id}"> %ext;]>\n'
        f'<{root} xmlns="{namespace}"/>\n'
    ).encode()


def _namespace(root: str) -> str:
    if root == "akomaNtoso":
        return "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    return "http://www.tei-c.org/ns/1.0"


# -- corpus roots (findings 5 and 14) ------------------------------------------------------------

CORPUS_ROOT = """<?xml version="1.0" encoding="UTF-8"?>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"
 xml:id="Hostile" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>Hostile</title>
</titleStmt><publicationStmt><publisher>x</publisher></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc>
<profileDesc><particDesc>{header_includes}</particDesc></profileDesc></teiHeader>
{body_includes}</teiCorpus>
"""


def person_list(size_bytes: int) -> bytes:
    """A ParlaMint person list of about ``size_bytes``."""
    unit = '<person xml:id="person{n}"><persName>Person {n}</persName></person>\n'
    count = _count(size_bytes, len(unit) + 4)
    persons = "".join(unit.format(n=n) for n in range(count))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n{persons}</listPerson>\n'
    ).encode()


def corpus_root(header_hrefs: Sequence[str], body_hrefs: Sequence[str] = ()) -> bytes:
    """A corpus root XIncluding ``header_hrefs`` into its header and ``body_hrefs`` (its
    sessions) after it."""
    header = "".join(f'<xi:include href="{h}"/>' for h in header_hrefs)
    body = "".join(f'<xi:include href="{h}"/>' for h in body_hrefs)
    return CORPUS_ROOT.format(header_includes=header, body_includes=body).encode()


def xinclude_amplification(folder: Path, list_bytes: int, repeats: int) -> Path:
    """A small corpus root that XIncludes the same person list ``repeats`` times; returns the
    root's path."""
    (folder / "persons.xml").write_bytes(person_list(list_bytes))
    root = folder / "Hostile.xml"
    root.write_bytes(corpus_root(["persons.xml"] * repeats))
    return root


#: The shapes of one size parameter, by name, for the complexity benchmark.
SIZED_SHAPES: dict[str, Callable[[int], bytes]] = {
    "empty_notes_tei": empty_notes_tei,
    "empty_paragraphs_akn": empty_paragraphs_akn,
    "empty_speeches_akn": empty_speeches_akn,
    "many_attributes_tei": many_attributes_tei,
    "many_who_pointers_tei": many_who_pointers_tei,
    "long_ana_tei": long_ana_tei,
    "colliding_person_ids_tei": colliding_person_ids_tei,
    "see_also_notes_tei": see_also_notes_tei,
    "deep_nesting_tei": deep_nesting_tei,
    "many_namespaces_tei": many_namespaces_tei,
    "many_ids_tei": many_ids_tei,
    "profile_rejected_pointers_tei": profile_rejected_pointers_tei,
    "colliding_speakers_akn": colliding_speakers_akn,
    "many_speakers_akn": many_speakers_akn,
    "many_pointers_akn": many_pointers_akn,
}
