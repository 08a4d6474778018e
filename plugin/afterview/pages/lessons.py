"""The lessons page: what went well, what to work on and feedback, newest first."""

from __future__ import annotations

from afterview.deadlines import Clock
from afterview.pages.common import LESSONS_PAGE, Entry, moment_text
from afterview.pages.markup import esc, rel, rich


def render_lessons(entries: list[Entry], clock: Clock) -> str:
    """Every reflection item and piece of feedback, grouped by kind, newest interview first."""
    loaded = [e for e in entries if e.interview is not None and e.interview.when is not None]
    loaded.sort(key=lambda e: (-e.interview.when.start.timestamp(), e.page))  # type: ignore[union-attr]
    sections: dict[str, list[str]] = {
        "What went well": [],
        "What to work on": [],
        "Feedback received": [],
    }
    for e in loaded:
        iv = e.interview
        assert iv is not None and iv.when is not None
        source = f"[{e.title()}]({rel(LESSONS_PAGE, e.page)}), {moment_text(iv.when, clock)}"
        sections["What went well"] += [f"- {rich(x)} — {source}" for x in iv.reflection.went_well]
        sections["What to work on"] += [f"- {rich(x)} — {source}" for x in iv.reflection.to_improve]
        if iv.outcome.feedback:
            status = esc(iv.outcome.status)
            sections["Feedback received"].append(
                f"- {rich(iv.outcome.feedback)} ({status}) — {source}"
            )
    lines = [
        "# Lessons",
        "",
        "Gathered from every record, newest interview first: the point of taking stock is",
        "the next interview.",
        "",
    ]
    for title, items in sections.items():
        lines += [f"## {title}", "", *(items or ["Nothing recorded yet."]), ""]
    return "\n".join(lines)
