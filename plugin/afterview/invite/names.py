"""An invite's people as text: an ``Attendee`` read from an ``ATTENDEE`` or ``ORGANIZER``
property, its name written ``"Given Surname"`` (``person_name``), and bounded in length
(``bounded``, ``MAX_NAME``, ``MAX_EMAIL``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from afterview.plaintext import one_line

MAX_NAME = 120  # characters of a person's name; a longer one is cut at a word
MAX_EMAIL = 254  # characters of an address (RFC 5321); a longer one is left out

ROLE_WORDS = re.compile(
    r"\b(?:engineer|developer|manager|analyst|designer|scientist|director|lead|architect|"
    r"consultant|specialist|coordinator|administrator|admin|intern|associate|officer|head|vp|"
    r"president|assistant|representative|technician|writer|editor|accountant|recruiter|"
    r"researcher|sre|devops|programmer|strategist|planner|owner|advisor|executive|nurse|"
    r"teacher|operator|agent|clerk|product|marketing|sales|support)s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str | None


def _address(value: Any) -> str | None:
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = one_line(text)
    return text if re.fullmatch(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+", text) else None


def from_property(value: Any) -> tuple[Attendee, dict[str, str]]:
    """The person of an ATTENDEE or ORGANIZER property, with its parameters (CN, ROLE ...)."""
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
        if surname and given and not ROLE_WORDS.search(given):
            return f"{given} {surname}"
    return name


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
