"""The drafts on an interview's page: one collapsible block per message the next step needs.

Each block holds the draft ``afterview draft`` makes (the same templates, the
playbook's overrides included) and, when the recipient's email is recorded,
a ``mailto:`` link with the subject and body filled in. Two sections, each
only when its step is due (content/usage.md, "Drafts on the interview
page"):

* *Thank-you drafts*: one per interviewer still owed a note, once the
  interview has ended (``afterview draft thank-you``);
* *Follow-up draft*: the email following up, to the contact person, while
  the interview's stage is ``follow-up due`` (``afterview draft
  follow-up-email``; the phone script stays on the command line).

Nothing is shown in a redacted build (the drafts name people and their
addresses), once the outcome is ``withdrawn``, or when the record names no
interviewer.
"""

from __future__ import annotations

from afterview.clock import Clock
from afterview.drafts import Draft, DraftError, make_drafts
from afterview.drafts.eml import address, mailto_url
from afterview.model import Interview
from afterview.pages.markup import Md, admonition, collapsible, link, md, paragraphs, set_aside
from afterview.progress import is_upcoming, stage


def _box(d: Draft, title: Md) -> Md:
    """One draft as a closed box: subject, body, and its mail link when there is one."""
    to = address(d.recipient, d.email) if d.recipient is not None else None
    if to is not None:
        action = link(md("Open this draft in your mail app"), mailto_url(to, d.subject, d.body))
    else:
        action = md("No email address is recorded for {}, so there is no mail link.",
                    d.recipient or "them")  # fmt: skip
    body = md(
        "<p><strong>Subject:</strong> {}</p>\n{}\n<p>{}</p>",
        d.subject or "",
        paragraphs(d.body),
        action,
    )
    return collapsible("note", title, body)


def _section(heading: Md, boxes: list[Md]) -> list[Md]:
    """A heading left out of the search index and its boxes as one finished block."""
    return [heading, md(""), set_aside(md("\n").join(boxes)), md("")]


def _failed(heading: Md, e: DraftError) -> list[Md]:
    failed = admonition("warning", "The drafts could not be made", md("<p>{}</p>", str(e)))
    return _section(heading, [failed])


def thank_you_drafts(iv: Interview, clock: Clock, redacted: bool) -> list[Md]:
    """Markdown lines of the page's "Thank-you drafts" section; none when nothing is owed."""
    if redacted or iv.outcome.status == "withdrawn" or is_upcoming(iv, clock):
        return []
    heading = md("## Thank-you drafts {{ data-search-exclude }}")
    try:
        drafts = [d for d in make_drafts("thank-you", iv, clock) if d.recipient is not None]
    except DraftError as e:
        return _failed(heading, e)
    boxes = [_box(d, md("Draft: thank-you note to {}", d.recipient)) for d in drafts]
    return _section(heading, boxes) if boxes else []


def follow_up_drafts(iv: Interview, clock: Clock, redacted: bool) -> list[Md]:
    """Markdown lines of the page's "Follow-up draft" section: the follow-up email to the
    contact person while the follow-up is due; none otherwise, or with nobody to send it to."""
    if redacted or stage(iv, clock) != "follow-up due":
        return []
    heading = md("## Follow-up draft {{ data-search-exclude }}")
    try:
        drafts = [d for d in make_drafts("follow-up-email", iv, clock) if d.recipient]
    except DraftError as e:
        return _failed(heading, e)
    boxes = [_box(d, md("Draft: follow-up email to {}", d.recipient)) for d in drafts]
    return _section(heading, boxes) if boxes else []
