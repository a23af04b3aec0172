"""A quick way to accept a document that is valid against the project TEI profile.

libxml2 compiles an XSD ``pattern`` anew for every value it checks and then matches it at a
fraction of a microsecond a character: in the profile's ~200 paragraphs a document, the Line
pattern alone took two thirds of the whole profile check. This module checks the same documents
in two parts that together are exactly as strict:

* the profile with the Line pattern replaced by ``minLength 1`` (derived from the profile file
  itself, so the two never drift apart), checked by libxml2, and
* every text-only element's text, checked in Python against the Line rule (first and last
  character not a space, no line break).

Line is only ever the content of elements, so wherever the profile puts it, the element is
text-only and its text is checked here against the same rule. The Python check is stricter
than the profile (it also holds every other text-only element to the Line rule): when either
part fails the caller asks the real profile, which decides and gives libxml2's own messages.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

_RNG = "{http://relaxng.org/ns/structure/1.0}"
_LINE_DEFINE = "line.string"
#: The profile's Line pattern (as parsed, character references resolved) that the Python check
#: below implements; any other pattern (an edited profile) switches the quick route off rather
#: than let it accept what the profile would not.
_NOT_SPACE = "[^\\s\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff\x85\u2028\u2029]"
_LINE_PATTERN = f"{_NOT_SPACE}([^\n\r\x85\u2028\u2029]*{_NOT_SPACE})?"
#: What may not start or end a Line: XSD's \s (space, tab, CR, LF) and the others named.
_NOT_AT_ENDS = frozenset(
    "\t\n\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)


def structure_profile(profile_path: Path) -> etree.RelaxNG | None:
    """The profile with the Line pattern replaced by ``minLength 1``; None when the profile is
    not shaped as this module expects (then only the real profile is used)."""
    grammar = etree.parse(str(profile_path))
    defines = [d for d in grammar.iter(_RNG + "define") if d.get("name") == _LINE_DEFINE]
    if len(defines) != 1 or _referenced_by_attribute(grammar):
        return None
    params = list(defines[0].iter(_RNG + "param"))
    data = params[0].getparent() if len(params) == 1 else None
    if data is None or data.get("type") != "string" or params[0].get("name") != "pattern":
        return None
    if params[0].text != _LINE_PATTERN:
        return None
    params[0].set("name", "minLength")
    params[0].text = "1"
    return etree.RelaxNG(grammar)


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


def _is_line(text: str) -> bool:
    return (
        text[0] not in _NOT_AT_ENDS
        and text[-1] not in _NOT_AT_ENDS
        # Five substring tests: much faster than a regular expression or a loop.
        and "\n" not in text
        and "\r" not in text
        and "\x85" not in text
        and "\u2028" not in text
        and "\u2029" not in text
    )


#: Nodes that are not elements; inside an element they would split its text where the profile
#: reads it whole, so a document holding one is left to the profile.
_NOT_ELEMENTS = (etree._Comment, etree._ProcessingInstruction, etree._Entity)


def conforms(tree: etree._ElementTree, structure: etree.RelaxNG) -> bool:
    """True only when ``tree`` is valid against the profile; False means: ask the profile."""
    for node in tree.getroot().iter():
        if not len(node):  # a text-only element, or a node that is no element at all
            if isinstance(node, _NOT_ELEMENTS):
                return False
            text = node.text
            if text and not _is_line(text):
                return False
    return bool(structure.validate(tree))
