"""Decided offers (README "Choices", Stages): an answered offer is *accepted* or *declined*.

The stage comes from ``progress.stage`` alone, so the status page, the interview
page, the stage bar and ``export`` agree; nothing waits on a decision once it is
recorded. Every check runs at an explicit now.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from afterview.agenda import items_for
from afterview.cli import cli
from afterview.clock import Clock
from afterview.pages import build_pages
from afterview.progress import STAGES, stage
from conftest import SETTINGS, moment, of, rules, run_check, write

NOW = "2026-12-10T12:00:00-05:00"
OFFER = """\
company: Northwind Traders
role: Data Engineer
when: 2026-11-18T14:00:00-05:00
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-18T19:00:00-05:00
reflection:
  went_well: [The SQL exercise]
outcome:
  status: offer
  date: 2026-12-01
  thanked: true
  pay: "$150,000 base"
  schedule: Hybrid
  benefits: Health
  decision_due: 2026-12-05
"""


def decided(decision: str, on: str = "") -> str:
    text = OFFER + f"  decision: {decision}\n"
    return text + (f"  decision_date: {on}\n" if on else "")


@pytest.mark.parametrize(
    ("decision", "expected"),
    [("accepted", "accepted"), ("declined", "declined"), ("pending", "offer"), ("", "offer")],
)
def test_the_decision_sets_the_stage(decision: str, expected: str) -> None:
    text = decided(decision) if decision else OFFER
    iv = run_check(text, NOW).interview
    assert iv is not None
    assert stage(iv, Clock.at(moment(NOW), SETTINGS)) == expected
    assert expected in STAGES


def test_a_decision_without_an_offer_does_not_set_the_stage() -> None:
    text = OFFER.replace("status: offer", "status: rejected") + "  decision: accepted\n"
    iv = run_check(text, NOW).interview
    assert iv is not None
    assert stage(iv, Clock.at(moment(NOW), SETTINGS)) == "rejected"


def test_nothing_waits_on_a_decision_once_it_is_made() -> None:
    pending = run_check(decided("pending"), NOW)
    assert "offer-decision-overdue" in rules(pending.findings)
    clock = Clock.at(moment(NOW), SETTINGS)
    assert pending.interview is not None
    assert "offer-decision" in {i.action for i in items_for(pending.interview, clock)}
    for decision in ("accepted", "declined"):
        result = run_check(decided(decision, "2026-12-04"), NOW)
        assert result.interview is not None
        assert not of(result.findings, "offer-decision-overdue")
        assert "offer-decision" not in {i.action for i in items_for(result.interview, clock)}
        assert not of(result.findings, "schema"), result.findings


def test_declined_offer_needs_no_settled_terms() -> None:
    bare = "\n".join(
        line for line in decided("declined").splitlines() if not line.startswith(("  pay", "  sch"))
    )
    assert not of(run_check(bare + "\n", NOW).findings, "offer-terms-unconfirmed")
    accepted = bare.replace("decision: declined", "decision: accepted") + "\n"
    [finding] = of(run_check(accepted, NOW).findings, "offer-terms-unconfirmed")
    assert finding.severity == "error"


def test_status_and_interview_pages_show_the_decided_stage() -> None:
    results = [
        run_check(decided("accepted"), NOW, path="a.yaml"),
        run_check(decided("declined"), NOW, path="d.yaml"),
        run_check(OFFER, NOW, path="o.yaml"),
    ]
    pages = build_pages(results, Clock.at(moment(NOW), SETTINGS))
    status = pages["status.md"]
    for name, n in (("offer", 1), ("accepted", 1), ("declined", 1), ("waiting", 0)):
        assert f"{name} <strong>{n}</strong>" in status, name
    assert "av-stage--accepted" in pages["interviews/a.md"]
    assert "av-stage--declined" in pages["interviews/d.md"]


def test_export_has_pay_decision_and_decision_date(playbook) -> None:
    write(playbook / "content" / "interviews", "a.yaml", decided("accepted", "2026-12-04"))
    result = CliRunner().invoke(cli, ["export", "--format", "json", "--now", NOW])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)
    assert (row["stage"], row["outcome"]) == ("accepted", "offer")
    assert (row["pay"], row["decision"], row["decision_date"]) == (
        "$150,000 base",
        "accepted",
        "2026-12-04",
    )
    csv_text = CliRunner().invoke(cli, ["export", "--now", NOW]).stdout
    header, line = csv_text.splitlines()[:2]
    assert "pay,decision,decision_date" in header
    assert '"$150,000 base",accepted,2026-12-04' in line
