"""The lessons page: what went well, what to work on and feedback, newest first."""

from __future__ import annotations

from afterview.clock import Clock
from afterview.pages.common import LESSONS_PAGE, Entry, moment_text
from afterview.pages.markup import Md, md, page, page_link, rich


def render_lessons(entries: list[Entry], clock: Clock) -> str:
    """Every reflection item and piece of feedback, grouped by kind, newest interview first."""
    loaded = [e for e in entries if e.interview is not None and e.interview.when is not None]
    loaded.sort(key=lambda e: (-e.interview.when.start.timestamp(), e.page))  # type: ignore[union-attr]
    sections: dict[str, list[Md]] = {
        "What went well": [],
        "What to work on": [],
        "Feedback received": [],
    }
    for e in loaded:
        iv = e.interview
        assert iv is not None and iv.when is not None
        source = md(
            "{}, {}", page_link(e.title(), LESSONS_PAGE, e.page), moment_text(iv.when, clock)
        )
        sections["What went well"] += [
            md("- {} — {}", rich(x), source) for x in iv.reflection.went_well
        ]
        sections["What to work on"] += [
            md("- {} — {}", rich(x), source) for x in iv.reflection.to_improve
        ]
        if iv.outcome.feedback:
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
    for title, items in sections.items():
        lines += [md("## {}", title), md(""), *(items or [md("Nothing recorded yet.")]), md("")]
    return page(lines)
