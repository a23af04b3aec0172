"""The ``transcript`` command, one module per subcommand.

:mod:`~transcript_model.cli.main` parses the arguments and runs a command from
:mod:`~transcript_model.cli.validate`, :mod:`~transcript_model.cli.convert`,
:mod:`~transcript_model.cli.formats` or :mod:`~transcript_model.cli.schema`, each imported only
when it runs; what they print about problems is in :mod:`~transcript_model.cli.report`, how they
write files in :mod:`~transcript_model.cli.output`. No command imports another.
"""

from transcript_model.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
