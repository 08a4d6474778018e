"""Dates of recorded events that cannot be right."""

from __future__ import annotations

from collections.abc import Iterator

from afterview.loader import Path_
from afterview.model import Interview
from afterview.moments import Moment, day_in
from afterview.rules.base import AFTER, ALWAYS, RECORD, Context, Hit, rule


def events(iv: Interview) -> Iterator[tuple[Path_, str, Moment]]:
    """Every event recorded as having happened: (path, label, moment)."""
    for n in iv.thank_you:
        if n.sent is not None:
            yield (*n.path, "sent"), "thank-you note sent", n.sent
    if iv.reflection.written is not None:
        yield ("reflection", "written"), "reflection written", iv.reflection.written
    for f in iv.follow_ups:
        if f.date is not None:
            yield (*f.path, "date"), "follow-up", f.date
    for s in iv.closing.next_steps:
        if s.done_at is not None:
            yield (*s.path, "done"), "next step done", s.done_at
    if iv.outcome.date is not None:
        yield ("outcome", "date"), "outcome", iv.outcome.date


@rule("date-order", "error", "record-file", ALWAYS, kind=RECORD)
def date_order(ctx: Context) -> Iterator[Hit]:
    """An event is dated before the interview took place.

    ## What it does

    Reports a thank-you note's `sent`, `reflection.written`, a follow-up's
    `date`, a next step's `done` date or `outcome.date` that falls on a day
    before the interview's day (in the playbook's time zone).

    ## Why it matters

    Nothing that follows an interview can happen before it: such a date is
    a typo (often the month or the year), and every deadline computed from
    it would be wrong.

    ## Example

    ```yaml
    when: 2026-11-18T14:00:00-05:00
    thank_you:
      - to: Lee Park
        sent: 2026-10-18
    ```

    ## How to fix

    Correct the date: `sent: 2026-11-18`.
    """
    iv = ctx.interview
    if iv.when is None:
        return
    tz = ctx.clock.tz
    first_day = day_in(iv.when, tz)
    for path, label, moment in events(iv):
        if day_in(moment, tz) < first_day:
            yield Hit(
                path,
                f"The {label} date {moment.isoformat()} is before the interview"
                f" ({first_day.isoformat()}).",
            )


@rule("date-in-future", "warning", "record-file", AFTER, kind=RECORD)
def date_in_future(ctx: Context) -> Iterator[Hit]:
    """An event recorded as done is dated in the future.

    ## What it does

    Reports the same dates as `date-order` (`sent`, `written`, a follow-up's
    `date`, a `done` date, `outcome.date`) when they are after now: a date
    alone counts if its day is after today.

    ## Why it matters

    A date in the future usually means a plan was written as if it had
    happened, and the checks then believe a step is done when it is not.

    ## Example

    ```yaml
    follow_ups:
      - date: 2026-12-26   # it is 2026-11-26
    ```

    ## How to fix

    Record the step once it has happened, with the real date. Keep plans in
    `notes` until then.
    """
    clock = ctx.clock
    today = clock.now.date()
    for path, label, moment in events(ctx.interview):
        future = moment.day > today if moment.whole_day else moment.start > clock.now
        if future:
            yield Hit(path, f"The {label} date {moment.isoformat()} is in the future.")
