"""The built site in a real browser: Debian's Chromium driven by Playwright (headless).

Without Playwright or Chromium these tests skip, saying why; under CI=true they
fail instead, since .ci/run installs the browser.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from fixtures.site.helpers import REPO, SAMPLES

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = os.environ.get("AFTERVIEW_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Tests never write tracked files: the README's picture is refreshed on purpose by
# scripts/update_screenshot.py; this one is for looking at (gitignored).
SCREENSHOT = REPO / "tests" / "artifacts" / "status-page.png"


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def _require_browser() -> None:
    reason = _unavailable()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run under CI=true, but {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _serve(folder: Path) -> Iterator[str]:
    """Serve folder on a free localhost port for the duration; yields its URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site: Path) -> list[str]:
    """Every built HTML page of a site, as a path to open under its URL."""
    pages = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]
    return [quote(p.removesuffix("index.html")) for p in pages]


def has_csp_first(page) -> bool:
    """True when the page's <head> opens with the policy (after <meta charset> at most)."""
    return page.evaluate(
        """() => {
          const kids = [...document.head.children];
          const i = kids.findIndex(e => e.httpEquiv === 'Content-Security-Policy');
          return i === 0 || (i === 1 && kids[0].hasAttribute('charset'));
        }"""
    )


# Reports each Content-Security-Policy violation on the console, where Watch sees it.
REPORT_CSP = """document.addEventListener('securitypolicyviolation', (e) => console.error(
  `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sample})`))"""


class Watch:
    """A page with every console error, page error, CSP violation, dialog and outside
    request recorded (outside: anything not under base, which is routed and aborted)."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.errors: list[str] = []
        self.csp: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.route("**/*", self._route)
        self.context.add_init_script(REPORT_CSP)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("CSP violation"):
            self.csp.append(text)
        if message.type == "error":
            self.errors.append(text)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watch(browser, sample_url: str) -> Iterator[Watch]:
    w = Watch(browser, sample_url)
    yield w
    w.close()


def _search(page, query: str) -> str:
    """Type a query into Material's search once its index is ready; the results' text."""
    page.click("input.md-search__input")
    meta = "document.querySelector('.md-search-result__meta').innerText"
    ready = f"() => !/Initializing/i.test({meta})"
    page.wait_for_function(ready, timeout=20_000)
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    return page.inner_text(".md-search-result")


def _column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(
        ".av-sortable table tbody tr",
        f"rows => rows.map(r => r.cells[{index}].textContent.trim())",
    )


def test_status_page_lists_every_interview_and_sorts(watch: Watch) -> None:
    page = watch.page
    page.goto(f"{watch.base}/status/")
    page.wait_for_selector(".av-sortable table[data-av-sortable] tbody tr")  # sorting set up
    links = page.eval_on_selector_all(
        ".av-sortable table tbody tr td:first-child a", "as => as.map(a => a.href)"
    )
    assert sorted(link.rstrip("/").rsplit("/", 1)[1] for link in links) == [s.stem for s in SAMPLES]

    before = _column(page, 0)
    page.click(".av-sortable th:nth-child(1)")
    ascending = _column(page, 0)
    assert ascending == sorted(before, key=str.casefold) and ascending != before
    page.click(".av-sortable th:nth-child(1)")
    assert _column(page, 0) == sorted(before, key=str.casefold, reverse=True)
    page.click(".av-sortable th:nth-child(4)")  # date: by its data-sort timestamp
    stamps = page.eval_on_selector_all(
        ".av-sortable table tbody tr td:nth-child(4) [data-sort]",
        "els => els.map(e => Number(e.dataset.sort))",
    )
    assert len(stamps) == len(SAMPLES) and stamps == sorted(stamps)

    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.click(".av-sortable th:nth-child(8)")
    page.click(".av-sortable th:nth-child(8)")  # most findings first
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(height, 2400)})
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
    assert not watch.errors and not watch.outside and not watch.dialogs and not watch.csp


def test_sorting_survives_instant_navigation(watch: Watch) -> None:
    page = watch.page
    page.goto(f"{watch.base}/")
    page.click("article a[href$='/status/']")  # Material's instant navigation: no page load
    page.wait_for_selector(".av-sortable table[data-av-sortable] tbody tr")  # sorting set up
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    before = _column(page, 1)
    page.click(".av-sortable th:nth-child(2)")
    assert _column(page, 1) == sorted(before, key=str.casefold)
    page.click(".av-sortable table tbody tr td:first-child a")  # instant, one level deeper
    page.wait_for_selector("article h2")
    page.go_back()
    page.wait_for_selector(".av-sortable table[data-av-sortable] tbody tr")  # sorting set up
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    assert not watch.errors and not watch.outside and not watch.csp


def test_search_finds_a_company(watch: Watch) -> None:
    page = watch.page
    page.goto(f"{watch.base}/")
    assert "Quillon Logistics" in _search(page, "Quillon")
    assert not watch.errors and not watch.outside and not watch.csp


@pytest.mark.slow
def test_every_page_loads_under_its_csp(watch: Watch, sample_site: Path) -> None:
    """Every built page, its policy first in <head>: no violation, error or outside request."""
    page = watch.page
    paths = site_pages(sample_site)
    assert {"", "status/", "lessons/", "checks/schema/", "404.html"} <= set(paths)
    assert {f"interviews/{s.stem}/" for s in SAMPLES} <= set(paths)
    without = []
    for path in paths:
        page.goto(f"{watch.base}/{path}", wait_until="load")
        if not has_csp_first(page):
            without.append(path)
    page.wait_for_timeout(200)
    assert not without, without
    assert not watch.csp, watch.csp
    assert not watch.errors, watch.errors
    assert not watch.outside, watch.outside
    assert not watch.dialogs, watch.dialogs


def test_the_policy_blocks_a_script_it_did_not_hash(watch: Watch, sample_site: Path) -> None:
    """The negative control: the same page with one more inline script in its content,
    given to add_csp as untrusted, runs the theme's scripts but not that one."""
    from afterview.csp import add_csp

    built = (sample_site / "status" / "index.html").read_text(encoding="utf-8")
    bare = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", built)
    injected = "<script>window.__injected = 1</script>"
    html = bare.replace("<article", injected + "<article", 1)
    (sample_site / "status" / "injected.html").write_text(add_csp(html, untrusted=injected))
    page = watch.page
    page.goto(f"{watch.base}/status/injected.html", wait_until="load")
    page.wait_for_timeout(200)
    assert page.evaluate("() => typeof window.__injected") == "undefined"
    assert page.evaluate("() => typeof __md_scope") == "object"  # the theme's inline script ran
    assert any("script-src" in v for v in watch.csp), watch.csp
    page.click(".av-sortable th:nth-child(1)")  # and the site's own script still sorts
    assert page.get_attribute(".av-sortable th:nth-child(1)", "aria-sort") == "ascending"


@pytest.fixture(scope="module")
def xss_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The fixtures/site/xss records' site (conftest's xss_build), served."""
    _require_browser()
    built = request.getfixturevalue("xss_build")
    assert built.returncode == 0, built.stderr[-3000:]
    with _serve(built.site) as url:
        yield url


@pytest.mark.slow
def test_hostile_record_runs_no_script(browser, xss_url: str) -> None:
    w = Watch(browser, xss_url)
    try:
        page = w.page
        for path in ("", "status/", "interviews/2026-11-10-evil/", "lessons/", "checks/"):
            page.goto(f"{xss_url}/{path}", wait_until="load")
            assert has_csp_first(page), path
        page.goto(f"{xss_url}/status/")
        assert "<script>alert(1)</script>" in page.inner_text("body")
        page.goto(f"{xss_url}/interviews/2026-11-10-evil/")
        assert "<img src=x onerror=alert(1)>" in page.inner_text("article")
        foreign = "article img, article iframe, article object, article embed"
        assert page.eval_on_selector_all(foreign, "e => e.length") == 0
        assert "<script>alert(1)</script>" in _search(page, "Mallory")
        page.wait_for_timeout(300)
        assert not w.dialogs, w.dialogs
        assert not w.outside, w.outside
        assert not w.csp, w.csp
    finally:
        w.close()
