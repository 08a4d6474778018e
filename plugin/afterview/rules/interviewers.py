"""Record each interviewer's name and title, spelled right."""

from __future__ import annotations

from collections.abc import Iterator

from afterview.rules.base import AFTER, RECORD, Context, Hit, q, rule


@rule("interviewers-missing", "error", "record", AFTER, kind=RECORD)
def interviewers_missing(ctx: Context) -> Iterator[Hit]:
    """No interviewer is recorded.

    ## What it does

    Once the interview has taken place, reports a record whose
    `interviewers` list is absent or empty.

    ## Why it matters

    The name and title of everyone you met are what the thank-you notes, the
    follow-up call and any later contact rest on. Get them before you leave:
    a business card is the easiest way.

    ## Example

    ```yaml
    company: Northwind Traders
    role: Data Engineer
    when: 2026-11-18T14:00:00-05:00
    ```

    ## How to fix

    ```yaml
    interviewers:
      - name: Dana Whitfield
        title: Director of Data Platform
    ```
    """
    iv = ctx.interview
    if not iv.interviewers:
        present = "interviewers" in iv.record.data
        yield Hit(
            ("interviewers",) if present else None,
            "No interviewer is recorded: add each person's name and title.",
            key=True,
        )


@rule("interviewer-name-missing", "error", "record", AFTER, kind=RECORD)
def interviewer_name_missing(ctx: Context) -> Iterator[Hit]:
    """An interviewer has no name.

    ## What it does

    Reports each entry of `interviewers` without a `name`.

    ## Why it matters

    You cannot address a thank-you note, or ask for someone on the phone a
    week later, without their name.

    ## Example

    ```yaml
    interviewers:
      - title: Staff Engineer
    ```

    ## How to fix

    Add the name, spelled as on their business card or email signature:

    ```yaml
    interviewers:
      - name: Lee Park
        title: Staff Engineer
    ```
    """
    for i, p in enumerate(ctx.interview.interviewers, 1):
        if p.name is None:
            what = f" ({p.title})" if p.title else ""
            yield Hit(
                p.path, f"Interviewer #{i}{what} has no name recorded.", reads=((*p.path, "name"),)
            )


@rule("interviewer-title-missing", "error", "record", AFTER, kind=RECORD)
def interviewer_title_missing(ctx: Context) -> Iterator[Hit]:
    """An interviewer has no title.

    ## What it does

    Reports each entry of `interviewers` without a `title`.

    ## Why it matters

    The title tells you who decides, who to call after a week, and how to
    address your note. It is easy to get on the day and hard to find later.

    ## Example

    ```yaml
    interviewers:
      - name: Lee Park
    ```

    ## How to fix

    ```yaml
    interviewers:
      - name: Lee Park
        title: Staff Engineer
    ```
    """
    for i, p in enumerate(ctx.interview.interviewers, 1):
        if p.title is None:
            who = f"{q(p.name)}" if p.name else f"#{i}"
            yield Hit(
                p.path, f"Interviewer {who} has no title recorded.", reads=((*p.path, "title"),)
            )


@rule("interviewer-spelling-unconfirmed", "info", "record", AFTER, kind=RECORD)
def interviewer_spelling_unconfirmed(ctx: Context) -> Iterator[Hit]:
    """An interviewer's name has not been checked for spelling.

    ## What it does

    Reports each interviewer with neither `business_card: true` nor
    `spelling_confirmed: true`.

    ## Why it matters

    A misspelt name in a thank-you note undoes much of its effect. A
    business card settles the spelling; otherwise check it against an email
    signature or the company's site.

    ## Example

    ```yaml
    interviewers:
      - name: Dana Whitfield
        title: Director of Data Platform
    ```

    ## How to fix

    ```yaml
    interviewers:
      - name: Dana Whitfield
        title: Director of Data Platform
        business_card: true
    ```
    """
    for i, p in enumerate(ctx.interview.interviewers, 1):
        if p.business_card is not True and p.spelling_confirmed is not True:
            who = f"{q(p.name)}" if p.name else f"#{i}"
            yield Hit(
                p.path,
                f"The spelling of interviewer {who} is not confirmed"
                " (no business card, spelling_confirmed not true).",
                reads=((*p.path, "business_card"), (*p.path, "spelling_confirmed")),
            )
