"""The published JSON Schema, generated from the model.

``schema/transcript.schema.json`` is this function's output; a test fails when the two drift.
The schema stands on its own for other tools (check-jsonschema, ajv): draft 2020-12, no
vendor keywords, a title and description on every property.
"""

from __future__ import annotations

import json
from typing import Any

from transcript_model.model import SCHEMA_VERSION, Transcript

SCHEMA_ID = f"urn:transcript-model:schema:transcript:{SCHEMA_VERSION}"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a transcript file holding one transcript."""
    schema = Transcript.model_json_schema(mode="validation")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for name, prop in definition.get("properties", {}).items():
            # pydantic leaves the title off properties that are only a $ref.
            prop.setdefault("title", name.replace("_", " ").capitalize())
        kind = definition.get("properties", {}).get("kind")
        if kind is not None:
            # The tag is what tells turns apart: a file must state it.
            definition["required"] = ["kind", *definition.get("required", [])]
    _drop_vendor_keywords(schema)
    return {"$schema": DRAFT, "$id": SCHEMA_ID, **schema}


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
