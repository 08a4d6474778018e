"""`afterview rules` and `afterview rules ID`."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.rules import RULES


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["rules", *args], prog_name="afterview", env=env)


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


def _letters(text: str) -> str:
    """The text without Markdown's markers, bullets and white space, case-folded."""
    return re.sub(r"```\w*|[`*#•\-\s]", "", text).casefold()


@pytest.mark.parametrize("rule_id", list(RULES))
def test_explains_each_rule(rule_id: str) -> None:
    rule = RULES[rule_id]
    result = run(rule_id, env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{rule_id} ({rule.severity} by default)\n")
    assert f"Playbook step: {rule.step_title}" in " ".join(result.stdout.split())
    assert rule.doc  # every rule is documented
    # Plain text: no Markdown markers, nothing lost, every line within 80 columns
    # (code lines are never wrapped, and the rules' examples are short).
    assert "```" not in result.stdout and "## " not in result.stdout
    assert "`" not in result.stdout.replace(rule.doc, "")
    body = result.stdout.split("\n\n", 1)[1]
    assert _letters(body) == _letters(rule.doc)
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_explanation_has_the_parts() -> None:
    out = run("thank-you-overdue", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    for heading in ("WHAT IT DOES", "WHY IT MATTERS", "EXAMPLE", "HOW TO FIX"):
        assert heading in lines
        assert lines[lines.index(heading) - 1] == ""  # a heading stands apart
    assert "Thank-you note within 24 hours" in out
    # Code blocks are indented four spaces, exactly as written.
    assert "    thank_you:\n      - to: Lee Park\n" in out
    # Inline code loses its backticks: `thank_you_within_hours` reads as the name.
    assert "(setting thank_you_within_hours)" in out


def test_explanation_wraps_to_the_terminal() -> None:
    for columns in (50, 80):
        out = run("schema", env={"COLUMNS": str(columns)}).stdout
        prose = [x for x in out.splitlines() if not x.startswith("    ")]
        assert max(len(x) for x in prose) <= columns
    wide = run("schema", env={"COLUMNS": "200"}).stdout
    assert max(len(x) for x in wide.splitlines()) <= 80  # at most 80, for reading


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


def test_markdown_subset_as_plain_text() -> None:
    from afterview.termtext import render

    md = (
        "# Title\n\nSome **bold**, *emphasis*, `code *not emphasis*` and a\n"
        "[link](https://example.org/x).\n\n"
        "- first item that is long enough to wrap around the narrow width given\n"
        "- second\n  continued\n\n"
        "1. one\n2. two\n\n"
        "```yaml\n  deep: 1\nlong: " + "x" * 60 + "\n```\n"
    )
    assert render(md, 40) == (
        "TITLE\n\n"
        "Some bold, emphasis, code *not emphasis*\n"
        "and a link (https://example.org/x).\n\n"
        "  • first item that is long enough to\n"
        "    wrap around the narrow width given\n"
        "  • second continued\n\n"
        "  1. one\n"
        "  2. two\n\n"
        "      deep: 1\n"
        "    long: " + "x" * 60 + "\n"
    )
