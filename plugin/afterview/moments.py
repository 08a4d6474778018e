"""Dates and times as users write them, parsed by the program, not by YAML.

A *moment* is either exact (a date-time, with or without offset) or a whole
day (a date alone). Values without an offset are read in the playbook's time
zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)


# Years outside this range are refused: no interview falls there, and deadline
# arithmetic near year 1 or 9999 would leave the range Python's dates can hold.
MIN_YEAR, MAX_YEAR = 1900, 2999


def parse_date(text: str) -> date | None:
    """Return the calendar date written as YYYY-MM-DD, or None if it is not one."""
    m = _DATE.match(text)
    if not m or not MIN_YEAR <= int(m[1]) <= MAX_YEAR:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _offset(text: str) -> tzinfo | None:
    if text in ("Z", "z"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_datetime(text: str, tz: tzinfo) -> datetime | None:
    """Return the aware date-time written in text (local times read in tz), or None."""
    m = _DATETIME.match(text)
    if not m or not MIN_YEAR <= int(m[1]) <= MAX_YEAR:
        return None
    fraction = (m[7] or "0")[:6].ljust(6, "0")
    try:
        naive = datetime(
            int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0), int(fraction)
        )
    except ValueError:
        return None
    if m[8] is None:
        return naive.replace(tzinfo=tz)
    offset = _offset(m[8])
    if offset is None:
        return None
    return naive.replace(tzinfo=offset)


def is_date(text: object) -> bool:
    """True for a calendar-valid YYYY-MM-DD string."""
    return isinstance(text, str) and parse_date(text) is not None


def is_datetime(text: object) -> bool:
    """True for a valid date-time string as Afterview accepts it."""
    return isinstance(text, str) and parse_datetime(text, UTC) is not None


@dataclass(frozen=True)
class Moment:
    """A point in time, or a whole day when ``whole_day`` is true."""

    start: datetime  # for a whole day, its first instant in the playbook zone
    whole_day: bool
    text: str

    @property
    def day(self) -> date:
        return self.start.date()

    def end(self) -> datetime:
        """The last second of the moment: itself, or 23:59:59 of its day."""
        if not self.whole_day:
            return self.start
        return end_of_day(self.day, self.start.tzinfo or UTC)

    def isoformat(self) -> str:
        return self.day.isoformat() if self.whole_day else self.start.isoformat()


def end_of_day(day: date, tz: tzinfo) -> datetime:
    """23:59:59 of day in tz."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=tz)


def start_of_day(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=tz)


def parse_moment(text: object, tz: tzinfo) -> Moment | None:
    """Read a date or a date-time; None if text is neither."""
    if not isinstance(text, str):
        return None
    d = parse_date(text)
    if d is not None:
        return Moment(start_of_day(d, tz), True, text)
    dt = parse_datetime(text, tz)
    if dt is None:
        return None
    return Moment(dt, False, text)


def day_in(moment_or_dt: Moment | datetime, tz: tzinfo) -> date:
    """The calendar day of a moment as seen in tz (a whole day keeps its own day)."""
    if isinstance(moment_or_dt, Moment):
        if moment_or_dt.whole_day:
            return moment_or_dt.day
        return moment_or_dt.start.astimezone(tz).date()
    return moment_or_dt.astimezone(tz).date()


def add_hours(dt: datetime, hours: float) -> datetime:
    """Add elapsed hours (across daylight-saving changes), keeping dt's zone."""
    tz = dt.tzinfo
    return (dt.astimezone(UTC) + timedelta(hours=hours)).astimezone(tz)


def add_days(dt: datetime, days: int) -> datetime:
    """Add calendar days: the same wall-clock time, days later, in dt's zone."""
    return dt + timedelta(days=days)


def parse_now(text: str, tz: tzinfo) -> datetime | None:
    """Read --now / AFTERVIEW_NOW: a date-time (offset optional) or a date (its 00:00)."""
    text = text.strip()
    m = parse_moment(text, tz)
    return None if m is None else m.start
