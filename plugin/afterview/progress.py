"""How far one interview has got: each playbook question answered once.

The rules, the agenda, the pages and the drafts ask these questions; none of
them answers one on its own:

- ``is_upcoming``: has the interview not ended yet? (Until it has, no step
  after it is due; a record whose ``when`` is missing or invalid counts as
  upcoming, since no deadline can be computed for it.)
- ``owed_a_note``: which named interviewers have no thank-you note addressed
  to them; ``thank_you_outstanding``: is any note still owed.
- ``reflected`` / ``reflection_overdue``: has the person written down what
  went well or what to work on, and is that now late.
- ``stage``: the one stage shown for the interview (``STAGES``).
- ``rule_active``: whether the record or the settings turn a rule off.

Which actions are open is ``afterview.agenda.items_for``, built on these.
The deadline arithmetic itself is ``afterview.deadlines``.
"""

from __future__ import annotations

from afterview.clock import Clock
from afterview.deadlines import Deadlines, deadlines
from afterview.model import Interview, Person, normalize_name

STAGES = (
    "upcoming",
    "awaiting thank-you",
    "waiting",
    "follow-up due",
    "offer",
    "accepted",
    "declined",
    "rejected",
    "withdrawn",
    "ghosted",
)


def is_upcoming(iv: Interview, clock: Clock, dl: Deadlines | None = None) -> bool:
    """True while ``now`` is before the interview's end, or when its end is unknown.

    ``dl`` saves recomputing the deadlines when the caller has them.
    """
    dl = dl if dl is not None else deadlines(iv, clock)
    return dl is None or clock.now < dl.end


def owed_a_note(iv: Interview) -> list[Person]:
    """Named interviewers with no thank-you note addressed to them (names compared loosely)."""
    addressed = {normalize_name(n.to) for n in iv.thank_you if n.to}
    return [p for p in iv.named_interviewers if p.name and normalize_name(p.name) not in addressed]


def thank_you_outstanding(iv: Interview) -> bool:
    """A note is still owed: to a named interviewer, or, with no names, any note at all."""
    if iv.named_interviewers:
        return bool(owed_a_note(iv))
    return not iv.thank_you


def reflected(iv: Interview) -> bool:
    """The reflection holds at least one thing that went well or one to work on."""
    return bool(iv.reflection.went_well or iv.reflection.to_improve)


def reflection_overdue(iv: Interview, clock: Clock, dl: Deadlines | None = None) -> bool:
    """Past the reflection deadline with nothing written down."""
    dl = dl if dl is not None else deadlines(iv, clock)
    return dl is not None and clock.now > dl.reflection and not reflected(iv)


def rule_active(iv: Interview, clock: Clock, rule_id: str) -> bool:
    """False when the record's ``ignore:`` list or the settings turn the rule off."""
    return rule_id not in iv.ignore and clock.settings.severity.get(rule_id) != "off"


def stage(iv: Interview, clock: Clock) -> str:
    """The stage the interview has reached at clock.now (one of STAGES).

    An outcome other than pending sets the stage; an offer you have answered
    (``outcome.decision``) is *accepted* or *declined*. A pending interview is
    *upcoming* before its end, *awaiting thank-you* while a note is owed,
    *follow-up due* past the follow-up time, else *waiting*; a record whose
    ``when`` cannot be read is *waiting* (nothing can be due). A step whose
    rule is turned off for the record (``ignore:``, or ``off`` in the
    settings) does not set the stage, as it does not reach the agenda.
    """
    status = iv.outcome.status
    if status == "offer" and iv.outcome.decision in ("accepted", "declined"):
        return iv.outcome.decision
    if status != "pending":
        return status
    dl = deadlines(iv, clock)
    if dl is None:
        return "waiting"
    if is_upcoming(iv, clock, dl):
        return "upcoming"
    if thank_you_outstanding(iv) and rule_active(iv, clock, "thank-you-overdue"):
        return "awaiting thank-you"
    if clock.now > dl.follow_up and rule_active(iv, clock, "follow-up-overdue"):
        return "follow-up due"
    return "waiting"
