"""schemas/interview.schema.json, and the ``schema`` findings (content/format.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from afterview.loader import Record, load_text
from afterview.schema import load_schema, schema_problems
from conftest import check, of, rules, yaml_text

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
    objects = [(at, node) for at, node in subschemas(schema()) if node.get("type") == "object"]
    # record, interviewer, closing, next step, note, reflection, follow-up, outcome, pay amount
    assert len(objects) == 9
    for where, node in objects:
        assert node.get("additionalProperties") is False, where
        assert node["properties"]["notes"]["type"] == "string", where


def test_schema_avoids_keywords_editors_handle_badly() -> None:
    used = set(all_keys(schema()))
    assert used.isdisjoint(
        {
            "prefixItems",
            "unevaluatedProperties",
            "unevaluatedItems",
            "$dynamicRef",
            "$dynamicAnchor",
        }
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
        (8, 5),  # interviewers[0].titel: unknown, at the key itself
        (9, 20),  # interviewers[0].business_card: the value
        (11, 5),  # thank_you[0]: missing to, at the mapping
    ]
    assert all(f.severity == "error" for f in of(check(BROKEN, NOW), "schema"))


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (4, ("duration", "whole number", "sixty")),
        (5, ("format", "onsite", "video", "phone", "in person")),
        (8, ("interviewers[0]", "titel", "did you mean 'title'")),
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
    found = schema_findings("company: A\nrole: B\nwhen: 2026-11-18\nfolow_ups: []\n")
    assert [(line, col) for line, col, _ in found] == [(4, 1)]  # at the key
    assert "folow_ups" in found[0][2] and "follow_ups" in found[0][2]


DAY = "company: A\nrole: B\nwhen: 2026-11-18\n"


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("company: A\nrole: B\nwhen: 2026-02-30\n", (3, 7)),
        ("company: A\nrole: B\nwhen: 2026-02-30T10:00\n", (3, 7)),
        (DAY + "closing:\n  expected_contact: 2026-11-31\n", (5, 21)),
        (DAY + "outcome:\n  decision_due: 2026-13-01\n", (5, 17)),
        (DAY + "reflection:\n  written: 2026-11-18T25:00\n", (5, 12)),
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


# A schema finding holds back only the findings that rest on the broken field: each
# case is (record after HEAD, rule, its position when the unrelated field is broken).
HEAD = "company: Northwind Traders\nrole: Data Engineer\nwhen: 2026-11-18T14:00:00-05:00\n"
LATE = "2026-12-20T12:00:00-05:00"
UNRELATED_FIELD_BROKEN = [
    ("interviewers:\n  - name: Lee Park\n    email: 42\n", "interviewer-title-missing", (5, 5)),
    ("interviewers:\n  - title: Lead\n    phone: 6175550134\n", "interviewer-name-missing", (5, 5)),
    (
        "interviewers:\n  - name: Lee Park\n    title: Lead\n    notes: [a]\n",
        "interviewer-spelling-unconfirmed",
        (5, 5),
    ),
    ("closing:\n  asked_next_steps: yes\n", "contact-expectations-missing", (4, 1)),
    ("closing:\n  expected_contact: soon\n", "interim-actions-unasked", (4, 1)),
    ("format: onsite\nclosing:\n  notes: 5\n", "staff-not-thanked", (5, 1)),
    (
        "closing:\n  next_steps:\n    - action: Send it\n      due: 2026-11-20\n      notes: 5\n",
        "next-step-overdue",
        (6, 7),
    ),
    (
        "interviewers:\n  - name: Lee Park\nthank_you:\n  - to: Lee Park\n    sent: 2026-11-25\n"
        "    channel: fax\n",
        "thank-you-late",
        (7, 5),
    ),
    (
        "interviewers:\n  - name: Lee Park\n  - name: Ana Ruiz\nthank_you:\n  - to: Lee Park\n"
        "    channel: fax\n",
        "thank-you-overdue",
        (6, 5),
    ),
    (
        "interviewers:\n  - name: Lee Park\nthank_you:\n  - to: Lee Parks\n    channel: fax\n",
        "thank-you-recipient-unknown",
        (7, 5),
    ),
    ("reflection:\n  written: yesterday\n", "reflection-missing", (4, 1)),
    (
        "follow_ups:\n  - date: 2026-11-26\n    channel: carrier pigeon\n",
        "follow-up-overdue",
        (5, 5),
    ),
    ("follow_ups:\n  - date: 2026-12-19\n    notes: 5\n", "follow-up-incomplete", (5, 5)),
    ("outcome:\n  status: offer\n  feedback: 5\n", "offer-not-thanked", (4, 1)),
    ("outcome:\n  status: offer\n  thanked: yes\n", "offer-terms-unconfirmed", (4, 1)),
    (
        "outcome:\n  status: offer\n  decision_due: 2026-12-01\n  pay: 165000\n",
        "offer-decision-overdue",
        (6, 17),
    ),
    ("outcome:\n  status: rejected\n  referrals: a lead\n", "rejection-feedback-unasked", (4, 1)),
    ("outcome:\n  status: rejected\n  asked_why: yes\n", "referrals-unasked", (4, 1)),
]


@pytest.mark.parametrize(
    ("body", "rule", "at"), UNRELATED_FIELD_BROKEN, ids=[c[1] for c in UNRELATED_FIELD_BROKEN]
)
def test_a_broken_unrelated_field_does_not_hold_a_rule_back(
    body: str, rule: str, at: tuple[int, int]
) -> None:
    found = check(HEAD + body, LATE)
    assert of(found, "schema"), "the case must have a schema finding"
    assert [(f.line, f.column) for f in of(found, rule)] == [at]


RULE_FIELD_BROKEN = [
    ("interviewers:\n  - name: 42\n", "interviewer-name-missing"),
    ("interviewers:\n  - name: Lee Park\n    title: ''\n", "interviewer-title-missing"),
    (
        "interviewers:\n  - name: Lee Park\n    business_card: yes\n",
        "interviewer-spelling-unconfirmed",
    ),
    ("closing:\n  expected_contact: soon\n", "contact-expectations-missing"),
    ("closing:\n  asked_next_steps: yes\n", "interim-actions-unasked"),
    ("format: onsite\nclosing:\n  thanked_staff: yes\n", "staff-not-thanked"),
    ("closing: yes\n", "interim-actions-unasked"),
    (
        "closing:\n  next_steps:\n    - action: Send it\n      due: 2026-11-20\n      done: yes\n",
        "next-step-overdue",
    ),
    ("interviewers:\n  - name: Lee Park\nthank_you:\n  - to: 5\n", "thank-you-overdue"),
    ("thank_you:\n  - Lee Park\n", "thank-you-overdue"),
    (
        "interviewers:\n  - name: Lee Park\n"
        "thank_you:\n  - to: Lee Park\n    sent: 2026-11-25T25:00\n",
        "thank-you-late",
    ),
    ("reflection:\n  went_well: Everything\n", "reflection-missing"),
    ("follow_ups:\n  - date: 2026-12-32\n", "follow-up-overdue"),
    ("follow_ups:\n  - date: 2026-12-19\n    by: you\n", "follow-up-incomplete"),
    ("follow_ups:\n  - date: 2026-12-19\n    decision_made: no\n", "follow-up-incomplete"),
    ("outcome:\n  status: ofer\n", "follow-up-overdue"),
    ("outcome:\n  status: offer\n  thanked: yes\n", "offer-not-thanked"),
    ("outcome:\n  status: offer\n  pay: 165000\n", "offer-terms-unconfirmed"),
    (
        "outcome:\n  status: offer\n  decision: acepted\n  decision_due: 2026-12-01\n",
        "offer-decision-overdue",
    ),
    ("outcome:\n  status: rejected\n  asked_why: yes\n", "rejection-feedback-unasked"),
    ("outcome:\n  status: rejected\n  asked_referrals: yes\n", "referrals-unasked"),
]


@pytest.mark.parametrize(("body", "rule"), RULE_FIELD_BROKEN, ids=[c[1] for c in RULE_FIELD_BROKEN])
def test_a_broken_field_holds_back_the_rules_resting_on_it(body: str, rule: str) -> None:
    found = check(HEAD + body, LATE)
    assert of(found, "schema"), "the case must have a schema finding"
    assert of(found, rule) == []


def test_without_a_valid_when_only_the_schema_finding_is_reported() -> None:
    # Whether the interview has ended rests on `when`: with `when` invalid, no rule
    # that applies only after the end (nor date-order, which compares with its day) runs.
    text = HEAD.replace("2026-11-18T14:00:00-05:00", "2026-11-31T14:00") + (
        "interviewers:\n  - name: Lee Park\nreflection:\n  written: 2026-01-01\n"
    )
    found = check(text, LATE)
    assert [(f.rule, f.line, f.column) for f in found] == [("schema", 3, 7)]
    assert "when" in found[0].message


def test_misspelt_key_is_reported_at_its_own_line() -> None:
    """An editor jumps to the misspelt key, not to its parent mapping."""
    text = DAY + "format: video\ninterviewers:\n  - name: Lee Park\n    interviewer: Staff\n"
    [(line, col, message)] = schema_findings(text)
    assert (line, col) == (7, 5)
    assert "'interviewer'" in message


def test_misspelt_merged_key_is_reported_where_it_is_written() -> None:
    text = "base: &b\n  titel: x\n" + DAY
    found = schema_findings(text)
    assert (1, 1) in [(line, col) for line, col, _ in found]  # 'base' itself is unknown


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2026-02-30", "2026-02-30 is not a date: February 2026 has 28 days"),
        ("2026-11-31", "2026-11-31 is not a date: November 2026 has 30 days"),
        (
            "2027-02-29",
            "2027-02-29 is not a date: February 2027 has 28 days (2027 is not a leap year)",
        ),
        ("2026-13-01", "2026-13-01 is not a date: there is no month 13"),
        ("2026-11-00", "2026-11-00 is not a date: days of the month start at 01"),
        ("2026-02-30T10:00", "2026-02-30 is not a date: February 2026 has 28 days"),
        ("2026-11-18T25:00", "2026-11-18T25:00 is not a time: hours go from 00 to 23"),
        ("2026-11-18T14:60", "2026-11-18T14:60 is not a time: minutes go from 00 to 59"),
    ],
)
def test_impossible_dates_are_named_as_such(value: str, reason: str) -> None:
    for text in (
        f"company: A\nrole: B\nwhen: {value}\n",
        f"{DAY}closing:\n  expected_contact: {value}\n",
    ):
        [(_, _, message)] = schema_findings(text)
        assert reason in message, message
        assert "expected a" not in message


def test_leap_day_is_a_date() -> None:
    assert schema_findings("company: A\nrole: B\nwhen: 2028-02-29\n") == []
