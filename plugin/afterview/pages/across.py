"""The status page's view across interviews: promises kept, offers, the lessons most noted.

The same computations and words as ``afterview stats`` (afterview.promises,
afterview.offers, afterview.lessons), escaped like every page.
"""

from __future__ import annotations

from afterview.clock import Clock
from afterview.lessons import Lesson
from afterview.offers import offers
from afterview.pages.cards import card_table
from afterview.pages.common import LESSONS_PAGE, OFFERS_PAGE, Entry
from afterview.pages.lessons import lessons_by_section, source_links, sources_text
from afterview.pages.markup import Md, md, page_link, rich
from afterview.pages.search_chart import search_chart
from afterview.promises import describe, promises, summary, tally_text

TOP_LESSONS = 3
LATEST_SOURCES = 3  # interviews named per lesson on the status page (usage.md, "The status page")


UNSETTLED = ("broken", "open")  # the promises the status page lists one by one


def _promises(entries: list[Entry], clock: Clock, here: str) -> list[Md]:
    """The overall tally; the companies with a promise broken or still open, with their
    tallies, and those promises one by one; the rest counted (usage.md, "The status page")."""
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
    listed = [t for t in companies if any(t.counts[s] for s in UNSETTLED)]
    rest = len(companies) - len(listed)
    if listed:
        rows = [[t.company, tally_text(t)] for t in listed]
        out += card_table(["Who promised", "What became of it"], rows)
        out.append(md(""))
    if rest and listed:
        out += [
            md(
                "Not listed: {} with no promise broken or still open (`afterview stats` lists"
                " every company).",
                f"{rest} company" if rest == 1 else f"{rest} companies",
            ),
            md(""),
        ]
    elif rest:
        out += [
            md(
                "No company has a promise broken or still open (`afterview stats` lists every"
                " company)."
            ),
            md(""),
        ]
    by_path = {e.interview.path: e for e in entries if e.interview is not None}
    items = []
    for p in promises(interviews, clock):
        if p.state in UNSETTLED:
            e = by_path[p.interview.path]
            items.append(md("<li>{}: {}</li>", page_link(e.title(), here, e.page), describe(p)))
    if items:  # finished HTML: nothing for Markdown to parse again inside it
        out += [
            md(
                '<details class="av-promises"><summary>Each promise broken or still open'
                "</summary>\n<ul>\n{}\n</ul>\n</details>",
                md("\n").join(items),
            ),
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
    out += [md("1. **{}** — {}", rich(x.text), _noted(x, by_page, clock, here)) for x in top]
    out += [md(""), md("All of them: {}.", page_link("Lessons", here, LESSONS_PAGE)), md("")]
    return out


def _noted(x: Lesson[str], by_page: dict[str, Entry], clock: Clock, here: str) -> Md:
    """The interviews a lesson was noted in: all of them when ``LATEST_SOURCES`` or fewer,
    else how many and the latest few (the Lessons page lists them all)."""
    if x.count <= LATEST_SOURCES:
        return sources_text(x, by_page, clock, here)
    return md(
        "noted in {} interviews, the latest {}: {}; and {} more",
        x.count,
        LATEST_SOURCES,
        source_links(x.sources[:LATEST_SOURCES], by_page, clock, here),  # newest first
        x.count - LATEST_SOURCES,
    )


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
