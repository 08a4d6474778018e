"""The site's generated pages as plain Markdown, shared by the MkDocs plugin and
``afterview render``. Nothing here imports MkDocs."""

from __future__ import annotations

from collections.abc import Callable

from afterview.checker import FileResult
from afterview.clock import Clock
from afterview.pages.checks import checks_pages
from afterview.pages.common import LESSONS_PAGE, OFFERS_PAGE, entries
from afterview.pages.interview import render_interview
from afterview.pages.lessons import render_lessons
from afterview.pages.markup import Md, blocks_set_aside, clear_caches, url_style
from afterview.pages.offers import render_offers
from afterview.pages.status import render_status

DEFAULT_STATUS_PAGE = "status.md"


def build_pages(
    results: list[FileResult],
    clock: Clock,
    redact: bool = False,
    status_page: str = DEFAULT_STATUS_PAGE,
    publish_private: bool = False,
    urls: str = "directory",
    *,
    keep_block: Callable[[Md, bool], Md] | None = None,
) -> dict[str, str]:
    """Every generated page, keyed by its source path (e.g. ``interviews/x.md``).

    With ``redact`` the records are redacted first (afterview.redact, the one
    place that redacts): no page carries an email, a phone number or a known
    person's name, and, unless ``publish_private``, offer terms, feedback,
    reflections, notes and thank-you texts are withheld. The status page then
    opens with a note saying so. Links between pages are written in the
    ``urls`` style (markup.url_style: ``directory``, ``flat`` or ``source``).
    With ``keep_block`` each finished block (the drawings, the tables, the
    bodies of the sections: markup.set_aside) is handed to it, with whether the
    site search should see it, and the page gets what it returns instead
    (pages.stash; the MkDocs plugin); by default the blocks are in the pages.
    """
    try:
        with url_style(urls), blocks_set_aside(keep_block):
            return _build(results, clock, redact, status_page, publish_private)
    finally:
        clear_caches()  # one build's escaped words and links (memory for MkDocs' pages)


def _build(
    results: list[FileResult], clock: Clock, redact: bool, status_page: str, publish_private: bool
) -> dict[str, str]:
    """build_pages' work, with the links' URL style and the blocks' keeper set."""
    scrub: Callable[[str], str] | None = None
    if redact:
        from afterview.redact import redact_results, results_scrubber

        scrubber = results_scrubber(results)
        scrub = scrubber.text
        results = redact_results(results, publish_private, scrubber)
    listed = entries(results)
    status = render_status(listed, clock, status_page)
    if redact:
        from afterview.redact import notice

        heading = "\n# Status\n\n"
        if heading in status:
            status = status.replace(heading, heading + notice(publish_private) + "\n", 1)
        else:
            status = status.rstrip("\n") + "\n\n" + notice(publish_private)
    pages = {status_page: status}
    for e in listed:
        pages[e.page] = render_interview(e, clock, redact, status_page)
    pages[LESSONS_PAGE] = render_lessons(listed, clock)
    pages[OFFERS_PAGE] = render_offers(listed, clock, private=redact and not publish_private)
    if scrub is None:
        checks = checks_pages(clock.settings)
    else:  # the rules' own examples may name a person of the records: scrubbed whole,
        with blocks_set_aside(None):  # tables included (a placeholder is not the text)
            checks = {name: scrub(text) for name, text in checks_pages(clock.settings).items()}
    pages.update(checks)
    return pages
