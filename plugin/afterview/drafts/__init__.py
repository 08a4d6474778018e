"""Drafts from a record: thank-you notes, a follow-up call script or email, replies.

``make_drafts(kind, interview, clock, to=None)`` builds the template values
(``context``), renders the kind's template (``render``: the package's, or
the playbook's override) and returns one ``Draft`` per recipient. The
command line prints them or writes them as messages (``eml``); the site puts
the thank-you drafts on each interview's page (``afterview.pages.drafts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from afterview.clock import Clock
from afterview.drafts.context import (
    Placeholder,
    Recipient,
    common,
    default_recipient,
    find,
    follow_up_entry,
    offer_values,
    people,
    person_values,
    proper_words,
)
from afterview.drafts.render import KINDS, DraftError, Source, render, sources
from afterview.model import Interview
from afterview.plaintext import one_line
from afterview.progress import owed_a_note

__all__ = ["KINDS", "Draft", "DraftError", "Placeholder", "Source", "make_drafts", "sources"]


@dataclass
class Draft:
    """One rendered draft and the fields still to fill in for it."""

    kind: str
    recipient: str | None  # the name as recorded (one line), None when nobody is recorded
    email: str | None  # the recipient's recorded email, if any
    subject: str | None  # None for the follow-up call script
    body: str
    missing: list[Placeholder] = field(default_factory=list)  # placeholders left in the text
    email_field: str | None = None  # where the record holds (or would hold) that email


def _placeholders(value: Any) -> list[Placeholder]:
    if isinstance(value, Placeholder):
        return [value]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _placeholders(v)]
    if isinstance(value, list):
        return [p for v in value for p in _placeholders(v)]
    return []


def _draft(kind: str, who: Recipient | None, context: dict[str, Any], clock: Clock) -> Draft:
    subject, body = render(kind, context, clock.settings.drafts)
    shown = (subject or "") + "\n" + body
    missing: list[Placeholder] = []
    for p in _placeholders(context):
        if str(p) in shown and all(p.field != m.field for m in missing):
            missing.append(p)
    return Draft(
        kind,
        one_line(who.name) if who else None,
        one_line(who.email) if who and who.email else None,
        subject,
        body,
        missing,
        who.email_field if who else None,
    )


def make_drafts(kind: str, iv: Interview, clock: Clock, to: str | None = None) -> list[Draft]:
    """The drafts of one kind for an interview, or for the one person named by ``to``.

    ``thank-you`` without ``to``: one per named interviewer still owed a note
    (none when every one has a note; one with placeholders when the record
    names no interviewer). The other kinds make one draft, for ``to``, else
    the contact person (``closing.contact_person``, with
    ``closing.contact_email``), else the first named interviewer. Raises DraftError
    for an unknown kind or person, or a broken template.
    """
    if kind not in KINDS:
        raise DraftError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    base = common(iv, clock)
    proper = proper_words(iv)
    if kind == "thank-you":
        everyone = people(iv, with_contact=False)
        if to is not None:
            targets: list[Recipient | None] = [find(to, everyone)]
        elif not everyone:
            targets = [None]
        else:
            owed = {id(p) for p in owed_a_note(iv)}
            targets = [r for r in everyone if id(r.person) in owed]
        return [_draft(kind, r, {**base, "to": person_values(r, proper)}, clock) for r in targets]

    who = find(to, people(iv, with_contact=True)) if to is not None else default_recipient(iv)
    context = {**base, "to": person_values(who, proper), "status": iv.outcome.status}
    if kind in ("follow-up", "follow-up-email"):
        name = one_line(who.name) if who else ""
        context["entry"] = follow_up_entry(iv, clock, name, "email" if "email" in kind else "phone")
        context["has_follow_ups"] = bool(iv.follow_ups)
        others = [n for n in base["interviewers"] if not who or n != name]
        context["others"] = others
    elif kind == "offer":
        context.update(offer_values(iv, clock))
    elif kind == "position-filled":
        context["feedback"] = one_line(iv.outcome.feedback) if iv.outcome.feedback else ""
    return [_draft(kind, who, context, clock)]
