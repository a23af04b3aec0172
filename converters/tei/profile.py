"""A quick way to accept a document that is valid against the project TEI profile.

libxml2 compiles an XSD ``pattern`` anew for every value it checks and then matches it at a
fraction of a microsecond a character: in the profile's ~200 paragraphs a document, the Line
pattern alone took two thirds of the whole profile check, and the patterns of names, speaker
labels and ``@who`` most of what was left. This module checks the same documents in two parts
that together are exactly as strict:

* the profile with those patterns taken out (derived from the profile file itself, so the two
  never drift apart), checked by libxml2, and
* the values those patterns applied to, checked in Python with precompiled expressions:
  every text-only element's text against the Line rule (first and last character not a space,
  no line break), and, where the profile gave an element's text or attribute one of the other
  known patterns, that text or attribute of every such element.

Each Python check is at least as strict as the profile: it holds every element of that name
(with the attribute values that select the pattern, such as ``note type="speaker"``) to the
pattern, wherever the element stands. When either part fails, the caller asks the real profile,
which decides and gives libxml2's own messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from copy import deepcopy
from dataclasses import dataclass
from operator import itemgetter, methodcaller
from pathlib import Path

from lxml import etree

_RNG = "{http://relaxng.org/ns/structure/1.0}"
_LINE_DEFINE = "line.string"
#: XSD's \s: space, tab, CR, LF (Python's \s is wider).
_XSD_SPACE = "\\s"
_NOT_SPACE = "[^\\s\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff\x85\u2028\u2029]"
#: The profile's Line pattern (as parsed, character references resolved) that the Python check
#: below implements; any other pattern (an edited profile) switches the quick route off rather
#: than let it accept what the profile would not.
_LINE_PATTERN = f"{_NOT_SPACE}([^\n\r\x85\u2028\u2029]*{_NOT_SPACE})?"
#: What may not start or end a Line: XSD's \s (space, tab, CR, LF) and the others named.
_NOT_AT_ENDS = frozenset(
    "\t\n\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)
#: A character of a Name: no space and no bidirectional embedding, override or isolate control
#: (the model's types.BIDI_CONTROLS), as in the profile's name.string.
_NAME_SOLID = (
    "[^\\s\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff\x85\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069]"
)
_NAME_PATTERN = f"{_NAME_SOLID}+( {_NAME_SOLID}+)*"
#: Patterns checked in Python instead of libxml2: those of the values every document has many
#: of (names, speaker labels, @who). They use only character classes, groups and quantifiers,
#: which mean the same in Python once XSD's \s is spelled out. A pattern not listed here (or
#: edited) stays in the grammar for libxml2.
_KNOWN_PATTERNS = frozenset({_NAME_PATTERN, _NAME_PATTERN + ":", "#[^\\s#]+"})


#: Joins the values of a document checked against one pattern: XML cannot hold it.
_SEPARATOR = "\x00"


def _python_pattern(xsd: str) -> re.Pattern[str]:
    """A Python expression matching the values of one pattern joined by the separator.

    One match over all of a document's values costs a tenth of matching each. The known
    patterns' only classes are negated ones; with the separator added to them, no value can
    reach into the next, so the whole matches exactly when every value does.
    """
    single = xsd.replace(_XSD_SPACE, " \t\n\r").replace("[^", "[^" + _SEPARATOR)
    return re.compile(f"(?:{single})(?:{_SEPARATOR}(?:{single}))*")


@dataclass(frozen=True)
class ValueCheck:
    """Every element named in ``tags`` (with ``guard``'s attribute values) must have its text,
    or its attribute ``attribute`` when present, matching the pattern ``pattern`` was made
    from (by :func:`_python_pattern`)."""

    tags: tuple[str, ...]
    attribute: str | None
    guard: tuple[tuple[str, str], ...]
    pattern: re.Pattern[str]

    def holds(self, root: etree._Element) -> bool:
        """True when every element it concerns in ``root``'s tree has a matching value."""
        elements: Iterable[etree._Element] = root.iter(*self.tags)
        if self.guard:
            elements = [element for element in elements if _guarded(element, self.guard)]
        if self.attribute is None:
            values = [element.text or "" for element in elements]
        else:
            found = map(methodcaller("get", self.attribute), elements)
            values = [value for value in found if value is not None]
        return not values or self.pattern.fullmatch(_SEPARATOR.join(values)) is not None


def _guarded(element: etree._Element, guard: tuple[tuple[str, str], ...]) -> bool:
    for name, value in guard:
        found = element.get(name)
        # A guard is a token value: libxml2 compares it with XML whitespace around it removed.
        if found != value and (found is None or found.strip(" \t\n\r") != value):
            return False
    return True


@dataclass(frozen=True)
class QuickProfile:
    """The profile without the patterns checked in Python, and those Python checks."""

    structure: etree.RelaxNG
    checks: tuple[ValueCheck, ...]


def structure_profile(profile_path: Path) -> QuickProfile | None:
    """The quick form of the profile; None when the profile is not shaped as this module
    expects (then only the real profile is used)."""
    grammar = etree.parse(str(profile_path))
    if not _strip_line(grammar):
        return None
    checks = _strip_known_patterns(grammar)
    return QuickProfile(etree.RelaxNG(grammar), tuple(checks))


def attribute_holders(profile_path: Path, names: frozenset[str]) -> tuple[str, ...] | None:
    """The (qualified) names of the elements on which the profile allows an attribute named
    in ``names`` (in no namespace); None when the grammar does not say so plainly (an
    attribute named by a name class, or defined apart from its element)."""
    grammar = etree.parse(str(profile_path))
    if any(grammar.iter(_RNG + "include", _RNG + "externalRef", _RNG + "parentRef")):
        return None
    holders: set[str] = set()
    for attribute in grammar.iter(_RNG + "attribute"):
        if attribute.get("name") is None:
            return None  # a name class could allow any attribute
        if not _plain_attribute(attribute) or attribute.get("name") not in names:
            continue
        element = next(_ancestors_upto_element(attribute), None)
        name = element.get("name") if element is not None else None
        if element is None or not name or ":" in name:
            return None
        namespace = _namespace(element)
        holders.add(f"{{{namespace}}}{name}" if namespace else name)
    return tuple(sorted(holders))


def _ancestors_upto_element(node: etree._Element) -> Iterator[etree._Element]:
    """The nearest ``element`` ancestor, unless a define comes first (nothing then)."""
    for ancestor in _ancestors(node):
        if ancestor.tag == _RNG + "element":
            yield ancestor
            return
        if ancestor.tag == _RNG + "define":
            return


def _strip_line(grammar: etree._ElementTree) -> bool:
    """Replace the Line pattern with "not empty"; False if the profile's Line is not the one
    :func:`_all_lines` implements, or is used where the Line check does not look."""
    defines = [d for d in grammar.iter(_RNG + "define") if d.get("name") == _LINE_DEFINE]
    if len(defines) != 1 or _referenced_by_attribute(grammar):
        return False
    params = list(defines[0].iter(_RNG + "param"))
    data = params[0].getparent() if len(params) == 1 else None
    if data is None or data.get("type") != "string" or params[0].get("name") != "pattern":
        return False
    if params[0].text != _LINE_PATTERN or len(data) != 1:
        return False
    # An excepted empty value costs libxml2 one comparison; a minLength facet is built anew
    # for every value and counts its characters (a fifth of the structure check).
    empty = etree.Element(_RNG + "except")
    etree.SubElement(empty, _RNG + "value", datatypeLibrary="", type="string").text = ""
    data.replace(params[0], empty)
    return True


def _referenced_by_attribute(grammar: etree._ElementTree) -> bool:
    # The Python check reads element content whole: a Line in an attribute or a list (directly
    # or through other definitions) is not what it checks.
    lines = {_LINE_DEFINE}
    grown = True
    while grown:
        holders = {
            str(define.get("name"))
            for define in grammar.iter(_RNG + "define")
            if any(ref.get("name") in lines for ref in define.iter(_RNG + "ref"))
        }
        grown = not holders <= lines
        lines |= holders
    return any(
        ref.get("name") in lines
        for holder in grammar.iter(_RNG + "attribute", _RNG + "list")
        for ref in holder.iter(_RNG + "ref")
    )


@dataclass(frozen=True)
class _Site:
    """Where a pattern applies: an element's text or attribute, under a guard."""

    tag: str
    attribute: str | None
    guard: tuple[tuple[str, str], ...]


def _strip_known_patterns(grammar: etree._ElementTree) -> list[ValueCheck]:
    """Take every known pattern out of the grammar where a Python check can stand in for it.

    A pattern of a define is left in the define and taken out only at the references that
    stand directly in an element or attribute (each gets a copy of the data without it); an
    inline pattern is taken out where it stands. Anything else keeps its pattern.
    """
    if any(grammar.iter(_RNG + "include", _RNG + "externalRef", _RNG + "parentRef")):
        return []  # definitions from elsewhere: the grammar is not all here to follow
    kinds = _text_kinds(grammar)
    found: dict[tuple[str | None, tuple[tuple[str, str], ...], str], set[str]] = {}
    for param in list(grammar.iter(_RNG + "param")):
        data = param.getparent()
        if param.get("name") != "pattern" or param.text not in _KNOWN_PATTERNS or data is None:
            continue
        if [p.get("name") for p in data.iterchildren(_RNG + "param")].count("pattern") != 1:
            continue  # several patterns: left to libxml2, which combines them
        for holder in _holders(data, grammar):
            site = _site(holder)
            if site is None or _ambiguous(site, holder, kinds):
                continue
            if holder is data:
                data.remove(param)
            else:
                _replace_with_unpatterned(holder, data)
            key = (site.attribute, site.guard, str(param.text))
            found.setdefault(key, set()).add(site.tag)
    return [
        ValueCheck(tuple(sorted(tags)), attribute, guard, _python_pattern(pattern))
        for (attribute, guard, pattern), tags in found.items()
    ]


def _holders(data: etree._Element, grammar: etree._ElementTree) -> list[etree._Element]:
    """The places ``data`` is checked: the data itself, or each reference to the define it
    makes up alone."""
    define = data.getparent()
    if define is None or define.tag != _RNG + "define":
        return [data]
    name = define.get("name")
    namesakes = [d for d in grammar.iter(_RNG + "define") if d.get("name") == name]
    patterns = [child for child in define if str(child.tag).startswith(_RNG)]  # no annotations
    if patterns != [data] or len(namesakes) != 1:
        return []  # a define of several parts, or combined with another: left alone
    return [ref for ref in grammar.iter(_RNG + "ref") if ref.get("name") == name]


def _replace_with_unpatterned(ref: etree._Element, data: etree._Element) -> None:
    parent = ref.getparent()
    assert parent is not None  # a ref always stands inside a pattern
    unpatterned = etree.Element(data.tag, {str(k): str(v) for k, v in data.attrib.items()})
    # The copy must name the datatype library the original inherited where it stood.
    library = next(
        (
            a.get("datatypeLibrary")
            for a in (data, *_ancestors(data))
            if a.get("datatypeLibrary") is not None
        ),
        None,
    )
    if library is not None:
        unpatterned.set("datatypeLibrary", library)
    for child in data:  # other facets, and an except, stay
        if not (child.tag == _RNG + "param" and child.get("name") == "pattern"):
            unpatterned.append(deepcopy(child))
    parent.replace(ref, unpatterned)


def _text_kinds(grammar: etree._ElementTree) -> dict[str, set[str]]:
    """For each element name, what its text may be anywhere in the grammar: the defines it
    refers to and the datatypes it names (attributes and child elements not counted)."""
    kinds: dict[str, set[str]] = {}
    for element in grammar.iter(_RNG + "element"):
        found = kinds.setdefault(str(element.get("name")), set())
        stack = list(element)
        while stack:
            node = stack.pop()
            if node.tag in (_RNG + "element", _RNG + "attribute"):
                continue
            if node.tag == _RNG + "ref":
                found.add("ref:" + str(node.get("name")))
            elif node.tag in (_RNG + "data", _RNG + "value", _RNG + "text"):
                found.add(node.tag + str(node.get("type")))
            stack.extend(node)
    return kinds


def _ambiguous(site: _Site, holder: etree._Element, kinds: dict[str, set[str]]) -> bool:
    # An element whose text is a Name in one place and a Line in another: holding every such
    # element to the Name pattern would send valid documents to the slow check. A guard
    # (note type="speaker") or an attribute singles out the elements the pattern is for.
    if site.guard or site.attribute is not None:
        return False
    local = site.tag.rsplit("}", 1)[-1]
    own = "ref:" + str(holder.get("name")) if holder.tag == _RNG + "ref" else None
    return own is None or kinds.get(local, set()) != {own}


def _site(holder: etree._Element) -> _Site | None:
    """The element (and attribute) ``holder`` checks, with the attribute values required next
    to it; None where a Python check could not find the value (a list, a name class)."""
    guard: list[tuple[str, str]] = []
    attribute: str | None = None
    for ancestor in _ancestors(holder):
        tag = ancestor.tag
        if tag == _RNG + "attribute":
            if attribute is not None or not _plain_attribute(ancestor):
                return None
            attribute = str(ancestor.get("name"))
        elif tag in (_RNG + "group", _RNG + "interleave") and attribute is None:
            guard.extend(_fixed_attributes(ancestor))
        elif tag == _RNG + "element":
            name = ancestor.get("name")
            if not name or ":" in name:
                return None
            if attribute is None:
                guard.extend(_fixed_attributes(ancestor))
            namespace = _namespace(ancestor)
            qualified = f"{{{namespace}}}{name}" if namespace else name
            return _Site(qualified, attribute, tuple(sorted(set(guard))))
        elif tag not in (_RNG + "choice", _RNG + "optional"):
            return None  # a list, a define, a repetition of attributes: not followed
    return None


def _ancestors(element: etree._Element) -> Iterator[etree._Element]:
    parent = element.getparent()
    while parent is not None:
        yield parent
        parent = parent.getparent()


def _plain_attribute(attribute: etree._Element) -> bool:
    # A name in no namespace, as RELAX NG reads an attribute name without prefix or ns.
    name = attribute.get("name")
    return bool(name) and ":" not in str(name) and attribute.get("ns") in (None, "")


def _fixed_attributes(pattern: etree._Element) -> Iterator[tuple[str, str]]:
    """The attributes ``pattern`` requires with one fixed token value (``type="speaker"``)."""
    for child in pattern.iterchildren(_RNG + "attribute"):
        if not _plain_attribute(child) or len(child) != 1:
            continue
        value = child[0]
        if value.tag != _RNG + "value" or value.get("type") not in (None, "token"):
            continue
        text = value.text or ""
        if text and not any(c in text for c in " \t\n\r"):
            yield str(child.get("name")), text


def _namespace(element: etree._Element) -> str:
    for holder in (element, *_ancestors(element)):
        namespace = holder.get("ns")
        if namespace is not None:
            return namespace
    return ""


_FIRST, _LAST = itemgetter(0), itemgetter(-1)


def _all_lines(root: etree._Element, elements: Iterable[etree._Element]) -> bool:
    """Whether the text of every text-only element is a Line, and no comment, processing
    instruction or entity splits an element's text where the profile reads it whole."""
    for _ in root.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity):
        return False
    texts = [text for text in [e.text for e in elements if not len(e)] if text]
    if not _NOT_AT_ENDS.isdisjoint(map(_FIRST, texts)):
        return False
    if not _NOT_AT_ENDS.isdisjoint(map(_LAST, texts)):
        return False
    # All texts at once: five scans in C instead of five tests a text.
    joined = "".join(texts)
    return not (
        "\n" in joined
        or "\r" in joined
        or "\x85" in joined
        or "\u2028" in joined
        or "\u2029" in joined
    )


def conforms(
    tree: etree._ElementTree,
    quick: QuickProfile,
    elements: Sequence[etree._Element] | None = None,
) -> bool:
    """True only when ``tree`` is valid against the profile; False means: ask the profile.

    ``elements``: every element of the tree, when the caller has them already.
    """
    root = tree.getroot()
    return (
        _all_lines(root, root.iter(etree.Element) if elements is None else elements)
        and all(check.holds(root) for check in quick.checks)
        and bool(quick.structure.validate(tree))
    )
