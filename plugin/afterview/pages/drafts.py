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
from afterview.pages.markup import Md, block, esc, indent, link, md
from afterview.progress import is_upcoming


def thank_you_drafts(iv: Interview, clock: Clock, redacted: bool) -> list[Md]:
    """Markdown lines of the page's "Thank-you drafts" section; none when nothing is owed."""
    if redacted or iv.outcome.status == "withdrawn" or is_upcoming(iv, clock):
        return []
    try:
        drafts = [d for d in make_drafts("thank-you", iv, clock) if d.recipient is not None]
    except DraftError as e:
        return [
            md("## Thank-you drafts {{ data-search-exclude }}"),
            md(""),
            md('!!! warning "The drafts could not be made"'),
            md(""),
            indent(esc(str(e))),
            md(""),
        ]
    if not drafts:
        return []
    lines = [md("## Thank-you drafts {{ data-search-exclude }}"), md("")]
    for d in drafts:
        to = address(d.recipient, d.email)
        if to is not None:
            action = link(md("Open this draft in your mail app"),
                          mailto_url(to, d.subject, d.body))  # fmt: skip
        else:
            action = md("No email address is recorded for {}, so there is no mail link.",
                        d.recipient)  # fmt: skip
        content = md("**Subject:** {}", d.subject or "") + md("\n\n") + block(d.body)
        content = content + md("\n\n") + action
        lines += [
            md('??? note "Draft: thank-you note to {}"', d.recipient),
            md(""),
            indent(content),
            md(""),
        ]
    return lines
