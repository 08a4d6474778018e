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
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from afterview.plaintext import one_line

MAX_BYTES = 5 * 1024 * 1024
MAX_PEOPLE = 30  # interviewers written from one invite (a panel is rarely over ten)
MAX_CONTACTS = 5  # organiser and optional attendees written as commented-out entries
MAX_NAME = 120  # characters of a person's name; a longer one is cut at a word
MAX_EMAIL = 254  # characters of an address (RFC 5321); a longer one is left out
MAX_GUESS = 200  # characters of a company or role guessed from the title
MAX_TITLE = 400  # characters of a title guessed from; a longer one suggests nothing
MAX_LOCATION = 500  # characters of a location
MAX_URL = 2048  # characters of a meeting link; a longer one is left out
# The parts a real time zone's RRULE uses (RFC 5545 3.6.5 examples, and every
# client's output): FREQ=YEARLY;BYMONTH=3;BYDAY=2SU, with UNTIL or COUNT.
_ZONE_RULE_PARTS = frozenset({"FREQ", "BYMONTH", "BYDAY", "BYMONTHDAY", "UNTIL", "COUNT",
                              "INTERVAL", "WKST", "BYSETPOS"})  # fmt: skip
_ZONE_SUBCOMPONENTS = 100

VIDEO_HOSTS = {
    "meet.google.com": "Google Meet",
    "zoom.us": "Zoom",
    "zoomgov.com": "Zoom",
    "teams.microsoft.com": "Microsoft Teams",
    "teams.live.com": "Microsoft Teams",
    "teams.microsoft.us": "Microsoft Teams",
    "webex.com": "Webex",
    "chime.aws": "Amazon Chime",
    "gotomeeting.com": "GoTo Meeting",
    "meet.goto.com": "GoTo Meeting",
    "bluejeans.com": "BlueJeans",
    "whereby.com": "Whereby",
    "meet.jit.si": "Jitsi Meet",
}
_URL = re.compile(r"https?://[^\s<>\"'\\]+", re.IGNORECASE)
# Properties that hold the call's link itself: any https link in them is the meeting's.
CONFERENCE_PROPERTIES = (
    "X-GOOGLE-CONFERENCE",  # Google Calendar
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",  # Outlook / Exchange, Teams
    "X-MICROSOFT-ONLINEMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",  # often a sip: address, which is not kept
    "CONFERENCE",  # RFC 7986 (CONFERENCE;VALUE=URI)
)
# Properties that may hold it among other links: only a known service's link is taken.
OTHER_LINK_PROPERTIES = ("URL", "X-ZOOM-MEETING-URL")
_PHONE = re.compile(r"(?:tel:)?\+?\d[\d ().\-]{6,}\d")
_STREET = re.compile(
    r"\b\d+[a-z]?\s+[A-Za-zÀ-ÿ]|\b(?:street|st\.|avenue|ave\.?|road|rd\.?|boulevard|blvd|lane|"
    r"drive|plaza|square|suite|floor|building|straße|strasse|rue|via|calle|platz|weg)\b",
    re.IGNORECASE,
)
_FREE_MAIL = frozenset(
    "gmail googlemail google outlook hotmail live msn yahoo icloud me mac aol proton protonmail"
    " gmx web mail zoho fastmail yandex calendly greenhouse lever ashbyhq workday myworkday"
    " smartrecruiters goodtime icims jobvite teamtailor recruitee personio workable bamboohr"
    " microsoft zoom webex".split()
)
_ROLE_WORDS = re.compile(
    r"\b(?:engineer|developer|manager|analyst|designer|scientist|director|lead|architect|"
    r"consultant|specialist|coordinator|administrator|admin|intern|associate|officer|head|vp|"
    r"president|assistant|representative|technician|writer|editor|accountant|recruiter|"
    r"researcher|sre|devops|programmer|strategist|planner|owner|advisor|executive|nurse|"
    r"teacher|operator|agent|clerk|product|marketing|sales|support)s?\b",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^(?:(?:updated\s+|new\s+)?invitation(?:\s+updated)?|invite|accepted|tentative|declined|"
    r"canceled|cancelled|fwd?|re)\s*:\s*",
    re.IGNORECASE,
)


class InviteError(Exception):
    """The file is not a calendar, or holds no event with a start."""


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str | None


@dataclass
class Event:
    """One event of the invite, as read (times as icalendar gives them)."""

    number: int  # 1-based, in file order, counting only events with a start
    summary: str
    start: datetime | date
    zone_note: str | None  # why the start was read in the playbook's zone, if it was
    duration: int | None
    location: str
    description: str
    conference: list[str]  # conference properties' values (CONFERENCE_PROPERTIES)
    links: list[str]  # other properties that may hold the link (OTHER_LINK_PROPERTIES)
    structured_location: bool
    attendees: list[tuple[Attendee, dict[str, str]]]
    organizer: Attendee | None
    recurring: bool


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


def read_invite(data: bytes) -> list[Event]:
    """The events with a start in an .ics file's bytes; InviteError if it is not a calendar."""
    if len(data) > MAX_BYTES:
        raise InviteError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    from icalendar import Calendar

    with warnings.catch_warnings():  # e.g. a guessed TZID: not for the user's terminal
        warnings.simplefilter("ignore")
        try:
            calendars = Calendar.from_ical(without_controls(data), multiple=True)
        except Exception as e:  # icalendar raises ValueError, and others on odd input
            raise InviteError(f"not an iCalendar file ({one_line(e)[:200]})") from None
        if not calendars or any(c.name != "VCALENDAR" for c in calendars):
            raise InviteError("not an iCalendar file (no VCALENDAR)")
        events: list[Event] = []
        for cal in calendars:
            unsafe = _unsafe_zones(cal)
            for component in cal.walk("VEVENT"):
                event = _event(component, len(events) + 1, unsafe)
                if event is not None:
                    events.append(event)
    if not events:
        raise InviteError("the calendar holds no event with a start (DTSTART)")
    return events


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def without_controls(data: bytes) -> str:
    """The file's text with each control character and line or paragraph separator (ESC,
    U+0085, U+2028 ...) made a space, tab and line ends kept: RFC 5545 allows no control
    character in a value, and icalendar drops a property holding one, so an attendee whose
    name held one would be lost without a word (content/usage.md)."""
    return _CONTROLS.sub(" ", data.decode("utf-8", errors="replace"))


def _zone_rule_ok(rule: Any) -> bool:
    """A VTIMEZONE RRULE as real zones write it: yearly, by month and day, a few days."""
    try:
        parts = {str(k).upper(): v if isinstance(v, list) else [v] for k, v in rule.items()}
    except AttributeError:
        return False
    freq = [str(f).upper() for f in parts.get("FREQ", [])]
    if freq != ["YEARLY"] or not set(parts) <= _ZONE_RULE_PARTS:
        return False
    interval = parts.get("INTERVAL", [1])
    if len(interval) != 1 or not isinstance(interval[0], int) or interval[0] < 1:
        return False
    days = 1
    for key in ("BYMONTH", "BYDAY", "BYMONTHDAY"):
        days *= max(1, len(parts.get(key, [])))
    return days <= 31


def _unsafe_zones(cal: Any) -> set[str]:
    """The TZIDs of the calendar's VTIMEZONEs whose rules are not a real zone's."""
    out = set()
    for zone in cal.walk("VTIMEZONE"):
        subs = zone.subcomponents
        rules = []
        for sub in subs:
            value = sub.get("RRULE")
            rules += value if isinstance(value, list) else [] if value is None else [value]
        if len(subs) > _ZONE_SUBCOMPONENTS or not all(_zone_rule_ok(r) for r in rules):
            out.add(str(zone.get("TZID", "")))
    return out


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value)


def _address(value: Any) -> str | None:
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = one_line(text)
    return text if re.fullmatch(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+", text) else None


def _person(value: Any) -> tuple[Attendee, dict[str, str]]:
    params = {k.upper(): one_line(v) for k, v in getattr(value, "params", {}).items()}
    email = _address(value)
    return Attendee(person_name(params.get("CN", ""), email), email), params


def person_name(cn: str, email: str | None) -> str:
    """``"Whitfield, Dana"`` → ``Dana Whitfield``; no name (or the address) → from the address."""
    name = one_line(cn).strip("'\" ")
    if not name or (email and name.lower() == email.lower()) or "@" in name:
        if not email:
            return name
        local = email.split("@", 1)[0]
        parts = [p for p in re.split(r"[._-]+", local) if p]
        if len(parts) >= 2 and all(p.isalpha() for p in parts):
            return " ".join(p.capitalize() for p in parts)
        return local
    if name.count(",") == 1:
        surname, given = (p.strip() for p in name.split(","))
        given = re.sub(r"\s*\([^()]*\)$", "", given)  # "Park, Lee (Platform)": a department
        if surname and given and not _ROLE_WORDS.search(given):
            return f"{given} {surname}"
    return name


def _start(component: Any, unsafe: set[str]) -> tuple[datetime | date, str | None] | None:
    prop = component.get("DTSTART")
    if prop is None:
        return None
    try:
        value = prop.dt
    except Exception:  # a value icalendar could not read
        return None
    tzid = getattr(prop, "params", {}).get("TZID")
    if isinstance(value, datetime) and tzid is not None and str(tzid) in unsafe:
        note = (
            f"the invite's time zone {one_line(tzid)!r} has rules no real zone has;"
            " the start is read in the playbook's zone"
        )
        return value.replace(tzinfo=None), note
    if isinstance(value, datetime):
        if value.tzinfo is None:
            tzid = getattr(prop, "params", {}).get("TZID")
            note = (
                f"unknown time zone {one_line(tzid)!r}; the start is read in the playbook's zone"
                if tzid
                else "the start has no time zone; it is read in the playbook's zone"
            )
            return value, note
        return value, None
    if isinstance(value, date):
        return value, None
    return None


def _duration(component: Any, start: datetime | date, unsafe: set[str]) -> int | None:
    try:
        if component.get("DTEND") is not None:
            end = component.get("DTEND").dt
            if str(getattr(component.get("DTEND"), "params", {}).get("TZID")) in unsafe:
                end = end.replace(tzinfo=None)  # never ask the zone for an offset
            if isinstance(start, datetime) and isinstance(end, datetime):
                if (start.tzinfo is None) != (end.tzinfo is None):
                    return None
                delta = end - start
            else:
                return None
        elif component.get("DURATION") is not None:
            delta = component.get("DURATION").dt
            if not isinstance(delta, timedelta) or not isinstance(start, datetime):
                return None
        else:
            return None
    except Exception:  # an unreadable DTEND or DURATION
        return None
    minutes = round(delta.total_seconds() / 60)
    return minutes if 1 <= minutes <= 1440 else None


def _values(component: Any, names: tuple[str, ...]) -> list[str]:
    out = []
    for name in names:
        value = component.get(name)
        for v in value if isinstance(value, list) else [value]:
            if v is not None:
                out.append(one_line(v))
    return out


def _event(component: Any, number: int, unsafe: set[str]) -> Event | None:
    started = _start(component, unsafe)
    if started is None:
        return None
    start, zone_note = started
    raw_attendees = component.get("ATTENDEE") or []
    if not isinstance(raw_attendees, list):
        raw_attendees = [raw_attendees]
    organizer = component.get("ORGANIZER")
    conference = _values(component, CONFERENCE_PROPERTIES)
    links = _values(component, OTHER_LINK_PROPERTIES)
    location_lines = [one_line(x) for x in _text(component, "LOCATION").splitlines()]
    return Event(
        number=number,
        summary=one_line(_text(component, "SUMMARY")),
        start=start,
        zone_note=zone_note,
        duration=_duration(component, start, unsafe),
        location=", ".join(x for x in location_lines if x),
        description=_text(component, "DESCRIPTION"),
        conference=conference,
        links=links,
        structured_location=component.get("X-APPLE-STRUCTURED-LOCATION") is not None,
        attendees=[_person(a) for a in raw_attendees],
        organizer=_person(organizer)[0] if organizer is not None else None,
        recurring=component.get("RRULE") is not None,
    )


def _https(url: str) -> tuple[str, str] | None:
    """(host, url) for an https link with a host and no user part, at most MAX_URL long."""
    url = url.rstrip(".,;:)]>")
    m = re.match(r"https://([^/?#]+)", url, re.IGNORECASE)
    if not m or len(url) > MAX_URL or "@" in m.group(1):
        return None
    host = m.group(1).split(":")[0].lower().rstrip(".")
    return (host, url) if "." in host else None


def _service(host: str) -> str | None:
    for known, service in VIDEO_HOSTS.items():
        if host == known or host.endswith("." + known):
            return service
    return None


# A service's links that join nothing: Teams' meeting options, Zoom's local numbers.
_NOT_JOIN = re.compile(r"^https://[^/]+/(?:meetingoptions|u/|zoomconference|support)",
                       re.IGNORECASE)  # fmt: skip


def meeting_link(texts: list[str]) -> tuple[str, str] | None:
    """The first https link of a known video service in the texts that joins a call, with
    the service's name."""
    for text in texts:
        for m in _URL.finditer(text):
            found = _https(m.group(0))
            if found and not _NOT_JOIN.match(found[1]) and (service := _service(found[0])):
                return service, found[1]
    return None


def conference_link(event: Event) -> tuple[str, str] | None:
    """The meeting's link and service: a conference property's https link (any host), else a
    known service's link in the other link properties, the location or the description."""
    for text in event.conference:
        for m in _URL.finditer(text):
            found = _https(m.group(0))
            if found:
                return _service(found[0]) or "Video call", found[1]
    return meeting_link([*event.links, event.location, event.description])


def _format(event: Event, link: tuple[str, str] | None) -> str | None:
    if link is not None:
        return "video"
    location = event.location
    if location and not _URL.fullmatch(location):
        without_phones = _PHONE.sub("", location)
        if event.structured_location or _STREET.search(without_phones):
            return "onsite"
    phone_texts = [location, event.description, *event.conference]
    if any(_PHONE.search(t) for t in phone_texts if t) or re.search(
        r"\bphone\b|\bcall\b", event.summary, re.IGNORECASE
    ):
        return "phone"
    return None


def when_text(start: datetime | date, tz: tzinfo) -> str:
    """The start as the record writes it: a date, or the instant in the playbook's zone."""
    if not isinstance(start, datetime):
        return start.isoformat()
    try:
        local = start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)
    except OverflowError:  # year 1 or 9999 near the edge: the caller refuses the year
        local = start.replace(tzinfo=None)
    return local.replace(microsecond=0).isoformat()


def describe(event: Event, tz: tzinfo) -> str:
    """One line naming an event, for choosing among several."""
    summary = event.summary[:MAX_GUESS] or "(no title)"
    return f"{event.number:>4}. {when_text(event.start, tz)}  {summary}"


MAX_LISTED = 20  # events listed when an invite holds several


def soonest_first(events: list[Event], tz: tzinfo, now: datetime) -> list[Event]:
    """The events from the soonest upcoming (at or after now) to the last, then the past
    ones from the most recent back; a date alone counts from its midnight."""

    def instant(event: Event) -> datetime:
        start = event.start
        if not isinstance(start, datetime):
            start = datetime(start.year, start.month, start.day)
        try:
            return start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)
        except OverflowError:  # year 1 or 9999 near the edge
            return start.replace(tzinfo=tz)

    upcoming = sorted((e for e in events if instant(e) >= now), key=instant)
    past = sorted((e for e in events if instant(e) < now), key=instant, reverse=True)
    return upcoming + past


def listing(events: list[Event], tz: tzinfo, now: datetime) -> list[str]:
    """At most MAX_LISTED lines naming events, soonest upcoming first (``soonest_first``),
    each with the number --event takes, then "N more" when some are left out."""
    shown = soonest_first(events, tz, now)[:MAX_LISTED]
    lines = [describe(e, tz) for e in shown]
    if len(events) > len(shown):
        lines.append(f"      {len(events) - len(shown)} more (past ones last)")
    return lines


_AUTOMATED = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|calendar|scheduling|scheduler|"
    r"invites?|mailer-daemon|bounce)[^@]*@",
    re.IGNORECASE,
)
# Scheduling and applicant-tracking services: an address there is not the company's.
_SCHEDULERS = frozenset(
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
    return any(label in _SCHEDULERS for label in labels[:-1])


_CONTACT_ROLES = frozenset({"OPT-PARTICIPANT", "NON-PARTICIPANT", "CHAIR"})


def bounded(person: Attendee, notes: list[str]) -> Attendee | None:
    """The person with a name of at most MAX_NAME characters (cut at a word) and an address of
    at most MAX_EMAIL (else left out), each said in notes; None when no name is left."""
    name, email = person.name, person.email
    if email is not None and len(email) > MAX_EMAIL:
        notes.append(f"an address of {len(email):,} characters is left out")
        email = None
        if "@" in name or not name:
            name = ""
    if len(name) > MAX_NAME:
        cut = name[:MAX_NAME].rsplit(" ", 1)[0] if " " in name[:MAX_NAME] else name[:MAX_NAME]
        notes.append(f"a name of {len(name):,} characters is cut to {len(cut)}: {cut[:40]!r}...")
        name = cut
    return Attendee(name, email) if name else None


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


def _location(event: Event, link: tuple[str, str] | None) -> str | None:
    """The location with the meeting's link taken out (it goes to meeting_url, which a
    redacted site never shows); the service's name when nothing else is left."""
    location = event.location
    if link is not None:
        location = _URL.sub(lambda m: "" if _https(m.group(0)) else m.group(0), location)
        location = location.strip(" \t;,:|-–—")
        location = location or link[0]
    return location or None


def facts(event: Event, tz: tzinfo, me: set[str]) -> Facts:
    """What the record gets from one event; me holds the person's own addresses."""
    mine = {m.lower() for m in me}
    notes: list[str] = []
    if event.zone_note:
        notes.append(event.zone_note)
    if event.recurring:
        notes.append("a repeating event: the record uses its first start")
    link = conference_link(event)
    fmt = _format(event, link)
    location = _location(event, link)
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


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def round_number(summary: str) -> int | None:
    """``round 2``, ``2nd round``, ``second round`` in a summary; None otherwise."""
    m = re.search(
        r"\bround\s*(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\s+round\b"
        r"|\b(first|second|third|fourth|fifth)\s+round\b",
        summary,
        re.IGNORECASE,
    )
    if not m:
        return None
    if m.group(3):
        return _ORDINALS[m.group(3).lower()]
    n = int(m.group(1) or m.group(2))
    return n if n >= 1 else None


_STAGE_NOUN = (
    r"interviews?|screen(?:ing)?|call|chat|round|loop|on-?site|conversation|meeting|session|"
    r"assessment|discussion|debrief|superday|presentation|exercise|challenge|review|sync|"
    r"catch-?up|coffee|visit|intro(?:duction)?|panel|1:1|one-on-one|meet\s*(?:&|and)\s*greet|day"
)
_STAGE_ADJ = (
    r"hiring\s+manager|recruiter|hr|technical|tech|coding|final|phone|video|virtual|on-?site|"
    r"initial|intro(?:ductory)?|first|second|third|fourth|fifth|next|\d+(?:st|nd|rd|th)|team|"
    r"panel|peer|behaviou?ral|culture(?:\s+fit)?|values|system\s+design|case\s+study|"
    r"portfolio|pair(?:\s+programming)?|take-?home|follow-?up|leadership|executive|founder|"
    r"ceo|cto|live|whiteboard|zoom|teams|google\s+meet|webex|remote|in-?person|job|candidate|"
    r"\d+\s*(?:-\s*)?(?:min(?:ute)?s?|hours?|hrs?)|"
    r"(?:round|stage|part)\s*\d+|\d+"
)
# A run of stage words ending a piece: "Technical Interview", "Final Round", "Onsite".
_STAGE_TAIL = re.compile(
    rf"(?:^|\s)(?:(?:{_STAGE_ADJ})\s+)*(?:{_STAGE_NOUN})(?:\s*\d+)?\s*$", re.IGNORECASE
)
_FILLER = re.compile(
    r"^(?:the|a|an|our|your)\s+|\s+(?:role|position|job|opening|team)$|\s+(?:scheduled|"
    r"confirmed|rescheduled|updated|invitation|invite|request|reminder)$|\s+between\s.*$",
    re.IGNORECASE,
)
# Requisition numbers (R-01234, JR-2291, #4521) and work arrangements: not a company or role.
_ASIDE = re.compile(
    r"\s*\((?:remote|hybrid|on-?site|in-?office|contract|full[- ]time|part[- ]time|"
    r"(?:[a-z]{1,5}-|#|req\.?\s*#?)?\d{3,}[\w-]*)\)|(?:^|\s)(?:req\.?\s*#?|#|[a-z]{1,5}-)\d{3,}[\w-]*$",
    re.IGNORECASE,
)
# Between a summary's pieces: " | ", " - ", ": ", " <> ", " x ", " / ", ", ", "[Company]".
_SEPARATOR = re.compile(r"\s+[|\-–—/x]\s+|\s*[|–—]\s*|\s*<>\s*|:\s+|,\s+|\s+::\s+|"
                        r"^\[|\]\s*")  # fmt: skip
# Words inside a piece, tried in this order: "X with Company for Role", "Role at Company".
_LINKS = [re.compile(rf"^(?P<a>.*?)\s+(?P<word>{w})\s+(?P<b>.+)$", re.IGNORECASE)
          for w in ("for", "at|@", "with")]  # fmt: skip


def _is_role(text: str) -> bool:
    return bool(_ROLE_WORDS.search(text))


def _clean(piece: str) -> str:
    """A piece without stage words at its end, filler words, or stray punctuation."""
    piece = _ASIDE.sub("", piece).strip(" -–—|:()[]'\"")
    for _ in range(20):  # each pass takes off one word or run of words
        shorter = _FILLER.sub("", _STAGE_TAIL.sub("", _ASIDE.sub("", piece)))
        shorter = shorter.strip(" -–—|:()[]'\"")
        if shorter == piece:
            break
        piece = shorter
    return piece


def _pieces(summary: str, names: set[str]) -> tuple[list[str], list[str], list[str]]:
    """(companies, roles, said_company) read from a summary's pieces.

    said_company holds pieces the summary marks as a company (``at X``, ``@ X``,
    ``with X``, ``[X]``); roles those marked as one (``for X``, before ``at``) or
    holding a job word; companies the other pieces that are not stage words or
    people's names.
    """
    text = summary
    while True:
        stripped = _PREFIX.sub("", text)
        if stripped == text:
            break
        text = stripped
    said: list[str] = []
    roles: list[str] = []
    companies: list[str] = []
    bracket = re.match(r"^\s*\[([^\[\]]+)\]\s*", text)
    if bracket:
        said.append(_clean(bracket.group(1)))
        text = text[bracket.end() :]
    tail: list[str] = []  # "(Jordan Lee)", "(round 2)", "(Lumenfield)" at the end
    while m := re.search(r"\s*\(([^()]*)\)\s*$", text):
        tail.insert(0, m.group(1))
        text = text[: m.start()]
    raw = [p for p in _SEPARATOR.split(text) if p and p.strip()] + tail

    def place(piece: str, hint: str | None = None) -> None:
        link = next((m for r in _LINKS if (m := r.match(piece))), None)
        if link and hint is None:
            word = link.group("word").lower()
            a, b = link.group("a"), link.group("b")
            if word in ("at", "@"):
                place(a, "role")
                place(b, "company")
            elif word == "with":
                place(a)
                place(b, "company")
            else:  # for
                place(a)
                place(b, "role")
            return
        piece = _clean(piece)
        if not piece or piece.lower() in names or not re.search(r"\w", piece):
            return
        if hint == "company" and not _is_role(piece):
            said.append(piece)
        elif hint == "role" or _is_role(piece):
            roles.append(piece)
        else:
            companies.append(piece)

    for piece in raw:
        place(piece)
    return companies, roles, said


def company_from_domain(email: str | None) -> str | None:
    """``recruiting@northwind-traders.com`` → ``Northwind Traders``; None for mail providers
    and scheduling services."""
    if not email or "@" not in email:
        return None
    labels = [x for x in email.rsplit("@", 1)[1].lower().split(".") if x]
    if len(labels) < 2:
        return None
    if (
        len(labels) >= 3
        and labels[-2] in ("co", "com", "org", "net", "ac", "gov")
        and len(labels[-1]) == 2
    ):
        name = labels[-3]
    else:
        name = labels[-2]
    if name in _FREE_MAIL or name in _SCHEDULERS or not re.fullmatch(r"[a-z0-9-]+", name):
        return None
    return " ".join(w.capitalize() for w in name.split("-") if w) or None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def guess(summary: str, event: Event, names: list[str]) -> tuple[str | None, str | None]:
    """Company and role guessed from the summary, the company else from the organiser's
    domain (then the attendees'); content/usage.md lists the shapes read."""
    known = {n.lower() for n in names if n}
    companies, roles, said = _pieces(summary, known) if len(summary) <= MAX_TITLE else ([], [], [])
    companies, roles, said = (
        [p for p in x if len(p) <= MAX_GUESS] for x in (companies, roles, said)
    )
    domain = None
    for person in [event.organizer, *(a for a, _ in event.attendees)]:
        domain = company_from_domain(person.email if person else None)
        if domain:
            break
    role = roles[0] if roles else None
    company = said[0] if said else None
    if company is None and domain:  # the piece naming the domain's company, if any
        company = next((c for c in companies if _squash(domain) in _squash(c)
                        or _squash(c) in _squash(domain)), None)  # fmt: skip
    if company is None and domain and role and _squash(role).startswith(_squash(domain)):
        words = role.split()  # "Lumenfield Senior Data Engineer": the domain's name first
        for n in range(1, len(words)):
            if _squash(" ".join(words[:n])) == _squash(domain):
                company, role = " ".join(words[:n]), " ".join(words[n:])
                break
    if company is None and companies:
        company = companies[0]
    if role is None:  # "Lumenfield: Data Science": the piece after the company
        rest = [c for c in companies if c != company]
        role = rest[0] if rest and company else None
    if company is None:
        company = domain
    return (company or None), (role or None)
