"""When each step of the playbook falls due for one interview.

The single implementation of the deadline arithmetic, used by the rules, the
agenda and the site:

- ``end`` is ``when`` + ``duration`` minutes; a date-only ``when`` ends at
  23:59:59 of that day in the playbook's zone;
- the thank-you and reflection deadlines are *elapsed* hours after ``end``
  (24 h is 24 h even across a daylight-saving change);
- the follow-up is due ``follow_up_after_days`` calendar days after ``end``,
  but not before the start of the first working day after
  ``closing.expected_contact``; once a contact is logged,
  ``follow_up_every_days`` calendar days after the latest one (a date-only
  contact counts from the end of its day).

The hours (README "Choices", *Working days*), stated once here:

- A date-only deadline (a next step's ``due``, ``decision_due``) passes at
  the end of its day, 23:59:59 local (``moments.end_of_day``).
- Steps addressed to a company fall on working days (settings ``workdays``,
  default Monday to Friday, and ``holidays``). A follow-up call that would
  fall due on another day is due at 09:00 local (``WORKDAY_STARTS``) on the
  next working day, and "the start of the day after ``expected_contact``" is
  09:00 of the first working day after it. A next step due on a day that is
  not a working day is due at the end of the next working day.
- The thank-you note, the reflection and your answer to an offer keep their
  times: you send a note or an answer on any day, and ``decision_due`` is a
  day you named yourself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from afterview.clock import Clock
from afterview.model import FollowUp, Interview
from afterview.moments import Moment, add_days, add_hours, end_of_day
from afterview.settings import Settings

WORKDAY_STARTS = time(9, 0)  # a call moved to a working day is due from this hour


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
            after = next_working_day(expected + timedelta(days=1), s)
            follow_up = max(follow_up, datetime.combine(after, WORKDAY_STARTS, tzinfo=clock.tz))
    follow_up = on_a_working_day(follow_up, clock)
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


def is_working_day(day: date, settings: Settings) -> bool:
    """A day of ``workdays`` that is not one of ``holidays``."""
    return day.weekday() in settings.workdays and day not in settings.holidays


def next_working_day(day: date, settings: Settings) -> date:
    """day itself when it is a working day, else the first working day after it.

    Every week has a working day, and each holiday can cost at most a week,
    so the search stops after a week per holiday plus one (then day is returned).
    """
    for offset in range(7 * (len(settings.holidays) + 1)):
        candidate = day + timedelta(days=offset)
        if is_working_day(candidate, settings):
            return candidate
    return day


def on_a_working_day(due: datetime, clock: Clock) -> datetime:
    """A call's due time, moved to 09:00 of the next working day when its day is not one."""
    local = clock.in_zone(due)
    day = next_working_day(local.date(), clock.settings)
    if day == local.date():
        return local
    return datetime.combine(day, WORKDAY_STARTS, tzinfo=clock.tz)


def step_due(day: date, clock: Clock) -> datetime:
    """When a next step due by ``day`` passes: the end of day, or of the next working day."""
    return end_of_day(next_working_day(day, clock.settings), clock.tz)
