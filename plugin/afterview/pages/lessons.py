"""The lessons page: what went well, what to work on and feedback, newest first."""

from __future__ import annotations

from afterview.clock import Clock
from afterview.pages.common import LESSONS_PAGE, Entry, moment_text
from afterview.pages.markup import Md, md, page, page_link, rich
from afterview.redact import WITHHELD


def render_lessons(entries: list[Entry], clock: Clock) -> str:
    """Every reflection item and piece of feedback, grouped by kind, newest interview first."""
    loaded = [e for e in entries if e.interview is not None and e.interview.when is not None]
    loaded.sort(key=lambda e: (-e.interview.when.start.timestamp(), e.page))  # type: ignore[union-attr]
    sections: dict[str, list[Md]] = {
        "What went well": [],
        "What to work on": [],
        "Feedback received": [],
    }
    withheld = False  # a redacted build keeps these private: say so once, not per item
    for e in loaded:
        iv = e.interview
        assert iv is not None and iv.when is not None
        source = md(
            "{}, {}", page_link(e.title(), LESSONS_PAGE, e.page), moment_text(iv.when, clock)
        )
        shown = [x for x in (*iv.reflection.went_well, *iv.reflection.to_improve) if x != WITHHELD]
        withheld |= len(shown) < len(iv.reflection.went_well) + len(iv.reflection.to_improve)
        withheld |= iv.outcome.feedback == WITHHELD
        sections["What went well"] += [
            md("- {} — {}", rich(x), source) for x in iv.reflection.went_well if x != WITHHELD
        ]
        sections["What to work on"] += [
            md("- {} — {}", rich(x), source) for x in iv.reflection.to_improve if x != WITHHELD
        ]
        if iv.outcome.feedback and iv.outcome.feedback != WITHHELD:
            sections["Feedback received"].append(
                md("- {} ({}) — {}", rich(iv.outcome.feedback), iv.outcome.status, source)
            )
    lines = [
        md("# Lessons"),
        md(""),
        md("Gathered from every record, newest interview first: the point of taking stock is"),
        md("the next interview."),
        md(""),
    ]
    if withheld:
        lines += [
            md('!!! note "Kept private"'),
            md(""),
            md("    This site is redacted: reflections and feedback are not published."),
            md(""),
        ]
    for title, items in sections.items():
        empty = md("Not published.") if withheld else md("Nothing recorded yet.")
        lines += [md("## {}", title), md(""), *(items or [empty]), md("")]
    return page(lines)
