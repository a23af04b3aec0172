"""Building a transcript whose paragraph text a reader has already checked.

Nearly all the text of a transcript is in the paragraphs of its speeches and narrative, and
each is a :data:`~transcript_model.types.Line`. pydantic checks that with the line pattern,
one string at a time, at about 2 ns a character whatever the pattern: a tenth of the text
reader's time on page text. A reader that has seen every character of its input once (the
text reader: no forbidden character in the bytes it decoded, no escape that could make one)
knows that no paragraph it cut from the input's lines holds one, and line ends cannot be inside
a line. :func:`validate_checked_paragraphs` then builds the transcript with the model's
validator without the pattern on those paragraphs, after checking here what the reader cannot
know (no paragraph empty or with a space at an end: two character tests each). Every other
rule of the model is checked as always; when anything fails, the model's own validator runs
and reports the errors it always gives.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import SchemaValidator

from .model import Transcript
from .types import BLOCK_TAGS, LINE_PATTERN, SPACE_CHARACTERS

#: The kinds of turn whose "paragraphs" field holds the paragraph strings.
_KINDS = ("speech", "narrative")
_EDGE = frozenset(SPACE_CHARACTERS)


def validate_checked_paragraphs(data: Mapping[str, Any]) -> Transcript:
    """``Transcript.model_validate(data)`` for ``data`` whose speech and narrative paragraph
    strings hold no character a Line forbids (the caller's proof, see the module); the same
    transcript or the same errors."""
    if not _paragraph_edges_clean(data.get("turns")):
        return Transcript.model_validate(data)
    try:
        return _validator().validate_python(data)  # type: ignore[no-any-return]
    except ValidationError:
        return Transcript.model_validate(data)  # raises, with every error located


def _paragraph_edges_clean(turns: Any) -> bool:
    """No paragraph string of a speech or narrative is empty or starts or ends with a space."""
    if not isinstance(turns, list):
        return False
    for turn in turns:
        if not isinstance(turn, dict) or turn.get("kind") not in _KINDS:
            continue
        paragraphs = turn.get("paragraphs")
        if not isinstance(paragraphs, list):
            return False
        for text in paragraphs:
            if type(text) is str and (not text or text[0] in _EDGE or text[-1] in _EDGE):
                return False
    return True


@functools.cache
def _validator() -> SchemaValidator:
    """The model's validator without the line pattern on speech and narrative paragraphs; a
    speech's items tried as text first, then as the models (no call of the Python function
    that tells their kind apart for every paragraph: any input it would refuse, the full
    validator reads again)."""
    schema: Any = Transcript.__pydantic_core_schema__
    paths: list[tuple[Any, ...]] = []
    _find(schema, (), paths)
    if len(paths) != len(_KINDS):
        raise RuntimeError(f"expected the paragraphs of {_KINDS} in the core schema: {paths}")
    for path in paths:
        schema = _changed(schema, path, _without_pattern)
        if path[-2:] == ("choices", "text"):  # a speech's items: text, paragraph or event
            schema = _changed(schema, path[:-2], _text_first)
    return SchemaValidator(schema)


def _find(node: Any, path: tuple[Any, ...], found: list[tuple[Any, ...]]) -> None:
    if isinstance(node, dict):
        if node.get("type") == "str" and node.get("pattern") == LINE_PATTERN:
            if _is_paragraph(path):
                found.append(path)
            return
        for key, value in node.items():
            _find(value, (*path, key), found)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _find(value, (*path, index), found)


def _is_paragraph(path: tuple[Any, ...]) -> bool:
    """The path of a str schema reaches it through the tagged-union choice of a speech or a
    narrative, then its "paragraphs" field and no other model's field."""
    for at in range(len(path) - 1):
        if path[at] == "choices" and path[at + 1] in _KINDS:
            rest = path[at + 2 :]
            fields = [index for index, step in enumerate(rest) if step == "fields"]
            return len(fields) == 1 and rest[fields[0] + 1 : fields[0] + 2] == ("paragraphs",)
    return False


def _changed(node: Any, path: tuple[Any, ...], change: Callable[[Any], Any]) -> Any:
    """``node`` with ``change`` applied to what is at ``path``: the containers on the path are
    copied, everything else is shared."""
    if not path:
        return change(node)
    copied: Any = dict(node) if isinstance(node, dict) else list(node)
    copied[path[0]] = _changed(node[path[0]], path[1:], change)
    return copied


def _without_pattern(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in schema.items() if key != "pattern"}


def _text_first(schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("type") != "tagged-union" or list(schema["choices"]) != list(BLOCK_TAGS):
        raise RuntimeError(f"expected the tagged union of a speech's items: {schema.get('type')}")
    choices = [schema["choices"][tag] for tag in BLOCK_TAGS]
    return {"type": "union", "choices": choices, "mode": "left_to_right"}
