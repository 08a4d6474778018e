"""Shared pieces of the generated pages: names, dates and badges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from afterview import wording
from afterview.checker import FileResult
from afterview.clock import Clock
from afterview.findings import Finding
from afterview.model import Interview
from afterview.moments import Moment
from afterview.pages.markup import Md, esc, md, plain, span

CHECKS_DIR = "checks"
INTERVIEWS_DIR = "interviews"
LESSONS_PAGE = "lessons.md"
OFFERS_PAGE = "offers.md"
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

    def title(self) -> Md:
        """Company and role, escaped; the file name for a record that did not load."""
        iv = self.interview
        if iv is None:
            return esc(self.file_name)
        return md("{} — {}", iv.company or "(no company)", iv.role or "(no role)")

    def short_title(self) -> Md:
        """The company, escaped; the file name for a record that did not load."""
        iv = self.interview
        return esc(self.file_name if iv is None else iv.company or "(no company)")

    def plain_title(self) -> str:
        """The title as plain text (see markup.plain), for the page's front matter."""
        iv = self.interview
        if iv is None:
            return plain(self.file_name)
        return plain(f"{iv.company or '(no company)'} — {iv.role or '(no role)'}")


def page_stem(path: str) -> str:
    """The page name a record file gets: its stem, with line breaks, tabs, control, format
    and separator characters (which a file name may hold) as "-", so no published path
    holds a line break or an invisible character. A plain space stays (links encode it)."""
    stem = PurePath(path).stem
    if stem.isprintable():  # str.isprintable: False for every such character, True for " "
        return stem
    return "".join(ch if ch.isprintable() else "-" for ch in stem)


def entries(results: list[FileResult]) -> list[Entry]:
    """An Entry per result, each with a unique page under interviews/."""
    used: set[str] = set()
    out = []
    for r in sorted(results, key=lambda r: r.path):
        stem = page_stem(r.path)
        page, n = f"{INTERVIEWS_DIR}/{stem}.md", 2
        while page in used:
            page, n = f"{INTERVIEWS_DIR}/{stem}-{n}.md", n + 1
        used.add(page)
        out.append(Entry(r, page))
    return out


def when_text(dt: datetime, clock: Clock) -> str:
    """A due time as people read it, in the playbook's zone (see afterview.wording)."""
    return wording.moment(dt, clock.tz)


def moment_text(m: Moment, clock: Clock) -> str:
    """A recorded date or date-time, in the playbook's zone."""
    if m.whole_day:
        return wording.moment(m.day)
    return when_text(m.start, clock)


def when_cell(value: datetime | Moment, clock: Clock) -> Md:
    """``when_text`` / ``moment_text`` for a table cell: it may wrap between day and time only.

    The words of the day, and of the time, are joined by no-break spaces (U+00A0),
    so no element is needed to keep them together (content/usage.md, "The status page").
    """
    if isinstance(value, Moment):
        parts = wording.moment_parts(value.day if value.whole_day else value.start, clock.tz)
    else:
        parts = wording.moment_parts(value, clock.tz)
    day, time = parts
    if not time:
        return _unbroken(day)
    return md("{}, {}", _unbroken(day), _unbroken(time))


def _unbroken(words: str) -> Md:
    """Words of a date or time the code wrote, escaped, joined by no-break spaces; a time's
    colons are written as they are (its digits around them are escaped)."""
    return md("\u00a0").join(md(":").join(word.split(":")) for word in words.split(" "))


def relative(dt: datetime, clock: Clock) -> str:
    """'overdue by 2 days', 'in 5 hours', 'due now', relative to clock.now."""
    return wording.relative(dt, clock.now)


def sorted_by(text: Md, key: str) -> Md:
    """A cell's words with the key its table sorts them by (``key``: digits the code wrote;
    afterview.js reads the ``data-sort`` inside a cell), and no class: nothing styles it."""
    return md('<span data-sort="{}">{}</span>', key, text)


def stage_badge(stage: str, sort: str | None = None) -> Md:
    return span(esc(stage), f"av-stage av-stage--{stage.replace(' ', '-')}", sort)

