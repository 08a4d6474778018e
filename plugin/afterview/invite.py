"""A record's first facts from a calendar invite (an ``.ics`` file), read with ``icalendar``.

``read_invite`` parses the file and lists its events that have a start;
``facts`` turns one event into what ``afterview new`` writes:

- ``when``: the start at the right instant, written in the playbook's zone
  with its offset. A ``TZID`` is read from the invite's ``VTIMEZONE`` or, for
  a Windows name such as ``Eastern Standard Time``, the IANA zone icalendar
  maps it to; ``Z`` is UTC; a floating time (no zone) or an unknown ``TZID``
  is read in the playbook's zone; an all-day event gives a date.
- ``duration`` in minutes from ``DTEND`` or ``DURATION`` (1 to 1440).
- ``location``: the ``LOCATION`` text on one line (lines joined with ", ");
  without one, the meeting service and link.
- ``format``: ``video`` when a Google Meet, Zoom, Microsoft Teams or Webex
  link is in the location, the description or a conference property
  (``X-GOOGLE-CONFERENCE``, ``X-MICROSOFT-ONLINEMEETINGURL``,
  ``X-MICROSOFT-SKYPETEAMSMEETINGURL``, ``CONFERENCE``, ``URL``); else
  ``onsite`` when the location reads as a street address (or Apple's
  ``X-APPLE-STRUCTURED-LOCATION`` is there); else ``phone`` when there is
  only a dial-in number; else left out.
- ``interviewers``: the attendees (``ATTENDEE``) with their ``CN`` and
  ``mailto:`` address, ``"Surname, Given"`` written ``"Given Surname"``;
  left out: the person's own addresses, rooms and resources, declined and
  non-participant attendees. The organiser is not made an interviewer unless
  also listed as an attendee (it is usually a recruiter or an assistant); it
  is returned separately so the record can mention it.
- ``round`` from ``round 2`` or ``second round`` in ``SUMMARY``;
- ``company`` and ``role`` guesses from ``SUMMARY`` (``Interview: Data
  Engineer at Northwind``, ``Northwind – Data Engineer interview`` ...) and
  the organiser's email domain.

Every text taken from the invite is made one line of printable text. An
invite is untrusted input: the file is at most 5 MiB; a ``VTIMEZONE`` whose
rules are not the yearly changes real zones have (a rule every second, or by
hour, minute or second) is not followed, since working out an offset from it
could take hours: the start is read in the playbook's zone, and said so;
at most ``MAX_PEOPLE`` interviewers are taken; a guessed company or role
longer than ``MAX_GUESS`` characters, or a location longer than
``MAX_LOCATION``, is not used; the library's warnings are not printed.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from afterview.plaintext import one_line

MAX_BYTES = 5 * 1024 * 1024
MAX_PEOPLE = 100  # interviewers taken from one invite
MAX_GUESS = 200  # characters of a company or role guessed from the title
MAX_LOCATION = 500  # characters of a location
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
    "webex.com": "Webex",
}
_URL = re.compile(r"https?://[^\s<>\"'\\]+", re.IGNORECASE)
CONFERENCE_PROPERTIES = (
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-ONLINEMEETINGURL",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "CONFERENCE",
    "URL",
)
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


_MEETING = r"(?:interview|screening|screen)"


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
    conference: list[str]
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
    organizer: Attendee | None
    company: str | None
    role: str | None
    round: int | None = None
    notes: list[str] = field(default_factory=list)  # said on standard error


def read_invite(data: bytes) -> list[Event]:
    """The events with a start in an .ics file's bytes; InviteError if it is not a calendar."""
    if len(data) > MAX_BYTES:
        raise InviteError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    from icalendar import Calendar

    with warnings.catch_warnings():  # e.g. a guessed TZID: not for the user's terminal
        warnings.simplefilter("ignore")
        try:
            calendars = Calendar.from_ical(data, multiple=True)
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


def _event(component: Any, number: int, unsafe: set[str]) -> Event | None:
    started = _start(component, unsafe)
    if started is None:
        return None
    start, zone_note = started
    raw_attendees = component.get("ATTENDEE") or []
    if not isinstance(raw_attendees, list):
        raw_attendees = [raw_attendees]
    organizer = component.get("ORGANIZER")
    conference = []
    for name in CONFERENCE_PROPERTIES:
        value = component.get(name)
        for v in value if isinstance(value, list) else [value]:
            if v is not None:
                conference.append(one_line(v))
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
        structured_location=component.get("X-APPLE-STRUCTURED-LOCATION") is not None,
        attendees=[_person(a) for a in raw_attendees],
        organizer=_person(organizer)[0] if organizer is not None else None,
        recurring=component.get("RRULE") is not None,
    )


def meeting_link(texts: list[str]) -> tuple[str, str] | None:
    """The first Meet, Zoom, Teams or Webex link in the texts, with the service's name."""
    for text in texts:
        for m in _URL.finditer(text):
            url = m.group(0).rstrip(".,;:)]>")
            host = re.sub(r"^https?://", "", url, flags=re.IGNORECASE).split("/")[0].lower()
            host = host.split(":")[0]
            for known, service in VIDEO_HOSTS.items():
                if host == known or host.endswith("." + known):
                    return service, url
    return None


def _format(event: Event) -> tuple[str | None, tuple[str, str] | None]:
    link = meeting_link([*event.conference, event.location, event.description])
    if link is not None:
        return "video", link
    location = event.location
    if location and not _URL.fullmatch(location):
        without_phones = _PHONE.sub("", location)
        if event.structured_location or _STREET.search(without_phones):
            return "onsite", None
    phone_texts = [location, event.description, *event.conference]
    if any(_PHONE.search(t) for t in phone_texts if t) or re.search(
        r"\bphone\b|\bcall\b", event.summary, re.IGNORECASE
    ):
        return "phone", None
    return None, None


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
    summary = event.summary or "(no title)"
    return f"{event.number}. {when_text(event.start, tz)}  {summary}"


def facts(event: Event, tz: tzinfo, me: set[str]) -> Facts:
    """What the record gets from one event; me holds the person's own addresses."""
    mine = {m.lower() for m in me}
    notes: list[str] = []
    if event.zone_note:
        notes.append(event.zone_note)
    if event.recurring:
        notes.append("a repeating event: the record uses its first start")
    fmt, link = _format(event)
    location = event.location or None
    if location and _URL.fullmatch(location) and link is not None:
        location = None
    if location is None and link is not None:
        location = f"{link[0]}: {link[1]}"
    seen: set[str] = set()
    people: list[Attendee] = []
    for person, params in event.attendees:
        email = (person.email or "").lower()
        if email and email in mine:
            continue
        if params.get("CUTYPE", "").upper() in ("ROOM", "RESOURCE"):
            continue
        if params.get("ROLE", "").upper() == "NON-PARTICIPANT":
            continue
        if params.get("PARTSTAT", "").upper() == "DECLINED":
            continue
        key = email or person.name.lower()
        if not person.name or key in seen:
            continue
        seen.add(key)
        people.append(person)
    if len(people) > MAX_PEOPLE:
        notes.append(
            f"the invite lists {len(people)} people; the first {MAX_PEOPLE} are written"
            " as interviewers"
        )
        people = people[:MAX_PEOPLE]
    if location is not None and len(location) > MAX_LOCATION:
        notes.append(f"the location is {len(location)} characters long; it is left out")
        location = None
    organizer = event.organizer
    if organizer is not None and (
        (organizer.email or "").lower() in mine
        or (organizer.email or "").lower() in seen
        or not organizer.name
    ):
        organizer = None
    if not mine:
        notes.append(
            "your own address is not known (--me EMAIL, or [tool.afterview.me].email):"
            " every attendee was written as an interviewer"
        )
    company, role = guess(event.summary, event, [p.name for p in people])
    if company is not None and len(company) > MAX_GUESS:
        company = None
    if role is not None and len(role) > MAX_GUESS:
        role = None
    return Facts(
        when=when_text(event.start, tz),
        duration=event.duration if isinstance(event.start, datetime) else None,
        location=location,
        format=fmt,
        interviewers=people,
        organizer=organizer,
        company=company,
        role=role,
        round=round_number(event.summary),
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


def _is_role(text: str) -> bool:
    return bool(_ROLE_WORDS.search(text))


def company_from_domain(email: str | None) -> str | None:
    """``recruiting@northwind-traders.com`` → ``Northwind Traders``; None for mail providers."""
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
    if name in _FREE_MAIL or not re.fullmatch(r"[a-z0-9-]+", name):
        return None
    return " ".join(w.capitalize() for w in name.split("-") if w) or None


def _split_summary(summary: str) -> tuple[str | None, str | None]:
    """(company, role) from the words of a summary, either possibly None."""
    text = summary
    while True:
        stripped = _PREFIX.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = re.sub(r"\s*\((?:[^()]*\bround\b[^()]*)\)\s*$", "", text, flags=re.IGNORECASE)
    text = text.strip(" -–—|:")
    rest, lead = None, ""
    m = re.match(
        rf"^(?P<lead>(?:[\w&.'-]+\s+){{0,4}}?){_MEETING}(?:\s+(?:call|round|session))?"
        r"\s*(?:[:\-–—|]\s*|\s+(?:for|with|at)\s+)(?P<rest>.+)$",
        text,
        re.IGNORECASE,
    )
    if m:
        rest, lead = m.group("rest"), m.group("lead").strip()
    else:
        m = re.match(rf"^(?P<rest>.+?)\s*[:\-–—|(]?\s*\b{_MEETING}\)?\s*$", text, re.IGNORECASE)
        if m:
            rest = m.group("rest")
    if rest is None:
        return None, None
    if lead and _is_role(lead) and not _is_role(rest):
        return rest.strip(" -–—|:()"), lead
    rest = re.sub(r"\s+(?:role|position|job)$", "", rest.strip(" -–—|:()"), flags=re.IGNORECASE)
    m = re.match(r"^(?P<role>.+?)\s+(?:at|@)\s+(?P<company>.+)$", rest, re.IGNORECASE)
    if m:
        role = re.sub(r"\s+(?:role|position|job)$", "", m.group("role"), flags=re.IGNORECASE)
        return m.group("company").strip(), role.strip()
    m = re.match(r"^(?P<company>.+?)\s+for\s+(?:the\s+)?(?P<role>.+?)(?:\s+(?:role|position))?$",
                 rest, re.IGNORECASE)  # fmt: skip
    if m:
        return m.group("company").strip(), m.group("role").strip()
    m = re.match(r"^(?P<role>.+?)\s+with\s+(?P<company>.+)$", rest, re.IGNORECASE)
    if m and _is_role(m.group("role")):
        return m.group("company").strip(), m.group("role").strip()
    m = re.match(r"^(?P<a>.+?)\s*(?:\s[-–—|/]\s|[|/–—(]|[,:]\s)\s*(?P<b>.+?)\)?$", rest)
    if m:
        a, b = m.group("a").strip(), m.group("b").strip()
        if _is_role(a) and not _is_role(b):
            return b, a
        return a, b
    return (None, rest) if _is_role(rest) else (rest, None)


def guess(summary: str, event: Event, names: list[str]) -> tuple[str | None, str | None]:
    """Company and role guessed from the summary, the company else from the organiser's domain."""
    company, role = _split_summary(summary)
    if company and company.lower() in {n.lower() for n in names}:
        company = None  # "Interview with Dana Whitfield" names a person
    if company is None:
        sources = [event.organizer] if event.organizer else []
        sources += [a for a, _ in event.attendees]
        for person in sources:
            company = company_from_domain(person.email if person else None)
            if company:
                break
    return (company or None), (role or None)
