"""``transcript diff A B``: what changed between two versions of a transcript, in any formats.

Exit status as ``diff(1)`` and ``git diff --exit-code``: 0 when the transcripts are equal, 1
when they differ, 2 for a usage error or an input that cannot be read (said on standard error
as located problems).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from transcript_model.errors import TranscriptError

EXIT_EQUAL, EXIT_DIFFERENT, EXIT_USAGE = 0, 1, 2
STDIN = "-"


def run(args: argparse.Namespace) -> int:
    from transcript_model.diff import diff_all

    try:
        old, new = _read_both(args)
    except TranscriptError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    diffs = diff_all(old, new)
    changes = sum(len(d.changes) for d in diffs)
    if args.output_format == "json":
        report: dict[str, Any] = {
            "a": args.a,
            "b": args.b,
            "equal": not changes,
            "changes": changes,
            "transcripts": [d.as_dict(word_diff=args.word_diff) for d in diffs],
        }
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(args, diffs)
    if not args.quiet:
        noun = "change" if changes == 1 else "changes"
        print(f"{changes} {noun} in {len(diffs)} transcript(s)", file=sys.stderr)
    return EXIT_DIFFERENT if changes else EXIT_EQUAL


def _read_both(args: argparse.Namespace) -> tuple[list[Any], list[Any]]:
    if args.a == STDIN and args.b == STDIN:
        raise TranscriptError.single(
            "usage", "only one of A and B can be - (standard input)", "transcript"
        )
    format_a = args.format_a or args.source_format
    format_b = args.format_b or args.source_format
    return _read(args.a, format_a, args.max_bytes), _read(args.b, format_b, args.max_bytes)


def _read(path: str, format_name: str | None, max_bytes: int) -> list[Any]:
    from transcript_model import get_format
    from transcript_model.api import read

    if format_name is not None:
        get_format(format_name, "transcript")  # an unknown name is a usage error, said once
    if path == STDIN:
        from transcript_model.inputs import read_stream

        data = read_stream(sys.stdin.buffer, "<stdin>", max_bytes)
        return read(data, format_name, origin="<stdin>", max_bytes=max_bytes)
    return read(Path(path), format_name, max_bytes=max_bytes)


def _print_text(args: argparse.Namespace, diffs: list[Any]) -> None:
    from transcript_model.diff import text_lines

    if all(d.equal for d in diffs):
        return
    print(f"--- {args.a}")
    print(f"+++ {args.b}")
    for result in diffs:
        if result.equal:
            continue
        if len(diffs) > 1 or result.old_id != result.new_id:
            same = result.old_id == result.new_id
            ids = result.old_id if same else f"{result.old_id or '-'} -> {result.new_id or '-'}"
            print(f"@@ {ids} @@")
        for line in text_lines(result, word_diff=args.word_diff):
            print(line)
