"""The status page: stage counts, what needs attention, and every interview."""

from __future__ import annotations

from datetime import timedelta

from afterview.agenda import Item, items_for, sort_key
from afterview.clock import Clock
from afterview.findings import counts
from afterview.model import normalize_name
from afterview.pages.across import across_section
from afterview.pages.cards import card_table
from afterview.pages.common import (
    Entry,
    relative,
    sorted_by,
    stage_badge,
    when_cell,
    when_text,
)
from afterview.pages.markup import Md, esc, md, page, page_link, span
from afterview.pages.timeline import status_timeline
from afterview.progress import STAGES, stage
from afterview.rules import ACTION_RULES

SOON_DAYS = 7
AGENDA_RULES = frozenset(ACTION_RULES.values())  # findings that are agenda items
COLUMNS = ("Company", "Role", "Round", "Date", "Stage", "Next action", "Due", "Findings")
NO_DUE = "9999999999"


def _group_key(e: Entry) -> tuple[str, str]:
    iv = e.interview
    if iv is None:
        return ("\uffff", e.file_name)
    return (normalize_name(iv.company or ""), normalize_name(iv.role or ""))


def _start(e: Entry) -> float:
    iv = e.interview
    return iv.when.start.timestamp() if iv is not None and iv.when is not None else 0.0


def ordered_groups(entries: list[Entry]) -> list[list[Entry]]:
    """Rounds with the same company and role together, oldest round first;
    groups newest first; records that did not load last."""
    groups: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        groups.setdefault(_group_key(e), []).append(e)
    out = [sorted(g, key=lambda e: (_start(e), e.page)) for g in groups.values()]
    out.sort(key=lambda g: (g[0].interview is None, -max(_start(e) for e in g), g[0].page))
    return out


def _attention(entries: list[Entry], clock: Clock, status_page: str) -> list[Md]:
    horizon = clock.now + timedelta(days=SOON_DAYS)
    pairs: list[tuple[Item, Entry]] = []
    for e in entries:
        if e.interview is not None:
            pairs += [(i, e) for i in items_for(e.interview, clock) if i.due is not None]
    pairs.sort(key=lambda p: sort_key(p[0]))

    def line(item: Item, e: Entry) -> Md:
        assert item.due is not None
        return md(
            "- **{}** ({}) · {} · {}",
            when_text(item.due, clock),
            relative(item.due, clock),
            item.detail,
            page_link(e.title(), status_page, e.page),
        )

    overdue = [line(i, e) for i, e in pairs if i.overdue]
    soon = [line(i, e) for i, e in pairs if not i.overdue and i.due and i.due <= horizon]
    # An overdue step's error (thank-you-overdue) is the agenda item listed under
    # "Overdue"; each item is listed once.
    broken = [
        md(
            '- <code class="av-rule">{}</code> · {}, line {}: {}',
            f.rule,
            page_link(e.file_name, status_page, e.page),
            f.line,
            f.message,
        )
        for e in entries
        for f in e.findings
        if f.severity == "error" and f.rule not in AGENDA_RULES
    ]
    out = [md("## Needs attention"), md("")]
    if not (overdue or soon or broken):
        return out + [md("Nothing overdue and nothing due in the next {} days.", SOON_DAYS), md("")]
    if broken:
        out += [md("### Errors in records"), md(""), *broken, md("")]
    out += [md("### Overdue"), md("")]
    out += [*(overdue or [md("Nothing overdue.")]), md("")]
    out += [md("### Due in the next {} days", SOON_DAYS), md("")]
    out += [*(soon or [md("Nothing due soon.")]), md("")]
    return out


def _findings_cell(e: Entry) -> Md:
    """A badge per severity found, the first carrying the sort key (errors first); "none"."""
    c = counts(e.findings)
    key = str(c["error"] * 10**8 + c["warning"] * 10**4 + c["info"])
    found = [(sev, n) for sev, n in c.items() if n]
    if not found:
        return sorted_by(esc("none"), key)
    return md(" ").join(
        span(
            f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}",
            f"av-sev av-sev--{sev}",
            key if i == 0 else None,
        )
        for i, (sev, n) in enumerate(found)
    )


def _row(e: Entry, index: int, size: int, clock: Clock, status_page: str) -> list[Md]:
    """A row of the table: only what is shown, its sort keys, and the classes the
    stylesheet uses (content/usage.md, "The status page")."""
    link = page_link(e.short_title(), status_page, e.page)
    iv = e.interview
    if iv is None:
        return [
            link,
            esc("—"),
            sorted_by(esc("—"), "0"),
            sorted_by(esc("—"), "0"),
            stage_badge("could not load", "-1"),
            esc("Fix the record"),
            sorted_by(esc("—"), NO_DUE),
            _findings_cell(e),
        ]
    st = stage(iv, clock)
    if size > 1:
        cls = "av-round av-round--first" if index == 0 else "av-round av-round--next"
        round_cell = span(f"round {index + 1} of {size}", cls, str(index + 1))
    elif iv.round:
        round_cell = esc(str(iv.round))  # a number: the sort reads the text
    else:
        round_cell = sorted_by(esc("—"), "0")
    when = iv.when
    date_cell = (
        sorted_by(when_cell(when, clock), f"{when.start.timestamp():.0f}")
        if when
        else sorted_by(esc("—"), "0")
    )
    items = sorted(items_for(iv, clock), key=sort_key)
    nxt = items[0] if items else None
    action = esc(nxt.detail) if nxt else esc("—")
    if nxt and nxt.overdue:
        action = md("<strong>{}</strong>", action)
    if nxt and nxt.due:
        due_words = md("{}<br>{}", when_cell(nxt.due, clock), relative(nxt.due, clock))
        key = f"{nxt.due.timestamp():.0f}"
        due = span(due_words, "av-due--overdue", key) if nxt.overdue else sorted_by(due_words, key)
    else:
        due = sorted_by(esc("—"), NO_DUE)
    return [
        link,
        esc(iv.role or "(no role)"),
        round_cell,
        date_cell,
        stage_badge(st, str(STAGES.index(st))),
        action,
        due,
        _findings_cell(e),
    ]


def render_status(entries: list[Entry], clock: Clock, status_page: str) -> str:
    """The status page's Markdown (assembled from markup's ``Md`` fragments)."""
    stages = {s: 0 for s in STAGES}
    for e in entries:
        if e.interview is not None:
            stages[stage(e.interview, clock)] += 1
    broken = sum(1 for e in entries if e.interview is None)
    badges = md(" ").join(
        span(md("{} <strong>{}</strong>", s, n), f"av-stage av-stage--{s.replace(' ', '-')}")
        for s, n in stages.items()
    )
    if broken:
        badges += md(" {}", span(md("could not load <strong>{}</strong>", broken), "av-stage"))
    lines = [
        md("---"),
        md("hide:"),
        md("  - toc"),
        md("---"),
        md(""),
        md("# Status"),
        md(""),
        md(
            "Computed for **{}** from {} record{}.",
            when_text(clock.now, clock),
            len(entries),
            md("") if len(entries) == 1 else md("s"),
        ),
        md(""),
        md('<div class="av-counts"><p>{}</p></div>', badges),
        md(""),
    ]
    # the stage bar and the timeline, drawings left out of the search index (usage.md)
    lines += [md('<figure class="av-drawings" data-search-exclude>')]
    lines += [status_timeline(entries, clock), md("</figure>")]
    lines.append(md(""))
    lines += _attention(entries, clock, status_page)
    lines += [
        md("## All interviews"),
        md(""),
        md(
            "Sort by any column with its header (on a phone, the “Sort by” buttons above"
            " the cards); rounds with the same company and role are grouped."
        ),
        md(""),
    ]
    rows = [
        _row(e, i, len(group), clock, status_page)
        for group in ordered_groups(entries)
        for i, e in enumerate(group)
    ]
    # Each interview is found by its company, role and next action; the rest repeats.
    # 8 names on each of hundreds of rows: the stylesheet names the columns (.av-status).
    lines += card_table(COLUMNS, rows, "av-sortable av-status", labels_in_css=True)
    lines.append(md(""))
    lines += across_section(entries, clock, status_page)
    return page(lines)
