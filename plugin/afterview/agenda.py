"""What to do next: every open action of every interview, soonest first.

The deadlines come from ``afterview.deadlines``, the same computation the
rules use, so the agenda and ``afterview check`` never disagree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import Any

from afterview.clock import Clock
from afterview.deadlines import deadlines, step_due
from afterview.model import Interview
from afterview.progress import is_upcoming, owed_a_note, reflected, rule_active
from afterview.rules import ACTION_RULES  # a rule turned off drops its action too

ACTIONS = ("interview", "thank-you", "reflection", "follow-up", "next-step", "offer-decision")


@dataclass(frozen=True)
class Item:
    path: str
    company: str
    role: str
    action: str  # one of ACTIONS
    due: datetime | None
    overdue: bool
    detail: str
    key: str  # what makes the item unique within its record (for stable UIDs)
    ends: datetime | None = None  # an interview's end (its calendar event spans it)
    location: str | None = None  # an interview's place (record ``location``)
    url: str | None = None  # an interview's meeting link (record ``meeting_url``)

    @property
    def uid(self) -> str:
        """Stable across runs: the record's file name, the action and its key."""
        stem = PurePath(self.path).name
        key = f"{stem}\0{self.action}\0{self.key}".encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(key).hexdigest()[:24]
        return f"{digest}@afterview"

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "company": self.company,
            "role": self.role,
            "action": self.action,
            "due": self.due.isoformat() if self.due else None,
            "overdue": self.overdue,
            "detail": self.detail,
        }


def items_for(iv: Interview, clock: Clock) -> list[Item]:
    """Every open action of one interview, whatever its due time."""
    dl = deadlines(iv, clock)
    if dl is None:
        return []
    company, role = iv.company or "(no company)", iv.role or "(no role)"
    out: list[Item] = []

    def add(
        action: str,
        due: datetime | None,
        detail: str,
        key: str = "",
        ends: datetime | None = None,
        location: str | None = None,
        url: str | None = None,
    ) -> None:
        rule_id = ACTION_RULES.get(action)
        if rule_id is not None and not rule_active(iv, clock, rule_id):
            return
        overdue = due is not None and clock.now > due
        out.append(
            Item(iv.path, company, role, action, due, overdue, detail, key, ends, location, url)
        )

    status = iv.outcome.status
    if is_upcoming(iv, clock, dl):
        if status == "pending" and iv.when is not None:
            start = iv.when.start.astimezone(clock.tz)
            # Company and role are the item's own fields, shown beside the detail.
            detail = f"Interview ({iv.format})" if iv.format else "Interview"
            add("interview", start, detail, "", dl.end, iv.location, iv.meeting_url)
        return out
    if status != "withdrawn":
        people = owed_a_note(iv)
        for p in people:
            name = p.name or ""  # owed_a_note: named interviewers only
            add("thank-you", dl.thank_you, f"Thank-you note to {name}", name.casefold())
        if not iv.named_interviewers and not iv.thank_you:
            add("thank-you", dl.thank_you, "Thank-you note to the interviewer", "")
        if not reflected(iv):
            add("reflection", dl.reflection, "Write down what went well and what to work on")
        if status == "pending":
            detail = "Call to ask whether a decision has been made"
            add("follow-up", dl.follow_up, detail)
    for i, step in enumerate(iv.closing.next_steps):
        if step.done:
            continue
        due = step_due(step.due, clock) if step.due else None
        add("next-step", due, step.action or "A next step they asked of you", str(i))
    o = iv.outcome
    if status == "offer" and o.decision in (None, "pending"):
        due = clock.day_end(o.decision_due) if o.decision_due else None
        add("offer-decision", due, "Answer the offer")
    return out


def agenda(interviews: Iterable[Interview], clock: Clock, days: int | None = 14) -> list[Item]:
    """Open actions due within ``days`` (overdue included), overdue first, then soonest.

    Items with no due date (a next step without ``due``, an offer without
    ``decision_due``) come last. ``days=None`` keeps every item.
    """
    horizon = clock.now + timedelta(days=days) if days is not None else None
    items = [
        item
        for iv in interviews
        for item in items_for(iv, clock)
        if horizon is None or item.due is None or item.due <= horizon
    ]
    items.sort(key=sort_key)
    return items


def sort_key(item: Item) -> tuple[bool, bool, float, str, int, str]:
    """Overdue first, then by due time (no due time last), then by file and action."""
    return (
        not item.overdue,
        item.due is None,
        item.due.timestamp() if item.due else 0.0,
        item.path,
        ACTIONS.index(item.action),
        item.detail,
    )
