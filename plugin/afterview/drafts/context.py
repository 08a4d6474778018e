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
import re
from collections.abc import Callable
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


PITCH = "a sentence or two on why you are a strong fit"


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
    """Who a draft is for: the name as recorded, with what the record says about them.

    The contact person (``closing.contact_person``) carries the contact's
    email and phone (``closing.contact_email``, ``closing.contact_phone``);
    when they are also an interviewer, what their interviewer entry records
    comes first.
    """

    name: str
    person: Person | None = None  # None for a contact person who is not an interviewer
    index: int | None = None  # position under interviewers
    is_contact: bool = False  # the record's closing.contact_person
    contact_email: str | None = None
    contact_phone: str | None = None

    @property
    def email(self) -> str | None:
        return (self.person.email if self.person else None) or self.contact_email

    @property
    def phone(self) -> str | None:
        return (self.person.phone if self.person else None) or self.contact_phone

    @property
    def email_field(self) -> str:
        """Where the record would hold this person's email."""
        if self.is_contact and (self.person is None or not self.person.email):
            return "closing.contact_email"
        return _person_path(self, "email")


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


def dated_phrase(d: date, today: date) -> str:
    """``day_phrase`` naming the date once: ``on Tuesday (Tuesday 16 March 2027)``,
    but ``on Tuesday 16 March`` alone, never the date twice."""
    phrase = day_phrase(d, today)
    if any(c.isdigit() for c in phrase):
        return phrase
    return f"{phrase} ({long_day(d)})"


# Capitalised words that stay capitalised at the start of a discussed item: days,
# months, and names of tools and products an interview is often about.
PROPER_NOUNS = frozenset(
    [d.casefold() for d in _DAYS] + [m.casefold() for m in _MONTHS]
    + "airflow android angular ansible apache azure bigquery cassandra chef clickhouse"
    " dagster databricks datadog debian django docker elasticsearch excel figma flask"
    " flink git github gitlab golang google grafana hadoop helm hive java javascript"
    " jenkins jira kafka kotlin kubernetes linux looker metabase microsoft mongodb mysql"
    " nginx oracle pandas postgres postgresql power prometheus puppet python pytorch"
    " rails react redis redshift ruby rust salesforce sap scala slack snowflake spark"
    " splunk spring sql swift tableau tensorflow terraform trino typescript ubuntu"
    " unix vue windows".split()
)  # fmt: skip


def proper_words(iv: Interview) -> frozenset[str]:
    """Words the record itself writes capitalised other than at the start of a text
    or a sentence, and every word of the company, the role and the people's names:
    names, which a draft keeps capitalised (folded)."""
    out: set[str] = set()
    names = [iv.company, iv.role, iv.closing.contact_person]
    names += [p.name for p in iv.interviewers]
    for text in names:
        out.update(w.casefold() for w in re.findall(r"[^\W\d_]+", text or ""))

    def walk(value: object) -> None:
        if isinstance(value, str):
            for sentence in re.split(r"[.!?:;\n]+", value):
                words = re.findall(r"[^\W\d_]+", sentence)
                out.update(w.casefold() for w in words[1:] if w[0].isupper())
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(iv.record.data)
    return frozenset(out)


def mid_sentence(item: str, proper: frozenset[str] = frozenset()) -> str:
    """A recorded item as written inside a sentence: "Backfilling a Kafka topic" ->
    "backfilling a Kafka topic".

    Only the first letter changes, and only when the first word is a plain
    capitalised word (one capital, then lowercase letters: not "AWS", "dbt",
    "iOS" or "I") followed by more words, and is not a name: not a word the
    record capitalises elsewhere (``proper_words``), not a day, a month or one
    of ``PROPER_NOUNS``. A one-word item is left alone (it is most often a name).
    """
    first, sep, _rest = item.partition(" ")
    if (
        not sep
        or len(first) < 2
        or not first.isalpha()
        or not first[0].isupper()
        or not first[1:].islower()
        or first.casefold() in proper
        or first.casefold() in PROPER_NOUNS
    ):
        return item
    return first[0].lower() + item[1:]


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
        interview = {
            "when": day_phrase(day, today),
            "dated": dated_phrase(day, today),
            "day": long_day(day),
            "date": day.isoformat(),
        }
    else:
        missing = Placeholder("the interview's date", "when", RECORD)
        interview = {"when": missing, "dated": missing, "day": missing, "date": missing}
    expected = iv.closing.expected_contact
    return {
        "me": {
            "name": _fact(me.name, "your name", "name", SETTINGS),
            "email": one_line(me.email) if me.email else "",
            "pitch": one_line(iv.pitch) if iv.pitch else _fact(me.pitch, PITCH, "pitch", SETTINGS),
        },
        "company": _fact(iv.company, "the company", "company"),
        "role": _fact(iv.role, "the position", "role"),
        "interview": interview,
        "interviewers": [one_line(p.name) for p in iv.named_interviewers],
        "expected_contact": long_day(expected) if expected and expected >= today else "",
        "today": today.isoformat(),
        "record": one_line(iv.path),
    }


def person_values(r: Recipient | None, proper: frozenset[str] = frozenset()) -> dict[str, Any]:
    """What a template knows about its recipient (``to``).

    ``discussed`` items are written mid-sentence (``mid_sentence``; ``proper``
    holds the words the record capitalises as names).
    """
    if r is None:
        unknown = Placeholder("their name", "interviewers[].name", RECORD)
        return {"name": unknown, "salutation": unknown, "title": "", "email": "", "phone": "",
                "discussed": [], "topics": Placeholder(
                    "what you talked about", "interviewers[].discussed", RECORD)}  # fmt: skip
    p = r.person
    discussed = [one_line(x) for x in p.discussed] if p else []
    discussed = [mid_sentence(x, proper) for x in discussed if x]
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
        "email": one_line(r.email) if r.email else "",
        "phone": one_line(r.phone) if r.phone else "",
        "discussed": discussed,
        "topics": topics,
    }


def people(iv: Interview, with_contact: bool) -> list[Recipient]:
    """The people a draft may be addressed to: named interviewers (and the contact person)."""
    c = iv.closing
    out = [Recipient(p.name, p, i) for i, p in enumerate(iv.interviewers) if p.name]
    contact = c.contact_person
    if not contact:
        return out
    for r in out:
        if normalize_name(r.name) == normalize_name(contact):
            r.is_contact, r.contact_email, r.contact_phone = True, c.contact_email, c.contact_phone
            return out
    if with_contact:
        out.append(Recipient(contact, None, None, True, c.contact_email, c.contact_phone))
    return out


def _words(name: str) -> list[str]:
    return normalize_name(name).replace(".", " ").split()


def find(name: str, candidates: list[Recipient]) -> Recipient:
    """The recorded person meant by name; DraftError naming the candidates or the closest.

    Compared loosely (case, spaces, Unicode composition), in three tries, the
    first that finds anyone deciding: the whole name; each word of ``name``
    a whole word of the recorded name; each word the start of a word of it,
    in order ("sam", "s ortiz" and "ortiz" all mean "Sam Ortiz"). More than
    one person found is an error that lists them.
    """
    key = normalize_name(name)
    asked = _words(name)

    def in_order(words: list[str], match: Any) -> bool:
        i = 0
        for w in words:
            if i < len(asked) and match(w, asked[i]):
                i += 1
        return i == len(asked)

    tries: tuple[Callable[[Recipient], bool], ...] = (
        lambda r: normalize_name(r.name) == key,
        lambda r: bool(asked) and in_order(_words(r.name), str.__eq__),
        lambda r: bool(asked) and in_order(_words(r.name), str.startswith),
    )
    for matches in tries:
        found = [r for r in candidates if matches(r)]
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(repr(one_line(r.name)) for r in found)
            raise DraftError(f"{one_line(name)!r} could mean {names}: give more of the name")
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
    contact = [r for r in everyone if r.is_contact]
    return contact[0] if contact else everyone[0] if everyone else None


def follow_up_entry(iv: Interview, clock: Clock, spoke_with: str, channel: str = "phone") -> str:
    """The ``follow_ups`` entry to paste after the call (or the email), as YAML text."""
    lines = [] if iv.follow_ups else ["follow_ups:"]
    what = "call" if channel == "phone" else "email"
    lines += [
        f"  - date: {clock.now.date().isoformat()}   # the day of the {what}",
        "    by: me",
        f"    channel: {channel}",
        f"    spoke_with: {yaml_scalar(spoke_with)}"
        if spoke_with
        else "    # spoke_with: the person you spoke with",
    ]
    if channel != "phone":
        lines += ["    answered: false   # no reply yet; when one comes, record its answers:"]
    else:
        lines += ["    # Uncomment each answer you got, and correct it:"]
    lines += [
        "    # decision_made: false",
        "    # still_considered: true",
        "    # offered_more_info: true",
        "    # offered_second_interview: true",
        "    # notes: what they said, and when they will decide",
    ]
    if channel == "phone":
        lines += ["    # answered: false   # instead of the answers, if you reached only voicemail"]
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
