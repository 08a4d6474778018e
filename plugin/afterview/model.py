"""The interview as the rules see it, built leniently from loaded data.

A value of the wrong type is treated as absent here; the ``schema`` check
reports it, and findings that would point at it are held back (see checker).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Any

from afterview.loader import Path_, Record
from afterview.moments import Moment, parse_date, parse_moment


def _s(v: Any) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


def _b(v: Any) -> bool | None:
    return v if isinstance(v, bool) else None


def _i(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return None


def _d(v: Any) -> date | None:
    return parse_date(v) if isinstance(v, str) else None


def _map(v: Any) -> dict:
    return v if isinstance(v, dict) else {}


def _items(v: Any, path: Path_) -> list[tuple[Path_, dict]]:
    if not isinstance(v, list):
        return []
    return [((*path, i), item) for i, item in enumerate(v) if isinstance(item, dict)]


def _texts(v: Any) -> list[str]:
    return [x for x in v if isinstance(x, str) and x.strip()] if isinstance(v, list) else []


def normalize_name(name: str) -> str:
    """Names compare ignoring case, Unicode composition and surrounding or repeated spaces."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


@dataclass
class Person:
    path: Path_
    name: str | None
    title: str | None
    email: str | None
    phone: str | None
    business_card: bool | None
    spelling_confirmed: bool | None


@dataclass
class NextStep:
    path: Path_
    action: str | None
    due: date | None
    done: bool
    done_at: Moment | None


@dataclass
class Closing:
    present: bool
    expected_contact: date | None = None
    contact_method: str | None = None
    contact_person: str | None = None
    asked_next_steps: bool | None = None
    next_steps: list[NextStep] = field(default_factory=list)
    thanked_staff: bool | None = None


@dataclass
class Note:
    path: Path_
    to: str | None
    sent: Moment | None
    channel: str | None
    text: str | None


@dataclass
class Reflection:
    present: bool
    written: Moment | None = None
    went_well: list[str] = field(default_factory=list)
    to_improve: list[str] = field(default_factory=list)


@dataclass
class FollowUp:
    path: Path_
    date: Moment | None
    by: str
    channel: str | None
    spoke_with: str | None
    decision_made: bool | None
    still_considered: bool | None
    offered_more_info: bool | None
    offered_second_interview: bool | None
    notes: str | None


@dataclass
class Outcome:
    present: bool
    status: str = "pending"
    date: Moment | None = None
    thanked: bool | None = None
    pay: str | None = None
    schedule: str | None = None
    benefits: str | None = None
    decision: str | None = None
    decision_due: date | None = None
    asked_why: bool | None = None
    feedback: str | None = None
    asked_referrals: bool | None = None
    referrals: list[str] = field(default_factory=list)


STATUSES = ("pending", "offer", "rejected", "withdrawn", "ghosted")


@dataclass
class Interview:
    path: str
    record: Record
    company: str | None
    role: str | None
    when: Moment | None
    duration: int
    format: str | None
    location: str | None
    round: int | None
    interviewers: list[Person]
    closing: Closing
    thank_you: list[Note]
    reflection: Reflection
    follow_ups: list[FollowUp]
    outcome: Outcome
    ignore: frozenset[str]
    notes: str | None

    @property
    def named_interviewers(self) -> list[Person]:
        return [p for p in self.interviewers if p.name]


def build_interview(path: str, record: Record, tz: tzinfo) -> Interview:
    """The model of one loaded record, read in the playbook's zone tz."""
    d = record.data
    duration = _i(d.get("duration"))
    if duration is None or not 1 <= duration <= 1440:
        duration = 60

    people = [
        Person(
            p,
            _s(x.get("name")),
            _s(x.get("title")),
            _s(x.get("email")),
            _s(x.get("phone")),
            _b(x.get("business_card")),
            _b(x.get("spelling_confirmed")),
        )
        for p, x in _items(d.get("interviewers"), ("interviewers",))
    ]

    c = d.get("closing")
    cm = _map(c)
    steps = []
    for p, x in _items(cm.get("next_steps"), ("closing", "next_steps")):
        done_raw = x.get("done")
        done_at = parse_moment(done_raw, tz) if isinstance(done_raw, str) else None
        steps.append(
            NextStep(
                p,
                _s(x.get("action")),
                _d(x.get("due")),
                done_raw is True or done_at is not None,
                done_at,
            )
        )
    closing = Closing(
        isinstance(c, dict),
        _d(cm.get("expected_contact")),
        _s(cm.get("contact_method")),
        _s(cm.get("contact_person")),
        _b(cm.get("asked_next_steps")),
        steps,
        _b(cm.get("thanked_staff")),
    )

    notes = [
        Note(
            p,
            _s(x.get("to")),
            parse_moment(x.get("sent"), tz),
            _s(x.get("channel")),
            _s(x.get("text")),
        )
        for p, x in _items(d.get("thank_you"), ("thank_you",))
    ]

    r = d.get("reflection")
    rm = _map(r)
    reflection = Reflection(
        isinstance(r, dict),
        parse_moment(rm.get("written"), tz),
        _texts(rm.get("went_well")),
        _texts(rm.get("to_improve")),
    )

    follow_ups = []
    for p, x in _items(d.get("follow_ups"), ("follow_ups",)):
        by = x.get("by")
        follow_ups.append(
            FollowUp(
                p,
                parse_moment(x.get("date"), tz),
                by if by in ("me", "them") else "me",
                _s(x.get("channel")),
                _s(x.get("spoke_with")),
                _b(x.get("decision_made")),
                _b(x.get("still_considered")),
                _b(x.get("offered_more_info")),
                _b(x.get("offered_second_interview")),
                _s(x.get("notes")),
            )
        )

    o = d.get("outcome")
    om = _map(o)
    status = om.get("status")
    decision = om.get("decision")
    outcome = Outcome(
        isinstance(o, dict),
        status if status in STATUSES else "pending",
        parse_moment(om.get("date"), tz),
        _b(om.get("thanked")),
        _s(om.get("pay")),
        _s(om.get("schedule")),
        _s(om.get("benefits")),
        decision if decision in ("pending", "accepted", "declined") else None,
        _d(om.get("decision_due")),
        _b(om.get("asked_why")),
        _s(om.get("feedback")),
        _b(om.get("asked_referrals")),
        _texts(om.get("referrals")),
    )

    fmt = d.get("format")
    return Interview(
        path=path,
        record=record,
        company=_s(d.get("company")),
        role=_s(d.get("role")),
        when=parse_moment(d.get("when"), tz),
        duration=duration,
        format=fmt if fmt in ("onsite", "video", "phone") else None,
        location=_s(d.get("location")),
        round=_i(d.get("round")),
        interviewers=people,
        closing=closing,
        thank_you=notes,
        reflection=reflection,
        follow_ups=follow_ups,
        outcome=outcome,
        ignore=frozenset(_texts(d.get("ignore"))),
        notes=_s(d.get("notes")),
    )
