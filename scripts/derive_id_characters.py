"""Print the identifier character classes of ``transcript_model.types`` from libxml2's own rules.

XML 1.0 (5th edition) allows far more name characters than the 4th edition's tables, which
libxml2 (lxml, xmllint) and Xerces (jing) still apply to ``xml:id`` and ``xsd:ID`` values: an id
made of the newer characters is written fine but refused by those tools. The model therefore
allows, in the Basic Multilingual Plane, only the characters both accept. This script asks
libxml2 character by character and prints the two classes as Python source for ``types.py``;
``tests/test_model.py`` checks the classes in ``types.py`` against libxml2 the same way.

Run ``python scripts/derive_id_characters.py`` after an XML toolchain change.
"""

from __future__ import annotations

import re
import sys

from lxml import etree

# The 5th-edition NCName characters of the BMP without "." (see types.py for why no ".").
_START_5TH = (
    r"A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D"
    r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
)
_REST_5TH = _START_5TH + r"\-0-9\u00B7\u0300-\u036F\u203F\u2040"
_WIDTH = 84


def libxml2_accepts_id(value: str) -> bool:
    """True when libxml2 takes ``value`` as an ``xml:id``."""
    try:
        etree.fromstring(f'<a xml:id="{value}"/>'.encode())
    except etree.XMLSyntaxError:
        return False
    return True


def id_characters() -> tuple[list[int], list[int]]:
    """The code points allowed first in an id, and those allowed after the first."""
    start, rest = re.compile(f"[{_START_5TH}]"), re.compile(f"[{_REST_5TH}]")
    first: list[int] = []
    after: list[int] = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if start.fullmatch(char) and libxml2_accepts_id(char):
            first.append(code)
        if rest.fullmatch(char) and libxml2_accepts_id("a" + char):
            after.append(code)
    return first, after


def character_class(codes: list[int]) -> list[str]:
    """``codes`` as the ranges of a regular-expression class, each written ``\\uXXXX-\\uXXXX``."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = []
    for low, high in ranges:
        parts.append(f"\\u{low:04X}" if low == high else f"\\u{low:04X}-\\u{high:04X}")
    return parts


def main() -> int:
    """Print ``_ID_START`` and ``_ID_REST_ONLY`` as Python source."""
    first, after = id_characters()
    only_after = sorted(set(after) - set(first))
    for name, codes in (("_ID_START", first), ("_ID_REST_ONLY", only_after)):
        lines = [""]
        for part in character_class(codes):
            if len(lines[-1]) + len(part) > _WIDTH:
                lines.append("")
            lines[-1] += part
        print(f"{name} = (")
        print("\n".join(f'    r"{line}"' for line in lines))
        print(")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
