"""Guesses from an event's title: the round (``round_number``), and the company and role
(``guess``) from the title's pieces and the organiser's email domain."""

from __future__ import annotations

import re

from afterview.invite.events import Event
from afterview.invite.names import ROLE_WORDS
from afterview.invite.people import SCHEDULERS

MAX_GUESS = 200  # characters of a company or role guessed from the title
MAX_TITLE = 400  # characters of a title guessed from; a longer one suggests nothing

_FREE_MAIL = frozenset(
    "gmail googlemail google outlook hotmail live msn yahoo icloud me mac aol proton protonmail"
    " gmx web mail zoho fastmail yandex calendly greenhouse lever ashbyhq workday myworkday"
    " smartrecruiters goodtime icims jobvite teamtailor recruitee personio workable bamboohr"
    " microsoft zoom webex".split()
)

_PREFIX = re.compile(
    r"^(?:(?:updated\s+|new\s+)?invitation(?:\s+updated)?|invite|accepted|tentative|declined|"
    r"canceled|cancelled|fwd?|re)\s*:\s*",
    re.IGNORECASE,
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
    return bool(ROLE_WORDS.search(text))


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


Pieces = tuple[list[str], list[str], list[str], dict[str, list[str]]]


def _pieces(summary: str, names: set[str]) -> Pieces:
    """(companies, roles, said_company, qualifiers) read from a summary's pieces.

    said_company holds pieces the summary marks as a company (``at X``, ``@ X``,
    ``with X``, ``[X]``); roles those marked as one (``for X``, before ``at``) or
    holding a job word; companies the other pieces that are not stage words or
    people's names. qualifiers maps a role to the company-like pieces that
    follow it after a comma ("Staff Engineer, Payments"): ``guess`` decides
    whether such a piece is the company or part of the role.
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
    split = re.split(f"({_SEPARATOR.pattern})", text)  # piece, separator, piece, ...
    raw = [(p, split[i - 1] if i else "") for i, p in enumerate(split) if i % 2 == 0]
    raw = [(p, sep) for p, sep in raw if p and p.strip()] + [(p, "") for p in tail]
    qualifiers: dict[str, list[str]] = {}

    def place(piece: str, hint: str | None = None) -> str | None:
        """Files the piece; gives the role it became when it was one, unlinked."""
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
            return None
        piece = _clean(piece)
        if not piece or piece.lower() in names or not re.search(r"\w", piece):
            return None
        if hint == "company" and not _is_role(piece):
            said.append(piece)
        elif hint == "role" or _is_role(piece):
            roles.append(piece)
            return piece
        else:
            companies.append(piece)
        return None

    role = None
    for piece, sep in raw:
        before = len(companies)
        placed = place(piece)
        if role is not None and sep.strip() == "," and len(companies) == before + 1:
            qualifiers.setdefault(role, []).append(companies[-1])  # "Role, Payments"
        else:
            role = placed
    return companies, roles, said, qualifiers


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
    if name in _FREE_MAIL or name in SCHEDULERS or not re.fullmatch(r"[a-z0-9-]+", name):
        return None
    return " ".join(w.capitalize() for w in name.split("-") if w) or None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def guess(summary: str, event: Event, names: list[str]) -> tuple[str | None, str | None]:
    """Company and role guessed from the summary, the company else from the organiser's
    domain (then the attendees'); content/usage.md lists the shapes read."""
    known = {n.lower() for n in names if n}
    pieces = _pieces(summary, known) if len(summary) <= MAX_TITLE else ([], [], [], {})
    companies, roles, said = ([p for p in x if len(p) <= MAX_GUESS] for x in pieces[:3])
    qualifiers = pieces[3]
    domain = None
    for person in [event.organizer, *(a for a, _ in event.attendees)]:
        domain = company_from_domain(person.email if person else None)
        if domain:
            break
    role = roles[0] if roles else None
    # What follows the role after a comma is the company only when nothing else is.
    after_role = qualifiers.get(role, []) if role else []
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
    others = [c for c in companies if c not in after_role]
    if company is None and others:
        company = others[0]
    if company is None and not domain and companies:
        company = companies[0]  # "Senior Engineer, Lumenfield" with no domain to tell
    if role is None:  # "Lumenfield: Data Science": the piece after the company
        rest = [c for c in companies if c != company]
        role = rest[0] if rest and company else None
    if company is None:
        company = domain
    tail = [q for q in after_role if q != company]
    if role and tail and len(joined := ", ".join([role, *tail])) <= MAX_GUESS:
        role = joined  # "Staff Software Engineer, Payments"
    return (company or None), (role or None)
