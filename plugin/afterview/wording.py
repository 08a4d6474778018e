"""One voice for time: how every output words a moment and a time left or past.

The terminal (``check`` messages, ``agenda``), the site's pages and the
calendar's descriptions all call these two functions, so one item reads the
same everywhere:

- ``moment``: ``Thu 3 Dec 2026, 14:00 EST`` (a date alone: ``Thu 3 Dec 2026``),
  in the playbook's zone, in English whatever the machine's locale;
- ``relative``: ``overdue by 1 day``, ``in 4 hours``, ``due now``.

Machine-readable outputs (JSON, iCalendar dates) keep ISO 8601.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from afterview.moments import Moment

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(d: date) -> str:
    """A calendar day: ``Thu 3 Dec 2026``."""
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def moment(value: datetime | date | Moment, tz: tzinfo | None = None) -> str:
    """A moment as people read it: ``Thu 3 Dec 2026, 14:00 EST``.

    An aware date-time is shown in ``tz`` (the playbook's zone) when given; a
    ``date`` (or a recorded whole-day ``Moment``) is just its day. The zone is
    the zone's abbreviation, or its offset (``UTC+05:30``) where the zone has
    no abbreviation.
    """
    return ", ".join(x for x in moment_parts(value, tz) if x)


def moment_parts(value: datetime | date | Moment, tz: tzinfo | None = None) -> tuple[str, str]:
    """``moment``'s day and time (``Thu 3 Dec 2026``, ``14:00 EST``; no time for a date).

    For layouts that may break the line between the two and nowhere else.
    """
    if isinstance(value, Moment):
        value = value.day if value.whole_day else value.start
    if not isinstance(value, datetime):
        return day(value), ""
    local = value.astimezone(tz) if tz is not None and value.tzinfo is not None else value
    zone = _zone(local)
    clock = f"{local:%H:%M} {zone}" if zone else f"{local:%H:%M}"
    return day(local.date()), clock


def _zone(dt: datetime) -> str:
    name = dt.tzname() or ""
    if name and name[0] in "+-":  # zoneinfo's "+0530"-style names for zones without letters
        offset = dt.utcoffset() or timedelta()
        total = int(offset.total_seconds() // 60)
        sign = "-" if total < 0 else "+"
        hours, minutes = divmod(abs(total), 60)
        return f"UTC{sign}{hours:02d}:{minutes:02d}"
    return name


def duration(delta: timedelta) -> str:
    """A length of time, rounded to its largest unit: ``1 day``, ``4 hours``, ``25 minutes``.

    Under 60 minutes in minutes, under 24 hours in hours, else in days (each
    rounded to the nearest whole unit); the sign is ignored.
    """
    seconds = abs(delta.total_seconds())
    minutes = round(seconds / 60)
    if minutes < 60:
        n, unit = max(1, minutes), "minute"
    elif round(seconds / 3600) < 24:
        n, unit = round(seconds / 3600), "hour"
    else:
        n, unit = max(1, round(seconds / 86400)), "day"
    return f"{n} {unit}{'' if n == 1 else 's'}"


def relative(due: datetime, now: datetime) -> str:
    """A due time from now: ``overdue by 1 day``, ``in 4 hours``, ``due now`` (within a minute)."""
    seconds = (due - now).total_seconds()
    if abs(seconds) < 60:
        return "due now"
    span = duration(due - now)
    return f"overdue by {span}" if seconds < 0 else f"in {span}"
