"""If the position went to someone else."""

from __future__ import annotations

from collections.abc import Iterator

from afterview.rules.base import AFTER, RECORD, Context, Hit, rule


@rule("rejection-feedback-unasked", "warning", "rejected", AFTER, kind=RECORD)
def rejection_feedback_unasked(ctx: Context) -> Iterator[Hit]:
    """You were not chosen and have not asked why.

    ## What it does

    For `outcome.status: rejected` (including "the position has been
    filled"), reports a record where `outcome.asked_why` is not `true`.

    ## Why it matters

    A calm, polite question about why you were not their choice is often
    answered, and the answer is the most useful preparation for the next
    interview.

    ## Example

    ```yaml
    outcome:
      status: rejected
    ```

    ## How to fix

    ```yaml
    outcome:
      status: rejected
      asked_why: true
      feedback: Wanted more streaming experience.
    ```
    """
    if ctx.interview.outcome.status == "rejected" and ctx.interview.outcome.asked_why is not True:
        yield Hit(
            ("outcome",),
            "Not chosen: you have not recorded asking why (outcome.asked_why).",
            key=True,
            reads=(("outcome", "status"), ("outcome", "asked_why")),
        )


@rule("referrals-unasked", "info", "rejected", AFTER, kind=RECORD)
def referrals_unasked(ctx: Context) -> Iterator[Hit]:
    """You were not chosen and have not asked about other openings.

    ## What it does

    For `outcome.status: rejected`, reports a record where
    `outcome.asked_referrals` is not `true`.

    ## Why it matters

    The people who interviewed you know your skills now, and often know of
    another team, or another company, that is hiring for them.

    ## Example

    ```yaml
    outcome:
      status: rejected
      asked_why: true
    ```

    ## How to fix

    ```yaml
    outcome:
      status: rejected
      asked_referrals: true
      referrals:
        - "Contoso data team (contact: Ana Ruiz)"
    ```
    """
    o = ctx.interview.outcome
    if o.status == "rejected" and o.asked_referrals is not True:
        yield Hit(
            ("outcome",),
            "Not chosen: you have not recorded asking about other openings"
            " (outcome.asked_referrals).",
            key=True,
            reads=(("outcome", "status"), ("outcome", "asked_referrals")),
        )
