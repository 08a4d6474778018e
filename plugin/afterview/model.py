"""The interview as the rules see it, built leniently from loaded data.

A value of the wrong type is treated as absent here; the ``schema`` check
reports it, and findings that would point at it are held back (see checker).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Any

from afterview.loader import Path_, Record
from afterview.moments import Moment, parse_date, parse_moment


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _day(value: Any) -> date | None:
    return parse_date(value) if isinstance(value, str) else None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _entries(value: Any, path: Path_) -> list[tuple[Path_, dict[str, Any]]]:
    """The mappings of a list with their paths (anything else is the schema's concern)."""
    if not isinstance(value, list):
        return []
    return [((*path, i), item) for i, item in enumerate(value) if isinstance(item, dict)]


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [x for x in value if isinstance(x, str) and x.strip()]


def _choice(value: Any, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


def _enum(*path: str) -> tuple[str, ...]:
    """The values the schema allows at a property path (``items`` steps into a list)."""
    from afterview.schemafile import load_schema

    schema = load_schema()
    node: dict[str, Any] = schema
    for step in path:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        node = node["items"] if step == "items" else node["properties"][step]
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return tuple(node["enum"])


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
    salutation: str | None = None
    discussed: list[str] = field(default_factory=list)


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
    contact_email: str | None = None
    contact_phone: str | None = None
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
    answered: bool | None = None  # false: nobody answered (a voicemail)


@dataclass(frozen=True)
class PayAmount:
    """An offer's pay as a number: ``amount`` per ``period`` in ``currency`` (ISO 4217)."""

    amount: float
    currency: str
    period: str  # year, month or hour


@dataclass
class Outcome:
    present: bool
    status: str = "pending"
    date: Moment | None = None
    thanked: bool | None = None
    pay: str | None = None
    schedule: str | None = None
    benefits: str | None = None
    pay_amount: PayAmount | None = None
    start_date: dt.date | None = None  # dt: the field date above hides the type
    decision: str | None = None
    decision_due: dt.date | None = None
    decision_date: Moment | None = None
    asked_why: bool | None = None
    feedback: str | None = None
    asked_referrals: bool | None = None
    referrals: list[str] = field(default_factory=list)


# The enumerations, as the schema (the single source of truth) states them.
STATUSES = _enum("outcome", "status")
PERIODS = _enum("outcome", "pay_amount", "period")
DECISIONS = _enum("outcome", "decision")
FORMATS = _enum("format")
BY = _enum("follow_ups", "items", "by")


def _pay_amount(value: Any) -> PayAmount | None:
    """The structured pay when all three parts are valid, else None (the schema says why)."""
    data = _mapping(value)
    amount, currency = data.get("amount"), data.get("currency")
    period = _choice(data.get("period"), PERIODS)
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        return None
    if not (math.isfinite(amount) and amount >= 0):
        return None
    if not (isinstance(currency, str) and re.fullmatch(r"[A-Z]{3}", currency)) or period is None:
        return None
    return PayAmount(float(amount), currency, period)


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
    pitch: str | None = None  # for the drafts; overrides the settings' me.pitch
    meeting_url: str | None = None  # the video call's link (withheld when redacted)

    @property
    def named_interviewers(self) -> list[Person]:
        return [p for p in self.interviewers if p.name]


def build_interview(path: str, record: Record, tz: tzinfo) -> Interview:
    """The model of one loaded record, read in the playbook's zone tz."""
    data = record.data
    duration = _whole(data.get("duration"))
    if duration is None or not 1 <= duration <= 1440:
        duration = 60

    people = [
        Person(
            path=at,
            name=_text(entry.get("name")),
            title=_text(entry.get("title")),
            email=_text(entry.get("email")),
            phone=_text(entry.get("phone")),
            business_card=_flag(entry.get("business_card")),
            spelling_confirmed=_flag(entry.get("spelling_confirmed")),
            salutation=_text(entry.get("salutation")),
            discussed=_texts(entry.get("discussed")),
        )
        for at, entry in _entries(data.get("interviewers"), ("interviewers",))
    ]

    closing_data = _mapping(data.get("closing"))
    steps = []
    for at, entry in _entries(closing_data.get("next_steps"), ("closing", "next_steps")):
        done = entry.get("done")
        done_at = parse_moment(done, tz) if isinstance(done, str) else None
        steps.append(
            NextStep(
                path=at,
                action=_text(entry.get("action")),
                due=_day(entry.get("due")),
                done=done is True or done_at is not None,
                done_at=done_at,
            )
        )
    closing = Closing(
        present=isinstance(data.get("closing"), dict),
        expected_contact=_day(closing_data.get("expected_contact")),
        contact_method=_text(closing_data.get("contact_method")),
        contact_person=_text(closing_data.get("contact_person")),
        contact_email=_text(closing_data.get("contact_email")),
        contact_phone=_text(closing_data.get("contact_phone")),
        asked_next_steps=_flag(closing_data.get("asked_next_steps")),
        next_steps=steps,
        thanked_staff=_flag(closing_data.get("thanked_staff")),
    )

    notes = [
        Note(
            path=at,
            to=_text(entry.get("to")),
            sent=parse_moment(entry.get("sent"), tz),
            channel=_text(entry.get("channel")),
            text=_text(entry.get("text")),
        )
        for at, entry in _entries(data.get("thank_you"), ("thank_you",))
    ]

    reflection_data = _mapping(data.get("reflection"))
    reflection = Reflection(
        present=isinstance(data.get("reflection"), dict),
        written=parse_moment(reflection_data.get("written"), tz),
        went_well=_texts(reflection_data.get("went_well")),
        to_improve=_texts(reflection_data.get("to_improve")),
    )

    follow_ups = [
        FollowUp(
            path=at,
            date=parse_moment(entry.get("date"), tz),
            by=_choice(entry.get("by"), BY) or "me",
            channel=_text(entry.get("channel")),
            spoke_with=_text(entry.get("spoke_with")),
            decision_made=_flag(entry.get("decision_made")),
            still_considered=_flag(entry.get("still_considered")),
            offered_more_info=_flag(entry.get("offered_more_info")),
            offered_second_interview=_flag(entry.get("offered_second_interview")),
            notes=_text(entry.get("notes")),
            answered=_flag(entry.get("answered")),
        )
        for at, entry in _entries(data.get("follow_ups"), ("follow_ups",))
    ]

    outcome_data = _mapping(data.get("outcome"))
    outcome = Outcome(
        present=isinstance(data.get("outcome"), dict),
        status=_choice(outcome_data.get("status"), STATUSES) or "pending",
        date=parse_moment(outcome_data.get("date"), tz),
        thanked=_flag(outcome_data.get("thanked")),
        pay=_text(outcome_data.get("pay")),
        schedule=_text(outcome_data.get("schedule")),
        benefits=_text(outcome_data.get("benefits")),
        pay_amount=_pay_amount(outcome_data.get("pay_amount")),
        start_date=_day(outcome_data.get("start_date")),
        decision=_choice(outcome_data.get("decision"), DECISIONS),
        decision_due=_day(outcome_data.get("decision_due")),
        decision_date=parse_moment(outcome_data.get("decision_date"), tz),
        asked_why=_flag(outcome_data.get("asked_why")),
        feedback=_text(outcome_data.get("feedback")),
        asked_referrals=_flag(outcome_data.get("asked_referrals")),
        referrals=_texts(outcome_data.get("referrals")),
    )

    return Interview(
        path=path,
        record=record,
        company=_text(data.get("company")),
        role=_text(data.get("role")),
        when=parse_moment(data.get("when"), tz),
        duration=duration,
        format=_choice(data.get("format"), FORMATS),
        location=_text(data.get("location")),
        round=_whole(data.get("round")),
        interviewers=people,
        closing=closing,
        thank_you=notes,
        reflection=reflection,
        follow_ups=follow_ups,
        outcome=outcome,
        ignore=frozenset(_texts(data.get("ignore"))),
        notes=_text(data.get("notes")),
        pitch=_text(data.get("pitch")),
        meeting_url=_text(data.get("meeting_url")),
    )
