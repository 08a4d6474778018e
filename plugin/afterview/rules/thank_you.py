"""The thank-you note, within 24 hours."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from afterview.model import normalize_name
from afterview.moments import day_in
from afterview.progress import owed_a_note
from afterview.rules.base import DEADLINE, RECORD, WAIT, Context, Hit, each, q, rule
from afterview.wording import moment


def _when(ctx: Context) -> str:
    assert ctx.deadlines is not None
    return moment(ctx.deadlines.thank_you, ctx.clock.tz)


@rule("thank-you-overdue", "error", "thank-you", WAIT, kind=DEADLINE, action="thank-you")
def thank_you_overdue(ctx: Context) -> Iterator[Hit]:
    """A thank-you note is overdue.

    ## What it does

    Once 24 hours (setting `thank_you_within_hours`) have passed since the
    interview ended, reports each interviewer with no entry in `thank_you`
    addressed to them. Names are compared ignoring case and extra spaces. If
    no interviewer has a name, it reports a record with no note at all.

    ## Why it matters

    A short note within a day keeps you in the interviewer's mind while they
    compare candidates: thank them, show you want the role, and say in a
    sentence why you fit it. Email is fine; a handwritten note is a nice
    touch when it will arrive in time.

    ## Example

    ```yaml
    when: 2026-11-18T14:00:00-05:00
    interviewers:
      - name: Lee Park
        title: Staff Engineer
    # no thank_you entry for Lee Park, and it is now 2026-11-20
    ```

    ## How to fix

    Send the note, then record it:

    ```yaml
    thank_you:
      - to: Lee Park
        sent: 2026-11-20T09:00:00-05:00
        channel: email
    ```

    A late note is still better than none; `thank-you-late` will then remind
    you it went out after the deadline.
    """
    dl = ctx.deadlines
    iv = ctx.interview
    if dl is None or ctx.clock.now <= dl.thank_you:
        return
    if iv.named_interviewers:
        for p in owed_a_note(iv):
            yield Hit(
                p.path,
                f"No thank-you note to {q(p.name or '')}; it was due by {_when(ctx)}.",
                dl.thank_you,
                reads=((*p.path, "name"), *each(ctx, "thank_you", "to")),
            )
    elif not iv.thank_you:
        at = ("thank_you",) if "thank_you" in iv.record.data else None
        message = f"No thank-you note sent; it was due by {_when(ctx)}."
        yield Hit(at, message, dl.thank_you, key=True, reads=(("thank_you",),))


@rule("thank-you-late", "warning", "thank-you", WAIT, kind=RECORD)
def thank_you_late(ctx: Context) -> Iterator[Hit]:
    """A thank-you note went out after the deadline.

    ## What it does

    Reports each note whose `sent` is after the deadline (24 hours after the
    interview ended). A date-only `sent` is late only if its day is after the
    deadline's day.

    ## Why it matters

    The note works best while the interview is fresh. This is a warning for
    next time: it cannot be fixed for this interview, so add the rule id to
    the record's `ignore:` list once you have read it, if you like.

    ## Example

    ```yaml
    when: 2026-11-18T14:00:00-05:00
    thank_you:
      - to: Lee Park
        sent: 2026-11-21
    ```

    ## How to fix

    Next time, write the note the same evening. To keep this record quiet:

    ```yaml
    ignore: [thank-you-late]
    ```
    """
    dl = ctx.deadlines
    if dl is None:
        return
    tz = ctx.clock.tz
    for note in ctx.interview.thank_you:
        if note.sent is None:
            continue
        if note.sent.whole_day:
            late = note.sent.day > day_in(dl.thank_you, tz)
        else:
            late = note.sent.start > dl.thank_you
        if late:
            to = f" to {q(note.to)}" if note.to else ""
            yield Hit(
                note.path,
                f"The thank-you note{to} was sent {moment(note.sent, ctx.clock.tz)},"
                f" after the deadline {_when(ctx)}.",
                dl.thank_you,
                reads=((*note.path, "sent"),),
            )


SUGGEST_AT_MOST = 20  # unknown recipients per record that get a closest-name suggestion


@rule("thank-you-recipient-unknown", "warning", "record", WAIT, kind=RECORD)
def thank_you_recipient_unknown(ctx: Context) -> Iterator[Hit]:
    """A thank-you note is addressed to someone who is not a recorded interviewer.

    ## What it does

    Reports each note whose `to` matches no interviewer's name (ignoring
    case and extra spaces). When a name is close, the message suggests it:
    most often this is a misspelling, in the record or, worse, in the note.

    ## Why it matters

    The note should reach the people who interviewed you, with their names
    spelled right. A mismatch also hides whether every interviewer was
    thanked.

    ## Example

    ```yaml
    interviewers:
      - name: Dana Whitfield
    thank_you:
      - to: Dana Whitfeld
    ```

    ## How to fix

    Correct the spelling in one place or the other; if the note went to
    someone you did not record (a recruiter who sat in), add them to
    `interviewers`.
    """
    iv = ctx.interview
    names = {normalize_name(n): n for p in iv.named_interviewers if (n := p.name)}
    if not names:
        return
    by_key = {k[:200]: v for k, v in names.items()}  # compared on at most 200 characters
    suggestions = 0
    names_read = each(ctx, "interviewers", "name")
    for note in iv.thank_you:
        if note.to is None or normalize_name(note.to) in names:
            continue
        hint = ""
        if suggestions < SUGGEST_AT_MOST:  # each suggestion compares with every name
            suggestions += 1
            key = normalize_name(note.to)[:200]
            close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.6)
            if close:
                hint = f" Did you mean {q(by_key[close[0]])}?"
        yield Hit(
            note.path,
            f"The thank-you note is addressed to {q(note.to)},"
            f" who is not a recorded interviewer.{hint}",
            reads=((*note.path, "to"), *names_read),
        )
