"""Dates and times as users write them, parsed by the program, not by YAML.

A *moment* is either exact (a date-time, with or without offset) or a whole
day (a date alone). Values without an offset are read in the playbook's time
zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache

from afterview.schemafile import load_schema, pattern_regex

# Years outside this range are refused: no interview falls there, and deadline
# arithmetic near year 1 or 9999 would leave the range Python's dates can hold.
# The schema's patterns allow the same years (tests/test_moments.py).
MIN_YEAR, MAX_YEAR = 1900, 2999


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """The pattern of ``$defs[name]`` ("date" or "moment") in the record schema.

    The schema is the one grammar of dates and times: editors, check-jsonschema
    and ``afterview check`` test values against these patterns, and this module
    only reads the fields out of text a pattern has accepted.
    """
    return pattern_regex(load_schema()["$defs"][name]["pattern"])


# Reads the seconds, fraction and offset after YYYY-MM-DDTHH:MM of an accepted moment.
_TAIL = re.compile(r"(?::([0-9]{2})(?:[.]([0-9]+))?)?[ \t]*(.*)", re.DOTALL)


def parse_date(text: str) -> date | None:
    """Return the calendar date written as YYYY-MM-DD, or None if it is not one."""
    if not _pattern("date").search(text):
        return None
    return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))


def _offset(text: str) -> tzinfo:
    """The zone of an offset the pattern accepted: Z, +HH, +HHMM or +HH:MM."""
    if text in ("Z", "z"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_datetime(text: str, tz: tzinfo) -> datetime | None:
    """Return the aware date-time written in text (local times read in tz), or None.

    A date alone is not a date-time: None.
    """
    if len(text) <= 10 or not _pattern("moment").search(text):
        return None
    tail = _TAIL.fullmatch(text, 16)
    assert tail is not None  # it matches any text
    second, fraction, offset = tail.groups()
    naive = datetime(
        int(text[0:4]),
        int(text[5:7]),
        int(text[8:10]),
        int(text[11:13]),
        int(text[14:16]),
        int(second or 0),
        int((fraction or "0")[:6].ljust(6, "0")),
    )
    return naive.replace(tzinfo=_offset(offset) if offset else tz)


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
