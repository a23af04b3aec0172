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

import json
from typing import Any

from transcript_model.model import SCHEMA_VERSION, Transcript

SCHEMA_ID = f"urn:transcript-model:schema:transcript:{SCHEMA_VERSION}"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a transcript file: one transcript, or an array of them."""
    transcript = Transcript.model_json_schema(mode="validation")
    definitions = transcript.pop("$defs", {})
    definitions["Transcript"] = transcript
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
