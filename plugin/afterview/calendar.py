"""The agenda as an iCalendar file (RFC 5545), built with the ``icalendar`` library.

Choices, shared by ``afterview agenda --format ics`` and the site's ``agenda.ics``:

- one ``VEVENT`` per item (calendar apps show events; few show ``VTODO``s),
  marked ``TRANSP:TRANSPARENT`` so a reminder never shows you as busy;
- an item due at an exact time starts then and lasts 15 minutes (an
  interview: its ``duration``), written in UTC (``DTSTART:20261126T140000Z``
  for 09:00 in New York), which every app reads correctly without a
  ``VTIMEZONE``;
- every event carries a display ``VALARM`` at its due time (an all-day one at
  09:00 on its day); interviews and thank-you notes due at an exact time get
  a second one ``alarm_before_minutes`` ahead (setting; default 60, 0 for none);
- text properties hold no control or bidirectional-control characters
  (RFC 5545 forbids controls); line breaks survive as ``\\n``;
- an item due "by a day" (Afterview's end of day, 23:59:59, or start of day,
  00:00:00, in the playbook's zone; a date-only interview) is an all-day
  event on that date, as the user wrote it;
- ``UID`` is ``Item.uid`` (stable: the record's file name, the action and its
  key), so a re-import updates an event instead of duplicating it;
  ``DTSTAMP`` is ``now`` in UTC;
- an overdue item's ``SUMMARY`` starts with ``OVERDUE:`` and its
  ``CATEGORIES`` include ``overdue``; it stays on its due date;
- items without a due time (a next step without ``due``, an offer without
  ``decision_due``) have no place in a calendar and are left out;
- an interview's event carries ``LOCATION`` (the record's ``location``) and
  ``URL`` (its ``meeting_url``, only an ``http``/``https`` address), both
  also written in its ``DESCRIPTION`` for apps that show neither; a
  redacted feed has the location as the pages show it and no meeting link
  (content/security.md);
- a ``DESCRIPTION`` states dates (``due Thu 3 Dec 2026, 14:00 EST``), never
  a phrase relative to when the feed was built ("in 5 days"), since a
  subscribed feed is read days later.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event

from afterview import __version__
from afterview.agenda import Item
from afterview.checker import FileResult
from afterview.clock import Clock
from afterview.wording import duration, moment

PRODID = f"-//Afterview//Afterview {__version__}//EN"
DURATION = timedelta(minutes=15)
_DAY_TIMES = (time(0, 0, 0), time(23, 59, 59))
ALARM_BEFORE = timedelta(minutes=60)  # the default of the setting alarm_before_minutes
EARLY_ALARM_ACTIONS = ("interview", "thank-you")
DAY_ALARM = timedelta(hours=9)  # an all-day item's alarm: 09:00 on its day
# Bidirectional controls reorder the text around them (U+061C, LRM, RLM, LRE..RLO, LRI..PDI).
_BIDI = frozenset(
    chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
)
_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " "})


def ical_text(text: str) -> str:
    """Text fit for an iCalendar TEXT value (RFC 5545 forbids control characters).

    Line breaks stay (as ``\\n`` once written); every other control character,
    bidirectional control and lone surrogate is dropped. The library escapes
    ``,``, ``;``, ``\\`` and line breaks.
    """
    text = text.replace("\r\n", "\n").translate(_NEWLINES)
    lines = text.replace("\n", "")
    if lines.isascii() and lines.isprintable():  # most text: nothing to drop
        return text
    return "".join(
        c
        for c in text
        if c == "\n" or (c not in _BIDI and unicodedata.category(c) not in ("Cc", "Cs"))
    )


def summary(item: Item) -> str:
    """``Thank-you note to Dana Whitfield — Northwind Traders``, marked when overdue."""
    text = item.detail
    if item.company.casefold() not in text.casefold():
        text = f"{text} — {item.company}"
    return f"OVERDUE: {text}" if item.overdue else text


def _description(item: Item, now: datetime) -> str:
    """Detail, company and role, the due time as a date, where and how to join, the record."""
    assert item.due is not None
    if item.action == "interview":
        when = f"starts {moment(item.due, now.tzinfo)}"
    else:
        when = f"due {moment(item.due, now.tzinfo)}"
    lines = [item.detail, f"{item.company}, {item.role}", f"{item.action}, {when}"]
    if item.location:
        lines.append(f"Where: {item.location}")
    url = meeting_url(item.url)
    if url:
        lines.append(f"Join: {url}")
    return "\n".join([*lines, f"Record: {item.path}"])


def meeting_url(text: str | None) -> str | None:
    """A link fit for ``URL``: one http(s) address with a host and no spaces or controls."""
    if not text:
        return None
    url = text.strip()
    if any(c.isspace() or not c.isprintable() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _event(item: Item, uid: str, stamp: datetime, now: datetime, before: timedelta | None) -> Event:
    assert item.due is not None
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    title = ical_text(summary(item))
    whole_day = item.due.time() in _DAY_TIMES
    if whole_day:
        day = item.due.date()
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    else:
        start = item.due.astimezone(UTC)
        end = item.ends.astimezone(UTC) if item.ends is not None else start
        event.add("dtstart", start)
        event.add("dtend", end if end > start else start + DURATION)
    event.add("summary", title)
    event.add("description", ical_text(_description(item, now)))
    if item.location:
        event.add("location", ical_text(item.location))
    url = meeting_url(item.url)
    if url:
        event.add("url", url)
    event.add("categories", [item.action, "overdue"] if item.overdue else [item.action])
    event.add("transp", "TRANSPARENT")
    for alarm in _alarms(item, title, whole_day, before):
        event.add_component(alarm)
    return event


def _alarm(description: str, trigger: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    alarm.add("trigger", trigger)  # relative to the event's start
    return alarm


def _alarms(item: Item, title: str, whole_day: bool, before: timedelta | None) -> list[Alarm]:
    """A display alarm when the item is due; one ``before`` ahead for interviews and notes.

    An all-day item (due by the end of a day) rings at 09:00 on its day instead.
    """
    if whole_day:
        return [_alarm(title, DAY_ALARM)]
    alarms = [_alarm(title, timedelta(0))]
    if before and item.action in EARLY_ALARM_ACTIONS:
        verb = "starts" if item.action == "interview" else "due"
        alarms.insert(0, _alarm(f"{title} ({verb} in {duration(before)})", -before))
    return alarms


def calendar_ics(
    items: list[Item], now: datetime, alarm_before: timedelta | None = ALARM_BEFORE
) -> bytes:
    """An iCalendar file of the items that have a due time; ``now`` becomes DTSTAMP.

    ``alarm_before`` is how long before an interview or a thank-you deadline
    the early alarm rings (None or zero: no early alarm).
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Afterview agenda")
    cal.add("x-published-ttl", "PT12H")  # subscribed calendars refresh twice a day
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    stamp = now.astimezone(UTC)
    seen: dict[str, int] = {}
    for item in items:
        if item.due is None:
            continue
        uid = item.uid
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:  # two interviewers of the same name: keep every UID unique
            uid = uid.replace("@", f"-{seen[uid]}@", 1)
        cal.add_component(_event(item, uid, stamp, now, alarm_before))
    ical: bytes = cal.to_ical()
    return ical


def agenda_ics(items: list[Item], clock: Clock) -> bytes:
    """``calendar_ics`` at the clock's ``now``, with the early alarm from its settings."""
    return calendar_ics(items, clock.now, timedelta(minutes=clock.settings.alarm_before_minutes))


def site_ics(
    results: list[FileResult],
    clock: Clock,
    redact: bool = False,
    publish_private_notes: bool = False,
) -> bytes:
    """The site's ``agenda.ics``: every open item of the loaded records, redacted as the
    pages are; the MkDocs plugin and ``afterview render`` both publish this."""
    from afterview.agenda import agenda

    if redact:
        from afterview.redact import redact_results

        results = redact_results(results, publish_private_notes)
    interviews = [r.interview for r in results if r.interview is not None]
    return agenda_ics(agenda(interviews, clock, days=None), clock)
