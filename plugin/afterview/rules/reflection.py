"""Taking stock: what went well and what to work on."""

from __future__ import annotations

from collections.abc import Iterator

from afterview.progress import reflection_overdue
from afterview.rules.base import DEADLINE, WAIT, Context, Hit, rule
from afterview.wording import moment


@rule("reflection-missing", "warning", "reflect", WAIT, kind=DEADLINE, action="reflection")
def reflection_missing(ctx: Context) -> Iterator[Hit]:
    """You have not written down what went well and what to work on.

    ## What it does

    Once 48 hours (setting `reflect_within_hours`) have passed since the
    interview ended, reports a record whose `reflection` has no `went_well`
    and no `to_improve` item.

    ## Why it matters

    Memory of an interview fades within days. A few lines written while it
    is fresh are what make the next interview better; the site gathers them
    on the Lessons page.

    ## Example

    ```yaml
    when: 2026-11-18T14:00:00-05:00
    # no reflection, and it is now 2026-11-21
    ```

    ## How to fix

    ```yaml
    reflection:
      written: 2026-11-19
      went_well:
        - Walked through the pipeline redesign clearly
      to_improve:
        - A crisper answer on streaming back-pressure
    ```
    """
    dl = ctx.deadlines
    r = ctx.interview.reflection
    if dl is None or not reflection_overdue(ctx.interview, ctx.clock, dl):
        return
    at = ("reflection",) if r.present or "reflection" in ctx.interview.record.data else None
    yield Hit(
        at,
        "No reflection yet: note what went well and what to work on"
        f" (due {moment(dl.reflection, ctx.clock.tz)}).",
        dl.reflection,
        key=True,
        reads=(("reflection", "went_well"), ("reflection", "to_improve")),
    )
