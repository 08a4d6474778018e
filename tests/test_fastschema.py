"""The fast validity check says "valid" exactly when jsonschema does.

``afterview.fastschema`` is compiled from the record schema; ``schema_problems``
skips jsonschema when it says valid. So it must agree with jsonschema (configured
as in ``schema.validator()``) on every record: generated valid ones, corrupted
ones, the samples, the spec's complete example and the benchmark's records.
"""

from __future__ import annotations

import copy
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.fastschema import compile_schema, is_valid
from afterview.loader import Record, load_text
from afterview.schema import load_schema, schema_problems, validator
from conftest import SPEC_EXAMPLE

REPO = Path(__file__).resolve().parents[1]
SCHEMA = load_schema()
FAST = compile_schema(SCHEMA)


def agree(data: Any) -> None:
    expected = validator().is_valid(data)
    assert FAST is not None
    assert FAST(data) is expected, (expected, data)
    assert is_valid(data) is expected


# --- valid records, generated from the schema itself ----------------------------------


def _resolve(ref: str) -> dict:
    node: Any = SCHEMA
    for part in ref[2:].split("/"):
        node = node[part]
    return node


_dates = st.dates(date(1990, 1, 1), date(2040, 12, 31))
_offsets = st.sampled_from(["", "Z", "+00:00", "-05:00", "+0530", "+09", "z"])


@st.composite
def _datetime_text(draw: st.DrawFn) -> str:
    d = draw(st.datetimes(datetime(1990, 1, 1), datetime(2040, 12, 31)))
    sep = draw(st.sampled_from(["T", " ", "t"]))
    clock = d.strftime(draw(st.sampled_from(["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"])))
    return d.strftime("%Y-%m-%d") + sep + clock + draw(_offsets)


def strategy(schema: Any) -> st.SearchStrategy:
    """Instances valid against schema (the keyword subset the record schema uses)."""
    if "$ref" in schema:
        return strategy(_resolve(schema["$ref"]))
    if "anyOf" in schema:
        return st.one_of([strategy(s) for s in schema["anyOf"]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        if "pattern" in schema:
            written = st.from_regex(schema["pattern"], fullmatch=True)
            if schema["pattern"] == SCHEMA["$defs"]["date"]["pattern"]:
                return _dates.map(date.isoformat) | written
            if schema["pattern"] == SCHEMA["$defs"]["moment"]["pattern"]:
                return _dates.map(date.isoformat) | _datetime_text() | written
            return written
        return st.text(min_size=schema.get("minLength", 0), max_size=12)
    if kind == "integer":
        return st.integers(schema.get("minimum", -(10**6)), schema.get("maximum", 10**6))
    if kind == "number":
        low, high = schema.get("minimum", -(10**6)), schema.get("maximum", 10**6)
        return st.integers(low, high) | st.floats(low, high, allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(
            strategy(schema["items"]), max_size=3, unique=schema.get("uniqueItems", False)
        )
    if kind == "object":
        props = schema.get("properties", {})
        required = schema.get("required", [])
        return st.fixed_dictionaries(
            {k: strategy(props[k]) for k in required},
            optional={k: strategy(v) for k, v in props.items() if k not in required},
        )
    raise AssertionError(f"no strategy for {schema}")


records = strategy(SCHEMA)

# --- corruptions -----------------------------------------------------------------------

_NEAR_MISSES = [
    None, True, False, 0, 1, -1, 1.0, 1.5, 1440, 1441, 0.0, float("nan"), float("inf"),
    "", " ", "yes", "no", "on", "1", "2026-02-30", "2026-13-01", "2026-11-18", "2026-11-18T14:00",
    "2026-11-18 14:00:00-05:00", "2026-11-18T25:00", "2026-11-18T14:00+24:00", "18/11/2026",
    "onsite", "video", "me", "them", "offer", "email", "staff-not-thanked", "Staff-Not", "a--b",
    "x\n", [], [""], ["a", "a"], ["a", "b"], [1], {}, {"notes": "x"}, {"name": "A"},
]  # fmt: skip
_near_miss = st.sampled_from(_NEAR_MISSES).map(copy.deepcopy)  # lists are mutated
_anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _places(data: Any, path: tuple = ()) -> list[tuple]:
    """Every path in the instance (the root included)."""
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _places(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _places(v, (*path, i))
    return out


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _keywords(schema: dict) -> dict:
    """The keywords that apply to a value: the node's own, its $ref's, its anyOf's."""
    out = {k: v for k, v in schema.items() if k not in ("$ref", "anyOf", "description")}
    if "$ref" in schema:
        out.update(_keywords(_resolve(schema["$ref"])))
    for branch in schema.get("anyOf", []):
        for k, v in _keywords(branch).items():
            out.setdefault(k, v)
    return out


def _schema_at(path: tuple, root: dict = SCHEMA) -> dict:
    node = _keywords(root)
    for part in path:  # {} below a value that is already off the schema
        sub = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        node = _keywords(sub) if isinstance(sub, dict) else {}
    return node


@st.composite
def violation(draw: st.DrawFn, data: Any, path: tuple, root: dict = SCHEMA) -> Any:
    """data with the value at path breaking one keyword of its schema (or with a random value)."""
    schema = _schema_at(path, root)
    target = _get(data, path)
    keyword = draw(st.sampled_from(sorted(schema) + ["random"]))
    value: Any = draw(_anything)
    if keyword == "type" or keyword == "const":
        value = draw(_near_miss)
    elif keyword == "enum":
        value = draw(st.sampled_from([s.upper() for s in schema["enum"]] + ["", "other"]))
    elif keyword == "minLength":
        value = ""
    elif keyword == "pattern":
        value = draw(
            st.sampled_from(
                ["Bad_Id", "a--b", "-a", "x\n", "x y", "1abc", "abc-"]
                + ["2026-02-30", "2026-11-18T25:00", "2026-11-18T14:00+24:00", "2026-1-8"]
                + ["2026-11-18\n", "2026-11-18T14:00 ", "1899-12-31", "2026-11-18T14:00+2400"]
            )
        )
    elif keyword == "minimum":
        value = draw(st.sampled_from([schema["minimum"] - 1, schema["minimum"] - 0.5, 0.0]))
    elif keyword == "maximum":
        value = draw(st.sampled_from([schema["maximum"] + 1, schema["maximum"] + 0.5]))
    elif keyword == "uniqueItems" and isinstance(target, list) and target:
        target.append(copy.deepcopy(draw(st.sampled_from(target))))
        return data
    elif keyword == "required" and isinstance(target, dict):
        present = [k for k in schema["required"] if k in target]
        if present:
            del target[draw(st.sampled_from(present))]
        return data
    elif keyword in ("additionalProperties", "properties") and isinstance(target, dict):
        target[draw(st.sampled_from(["notse", "Company", "x", "tilte"]))] = draw(_near_miss)
        return data
    elif keyword == "items" and isinstance(target, list):
        target.append(draw(_near_miss))
        return data
    if not path:
        return value
    _get(data, path[:-1])[path[-1]] = value
    return data


@st.composite
def corrupted(draw: st.DrawFn) -> Any:
    """A generated valid record, broken once or twice: one keyword on purpose, or blindly."""
    data = draw(records)
    for _ in range(draw(st.integers(1, 2))):
        if not isinstance(data, dict):
            break
        path = draw(st.sampled_from(_places(data)))
        how = draw(st.sampled_from(["violate", "violate", "replace", "drop", "add-key"]))
        target = _get(data, path)
        if how == "violate":
            data = draw(violation(data, path))
        elif how == "replace" and path:
            _get(data, path[:-1])[path[-1]] = draw(_anything | _near_miss)
        elif how == "drop" and isinstance(target, dict) and target:
            del target[draw(st.sampled_from(sorted(target)))]
        elif how == "add-key" and isinstance(target, dict):
            key = draw(st.sampled_from(["notse", "title", "name", "Company", "status", "x"]))
            target[key] = draw(_near_miss)
    return data


_settings = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@_settings
@given(records)
def test_generated_valid_records_are_valid(data: dict) -> None:
    assert validator().is_valid(data)  # the generator itself is right
    agree(data)


@pytest.mark.slow
@_settings
@given(corrupted())
def test_corrupted_records_agree(data: Any) -> None:
    agree(data)


@_settings
@given(_anything)
def test_arbitrary_values_agree(data: Any) -> None:
    agree(data)


def _nodes(schema: dict, name: str = "record") -> list[tuple[str, dict]]:
    """Every subschema reached through properties and items, with a readable name."""
    out = [(name, schema)]
    for key, sub in schema.get("properties", {}).items():
        out += _nodes(sub, f"{name}.{key}")
    if "items" in schema:
        out += _nodes(schema["items"], f"{name}[]")
    return out


NODES = _nodes(SCHEMA)


@st.composite
def near_node(draw: st.DrawFn, node: dict) -> Any:
    """A valid instance of node, then maybe broken somewhere inside."""
    data = draw(strategy(node))
    if draw(st.booleans()):
        data = draw(violation(data, draw(st.sampled_from(_places(data))), node))
    return data


@pytest.mark.slow
@pytest.mark.parametrize("name, node", NODES, ids=[n for n, _ in NODES])
def test_every_schema_node_agrees(name: str, node: dict) -> None:
    """Each part of the schema on its own: valid and broken instances of it."""
    schema = dict(node, **{"$defs": SCHEMA["$defs"]})
    fast = compile_schema(schema)
    assert fast is not None
    slow = type(validator())(schema)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(near_node(node))
    def check(data: Any) -> None:
        assert fast(data) is slow.is_valid(data), data

    check()


# --- real records -------------------------------------------------------------------------


def _data(raw: bytes) -> dict:
    loaded = load_text(raw)
    assert isinstance(loaded, Record), loaded
    return loaded.data


def test_spec_example() -> None:
    data = _data(SPEC_EXAMPLE)
    assert validator().is_valid(data)
    agree(data)


SAMPLES = sorted((REPO / "content" / "interviews").glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_samples(path: Path) -> None:
    agree(_data(path.read_bytes()))


def test_benchmark_records(tmp_path: Path) -> None:
    """The benchmark's synthetic records, valid and broken, loaded as check loads them."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from records import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    valid = invalid = 0
    for path in generate(tmp_path, 300, seed=7):
        loaded = load_text(path.read_bytes())
        if isinstance(loaded, Record):
            agree(loaded.data)
            valid += validator().is_valid(loaded.data)
            invalid += not validator().is_valid(loaded.data)
    assert valid > 100 and invalid > 10


# --- how it is used ---------------------------------------------------------------------


def test_schema_problems_still_worded_by_jsonschema() -> None:
    data = _data(SPEC_EXAMPLE)
    assert schema_problems(data) == []
    data["duration"] = "sixty"
    [(path, message)] = schema_problems(data)
    assert path == ("duration",) and "expected a whole number" in message


@pytest.mark.parametrize(
    "extra",
    [
        {"maxLength": 3},
        {"patternProperties": {"^x": {}}},
        {"$ref": "https://example.com/other.json"},
        {"additionalProperties": {"type": "string"}},
    ],
)
def test_unsupported_keywords_disable_the_fast_path(extra: dict) -> None:
    """A keyword the compiler does not know must not be ignored silently."""
    schema = dict(SCHEMA, properties=dict(SCHEMA["properties"], notes=extra))
    assert compile_schema(schema) is None


def test_the_record_schema_compiles() -> None:
    assert FAST is not None


@pytest.mark.parametrize(
    ("value", "valid"),
    [(1, True), (1.0, True), (True, False), ("1", False), (2, False)],
)
def test_version_const_follows_jsonschema_equality(value: Any, valid: bool) -> None:
    data = {"company": "A", "role": "B", "when": "2026-11-18", "version": value}
    agree(data)
    assert FAST(data) is valid


def test_offsets_and_dates_follow_moments() -> None:
    base = {"company": "A", "role": "B"}
    now = datetime(2026, 11, 18, 14, tzinfo=timezone(timedelta(hours=-5)))
    for when in (
        now.isoformat(),
        "2026-11-18",
        "2026-02-29",
        "2028-02-29",
        "2026-11-18T14:00+25:00",
    ):
        agree({**base, "when": when})
