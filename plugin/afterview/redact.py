"""Redaction: a copy of an interview fit to publish without interviewers' details.

Interviewers' names become initials, their emails and phone numbers are
dropped, and those names (and the names written in ``to``, ``spoke_with`` and
``contact_person``, when they look like names), emails and numbers are also
scrubbed from every
text field of the record (notes, feedback, ``spoke_with``, ``contact_person``,
thank-you ``to`` and ``text``, ...), from the loaded data itself and from the
findings' messages. The site redacts through this module only.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from afterview.checker import FileResult
from afterview.findings import Finding
from afterview.loader import Record
from afterview.model import Interview, Person
from afterview.moments import Moment

# Fields that hold fixed words, dates or ids rather than free text: never scrubbed,
# so that redaction cannot turn `status: offer` or a date into something else.
KEEP = frozenset(
    {
        "path",
        "status",
        "decision",
        "by",
        "channel",
        "format",
        "ignore",
        "version",
        "when",
        "sent",
        "date",
        "done",
        "written",
        "expected_contact",
        "due",
        "decision_due",
        "duration",
        "round",
    }
)
EMAIL_WITHHELD = "(email withheld)"
PHONE_WITHHELD = "(phone withheld)"


def initials(name: str) -> str:
    """'Dana Whitfield' -> 'D. W.' (idempotent: 'D. W.' stays 'D. W.')."""
    return " ".join(part[0].upper() + "." for part in name.split() if part[0].isalnum()) or "?"


_NAME_LIKE = re.compile(r"^\s*(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’.-]*\s*$")


def looks_like_name(text: str) -> bool:
    """Two to four words, each starting with a capital letter: 'Hana Petrova'."""
    return bool(_NAME_LIKE.match(text)) and all(w[0].isupper() for w in text.split())


def named_in_fields(iv: Interview) -> list[str]:
    """Names written in the person fields: thank-you ``to``, ``spoke_with``, ``contact_person``."""
    values = [n.to for n in iv.thank_you] + [f.spoke_with for f in iv.follow_ups]
    values.append(iv.closing.contact_person)
    return [v for v in values if v and looks_like_name(v)]


class Scrubber:
    """Replaces known names, emails and phone numbers in any text."""

    def __init__(self, people: Iterable[Person], other_names: Iterable[str] = ()) -> None:
        subs: list[tuple[re.Pattern[str], str]] = []
        names: set[str] = set()
        for p in people:
            if p.email:
                subs.append((re.compile(re.escape(p.email.strip()), re.IGNORECASE), EMAIL_WITHHELD))
            if p.phone:
                subs.extend((pat, PHONE_WITHHELD) for pat in _phone_patterns(p.phone))
            if p.name:
                names.add(" ".join(p.name.split()))
        names.update(" ".join(n.split()) for n in other_names)
        for name in sorted(names, key=len, reverse=True):
            tokens = name.split()
            pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, tokens)) + r"(?!\w)"
            subs.append((re.compile(pattern, re.IGNORECASE), initials(name)))
        self._subs = subs

    def text(self, value: str) -> str:
        for pattern, replacement in self._subs:
            value = pattern.sub(replacement, value)
        return value

    def data(self, value: Any) -> Any:
        """Scrub every string in plain loaded data (keys are field names and stay)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.data(v) for v in value]
        if isinstance(value, dict):
            return {k: v if k in KEEP else self.data(v) for k, v in value.items()}
        return value

    def obj(self, value: Any) -> Any:
        """Scrub every string field of a dataclass tree (model objects, findings)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.obj(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.obj(v) for v in value)
        if isinstance(value, (frozenset, Moment)):
            return value
        if isinstance(value, Record):
            return Record(self.data(value.data), dict(value.marks), dict(value.key_marks))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {
                f.name: self.obj(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.init and f.name not in KEEP
            }
            return dataclasses.replace(value, **changes)
        return value


def _phone_patterns(phone: str) -> list[re.Pattern[str]]:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 5:
        return [re.compile(re.escape(phone.strip()))]
    variants = {digits}
    if len(digits) == 11 and digits.startswith("1"):
        variants.add(digits[1:])
    sep = r"[\s().\-/]*"
    return [
        re.compile(r"\+?" + sep.join(v) + r"(?!\d)")
        for v in sorted(variants, key=len, reverse=True)
    ]


def people_of(interviews: Iterable[Interview]) -> list[Person]:
    return [p for iv in interviews for p in iv.interviewers]


def redact(iv: Interview, scrubber: Scrubber | None = None) -> Interview:
    """A redacted copy of iv (scrubbing with the given scrubber, else iv's own people)."""
    s = scrubber or Scrubber(iv.interviewers, named_in_fields(iv))
    out: Interview = s.obj(iv)
    people = [
        dataclasses.replace(p, name=initials(p.name) if p.name else None, email=None, phone=None)
        for p in out.interviewers
    ]
    data = dict(out.record.data)
    if isinstance(data.get("interviewers"), list):
        data["interviewers"] = [
            {k: v for k, v in x.items() if k not in ("email", "phone")}
            if isinstance(x, dict)
            else x
            for x in data["interviewers"]
        ]
    record = Record(data, out.record.marks, out.record.key_marks)
    return dataclasses.replace(out, interviewers=people, record=record)


def redact_finding(f: Finding, scrubber: Scrubber) -> Finding:
    return dataclasses.replace(f, message=scrubber.text(f.message))


def redact_results(results: Iterable[FileResult]) -> list[FileResult]:
    """Redacted copies of every result; each is scrubbed of every record's people."""
    results = list(results)
    interviews = [r.interview for r in results if r.interview is not None]
    names = [n for iv in interviews for n in named_in_fields(iv)]
    scrubber = Scrubber(people_of(interviews), names)
    return [
        FileResult(
            r.path,
            [redact_finding(f, scrubber) for f in r.findings],
            redact(r.interview, scrubber) if r.interview is not None else None,
        )
        for r in results
    ]
