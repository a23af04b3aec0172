"""``transcript formats``: the formats, what each can do, and (with --details) their options."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from transcript_model.contract import Format
from transcript_model.errors import TranscriptError
from transcript_model.registry import REGISTRY

EXIT_OK = 0
_CAPABILITIES = ("read", "validate", "write", "stream", "package")


def _row(fmt: Format, details: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": fmt.name,
        "reads": fmt.reads,
        "writes": fmt.writes,
        "extensions": list(fmt.extensions),
        "media_type": fmt.media_type,
        "capabilities": [c for c in _CAPABILITIES if c in fmt.capabilities],
        "validates": "validate" in fmt.capabilities,
        "streams": "stream" in fmt.capabilities,
        "packages": "package" in fmt.capabilities,
        "description": fmt.description,
        "origin": fmt.origin,
    }
    if details:
        try:
            row["options"] = {
                capability: [option.describe() for option in fmt.options(capability).values()]
                for capability in row["capabilities"]
            }
        except TranscriptError as error:  # one broken plugin must not hide the other formats
            row["error"] = error.problems[0].message
    return row


def run(args: argparse.Namespace) -> int:
    """List every format (built-in and plugins) with its capabilities."""
    rows = [_row(fmt, args.details) for fmt in REGISTRY.formats()]
    for problem in REGISTRY.problems:
        print(f"transcript: warning: {problem.message}", file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    print(f"{'name':<9} {'read':<5} {'write':<6} {'extensions':<15} {'can':<31} description")
    for row in rows:
        extensions = " ".join(row["extensions"]) or "-"
        plugin = "" if row["origin"] == "built-in" else f" [plugin: {row['origin']}]"
        print(
            f"{row['name']:<9} {'yes' if row['reads'] else '-':<5} "
            f"{'yes' if row['writes'] else '-':<6} {extensions:<15} "
            f"{','.join(row['capabilities']):<31} {row['description']}{plugin}"
        )
        for capability, options in row.get("options", {}).items():
            if options:
                print(f"{'':<9} {capability} options: {'; '.join(options)}")
        if "error" in row:
            print(f"{'':<9} error: {row['error']}")
    return EXIT_OK
