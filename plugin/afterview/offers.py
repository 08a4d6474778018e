"""Offers side by side: every offer, open or decided, with its terms and what is left to settle.

What is left to settle is the offer rule's own answer
(``rules.offer.unsettled_terms``), asked as its questions (``QUESTIONS``).
Amounts are never converted: ``pay_note`` says when the offers' pay is in
different currencies or periods (content/format.md, "Offers side by side").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from afterview.clock import Clock
from afterview.model import Interview, PayAmount
from afterview.progress import stage
from afterview.rules.offer import QUESTIONS, unsettled_terms

ORDER = ("offer", "accepted", "declined")  # open offers first


@dataclass(frozen=True)
class Offer:
    """One offer as the comparison shows it."""

    interview: Interview
    stage: str  # offer (open), accepted or declined
    unsettled: tuple[str, ...]  # terms still to settle: pay, schedule, benefits

    @property
    def questions(self) -> list[str]:
        return [QUESTIONS[t] for t in self.unsettled]

    def as_json(self) -> dict[str, Any]:
        iv, o = self.interview, self.interview.outcome
        pa = o.pay_amount
        return {
            "path": iv.path,
            "company": iv.company,
            "role": iv.role,
            "stage": self.stage,
            "pay": o.pay,
            "pay_amount": None
            if pa is None
            else {
                "amount": int(pa.amount) if pa.amount.is_integer() else pa.amount,  # as written
                "currency": pa.currency,
                "period": pa.period,
            },
            "start_date": o.start_date.isoformat() if o.start_date else None,
            "schedule": o.schedule,
            "benefits": o.benefits,
            "decision_due": o.decision_due.isoformat() if o.decision_due else None,
            "decision_date": o.decision_date.isoformat() if o.decision_date else None,
            "unsettled": list(self.unsettled),
            "questions": self.questions,
        }


def offers(interviews: Iterable[Interview], clock: Clock) -> list[Offer]:
    """Every offer: open ones first (answer due soonest first), then accepted, then declined."""
    found = [
        Offer(iv, stage(iv, clock), tuple(unsettled_terms(iv.outcome)))
        for iv in interviews
        if iv.outcome.status == "offer"
    ]

    def key(x: Offer) -> tuple[int, bool, int, str]:
        due = x.interview.outcome.decision_due
        return (ORDER.index(x.stage), due is None, due.toordinal() if due else 0, x.interview.path)

    return sorted(found, key=key)


def amount_text(pa: PayAmount) -> str:
    """'165,000 USD a year', '42.50 EUR an hour': as written, never converted."""
    number = f"{pa.amount:,.0f}" if pa.amount.is_integer() else f"{pa.amount:,.2f}"
    return f"{number} {pa.currency} {'an' if pa.period == 'hour' else 'a'} {pa.period}"


def pay_note(found: Iterable[Offer]) -> str | None:
    """A sentence when the offers' pay cannot be compared as written, or who pays most when
    it can (two offers or more, all in one currency and period); None otherwise."""
    paid = [x for x in found if x.interview.outcome.pay_amount is not None]
    units = {
        (x.interview.outcome.pay_amount.currency, x.interview.outcome.pay_amount.period)  # type: ignore[union-attr]
        for x in paid
    }
    if len(units) > 1:
        kinds = ", ".join(f"{c} {'an' if p == 'hour' else 'a'} {p}" for c, p in sorted(units))
        return (
            f"The pay is in different currencies or periods ({kinds}): each is shown as"
            " written, not converted, so compare them yourself."
        )
    if len(paid) < 2:
        return None
    best = max(paid, key=lambda x: x.interview.outcome.pay_amount.amount)  # type: ignore[union-attr]
    iv = best.interview
    assert iv.outcome.pay_amount is not None
    return (
        f"All in {amount_text(iv.outcome.pay_amount).split(' ', 1)[1]};"
        f" the highest: {iv.company or '(no company)'}, {amount_text(iv.outcome.pay_amount)}."
    )
