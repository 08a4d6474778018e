"""What ``afterview new`` writes for one event (``facts``), put together from the other
modules of the package, with the notes said on standard error."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from afterview.invite.events import Event
from afterview.invite.guess import MAX_GUESS, guess, round_number
from afterview.invite.listing import when_text
from afterview.invite.meeting import MAX_LOCATION, conference_link, location_text, meeting_format
from afterview.invite.names import Attendee
from afterview.invite.people import people


@dataclass
class Facts:
    """What ``afterview new`` writes for one event, and what it guessed."""

    when: str
    duration: int | None
    location: str | None
    format: str | None
    interviewers: list[Attendee]
    contacts: list[Attendee]  # organiser, optional, chair and non-participant attendees
    company: str | None
    role: str | None
    round: int | None = None
    meeting_url: str | None = None
    notes: list[str] = field(default_factory=list)  # said on standard error

    @property
    def contact(self) -> Attendee | None:
        """Who will contact you: the first of the contacts (the organiser when there is one)."""
        return self.contacts[0] if self.contacts else None


def facts(event: Event, tz: tzinfo, me: set[str]) -> Facts:
    """What the record gets from one event; me holds the person's own addresses."""
    mine = {m.lower() for m in me}
    notes: list[str] = []
    if event.zone_note:
        notes.append(event.zone_note)
    if event.recurring:
        notes.append("a repeating event: the record uses its first start")
    link = conference_link(event)
    fmt = meeting_format(event, link)
    location = location_text(event, link)
    if location is not None and len(location) > MAX_LOCATION:
        notes.append(f"the location is {len(location):,} characters long; it is left out")
        location = None
    interviewers, contacts = people(event, mine, notes)
    if not mine:
        notes.append(
            "your own address is not known (--me EMAIL, or [tool.afterview.me].email):"
            " every attendee was written as an interviewer or contact"
        )
    names = [p.name for p, _ in event.attendees]
    if event.organizer is not None:
        names.append(event.organizer.name)
    company, role = guess(event.summary, event, names)
    if company is not None and len(company) > MAX_GUESS:
        company = None
    if role is not None and len(role) > MAX_GUESS:
        role = None
    return Facts(
        when=when_text(event.start, tz),
        duration=event.duration if isinstance(event.start, datetime) else None,
        location=location,
        format=fmt,
        interviewers=interviewers,
        contacts=contacts,
        company=company,
        role=role,
        round=round_number(event.summary),
        meeting_url=link[1] if link else None,
        notes=notes,
    )
