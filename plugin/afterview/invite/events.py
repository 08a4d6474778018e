"""Reading an invite's bytes into its events (``read_invite``): control characters made
spaces first, at most ``MAX_BYTES``, a ``VTIMEZONE`` whose rules are not a real zone's not
followed (the start is read in the playbook's zone, and said so), the library's warnings
not printed."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from afterview.invite.names import Attendee, from_property
from afterview.plaintext import one_line

MAX_BYTES = 5 * 1024 * 1024

# The parts a real time zone's RRULE uses (RFC 5545 3.6.5 examples, and every
# client's output): FREQ=YEARLY;BYMONTH=3;BYDAY=2SU, with UNTIL or COUNT.
_ZONE_RULE_PARTS = frozenset({"FREQ", "BYMONTH", "BYDAY", "BYMONTHDAY", "UNTIL", "COUNT",
                              "INTERVAL", "WKST", "BYSETPOS"})  # fmt: skip
_ZONE_SUBCOMPONENTS = 100

# Properties that hold the call's link itself: any https link in them is the meeting's.
CONFERENCE_PROPERTIES = (
    "X-GOOGLE-CONFERENCE",  # Google Calendar
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",  # Outlook / Exchange, Teams
    "X-MICROSOFT-ONLINEMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",  # often a sip: address, which is not kept
    "CONFERENCE",  # RFC 7986 (CONFERENCE;VALUE=URI)
)
# Properties that may hold it among other links: only a known service's link is taken.
OTHER_LINK_PROPERTIES = ("URL", "X-ZOOM-MEETING-URL")


class InviteError(Exception):
    """The file is not a calendar, or holds no event with a start."""


@dataclass
class Event:
    """One event of the invite, as read (times as icalendar gives them)."""

    number: int  # 1-based, in file order, counting only events with a start
    summary: str
    start: datetime | date
    zone_note: str | None  # why the start was read in the playbook's zone, if it was
    duration: int | None
    location: str
    description: str
    conference: list[str]  # conference properties' values (CONFERENCE_PROPERTIES)
    links: list[str]  # other properties that may hold the link (OTHER_LINK_PROPERTIES)
    structured_location: bool
    attendees: list[tuple[Attendee, dict[str, str]]]
    organizer: Attendee | None
    recurring: bool


def read_invite(data: bytes) -> list[Event]:
    """The events with a start in an .ics file's bytes; InviteError if it is not a calendar."""
    if len(data) > MAX_BYTES:
        raise InviteError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    from icalendar import Calendar

    with warnings.catch_warnings():  # e.g. a guessed TZID: not for the user's terminal
        warnings.simplefilter("ignore")
        try:
            calendars = Calendar.from_ical(without_controls(data), multiple=True)
        except Exception as e:  # icalendar raises ValueError, and others on odd input
            raise InviteError(f"not an iCalendar file ({one_line(e)[:200]})") from None
        if not calendars or any(c.name != "VCALENDAR" for c in calendars):
            raise InviteError("not an iCalendar file (no VCALENDAR)")
        events: list[Event] = []
        for cal in calendars:
            unsafe = _unsafe_zones(cal)
            for component in cal.walk("VEVENT"):
                event = _event(component, len(events) + 1, unsafe)
                if event is not None:
                    events.append(event)
    if not events:
        raise InviteError("the calendar holds no event with a start (DTSTART)")
    return events


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def without_controls(data: bytes) -> str:
    """The file's text with each control character and line or paragraph separator (ESC,
    U+0085, U+2028 ...) made a space, tab and line ends kept: RFC 5545 allows no control
    character in a value, and icalendar drops a property holding one, so an attendee whose
    name held one would be lost without a word (content/usage.md)."""
    return _CONTROLS.sub(" ", data.decode("utf-8", errors="replace"))


def _zone_rule_ok(rule: Any) -> bool:
    """A VTIMEZONE RRULE as real zones write it: yearly, by month and day, a few days."""
    try:
        parts = {str(k).upper(): v if isinstance(v, list) else [v] for k, v in rule.items()}
    except AttributeError:
        return False
    freq = [str(f).upper() for f in parts.get("FREQ", [])]
    if freq != ["YEARLY"] or not set(parts) <= _ZONE_RULE_PARTS:
        return False
    interval = parts.get("INTERVAL", [1])
    if len(interval) != 1 or not isinstance(interval[0], int) or interval[0] < 1:
        return False
    days = 1
    for key in ("BYMONTH", "BYDAY", "BYMONTHDAY"):
        days *= max(1, len(parts.get(key, [])))
    return days <= 31


def _unsafe_zones(cal: Any) -> set[str]:
    """The TZIDs of the calendar's VTIMEZONEs whose rules are not a real zone's."""
    out = set()
    for zone in cal.walk("VTIMEZONE"):
        subs = zone.subcomponents
        rules = []
        for sub in subs:
            value = sub.get("RRULE")
            rules += value if isinstance(value, list) else [] if value is None else [value]
        if len(subs) > _ZONE_SUBCOMPONENTS or not all(_zone_rule_ok(r) for r in rules):
            out.add(str(zone.get("TZID", "")))
    return out


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value)


def _start(component: Any, unsafe: set[str]) -> tuple[datetime | date, str | None] | None:
    prop = component.get("DTSTART")
    if prop is None:
        return None
    try:
        value = prop.dt
    except Exception:  # a value icalendar could not read
        return None
    tzid = getattr(prop, "params", {}).get("TZID")
    if isinstance(value, datetime) and tzid is not None and str(tzid) in unsafe:
        note = (
            f"the invite's time zone {one_line(tzid)!r} has rules no real zone has;"
            " the start is read in the playbook's zone"
        )
        return value.replace(tzinfo=None), note
    if isinstance(value, datetime):
        if value.tzinfo is None:
            tzid = getattr(prop, "params", {}).get("TZID")
            note = (
                f"unknown time zone {one_line(tzid)!r}; the start is read in the playbook's zone"
                if tzid
                else "the start has no time zone; it is read in the playbook's zone"
            )
            return value, note
        return value, None
    if isinstance(value, date):
        return value, None
    return None


def _duration(component: Any, start: datetime | date, unsafe: set[str]) -> int | None:
    try:
        if component.get("DTEND") is not None:
            end = component.get("DTEND").dt
            if str(getattr(component.get("DTEND"), "params", {}).get("TZID")) in unsafe:
                end = end.replace(tzinfo=None)  # never ask the zone for an offset
            if isinstance(start, datetime) and isinstance(end, datetime):
                if (start.tzinfo is None) != (end.tzinfo is None):
                    return None
                delta = end - start
            else:
                return None
        elif component.get("DURATION") is not None:
            delta = component.get("DURATION").dt
            if not isinstance(delta, timedelta) or not isinstance(start, datetime):
                return None
        else:
            return None
    except Exception:  # an unreadable DTEND or DURATION
        return None
    minutes = round(delta.total_seconds() / 60)
    return minutes if 1 <= minutes <= 1440 else None


def _values(component: Any, names: tuple[str, ...]) -> list[str]:
    out = []
    for name in names:
        value = component.get(name)
        for v in value if isinstance(value, list) else [value]:
            if v is not None:
                out.append(one_line(v))
    return out


def _event(component: Any, number: int, unsafe: set[str]) -> Event | None:
    started = _start(component, unsafe)
    if started is None:
        return None
    start, zone_note = started
    raw_attendees = component.get("ATTENDEE") or []
    if not isinstance(raw_attendees, list):
        raw_attendees = [raw_attendees]
    organizer = component.get("ORGANIZER")
    conference = _values(component, CONFERENCE_PROPERTIES)
    links = _values(component, OTHER_LINK_PROPERTIES)
    location_lines = [one_line(x) for x in _text(component, "LOCATION").splitlines()]
    return Event(
        number=number,
        summary=one_line(_text(component, "SUMMARY")),
        start=start,
        zone_note=zone_note,
        duration=_duration(component, start, unsafe),
        location=", ".join(x for x in location_lines if x),
        description=_text(component, "DESCRIPTION"),
        conference=conference,
        links=links,
        structured_location=component.get("X-APPLE-STRUCTURED-LOCATION") is not None,
        attendees=[from_property(a) for a in raw_attendees],
        organizer=from_property(organizer)[0] if organizer is not None else None,
        recurring=component.get("RRULE") is not None,
    )
