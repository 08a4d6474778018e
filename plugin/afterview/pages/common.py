"""Shared pieces of the generated pages: names, dates and badges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from afterview.checker import FileResult
from afterview.deadlines import Clock
from afterview.findings import SEVERITY_ORDER, Finding
from afterview.model import Interview
from afterview.moments import Moment
from afterview.pages.markup import esc, plain, span

CHECKS_DIR = "checks"
INTERVIEWS_DIR = "interviews"
LESSONS_PAGE = "lessons.md"
ADMONITION = {"error": "failure", "warning": "warning", "info": "info"}


@dataclass(frozen=True)
class Entry:
    """One record as the pages see it: its result and the page it gets."""

    result: FileResult
    page: str  # source path of its page, e.g. interviews/2026-11-10-northwind.md

    @property
    def interview(self) -> Interview | None:
        return self.result.interview

    @property
    def findings(self) -> list[Finding]:
        return sorted(self.result.findings, key=Finding.sort_key)

    @property
    def file_name(self) -> str:
        return PurePath(self.result.path).name

    def title(self) -> str:
        """Company and role, escaped; the file name for a record that did not load."""
        iv = self.interview
        if iv is None:
            return esc(self.file_name)
        return f"{esc(iv.company or '(no company)')} — {esc(iv.role or '(no role)')}"

    def plain_title(self) -> str:
        """The title as plain text (see markup.plain), for the page's front matter."""
        iv = self.interview
        if iv is None:
            return plain(self.file_name)
        return plain(f"{iv.company or '(no company)'} — {iv.role or '(no role)'}")


def entries(results: list[FileResult]) -> list[Entry]:
    """An Entry per result, each with a unique page under interviews/."""
    used: set[str] = set()
    out = []
    for r in sorted(results, key=lambda r: r.path):
        stem = PurePath(r.path).stem
        page, n = f"{INTERVIEWS_DIR}/{stem}.md", 2
        while page in used:
            page, n = f"{INTERVIEWS_DIR}/{stem}-{n}.md", n + 1
        used.add(page)
        out.append(Entry(r, page))
    return out


def when_text(dt: datetime, clock: Clock) -> str:
    """A due time as people read it: weekday, date, time and zone."""
    local = clock.in_zone(dt)
    return local.strftime("%a %Y-%m-%d %H:%M %Z").strip()


def moment_text(m: Moment, clock: Clock) -> str:
    """A recorded date or date-time, in the playbook's zone."""
    if m.whole_day:
        return m.day.strftime("%a %Y-%m-%d")
    return when_text(m.start, clock)


def relative(dt: datetime, clock: Clock) -> str:
    """'overdue by 2 days', 'in 5 hours', ... relative to clock.now."""
    seconds = (dt - clock.now).total_seconds()
    amount = abs(seconds)
    if amount < 3600:
        n, unit = max(1, round(amount / 60)), "minute"
    elif amount < 2 * 86400:
        n, unit = round(amount / 3600), "hour"
    else:
        n, unit = round(amount / 86400), "day"
    span_text = f"{n} {unit}{'' if n == 1 else 's'}"
    return f"overdue by {span_text}" if seconds < 0 else f"in {span_text}"


def stage_badge(stage: str, sort: str | None = None) -> str:
    return span(esc(stage), f"av-stage av-stage--{stage.replace(' ', '-')}", sort)


def severity_badge(severity: str) -> str:
    return span(esc(severity), f"av-sev av-sev--{severity}")


def counts(findings: list[Finding]) -> dict[str, int]:
    out = dict.fromkeys(SEVERITY_ORDER, 0)
    for f in findings:
        out[f.severity] += 1
    return out


def counts_text(findings: list[Finding]) -> str:
    c = counts(findings)
    parts = [f"{n} {sev}{'' if n == 1 or sev == 'info' else 's'}" for sev, n in c.items() if n]
    return ", ".join(parts) if parts else "none"
