"""`afterview rules` and `afterview rules ID`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.rules import RULES


def run(*args: str):
    return CliRunner().invoke(cli, ["rules", *args], prog_name="afterview")


def test_lists_every_rule_with_severity_and_summary() -> None:
    result = run()
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    starts = [line.split()[0] for line in lines if not line.startswith(" ")]
    assert starts == list(RULES)
    for rule in RULES.values():
        line = next(x for x in lines if x.startswith(rule.id + " "))
        assert line.split()[1] == rule.severity
        assert rule.summary.split()[0] in line
    assert max(len(line) for line in lines) <= 80


@pytest.mark.parametrize("rule_id", list(RULES))
def test_explains_each_rule(rule_id: str) -> None:
    rule = RULES[rule_id]
    result = run(rule_id)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{rule_id} ({rule.severity} by default)\n")
    assert f"Playbook step: {rule.step_title}" in result.stdout
    assert rule.doc in result.stdout
    assert rule.doc  # every rule is documented


def test_explanation_has_the_parts() -> None:
    out = run("thank-you-overdue").stdout
    for heading in ("## What it does", "## Why it matters", "## Example", "## How to fix"):
        assert heading in out
    assert "Thank-you note within 24 hours" in out


def test_id_is_case_insensitive() -> None:
    assert run("Thank-You-Overdue").exit_code == 0


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [
        ("thank-you-overdu", "thank-you-overdue"),
        ("schemas", "schema"),
        ("folowup-overdue", "follow-up-overdue"),
    ],
)
def test_unknown_id_exits_2_and_suggests(typo: str, suggestion: str) -> None:
    result = run(typo)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"unknown rule id {typo!r}" in result.stderr
    assert f"did you mean {suggestion}?" in result.stderr
