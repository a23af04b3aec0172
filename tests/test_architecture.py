"""The shape of the code: no import cycle, no oversized module or function, commands apart.

The import graph is built from the source (AST), not by importing: every ``import`` counts,
at module level, inside functions and under ``if TYPE_CHECKING:``, because a cycle hidden in a
function-local or type-only import is still two modules that cannot be understood (or moved)
one without the other. ``converters/`` ships as ``transcript_model.converters``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_ROOTS = {
    ROOT / "src" / "transcript_model": "transcript_model",
    ROOT / "converters": "transcript_model.converters",
}
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80

# The command modules of the command line: each stands alone (shared code lives in
# report.py, output.py, inputs.py, jobs.py, dialects.py).
COMMANDS = ("validate", "convert", "diff", "formats", "schema")


def _module_files() -> dict[str, Path]:
    """Dotted module name → file, for every module of the package and its converters."""
    modules: dict[str, Path] = {}
    for root, package in SOURCE_ROOTS.items():
        for path in sorted(root.rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join([package, *parts])] = path
    return modules


MODULES = _module_files()


def _imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Every module ``tree`` imports, absolute, wherever the import statement stands."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module if is_package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{node.module}" if node.module else package
            else:
                base = node.module or ""
            # "from package import submodule" imports the submodule (as import linters read
            # it: the package's __init__ is not an edge, or every package would be a cycle).
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in MODULES else base


def _internal(name: str) -> str | None:
    """The module of the graph that importing ``name`` names, if it is one of ours."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph() -> dict[str, set[str]]:
    """Module → the modules of the package it imports (itself excluded)."""
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = set()
        for name in _imported_names(tree, module, path.name == "__init__.py"):
            target = _internal(name)
            if target is not None and target != module:
                targets.add(target)
        graph[module] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a closed path (first module repeated), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found is not None:
                    return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found is not None:
                return found
    return None


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_graph_resolves_relative_imports_in_converters() -> None:
    imports = import_graph()["transcript_model.converters.text.convert"]
    # Relative imports resolve, "converters/" maps to transcript_model.converters.
    assert "transcript_model.converters.text.layout" in imports
    assert "transcript_model.errors" in imports


def test_find_cycle_reports_the_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_local_and_type_checking_imports_are_edges() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .model import Transcript\n"
        "def f():\n    from ..errors import Problem\n"
    )
    names = set(_imported_names(ast.parse(source), "transcript_model.converters.text.x", False))
    assert {"transcript_model.converters.text.model", "transcript_model.converters.errors"} <= names


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_command_imports_another_command() -> None:
    commands = {f"transcript_model.cli.{name}" for name in COMMANDS}
    graph = import_graph()
    crossing = sorted(
        f"{module} imports {target}"
        for module in commands & graph.keys()
        for target in graph[module] & commands
    )
    assert not crossing, crossing


@pytest.mark.parametrize("path", sorted(MODULES.values()), ids=_relative)
def test_module_size(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_relative(path)}: {lines} lines"


def _long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno is not None
            size = node.end_lineno - node.lineno + 1
            if size > MAX_FUNCTION_LINES:
                found.append(f"{_relative(path)}:{node.lineno} {node.name} ({size} lines)")
    return found


@pytest.mark.parametrize("path", sorted(MODULES.values()), ids=_relative)
def test_function_size(path: Path) -> None:
    assert not _long_functions(path)
