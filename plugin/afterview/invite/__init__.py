"""A record's first facts from a calendar invite (an ``.ics`` file), read with ``icalendar``.

``read_invite`` parses the file and lists its events that have a start;
``facts`` turns one event into what ``afterview new`` writes:

- ``when``: the start at the right instant, written in the playbook's zone
  with its offset. A ``TZID`` is read from the invite's ``VTIMEZONE`` or, for
  a Windows name such as ``Eastern Standard Time``, the IANA zone icalendar
  maps it to; ``Z`` is UTC; a floating time (no zone) or an unknown ``TZID``
  is read in the playbook's zone; an all-day event gives a date.
- ``duration`` in minutes from ``DTEND`` or ``DURATION`` (1 to 1440).
- ``meeting_url``: an https link from a conference property (``X-GOOGLE-CONFERENCE``,
  ``X-MICROSOFT-SKYPETEAMSMEETINGURL``, ``CONFERENCE`` ...), else a known video
  service's link (Meet, Zoom, Teams, Webex, Chime ...) in ``URL``, the location
  or the description; ``format`` is ``video`` when there is one, else
  ``onsite`` for a street address (or Apple's ``X-APPLE-STRUCTURED-LOCATION``),
  else ``phone`` for a dial-in number.
- ``location``: the ``LOCATION`` text on one line without the meeting link;
  the service's name when nothing else is left.
- ``interviewers`` and ``contacts`` (``people``): the organiser and attendees
  whose ROLE is optional, chair or non-participant are contacts; the other
  attendees interviewers; your own addresses, rooms, declined and automated
  senders left out; ``"Surname, Given"`` written ``"Given Surname"``.
- ``round`` from ``round 2`` or ``second round`` in ``SUMMARY``;
- ``company`` and ``role`` guesses from the pieces of ``SUMMARY`` (``guess``)
  and the organiser's email domain.

content/usage.md ("From a calendar invite") states each rule and bound.
Every text taken from the invite is made one line of printable text. An
invite is untrusted input: the file is at most 5 MiB; a ``VTIMEZONE`` whose
rules are not the yearly changes real zones have (a rule every second, or by
hour, minute or second) is not followed, since working out an offset from it
could take hours: the start is read in the playbook's zone, and said so;
control characters are made spaces before parsing (``without_controls``); names,
addresses, people, guesses, locations and links are bounded (``MAX_*``), so a
record stays far under the checker's 1 MiB; the library's warnings are not printed.

The package, one module per job:

- ``events``: the file's bytes read into events (``read_invite``, ``InviteError``);
- ``names``: an attendee's name and address, written and bounded;
- ``people``: who is an interviewer and who a contact;
- ``meeting``: the meeting's link, format and location;
- ``guess``: round, company and role from the title and the organiser's domain;
- ``listing``: a start written, and the events listed to choose from;
- ``facts``: what the record gets from one event (``Facts``).
"""

from afterview.invite.events import (
    CONFERENCE_PROPERTIES,
    MAX_BYTES,
    OTHER_LINK_PROPERTIES,
    Event,
    InviteError,
    read_invite,
    without_controls,
)
from afterview.invite.facts import Facts, facts
from afterview.invite.guess import MAX_GUESS, MAX_TITLE, company_from_domain, guess, round_number
from afterview.invite.listing import MAX_LISTED, describe, listing, soonest_first, when_text
from afterview.invite.meeting import (
    MAX_LOCATION,
    MAX_URL,
    VIDEO_HOSTS,
    conference_link,
    meeting_link,
)
from afterview.invite.names import MAX_EMAIL, MAX_NAME, Attendee, bounded, person_name
from afterview.invite.people import MAX_CONTACTS, MAX_PEOPLE, automated, people

__all__ = [
    "Attendee",
    "CONFERENCE_PROPERTIES",
    "Event",
    "Facts",
    "InviteError",
    "MAX_BYTES",
    "MAX_CONTACTS",
    "MAX_EMAIL",
    "MAX_GUESS",
    "MAX_LISTED",
    "MAX_LOCATION",
    "MAX_NAME",
    "MAX_PEOPLE",
    "MAX_TITLE",
    "MAX_URL",
    "OTHER_LINK_PROPERTIES",
    "VIDEO_HOSTS",
    "automated",
    "bounded",
    "company_from_domain",
    "conference_link",
    "describe",
    "facts",
    "guess",
    "listing",
    "meeting_link",
    "people",
    "person_name",
    "read_invite",
    "round_number",
    "soonest_first",
    "when_text",
    "without_controls",
]
