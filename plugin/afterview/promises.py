"""Promises kept: did the company get in touch by the day it named?

For every interview whose record has ``closing.expected_contact`` (the day
they said they would be in touch), ``promise`` answers, at ``clock.now``
(content/format.md, "Promises kept", says the same to users):

* *first word*: the earliest day, on or after the interview's day, on which
  they were in touch: the ``outcome.date`` of an offer or a rejection; the
  ``date`` of a follow-up ``by: them``; the ``date`` of a follow-up by you
  that they answered (it names ``spoke_with`` or records ``decision_made`` or
  ``still_considered``, and does not record ``answered: false``). A withdrawn
  or ghosted outcome is your word, not theirs. Days are calendar days in the
  playbook's zone.
* **kept**: the first word came on or before the day they named;
  **late**: after it, by ``days_late`` days; **broken**: no word and that
  day has ended (``days_late`` is how many days ago, so far); **open**: no
  word yet and the day has not ended.
* An interview you withdrew from with no word from them is left out: the
  promise no longer bound them.

``summary`` gives, per company (names compared loosely) and overall: how many
promises were kept, late, broken and open; the share kept among the decided
ones (kept, late, broken); the median days late of the late ones; and the
median days from the interview to the first word, over every interview of
that company with a first word (a day named or not).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Any

from afterview import wording
from afterview.clock import Clock
from afterview.model import FollowUp, Interview, normalize_name
from afterview.moments import day_in

STATES = ("kept", "late", "broken", "open")
THEIR_WORD = ("offer", "rejected")  # outcome statuses that are the company speaking


def _answered(f: FollowUp) -> bool:
    """A follow-up by you that reached someone who said something."""
    if f.answered is False:  # nobody answered (a voicemail)
        return False
    return bool(f.spoke_with) or f.decision_made is not None or f.still_considered is not None


def first_word(iv: Interview, clock: Clock) -> date | None:
    """The first day they were in touch after the interview (see the module docstring)."""
    if iv.when is None:
        return None
    start = day_in(iv.when, clock.tz)
    days = []
    o = iv.outcome
    if o.status in THEIR_WORD and o.date is not None:
        days.append(day_in(o.date, clock.tz))
    for f in iv.follow_ups:
        if f.date is not None and (f.by == "them" or _answered(f)):
            days.append(day_in(f.date, clock.tz))
    days = [d for d in days if d >= start]
    return min(days) if days else None


@dataclass(frozen=True)
class Promise:
    """One interview's promise of contact and what became of it at ``now``."""

    interview: Interview
    expected: date
    state: str  # one of STATES
    first_word: date | None
    days_late: int | None  # late: by how many days; broken: how many days past, so far
    days_to_word: int | None  # from the interview's day to the first word

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.interview.path,
            "company": self.interview.company,
            "role": self.interview.role,
            "expected_contact": self.expected.isoformat(),
            "state": self.state,
            "first_word": self.first_word.isoformat() if self.first_word else None,
            "days_late": self.days_late,
            "days_to_first_word": self.days_to_word,
        }


def promise(iv: Interview, clock: Clock) -> Promise | None:
    """The promise of an interview that named a day, or None (no day, no date, withdrawn)."""
    expected = iv.closing.expected_contact
    if expected is None or iv.when is None:
        return None
    word = first_word(iv, clock)
    if word is None and iv.outcome.status == "withdrawn":
        return None
    to_word = (word - day_in(iv.when, clock.tz)).days if word is not None else None
    if word is not None:
        late = (word - expected).days
        state = "late" if late > 0 else "kept"
        return Promise(iv, expected, state, word, late if late > 0 else None, to_word)
    if clock.now > clock.day_end(expected):
        past = (clock.now.date() - expected).days
        return Promise(iv, expected, "broken", None, past, None)
    return Promise(iv, expected, "open", None, None, None)


def promises(interviews: Iterable[Interview], clock: Clock) -> list[Promise]:
    """Every interview's promise, by the day named, then by file."""
    found = [p for iv in interviews if (p := promise(iv, clock)) is not None]
    return sorted(found, key=lambda p: (p.expected, p.interview.path))


@dataclass(frozen=True)
class Tally:
    """The promises of one company (or all of them) counted."""

    company: str  # as first written; "" for the overall tally
    counts: dict[str, int]  # per state
    median_days_late: float | None  # of the late ones
    median_days_to_word: float | None  # of every interview with a first word

    @property
    def decided(self) -> int:
        return self.counts["kept"] + self.counts["late"] + self.counts["broken"]

    @property
    def share_kept(self) -> float | None:
        """Kept among kept, late and broken; None when none is decided."""
        return self.counts["kept"] / self.decided if self.decided else None

    def as_json(self) -> dict[str, Any]:
        return {
            **({"company": self.company} if self.company else {}),
            **self.counts,
            "share_kept": None if self.share_kept is None else round(self.share_kept, 4),
            "median_days_late": self.median_days_late,
            "median_days_to_first_word": self.median_days_to_word,
        }


def _median(values: list[int]) -> float | None:
    return float(median(values)) if values else None


def _tally(company: str, kept: list[Promise], words: list[int]) -> Tally:
    counts = dict.fromkeys(STATES, 0)
    for p in kept:
        counts[p.state] += 1
    late = [p.days_late for p in kept if p.state == "late" and p.days_late is not None]
    return Tally(company, counts, _median(late), _median(words))


def summary(interviews: Iterable[Interview], clock: Clock) -> tuple[list[Tally], Tally]:
    """Per company (those with a promise or a first word; most promises first) and overall."""
    interviews = list(interviews)
    names: dict[str, str] = {}
    by_company: dict[str, list[Promise]] = {}
    words: dict[str, list[int]] = {}
    every = promises(interviews, clock)
    for p in every:
        key = normalize_name(p.interview.company or "")
        names.setdefault(key, p.interview.company or "(no company)")
        by_company.setdefault(key, []).append(p)
    all_words = []
    for iv in sorted(interviews, key=lambda iv: iv.path):
        word = first_word(iv, clock)
        if word is None or iv.when is None:
            continue
        key = normalize_name(iv.company or "")
        names.setdefault(key, iv.company or "(no company)")
        days = (word - day_in(iv.when, clock.tz)).days
        words.setdefault(key, []).append(days)
        all_words.append(days)
    tallies = [_tally(names[k], by_company.get(k, []), words.get(k, [])) for k in names]
    tallies.sort(key=lambda t: (-sum(t.counts.values()), t.company.casefold()))
    return tallies, _tally("", every, all_words)


# --- the words, one voice for the terminal (`afterview stats`) and the pages --------------------


def days(n: float) -> str:
    """'1 day', '3 days', '1.5 days'."""
    text = f"{n:g}"
    return f"{text} day" if text == "1" else f"{text} days"


def describe(p: Promise) -> str:
    """What became of one promise, in a sentence without its company."""
    named = wording.day(p.expected)
    if p.state == "open":
        return f"open: they said they would be in touch by {named}"
    if p.state == "broken":
        return f"broken: no word, {days(p.days_late or 0)} after {named}"
    assert p.first_word is not None
    word = f"first word {wording.day(p.first_word)}"
    if p.state == "late":
        return f"late by {days(p.days_late or 0)}: {word}, they had said {named}"
    early = (p.expected - p.first_word).days
    return f"kept: {word}, " + (
        "the day they named" if early == 0 else f"{days(early)} before {named}"
    )


def tally_text(t: Tally) -> str:
    """'2 of 3 kept (67%); 1 late, by a median of 2 days; 0 broken; 1 open; first word a median
    of 6 days after the interview' (counts as of now; the medians when there is one)."""
    c = t.counts
    kept = f"{c['kept']} of {t.decided} kept" if t.decided else "none decided yet"
    if t.share_kept is not None:
        kept += f" ({t.share_kept:.0%})"
    late = f"{c['late']} late"
    if t.median_days_late is not None:
        late += f", by a median of {days(t.median_days_late)}"
    text = f"{kept}; {late}; {c['broken']} broken; {c['open']} open"
    if t.median_days_to_word is not None:
        text += f"; first word a median of {days(t.median_days_to_word)} after the interview"
    return text
