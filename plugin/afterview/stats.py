"""Across interviews: promises kept, offers side by side, the lessons most noted.

One JSON document and one text for ``afterview stats``, from the same plain
computations the pages use (afterview.promises, afterview.offers,
afterview.lessons), in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from afterview import wording
from afterview.clock import Clock
from afterview.lessons import of_interviews
from afterview.model import Interview
from afterview.offers import amount_text, offers, pay_note
from afterview.promises import describe, promises, summary, tally_text
from afterview.search import in_words, weeks

TOP_LESSONS = 3


def as_json(interviews: Sequence[Interview], clock: Clock) -> dict[str, Any]:
    """Everything ``afterview stats --format json`` prints."""
    companies, overall = summary(interviews, clock)
    found = offers(interviews, clock)
    return {
        "now": clock.echo,
        "promises": {
            "overall": overall.as_json(),
            "companies": [t.as_json() for t in companies],
            "interviews": [p.as_json() for p in promises(interviews, clock)],
        },
        "offers": [x.as_json() for x in found],
        "offers_note": pay_note(found),
        "weeks": [w.as_json() for w in weeks(interviews, clock)],
        "to_work_on": [
            {"text": x.text, "count": x.count, "paths": x.sources}
            for x in of_interviews(interviews, "to_improve")[:TOP_LESSONS]
        ],
    }


def as_text(interviews: Sequence[Interview], clock: Clock) -> str:
    """The same as lines for a terminal (record text is made printable by the caller)."""
    companies, overall = summary(interviews, clock)
    lines = [f"As of {wording.moment(clock.now, clock.tz)}.", "", "Promises kept"]
    if not companies:
        lines.append("  No record names the day they would be in touch (closing.expected_contact).")
    else:
        lines.append(f"  All companies: {tally_text(overall)}")
        for t in companies:
            lines.append(f"  {t.company}: {tally_text(t)}")
        lines.append("")
        for p in promises(interviews, clock):
            iv = p.interview
            lines.append(
                f"  {iv.company or '(no company)'} — {iv.role or '(no role)'}: {describe(p)}"
            )
    lines += ["", "Offers"]
    found = offers(interviews, clock)
    if not found:
        lines.append("  No offer recorded yet.")
    for x in found:
        iv, o = x.interview, x.interview.outcome
        pay = amount_text(o.pay_amount) if o.pay_amount else o.pay or "pay not recorded"
        lines.append(
            f"  {iv.company or '(no company)'} — {iv.role or '(no role)'}: {x.stage}, {pay}"
        )
        lines += [f"    still to settle: {q}" for q in x.questions]
    note = pay_note(found)
    if note:
        lines.append(f"  {note}")
    lines += ["", "Interviews in play, week by week"]
    lines += [f"  {in_words(w)}" for w in weeks(interviews, clock)] or ["  No dated interview yet."]
    lines += ["", "What to work on, most noted"]
    top = of_interviews(interviews, "to_improve")[:TOP_LESSONS]
    if not top:
        lines.append("  Nothing recorded under reflection.to_improve yet.")
    for lesson in top:
        noted = f"noted in {lesson.count} interview{'s' if lesson.count != 1 else ''}"
        lines.append(f"  {lesson.text} ({noted}: {', '.join(lesson.sources)})")
    return "\n".join(lines) + "\n"
