"""Hostile shapes at two sizes: every reader and the error locator must stay (near) linear.

Each shape is a generator in one of the ``benchmarks/hostile_shapes_*.py`` modules that makes an
input of about N bytes full of one thing an attacker can repeat (distinct names, line breaks in
stage turns, removed HTML elements, empty XML elements, …). ``transcript validate`` is run on
it in-process (:func:`transcript_model.validate`, the path CI and pre-commit take) at a small
and a large size, best of ``--rounds`` runs each. A shape fails when

* the large size takes more than ``--limit`` seconds (2 s at 1 MB on a 2-core machine), or
* time grows more than ``--growth`` times (15) from the small size to the large one (10× the
  bytes: linear work grows ~10×, quadratic work ~100×).

Run ``python -m benchmarks.bench_complexity`` (``--small 100000 --large 1000000`` are the
defaults; ``--shape NAME`` runs the shapes whose name contains NAME). Exits 1 when any shape
fails. The regression tests in ``tests/test_hostile_*.py`` run the same shapes at one small size.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import transcript_model as tm
from transcript_model.converters.json import quick

#: module, name of its dict of shapes, and how a shape name gives its format.
_SHAPE_MODULES = (
    ("benchmarks.hostile_shapes_json", "SHAPES"),
    ("benchmarks.hostile_shapes_text", "SHAPES"),
    ("benchmarks.hostile_shapes_speakers_html", "SHAPES"),
    ("benchmarks.hostile_shapes_xml", "SIZED_SHAPES"),
)


@dataclass(frozen=True)
class Shape:
    """One hostile input shape and the format it is read as."""

    name: str
    format: str
    make: Callable[[int], bytes]


def _format_of(module: str, name: str) -> str:
    by_module = {"benchmarks.hostile_shapes_json": "json", "benchmarks.hostile_shapes_text": "text"}
    if module in by_module:
        return by_module[module]
    for suffix in ("tei", "akn", "html", "speakers"):
        if name.endswith(f"_{suffix}") or name.startswith(f"{suffix}_"):
            return suffix
    return "speakers"


def shapes() -> Iterator[Shape]:
    """Every registered shape."""
    for module_name, attribute in _SHAPE_MODULES:
        module = importlib.import_module(module_name)
        formats: dict[str, str] = getattr(module, "FORMATS", {})
        for name, entry in getattr(module, attribute).items():
            if isinstance(entry, tuple):  # (format, generator)
                yield Shape(name, entry[0], entry[1])
            else:
                yield Shape(name, formats.get(name) or _format_of(module_name, name), entry)


def clear_caches() -> None:
    """Empty the bounded memo caches of the readers (``functools.lru_cache(maxsize=…)`` on
    labels and names): a later round of the small input would otherwise find every distinct
    name it holds cached, while the large one holds more than a cache keeps, and the growth
    would count the caches, not the work. Unbounded ones (a schema compiled once) stay."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("transcript_model"):
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)
            if callable(parameters) and parameters().get("maxsize") is not None:
                value.cache_clear()


def seconds(data: bytes, fmt: str, rounds: int) -> float:
    """Best wall time of ``rounds`` validations of ``data`` as ``fmt``, each with empty
    caches."""
    best = float("inf")
    for _ in range(rounds):
        clear_caches()
        gc.collect()
        start = time.perf_counter()
        if fmt == "json-quick":  # the route of ``transcript validate`` for a few valid files
            if quick.valid_transcript_count(data) is None:
                raise AssertionError("a quick-route shape must be shown valid")
        else:
            tm.validate(data, fmt, origin=f"hostile.{fmt}")
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    """Time every shape at two sizes; 1 when any is too slow or grows too fast."""
    parser = argparse.ArgumentParser(prog="benchmarks.bench_complexity")
    parser.add_argument("--small", type=int, default=100_000, help="bytes of the small input")
    parser.add_argument("--large", type=int, default=1_000_000, help="bytes of the large input")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=float, default=2.0, help="seconds allowed at --large")
    parser.add_argument("--growth", type=float, default=15.0, help="time ratio allowed")
    parser.add_argument("--shape", default="", help="only shapes whose name contains this")
    args = parser.parse_args(argv)
    failed: list[str] = []
    print(
        f"{'shape':34} {'format':8} {'small':>9} {'large':>9} {'s small':>8} {'s large':>8} "
        f"{'growth':>7}"
    )
    for shape in shapes():
        if args.shape not in shape.name:
            continue
        small, large = shape.make(args.small), shape.make(args.large)
        t_small = seconds(small, shape.format, args.rounds)
        t_large = seconds(large, shape.format, args.rounds)
        # Scale by the sizes the generators really made (some stop short of the target).
        growth = (
            (t_large / max(t_small, 1e-4)) * (len(small) / len(large)) * (args.large / args.small)
        )
        verdict = "ok"
        if t_large > args.limit or growth > args.growth:
            verdict = "FAIL"
            failed.append(shape.name)
        print(
            f"{shape.name:34} {shape.format:8} {len(small):>9,} {len(large):>9,} "
            f"{t_small:8.3f} {t_large:8.3f} {growth:6.1f}x {verdict}",
            flush=True,
        )
    print(f"\n{len(failed)} shape(s) failed" + (f": {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
