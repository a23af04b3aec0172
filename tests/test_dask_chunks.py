"""Inputs per Dask task: 64 for a small batch, more for a large one (each chunk of a conversion
makes three round trips), never over 1,024."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.distributed")

from transcript_model.dask import chunk_size


@pytest.mark.parametrize(
    ("count", "workers", "size"),
    [(0, 2, 64), (1_000, 2, 64), (10_000, 2, 625), (10_000, 8, 157), (1_000_000, 2, 1024)],
)
def test_chunk_size(count: int, workers: int, size: int) -> None:
    assert chunk_size(count, workers) == size
