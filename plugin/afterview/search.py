"""The search week by week: how many interviews were in play each week, and where they ended.

An interview is *in play* from the week it takes place (weeks start on
Monday, in the playbook's zone) to the week it ended: the day you answered
an offer (``outcome.decision_date``, else ``outcome.date``), or the
``outcome.date`` of a rejection, a withdrawal or a silence you stopped
waiting for; one that ended with no date ends in its own week. One still in
play (pending, or an offer not answered) is in play up to the current week,
and one still to come counts from the current week (it is arranged).
Each week counts its interviews by the stage they are at now
(``progress.stage``): where they ended, or where they stand. At most the
last ``MAX_WEEKS`` weeks are kept (content/format.md, "The search in one
picture").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from afterview import wording
from afterview.clock import Clock
from afterview.model import Interview
from afterview.moments import day_in
from afterview.progress import STAGES, stage

MAX_WEEKS = 26
OPEN = ("upcoming", "awaiting thank-you", "waiting", "follow-up due", "offer")


@dataclass(frozen=True)
class Week:
    """One week: its Monday and how many interviews were in play, by their stage now."""

    monday: date
    counts: dict[str, int]  # stage -> interviews, only stages with one or more, STAGES order

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_json(self) -> dict[str, object]:
        return {"week": self.monday.isoformat(), "in_play": self.total, "by_stage": self.counts}


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def span(iv: Interview, clock: Clock) -> tuple[date, date | None, str] | None:
    """The first and last day an interview was in play (None: still in play) and its stage."""
    if iv.when is None:
        return None
    st = stage(iv, clock)
    first = day_in(iv.when, clock.tz)
    if st in OPEN:
        return first, None, st
    o = iv.outcome
    ended = o.decision_date if st in ("accepted", "declined") and o.decision_date else o.date
    last = day_in(ended, clock.tz) if ended is not None else first
    return first, max(first, last), st


def weeks(interviews: Iterable[Interview], clock: Clock) -> list[Week]:
    """Every week from the first interview's to the current one, at most the last
    MAX_WEEKS; empty without a dated interview."""
    spans = [s for iv in interviews if (s := span(iv, clock)) is not None]
    if not spans:
        return []
    this_week = monday(clock.now.date())
    ranges = []
    for begin, end, st in spans:
        first = min(monday(begin), this_week)  # one still to come is arranged: in play now
        last = monday(end) if end is not None else this_week
        ranges.append((first, max(first, min(last, this_week)), st))
    start = max(min(r[0] for r in ranges), this_week - timedelta(weeks=MAX_WEEKS - 1))
    out = []
    week = start
    while week <= this_week:
        counts = dict.fromkeys(STAGES, 0)
        for first, last, st in ranges:
            if first <= week <= last:
                counts[st] += 1
        out.append(Week(week, {k: n for k, n in counts.items() if n}))
        week += timedelta(weeks=1)
    return out


def in_words(week: Week) -> str:
    """'week of Mon 2 Nov 2026: 3 in play (1 waiting, 2 rejected)': the text equivalent's line."""
    parts = ", ".join(f"{n} {stage}" for stage, n in week.counts.items())
    return f"week of {wording.day(week.monday)}: {week.total} in play" + (
        f" ({parts})" if parts else ""
    )
