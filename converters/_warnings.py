"""Warnings that readers of several formats give in the same words."""

from __future__ import annotations

from collections.abc import Sequence

from transcript_model.errors import Problem, excerpt


def unspoken_labels(unspoken: Sequence[str], origin: str, line: int | None = None) -> list[Problem]:
    """The warning for speaker labels with no text after them (not kept), if there are any."""
    if not unspoken:
        return []
    return [
        Problem(
            "dropped",
            f"{len(unspoken)} speaker labels have no text after them and are not kept "
            f"(first: {excerpt(unspoken[0])})",
            origin,
            line,
            severity="warning",
        )
    ]
