"""Before the interview ends: when, how and from whom; what to do meanwhile; thanks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from afterview.deadlines import step_due
from afterview.loader import Path_
from afterview.rules.base import AFTER, DEADLINE, RECORD, Context, Hit, q, rule
from afterview.wording import moment


def _day_of(written: date, due: datetime) -> str:
    """The day a step was due, saying when a day off moved it."""
    if due.date() == written:
        return moment(written)
    return f"{moment(written)} (not a working day: by the end of {moment(due.date())})"


def _closing_at(ctx: Context) -> Path_ | None:
    return ("closing",) if "closing" in ctx.interview.record.data else None


_CONTACT = ("expected_contact", "contact_method", "contact_person")


@rule("contact-expectations-missing", "warning", "contact", AFTER, kind=RECORD)
def contact_expectations_missing(ctx: Context) -> Iterator[Hit]:
    """You did not record when, how and from whom you will hear.

    ## What it does

    Reports a record whose `closing` lacks any of `expected_contact` (when),
    `contact_method` (how) or `contact_person` (who); the message names the
    missing ones.

    ## Why it matters

    Asking these three questions before the interview ends turns the wait
    into a plan: you know when silence means it is time to call, and whom to
    ask for. `expected_contact` also moves the follow-up deadline.

    ## Example

    ```yaml
    closing:
      contact_method: email
    ```

    ## How to fix

    ```yaml
    closing:
      expected_contact: 2026-11-25
      contact_method: phone
      contact_person: Dana Whitfield
    ```
    """
    c = ctx.interview.closing
    missing = [
        name
        for name, value in (
            ("expected_contact", c.expected_contact),
            ("contact_method", c.contact_method),
            ("contact_person", c.contact_person),
        )
        if value is None
    ]
    if missing:
        yield Hit(
            _closing_at(ctx),
            "Not recorded when, how or from whom you will hear: closing lacks "
            + ", ".join(missing)
            + ".",
            key=True,
            reads=tuple(("closing", k) for k in _CONTACT),
        )


@rule("interim-actions-unasked", "warning", "interim", AFTER, kind=RECORD)
def interim_actions_unasked(ctx: Context) -> Iterator[Hit]:
    """You did not ask whether you can do anything in the meantime.

    ## What it does

    Reports a record where `closing.asked_next_steps` is not `true`.

    ## Why it matters

    A question like "is there anything I can send you before you decide?"
    shows interest and often produces a concrete task (a write-up, references)
    that keeps you in their mind.

    ## Example

    ```yaml
    closing:
      expected_contact: 2026-11-25
    ```

    ## How to fix

    Record that you asked, and what they asked of you:

    ```yaml
    closing:
      asked_next_steps: true
      next_steps:
        - action: Send the architecture write-up
          due: 2026-11-20
    ```
    """
    if ctx.interview.closing.asked_next_steps is not True:
        yield Hit(
            _closing_at(ctx),
            "You did not record asking whether you can do anything in the meantime"
            " (closing.asked_next_steps is not true).",
            key=True,
            reads=(("closing", "asked_next_steps"),),
        )


@rule("next-step-overdue", "warning", "interim", AFTER, kind=DEADLINE, action="next-step")
def next_step_overdue(ctx: Context) -> Iterator[Hit]:
    """Something they asked of you is past its due date and not done.

    ## What it does

    Reports each `closing.next_steps` item whose `due` date has passed (at
    the end of that day) and that has no `done` date or `done: true`. A
    step due on a day that is not a working day (settings `workdays` and
    `holidays`) passes at the end of the next working day instead.

    ## Why it matters

    Doing what you offered, on time, is the strongest signal you can send
    while they decide.

    ## Example

    ```yaml
    closing:
      next_steps:
        - action: Send the architecture write-up
          due: 2026-11-20
    ```

    ## How to fix

    Do it, then record when:

    ```yaml
        - action: Send the architecture write-up
          due: 2026-11-20
          done: 2026-11-19
    ```
    """
    clock = ctx.clock
    for step in ctx.interview.closing.next_steps:
        if step.due is None or step.done:
            continue
        due = step_due(step.due, clock)
        if clock.now > due:
            what = f"{q(step.action)}" if step.action else "A next step"
            yield Hit(
                step.path,
                f"Next step {what} was due {_day_of(step.due, due)} and is not done.",
                due,
                reads=((*step.path, "due"), (*step.path, "done")),
            )


@rule("staff-not-thanked", "info", "thank-staff", AFTER, kind=RECORD)
def staff_not_thanked(ctx: Context) -> Iterator[Hit]:
    """After an onsite interview you did not record thanking the staff.

    ## What it does

    For `format: onsite`, reports a record where `closing.thanked_staff` is
    not `true`.

    ## Why it matters

    The receptionist and the people in the lobby may be your colleagues
    soon, and they are sometimes asked what they thought of you.

    ## Example

    ```yaml
    format: onsite
    closing:
      asked_next_steps: true
    ```

    ## How to fix

    Thank them on your way out, then record it:

    ```yaml
    closing:
      thanked_staff: true
    ```
    """
    if ctx.interview.format == "onsite" and ctx.interview.closing.thanked_staff is not True:
        yield Hit(
            _closing_at(ctx),
            "Onsite interview: you did not record thanking the reception or lobby staff"
            " (closing.thanked_staff is not true).",
            key=True,
            reads=(("format",), ("closing", "thanked_staff")),
        )
