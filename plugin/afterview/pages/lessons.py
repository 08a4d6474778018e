"""The lessons page: what went well, what to work on and feedback, each counted.

Items that say the same thing (afterview.lessons: case, punctuation and
near-duplicates folded) are one lesson, listed with how many interviews it
was noted in and links to them, the most noted first.
"""

from __future__ import annotations

from collections.abc import Sequence

from afterview.clock import Clock
from afterview.lessons import Lesson, group
from afterview.pages.common import LESSONS_PAGE, Entry, moment_text
from afterview.pages.markup import Md, md, page, page_link, rich
from afterview.redaction import WITHHELD

SECTIONS = ("What went well", "What to work on", "Feedback received")


def _newest_first(entries: list[Entry]) -> list[Entry]:
    loaded = [e for e in entries if e.interview is not None and e.interview.when is not None]
    return sorted(loaded, key=lambda e: (-e.interview.when.start.timestamp(), e.page))  # type: ignore[union-attr]


def lessons_by_section(entries: list[Entry]) -> tuple[dict[str, list[Lesson[str]]], bool]:
    """Each section's lessons (sources are page paths), and whether a redacted build
    withheld any item (reflections and feedback are private unless published)."""
    texts: dict[str, list[tuple[str, str]]] = {s: [] for s in SECTIONS}
    withheld = False
    for e in _newest_first(entries):
        iv = e.interview
        assert iv is not None
        for section, items in (
            ("What went well", iv.reflection.went_well),
            ("What to work on", iv.reflection.to_improve),
            ("Feedback received", [iv.outcome.feedback] if iv.outcome.feedback else []),
        ):
            withheld |= WITHHELD in items
            texts[section] += [(x, e.page) for x in items if x != WITHHELD]
    return {s: group(pairs) for s, pairs in texts.items()}, withheld


def source_links(sources: Sequence[str], by_page: dict[str, Entry], clock: Clock, here: str) -> Md:
    """ "link (date); link (date)": the interviews of these pages, linked from ``here``."""
    links = []
    for p in sources:
        e = by_page[p]
        assert e.interview is not None and e.interview.when is not None
        links.append(
            md("{} ({})", page_link(e.title(), here, e.page), moment_text(e.interview.when, clock))
        )
    return md("; ").join(links)


def sources_text(lesson: Lesson[str], by_page: dict[str, Entry], clock: Clock, here: str) -> Md:
    """ "noted in 2 interviews: link (date); link (date)", linked from page ``here``."""
    n = lesson.count
    links = source_links(lesson.sources, by_page, clock, here)
    return md("noted in {} interview{}: {}", n, md("") if n == 1 else md("s"), links)


def render_lessons(entries: list[Entry], clock: Clock) -> str:
    """Every section's lessons, most noted first, each with its count and interviews."""
    sections, withheld = lessons_by_section(entries)
    by_page = {e.page: e for e in entries}
    lines = [
        md("# Lessons"),
        md(""),
        md("Gathered from every record and counted: what you noted in several interviews"),
        md("comes first, with the interviews it came from. The same item written with other"),
        md("capitals, punctuation or a word or two changed counts as one."),
        md(""),
    ]
    if withheld:
        lines += [
            md('!!! note "Kept private"'),
            md(""),
            md("    This site is redacted: reflections and feedback are not published."),
            md(""),
        ]
    for title in SECTIONS:
        items = [
            md("- **{}** — {}", rich(x.text), sources_text(x, by_page, clock, LESSONS_PAGE))
            for x in sections[title]
        ]
        empty = md("Not published.") if withheld else md("Nothing recorded yet.")
        lines += [md("## {}", title), md(""), *(items or [empty]), md("")]
    return page(lines)
