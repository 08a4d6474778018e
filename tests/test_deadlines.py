"""The edges of the deadlines and of "What the checks ask" (content/format.md), and the settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterview.checker import Selection
from afterview.rules import RULES
from afterview.settings import Settings, load_settings
from conftest import NY, check, moment, of, rules, where, yaml_text

HEAD = """\
company: Northwind Traders
role: Data Engineer
"""

NAMED = """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
    business_card: true
"""


def thank_you_due(record: str, now: str, **kwargs) -> list:
    """The due date-times of the thank-you-overdue findings."""
    return [f.due for f in of(check(record, now, **kwargs), "thank-you-overdue")]


# --- end: when + duration ---------------------------------------------------------------


def test_duration_defaults_to_60_minutes() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\n" + NAMED
    assert thank_you_due(record, "2026-11-19T15:00:00-05:00") == []
    assert thank_you_due(record, "2026-11-19T15:00:01-05:00") == [
        moment("2026-11-19T15:00:00-05:00")
    ]


def test_duration_moves_the_end() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\nduration: 90\n" + NAMED
    assert thank_you_due(record, "2026-11-19T15:20:00-05:00") == []
    assert thank_you_due(record, "2026-11-19T15:31:00-05:00") == [
        moment("2026-11-19T15:30:00-05:00")
    ]


def test_interview_is_upcoming_until_its_end() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\nduration: 90\n"
    assert check(record, "2026-11-18T15:29:59-05:00") == []
    assert "interviewers-missing" in rules(check(record, "2026-11-18T15:30:00-05:00"))


def test_date_only_when_ends_at_the_end_of_that_day() -> None:
    record = HEAD + "when: 2026-11-18\n" + NAMED
    assert check(record, "2026-11-18T23:59:00-05:00") == []  # still upcoming
    assert thank_you_due(record, "2026-11-19T23:59:00-05:00") == []
    due = thank_you_due(record, "2026-11-20T00:00:00-05:00")
    assert due == [moment("2026-11-19T23:59:59-05:00")]


def test_date_only_when_reflection_and_follow_up() -> None:
    record = HEAD + "when: 2026-11-18\n"
    reflection = of(check(record, "2026-11-21T00:00:00-05:00"), "reflection-missing")
    assert [f.due for f in reflection] == [moment("2026-11-20T23:59:59-05:00")]
    assert where(check(record, "2026-11-25T23:59:00-05:00"), "follow-up-overdue") == []
    follow_up = of(check(record, "2026-11-26T00:00:00-05:00"), "follow-up-overdue")
    assert [f.due for f in follow_up] == [moment("2026-11-25T23:59:59-05:00")]


# --- offsets and the playbook's zone ------------------------------------------------------


def test_offset_is_exact_whatever_the_playbook_zone() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-08:00\n" + NAMED  # ends 18:00 in New York
    assert thank_you_due(record, "2026-11-19T17:59:00-05:00") == []
    assert thank_you_due(record, "2026-11-19T18:01:00-05:00") == [
        moment("2026-11-19T18:00:00-05:00")
    ]
    paris = Settings(timezone_name="Europe/Paris")
    assert thank_you_due(record, "2026-11-19T17:59:00-05:00", settings=paris) == []
    assert thank_you_due(record, "2026-11-19T18:01:00-05:00", settings=paris) == [
        moment("2026-11-19T18:00:00-05:00")
    ]


def test_without_offset_the_playbook_zone_is_used() -> None:
    record = HEAD + "when: 2026-11-18 14:00\n" + NAMED
    assert thank_you_due(record, "2026-11-19T15:01:00-05:00") == [
        moment("2026-11-19T15:00:00-05:00")
    ]
    paris = Settings(timezone_name="Europe/Paris")
    assert thank_you_due(record, "2026-11-19T15:01:00+01:00", settings=paris) == [
        moment("2026-11-19T15:00:00+01:00")
    ]
    assert thank_you_due(record, "2026-11-19T14:59:00+01:00", settings=paris) == []


def test_due_is_given_in_the_playbook_zone() -> None:
    record = HEAD + "when: 2026-11-18T19:00:00Z\n" + NAMED
    [due] = thank_you_due(record, "2026-11-20T12:00:00-05:00")
    assert due.utcoffset() == moment("2026-11-19T15:00:00-05:00").utcoffset()
    assert due == moment("2026-11-19T15:00:00-05:00")


def test_thank_you_deadline_counts_elapsed_hours_across_dst() -> None:
    # The interview ends 2026-10-31T15:00-04:00; clocks go back on 2026-11-01 at 02:00,
    # so 24 elapsed hours later is 14:00 EST, not 15:00.
    record = HEAD + "when: 2026-10-31T14:00:00-04:00\n" + NAMED
    assert thank_you_due(record, "2026-11-01T13:59:00-05:00") == []
    due = thank_you_due(record, "2026-11-01T14:30:00-05:00")
    assert due == [moment("2026-11-01T14:00:00-05:00")]
    assert due[0].utcoffset() == moment("2026-11-01T14:00:00-05:00").utcoffset()


def test_thank_you_within_hours_setting() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\n" + NAMED
    slow = Settings(timezone_name=NY, thank_you_within_hours=48)
    assert thank_you_due(record, "2026-11-20T14:00:00-05:00", settings=slow) == []
    assert thank_you_due(record, "2026-11-20T15:01:00-05:00", settings=slow) == [
        moment("2026-11-20T15:00:00-05:00")
    ]


# --- thank-you-late with a date-only sent --------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "late"),
    [
        ("2026-11-19", False),  # the deadline's day (deadline 2026-11-19 15:00)
        ("2026-11-20", True),
        ("2026-11-18", False),
        ("2026-11-19T15:00:00-05:00", False),
        ("2026-11-19T15:00:01-05:00", True),
        ("2026-11-19T21:00:00+01:00", False),  # 15:00 in New York
        ("2026-11-19 15:30", True),  # read in New York
    ],
)
def test_thank_you_late(sent: str, late: bool) -> None:
    record = (
        HEAD
        + "when: 2026-11-18T14:00:00-05:00\n"
        + NAMED
        + f"thank_you:\n  - to: Dana Whitfield\n    sent: {sent}\n"
    )
    found = of(check(record, "2026-11-25T12:00:00-05:00"), "thank-you-late")
    assert [(f.line, f.column) for f in found] == ([(9, 5)] if late else [])
    if late:
        assert found[0].due == moment("2026-11-19T15:00:00-05:00")


def test_date_only_sent_after_date_only_deadline_day() -> None:
    # a date-only when: deadline 2026-11-19 23:59:59; a note sent 2026-11-19 is on time
    base = HEAD + "when: 2026-11-18\n" + NAMED + "thank_you:\n  - to: Dana Whitfield\n"
    now = "2026-11-25T12:00:00-05:00"
    assert where(check(base + "    sent: 2026-11-19\n", now), "thank-you-late") == []
    assert where(check(base + "    sent: 2026-11-20\n", now), "thank-you-late") == [(9, 5)]


# --- follow-up ---------------------------------------------------------------------------


def follow_up(record: str, now: str) -> list:
    return [(f.line, f.column, f.due) for f in of(check(record, now), "follow-up-overdue")]


def test_follow_up_due_a_week_after_the_end() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\n"
    assert follow_up(record, "2026-11-25T15:00:00-05:00") == []
    assert follow_up(record, "2026-11-25T15:01:00-05:00") == [
        (1, 1, moment("2026-11-25T15:00:00-05:00"))
    ]


def test_follow_up_waits_for_the_working_day_after_expected_contact() -> None:
    # Monday 30 November: the call is due from 09:00 on Tuesday (README "Choices", Working days).
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\nclosing:\n  expected_contact: 2026-11-30\n"
    assert follow_up(record, "2026-12-01T09:00:00-05:00") == []
    assert follow_up(record, "2026-12-01T09:00:01-05:00") == [
        (1, 1, moment("2026-12-01T09:00:00-05:00"))
    ]


def test_follow_up_expected_contact_earlier_than_a_week_changes_nothing() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\nclosing:\n  expected_contact: 2026-11-20\n"
    assert follow_up(record, "2026-11-25T14:59:00-05:00") == []
    assert follow_up(record, "2026-11-25T15:01:00-05:00") == [
        (1, 1, moment("2026-11-25T15:00:00-05:00"))
    ]


@pytest.mark.parametrize("by", ["me", "them"])
def test_follow_up_clock_restarts_after_the_latest_contact(by: str) -> None:
    record = HEAD + yaml_text(
        f"""
        when: 2026-11-18T14:00:00-05:00
        closing:
          expected_contact: 2026-11-28
        follow_ups:
          - date: 2026-11-24T10:00:00-05:00
            by: me
            decision_made: false
            still_considered: true
          - date: 2026-12-01T10:00:00-05:00
            by: {by}
            decision_made: false
            still_considered: true
          - date: 2026-11-20
            by: them
        """
    )
    assert follow_up(record, "2026-12-08T09:59:00-05:00") == []
    assert follow_up(record, "2026-12-08T10:01:00-05:00") == [
        (11, 5, moment("2026-12-08T10:00:00-05:00"))
    ]


def test_follow_up_after_a_date_only_contact_counts_whole_days() -> None:
    record = (
        HEAD + "when: 2026-11-18T14:00:00-05:00\nfollow_ups:\n  - date: 2026-11-24\n    by: them\n"
    )
    assert follow_up(record, "2026-12-01T23:00:00-05:00") == []
    [(line, col, due)] = follow_up(record, "2026-12-02T00:00:01-05:00")
    assert (line, col) == (5, 5)
    assert due == moment("2026-12-01T23:59:59-05:00")


def test_ghosted_suggestion_after_two_unanswered_follow_ups_by_me() -> None:
    two = HEAD + yaml_text(
        """
        when: 2026-11-18T14:00:00-05:00
        follow_ups:
          - date: 2026-11-25T10:00:00-05:00
            decision_made: false
            still_considered: true
          - date: 2026-12-02T10:00:00-05:00
            by: me
            decision_made: false
            still_considered: true
        """
    )
    [finding] = of(check(two, "2026-12-10T12:00:00-05:00"), "follow-up-overdue")
    assert "ghosted" in finding.message
    one_each = two.replace("    by: me\n", "    by: them\n")
    [finding] = of(check(one_each, "2026-12-10T12:00:00-05:00"), "follow-up-overdue")
    assert "ghosted" not in finding.message


# --- statuses ----------------------------------------------------------------------------

NEGLECTED = HEAD + yaml_text(
    """
    when: 2026-11-18T14:00:00-05:00
    interviewers:
      - name: Dana Whitfield
    thank_you:
      - to: Dana Whitfeld
        sent: 2026-11-22
    follow_ups:
      - date: 2026-11-20
    """
)
WAIT_RULES = {
    "thank-you-overdue",
    "thank-you-late",
    "thank-you-recipient-unknown",
    "reflection-missing",
    "follow-up-overdue",
    "follow-up-incomplete",
}
LATE = "2026-12-20T12:00:00-05:00"


def test_neglected_pending_record_gets_every_wait_rule() -> None:
    assert WAIT_RULES <= rules(check(NEGLECTED, LATE))


def test_upcoming_interview_gets_only_the_always_rules() -> None:
    later = NEGLECTED.replace("2026-11-18T14:00:00-05:00", "2026-12-21T10:00:00-05:00")
    record = later + "format: in person\n"
    found = check(record, LATE)
    assert rules(found) == {"date-order", "schema"}
    assert where(found, "date-order") == [(8, 11), (10, 11)]


def test_upcoming_with_a_future_event_is_not_date_in_future() -> None:
    record = HEAD + "when: 2026-12-21T10:00:00-05:00\nreflection:\n  written: 2026-12-22\n"
    assert check(record, LATE) == []


def test_withdrawn_turns_the_wait_rules_off() -> None:
    record = NEGLECTED + "outcome:\n  status: withdrawn\n"
    found = rules(check(record, LATE))
    assert found & WAIT_RULES == set()
    assert {"interviewer-title-missing", "interim-actions-unasked"} <= found


def test_ghosted_stops_follow_up_overdue_only() -> None:
    record = NEGLECTED + "outcome:\n  status: ghosted\n"
    found = rules(check(record, LATE))
    assert "follow-up-overdue" not in found
    assert WAIT_RULES - {"follow-up-overdue"} <= found


@pytest.mark.parametrize("status", ["offer", "rejected"])
def test_follow_up_overdue_only_while_pending(status: str) -> None:
    record = NEGLECTED + f"outcome:\n  status: {status}\n"
    assert "follow-up-overdue" not in rules(check(record, LATE))
    pending = NEGLECTED + "outcome:\n  status: pending\n"
    assert "follow-up-overdue" in rules(check(pending, LATE))


def test_offer_terms_unconfirmed_is_an_error_once_accepted() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\noutcome:\n  status: offer\n  pay: $1\n"
    [pending] = of(check(record + "  decision: pending\n", LATE), "offer-terms-unconfirmed")
    assert pending.severity == "warning"
    [accepted] = of(check(record + "  decision: accepted\n", LATE), "offer-terms-unconfirmed")
    assert (accepted.severity, accepted.line, accepted.column) == ("error", 4, 1)
    assert "schedule" in accepted.message and "benefits" in accepted.message
    assert "pay" not in accepted.message.split("lacks", 1)[-1]


def test_next_step_due_passes_at_the_end_of_its_day() -> None:
    record = HEAD + yaml_text(
        """
        when: 2026-11-18T14:00:00-05:00
        closing:
          next_steps:
            - action: Send the write-up
              due: 2026-11-20
        """
    )
    assert where(check(record, "2026-11-20T23:59:59-05:00"), "next-step-overdue") == []
    [f] = of(check(record, "2026-11-21T00:00:00-05:00"), "next-step-overdue")
    assert f.due == moment("2026-11-20T23:59:59-05:00")


def test_date_in_future_compares_a_date_with_today() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\nreflection:\n  written: 2026-11-26\n"
    assert where(check(record, "2026-11-26T00:00:00-05:00"), "date-in-future") == []
    assert where(check(record, "2026-11-25T23:59:59-05:00"), "date-in-future") == [(5, 12)]
    # now in another offset is read in the playbook zone: 2026-11-26 04:00 UTC is still the 25th
    assert where(check(record, "2026-11-26T04:00:00+00:00"), "date-in-future") == [(5, 12)]


def test_date_order_uses_the_interview_day_in_the_playbook_zone() -> None:
    # 2026-11-19T01:00+00:00 is 2026-11-18 20:00 in New York
    record = HEAD + "when: 2026-11-19T01:00:00+00:00\nreflection:\n  written: 2026-11-18\n"
    assert where(check(record, LATE), "date-order") == []
    record = HEAD + "when: 2026-11-19T14:00:00-05:00\nreflection:\n  written: 2026-11-18\n"
    assert where(check(record, LATE), "date-order") == [(5, 12)]


# --- names ------------------------------------------------------------------------------


def test_names_compare_ignoring_case_and_spaces() -> None:
    record = HEAD + yaml_text(
        """
        when: 2026-11-18T14:00:00-05:00
        interviewers:
          - name: "Dana  Whitfield"
            title: Director
          - name: Lee Park
            title: Staff Engineer
        thank_you:
          - to: "  dana whitfield"
            sent: 2026-11-18
          - to: "LEE   PARK "
            sent: 2026-11-18
        """
    )
    found = rules(check(record, LATE))
    assert "thank-you-overdue" not in found
    assert "thank-you-recipient-unknown" not in found


@pytest.mark.parametrize(
    ("to", "hint"),
    [
        ("Dana Whitfeld", "Did you mean 'Dana Whitfield'?"),
        ("Lee Parks", "Did you mean 'Lee Park'?"),
        ("dana whitfeild", "Did you mean 'Dana Whitfield'?"),
        ("Zoltan Q. Xerxes-Bamford", None),
    ],
)
def test_unknown_recipient_suggests_the_closest_name(to: str, hint: str | None) -> None:
    record = HEAD + yaml_text(
        f"""
        when: 2026-11-18T14:00:00-05:00
        interviewers:
          - name: Dana Whitfield
          - name: Lee Park
        thank_you:
          - to: {to}
        """
    )
    [f] = of(check(record, "2026-11-19T12:00:00-05:00"), "thank-you-recipient-unknown")
    assert (f.line, f.column, f.severity) == (8, 5, "warning")
    assert to in f.message
    if hint is None:
        assert "Did you mean" not in f.message
    else:
        assert hint in f.message


# --- ignore, severity overrides, selection -------------------------------------------------


def test_file_ignore_list_turns_rules_off_for_that_file() -> None:
    assert "reflection-missing" in rules(check(NEGLECTED, LATE))
    record = NEGLECTED + "ignore: [reflection-missing, follow-up-incomplete]\n"
    found = rules(check(record, LATE))
    assert "reflection-missing" not in found and "follow-up-incomplete" not in found
    assert "thank-you-overdue" in found


def test_file_ignore_can_silence_schema_findings() -> None:
    record = HEAD + "when: 2026-11-18T14:00:00-05:00\nformat: in person\n"
    assert "schema" in rules(check(record, LATE))
    assert "schema" not in rules(check(record + "ignore: [schema]\n", LATE))


OVERRIDES = f"""\
timezone = "{NY}"
[severity]
reflection-missing = "error"
interviewer-title-missing = "info"
thank-you-recipient-unknown = "off"
offer-terms-unconfirmed = "info"
"""
SETTINGS_FILES = {
    "afterview.toml": OVERRIDES,
    "pyproject.toml": "[project]\nname = 'x'\n\n[tool.afterview]\n"
    + OVERRIDES.replace("[severity]", "[tool.afterview.severity]"),
}


@pytest.mark.parametrize("name", sorted(SETTINGS_FILES))
def test_severity_overrides_from_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / name).write_text(SETTINGS_FILES[name], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = load_settings(known_rules=frozenset(RULES))
    assert settings.timezone_name == NY
    found = check(NEGLECTED, LATE, settings=settings)
    assert {f.severity for f in of(found, "reflection-missing")} == {"error"}
    assert {f.severity for f in of(found, "interviewer-title-missing")} == {"info"}
    assert of(found, "thank-you-recipient-unknown") == []
    assert "thank-you-recipient-unknown" in rules(check(NEGLECTED, LATE))
    offer = HEAD + "when: 2026-11-18T14:00:00-05:00\n"
    offer += "outcome:\n  status: offer\n  decision: accepted\n"
    offer_found = of(check(offer, LATE, settings=settings), "offer-terms-unconfirmed")
    assert {f.severity for f in offer_found} == {"info"}


def test_selection_narrows_after_settings() -> None:
    found = check(NEGLECTED, LATE, selection=Selection(select=frozenset({"reflection-missing"})))
    assert rules(found) == {"reflection-missing"}
    found = check(NEGLECTED, LATE, selection=Selection(ignore=frozenset({"reflection-missing"})))
    assert "reflection-missing" not in rules(found) and "thank-you-overdue" in rules(found)


def test_follow_up_days_are_calendar_days_across_dst() -> None:
    # Ends 2026-10-28 15:00 EDT; a week later is 2026-11-04 15:00 EST (same wall-clock
    # time), while the 24 h thank-you deadline counts elapsed hours.
    record = HEAD + "when: 2026-10-28T14:00:00-04:00\n"
    assert follow_up(record, "2026-11-04T14:59:00-05:00") == []
    assert follow_up(record, "2026-11-04T15:01:00-05:00") == [
        (1, 1, moment("2026-11-04T15:00:00-05:00"))
    ]
