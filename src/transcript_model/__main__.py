"""``python -m transcript_model`` runs the ``transcript`` command."""

import sys

from transcript_model.cli import main

if __name__ == "__main__":
    sys.exit(main())
