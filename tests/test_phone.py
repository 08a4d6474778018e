"""The generated pages on a phone (390 px) and a laptop (1280 px), in headless Chromium.

Every table's every cell is inside the viewport without sideways scrolling
(on a phone each row is a card, see afterview.pages.cards), badges are at
least 12 px, and a rule id never breaks across lines. Screenshots go to
tests/artifacts/ (not tracked) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
WIDTHS = (390, 1280)
PAGES = (
    "status/",
    "interviews/2026-11-13-quillon-logistics-site-reliability-engineer/",
    "interviews/2026-11-10-northwind-traders-senior-data-engineer/",
    "checks/",
)

# Every table cell (header cells a phone hides excepted) whose text reaches
# outside the viewport, or that clips its own content.
OUTSIDE = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('.md-typeset td, .md-typeset th')) {
    const box = cell.getBoundingClientRect();
    if (!box.width && !box.height) continue;  // not displayed
    const text = document.createRange();
    text.selectNodeContents(cell);
    const r = text.getBoundingClientRect();
    if (r.left < -0.5 || r.right > innerWidth + 0.5 || box.left < -0.5
        || box.right > innerWidth + 0.5 || cell.scrollWidth > cell.clientWidth + 1) {
      const where = `[${Math.round(r.left)}, ${Math.round(r.right)}]`;
      out.push(`${cell.textContent.trim().slice(0, 40)} ${where}`);
    }
  }
  return out;
}"""

# Rule ids drawn on more than one line (an inline box broken across lines has
# one client rectangle per line).
BROKEN_IDS = """() => [...document.querySelectorAll('.av-rule')]
  .filter(e => e.getClientRects().length > 1)
  .map(e => e.textContent)"""

SMALL_BADGES = """() => [...document.querySelectorAll('.av-stage, .av-sev, .av-state')]
  .filter(e => e.getClientRects().length)
  .map(e => [e.textContent, parseFloat(getComputedStyle(e).fontSize)])
  .filter(([, size]) => size < 14)"""

# At 390 px: each card's cells after the first show their column's name, the
# words of the column's header (from the cell's data-label, or for the status
# table from the stylesheet), and the first cell, the card's heading, shows none.
UNLABELLED = """() => [...document.querySelectorAll('.av-cards tbody td')]
  .filter(td => {
    const shown = getComputedStyle(td, '::before').content;
    if (td.cellIndex === 0) return shown !== 'none';
    const header = td.closest('table').tHead.rows[0].cells[td.cellIndex];
    return shown !== JSON.stringify(header.textContent.trim());
  })
  .map(td => td.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_every_table_cell_is_readable_without_sideways_scrolling(
    browser, sample_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        ARTIFACTS.mkdir(exist_ok=True)
        for path in PAGES:
            page.goto(f"{sample_url}/{path}")
            page.wait_for_load_state("load")
            page.wait_for_selector(".md-typeset table")
            name = path.strip("/").replace("/", "-")
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
            scroll = page.evaluate("() => [document.scrollingElement.scrollWidth, innerWidth]")
            assert scroll[0] <= scroll[1], (path, scroll)
            assert page.evaluate(OUTSIDE) == [], path
            assert page.evaluate(BROKEN_IDS) == [], path
            assert page.evaluate(SMALL_BADGES) == [], path
            if width < 720:
                assert page.evaluate(UNLABELLED) == [], path
                cards = page.eval_on_selector_all(".av-cards tbody tr", "rs => rs.length")
                assert cards > 0, path
    finally:
        context.close()


def test_phone_cards_keep_the_columns_sortable(browser, sample_url: str) -> None:
    """On a phone the headers stay, as buttons above the cards, and still sort."""
    context = browser.new_context(viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{sample_url}/status/")
        page.wait_for_selector(".av-sortable th[role=button]")
        first = "() => [...document.querySelectorAll('.av-sortable tbody tr')]" + (
            ".map(r => r.cells[0].textContent.trim())"
        )
        before = page.evaluate(first)
        page.click(".av-sortable th:nth-child(1)")
        assert page.evaluate(first) == sorted(before, key=str.casefold)
        header = page.eval_on_selector(".av-sortable thead", "e => e.getBoundingClientRect()")
        assert header["width"] <= 390
    finally:
        context.close()


def test_rule_ids_stay_whole_in_a_narrow_column(browser, sample_url: str) -> None:
    """The longest rule id in the checks index, squeezed: it overflows, never breaks."""
    context = browser.new_context(viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{sample_url}/checks/")
        page.wait_for_selector(".av-rule")
        lines = page.evaluate(
            """() => {
              const id = [...document.querySelectorAll('.av-rule')]
                .sort((a, b) => b.textContent.length - a.textContent.length)[0];
              id.closest('td').style.cssText = 'display: block; width: 4em; max-width: 4em';
              const whole = id.getClientRects().length;
              id.style.whiteSpace = 'normal';  // the control: without the rule it breaks
              id.style.overflowWrap = 'anywhere';
              return [id.textContent, whole, id.getClientRects().length];
            }"""
        )
        assert lines[0] == "interviewer-spelling-unconfirmed"
        assert lines[1] == 1 and lines[2] > 1
    finally:
        context.close()


# The status table's dates, each in a cell as wide as its day and 60% of its time: the first
# line and the number of lines, as written (no-break spaces inside the day and the time) and,
# the control, with ordinary spaces instead.
SQUEEZED_DATES = """() => [...document.querySelectorAll('.av-sortable td:nth-child(4) [data-sort]')]
  .filter(e => e.textContent.includes(':'))
  .map(e => {
    const td = e.closest('td');
    const width = s => {
      const t = document.createElement('span');
      t.style.whiteSpace = 'pre';
      t.textContent = s;
      td.appendChild(t);
      const w = t.getBoundingClientRect().width;
      t.remove();
      return w;
    };
    const lines = () => {
      const node = e.firstChild, r = document.createRange(), tops = [];
      let first = '';
      for (let i = 0; i < node.length; i++) {
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        const box = r.getClientRects()[0];
        if (!box) continue;
        const top = Math.round(box.top);
        if (!tops.includes(top)) tops.push(top);
        if (top === tops[0]) first += node.data[i];
      }
      return [first.trim(), tops.length];
    };
    const written = e.textContent;
    const [day, time] = written.split(', ');
    const room = width(day + ', ') + 0.6 * width(time);
    td.style.cssText = `display: block; padding: 0; width: ${room}px; max-width: ${room}px`;
    const whole = lines();
    e.textContent = written.replace(/\u00a0/g, ' ');
    const loose = lines();
    e.textContent = written;
    return [day, whole, loose];
  })"""


def test_a_date_in_the_status_table_breaks_between_day_and_time_only(
    browser, sample_url: str
) -> None:
    """A date too wide for its cell breaks after its day, never inside the day or the time;
    with ordinary spaces (the control) the time would be split."""
    context = browser.new_context(viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{sample_url}/status/")
        page.wait_for_selector(".av-sortable td")
        dates = page.evaluate(SQUEEZED_DATES)
        assert len(dates) >= 5
        for day, whole, loose in dates:
            assert whole == [day + ",", 2], (day, whole)
            assert loose[0] != day.replace("\u00a0", " ") + ",", (day, loose)
    finally:
        context.close()


# The timelines and stage bars (afterview.pages.timeline) as drawn: which drawings
# are displayed, their boxes (content wider than the box would scroll sideways),
# and the smallest text drawn in them, in CSS pixels.
TIMELINES = """() => {
  const shown = [...document.querySelectorAll('svg.av-tl')].filter(e => e.getClientRects().length);
  const boxes = [...document.querySelectorAll('.av-tl-figure, .av-tl-scroll')]
    .filter(e => e.getClientRects().length)
    .map(e => ({name: e.className, scroll: e.scrollWidth, client: e.clientWidth,
                right: e.getBoundingClientRect().right}));
  const texts = shown.flatMap(svg => [...svg.querySelectorAll('text')])
    .filter(t => t.textContent.trim() && t.getClientRects().length)
    .map(t => [t.getBoundingClientRect().height, t.textContent]);
  texts.sort((a, b) => a[0] - b[0]);
  return {
    shown: shown.map(e => e.getAttribute('class')),
    right: Math.max(0, ...shown.map(e => e.getBoundingClientRect().right)),
    boxes, smallest: texts[0] || null,
  };
}"""

TIMELINE_PAGES = {  # page: the names of the pictures on it
    "status/": (
        "Interviews by stage",
        "Timeline of the interviews still in play",
        "The search, week by week",
    ),
    "interviews/2026-11-10-northwind-traders-senior-data-engineer/": (
        "Timeline of this interview",
    ),
    "interviews/2026-11-13-quillon-logistics-site-reliability-engineer/": (
        "Timeline of this interview",
    ),
}


@pytest.mark.parametrize("width", WIDTHS)
def test_timelines_fit_a_phone_and_stay_wide_on_a_laptop(
    browser, sample_url: str, width: int
) -> None:
    """At 390 px the narrow drawings show, inside the screen, with text of 14 px or more
    (its box 15 px high or more; test_accessibility measures the font sizes);
    at 1280 px and in print the wide ones; a screen reader meets each picture once."""
    from test_browser import Watch

    watch = Watch(browser, sample_url)
    page = watch.page
    try:
        page.set_viewport_size({"width": width, "height": 900})
        ARTIFACTS.mkdir(exist_ok=True)
        want = "av-tl--narrow" if width < 720 else "av-tl--wide"
        for path, names in TIMELINE_PAGES.items():
            page.goto(f"{sample_url}/{path}")
            page.wait_for_selector("svg.av-tl", state="attached")
            for scheme in ("default", "slate"):
                page.evaluate(
                    f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')"
                )
                shot = (
                    ARTIFACTS / f"timeline-{path.split('/')[-2] or 'status'}-{scheme}-{width}.png"
                )
                page.locator("article").screenshot(path=str(shot))
                seen = page.evaluate(TIMELINES)
                assert len(seen["shown"]) == len(names), (path, seen["shown"])
                assert all(want in cls.split() for cls in seen["shown"]), (path, seen["shown"])
                for box in seen["boxes"]:
                    assert box["scroll"] <= box["client"], (path, box)
                    assert box["right"] <= width + 0.5, (path, box)
                assert seen["right"] <= width + 0.5, (path, seen["right"])
                assert seen["smallest"][0] >= 15, (path, seen["smallest"])
            for name in names:  # the hidden drawing is out of the accessibility tree
                assert page.get_by_role("img", name=name, exact=True).count() == 1, (path, name)
            assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
            page.emulate_media(media="print")
            printed = page.evaluate(TIMELINES)["shown"]
            assert len(printed) == len(names)
            assert all("av-tl--wide" in cls.split() for cls in printed), (path, printed)
            page.emulate_media(media="screen")
        assert not watch.csp, watch.csp
        assert not watch.errors and not watch.outside, (watch.errors, watch.outside)
    finally:
        watch.close()
