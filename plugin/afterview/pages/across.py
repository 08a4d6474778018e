"""The status page's view across interviews: promises kept, offers, the lessons most noted.

The same computations and words as ``afterview stats`` (afterview.promises,
afterview.offers, afterview.lessons), escaped like every page.
"""

from __future__ import annotations

from afterview.clock import Clock
from afterview.offers import offers
from afterview.pages.cards import card_table
from afterview.pages.common import LESSONS_PAGE, OFFERS_PAGE, Entry
from afterview.pages.lessons import lessons_by_section, sources_text
from afterview.pages.markup import Md, md, page_link, rich
from afterview.pages.search_chart import search_chart
from afterview.promises import describe, promises, summary, tally_text

TOP_LESSONS = 3


def _promises(entries: list[Entry], clock: Clock, here: str) -> list[Md]:
    interviews = [e.interview for e in entries if e.interview is not None]
    companies, overall = summary(interviews, clock)
    out = [md("### Promises kept"), md("")]
    if not companies:
        return out + [
            md("No record names the day they would be in touch (`closing.expected_contact`)."),
            md(""),
        ]
    out += [
        md(
            "Did each company get in touch by the day it named? All companies: {}.",
            tally_text(overall),
        ),
        md(""),
    ]
    rows = [[t.company, tally_text(t)] for t in companies]
    out += card_table(["Who promised", "What became of it"], rows)
    by_path = {e.interview.path: e for e in entries if e.interview is not None}
    items = []
    for p in promises(interviews, clock):
        e = by_path[p.interview.path]
        items.append(md("- {}: {}", page_link(e.title(), here, e.page), describe(p)))
    out += [
        md(""),
        md('<details class="av-promises" markdown><summary>Each promise</summary>'),
        md(""),
        *items,
        md(""),
        md("</details>"),
        md(""),
    ]
    return out


def _offers(entries: list[Entry], clock: Clock, here: str) -> list[Md]:
    found = offers([e.interview for e in entries if e.interview is not None], clock)
    if not found:
        return []
    open_ = sum(1 for x in found if x.stage == "offer")
    unsettled = sum(1 for x in found if x.unsettled)
    return [
        md("### Offers"),
        md(""),
        md(
            "{} offer{}, {} still open, {} with terms to settle: {}.",
            len(found),
            md("") if len(found) == 1 else md("s"),
            open_,
            unsettled,
            page_link("compare them side by side", here, OFFERS_PAGE),
        ),
        md(""),
    ]


def _lessons(entries: list[Entry], clock: Clock, here: str) -> list[Md]:
    sections, withheld = lessons_by_section(entries)
    top = sections["What to work on"][:TOP_LESSONS]
    out = [md("### What to work on, most noted"), md("")]
    if withheld and not top:
        return out + [md("Not published: this site is redacted."), md("")]
    if not top:
        return out + [md("Nothing noted under `reflection.to_improve` yet."), md("")]
    by_page = {e.page: e for e in entries}
    out += [md("1. **{}** — {}", rich(x.text), sources_text(x, by_page, clock, here)) for x in top]
    out += [md(""), md("All of them: {}.", page_link("Lessons", here, LESSONS_PAGE)), md("")]
    return out


def _search(entries: list[Entry], clock: Clock) -> list[Md]:
    chart = search_chart(entries, clock)
    if not chart:
        return []
    return [md("### The search, week by week"), md(""), chart, md("")]


def across_section(entries: list[Entry], clock: Clock, here: str) -> list[Md]:
    """The status page's section "Across interviews" (``here`` is the status page's path)."""
    return [
        md("## Across interviews"),
        md(""),
        *_search(entries, clock),
        *_promises(entries, clock, here),
        *_offers(entries, clock, here),
        *_lessons(entries, clock, here),
    ]
