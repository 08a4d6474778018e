"""Following up after a week."""

from __future__ import annotations

from collections.abc import Iterator

from afterview.rules.base import DEADLINE, RECORD, WAIT, Context, Hit, each, rule
from afterview.wording import moment


@rule("follow-up-overdue", "warning", "follow-up", WAIT, kind=DEADLINE, action="follow-up")
def follow_up_overdue(ctx: Context) -> Iterator[Hit]:
    """It is time to call and ask about the decision.

    ## What it does

    While the outcome is pending, reports a record once the follow-up is
    due: 7 days after the interview ended (setting `follow_up_after_days`),
    or, if later, 09:00 on the first working day after the
    `closing.expected_contact` date they gave you. Once any contact is logged
    in `follow_ups` (by you or by them), the clock restarts: the next
    follow-up is due 7 days after the latest one (setting
    `follow_up_every_days`). A call never falls due on a day off: on a day
    that is not one of the `workdays` (Monday to Friday by default) or is one
    of the `holidays`, it is due at 09:00 on the next working day. After two
    calls of yours that got no decision, the message suggests marking the
    outcome `ghosted`.

    It stops once the outcome is `offer`, `rejected`, `withdrawn` or
    `ghosted`.

    ## Why it matters

    Waiting by the phone is not a plan. A short call after a week shows you
    still want the job, and tells you whether you are still in the running.

    ## Example

    ```yaml
    when: 2026-11-18T14:00:00-05:00
    closing:
      expected_contact: 2026-11-22
    # no follow_ups, and it is now 2026-11-26
    ```

    ## How to fix

    Call, ask whether a decision has been made and, if not, whether you are
    still being considered; offer to answer more questions or come in again.
    Then log it:

    ```yaml
    follow_ups:
      - date: 2026-11-26
        channel: phone
        spoke_with: Dana Whitfield
        decision_made: false
        still_considered: true
        offered_more_info: true
    ```
    """
    dl = ctx.deadlines
    iv = ctx.interview
    if dl is None or iv.outcome.status != "pending" or ctx.clock.now <= dl.follow_up:
        return
    due = moment(dl.follow_up, ctx.clock.tz)
    latest = dl.latest_contact
    if latest is None:
        message = f"A follow-up call is due (since {due}): ask whether a decision has been made."
    else:
        assert latest.date is not None
        since = moment(latest.date, ctx.clock.tz)
        message = f"No contact since {since}: the next follow-up was due {due}."
    unanswered = [f for f in iv.follow_ups if f.by == "me" and f.decision_made is not True]
    if len(unanswered) >= 2:
        message += (
            f" After {len(unanswered)} follow-ups with no decision, consider setting"
            " outcome.status to ghosted."
        )
    reads = (
        *each(ctx, "follow_ups", "date"),
        ("closing", "expected_contact"),
        ("outcome", "status"),
    )
    yield Hit(latest.path if latest else None, message, dl.follow_up, reads=reads)


@rule("follow-up-incomplete", "info", "follow-up", WAIT, kind=RECORD)
def follow_up_incomplete(ctx: Context) -> Iterator[Hit]:
    """A follow-up of yours does not record the answers it was for.

    ## What it does

    Reports each `follow_ups` entry `by: me` (the default) that has no
    `decision_made` answer, or that has `decision_made: false` and no
    `still_considered` answer. An attempt that reached nobody
    (`answered: false`: a voicemail) has no answers to record and is not
    reported; it still restarts the follow-up clock.

    ## Why it matters

    The call has two questions: has a decision been made, and if not, are
    you still under consideration? Their answers tell you whether to keep
    waiting, call again or move on.

    ## Example

    ```yaml
    follow_ups:
      - date: 2026-11-26
        channel: phone
        decision_made: false
    ```

    ## How to fix

    ```yaml
    follow_ups:
      - date: 2026-11-26
        channel: phone
        decision_made: false
        still_considered: true
    ```

    or, when the call reached only voicemail:

    ```yaml
      - date: 2026-11-26
        channel: phone
        answered: false
    ```
    """
    for f in ctx.interview.follow_ups:
        if f.by != "me" or f.answered is False:
            continue
        keys = ("by", "answered", "decision_made", "still_considered")
        reads = tuple((*f.path, k) for k in keys)
        if f.decision_made is None:
            yield Hit(
                f.path,
                "This follow-up does not record whether a decision has been made.",
                reads=reads,
            )
        elif f.decision_made is False and f.still_considered is None:
            yield Hit(
                f.path,
                "No decision yet, but this follow-up does not record whether you are"
                " still under consideration.",
                reads=reads,
            )
