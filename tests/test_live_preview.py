"""The owner's loop in a real browser: `mkdocs serve` on loopback, a saved record,
the page changing by itself under its Content-Security-Policy, the owner's own notes
shown with the preview banner; and the same playbook built, or served on another
address, redacted (content/security.md, "Your own preview" and "Live reload").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.site.helpers import REPO, build, make_site
from test_browser import Watch, has_csp_first
from test_site_serve import fetch, mkdocs_serve

pytestmark = pytest.mark.slow

RECORD = "2026-10-28-tallow-and-finch-data-analyst.yaml"
PAGE = "interviews/2026-10-28-tallow-and-finch-data-analyst/"
PRIVATE = "They hired someone with retail forecasting experience."  # outcome.feedback
PERSON = "Odile Marchetti"
BANNER = "Local preview: not redacted; the published build is"


def playbook(tmp_path: Path) -> Path:
    """A copy of the samples with `redact: true`, as `afterview init` writes it."""
    return make_site(tmp_path / "playbook", REPO / "content" / "interviews", {"redact": True})


@pytest.mark.browser
def test_a_saved_record_shows_by_itself_under_the_policy(browser, tmp_path: Path) -> None:
    root = playbook(tmp_path)
    with mkdocs_serve(root, "127.0.0.1") as (base, proc):
        w = Watch(browser, base)
        try:
            page = w.page
            page.goto(f"{base}/status/", wait_until="load")
            assert has_csp_first(page)
            page.wait_for_function("() => true")  # the load handler starts the poll
            page.evaluate("() => { window.__not_reloaded = true }")
            record = root / "content" / "interviews" / RECORD
            text = record.read_text(encoding="utf-8")
            record.write_text(text.replace("Tallow & Finch", "Tallow & Wren"), encoding="utf-8")
            page.wait_for_function(
                "() => !!document.body && document.body.innerText.includes('Tallow & Wren')",
                timeout=30_000,
            )
            assert page.evaluate("() => window.__not_reloaded") is None  # a reload, by itself
            assert has_csp_first(page)  # with the policy still in place
            # After a click (the theme's instant navigation) a second save reloads the
            # page shown: each served page's script is hashed anew.
            page.click("text=Tallow & Wren")
            page.wait_for_url(f"**/{PAGE}")
            page.evaluate("() => { window.__not_reloaded = true }")
            record.write_text(text.replace("Tallow & Finch", "Tallow & Rook"), encoding="utf-8")
            page.wait_for_function(
                "() => !!document.body && document.body.innerText.includes('Tallow & Rook')",
                timeout=30_000,
            )
            assert page.evaluate("() => window.__not_reloaded") is None
            assert page.url == f"{base}/{PAGE}"
            page.wait_for_timeout(300)
            assert not w.csp, w.csp
            assert not w.errors, w.errors
            assert not w.outside, w.outside
            assert proc.poll() is None
        finally:
            w.close()


@pytest.mark.browser
def test_the_local_preview_shows_the_owners_notes_with_a_banner(browser, tmp_path: Path) -> None:
    root = playbook(tmp_path)
    with mkdocs_serve(root, "127.0.0.1") as (base, _proc):
        w = Watch(browser, base)
        try:
            page = w.page
            for path in ("status/", PAGE, "lessons/", "checks/"):
                page.goto(f"{base}/{path}", wait_until="load")
                assert page.get_by_text(BANNER).first.is_visible(), path
            page.goto(f"{base}/{PAGE}", wait_until="load")
            body = page.inner_text("article")
            assert PRIVATE in body and PERSON in body
            page.goto(f"{base}/", wait_until="load")  # a guidance page shows no record
            assert BANNER not in page.inner_text("body")
            assert not w.csp, w.csp
        finally:
            w.close()
    # The same playbook built: redacted as configured, no banner.
    site = tmp_path / "site"
    proc = build(root / "mkdocs.yml", site, strict=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for path in ("status/", PAGE, "lessons/", "checks/"):
        built = (site / path / "index.html").read_text(encoding="utf-8")
        assert BANNER not in built and PRIVATE not in built and PERSON not in built, path
    assert "A redacted build" in (site / "status" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("host", "args"),
    [("0.0.0.0", ()), ("127.0.0.1", ("--clean",))],
    ids=["every-address", "loopback-clean"],
)
def test_other_serves_stay_redacted(tmp_path: Path, host: str, args: tuple[str, ...]) -> None:
    """0.0.0.0 is reachable from the network, and `serve --clean` is a plain build on
    purpose: redacted as configured, no banner."""
    root = playbook(tmp_path)
    with mkdocs_serve(root, host, *args) as (base, _proc):
        status = fetch(f"{base}/status/") or ""
        page = fetch(f"{base}/{PAGE}") or ""
    assert "A redacted build" in status and BANNER not in status
    assert "Tallow" in page and PRIVATE not in page and PERSON not in page
