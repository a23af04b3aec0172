"""The published JSON Schema, generated from the model.

``schema/transcript.schema.json`` is this function's output; a test fails when the two drift.
The schema stands on its own for other tools (check-jsonschema, ajv): draft 2020-12, no
vendor keywords, a title and description on every property.

It describes a transcript *file*, which holds one transcript (an object) or several (an array,
possibly empty), exactly what the JSON reader accepts: at the top, ``if`` the file is an array
``then`` each item, ``else`` the file itself, is a ``$defs/Transcript``. That is a ``oneOf`` of
the two shapes, written so that a validator reports the errors of the shape the file has, at
their own paths (``turns/0/speaker``), instead of one "not valid under any of the given
schemas" at the root. One self-contained file rather than a second collection schema beside
it, so that ``check-jsonschema --schemafile schema/transcript.schema.json *.json`` checks every
transcript file we write without resolving a reference to another file. A tool that wants the
schema of one transcript takes ``$defs/Transcript``.
"""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
from typing import Any, get_args

from pydantic import BaseModel

from transcript_model.model import SCHEMA_VERSION, Transcript

SCHEMA_ID = f"urn:transcript-model:schema:transcript:{SCHEMA_VERSION}"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a transcript file: one transcript, or an array of them."""
    transcript = Transcript.model_json_schema(mode="validation")
    definitions = transcript.pop("$defs", {})
    definitions["Transcript"] = transcript
    _describe(definitions)
    _complete(definitions)
    reference = {"$ref": "#/$defs/Transcript"}
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "Transcript file",
        "description": "A transcript file of transcript-model: one transcript (an object) or "
        "several (an array of them, possibly empty).",
        "if": {"type": "array"},
        "then": {"title": "Several transcripts", "items": reference},
        "else": {"title": "One transcript", **reference},
        "$defs": definitions,
    }


def _describe(definitions: dict[str, Any]) -> None:
    """Give each property the docstring written under its field in the model's source.

    pydantic can take them itself (``use_attribute_docstrings``), but only by reading the
    source of every model class when the package is imported, a tenth of the start-up of
    ``transcript validate``; only the schema needs them, so they are read here.
    """
    for model in _models():
        definition = definitions.get(model.__name__)
        if definition is None:
            continue
        docstrings = attribute_docstrings(model)
        for name, prop in definition.get("properties", {}).items():
            field = model.model_fields.get(name)
            text = docstrings.get(name)
            if text is None or field is None or field.description is not None:
                continue
            prop["description"] = text
            definition["properties"][name] = dict(sorted(prop.items()))  # as pydantic orders


def _models() -> list[type[BaseModel]]:
    """Every model class of the transcript, from the classes its fields name."""
    found: list[type[BaseModel]] = []
    pending: list[Any] = [Transcript]
    while pending:
        item = pending.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item in found:
                continue
            found.append(item)
            pending.extend(field.annotation for field in item.model_fields.values())
        pending.extend(get_args(item))
    return found


def attribute_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """The docstring written under each field of ``model`` (and of the models it derives
    from), cleaned as ``inspect.cleandoc`` cleans docstrings."""
    found: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if cls is BaseModel or not (isinstance(cls, type) and issubclass(cls, BaseModel)):
            continue
        try:
            source = textwrap.dedent(inspect.getsource(cls))
        except (OSError, TypeError):
            continue
        body = ast.parse(source).body[0]
        if not isinstance(body, ast.ClassDef):
            continue
        for first, second in zip(body.body, body.body[1:], strict=False):
            if (
                isinstance(first, ast.AnnAssign)
                and isinstance(first.target, ast.Name)
                and isinstance(second, ast.Expr)
                and isinstance(second.value, ast.Constant)
                and isinstance(second.value.value, str)
            ):
                found[first.target.id] = inspect.cleandoc(second.value.value)
    return found


def _complete(definitions: dict[str, Any]) -> None:
    for definition in definitions.values():
        for name, prop in definition.get("properties", {}).items():
            # pydantic leaves the title off properties that are only a $ref.
            prop.setdefault("title", name.replace("_", " ").capitalize())
        kind = definition.get("properties", {}).get("kind")
        if kind is not None:
            # The tag is what tells turns apart: a file must state it.
            others = [name for name in definition.get("required", []) if name != "kind"]
            definition["required"] = ["kind", *others]
    _drop_vendor_keywords(definitions)


def _drop_vendor_keywords(node: Any) -> None:
    # "discriminator" is OpenAPI's, not JSON Schema's: ajv's strict mode rejects it.
    if isinstance(node, dict):
        node.pop("discriminator", None)
        for value in node.values():
            _drop_vendor_keywords(value)
    elif isinstance(node, list):
        for value in node:
            _drop_vendor_keywords(value)


def json_schema_text() -> str:
    """The schema as the text of ``schema/transcript.schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
