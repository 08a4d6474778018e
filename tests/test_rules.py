"""Each rule of the catalogue (the checks page): a record that triggers it, one that does not.

Every record below starts with the same three lines: an interview on
2026-11-18 from 14:00 to 15:00 New York time (duration defaults to 60
minutes). The thank-you note is due 2026-11-19 15:00, the reflection
2026-11-20 15:00, the follow-up 2026-11-25 15:00.

Positions follow "Where findings point" (content/format.md): an interviewer, note,
follow-up or next step is its mapping node (the line of ``- name:``, the
column after ``- ``); closing-level findings stand at the ``closing`` key, or
at 1:1 when there is no ``closing``; outcome-level findings at the
``outcome`` key; date findings at the value.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from afterview.rules import RULES
from conftest import SPEC_EXAMPLE, SPEC_SEVERITY, check, of, where

HEAD = """\
company: Northwind Traders
role: Data Engineer
when: 2026-11-18T14:00:00-05:00
"""

DAY_AFTER = "2026-11-19T12:00:00-05:00"  # ended; thank-you not yet due
TWO_DAYS_AFTER = "2026-11-20T16:00:00-05:00"  # thank-you and reflection due
WEEK_AFTER = "2026-11-26T09:00:00-05:00"  # follow-up due too

# One named, titled, confirmed interviewer: lines 4-7.
ONE_INTERVIEWER = """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
    business_card: true
"""


def test_catalogue_has_exactly_the_spec_rules_and_severities() -> None:
    assert {rid: r.severity for rid, r in RULES.items()} == SPEC_SEVERITY


@dataclass(frozen=True)
class Case:
    rule: str
    now: str
    bad: str
    at: list[tuple[int, int]]
    good: str
    says: tuple[str, ...] = ()  # words the message of the first finding contains


CASES = [
    # --- Record each interviewer's name and title, spelled right -------------------
    Case(
        "interviewers-missing",
        DAY_AFTER,
        HEAD,
        [(1, 1)],
        HEAD + ONE_INTERVIEWER,
    ),
    Case(
        "interviewers-missing",
        DAY_AFTER,
        HEAD + "interviewers: []\n",
        [(4, 1)],
        HEAD + ONE_INTERVIEWER,
    ),
    Case(
        "interviewer-name-missing",
        DAY_AFTER,
        HEAD
        + """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
  - title: Staff Engineer
""",
        [(7, 5)],
        HEAD
        + """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
  - name: Lee Park
    title: Staff Engineer
""",
        ("Staff Engineer",),
    ),
    Case(
        "interviewer-title-missing",
        DAY_AFTER,
        HEAD
        + """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
  - name: Lee Park
    email: lee.park@northwind.example
""",
        [(7, 5)],
        HEAD
        + """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
  - name: Lee Park
    title: Staff Engineer
""",
        ("Lee Park",),
    ),
    Case(
        "interviewer-spelling-unconfirmed",
        DAY_AFTER,
        HEAD
        + """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
    business_card: true
  - name: Lee Park
    title: Staff Engineer
  - name: Ana Ruiz
    title: Recruiter
    business_card: false
    spelling_confirmed: false
  - name: Sam Oduya
    title: Engineer
    spelling_confirmed: true
""",
        [(8, 5), (10, 5)],
        HEAD
        + """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
    business_card: true
  - name: Lee Park
    title: Staff Engineer
    spelling_confirmed: true
""",
        ("Lee Park",),
    ),
    # --- Before it ends: when, how, from whom ----------------------------------------
    Case(
        "contact-expectations-missing",
        DAY_AFTER,
        HEAD
        + """\
closing:
  contact_method: phone
""",
        [(4, 1)],
        HEAD
        + """\
closing:
  expected_contact: 2026-11-25
  contact_method: phone
  contact_person: Dana Whitfield
""",
        ("expected_contact", "contact_person"),
    ),
    Case(
        "contact-expectations-missing",
        DAY_AFTER,
        HEAD + "format: video\n",
        [(1, 1)],
        HEAD
        + """\
closing:
  expected_contact: 2026-11-25
  contact_method: email
  contact_person: Ana Ruiz
""",
        ("expected_contact", "contact_method", "contact_person"),
    ),
    # --- Before it ends: what can I do meanwhile, then do it --------------------------
    Case(
        "interim-actions-unasked",
        DAY_AFTER,
        HEAD
        + """\
closing:
  asked_next_steps: false
""",
        [(4, 1)],
        HEAD
        + """\
closing:
  asked_next_steps: true
""",
    ),
    Case(
        "interim-actions-unasked",
        DAY_AFTER,
        HEAD,
        [(1, 1)],
        HEAD
        + """\
closing:
  asked_next_steps: true
""",
    ),
    Case(
        "next-step-overdue",
        "2026-11-21T09:00:00-05:00",
        HEAD
        + """\
closing:
  asked_next_steps: true
  next_steps:
    - action: Send the architecture write-up
      due: 2026-11-20
    - action: Send references
      due: 2026-11-20
      done: 2026-11-20
    - action: Send the slides
      due: 2026-11-21
    - action: Send the code sample
      due: 2026-11-19
      done: false
""",
        [(7, 7), (14, 7)],
        HEAD
        + """\
closing:
  asked_next_steps: true
  next_steps:
    - action: Send the architecture write-up
      due: 2026-11-20
      done: true
    - action: Send references
      due: 2026-11-20
      done: 2026-11-20T18:00:00-05:00
    - action: Send the slides
      due: 2026-11-21
""",
        ("Send the architecture write-up", "was due Fri 20 Nov 2026"),
    ),
    # --- Thank the staff on your way out ----------------------------------------------
    Case(
        "staff-not-thanked",
        DAY_AFTER,
        HEAD
        + """\
format: onsite
closing:
  thanked_staff: false
""",
        [(5, 1)],
        HEAD
        + """\
format: onsite
closing:
  thanked_staff: true
""",
    ),
    Case(
        "staff-not-thanked",
        DAY_AFTER,
        HEAD + "format: onsite\n",
        [(1, 1)],
        HEAD + "format: video\n",
    ),
    # --- Thank-you note within 24 hours -----------------------------------------------
    Case(
        "thank-you-overdue",
        "2026-11-19T15:00:01-05:00",
        HEAD
        + """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
  - name: Lee Park
    title: Staff Engineer
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-18T19:00:00-05:00
""",
        [(7, 5)],
        HEAD
        + """\
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
  - name: Lee Park
    title: Staff Engineer
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-18T19:00:00-05:00
  - to: Lee Park
    sent: 2026-11-19
""",
        ("Lee Park",),
    ),
    Case(  # no interviewer has a name: reported when there is no note at all
        "thank-you-overdue",
        TWO_DAYS_AFTER,
        HEAD
        + """\
interviewers:
  - title: Staff Engineer
thank_you: []
""",
        [(6, 1)],
        HEAD
        + """\
interviewers:
  - title: Staff Engineer
thank_you:
  - to: The staff engineer
    sent: 2026-11-19
""",
    ),
    Case(
        "thank-you-overdue",
        TWO_DAYS_AFTER,
        HEAD,
        [(1, 1)],
        HEAD
        + """\
thank_you:
  - to: Dana Whitfield
""",
    ),
    Case(
        "thank-you-late",
        TWO_DAYS_AFTER,
        HEAD
        + ONE_INTERVIEWER
        + """\
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-19T15:30:00-05:00
  - to: Dana Whitfield
    sent: 2026-11-20
""",
        [(9, 5), (11, 5)],
        HEAD
        + ONE_INTERVIEWER
        + """\
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-19T14:59:00-05:00
  - to: Dana Whitfield
    sent: 2026-11-19
""",
        ("Thu 19 Nov 2026, 15:30 EST", "after the deadline Thu 19 Nov 2026, 15:00 EST"),
    ),
    Case(
        "thank-you-recipient-unknown",
        DAY_AFTER,
        HEAD
        + ONE_INTERVIEWER
        + """\
thank_you:
  - to: Dana Whitfield
  - to: Dana Whitfeld
""",
        [(10, 5)],
        HEAD
        + ONE_INTERVIEWER
        + """\
thank_you:
  - to: "  dana   WHITFIELD "
""",
        ("Dana Whitfeld", "Did you mean 'Dana Whitfield'"),
    ),
    # --- Reflect -----------------------------------------------------------------------
    Case(
        "reflection-missing",
        TWO_DAYS_AFTER,
        HEAD,
        [(1, 1)],
        HEAD
        + """\
reflection:
  to_improve:
    - A crisper answer on back-pressure
""",
    ),
    Case(
        "reflection-missing",
        TWO_DAYS_AFTER,
        HEAD
        + """\
reflection:
  written: 2026-11-19
  went_well: []
  to_improve: []
""",
        [(4, 1)],
        HEAD
        + """\
reflection:
  went_well:
    - Explained the pipeline redesign clearly
""",
    ),
    # --- After a week: follow up -------------------------------------------------------
    Case(
        "follow-up-overdue",
        WEEK_AFTER,
        HEAD,
        [(1, 1)],
        HEAD
        + """\
follow_ups:
  - date: 2026-11-25T10:00:00-05:00
    decision_made: false
    still_considered: true
""",
    ),
    Case(
        "follow-up-overdue",
        "2026-12-03T11:00:00-05:00",
        HEAD
        + """\
follow_ups:
  - date: 2026-11-26T10:00:00-05:00
    decision_made: false
    still_considered: true
  - date: 2026-11-20T10:00:00-05:00
    by: them
""",
        [(5, 5)],
        HEAD
        + """\
follow_ups:
  - date: 2026-11-26T10:00:00-05:00
    decision_made: false
    still_considered: true
  - date: 2026-11-27T10:00:00-05:00
    by: them
""",
    ),
    Case(
        "follow-up-incomplete",
        WEEK_AFTER,
        HEAD
        + """\
follow_ups:
  - date: 2026-11-25
    channel: phone
  - date: 2026-11-25
    by: me
    decision_made: false
  - date: 2026-11-25
    by: them
""",
        [(5, 5), (7, 5)],
        HEAD
        + """\
follow_ups:
  - date: 2026-11-25
    decision_made: true
  - date: 2026-11-25
    decision_made: false
    still_considered: false
  - date: 2026-11-25
    by: them
""",
    ),
    # --- Offer -------------------------------------------------------------------------
    Case(
        "offer-not-thanked",
        WEEK_AFTER,
        HEAD
        + """\
outcome:
  status: offer
  thanked: false
""",
        [(4, 1)],
        HEAD
        + """\
outcome:
  status: offer
  thanked: true
""",
    ),
    Case(
        "offer-terms-unconfirmed",
        WEEK_AFTER,
        HEAD
        + """\
outcome:
  status: offer
  pay: "$165,000 base"
""",
        [(4, 1)],
        HEAD
        + """\
outcome:
  status: offer
  pay: "$165,000 base"
  schedule: Hybrid
  benefits: Health, dental
""",
        ("schedule", "benefits"),
    ),
    Case(
        "offer-decision-overdue",
        "2026-12-05T00:00:01-05:00",
        HEAD
        + """\
outcome:
  status: offer
  decision: pending
  decision_due: 2026-12-04
""",
        [(7, 17)],
        HEAD
        + """\
outcome:
  status: offer
  decision: accepted
  decision_due: 2026-12-04
""",
        ("Fri 4 Dec 2026",),
    ),
    Case(
        "offer-decision-overdue",
        "2026-12-05T00:00:01-05:00",
        HEAD
        + """\
outcome:
  status: offer
  decision_due: 2026-12-04
""",
        [(6, 17)],
        HEAD
        + """\
outcome:
  status: offer
  decision_due: 2026-12-05
""",
    ),
    # --- Position filled ---------------------------------------------------------------
    Case(
        "rejection-feedback-unasked",
        WEEK_AFTER,
        HEAD
        + """\
outcome:
  status: rejected
""",
        [(4, 1)],
        HEAD
        + """\
outcome:
  status: rejected
  asked_why: true
""",
    ),
    Case(
        "referrals-unasked",
        WEEK_AFTER,
        HEAD
        + """\
outcome:
  status: rejected
  asked_referrals: false
""",
        [(4, 1)],
        HEAD
        + """\
outcome:
  status: rejected
  asked_referrals: true
""",
    ),
    # --- Dates -------------------------------------------------------------------------
    Case(
        "date-order",
        WEEK_AFTER,
        HEAD
        + """\
closing:
  next_steps:
    - action: Send the write-up
      done: 2026-11-17
thank_you:
  - to: Dana Whitfield
    sent: 2026-10-18
reflection:
  written: 2026-11-17T23:00:00-05:00
follow_ups:
  - date: 2026-11-01
    decision_made: true
outcome:
  status: rejected
  date: 2025-11-20
""",
        [(7, 13), (10, 11), (12, 12), (14, 11), (18, 9)],
        HEAD
        + """\
closing:
  next_steps:
    - action: Send the write-up
      done: 2026-11-18
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-18T19:00:00-05:00
reflection:
  written: 2026-11-18
follow_ups:
  - date: 2026-11-25
    decision_made: true
outcome:
  status: rejected
  date: 2026-11-25
""",
        ("2026-11-17", "2026-11-18"),
    ),
    Case(
        "date-in-future",
        "2026-11-26T12:00:00-05:00",
        HEAD
        + """\
closing:
  next_steps:
    - action: Send the write-up
      done: 2026-11-27
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-26T12:30:00-05:00
reflection:
  written: 2026-12-01
follow_ups:
  - date: 2026-12-26
    decision_made: true
outcome:
  status: rejected
  date: 2026-11-27
""",
        [(7, 13), (10, 11), (12, 12), (14, 11), (18, 9)],
        HEAD
        + """\
closing:
  next_steps:
    - action: Send the write-up
      done: 2026-11-26
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-26T11:59:00-05:00
reflection:
  written: 2026-11-26
follow_ups:
  - date: 2026-11-26
    decision_made: true
outcome:
  status: rejected
  date: 2026-11-26T12:00:00-05:00
""",
        ("in the future",),
    ),
    # --- Keep the record readable: nothing cut off by a '#' ---------------------
    Case(
        "comment-cuts-value",
        DAY_AFTER,
        HEAD
        + """\
location: 1200 W Fulton Market #400, Chicago
notes: Asked about C# and F#; team of 5 #remote
""",
        [(4, 32), (5, 41)],
        HEAD
        + """\
location: "1200 W Fulton Market #400, Chicago"
notes: Asked about C# and F#  # a comment meant as one
""",
        ("after '#'", "dropped", "quotes"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{i}" for i, c in enumerate(CASES)])
def test_rule_triggers_where_the_spec_says(case: Case) -> None:
    found = sorted(of(check(case.bad, case.now), case.rule), key=lambda f: (f.line, f.column))
    assert [(f.line, f.column) for f in found] == case.at
    assert {f.severity for f in found} == {SPEC_SEVERITY[case.rule]}
    for word in case.says:
        assert word in found[0].message


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{i}" for i, c in enumerate(CASES)])
def test_rule_quiet_when_the_step_is_done(case: Case) -> None:
    assert where(check(case.good, case.now), case.rule) == []


def test_every_checked_rule_has_a_case() -> None:
    not_checked_here = {"yaml-syntax", "duplicate-key", "schema"}
    assert {c.rule for c in CASES} == set(SPEC_SEVERITY) - not_checked_here


def test_complete_record_from_format_md_has_no_finding() -> None:
    assert check(SPEC_EXAMPLE, "2026-12-02T12:00:00-05:00") == []
