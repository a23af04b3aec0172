"""A yes-or-unsure check of a value against the published JSON Schema, without pydantic.

:func:`compile_checker` turns the schema that ``transcript schema`` publishes (generated from
the model, and tested against it) into nested closures that answer True only when the value is
valid. It is the quick route of :mod:`transcript_model.converters.json.quick`: False means
"not shown valid", never "invalid" — the model itself then decides, and explains. So every
keyword is read at least as strictly as JSON Schema reads it, and where the model is stricter
than its schema the checker is too:

* a keyword about strings, arrays or objects also demands that type (JSON Schema would let a
  number through ``pattern``);
* ``$`` ends the text, as in pydantic's patterns (Python's ``$`` also matches before a final
  line break);
* a string longer than :data:`LONGEST_MATCHED` is not matched at all: Python's regular
  expressions backtrack, and with a bound on each string the check stays linear in the file
  whatever the patterns (pydantic's engine is linear; such a file goes its way);
* strings of the date patterns must name real days (the model's date types check the
  calendar, the patterns cannot);
* ``integer`` and ``number`` are never booleans;
* the object rules of :mod:`transcript_model.object_rules` run on the objects of the
  definitions they belong to.

A keyword it does not know refuses to compile (``UnsupportedSchemaError``), so a new construct
in the schema cannot be ignored by mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]
#: A rule of one definition's objects: what is wrong with a valid object of it, or None.
ObjectRule = Callable[[dict[str, Any]], "str | None"]

#: Keywords that say nothing about validity.
_ANNOTATIONS = frozenset({"title", "description", "default", "examples", "$schema", "$id"})
_TYPES: dict[str, Check] = {
    "string": lambda value: type(value) is str,
    "integer": lambda value: type(value) is int,
    "number": lambda value: type(value) in (int, float),
    "boolean": lambda value: type(value) is bool,
    "null": lambda value: value is None,
    "array": lambda value: type(value) is list,
    "object": lambda value: type(value) is dict,
}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: The longest string matched against a pattern (a paragraph of some 15,000 words).
LONGEST_MATCHED = 100_000


class UnsupportedSchemaError(ValueError):
    """The schema uses a keyword or form this checker does not read."""


def compile_checker(schema: Mapping[str, Any], rules: Mapping[str, ObjectRule]) -> Check:
    """The check of a whole file's value against ``schema``; ``rules`` by definition name."""
    return _Compiler(schema, rules).compile(schema)


def _same(expected: Any) -> Check:
    # JSON's 1 is not its true, nor 1.0 its 1: the type is compared with the value.
    kind = type(expected)
    return lambda value: type(value) is kind and value == expected


def _calendar_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _pattern(source: str) -> Check:
    if source.count("$") != 1 or not source.endswith("$") or source.endswith("\\$"):
        raise UnsupportedSchemaError(f"pattern not anchored by one final $: {source[:40]!r}")
    search = re.compile(source[:-1] + r"\Z").search
    if source.startswith("^[0-9]{4}"):  # a date, perhaps with a day the calendar has not
        return lambda value: (
            type(value) is str
            and len(value) <= LONGEST_MATCHED
            and search(value) is not None
            and (len(value) < 10 or _calendar_day(value))
        )
    return lambda value: (
        type(value) is str and len(value) <= LONGEST_MATCHED and search(value) is not None
    )


def _date(value: Any) -> bool:
    return type(value) is str and _ISO_DATE.fullmatch(value) is not None and _calendar_day(value)


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


class _Compiler:
    def __init__(self, root: Mapping[str, Any], rules: Mapping[str, ObjectRule]) -> None:
        self._definitions: Mapping[str, Any] = root.get("$defs", {})
        self._rules = rules
        self._compiled: dict[str, Check] = {}
        self._compiling: set[str] = set()
        unknown = set(rules) - set(self._definitions)
        if unknown:
            lacking = sorted(unknown)
            raise UnsupportedSchemaError(f"rules for definitions the schema lacks: {lacking}")

    def compile(self, node: Mapping[str, Any]) -> Check:
        checks: list[Check] = []
        keys = set(node) - _ANNOTATIONS - {"$defs"}
        if "$ref" in keys:
            checks.append(self._reference(node["$ref"]))
        if "type" in keys:
            checks.append(self._type(node["type"]))
        if "const" in keys:
            checks.append(_same(node["const"]))
        if "enum" in keys:
            checks.append(self._one_of_values(node["enum"]))
        if "pattern" in keys:
            checks.append(_pattern(node["pattern"]))
        if "format" in keys:
            checks.append(self._format(node["format"]))
        if "minimum" in keys:
            low = node["minimum"]
            checks.append(lambda value: type(value) in (int, float) and value >= low)
        if keys & {"properties", "required", "additionalProperties"}:
            checks.append(self._object(node))
        if keys & {"items", "minItems"}:
            checks.append(self._array(node))
        if "anyOf" in keys:
            checks.append(self._any_of(node["anyOf"]))
        if "oneOf" in keys:
            checks.append(self._exactly_one_of(node["oneOf"]))
        if "if" in keys:
            checks.append(self._conditional(node))
        known = {"$ref", "type", "const", "enum", "pattern", "format", "minimum", "properties"}
        known |= {"required", "additionalProperties", "items", "minItems", "anyOf", "oneOf"}
        known |= {"if", "then", "else"}
        if keys - known:
            raise UnsupportedSchemaError(f"keywords not supported: {sorted(keys - known)}")
        if not checks:
            raise UnsupportedSchemaError("a schema that accepts anything")
        return _all(checks)

    def _reference(self, reference: str) -> Check:
        prefix = "#/$defs/"
        name = reference.removeprefix(prefix)
        if not reference.startswith(prefix) or name not in self._definitions:
            raise UnsupportedSchemaError(f"reference not to a definition: {reference}")
        if name in self._compiled:
            return self._compiled[name]
        if name in self._compiling:
            raise UnsupportedSchemaError(f"a definition that contains itself: {name}")
        self._compiling.add(name)
        check = self.compile(self._definitions[name])
        rule = self._rules.get(name)
        if rule is not None:
            checked = check
            check = lambda value: checked(value) and rule(value) is None  # noqa: E731
        self._compiled[name] = check
        return check

    @staticmethod
    def _type(names: str | list[str]) -> Check:
        if isinstance(names, str):
            return _TYPES[names]
        checks = [_TYPES[name] for name in names]
        return lambda value: any(check(value) for check in checks)

    @staticmethod
    def _one_of_values(values: list[Any]) -> Check:
        checks = [_same(value) for value in values]
        return lambda value: any(check(value) for check in checks)

    @staticmethod
    def _format(name: str) -> Check:
        if name != "date":
            raise UnsupportedSchemaError(f"format not supported: {name}")
        return _date

    def _object(self, node: Mapping[str, Any]) -> Check:
        properties = {key: self.compile(value) for key, value in node.get("properties", {}).items()}
        required = tuple(node.get("required", ()))
        extra = node.get("additionalProperties", True)
        if extra is not False and extra is not True:
            raise UnsupportedSchemaError("additionalProperties other than true or false")
        names = properties.keys()

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return False
            if extra is False and not value.keys() <= names:
                return False
            if any(key not in value for key in required):
                return False
            for key, item in value.items():
                field = properties.get(key)
                if field is not None and not field(item):
                    return False
            return True

        return check

    def _array(self, node: Mapping[str, Any]) -> Check:
        item_check = self.compile(node["items"]) if "items" in node else None
        least = node.get("minItems", 0)

        def check(value: Any) -> bool:
            if type(value) is not list or len(value) < least:
                return False
            return item_check is None or all(map(item_check, value))

        return check

    def _any_of(self, branches: list[Mapping[str, Any]]) -> Check:
        optional = [branch for branch in branches if dict(branch) != {"type": "null"}]
        checks = [self.compile(branch) for branch in optional]
        if len(optional) == len(branches) - 1 and len(checks) == 1:
            only = checks[0]  # the usual optional field: a value or null
            return lambda value: value is None or only(value)
        return lambda value: any(check(value) for check in checks)

    def _exactly_one_of(self, branches: list[Mapping[str, Any]]) -> Check:
        """The one form of ``oneOf`` the model's schema has: objects told apart by the value of
        their required "kind" (each value in one branch), and at most one branch of another
        type (a speech's plain paragraph). Exactly one branch can then hold a value: the one
        its kind or its type names."""
        by_tag: dict[str, Check] = {}
        others: list[Check] = []
        for branch in branches:
            target = branch
            if set(branch) == {"$ref"}:
                target = self._definitions[branch["$ref"].removeprefix("#/$defs/")]
            kind = target.get("properties", {}).get("kind", {})
            tags = [kind["const"]] if "const" in kind else kind.get("enum", [])
            if target.get("type") == "object" and "kind" in target.get("required", ()) and tags:
                for tag in tags:
                    if type(tag) is not str or tag in by_tag:
                        raise UnsupportedSchemaError(f"oneOf with kind {tag!r} twice")
                    by_tag[tag] = self.compile(branch)
            elif target.get("type") in _TYPES and target.get("type") != "object":
                others.append(self.compile(branch))
            else:
                raise UnsupportedSchemaError("oneOf of branches not told apart by kind or type")
        if len(others) > 1:
            raise UnsupportedSchemaError("oneOf with more than one branch that is no object")
        other = others[0] if others else _TYPES["object"]  # never true for a non-object

        def check(value: Any) -> bool:
            if type(value) is dict:
                tag = value.get("kind")
                branch = by_tag.get(tag) if type(tag) is str else None
                return branch is not None and branch(value)
            return type(value) is not dict and other(value)

        return check

    def _conditional(self, node: Mapping[str, Any]) -> Check:
        # A condition read more strictly than JSON Schema reads it would pick the wrong
        # branch: only a test of the type is read.
        if set(node["if"]) != {"type"} or node["if"]["type"] not in _TYPES:
            raise UnsupportedSchemaError("an if that is not a test of the type")
        condition = self.compile(node["if"])
        then = self.compile(node["then"]) if "then" in node else None
        otherwise = self.compile(node["else"]) if "else" in node else None

        def check(value: Any) -> bool:
            branch = then if condition(value) else otherwise
            return branch is None or branch(value)

        return check
