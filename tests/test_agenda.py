"""`afterview agenda`: order, overdue marking, the --days window, formats, shared deadlines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.cli import cli

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-25T12:00:00-05:00"

# Ended 2026-11-20 15:00 EST: thank-you due 11-21 15:00, reflection 11-22 15:00,
# follow-up 11-27 15:00 (after 7 days; expected_contact is earlier).
THANKLESS = """\
company: Northwind Traders
role: Senior Data Engineer
when: 2026-11-20T14:00:00-05:00
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
closing:
  expected_contact: 2026-11-24
  next_steps:
    - action: Send the architecture write-up
      due: 2026-12-01
    - action: Send references
"""
UPCOMING = """\
company: Fernhill Robotics
role: Backend Engineer
when: 2026-12-01T09:00:00-05:00
format: video
"""
LATER = """\
company: Far Away Corp
role: Planner
when: 2026-12-20T09:00:00-05:00
"""


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A playbook folder with settings (New York time) and three records."""
    (tmp_path / "afterview.toml").write_text(
        'interviews = "interviews"\ntimezone = "America/New_York"\n', encoding="utf-8"
    )
    folder = tmp_path / "interviews"
    folder.mkdir()
    (folder / "2026-11-20-northwind.yaml").write_text(THANKLESS, encoding="utf-8")
    (folder / "2026-12-01-fernhill.yaml").write_text(UPCOMING, encoding="utf-8")
    (folder / "2026-12-20-far.yaml").write_text(LATER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AFTERVIEW_NOW", raising=False)
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["agenda", *args], env=env, prog_name="afterview")


def agenda_json(*args: str) -> dict:
    result = run("--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_shape(playbook: Path) -> None:
    doc = agenda_json("--now", NOW)
    assert doc["now"] == NOW
    assert set(doc) == {"now", "items"}
    for item in doc["items"]:
        assert set(item) == {"path", "company", "role", "action", "due", "overdue", "detail"}
        assert item["action"] in {
            "interview", "thank-you", "reflection", "follow-up", "next-step", "offer-decision"
        }  # fmt: skip


def test_overdue_first_then_soonest_then_undated(playbook: Path) -> None:
    items = agenda_json("--now", NOW)["items"]
    actions = [(i["action"], i["overdue"]) for i in items]
    assert actions == [
        ("thank-you", True),
        ("reflection", True),
        ("follow-up", False),  # 11-27 15:00
        ("interview", False),  # 12-01 09:00
        ("next-step", False),  # 12-01 end of day
        ("next-step", False),  # no due date: last
    ]
    assert items[0]["due"] == "2026-11-21T15:00:00-05:00"
    assert items[3]["due"] == "2026-12-01T09:00:00-05:00"
    assert items[4]["due"] == "2026-12-01T23:59:59-05:00"
    assert items[-1]["due"] is None
    assert items[0]["detail"] == "Thank-you note to Dana Whitfield"


def test_days_window(playbook: Path) -> None:
    def actions(days: str) -> list[str]:
        return [
            i["company"] + ":" + i["action"]
            for i in agenda_json("--now", NOW, "--days", days)["items"]
        ]

    two = actions("2")
    assert "Northwind Traders:thank-you" in two  # overdue: always shown
    assert "Northwind Traders:follow-up" not in two  # due in 2 days and 3 hours
    assert "Northwind Traders:follow-up" in actions("3")
    assert "Fernhill Robotics:interview" not in two
    assert "Northwind Traders:next-step" in two  # the one without a due date
    assert "Fernhill Robotics:interview" in actions("14")
    assert "Far Away Corp:interview" not in actions("14")
    assert "Far Away Corp:interview" in actions("30")
    zero = actions("0")
    assert "Northwind Traders:follow-up" not in zero
    assert "Northwind Traders:thank-you" in zero


def test_days_must_be_a_whole_number(playbook: Path) -> None:
    assert run("--now", NOW, "--days", "-1").exit_code == 2
    assert run("--now", NOW, "--days", "soon").exit_code == 2


def test_text_marks_overdue_and_fits_80_columns(playbook: Path) -> None:
    long = (
        "company: " + "Very Long Company Name Incorporated " * 4 + "\n"
        "role: " + "Principal Distinguished Engineer " * 4 + "\n"
        "when: 2026-11-01T09:00:00-05:00\n"
        "interviewers:\n  - name: " + "Bartholomew-Maximilian " * 5 + "\n    title: X\n"
    )
    deep = playbook / "interviews" / ("very-long-folder-name-" * 4)
    deep.mkdir()
    (deep / ("2026-11-01-" + "x" * 90 + ".yaml")).write_text(long, encoding="utf-8")
    result = run("--now", NOW)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "OVERDUE" in lines
    overdue_section = result.stdout.split("COMING UP")[0]
    assert "Thank-you note to Dana Whitfield" in overdue_section
    assert "* Sat 21 Nov 2026, 15:00 EST  thank-you, overdue by 4 days" in lines  # 3 d 21 h
    coming = result.stdout.split("COMING UP")[1]
    assert "* Fri 27 Nov 2026, 15:00 EST  follow-up, in 2 days" in coming
    assert "NO DUE DATE" in lines
    assert "\x1b" not in result.stdout


def test_text_neutralises_control_characters(playbook: Path) -> None:
    record = 'company: "Evil\\e[31m Co"\nrole: "Two\\nLines"\nwhen: 2026-12-02T09:00:00-05:00\n'
    (playbook / "interviews" / "evil.yaml").write_text(record, encoding="utf-8")
    result = run("--now", NOW)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "Evil?[31m Co — Two Lines" in result.stdout


def test_empty_agenda(playbook: Path) -> None:
    withdrawn = UPCOMING.replace("2026-12-01", "2026-11-01") + "outcome:\n  status: withdrawn\n"
    (playbook / "done.yaml").write_text(withdrawn, encoding="utf-8")
    result = run("--now", NOW, "done.yaml")
    assert result.exit_code == 0
    assert "Nothing to do in the next 14 days." in result.stdout


def test_now_from_environment(playbook: Path) -> None:
    result = run("--format", "json", env={"AFTERVIEW_NOW": "2026-11-21T12:00:00-05:00"})
    doc = json.loads(result.stdout)
    assert doc["now"] == "2026-11-21T12:00:00-05:00"
    thank = next(i for i in doc["items"] if i["action"] == "thank-you")
    assert thank["overdue"] is False


def test_same_deadlines_as_check(playbook: Path) -> None:
    """The agenda's due times are the findings' due times (one computation)."""
    late = "2026-12-09T12:00:00-05:00"
    check = CliRunner().invoke(cli, ["check", "--format", "json", "--now", late])
    findings = json.loads(check.stdout)["findings"]
    items = agenda_json("--now", late)["items"]
    pairs = {
        "thank-you-overdue": "thank-you",
        "reflection-missing": "reflection",
        "follow-up-overdue": "follow-up",
        "next-step-overdue": "next-step",
    }
    for rule, action in pairs.items():
        finding = next(f for f in findings if f["rule"] == rule)
        item = next(i for i in items if i["action"] == action and i["overdue"])
        assert item["due"] == finding["due"], rule
        assert item["path"] == finding["path"]


def test_ignored_rule_drops_its_action(playbook: Path) -> None:
    record = THANKLESS + "ignore: [thank-you-overdue, follow-up-overdue]\n"
    (playbook / "interviews" / "2026-11-20-northwind.yaml").write_text(record, encoding="utf-8")
    actions = [i["action"] for i in agenda_json("--now", NOW)["items"]]
    assert "thank-you" not in actions and "follow-up" not in actions
    assert "reflection" in actions


def test_broken_record_reported_and_skipped(playbook: Path) -> None:
    (playbook / "interviews" / "broken.yaml").write_text("company: [unclosed\n", encoding="utf-8")
    (playbook / "interviews" / "dup.yaml").write_text("company: A\ncompany: B\n", encoding="utf-8")
    result = run("--now", NOW, "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["items"]) == 6
    errors = result.stderr.splitlines()
    assert any(e.startswith("interviews/broken.yaml:") and "skipped" in e for e in errors)
    assert any(e.startswith("interviews/dup.yaml:2:1:") for e in errors)


def test_exit_2_unknown_path_no_record_bad_settings(playbook: Path, tmp_path: Path) -> None:
    unknown = run("--now", NOW, "nowhere")
    assert unknown.exit_code == 2
    assert "nowhere: no such file or folder" in unknown.stderr
    empty = playbook / "empty"
    empty.mkdir()
    none = run("--now", NOW, "empty")
    assert none.exit_code == 2 and "no record found" in none.stderr
    (playbook / "afterview.toml").write_text('timezone = "Mars/Olympus"\n', encoding="utf-8")
    bad = run("--now", NOW)
    assert bad.exit_code == 2 and "timezone" in bad.stderr
    assert bad.stdout == ""


def test_ics_format(playbook: Path) -> None:
    from icalendar import Calendar

    result = run("--now", NOW, "--format", "ics")
    assert result.exit_code == 0
    cal = Calendar.from_ical(result.stdout_bytes)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 5  # the next step without a due date has no place in a calendar


def test_sample_playbook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("--now", NOW)
    assert result.exit_code == 0, result.stderr
    assert "Quillon Logistics" in result.stdout.split("COMING UP")[0]
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_usage_page_example_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    page = (REPO / "content" / "usage.md").read_text(encoding="utf-8")
    shown = page.split(f"$ afterview agenda --now {NOW}\n", 1)[1].split("...\n", 1)[0]
    assert run("--now", NOW).stdout.startswith(shown)


def test_an_interview_is_named_once(playbook: Path) -> None:
    """The detail says what the item is; company and role appear once, on their own line."""
    block = run("--now", NOW).stdout.split("  interview, in 6 days\n", 1)[1].split("\n\n")[0]
    lines = block.splitlines()
    assert lines[:2] == ["  Interview (video)", "  Fernhill Robotics — Backend Engineer"]
    assert block.count("Fernhill") == 1 and "Interview for" not in block
    item = next(i for i in agenda_json("--now", NOW)["items"] if i["action"] == "interview")
    assert item["detail"] == "Interview (video)"
