"""The thank-you drafts on an interview's page: one collapsible block per note still owed.

Each block holds the draft made by ``afterview draft thank-you`` (the same
templates, the playbook's overrides included) and, when the interviewer's
email is recorded, a ``mailto:`` link with the subject and body filled in.
Nothing is shown in a redacted build, before the interview has ended, once
the outcome is ``withdrawn``, or when the record names no interviewer.
"""

from __future__ import annotations

from afterview.clock import Clock
from afterview.drafts import DraftError, make_drafts
from afterview.drafts.eml import address, mailto_url
from afterview.model import Interview
from afterview.pages.markup import Md, admonition, collapsible, link, md, paragraphs, set_aside
from afterview.progress import is_upcoming


def thank_you_drafts(iv: Interview, clock: Clock, redacted: bool) -> list[Md]:
    """Markdown lines of the page's "Thank-you drafts" section; none when nothing is owed.
    The drafts are one finished block (left out of the search index; pages.stash)."""
    if redacted or iv.outcome.status == "withdrawn" or is_upcoming(iv, clock):
        return []
    heading = [md("## Thank-you drafts {{ data-search-exclude }}"), md("")]
    try:
        drafts = [d for d in make_drafts("thank-you", iv, clock) if d.recipient is not None]
    except DraftError as e:
        failed = admonition("warning", "The drafts could not be made", md("<p>{}</p>", str(e)))
        return [*heading, set_aside(failed), md("")]
    if not drafts:
        return []
    boxes = []
    for d in drafts:
        to = address(d.recipient, d.email)
        if to is not None:
            action = link(md("Open this draft in your mail app"),
                          mailto_url(to, d.subject, d.body))  # fmt: skip
        else:
            action = md("No email address is recorded for {}, so there is no mail link.",
                        d.recipient)  # fmt: skip
        body = md(
            "<p><strong>Subject:</strong> {}</p>\n{}\n<p>{}</p>",
            d.subject or "",
            paragraphs(d.body),
            action,
        )
        boxes.append(collapsible("note", md("Draft: thank-you note to {}", d.recipient), body))
    return [*heading, set_aside(md("\n").join(boxes)), md("")]
