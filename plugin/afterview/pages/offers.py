"""The offers page: every offer, open or decided, side by side, with what is left to settle.

One table (a card per offer on a phone, pages.cards). Amounts are shown as
written (afterview.offers), with a note when their currencies or periods
differ. A redacted build that keeps private notes private shows no term at
all, and says so once.
"""

from __future__ import annotations

from afterview import wording
from afterview.clock import Clock
from afterview.offers import Offer, amount_text, offers, pay_note
from afterview.pages.cards import card_table
from afterview.pages.common import OFFERS_PAGE, Entry, stage_badge
from afterview.pages.markup import Md, esc, md, page, page_link, rich

TERMS = ("Pay", "Pay as a number", "Start", "Schedule", "Benefits")


def _settle(x: Offer) -> Md:
    if x.stage == "declined":
        return esc("— (declined)")
    if not x.questions:
        return esc("nothing: pay, schedule and benefits are recorded")
    return md("<br>").join(esc(q) for q in x.questions)


def _row(x: Offer, entry: Entry, private: bool) -> list[object]:
    o = x.interview.outcome
    due = wording.day(o.decision_due) if o.decision_due else "—"
    if o.decision_date is not None:
        due = f"answered {wording.moment(o.decision_date)}"
    head = [page_link(entry.title(), OFFERS_PAGE, entry.page), stage_badge(x.stage)]
    terms: list[object] = []
    if not private:
        terms = [
            rich(o.pay) if o.pay else "—",
            amount_text(o.pay_amount) if o.pay_amount else "—",
            wording.day(o.start_date) if o.start_date else "—",
            rich(o.schedule) if o.schedule else "—",
            rich(o.benefits) if o.benefits else "—",
        ]
    return [*head, *terms, due, _settle(x)]


def render_offers(entries: list[Entry], clock: Clock, private: bool = False) -> str:
    """The offers page's Markdown; ``private``: a redacted build that withholds offer terms."""
    by_path = {e.interview.path: e for e in entries if e.interview is not None}
    found = offers([e.interview for e in entries if e.interview is not None], clock)
    lines = [
        md("# Offers"),
        md(""),
        md("Every offer, open ones first, then those you accepted or declined. Before you"),
        md("accept, settle what “Still to settle” asks."),
        md(""),
    ]
    if private:
        lines += [
            md('!!! note "Kept private"'),
            md(""),
            md("    This site is redacted: offer terms are not published."),
            md(""),
        ]
    if not found:
        return page([*lines, md("No offer recorded yet."), md("")])
    note = None if private else pay_note(found)
    if note:
        lines += [md('!!! info "Comparing pay"'), md(""), md("    {}", note), md("")]
    headers = ["Offer", "Stage", *(() if private else TERMS), "Answer due", "Still to settle"]
    rows = [_row(x, by_path[x.interview.path], private) for x in found]
    lines += card_table(headers, rows)
    lines.append(md(""))
    return page(lines)
