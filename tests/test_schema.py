"""schemas/interview.schema.json, and the ``schema`` findings (format.md, rules.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import check, of, rules, yaml_text
from jsonschema import Draft202012Validator

from afterview.loader import Record, load_text
from afterview.schema import load_schema, schema_problems

REPO = Path(__file__).resolve().parents[1]
SCHEMA_FILE = REPO / "schemas" / "interview.schema.json"
SAMPLES = sorted((REPO / "content" / "interviews").glob("*.yaml"))
NOW = "2026-11-25T12:00:00-05:00"


def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def subschemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict]]:
    """Every schema object inside the schema, with a JSON-pointer-like path."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    yield from subschemas(sub, f"{where}/{key}/{name}")
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                yield from subschemas(value, f"{where}/{key}")
            elif key in ("anyOf", "oneOf", "allOf"):
                for i, sub in enumerate(value):
                    yield from subschemas(sub, f"{where}/{key}/{i}")


def all_keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from all_keys(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_keys(value)


# --- the schema itself -------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    s = schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(s)


def test_the_program_uses_the_repository_schema() -> None:
    assert load_schema() == schema()


def test_every_property_has_a_description() -> None:
    missing = [
        f"{where}/properties/{name}"
        for where, node in subschemas(schema())
        for name, sub in node.get("properties", {}).items()
        if not str(sub.get("description", "")).strip()
    ]
    assert missing == []


def test_every_object_is_closed_and_allows_notes() -> None:
    objects = [(where, node) for where, node in subschemas(schema()) if node.get("type") == "object"]
    assert len(objects) >= 7  # record, interviewer, closing, next step, note, reflection, follow-up, outcome
    for where, node in objects:
        assert node.get("additionalProperties") is False, where
        assert node["properties"]["notes"]["type"] == "string", where


def test_schema_avoids_keywords_editors_handle_badly() -> None:
    used = set(all_keys(schema()))
    assert used.isdisjoint(
        {"prefixItems", "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$dynamicAnchor"}
    )


def test_required_fields() -> None:
    assert sorted(schema()["required"]) == ["company", "role", "when"]


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_sample_record_validates(sample: Path) -> None:
    loaded = load_text(sample.read_bytes())
    assert isinstance(loaded, Record)
    assert schema_problems(loaded.data) == []
    assert "schema" not in rules(check(sample.read_bytes(), NOW))


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 5


# --- schema findings ---------------------------------------------------------------------

BROKEN = yaml_text(
    """
    company: Northwind Traders
    role: Data Engineer
    when: 2026-11-18T14:00:00-05:00
    duration: sixty
    format: in person
    interviewers:
      - name: Dana Whitfield
        titel: Director of Data Platform
        business_card: yes
    thank_you:
      - sent: 2026-11-19
    """
)


def schema_findings(text: str) -> list[tuple[int, int, str]]:
    return sorted((f.line, f.column, f.message) for f in of(check(text, NOW), "schema"))


def test_every_violation_is_reported_where_it_is() -> None:
    found = schema_findings(BROKEN)
    assert [(line, col) for line, col, _ in found] == [
        (4, 11),  # duration: the value
        (5, 9),  # format: the value
        (7, 5),  # interviewers[0]: unknown titel, at the mapping
        (9, 20),  # interviewers[0].business_card: the value
        (11, 5),  # thank_you[0]: missing to, at the mapping
    ]
    assert all(f.severity == "error" for f in of(check(BROKEN, NOW), "schema"))


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (4, ("duration", "whole number", "sixty")),
        (5, ("format", "onsite", "video", "phone", "in person")),
        (7, ("interviewers[0]", "titel", "did you mean 'title'")),
        (9, ("interviewers[0].business_card", "true or false", "yes")),
        (11, ("thank_you[0]", "missing", "'to'")),
    ],
)
def test_message_names_the_field_and_what_was_expected(line: int, words: tuple[str, ...]) -> None:
    [message] = [m for at_line, _, m in schema_findings(BROKEN) if at_line == line]
    for word in words:
        assert word in message


def test_missing_required_fields_are_reported_at_the_mapping() -> None:
    found = schema_findings("# a record\nformat: video\nnotes: nothing else\n")
    assert [(line, col) for line, col, _ in found] == [(2, 1)] * 3
    messages = " ".join(m for *_, m in found)
    for name in ("company", "role", "when"):
        assert f"'{name}'" in messages


def test_unknown_top_level_key() -> None:
    found = schema_findings(
        "company: A\nrole: B\nwhen: 2026-11-18\nfolow_ups: []\n"
    )
    assert [(line, col) for line, col, _ in found] == [(1, 1)]
    assert "folow_ups" in found[0][2] and "follow_ups" in found[0][2]


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("company: A\nrole: B\nwhen: 2026-02-30\n", (3, 7)),
        ("company: A\nrole: B\nwhen: 2026-02-30T10:00\n", (3, 7)),
        ("company: A\nrole: B\nwhen: 2026-11-18\nclosing:\n  expected_contact: 2026-11-31\n", (5, 21)),
        ("company: A\nrole: B\nwhen: 2026-11-18\noutcome:\n  decision_due: 2026-13-01\n", (5, 17)),
        ("company: A\nrole: B\nwhen: 2026-11-18\nreflection:\n  written: 2026-11-18T25:00\n", (5, 12)),
        ("company: A\nrole: B\nwhen: 18/11/2026\n", (3, 7)),
        ("company: A\nrole: B\nwhen: 2026-11-18T14:00:00+24:00\n", (3, 7)),
    ],
)
def test_impossible_dates_are_schema_findings(text: str, at: tuple[int, int]) -> None:
    found = schema_findings(text)
    assert [(line, col) for line, col, _ in found] == [at]


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-18",
        "2026-11-18T14:00",
        "2026-11-18T14:00:00",
        "2026-11-18 14:00",
        "2026-11-18T14:00:00-05:00",
        "2026-11-18T14:00:00Z",
        "2026-11-18T14:00:00.5+01:00",
        "2024-02-29",
    ],
)
def test_valid_moments(value: str) -> None:
    assert schema_findings(f"company: A\nrole: B\nwhen: {value}\n") == []


def test_wrong_types() -> None:
    found = schema_findings(
        yaml_text(
            """
            company: 42
            role: [a, b]
            when: 2026-11-18
            round: 0
            interviewers: Dana
            version: 2
            ignore: [Not A Rule]
            """
        )
    )
    assert [(line, col) for line, col, _ in found] == [
        (1, 10),
        (2, 7),
        (4, 8),
        (5, 15),
        (6, 10),
        (7, 10),
    ]


def test_notes_allowed_on_every_mapping() -> None:
    text = yaml_text(
        """
        company: A
        role: B
        when: 2026-11-18
        notes: top
        interviewers:
          - name: Dana
            notes: x
        closing:
          notes: x
          next_steps:
            - action: Write
              notes: x
        thank_you:
          - to: Dana
            notes: x
        reflection:
          notes: x
        follow_ups:
          - date: 2026-11-19
            notes: x
        outcome:
          notes: x
        """
    )
    assert schema_findings(text) == []


def test_rules_whose_fields_are_valid_still_run() -> None:
    text = yaml_text(
        """
        company: Northwind Traders
        role: Data Engineer
        when: 2026-11-18T14:00:00-05:00
        format: in person
        interviewers:
          - name: Dana Whitfield
            business_card: true
          - name: Lee Park
            title: Staff Engineer
            business_card: si
        """
    )
    found = check(text, NOW)
    assert sorted((f.rule, f.line, f.column) for f in of(found, "schema")) == [
        ("schema", 4, 9),
        ("schema", 10, 20),
    ]
    assert [(f.line, f.column) for f in of(found, "interviewer-title-missing")] == [(6, 5)]
    assert {"reflection-missing", "thank-you-overdue", "interim-actions-unasked"} <= rules(found)
    # Lee Park's spelling field is invalid: no spelling finding built on it
    assert of(found, "interviewer-spelling-unconfirmed") == []
