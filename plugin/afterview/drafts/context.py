"""What a draft knows: the values its template sees, built from the record and the settings.

Every value is one line of plain text (``afterview.plaintext.one_line``), a
list of such lines, a boolean, or a ``Placeholder``: a fact the draft needs
and the record or the settings lack, written as ``[what — set FIELD]`` so it
is plain to see in the text. Optional facts that are absent are empty
strings or empty lists, so a template can test them with ``{% if %}``.
Nothing in a context is ``None``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from afterview.clock import Clock
from afterview.drafts.render import DraftError
from afterview.model import Interview, Person, normalize_name
from afterview.moments import day_in
from afterview.plaintext import join_words, one_line, yaml_scalar
from afterview.schema import field_path

SETTINGS = "settings"
RECORD = "record"

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


class Placeholder(str):
    """A missing fact shown as ``[what — set FIELD]``; ``field`` names where to fill it in."""

    field: str
    where: str

    def __new__(cls, what: str, field_name: str, where: str) -> Placeholder:
        verb = "set" if where == SETTINGS else "add"
        shown = f"[tool.afterview.me].{field_name}" if where == SETTINGS else field_name
        out = super().__new__(cls, f"[{what} — {verb} {shown}]")
        out.field = shown
        out.where = where
        return out


@dataclass
class Recipient:
    """Who a draft is for: the name as recorded, with what the record says about them."""

    name: str
    person: Person | None = None  # None for a contact person who is not an interviewer
    index: int | None = None  # position under interviewers

    @property
    def email(self) -> str | None:
        return self.person.email if self.person else None


@dataclass
class Target:
    """One draft to make: its recipient (None when nobody is recorded) and template values."""

    recipient: Recipient | None
    context: dict[str, Any] = field(default_factory=dict)


def long_day(d: date) -> str:
    """``Wednesday 18 November 2026``."""
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def day_phrase(d: date, today: date) -> str:
    """When a day was, as said in a note written today: ``today``, ``on Tuesday`` ..."""
    delta = (today - d).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta == -1:
        return "tomorrow"
    if 1 < delta < 7:
        return f"on {_DAYS[d.weekday()]}"
    same_year = d.year == today.year
    return f"on {_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]}" + (
        "" if same_year else f" {d.year}"
    )


def _fact(value: str | None, what: str, field_name: str, where: str = RECORD) -> str:
    """The value as one line, or a placeholder naming the field to fill in."""
    text = one_line(value) if value else ""
    return text if text else Placeholder(what, field_name, where)


def _person_path(r: Recipient | None, key: str) -> str:
    if r is None or r.index is None:
        return f"interviewers[].{key}"
    return f"{field_path(('interviewers', r.index))}.{key}"


def common(iv: Interview, clock: Clock) -> dict[str, Any]:
    """The values every kind's template sees."""
    me = clock.settings.me
    today = clock.now.date()
    if iv.when is not None:
        day = day_in(iv.when, clock.tz)
        interview = {"when": day_phrase(day, today), "day": long_day(day), "date": day.isoformat()}
    else:
        missing = Placeholder("the interview's date", "when", RECORD)
        interview = {"when": missing, "day": missing, "date": missing}
    expected = iv.closing.expected_contact
    return {
        "me": {
            "name": _fact(me.name, "your name", "name", SETTINGS),
            "email": one_line(me.email) if me.email else "",
            "pitch": _fact(
                me.pitch, "a sentence or two on why you are a strong fit", "pitch", SETTINGS
            ),
        },
        "company": _fact(iv.company, "the company", "company"),
        "role": _fact(iv.role, "the position", "role"),
        "interview": interview,
        "interviewers": [one_line(p.name) for p in iv.named_interviewers],
        "expected_contact": long_day(expected) if expected and expected >= today else "",
        "today": today.isoformat(),
        "record": one_line(iv.path),
    }


def person_values(r: Recipient | None) -> dict[str, Any]:
    """What a template knows about its recipient (``to``)."""
    if r is None:
        name = Placeholder("their name", "interviewers[].name", RECORD)
        return {"name": name, "salutation": name, "title": "", "email": "", "phone": "",
                "discussed": [], "topics": Placeholder(
                    "what you talked about", "interviewers[].discussed", RECORD)}  # fmt: skip
    p = r.person
    discussed = [one_line(x) for x in p.discussed] if p else []
    discussed = [x for x in discussed if x]
    name = one_line(r.name)
    topics: str = (
        join_words(discussed)
        if discussed
        else Placeholder(f"what you talked about with {name}", _person_path(r, "discussed"), RECORD)
    )
    return {
        "name": name,
        "salutation": one_line(p.salutation) if p and p.salutation else name,
        "title": one_line(p.title) if p and p.title else "",
        "email": one_line(p.email) if p and p.email else "",
        "phone": one_line(p.phone) if p and p.phone else "",
        "discussed": discussed,
        "topics": topics,
    }


def people(iv: Interview, with_contact: bool) -> list[Recipient]:
    """The people a draft may be addressed to: named interviewers (and the contact person)."""
    out = [
        Recipient(p.name, p, i)
        for i, p in enumerate(iv.interviewers)
        if p.name  # type: ignore[arg-type]
    ]
    contact = iv.closing.contact_person
    if (
        with_contact
        and contact
        and normalize_name(contact) not in {normalize_name(r.name) for r in out}
    ):
        out.append(Recipient(contact))
    return out


def find(name: str, candidates: list[Recipient]) -> Recipient:
    """The recorded person called name (compared loosely); DraftError with the closest if none."""
    key = normalize_name(name)
    for r in candidates:
        if normalize_name(r.name) == key:
            return r
    shown = one_line(name)
    if not candidates:
        raise DraftError(f"{shown!r} is not recorded: the record names nobody to address")
    keys = {normalize_name(r.name)[:200]: r.name for r in candidates}
    close = difflib.get_close_matches(key[:200], list(keys), n=1, cutoff=0.0)
    hint = f"; the closest recorded name is {one_line(keys[close[0]])!r}" if close else ""
    raise DraftError(f"{shown!r} is not among the people recorded{hint}")


def default_recipient(iv: Interview) -> Recipient | None:
    """Whom a reply goes to by default: the contact person, else the first named interviewer."""
    everyone = people(iv, with_contact=True)
    contact = iv.closing.contact_person
    if contact:
        return find(contact, everyone)
    return everyone[0] if everyone else None


def follow_up_entry(iv: Interview, clock: Clock, spoke_with: str) -> str:
    """The ``follow_ups`` entry to paste after the call, as YAML text."""
    lines = [] if iv.follow_ups else ["follow_ups:"]
    lines += [
        f"  - date: {clock.now.date().isoformat()}   # the day of the call",
        "    by: me",
        "    channel: phone",
        f"    spoke_with: {yaml_scalar(spoke_with)}"
        if spoke_with
        else "    # spoke_with: the person you spoke with",
        "    # Uncomment each answer you got, and correct it:",
        "    # decision_made: false",
        "    # still_considered: true",
        "    # offered_more_info: true",
        "    # offered_second_interview: true",
        "    # notes: what they said, and when they will decide",
        "    # answered: false   # instead of the answers, if you reached only voicemail",
    ]
    return "\n".join(lines)


_TERMS = (
    ("pay", "Pay", "the base pay, and any bonus"),
    ("schedule", "Schedule", "the working hours, and the days in the office"),
    ("benefits", "Benefits", "the health cover, retirement plan and paid time off"),
)


def offer_values(iv: Interview, clock: Clock) -> dict[str, Any]:
    """The terms to confirm, those the record lacks, and whether to ask for time."""
    o = iv.outcome
    terms = []
    for key, label, question in _TERMS:
        value = getattr(o, key)
        terms.append({"key": key, "label": label, "value": one_line(value) if value else "",
                      "question": question})  # fmt: skip
    decision_due: str = (
        long_day(o.decision_due)
        if o.decision_due
        else Placeholder("the day you will answer by", "outcome.decision_due", RECORD)
    )
    return {
        "terms": terms,
        "missing_terms": [t["key"] for t in terms if not t["value"]],
        "ask_for_time": o.decision in (None, "pending"),
        "decision_due": decision_due,
    }
