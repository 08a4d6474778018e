"""Issue 21's "Done when", replayed: a three-week search in Chicago, March 2027.

Three companies: one rejection, one silence, one offer (accepted), and an
upcoming round. At an explicit now (Saturday 27 March, noon), the accepted
offer shows as accepted, no call or next step is due on the weekend, the
follow-up email goes to the recruiter at their address in a sentence a person
would send, and the interview's calendar event carries its room.
"""

from __future__ import annotations

import json
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from afterview.cli import cli

NOW = "2027-03-27T12:00:00-05:00"  # a Saturday
RECORDS = {
    "2027-03-02-quillon-analyst.yaml": """\
        company: Quillon Logistics
        role: Data Analyst
        when: 2027-03-02T10:00:00-06:00
        interviewers:
          - name: Lee Park
            title: Analytics Lead
        thank_you:
          - to: Lee Park
            sent: 2027-03-02T17:00:00-06:00
        reflection:
          went_well: [The SQL exercise]
        outcome:
          status: rejected
          date: 2027-03-12
          asked_why: true
          asked_referrals: true
        """,
    "2027-03-16-harborview-data-engineer.yaml": """\
        company: Harborview Health
        role: Data Engineer
        when: 2027-03-16T10:00:00-05:00
        interviewers:
          - name: Samira Haddad
            title: Engineering Manager
            discussed: [Backfilling a Kafka topic, Their dbt migration]
        closing:
          contact_person: Sam Ortiz
          contact_email: sam.ortiz@harborview.example
          expected_contact: 2027-03-26
          next_steps:
            - action: Send the architecture write-up
              due: 2027-03-27
        thank_you:
          - to: Samira Haddad
            sent: 2027-03-16T18:00:00-05:00
        reflection:
          went_well: [Explained the backfill plan]
        """,
    "2027-03-09-northwind-senior.yaml": """\
        company: Northwind Traders
        role: Senior Data Engineer
        when: 2027-03-09T14:00:00-06:00
        interviewers:
          - name: Dana Whitfield
            title: Director of Data Platform
        thank_you:
          - to: Dana Whitfield
            sent: 2027-03-09T19:00:00-06:00
        reflection:
          went_well: [The system design round]
        outcome:
          status: offer
          date: 2027-03-19
          thanked: true
          pay: "$165,000 base"
          schedule: Hybrid
          benefits: Health, 401(k)
          decision: accepted
          decision_date: 2027-03-24
        """,
    "2027-03-30-fernhill-platform.yaml": """\
        company: Fernhill Robotics
        role: Platform Engineer
        when: 2027-03-30T13:00:00-05:00
        location: Room 4B, 200 Lake St, Chicago
        meeting_url: https://meet.example.com/fern-hill
        """,
}


@pytest.fixture
def search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "afterview.toml").write_text(
        'timezone = "America/Chicago"\n[me]\nname = "Jonah Reyes"\n'
        'pitch = "I have run Kafka backfills at scale."\n',
        encoding="utf-8",
    )
    folder = tmp_path / "content" / "interviews"
    folder.mkdir(parents=True)
    for name, text in RECORDS.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AFTERVIEW_NOW", raising=False)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, [*args, "--now", NOW], prog_name="afterview")


def test_the_accepted_offer_shows_as_accepted(search: Path) -> None:
    rows = json.loads(run("export", "--format", "json").stdout)
    stages = {r["company"]: r["stage"] for r in rows}
    assert stages == {
        "Quillon Logistics": "rejected",
        "Northwind Traders": "accepted",
        "Harborview Health": "waiting",
        "Fernhill Robotics": "upcoming",
    }
    northwind = next(r for r in rows if r["company"] == "Northwind Traders")
    assert (northwind["pay"], northwind["decision_date"]) == ("$165,000 base", "2027-03-24")


def test_no_call_or_next_step_is_due_on_the_weekend(search: Path) -> None:
    result = run("agenda", "--format", "json")
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)["items"]
    company_steps = [i for i in items if i["action"] in ("follow-up", "next-step")]
    assert {i["action"] for i in company_steps} == {"follow-up", "next-step"}
    for i in company_steps:
        assert datetime.fromisoformat(i["due"]).weekday() < 5, i
    due = {i["action"]: i["due"] for i in company_steps}
    assert due["follow-up"] == "2027-03-29T09:00:00-05:00"  # Monday, 09:00
    assert due["next-step"] == "2027-03-29T23:59:59-05:00"  # by the end of Monday


def test_the_follow_up_email_is_one_a_person_would_send(search: Path) -> None:
    record = "content/interviews/2027-03-16-harborview-data-engineer.yaml"
    result = run("draft", "follow-up-email", record)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("To: Sam Ortiz <sam.ortiz@harborview.example>\n")
    assert "Dear Sam Ortiz," in out
    assert "on Tuesday 16 March, with Samira Haddad, and I am writing to follow up." in out
    thanks = run("draft", "thank-you", record, "--to", "samira").stdout
    assert "about backfilling a Kafka topic and their dbt migration." in thanks


def test_the_interview_event_carries_its_room_and_link(search: Path) -> None:
    data = run("agenda", "--format", "ics").stdout_bytes
    [event] = [
        e for e in Calendar.from_ical(data).walk("VEVENT") if "interview" in e["CATEGORIES"].cats
    ]
    assert str(event["LOCATION"]) == "Room 4B, 200 Lake St, Chicago"
    assert str(event["URL"]) == "https://meet.example.com/fern-hill"
    assert "starts Tue 30 Mar 2027, 13:00 CDT" in str(event["DESCRIPTION"])
