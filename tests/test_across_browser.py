"""The pages across interviews in headless Chromium at 390 and 1280 px: the offers table is
a card per offer on a phone, every cell inside the screen and labelled; the search picture
shows one drawing per width, named by its title, with its text equivalent."""

from __future__ import annotations

import pytest

from test_phone import OUTSIDE, UNLABELLED

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SHOWN_DRAWINGS = """() => [...document.querySelectorAll('svg.av-search')]
  .filter(s => s.getBoundingClientRect().width > 0)
  .map(s => [s.getAttribute('role'), s.querySelector('title').textContent,
             Math.round(s.getBoundingClientRect().width), s.classList.contains('av-tl--narrow')])"""


@pytest.mark.parametrize("width", [390, 1280])
def test_offers_and_the_search_picture_at_both_widths(browser, sample_url: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{sample_url}/offers/")
        assert page.locator("table tbody tr").count() == 1  # the sample's one offer
        assert page.evaluate(OUTSIDE) == []
        if width == 390:
            assert page.evaluate(UNLABELLED) == []
            still = page.locator('td[data-label="Still to settle"]')
            assert "Benefits: which health cover" in still.inner_text()
        page.goto(f"{sample_url}/status/")
        drawings = page.evaluate(SHOWN_DRAWINGS)
        assert len(drawings) == 1, drawings  # the other drawing is display: none
        role, title, drawn_width, narrow = drawings[0]
        assert (role, title, narrow) == ("img", "The search, week by week", width == 390)
        assert drawn_width <= width
        page.locator("summary", has_text="The search as text").click()
        assert page.locator(".av-search-figure li").first.is_visible()
        assert page.evaluate(OUTSIDE) == []
    finally:
        context.close()
