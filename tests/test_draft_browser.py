"""The thank-you drafts on a built interview page, in headless Chromium: collapsed until
opened, a mailto link that reads back as the draft, and hostile values that run nothing."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from fixtures.site.helpers import build, make_site
from test_browser import _require_browser, _serve
from test_draft import FULL, HOSTILE

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ME = '\n[tool.afterview.me]\nname = "Zoë Reyes"\npitch = "I <b>fit</b> {{ 7*7 }}."\n'


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    root = make_site(
        tmp_path_factory.mktemp("drafts-browser"),
        {"2026-11-24-bluegate.yaml": FULL, "2026-11-24-hostile.yaml": HOSTILE},
        settings=ME,
    )
    proc = build(root / "mkdocs.yml", root / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    with _serve(root / "site") as url:
        yield url


def test_draft_block_opens_and_its_mail_link_holds_the_draft(browser, site_url: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(f"{site_url}/interviews/2026-11-24-bluegate/", wait_until="load")
        block = page.locator("details", has_text="Draft: thank-you note to Marisol Okafor")
        assert block.count() == 1
        assert block.get_attribute("open") is None  # collapsed at first
        assert not page.get_by_text("Dear Ms. Okafor,").is_visible()
        block.locator("summary").click()
        assert page.get_by_text("Dear Ms. Okafor,").is_visible()
        link = block.get_by_role("link", name="Open this draft in your mail app")
        href = link.get_attribute("href")
        assert href is not None
        url = urlsplit(href)
        assert url.scheme == "mailto"
        assert unquote(url.path) == "marisol.okafor@bluegate.example"
        query = parse_qs(url.query)
        assert query["subject"] == [
            "Thank you for our conversation about the Analytics Engineer role"
        ]
        body = query["body"][0]
        assert body.startswith("Dear Ms. Okafor,\r\n\r\nThank you for taking the time")
        assert body.rstrip().endswith("Zoë Reyes")
        assert "I <b>fit</b> {{ 7*7 }}." in body  # the pitch, as text
        assert "I <b>fit</b> {{ 7*7 }}." in block.inner_text()
        assert block.locator("b").count() == 0

        page.goto(f"{site_url}/interviews/2026-11-24-hostile/", wait_until="load")
        for summary in page.locator("details summary").all():
            summary.click()
        text = page.inner_text("article")
        assert "{{ 7*7 }} {% include 'offer.txt.j2' %} <script>alert(1)</script>" in text
        hrefs = [a.get_attribute("href") for a in page.locator("details a").all()]
        assert [unquote(urlsplit(h).path) for h in hrefs if h] == ["lee@example.com"]
        page.wait_for_timeout(300)
        assert not dialogs, dialogs
    finally:
        page.close()
