"""The agenda as an iCalendar file (RFC 5545), built with the ``icalendar`` library.

Choices, shared by ``afterview agenda --format ics`` and the site's ``agenda.ics``:

- one ``VEVENT`` per item (calendar apps show events; few show ``VTODO``s),
  marked ``TRANSP:TRANSPARENT`` so a reminder never shows you as busy;
- an item due at an exact time starts then and lasts 15 minutes, written in
  UTC (``DTSTART:20261126T140000Z`` for 09:00 in New York), which every app
  reads correctly without a ``VTIMEZONE``;
- an item due "by a day" (Afterview's end of day, 23:59:59, or start of day,
  00:00:00, in the playbook's zone; a date-only interview) is an all-day
  event on that date, as the user wrote it;
- ``UID`` is ``Item.uid`` (stable: the record's file name, the action and its
  key), so a re-import updates an event instead of duplicating it;
  ``DTSTAMP`` is ``now`` in UTC;
- an overdue item's ``SUMMARY`` starts with ``OVERDUE:`` and its
  ``CATEGORIES`` include ``overdue``; it stays on its due date;
- items without a due time (a next step without ``due``, an offer without
  ``decision_due``) have no place in a calendar and are left out.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event

from afterview import __version__
from afterview.agenda import Item

PRODID = f"-//Afterview//Afterview {__version__}//EN"
DURATION = timedelta(minutes=15)
_DAY_TIMES = (time(0, 0, 0), time(23, 59, 59))


def summary(item: Item) -> str:
    """``Thank-you note to Dana Whitfield — Northwind Traders``, marked when overdue."""
    text = item.detail
    if item.company.casefold() not in text.casefold():
        text = f"{text} — {item.company}"
    return f"OVERDUE: {text}" if item.overdue else text


def _description(item: Item) -> str:
    state = "overdue" if item.overdue else "due"
    assert item.due is not None
    return (
        f"{item.detail}\n{item.company}, {item.role}\n"
        f"{item.action}, {state} {item.due.isoformat()}\n"
        f"Record: {item.path}"
    )


def _event(item: Item, uid: str, stamp: datetime) -> Event:
    assert item.due is not None
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    if item.due.time() in _DAY_TIMES:
        day = item.due.date()
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    else:
        start = item.due.astimezone(UTC)
        event.add("dtstart", start)
        event.add("dtend", start + DURATION)
    event.add("summary", summary(item))
    event.add("description", _description(item))
    event.add("categories", [item.action, "overdue"] if item.overdue else [item.action])
    event.add("transp", "TRANSPARENT")
    return event


def calendar_ics(items: list[Item], now: datetime) -> bytes:
    """An iCalendar file of the items that have a due time; ``now`` becomes DTSTAMP."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Afterview agenda")
    stamp = (now if now.tzinfo else now.replace(tzinfo=UTC)).astimezone(UTC)
    seen: dict[str, int] = {}
    for item in items:
        if item.due is None:
            continue
        uid = item.uid
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:  # two interviewers of the same name: keep every UID unique
            uid = uid.replace("@", f"-{seen[uid]}@", 1)
        cal.add_component(_event(item, uid, stamp))
    return cal.to_ical()
