"""Who is who among an event's organiser and attendees (``people``): interviewers,
contacts, and the addresses left out (your own, rooms, declined, ``automated`` senders)."""

from __future__ import annotations

import re

from afterview.invite.events import Event
from afterview.invite.names import Attendee, bounded

MAX_PEOPLE = 30  # interviewers written from one invite (a panel is rarely over ten)
MAX_CONTACTS = 5  # organiser and optional attendees written as commented-out entries

_AUTOMATED = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|calendar|scheduling|scheduler|"
    r"invites?|mailer-daemon|bounce)[^@]*@",
    re.IGNORECASE,
)
# Scheduling and applicant-tracking services: an address there is not the company's.
SCHEDULERS = frozenset(
    "calendly greenhouse lever ashbyhq ashby workday myworkday smartrecruiters goodtime icims"
    " jobvite teamtailor recruitee personio workable bamboohr gem modernloop paradox"
    " greenhouse-mail prelude cronofy youcanbook.me hirevue".split()
)


def automated(email: str | None) -> bool:
    """An address that sends invites for a service rather than for a person."""
    if not email:
        return False
    if _AUTOMATED.match(email):
        return True
    labels = email.rsplit("@", 1)[-1].lower().split(".")
    return any(label in SCHEDULERS for label in labels[:-1])


_CONTACT_ROLES = frozenset({"OPT-PARTICIPANT", "NON-PARTICIPANT", "CHAIR"})


def people(event: Event, mine: set[str], notes: list[str]) -> tuple[list[Attendee], list[Attendee]]:
    """(interviewers, contacts) among the organiser and attendees (content/usage.md).

    Left out: your own addresses, rooms and resources, declined people, automated
    senders. Contacts: the organiser (Google lists them as an accepted attendee
    too) and attendees whose ROLE is OPT-PARTICIPANT, NON-PARTICIPANT or CHAIR.
    Interviewers: every other attendee (ROLE=REQ-PARTICIPANT, or no ROLE).
    """
    organizer = event.organizer
    org_email = (organizer.email or "").lower() if organizer else ""
    seen: set[str] = set()
    interviewers: list[Attendee] = []
    contacts: list[Attendee] = []
    if organizer is not None and org_email not in mine and not automated(org_email):
        person = bounded(organizer, notes)
        if person is not None:
            contacts.append(person)
            seen.add(org_email or person.name.lower())
    for raw, params in event.attendees:
        email = (raw.email or "").lower()
        if email and (email in mine or automated(email)):
            continue
        if params.get("CUTYPE", "").upper() in ("ROOM", "RESOURCE"):
            continue
        if params.get("PARTSTAT", "").upper() == "DECLINED":
            continue
        person = bounded(raw, notes)
        if person is None:
            continue
        key = email or person.name.lower()
        if key in seen:
            continue
        seen.add(key)
        if params.get("ROLE", "").upper() in _CONTACT_ROLES:
            contacts.append(person)
        else:
            interviewers.append(person)
    if len(interviewers) > MAX_PEOPLE:
        notes.append(
            f"the invite lists {len(interviewers)} people; the first {MAX_PEOPLE} are written"
            " as interviewers"
        )
        interviewers = interviewers[:MAX_PEOPLE]
    if len(contacts) > MAX_CONTACTS:
        notes.append(
            f"the invite lists {len(contacts)} organisers and optional attendees; the first"
            f" {MAX_CONTACTS} are written"
        )
        contacts = contacts[:MAX_CONTACTS]
    return interviewers, contacts
