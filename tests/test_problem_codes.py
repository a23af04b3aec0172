"""The problem-code catalogue lists every code the package emits, and docs/problems.md shows it.

Three nets, each catching what the others cannot:
- a static scan of src/ and converters/ for codes written in code positions (this file);
- every pydantic error type the model can raise, found by feeding each field wrong values;
- every code created while the whole suite runs (``problem_code_recorder``, wired in conftest).
"""

from __future__ import annotations

import ast
import copy
import importlib.util
import json
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import problem_code_recorder
import pytest
from pydantic import ValidationError

from transcript_model import read
from transcript_model.codes import CATEGORIES, CODES, UNREADABLE, matches, selected
from transcript_model.errors import Problem, TranscriptError
from transcript_model.model import Transcript

from conftest import ROOT

#: Functions whose first argument is a problem code (helpers in the readers included).
CODE_FIRST = {"Problem", "single", "warn", "fail", "_error", "PydanticCustomError"}
#: Functions that take the code in another position.
CODE_AT = {"partial_check_warning": 1}


def _name(function: ast.expr) -> str | None:
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else None


def _code_arguments(call: ast.Call) -> Iterator[ast.expr]:
    name = _name(call.func)
    position = 0 if name in CODE_FIRST else CODE_AT.get(name or "")
    if position is not None and len(call.args) > position:
        yield call.args[position]
    yield from (keyword.value for keyword in call.keywords if keyword.arg == "code")


def _constants(value: ast.expr) -> Iterator[str] | None:
    """The strings an expression of literals can be (``"a" if x else "b"``); None otherwise."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return iter([value.value])
    if isinstance(value, ast.IfExp):
        body, orelse = _constants(value.body), _constants(value.orelse)
        if body is not None and orelse is not None:
            return iter([*body, *orelse])
    return None


def _assigned(function: ast.AST | None, variable: str) -> list[ast.expr]:
    if function is None:
        return []
    return [
        node.value
        for node in ast.walk(function)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == variable for t in node.targets)
    ]


def _scan(tree: ast.AST, where: str) -> Iterator[tuple[str, str, bool]]:
    """``(code or f-string prefix, place, is_prefix)`` for each code written in ``tree``."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def enclosing_function(node: ast.AST) -> ast.AST | None:
        while node in parents:
            node = parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node
        return None

    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        place = f"{where}:{call.lineno}"
        for argument in _code_arguments(call):
            if isinstance(argument, ast.JoinedStr):  # f"no_{capability}"
                head = argument.values[0] if argument.values else None
                if isinstance(head, ast.Constant) and isinstance(head.value, str):
                    yield head.value, place, True
                continue
            values = [argument]
            if isinstance(argument, ast.Name):  # code = "binary" if ... else "control_character"
                values = _assigned(enclosing_function(call), argument.id)
            for value in values:
                for code in _constants(value) or ():
                    yield code, place, False


def scanned_codes() -> list[tuple[str, str, bool]]:
    """Every code written in a code position in src/ and converters/."""
    found = []
    for folder in ("src", "converters"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found.extend(_scan(tree, str(path.relative_to(ROOT))))
    return found


def test_every_code_written_in_the_source_is_catalogued() -> None:
    found = scanned_codes()
    missing = sorted(
        {
            f"{code}{'*' if prefix else ''} ({place})"
            for code, place, prefix in found
            if not (any(c.startswith(code) for c in CODES) if prefix else code in CODES)
        }
    )
    assert not missing, f"codes the catalogue lacks: {missing}"
    # The scan must keep finding what it was written to find.
    literal = {code for code, _, prefix in found if not prefix}
    assert len(literal) >= 70
    assert {"json_syntax", "xml_dtd", "tei_dropped", "akn_schema", "unknown_speaker"} <= literal
    assert {"binary", "control_character"} <= literal  # through a variable


def test_the_scanner_sees_each_kind_of_code_position() -> None:
    source = """
def f(capability, problem):
    Problem("a_literal", "m")
    TranscriptError.single("b_single", "m")
    self.warn("c_warn", "m", node)
    Problem(code="d_keyword", message="m")
    code = "e_one" if problem else "f_other"
    raise TranscriptError.single(code, "m")
    raise TranscriptError.single(f"g_{capability}", "m")
    Problem(problem.code, "m")
    partial_check_warning(copy, "h_partial", "the XSD", origin)
"""
    found = {(code, prefix) for code, _, prefix in _scan(ast.parse(source), "x.py")}
    assert found == {
        ("a_literal", False),
        ("b_single", False),
        ("c_warn", False),
        ("d_keyword", False),
        ("e_one", False),
        ("f_other", False),
        ("g_", True),
        ("h_partial", False),
    }


_WRONG_VALUES: list[Any] = [
    None, 1, -1, 1.5, True, "", " x ", "x y", "2022-02-30", "2022-01-01T25:00:00",
    "2022-01-01T10:00:00+03:00", "10:00:00.5", "25:00", "abcdefghijklmnopqrst", [], {}, ["x"],
    [{}], "\ud800", "\u202e",
]  # fmt: skip


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        yield (*path, "unknown_field")
        for key, item in value.items():
            yield (*path, key)
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:2]):
            yield (*path, index)
            yield from _paths(item, (*path, index))


def _with(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(document)
    holder = changed
    for step in path[:-1]:
        holder = holder[step]
    if value is not _DELETE:
        holder[path[-1]] = value
    elif isinstance(holder, dict):
        holder.pop(path[-1], None)
    else:
        del holder[path[-1]]
    return changed


_DELETE = object()


def test_every_pydantic_error_type_the_model_raises_is_catalogued() -> None:
    seed = json.loads((ROOT / "examples" / "kremlin-2022-03-11.json").read_text(encoding="utf-8"))
    seed = seed[0] if isinstance(seed, list) else seed
    kinds: set[str] = set()
    for path in _paths(seed):
        for value in [*_WRONG_VALUES, _DELETE]:
            try:
                Transcript.model_validate(_with(seed, path, value))
            except ValidationError as error:
                kinds.update(detail["type"] for detail in error.errors())
    assert len(kinds) >= 20  # the fuzzing reaches the model
    assert sorted(kinds - set(CODES)) == []


def test_catalogue_entries_are_well_formed() -> None:
    for entry in CODES.values():
        assert entry.code.isidentifier() and entry.code == entry.code.lower(), entry
        assert entry.severity in ("error", "warning"), entry
        assert entry.category in CATEGORIES, entry
        assert entry.meaning and "\n" not in entry.meaning and len(entry.meaning) <= 100, entry
    assert len(CODES) == len({c.code for c in CODES.values()})


def test_unreadable_codes_come_from_the_catalogue() -> None:
    from transcript_model.cli.report import UNREADABLE_CODES

    # The seven the command treated as unreadable before there was a catalogue, still there.
    before = {"unreadable", "not_found", "too_large", "binary", "unknown_format", "write_only",
              "internal_error"}  # fmt: skip
    assert before <= UNREADABLE == UNREADABLE_CODES
    assert all(CODES[code].category == "unreadable" for code in UNREADABLE)


def test_selectors_match_codes_or_prefixes_ending_in_underscore() -> None:
    assert matches("tei_", "tei_dropped") and matches("tei_dropped", "tei_dropped")
    assert not matches("tei", "tei_dropped") and not matches("tei_drop", "tei_dropped")
    assert set(selected("xml_")) == {"xml_syntax", "xml_dtd", "xml_encoding", "xml_version"}
    assert selected("nothing_like_it") == []


def _render_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "render_problem_codes", ROOT / "scripts" / "render_problem_codes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_problems_md_is_rendered_from_the_catalogue() -> None:
    rendered = _render_module().render()
    document = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    assert document == rendered, "out of date: run scripts/render_problem_codes.py"
    for code in CODES:
        assert f"| `{code}` |" in document


def test_problems_md_is_linked_from_the_readme_and_the_cli_guide() -> None:
    assert "docs/problems.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(problems.md)" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_the_session_recorder_is_installed_and_records_package_codes() -> None:
    # The conftest hook cannot pass silently: it is installed, it sees codes the package
    # creates, it leaves made-up codes of tests alone, and it names uncatalogued codes.
    assert Problem.__init__ is problem_code_recorder._recording_init
    problem_code_recorder.seen.discard("json_syntax")
    with pytest.raises(TranscriptError):
        read(b"{not json", format="json")
    assert "json_syntax" in problem_code_recorder.seen
    Problem("made_up_by_a_test", "message")
    assert "made_up_by_a_test" not in problem_code_recorder.seen
    assert problem_code_recorder.uncatalogued({"json_syntax", "zz_new"}) == ["zz_new"]


def _session(args: list[str], *, deselected: bool = False, collect_only: bool = False) -> Any:
    reporter = SimpleNamespace(stats={"deselected": [object()]} if deselected else {})
    config = SimpleNamespace(
        args=args,
        rootpath=ROOT,
        option=SimpleNamespace(collectonly=collect_only),
        pluginmanager=SimpleNamespace(get_plugin=lambda name: reporter),
    )
    return SimpleNamespace(config=config, testscollected=800)


def test_the_minimum_number_of_codes_applies_to_whole_runs_only() -> None:
    whole_suite = problem_code_recorder._whole_suite
    assert whole_suite(_session(["tests"]))
    assert whole_suite(_session([str(ROOT / "tests")]))
    assert not whole_suite(_session(["tests/test_cli.py"]))
    assert not whole_suite(_session(["tests"], deselected=True))  # -k, -m, --deselect
    assert not whole_suite(_session(["tests"], collect_only=True))
