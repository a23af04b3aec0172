"""``transcript schema``: print or write the JSON Schema of a transcript."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0


def run(args: argparse.Namespace) -> int:
    from transcript_model.schema import json_schema_text

    text = json_schema_text()
    if args.output and args.output != "-":
        from transcript_model.cli.output import write_atomically

        write_atomically(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return EXIT_OK
