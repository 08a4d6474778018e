"""If you get an offer."""

from __future__ import annotations

from collections.abc import Iterator

from afterview.model import Outcome
from afterview.rules.base import AFTER, DEADLINE, RECORD, Context, Hit, rule
from afterview.wording import moment


@rule("offer-not-thanked", "warning", "offer", AFTER, kind=RECORD)
def offer_not_thanked(ctx: Context) -> Iterator[Hit]:
    """You have an offer and have not recorded thanking them again.

    ## What it does

    For `outcome.status: offer`, reports a record where `outcome.thanked` is
    not `true`.

    ## Why it matters

    Thanking the interviewer again when the offer comes sets the tone for
    the talk about terms, whatever you decide.

    ## Example

    ```yaml
    outcome:
      status: offer
    ```

    ## How to fix

    ```yaml
    outcome:
      status: offer
      thanked: true
    ```
    """
    o = ctx.interview.outcome
    if o.status == "offer" and o.thanked is not True:
        yield Hit(
            ("outcome",),
            "Offer received: you have not recorded thanking them again.",
            key=True,
            reads=(("outcome", "status"), ("outcome", "thanked")),
        )


# The question that settles each term (the Offers page lists them per offer).
QUESTIONS = {
    "pay": "Pay: what is the base salary, and any bonus or other compensation?",
    "schedule": "Schedule: which hours and days, how many in the office, any shifts or travel?",
    "benefits": "Benefits: which health cover, retirement contributions and paid time off?",
}


def unsettled_terms(o: Outcome) -> list[str]:
    """The terms (``pay``, ``schedule``, ``benefits``) of an offer not yet settled.

    None for anything but an offer, and none once it is declined. The pay is
    settled by ``pay`` or ``pay_amount``.
    """
    if o.status != "offer" or o.decision == "declined":
        return []
    terms = (("pay", o.pay or o.pay_amount), ("schedule", o.schedule), ("benefits", o.benefits))
    return [k for k, v in terms if v is None]


@rule("offer-terms-unconfirmed", "warning", "offer", AFTER, kind=RECORD)
def offer_terms_unconfirmed(ctx: Context) -> Iterator[Hit]:
    """The offer's pay, schedule or benefits are not settled.

    ## What it does

    For `outcome.status: offer`, reports a record missing any of
    `outcome.pay` (or `outcome.pay_amount`), `outcome.schedule` or
    `outcome.benefits`; the message names which, and the Offers page asks
    the question that settles each. A warning while you decide, an error once
    `decision: accepted`; nothing once `decision: declined` (the terms of an
    offer you turned down need no settling).

    ## Why it matters

    Before you accept, every term that matters should be known and agreed.
    Ask about what has not been said yet; it is much harder after you have
    said yes.

    ## Example

    ```yaml
    outcome:
      status: offer
      pay: "$165,000 base"
    ```

    ## How to fix

    ```yaml
    outcome:
      status: offer
      pay: "$165,000 base + 10% bonus"
      schedule: Hybrid, Tue-Thu in office
      benefits: Health, dental, 401(k) 5% match, 20 days PTO
    ```
    """
    o = ctx.interview.outcome
    missing = unsettled_terms(o)
    if missing:
        accepted = o.decision == "accepted"
        yield Hit(
            ("outcome",),
            ("Offer accepted" if accepted else "Offer")
            + " with terms not confirmed: outcome lacks "
            + ", ".join(missing)
            + ".",
            severity="error" if accepted else None,
            key=True,
            reads=tuple(("outcome", k) for k in ("status", *missing, "decision"))
            + ((("outcome", "pay_amount"),) if "pay" in missing else ()),
        )


@rule("offer-decision-overdue", "warning", "offer", AFTER, kind=DEADLINE, action="offer-decision")
def offer_decision_overdue(ctx: Context) -> Iterator[Hit]:
    """You promised an answer to the offer by a date that has passed.

    ## What it does

    For `outcome.status: offer` with `decision` pending or absent, reports a
    `decision_due` date that has passed (at the end of that day).

    ## Why it matters

    Asking for a day or two to think, or to talk it over at home, is normal;
    letting the date you gave slip is not. Answer, or ask for more time.

    ## Example

    ```yaml
    outcome:
      status: offer
      decision: pending
      decision_due: 2026-12-04
    ```

    ## How to fix

    Give your answer and record it, or agree a new date:

    ```yaml
      decision: accepted
    ```
    """
    o = ctx.interview.outcome
    if o.status != "offer" or o.decision not in (None, "pending") or o.decision_due is None:
        return
    due = ctx.clock.day_end(o.decision_due)
    if ctx.clock.now > due:
        yield Hit(
            ("outcome", "decision_due"),
            f"You said you would answer the offer by {moment(o.decision_due)};"
            " that date has passed.",
            due,
            reads=tuple(("outcome", k) for k in ("status", "decision", "decision_due")),
        )
