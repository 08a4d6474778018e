"""Working days (README "Choices", Working days; afterview.deadlines).

Steps addressed to a company fall on working days (settings ``workdays``,
default Monday to Friday, and ``holidays``): a follow-up call that would fall
due on another day is due at 09:00 local on the next working day; a next step
due by a day off passes at the end of the next working day. Every check runs
at an explicit now.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.agenda import items_for
from afterview.cli import cli
from afterview.clock import Clock
from afterview.settings import Settings, SettingsError, load_settings
from conftest import moment, of, run_check, write

CHICAGO = Settings(timezone_name="America/Chicago")
HEAD = "company: Northwind Traders\nrole: Data Engineer\n"


def follow_up_due(record: str, now: str, settings: Settings = CHICAGO):
    """The due time of follow-up-overdue at now, and of the agenda's follow-up item."""
    result = run_check(HEAD + record, now, settings=settings)
    [finding] = of(result.findings, "follow-up-overdue") or [None]
    assert result.interview is not None
    clock = Clock.at(moment(now), settings)
    [item] = [i for i in items_for(result.interview, clock) if i.action == "follow-up"]
    if finding is not None:
        assert finding.due == item.due  # the rule and the agenda agree
    return item.due, finding is not None


def test_the_issue_case_a_follow_up_is_not_due_on_saturday_at_midnight() -> None:
    # They said you would hear by Friday 26 March 2027; the call was due Sat 00:00.
    record = "when: 2027-03-16T10:00:00-05:00\nclosing:\n  expected_contact: 2027-03-26\n"
    due, late = follow_up_due(record, "2027-03-27T12:00:00-05:00")
    assert due == moment("2027-03-29T09:00:00-05:00") and not late  # Monday, 09:00 CDT
    due, late = follow_up_due(record, "2027-03-29T09:00:01-05:00")
    assert late


def test_a_week_after_a_saturday_interview_is_monday_at_nine() -> None:
    record = "when: 2027-03-13T10:00:00-06:00\n"  # Saturday 13 March (CST), ends 11:00
    due, _ = follow_up_due(record, "2027-03-20T12:00:00-05:00")
    assert due == moment("2027-03-22T09:00:00-05:00")  # CDT by then


def test_a_follow_up_on_a_working_day_keeps_its_time() -> None:
    record = "when: 2027-03-16T10:00:00-05:00\n"  # Tuesday, ends 11:00
    due, _ = follow_up_due(record, "2027-03-23T12:00:00-05:00")
    assert due == moment("2027-03-23T11:00:00-05:00")


def test_holidays_and_the_weekend_are_skipped() -> None:
    record = "when: 2026-12-14T10:00:00-06:00\nclosing:\n  expected_contact: 2026-12-23\n"
    days_off = Settings(timezone_name="America/Chicago", holidays=frozenset({date(2026, 12, 24)}))
    due, _ = follow_up_due(record, "2026-12-26T12:00:00-06:00", days_off)
    assert due == moment("2026-12-25T09:00:00-06:00")  # a Friday: not a holiday here
    both = Settings(
        timezone_name="America/Chicago",
        holidays=frozenset({date(2026, 12, 24), date(2026, 12, 25)}),
    )
    due, _ = follow_up_due(record, "2026-12-26T12:00:00-06:00", both)
    assert due == moment("2026-12-28T09:00:00-06:00")  # Monday


def test_workdays_setting_sunday_to_thursday() -> None:
    record = "when: 2027-03-16T10:00:00-05:00\nclosing:\n  expected_contact: 2027-03-25\n"
    week = Settings(timezone_name="America/Chicago", workdays=frozenset({6, 0, 1, 2, 3}))
    due, _ = follow_up_due(record, "2027-03-26T12:00:00-05:00", week)
    assert due == moment("2027-03-28T09:00:00-05:00")  # Sunday


def test_a_next_step_due_on_saturday_passes_at_the_end_of_monday() -> None:
    record = HEAD + (
        "when: 2027-03-16T10:00:00-05:00\nclosing:\n  next_steps:\n"
        "    - action: Send the write-up\n      due: 2027-03-20\n"
    )
    assert not of(
        run_check(record, "2027-03-22T23:59:59-05:00", settings=CHICAGO).findings,
        "next-step-overdue",
    )
    [finding] = of(
        run_check(record, "2027-03-23T00:00:01-05:00", settings=CHICAGO).findings,
        "next-step-overdue",
    )
    assert finding.due == moment("2027-03-22T23:59:59-05:00")
    assert "Sat 20 Mar 2027 (not a working day: by the end of Mon 22 Mar 2027)" in finding.message
    result = run_check(record, "2027-03-21T12:00:00-05:00", settings=CHICAGO)
    assert result.interview is not None
    clock = Clock.at(moment("2027-03-21T12:00:00-05:00"), CHICAGO)
    [step] = [i for i in items_for(result.interview, clock) if i.action == "next-step"]
    assert step.due == finding.due


def test_a_thank_you_note_keeps_its_elapsed_hours_on_a_weekend() -> None:
    record = HEAD + (
        "when: 2027-03-19T10:00:00-05:00\n"  # Friday; the note is due Saturday 11:00
        "interviewers:\n  - name: Sam Ortiz\n    title: Recruiter\n"
    )
    [finding] = of(
        run_check(record, "2027-03-20T11:00:01-05:00", settings=CHICAGO).findings,
        "thank-you-overdue",
    )
    assert finding.due == moment("2027-03-20T11:00:00-05:00")


def test_settings_read_workdays_and_holidays(tmp_path: Path) -> None:
    (tmp_path / "afterview.toml").write_text(
        'workdays = ["sun", "Monday", "TUE", "wed", "thursday"]\n'
        'holidays = [2026-12-25, "2027-01-01"]\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path)
    assert settings.workdays == frozenset({6, 0, 1, 2, 3})
    assert settings.holidays == frozenset({date(2026, 12, 25), date(2027, 1, 1)})
    assert Settings().workdays == frozenset(range(5))  # Monday to Friday by default


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("workdays = []", "workdays: expected a non-empty list of weekday names"),
        ('workdays = ["Mon", "Funday"]', "'Funday' is not a weekday"),
        ('workdays = "Mon-Fri"', "workdays: expected"),
        ('holidays = ["2026-02-30"]', "'2026-02-30' is not a date"),
        ("holidays = [2026-12-25T10:00:00]", "holidays: expected a list of dates"),
        ("holidays = 2026-12-25", "holidays: expected a list of dates"),
    ],
)
def test_bad_workdays_or_holidays_exit_2_naming_the_key(
    playbook: Path, line: str, says: str
) -> None:
    (playbook / "afterview.toml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="afterview.toml"):
        load_settings(playbook)
    write(playbook / "content" / "interviews", "a.yaml", HEAD + "when: 2027-03-16\n")
    result = CliRunner().invoke(cli, ["agenda", "--now", "2027-03-20T12:00:00-05:00"])
    assert result.exit_code == 2
    assert says in result.stderr
    assert "Traceback" not in result.output
