"""When each step of the playbook falls due for one interview.

The single implementation of the deadline arithmetic, used by the rules, the
agenda and the site:

- ``end`` is ``when`` + ``duration`` minutes; a date-only ``when`` ends at
  23:59:59 of that day in the playbook's zone;
- the thank-you and reflection deadlines are *elapsed* hours after ``end``
  (24 h is 24 h even across a daylight-saving change);
- the follow-up is due ``follow_up_after_days`` calendar days after ``end``,
  but not before the day after ``closing.expected_contact``; once a contact is
  logged, ``follow_up_every_days`` calendar days after the latest one (a
  date-only contact counts from the end of its day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from afterview.clock import Clock
from afterview.model import FollowUp, Interview
from afterview.moments import Moment, add_days, add_hours, start_of_day


@dataclass(frozen=True)
class Deadlines:
    end: datetime
    thank_you: datetime
    reflection: datetime
    follow_up: datetime
    latest_contact: FollowUp | None


def interview_end(when: Moment, duration: int, clock: Clock) -> datetime:
    if when.whole_day:
        return clock.day_end(when.day)
    return clock.in_zone(when.start + timedelta(minutes=duration))


def deadlines(iv: Interview, clock: Clock) -> Deadlines | None:
    """The interview's deadlines, or None when ``when`` is missing or invalid."""
    if iv.when is None:
        return None
    s = clock.settings
    end = interview_end(iv.when, iv.duration, clock)
    dated = [f for f in iv.follow_ups if f.date is not None]
    latest = max(dated, key=lambda f: contact_time(f, clock)) if dated else None
    if latest is not None:
        follow_up = add_days(contact_time(latest, clock), s.follow_up_every_days)
    else:
        follow_up = add_days(end, s.follow_up_after_days)
        expected = iv.closing.expected_contact
        if expected is not None:
            follow_up = max(follow_up, start_of_day(expected + timedelta(days=1), clock.tz))
    return Deadlines(
        end=end,
        thank_you=add_hours(end, s.thank_you_within_hours),
        reflection=add_hours(end, s.reflect_within_hours),
        follow_up=follow_up,
        latest_contact=latest,
    )


def contact_time(f: FollowUp, clock: Clock) -> datetime:
    """When a logged contact counts as having happened (end of its day if date-only)."""
    assert f.date is not None
    return clock.in_zone(f.date.end()) if f.date.whole_day else clock.in_zone(f.date.start)
