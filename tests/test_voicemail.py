"""A follow-up that reached nobody (``answered: false``, content/format.md).

It counts as the attempt for the follow-up clock and gets no
``follow-up-incomplete`` finding. Every check runs at an explicit now.
"""

from __future__ import annotations

from conftest import moment, of, run_check

RECORD = """\
company: Northwind Traders
role: Data Engineer
when: 2026-11-18T14:00:00-05:00
follow_ups:
  - date: 2026-11-25T10:00:00-05:00
    channel: phone
"""


def test_voicemail_gets_no_incomplete_finding() -> None:
    now = "2026-11-26T12:00:00-05:00"
    assert of(run_check(RECORD, now).findings, "follow-up-incomplete")  # answers missing
    voicemail = run_check(RECORD + "    answered: false\n", now)
    assert not of(voicemail.findings, "follow-up-incomplete")
    assert not of(voicemail.findings, "schema")


def test_voicemail_restarts_the_follow_up_clock() -> None:
    record = RECORD + "    answered: false\n"
    assert not of(run_check(record, "2026-12-02T09:59:00-05:00").findings, "follow-up-overdue")
    [late] = of(run_check(record, "2026-12-02T10:01:00-05:00").findings, "follow-up-overdue")
    assert late.due == moment("2026-12-02T10:00:00-05:00")  # a week after the voicemail
    assert (late.line, late.column) == (5, 5)


def test_answered_must_be_a_boolean() -> None:
    bad = run_check(RECORD + "    answered: nobody\n", "2026-11-26T12:00:00-05:00")
    [schema] = of(bad.findings, "schema")
    assert schema.line == 7
    # follow-up-incomplete rests on that field, so it is held back (README "Choices").
    assert not of(bad.findings, "follow-up-incomplete")


def test_interview_page_says_nobody_answered() -> None:
    from afterview.clock import Clock
    from afterview.pages import build_pages
    from conftest import SETTINGS

    now = "2026-11-26T12:00:00-05:00"
    result = run_check(RECORD + "    answered: false\n", now, path="v.yaml")
    page = build_pages([result], Clock.at(moment(now), SETTINGS))["interviews/v.md"]
    assert "nobody answered" in page
