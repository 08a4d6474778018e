"""Choosing among an invite's events: each named on one line (``describe``), soonest
upcoming first (``soonest_first``, ``listing``); ``when_text`` writes a start."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from afterview.invite.events import Event
from afterview.invite.guess import MAX_GUESS


def when_text(start: datetime | date, tz: tzinfo) -> str:
    """The start as the record writes it: a date, or the instant in the playbook's zone."""
    if not isinstance(start, datetime):
        return start.isoformat()
    try:
        local = start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)
    except OverflowError:  # year 1 or 9999 near the edge: the caller refuses the year
        local = start.replace(tzinfo=None)
    return local.replace(microsecond=0).isoformat()


def describe(event: Event, tz: tzinfo) -> str:
    """One line naming an event, for choosing among several."""
    summary = event.summary[:MAX_GUESS] or "(no title)"
    return f"{event.number:>4}. {when_text(event.start, tz)}  {summary}"


MAX_LISTED = 20  # events listed when an invite holds several


def soonest_first(events: list[Event], tz: tzinfo, now: datetime) -> list[Event]:
    """The events from the soonest upcoming (at or after now) to the last, then the past
    ones from the most recent back; a date alone counts from its midnight."""

    def instant(event: Event) -> datetime:
        start = event.start
        if not isinstance(start, datetime):
            start = datetime(start.year, start.month, start.day)
        try:
            return start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)
        except OverflowError:  # year 1 or 9999 near the edge
            return start.replace(tzinfo=tz)

    upcoming = sorted((e for e in events if instant(e) >= now), key=instant)
    past = sorted((e for e in events if instant(e) < now), key=instant, reverse=True)
    return upcoming + past


def listing(events: list[Event], tz: tzinfo, now: datetime) -> list[str]:
    """At most MAX_LISTED lines naming events, soonest upcoming first (``soonest_first``),
    each with the number --event takes, then "N more" when some are left out."""
    shown = soonest_first(events, tz, now)[:MAX_LISTED]
    lines = [describe(e, tz) for e in shown]
    if len(events) > len(shown):
        lines.append(f"      {len(events) - len(shown)} more (past ones last)")
    return lines
