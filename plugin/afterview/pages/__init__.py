"""The site's generated pages as plain Markdown, shared by the MkDocs plugin and
``afterview render``. Nothing here imports MkDocs."""

from __future__ import annotations

from afterview.checker import FileResult
from afterview.deadlines import Clock
from afterview.pages.checks import checks_pages
from afterview.pages.common import LESSONS_PAGE, entries
from afterview.pages.interview import render_interview
from afterview.pages.lessons import render_lessons
from afterview.pages.status import render_status

DEFAULT_STATUS_PAGE = "status.md"


def build_pages(
    results: list[FileResult],
    clock: Clock,
    redact: bool = False,
    status_page: str = DEFAULT_STATUS_PAGE,
) -> dict[str, str]:
    """Every generated page, keyed by its source path (e.g. ``interviews/x.md``).

    With ``redact`` the records are redacted first (afterview.redact), so no
    page carries an interviewer's email, phone or full name.
    """
    if redact:
        from afterview.redact import redact_results

        results = redact_results(results)
    listed = entries(results)
    pages = {status_page: render_status(listed, clock, status_page)}
    for e in listed:
        pages[e.page] = render_interview(e, clock, redact, status_page)
    pages[LESSONS_PAGE] = render_lessons(listed, clock)
    pages.update(checks_pages(clock.settings))
    return pages
