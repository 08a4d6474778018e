"""A fast yes/no validity check compiled from the record schema.

jsonschema stays the source of every error message; this module only answers
"is this record valid?" quickly, so that ``schema.schema_problems`` runs (and
imports) jsonschema only for records that have a problem.

Only the keywords the record schema uses are supported: ``type``,
``properties``, ``additionalProperties: false``, ``required``, ``enum``,
``const``, ``items``, ``anyOf``, local ``$ref``, ``pattern`` (read as
JSON Schema reads it, ``schemafile.pattern_regex``; dates and times are
patterns), ``minimum``, ``maximum``, ``minLength`` and
``uniqueItems``; ``patternErrorMessage`` (the editors' wording) is an
annotation. A schema using anything else does not
compile (``compile_schema`` returns None) and every record goes to
jsonschema, so the fast path can never pass an invalid record by ignoring a
keyword. Semantics follow jsonschema's: a keyword about one type ignores
values of other types, ``true`` is not the number 1, ``1.0`` is an integer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from afterview.schemafile import load_schema, pattern_regex

Check = Callable[[Any], bool]

# Keywords that never affect validity.
_ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$comment",
        "$defs",
        "title",
        "description",
        "default",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "patternErrorMessage",
    }
)


class Unsupported(Exception):
    """The schema uses something this compiler does not handle."""


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _is_integer(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    return isinstance(x, int) or (isinstance(x, float) and x.is_integer())


_TYPES: dict[str, Check] = {
    "string": lambda x: isinstance(x, str),
    "boolean": lambda x: isinstance(x, bool),
    "integer": _is_integer,
    "number": _is_number,
    "array": lambda x: isinstance(x, list),
    "object": lambda x: isinstance(x, dict),
    "null": lambda x: x is None,
}


def _equal(a: Any, b: Any) -> bool:
    """jsonschema's equality: booleans are not numbers, 1 == 1.0, deep for containers."""
    if a is b:
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return False
    return bool(a == b)


def _unique(items: list[Any]) -> bool:
    if all(isinstance(x, str) for x in items):
        return len(set(items)) == len(items)
    return not any(_equal(items[i], items[j]) for i in range(len(items)) for j in range(i))


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if pointer in self.refs:
            return self.refs[pointer]
        if not pointer.startswith("#/"):
            raise Unsupported(f"$ref {pointer!r}")
        target: Any = self.root
        for part in pointer[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                raise Unsupported(f"$ref {pointer!r}")
            target = target[part]
        slot: list[Check] = []
        self.refs[pointer] = lambda x: slot[0](x)  # recursion-safe placeholder
        slot.append(self.compile(target))
        self.refs[pointer] = slot[0]
        return slot[0]

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda x: True
        if schema is False:
            return lambda x: False
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        checks: list[Check] = []
        keys = set(schema) - _ANNOTATIONS
        if "type" in keys:
            wanted = schema["type"]
            if not isinstance(wanted, str) or wanted not in _TYPES:
                raise Unsupported(f"type {wanted!r}")
            checks.append(_TYPES[wanted])
        if "enum" in keys:
            options = list(schema["enum"])
            if all(isinstance(o, str) for o in options):
                names = frozenset(options)
                checks.append(lambda x: isinstance(x, str) and x in names)
            else:
                checks.append(lambda x: any(_equal(x, o) for o in options))
        if "const" in keys:
            const = schema["const"]
            checks.append(lambda x: _equal(x, const))
        if "minLength" in keys:
            n = schema["minLength"]
            checks.append(lambda x: not isinstance(x, str) or len(x) >= n)
        if "pattern" in keys:
            search = pattern_regex(schema["pattern"]).search
            checks.append(lambda x: not isinstance(x, str) or search(x) is not None)
        if "minimum" in keys:
            low = schema["minimum"]
            checks.append(lambda x: not _is_number(x) or not x < low)
        if "maximum" in keys:
            high = schema["maximum"]
            checks.append(lambda x: not _is_number(x) or not x > high)
        if "items" in keys:
            item = self.compile(schema["items"])
            checks.append(lambda x: not isinstance(x, list) or all(map(item, x)))
        if schema.get("uniqueItems") is True:
            checks.append(lambda x: not isinstance(x, list) or _unique(x))
        if "properties" in keys or "additionalProperties" in keys or "required" in keys:
            checks.append(self._object(schema))
        if "anyOf" in keys:
            branches = [self.compile(s) for s in schema["anyOf"]]
            checks.append(lambda x: any(b(x) for b in branches))
        if "$ref" in keys:
            checks.append(self.ref(schema["$ref"]))
        unknown = keys - {
            "type",
            "enum",
            "const",
            "minLength",
            "pattern",
            "minimum",
            "maximum",
            "items",
            "uniqueItems",
            "properties",
            "additionalProperties",
            "required",
            "anyOf",
            "$ref",
        }
        if unknown:
            raise Unsupported(", ".join(sorted(unknown)))
        if not checks:
            return lambda x: True
        if len(checks) == 1:
            return checks[0]
        if len(checks) == 2:
            a, b = checks
            return lambda x: a(x) and b(x)
        return lambda x: all(c(x) for c in checks)

    def _object(self, schema: dict[str, Any]) -> Check:
        props = {k: self.compile(v) for k, v in schema.get("properties", {}).items()}
        extra = schema.get("additionalProperties", True)
        if extra not in (True, False):
            raise Unsupported("additionalProperties other than true or false")
        closed = extra is False
        required = tuple(schema.get("required", ()))

        def check(x: Any) -> bool:
            if not isinstance(x, dict):
                return True
            for key, value in x.items():
                sub = props.get(key)
                if sub is None:
                    if closed:
                        return False
                elif not sub(value):
                    return False
            return all(name in x for name in required)

        return check


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A function telling whether an instance is valid, or None if the schema is unsupported."""
    try:
        return _Compiler(schema).compile(schema)
    except (Unsupported, re.error, TypeError):
        return None


@cache
def _record_check() -> Check | None:
    return compile_schema(load_schema())


def is_valid(data: Any) -> bool:
    """True if the record is valid against the schema; False if invalid or unknown.

    False sends the record to jsonschema, which has the last word.
    """
    check = _record_check()
    return check is not None and check(data)
