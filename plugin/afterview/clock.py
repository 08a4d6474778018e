"""The reference time and the settings that every computation reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from afterview.moments import end_of_day
from afterview.settings import Settings


@dataclass(frozen=True)
class Clock:
    """The reference time and the settings every computation reads.

    ``now`` is in the playbook's zone; ``stated`` is the same instant with the
    offset the user wrote (what JSON output echoes as "now").
    """

    now: datetime
    settings: Settings
    tz: tzinfo
    stated: datetime | None = None

    @classmethod
    def at(cls, now: datetime, settings: Settings) -> Clock:
        tz = settings.tz
        stated = now if now.tzinfo else now.replace(tzinfo=tz)
        return cls(stated.astimezone(tz), settings, tz, stated)

    @property
    def echo(self) -> str:
        """now as ISO 8601, in the offset it was given with."""
        return (self.stated or self.now).isoformat()

    def day_end(self, day: date) -> datetime:
        return end_of_day(day, self.tz)

    def in_zone(self, dt: datetime) -> datetime:
        return dt.astimezone(self.tz)


class NowError(ValueError):
    """A reference time that is neither an ISO 8601 date-time nor a date."""


def clock_for(settings: Settings, now_text: str | None) -> Clock:
    """The Clock at ``now_text`` (parsed in the playbook's zone), or at the clock's time.

    Raises NowError when the text is neither a date-time nor a date.
    """
    from afterview.moments import parse_now

    tz = settings.tz
    if not now_text or not now_text.strip():
        return Clock.at(datetime.now(tz), settings)
    now = parse_now(now_text, tz)
    if now is None:
        raise NowError(
            f"{now_text!r} is not a date-time; expected e.g. 2026-11-25T12:00:00-05:00,"
            " 2026-11-25T12:00 or 2026-11-25"
        )
    return Clock.at(now, settings)
