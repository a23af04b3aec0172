"""The ``transcript`` command: a thin layer over the public API."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _schema(args: argparse.Namespace) -> int:
    from transcript_model.schema import json_schema_text

    text = json_schema_text()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from transcript_model.api import validate

    status = EXIT_OK
    for name in args.paths:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: [unreadable] no such file", file=sys.stderr)
            status = max(status, EXIT_USAGE)
            continue
        problems = validate(path, args.source_format)
        for problem in problems:
            print(problem)
        if problems:
            unreadable = any(
                p.code in ("unreadable", "encoding", "binary", "too_large") for p in problems
            )
            status = max(status, EXIT_USAGE if unreadable else EXIT_INVALID)
    return status


def _convert(args: argparse.Namespace) -> int:
    from transcript_model.api import read, write

    transcripts = read(Path(args.input), args.source_format)
    text = write(transcripts, args.to)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``transcript`` command."""
    parser = argparse.ArgumentParser(prog="transcript", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    schema = commands.add_parser("schema", help="print or write the JSON Schema")
    schema.add_argument("-o", "--output", help="write the schema to this file")
    schema.set_defaults(run=_schema)
    validate = commands.add_parser("validate", help="validate transcript files")
    validate.add_argument("paths", nargs="+")
    validate.add_argument("--from", dest="source_format", help="force the input format")
    validate.set_defaults(run=_validate)
    convert = commands.add_parser("convert", help="convert a transcript file")
    convert.add_argument("input")
    convert.add_argument("--to", required=True)
    convert.add_argument("--from", dest="source_format")
    convert.add_argument("-o", "--output")
    convert.set_defaults(run=_convert)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    from transcript_model.errors import TranscriptError

    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except TranscriptError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    return code


if __name__ == "__main__":
    sys.exit(main())
