"""Where an event meets: its video link and service (``conference_link``), its ``format``
(video, onsite or phone) and its location without the link."""

from __future__ import annotations

import re

from afterview.invite.events import Event

MAX_LOCATION = 500  # characters of a location
MAX_URL = 2048  # characters of a meeting link; a longer one is left out

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
_PHONE = re.compile(r"(?:tel:)?\+?\d[\d ().\-]{6,}\d")
_STREET = re.compile(
    r"\b\d+[a-z]?\s+[A-Za-zÀ-ÿ]|\b(?:street|st\.|avenue|ave\.?|road|rd\.?|boulevard|blvd|lane|"
    r"drive|plaza|square|suite|floor|building|straße|strasse|rue|via|calle|platz|weg)\b",
    re.IGNORECASE,
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


def meeting_format(event: Event, link: tuple[str, str] | None) -> str | None:
    """``video`` with a link, else ``onsite`` for a street address, else ``phone`` for a
    dial-in number or a call in the title; None when nothing says."""
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


def location_text(event: Event, link: tuple[str, str] | None) -> str | None:
    """The location with the meeting's link taken out (it goes to meeting_url, which a
    redacted site never shows); the service's name when nothing else is left."""
    location = event.location
    if link is not None:
        location = _URL.sub(lambda m: "" if _https(m.group(0)) else m.group(0), location)
        location = location.strip(" \t;,:|-–—")
        location = location or link[0]
    return location or None
