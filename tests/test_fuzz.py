"""Fuzzing: records generated from the schema, then mutated, never make anything raise.

Records are drawn by walking ``schemas/interview.schema.json`` itself (types,
properties, required keys, enums, bounds, ``anyOf``, ``$ref``; formats
``date`` and ``date-time``), so the generator follows the schema as it changes.
(hypothesis-jsonschema was tried: it does not run with this Hypothesis
version.) Each record is written as YAML and then mutated: keys dropped, lines
duplicated (repeated keys), values retyped to YAML's surprises (``yes``,
``~``, ``010``, ``.inf``, tags, aliases, lists, mappings), bytes corrupted,
inserted or cut. The bytes go through ``checker.check_record``; when a record
loads, also ``agenda.items_for`` and the site's ``pages.build_pages`` (plain
and redacted), and the findings through every report format. None may raise;
every finding must be well-formed.

Bounded for CI: ``AFTERVIEW_FUZZ_EXAMPLES`` examples per test (default 300),
no deadline. A long run: ``AFTERVIEW_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py``.
Dates are drawn from 1970-2100 by default; ``AFTERVIEW_FUZZ_WIDE_YEARS=1``
draws from years 1-9999 (with their edges), where the schema refuses years
outside 1900-2999 (once an OverflowError: see test_hostile.test_extreme_years).
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.agenda import items_for
from afterview.checker import FileResult, check_record
from afterview.clock import Clock
from afterview.loader import resolve_plain
from afterview.pages import build_pages
from afterview.redact import redact_results
from afterview.rules import RULES
from afterview.schema import load_schema
from conftest import SETTINGS

EXAMPLES = int(os.environ.get("AFTERVIEW_FUZZ_EXAMPLES", "300"))
WIDE_YEARS = os.environ.get("AFTERVIEW_FUZZ_WIDE_YEARS") == "1"
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NOW = datetime.fromisoformat("2026-11-25T12:00:00-05:00")
CLOCKS = [
    Clock.at(NOW, SETTINGS),
    Clock.at(datetime.fromisoformat("2027-03-01T08:00:00Z"), SETTINGS),
]


SCHEMA = load_schema()

# --- strategies from the schema --------------------------------------------------------

if WIDE_YEARS:
    days = st.dates() | st.sampled_from([date.min, date.max, date(9999, 12, 25), date(1, 1, 2)])
else:
    days = st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31))
day_text = days.map(date.isoformat)
offsets = st.sampled_from(["", "Z", "-05:00", "+00:00", "+05:30", "-12:00", "+14:00", "+0100"])
date_time_text = st.builds(
    lambda d, h, m, s, sep, off: f"{d}{sep}{h:02d}:{m:02d}{s}{off}",
    day_text,
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["", ":00", ":59", ":30.5"]),
    st.sampled_from(["T", " "]),
    offsets,
)
# Raw U+0085, U+2028 and U+2029 are refused by the loader on purpose (yaml-syntax):
# libyaml reads them as line breaks, YAML 1.2 and editors do not.
characters = st.characters(codec="utf-8", exclude_characters="\x85\u2028\u2029")
free_text = st.text(characters, max_size=30)
NAMES = [
    "Dana Whitfield",
    "Lee Park",
    "dana  whitfield",
    "José Peña",
    "Jose\u0301 Pen\u0303a",
    "李雷",
]
names = st.sampled_from(NAMES) | st.text(characters, min_size=1, max_size=20)
RULE_IDS = sorted(RULES)


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/$defs/")
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**SCHEMA["$defs"][ref.split("/")[-1]], **extra}
    return node


def from_schema(node: dict, key: str = "") -> st.SearchStrategy[Any]:
    node = _resolve(node)
    if "anyOf" in node:
        return st.one_of([from_schema(n, key) for n in node["anyOf"]])
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "object":
        props = node.get("properties", {})
        required = set(node.get("required", ()))
        return st.fixed_dictionaries(
            {k: from_schema(v, k) for k, v in props.items() if k in required},
            optional={k: from_schema(v, k) for k, v in props.items() if k not in required},
        )
    if kind == "array":
        items = node.get("items", {})
        if key == "ignore":
            return st.lists(st.sampled_from(RULE_IDS), max_size=3, unique=True)
        return st.lists(from_schema(items, key), max_size=3)
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(node.get("minimum", -(10**6)), node.get("maximum", 10**6))
    if kind == "number":
        low, high = node.get("minimum", -(10**6)), node.get("maximum", 10**6)
        return st.integers(low, high) | st.floats(low, high, allow_nan=False)
    if kind == "string":
        pattern = node.get("pattern")
        if pattern == SCHEMA["$defs"]["date"]["pattern"]:
            return day_text
        if pattern == SCHEMA["$defs"]["moment"]["pattern"]:
            return day_text | date_time_text
        if pattern is not None:
            return st.from_regex(pattern, fullmatch=True)
        if key in ("name", "to", "contact_person", "spoke_with"):
            return names
        return free_text.filter(lambda s: len(s) >= node.get("minLength", 0))
    raise AssertionError(f"no strategy for {node}")


records = from_schema(SCHEMA)

# --- mutations -------------------------------------------------------------------------

SURPRISES = [
    "yes", "no", "on", "off", "~", "null", "010", "0o17", "0x1F", "1e3", "-0", ".inf", "-.inf",
    ".nan", "''", '""', "[]", "{}", "[1, [2, {3: 4}]]", "{a: b}", "!!binary aGk=", "!custom x",
    "!!python/name:os.system", "&a x", "*a", "*nowhere", "2026-02-30", "2026-11-18T24:00",
    "2026-11-18T14:00+25:00", "9" * 50, "-1", "0", "1440", "1441", "true", "False", "'\t'",
    "\"\\u202e\\0\"", "|\n  block\n  text", "- a\n- b", "<<: {x: 1}", "? x\n  : y",
]  # fmt: skip


class _Dumper(yaml.SafeDumper):
    """PyYAML writes YAML 1.1: '0E0' or '0o17' go out plain, and a YAML 1.2 reader
    (ours) reads them as numbers. Quote every string the loader would not read
    back as that string (see the report: ``afterview new`` has the same problem)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None if resolve_plain(value) == value and value.strip() == value else "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(record: dict) -> str:
    return yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    record = draw(records)
    text = dump(record)
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["drop", "duplicate", "retype", "indent", "swap", "none"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "retype" and ":" in lines[i]:
            head = lines[i].split(":", 1)[0]
            lines[i] = f"{head}: {draw(st.sampled_from(SURPRISES))}"
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "  ", "\t", "    "])) + lines[i]
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    raw = bytearray("\n".join(lines).encode())
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["flip", "insert", "cut", "none"]))
        at = draw(st.integers(0, len(raw)))
        if op == "flip" and at < len(raw):
            raw[at] = draw(st.integers(0, 255))
        elif op == "insert":
            raw[at:at] = draw(
                st.sampled_from(
                    [b"\x00", b"\xff", b"\xef\xbb\xbf", b"\r", b"\r\n", b"---\n", b"...",
                     b"#", b"&x ", b"*x", b"!!str ", b"{", b"[", b"\"", b"'", b": ", b"- ",
                     b"\xe2\x80\xa8", "é".encode(), "\u0301".encode(), "\U0001f600".encode()]
                )
            )  # fmt: skip
        elif op == "cut":
            del raw[at : at + draw(st.integers(1, 20))]
    return bytes(raw)


# --- what must hold --------------------------------------------------------------------


def exercise(raw: bytes, clock: Clock, redact: bool = False) -> FileResult:
    from afterview import reports

    result = check_record("fuzz.yaml", raw, clock)
    for f in result.findings:
        assert f.rule in RULES
        assert f.severity in ("error", "warning", "info")
        assert f.line >= 1 and f.column >= 1
        assert isinstance(f.message, str) and f.message
    if any(f.rule in ("yaml-syntax", "duplicate-key") for f in result.findings):
        assert result.interview is None
        assert {f.rule for f in result.findings} <= {"yaml-syntax", "duplicate-key"}
    report = reports.Report(result.findings, ["fuzz.yaml"], clock.echo)
    for name, reporter in reports.REPORTERS.items():
        out = reporter(report)
        if name == "json":
            json.loads(out)
    if result.interview is not None:
        for item in items_for(result.interview, clock):
            assert item.uid
            json.dumps(item.as_json())
        pages = build_pages([result], clock, redact=redact)
        assert all(isinstance(v, str) for v in pages.values())
    return result


@pytest.mark.slow
@FUZZ
@given(records, st.sampled_from(CLOCKS))
def test_schema_records_load_and_pass_the_schema(record: dict, clock: Clock) -> None:
    """A record drawn from the schema loads and gets no schema finding."""
    result = exercise(dump(record).encode(), clock)
    assert result.interview is not None
    bad = [
        f.message for f in result.findings if f.rule in ("schema", "yaml-syntax", "duplicate-key")
    ]
    assert bad == []


@pytest.mark.slow
@FUZZ
@given(mutated(), st.sampled_from(CLOCKS))
def test_mutated_records_never_raise(raw: bytes, clock: Clock) -> None:
    exercise(raw, clock)


@pytest.mark.slow
@FUZZ
@given(st.binary(max_size=400), st.sampled_from(CLOCKS))
def test_random_bytes_never_raise(raw: bytes, clock: Clock) -> None:
    exercise(raw, clock)


@pytest.mark.slow
@FUZZ
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@`?,. \n\t~01")), max_size=200))
def test_yaml_punctuation_never_raises(text: str) -> None:
    exercise(text.encode(), CLOCKS[0])


@pytest.mark.slow
@FUZZ
@given(mutated(), st.sampled_from(CLOCKS))
def test_mutated_records_redacted_pages_never_raise(raw: bytes, clock: Clock) -> None:
    exercise(raw, clock, redact=True)


def test_redacted_pages_with_a_one_letter_email() -> None:
    """Found by fuzzing: redaction once turned status 'offer' into 'offe(email withheld)'."""
    raw = (
        b"company: A\nrole: B\nwhen: '2000-01-01'\noutcome:\n  status: offer\n"
        b"interviewers:\n- email: r\n"
    )
    result = exercise(raw, CLOCKS[0], redact=True)
    [redacted] = redact_results([result])
    interview = redacted.interview
    assert interview is not None
    assert interview.outcome.status == "offer"
    assert interview.record.data["outcome"] == {"status": "offer"}
    assert interview.record.data["when"] == "2000-01-01"
    assert interview.record.data["interviewers"] == [{}]
    assert [p.email for p in interview.interviewers] == [None]
    page = build_pages([result], CLOCKS[0], redact=True)["interviews/fuzz.md"]
    assert '<span class="av-stage av-stage--offer">offer</span>' in page
