"""Two kinds of findings: record (the file is wrong) and deadline (a step is due).

The kind is part of each rule, shown by `afterview rules`, in the JSON report
and on the checks pages, and `check --fail-on` chooses which kinds fail.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.rules import RULES
from afterview.rules.base import DEADLINE, KINDS, RECORD
from conftest import run_check
from fixtures.bad_days import BROKEN, DONE_BUT_BROKEN, NOW, OVERDUE, OVERDUE_RULES

# The deadline rules, written out: a rule changing kind changes what blocks a commit.
DEADLINE_RULES = {
    "next-step-overdue",
    "thank-you-overdue",
    "reflection-missing",
    "follow-up-overdue",
    "offer-decision-overdue",
}


def test_every_rule_has_one_of_the_two_kinds() -> None:
    assert set(KINDS) == {RECORD, DEADLINE}
    assert {r.kind for r in RULES.values()} == {RECORD, DEADLINE}
    assert {r.id for r in RULES.values() if r.kind == DEADLINE} == DEADLINE_RULES


def test_a_rule_without_a_known_kind_cannot_be_registered() -> None:
    from afterview.rules.base import rule

    with pytest.raises(ValueError, match="kind must be one of record, deadline"):
        rule("x-y", "error", "record", kind="reminder")(lambda ctx: [])


def test_each_finding_carries_its_rules_kind_and_deadline_findings_a_due_time() -> None:
    findings = run_check(BROKEN, NOW).findings
    assert {f.rule for f in findings} == OVERDUE_RULES | {"interviewer-title-missing"}
    for f in findings:
        assert f.kind == RULES[f.rule].kind
        if f.kind == DEADLINE:
            assert f.due is not None, f


def _check(tmp_path: Path, records: dict[str, str], *args: str):
    for name, text in records.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return CliRunner().invoke(cli, ["check", *records, "--now", NOW, *args])


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_json_gives_each_finding_its_kind(here: Path) -> None:
    result = _check(here, {"b.yaml": BROKEN}, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert {(f["rule"], f["kind"]) for f in findings} == {
        ("interviewer-title-missing", "record"),
        ("thank-you-overdue", "deadline"),
        ("reflection-missing", "deadline"),
        ("follow-up-overdue", "deadline"),
    }


@pytest.mark.parametrize(
    ("records", "args", "status"),
    [
        # No option: today's exit statuses (an overdue thank-you is an error).
        ({"o.yaml": OVERDUE}, (), 1),
        ({"o.yaml": OVERDUE}, ("--fail-on", "record,deadline"), 1),
        # The hook's choice: a valid record whose deadlines passed is fine, a broken one not.
        ({"o.yaml": OVERDUE}, ("--fail-on", "record"), 0),
        ({"o.yaml": OVERDUE}, ("--fail-on", "record", "--strict"), 0),
        ({"b.yaml": BROKEN}, ("--fail-on", "record"), 1),
        ({"d.yaml": DONE_BUT_BROKEN}, ("--fail-on", "record"), 1),
        # The workflow's deadlines job: overdue steps fail it, a broken record does not.
        ({"d.yaml": DONE_BUT_BROKEN}, ("--fail-on", "deadline", "--strict"), 0),
        ({"o.yaml": OVERDUE}, ("--fail-on", "deadline"), 1),
        # An overdue follow-up is a warning: it fails the deadlines job with --strict only.
        (
            {"o.yaml": OVERDUE},
            ("--fail-on", "deadline", "--ignore", "thank-you-overdue"),
            0,
        ),
        (
            {"o.yaml": OVERDUE},
            ("--fail-on", "deadline", "--strict", "--ignore", "thank-you-overdue"),
            1,
        ),
        # --select and --ignore narrow what is reported, and so what can fail.
        ({"b.yaml": BROKEN}, ("--fail-on", "record", "--select", "thank-you-overdue"), 0),
        ({"b.yaml": BROKEN}, ("--ignore", "interviewer-title-missing,thank-you-overdue"), 0),
        ({"b.yaml": BROKEN}, ("--fail-on", "none"), 0),
        ({"b.yaml": BROKEN}, ("--fail-on", " Record , "), 1),
    ],
)
def test_fail_on_chooses_the_kinds_that_fail(
    here: Path, records: dict[str, str], args: tuple[str, ...], status: int
) -> None:
    result = _check(here, records, *args)
    assert result.exit_code == status, result.output


def test_fail_on_still_prints_every_finding(here: Path) -> None:
    result = _check(here, {"o.yaml": OVERDUE}, "--fail-on", "record", "--format", "github")
    assert result.exit_code == 0
    titles = {
        line.split("title=")[1].split("::")[0]
        for line in result.stdout.splitlines()
        if line.startswith("::")
    }
    assert titles == OVERDUE_RULES
    assert "::error file=o.yaml,line=6,col=5,title=thank-you-overdue::" in result.stdout


@pytest.mark.parametrize("value", ["bogus", "record,reminder", "", ","])
def test_fail_on_rejects_unknown_kinds(here: Path, value: str) -> None:
    result = _check(here, {"o.yaml": OVERDUE}, "--fail-on", value)
    assert result.exit_code == 2
    assert "--fail-on" in result.stderr
    assert "record, deadline" in result.stderr or "at least one kind" in result.stderr


def test_rules_listing_and_explanation_show_the_kind() -> None:
    listing = CliRunner().invoke(cli, ["rules"]).stdout
    for rule in RULES.values():
        line = next(x for x in listing.splitlines() if x.startswith(rule.id + " "))
        assert line.split()[1:3] == [rule.severity, rule.kind], line
    explained = CliRunner().invoke(cli, ["rules", "follow-up-overdue"]).stdout
    assert "Kind: deadline (a playbook step is due or overdue)" in explained
    explained = CliRunner().invoke(cli, ["rules", "schema"]).stdout
    assert "Kind: record (the record is wrong or incomplete)" in explained


def test_checks_pages_show_the_kind() -> None:
    import html
    import re

    from afterview.pages.checks import render_index, render_rule
    from afterview.settings import Settings

    settings = Settings(timezone_name="UTC")
    index = render_index(settings)
    assert "<th>Check</th><th>Severity</th><th>Kind</th>" in index
    rows = re.findall(
        r'<code class="av-rule">([^<]*)</code>.*?data-label="Kind"[^>]*>(\w+)<', index
    )
    assert {html.unescape(rule_id): kind for rule_id, kind in rows} == {
        r.id: r.kind for r in RULES.values()
    }
    for rule in RULES.values():
        assert f"**Kind:** {rule.kind}" in render_rule(rule, settings)
