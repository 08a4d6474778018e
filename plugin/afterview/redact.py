"""Redaction: copies of the checked records fit to publish. The site and
``afterview render --redact`` redact through this module only.

What a redacted copy holds (content/security.md says the same to users):

* every person field (``interviewers[].name``, ``closing.contact_person``,
  ``follow_ups[].spoke_with``, ``thank_you[].to``) shows initials, and the
  interviewers' ``email`` and ``phone`` are gone;
* no email address and no phone number of anyone in any text: found by
  shape, not by the record's own fields (``Name <address>``, ``mailto:``,
  ``name (at) host (dot) com``; international, national, dotted, dashed,
  parenthesised numbers, with extensions; any run of 7 or more digits that is
  not a date or a time);
* the names of the people the records know (interviewers, the person fields,
  names in ``outcome.referrals``) are replaced by their initials in every
  text of every record, in their usual variants: other case, accents or none,
  composed or decomposed Unicode, curly or straight apostrophes, hyphen or
  space, "Surname, Given", a middle name or initial, and the given name or
  the surname alone (a surname or given name that is also a common English
  word, such as "Will" or "Brown", only when capitalised);
* a record file name that holds a name, email or number is renamed (it
  becomes the page's address);
* unless ``publish_private`` is set, the private texts are withheld: offer
  terms (pay, pay_amount, start_date, schedule, benefits), feedback, the
  reflection's items, every ``notes`` field and the thank-you notes' text.

This module applies redaction to records and outputs; what is matched, and
how, is ``afterview.redaction`` (folding, emails and phones, names, the
``Scrubber``). Matching is designed once: a text is *folded* with a map from
each folded character back to the original one; the email and phone patterns
run on the folded text; names are matched word by word over the folded text's
words, looked up in an index from each known name's words to the person, so a
thousand people cost no regular expression each. The matches are replaced in
the original text, with the person's initials or "(email withheld)" /
"(phone withheld)".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import Any

from afterview.checker import FileResult
from afterview.findings import Finding
from afterview.loader import Record
from afterview.model import Interview, Person
from afterview.redaction import WITHHELD
from afterview.redaction.contacts import EMAIL_WITHHELD, PHONE_WITHHELD
from afterview.redaction.fold import Folded, fold, fold_text
from afterview.redaction.names import (
    COMMON_WORDS,
    HONORIFICS,
    PARTICLES,
    ROLE_WORDS,
    initials,
    is_role,
    looks_like_name,
    name_words,
    names_in_free_text,
)
from afterview.redaction.raw import people_in_raw
from afterview.redaction.scrubber import KEEP, Scrubber

__all__ = [
    "WITHHELD",
    "COMMON_WORDS",
    "EMAIL_WITHHELD",
    "HONORIFICS",
    "KEEP",
    "PARTICLES",
    "PHONE_WITHHELD",
    "ROLE_WORDS",
    "Folded",
    "Scrubber",
    "fold",
    "fold_text",
    "initials",
    "is_role",
    "looks_like_name",
    "name_words",
    "notice",
    "redact",
    "redact_finding",
    "redact_results",
    "scrubber_for",
]

# Private texts, withheld from a redacted build unless publish_private is set
# (the names of the fields, in the loaded data and in the model alike).
PRIVATE = frozenset(
    {
        *("pay", "pay_amount", "start_date", "schedule", "benefits"),  # offer terms
        *("feedback", "went_well", "to_improve", "notes"),
    }
)
# A person's own contact, never published: the interviewers' and the closing's.
CONTACT_FIELDS = frozenset({"email", "phone", "contact_email", "contact_phone"})
PRIVATE_IN = {"thank_you": frozenset({"text"})}  # private only inside these lists

NOTICE = (
    '!!! note "A redacted build"\n\n'
    "    This site is built with `redact: true`: people appear as initials; email\n"
    "    addresses and phone numbers are withheld, and so are{private} the names of\n"
    "    the people your records mention wherever they appear. Company, role, dates\n"
    "    and the state of each step are published.\n"
)
PRIVATE_NOTICE = " offer terms, feedback, reflections, notes, the text of thank-you notes, and"


def notice(publish_private: bool) -> str:
    """The admonition a redacted status page starts with: what this build hides."""
    return NOTICE.format(private="" if publish_private else PRIVATE_NOTICE)


# ---------------------------------------------------------------- records


def people_of(interviews: Iterable[Interview]) -> list[Person]:
    """Every person with a contact: the interviewers and each closing's contact person
    (``contact_email`` and ``contact_phone`` are that person's)."""
    out = [p for iv in interviews for p in iv.interviewers]
    for iv in interviews:
        c = iv.closing
        if c.contact_email or c.contact_phone:
            out.append(
                Person(("closing",), None, None, c.contact_email, c.contact_phone, None, None)
            )
    return out


def named_in_fields(iv: Interview, companies: Iterable[str] = ()) -> list[str]:
    """Names written in the person fields and in ``outcome.referrals``."""
    values = [n.to for n in iv.thank_you] + [f.spoke_with for f in iv.follow_ups]
    values.append(iv.closing.contact_person)
    names = [v for v in values if v and not is_role(v)]
    for referral in iv.outcome.referrals:
        names += names_in_free_text(referral, companies)
    return names


def scrubber_for(interviews: Sequence[Interview], unloaded: Iterable[str] = ()) -> Scrubber:
    """One scrubber that knows every person of every record: of the interviews, and of
    the records that did not load, read from their raw texts (``unloaded``)."""
    companies = [iv.company for iv in interviews if iv.company]
    names = [n for iv in interviews for n in named_in_fields(iv, companies)]
    people = people_of(interviews)
    for text in unloaded:
        found, contacts = people_in_raw(text)
        names += found
        people += [Person(("raw",), None, None, c, c, None, None) for c in contacts]
    return Scrubber(people, names)


def _person(value: str | None, scrubbed: str | None) -> str | None:
    """A person field as published: initials, or a role ('the recruiter') as scrubbed."""
    if value is None:
        return None
    return scrubbed if is_role(value) else initials(value)


def _withhold(value: Any) -> Any:
    """A private value as published: a text or a mapping (``pay_amount``) as WITHHELD, a
    list as one WITHHELD item; nothing stays nothing."""
    if value is None:
        return None
    if isinstance(value, list):
        return [WITHHELD] if value else []
    return WITHHELD


def _withhold_data(data: Any, inside: str | None = None) -> Any:
    """The loaded data with every private text withheld."""
    if isinstance(data, list):
        return [_withhold_data(x, inside) for x in data]
    if not isinstance(data, dict):
        return data
    hidden = PRIVATE | PRIVATE_IN.get(inside or "", frozenset())
    return {
        k: _withhold(v) if k in hidden else _withhold_data(v, k if isinstance(v, list) else None)
        for k, v in data.items()
    }


def _person_data(data: dict[str, Any], original: dict[str, Any]) -> dict[str, Any]:
    """The loaded data with person fields as initials and no interviewer contact."""
    data = dict(data)

    def person(value: Any, raw: Any) -> Any:
        return _person(raw, value) if isinstance(raw, str) and isinstance(value, str) else value

    def items(key: str, field: str) -> None:
        new, old = data.get(key), original.get(key)
        if isinstance(new, list) and isinstance(old, list) and len(new) == len(old):
            data[key] = [
                {**x, field: person(x.get(field), y.get(field))}
                if isinstance(x, dict) and isinstance(y, dict) and field in x
                else x
                for x, y in zip(new, old, strict=True)
            ]

    items("interviewers", "name")
    items("thank_you", "to")
    items("follow_ups", "spoke_with")
    if isinstance(data.get("interviewers"), list):
        data["interviewers"] = [
            {k: v for k, v in x.items() if k not in CONTACT_FIELDS} if isinstance(x, dict) else x
            for x in data["interviewers"]
        ]
    closing, raw = data.get("closing"), original.get("closing")
    if isinstance(closing, dict) and isinstance(raw, dict):
        closing = {k: v for k, v in closing.items() if k not in CONTACT_FIELDS}
        if "contact_person" in closing:
            closing["contact_person"] = person(closing["contact_person"], raw.get("contact_person"))
        data["closing"] = closing
    return data


def redact(
    iv: Interview, scrubber: Scrubber | None = None, publish_private: bool = False
) -> Interview:
    """A redacted copy of iv (scrubbing with the given scrubber, else one for iv alone)."""
    s = scrubber or scrubber_for([iv])
    out: Interview = s.obj(iv)
    people = [
        dataclasses.replace(
            p, name=initials(orig.name) if orig.name else None, email=None, phone=None
        )
        for p, orig in zip(out.interviewers, iv.interviewers, strict=True)
    ]
    closing = dataclasses.replace(
        out.closing,
        contact_person=_person(iv.closing.contact_person, out.closing.contact_person),
        contact_email=None,
        contact_phone=None,
    )
    notes = [
        dataclasses.replace(n, to=_person(orig.to, n.to))
        for n, orig in zip(out.thank_you, iv.thank_you, strict=True)
    ]
    follow_ups = [
        dataclasses.replace(f, spoke_with=_person(orig.spoke_with, f.spoke_with))
        for f, orig in zip(out.follow_ups, iv.follow_ups, strict=True)
    ]
    data = _person_data(out.record.data, iv.record.data)
    data.pop("meeting_url", None)  # a meeting link can hold a passcode: never published
    out = dataclasses.replace(
        out,
        meeting_url=None,
        path=s.path(iv.path),
        interviewers=people,
        closing=closing,
        thank_you=notes,
        follow_ups=follow_ups,
    )
    if not publish_private:
        data = _withhold_data(data)
        out = dataclasses.replace(
            out,
            notes=_withhold(out.notes),
            thank_you=[dataclasses.replace(n, text=_withhold(n.text)) for n in out.thank_you],
            follow_ups=[dataclasses.replace(f, notes=_withhold(f.notes)) for f in out.follow_ups],
            reflection=dataclasses.replace(
                out.reflection,
                went_well=_withhold(out.reflection.went_well),
                to_improve=_withhold(out.reflection.to_improve),
            ),
            outcome=dataclasses.replace(
                out.outcome,
                pay=_withhold(out.outcome.pay),
                pay_amount=None,  # a number has no "withheld" form: the pages show none
                start_date=None,
                schedule=_withhold(out.outcome.schedule),
                benefits=_withhold(out.outcome.benefits),
                feedback=_withhold(out.outcome.feedback),
            ),
        )
    record = Record(data, out.record.marks, out.record.key_marks)
    return dataclasses.replace(out, record=record)


# How schema.py quotes a value it refuses: "the text 'Salary talk went well'" (a repr).
_QUOTED_TEXT = re.compile(r"""the text (?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")


def redact_finding(f: Finding, scrubber: Scrubber, publish_private: bool = False) -> Finding:
    """The finding with its message scrubbed and its file renamed as its record is.

    Unless private notes are published, a value the message quotes ("got the text '…'")
    is withheld too: a note written where a list was expected is still a private note.
    """
    message = f.message if publish_private else _QUOTED_TEXT.sub("text (not published)", f.message)
    return dataclasses.replace(f, message=scrubber.text(message), path=scrubber.path(f.path))


def results_scrubber(results: Sequence[FileResult]) -> Scrubber:
    """The scrubber that knows every person of these results, loaded or not."""
    return scrubber_for(
        [r.interview for r in results if r.interview is not None],
        [r.raw for r in results if r.interview is None and r.raw],
    )


def redact_results(
    results: Iterable[FileResult], publish_private: bool = False, scrubber: Scrubber | None = None
) -> list[FileResult]:
    """Redacted copies of every result; each is scrubbed of every record's people (by
    ``scrubber`` when given: ``results_scrubber`` of the same results)."""
    results = list(results)
    scrubber = scrubber or results_scrubber(results)
    return [
        FileResult(
            scrubber.path(r.path),
            [redact_finding(f, scrubber, publish_private) for f in r.findings],
            redact(r.interview, scrubber, publish_private) if r.interview is not None else None,
        )
        for r in results
    ]
