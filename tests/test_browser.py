"""The built site in a real browser: Debian's Chromium driven by Playwright (headless).

Without Playwright or Chromium these tests skip, saying why; under CI=true they
fail instead, since .ci/run installs the browser.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures.site.helpers import FIXTURES, REPO, SAMPLES, build, make_site

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
SCREENSHOT = REPO / "assets" / "status-page.png"


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


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    site = tmp_path_factory.mktemp("browser") / "site"
    proc = build(REPO / "mkdocs.yml", site, strict=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with _serve(site) as url:
        yield url


class Watch:
    """A page with every console error, page error, dialog and outside request recorded."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:")):
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
    page.wait_for_selector(".av-sortable table tbody tr")
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
    dates = _column(page, 3)
    assert dates == sorted(dates)

    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.click(".av-sortable th:nth-child(8)")
    page.click(".av-sortable th:nth-child(8)")  # most findings first
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(height, 2400)})
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
    assert not watch.errors and not watch.outside and not watch.dialogs


def test_sorting_survives_instant_navigation(watch: Watch) -> None:
    page = watch.page
    page.goto(f"{watch.base}/")
    page.click("article a[href$='/status/']")  # Material's instant navigation: no page load
    page.wait_for_selector(".av-sortable table tbody tr")
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    before = _column(page, 1)
    page.click(".av-sortable th:nth-child(2)")
    assert _column(page, 1) == sorted(before, key=str.casefold)
    assert not watch.errors and not watch.outside


def test_search_finds_a_company(watch: Watch) -> None:
    page = watch.page
    page.goto(f"{watch.base}/")
    assert "Quillon Logistics" in _search(page, "Quillon")
    assert not watch.errors and not watch.outside


def test_every_page_loads_without_errors_or_outside_requests(watch: Watch) -> None:
    page = watch.page
    for path in ["", "status/", "lessons/", "checks/", "checks/schema/", "guide/offer/"] + [
        f"interviews/{s.stem}/" for s in SAMPLES
    ]:
        page.goto(f"{watch.base}/{path}")
        page.wait_for_load_state("load")
    assert not watch.errors, watch.errors
    assert not watch.outside, watch.outside


@pytest.fixture(scope="module")
def xss_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    root = make_site(tmp_path_factory.mktemp("xss-browser"), FIXTURES / "xss" / "interviews")
    proc = build(root / "mkdocs.yml", root / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    with _serve(root / "site") as url:
        yield url


def test_hostile_record_runs_no_script(browser, xss_url: str) -> None:
    w = Watch(browser, xss_url)
    try:
        page = w.page
        for path in ("status/", "interviews/2026-11-10-evil/", "lessons/"):
            page.goto(f"{xss_url}/{path}")
            page.wait_for_load_state("load")
            page.wait_for_timeout(200)
        body = page.inner_text("body")
        assert "<script>alert(1)</script>" in body
        page.goto(f"{xss_url}/interviews/2026-11-10-evil/")
        assert "<img src=x onerror=alert(1)>" in page.inner_text("article")
        assert (
            page.eval_on_selector_all("article img, article iframe, article svg", "e => e.length")
            == 0
        )
        assert "<script>alert(1)</script>" in _search(page, "Mallory")
        page.wait_for_timeout(300)
        assert not w.dialogs, w.dialogs
        assert not w.outside, w.outside
    finally:
        w.close()
