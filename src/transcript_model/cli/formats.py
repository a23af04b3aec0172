"""``transcript formats``: the formats and what each can do."""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_OK = 0


def run(args: argparse.Namespace) -> int:
    import json

    from transcript_model.formats import all_formats, load_module

    rows = []
    for fmt in all_formats():
        row: dict[str, Any] = {
            "name": fmt.name,
            "reads": fmt.reads,
            "writes": fmt.writes,
            "extensions": list(fmt.extensions),
            "description": fmt.description,
        }
        if args.details:
            try:
                module = load_module(fmt)
            except Exception as error:  # one broken converter must not hide the others
                row["error"] = f"cannot load {fmt.module}: {type(error).__name__}: {error}"
            else:
                row["validates"] = hasattr(module, "validate")
                row["streams"] = hasattr(module, "write_stream")
                row["packages"] = hasattr(module, "write_package")
        rows.append(row)
    if args.json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    print(f"{'name':<9} {'read':<5} {'write':<6} {'extensions':<15} description")
    for row in rows:
        extensions = " ".join(row["extensions"]) or "-"
        print(
            f"{row['name']:<9} {'yes' if row['reads'] else '-':<5} "
            f"{'yes' if row['writes'] else '-':<6} {extensions:<15} {row['description']}"
        )
    return EXIT_OK
