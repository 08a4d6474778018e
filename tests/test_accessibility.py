"""A site you can read: axe-core on every built page, text sizes, and the drawings' geometry.

axe-core (npm, pinned) is installed once into the gitignored tests/artifacts/axe;
without Node.js and npm the axe test skips, and under CI=true it fails instead.
It runs in Chromium at 390 and 1280 px on every page of the sample site, in a
browser context of its own that bypasses the Content-Security-Policy (so the
injected axe script runs; the CSP itself is checked by test_browser).

Every violation is either the project's own (an element with an ``av-`` class
or inside one: none allowed) or one of the theme's documented in
content/usage.md ("A site you can read"), matched by rule and theme element
below; anything else fails, so a new kind is seen and written down.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_browser import _serve, site_pages

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REPO = Path(__file__).resolve().parents[1]
AXE = "axe-core@4.14.1"
AXE_DIR = REPO / "tests" / "artifacts" / "axe"  # gitignored cache
WIDTHS = (390, 1280)

# Material's own violations (content/usage.md lists them): rule id -> the theme's
# elements it is allowed on (a CSS selector the element must match or lie inside).
THEME = {
    # Pygments colours of code blocks (--md-code-hl-*: 4.47:1 on #f5f5f5) and the footer.
    "color-contrast": ".highlight, .md-footer",
    # Links coloured, not underlined, inside text (--md-typeset-a-color: 2.34:1 to text).
    "link-in-text-block": "a",
    # The search dialog has no accessible name.
    "aria-dialog-name": ".md-search",
    # Material's wrapper of a wide table scrolls but cannot take focus.
    "scrollable-region-focusable": ".md-typeset__scrollwrap",
}

# Runs axe on the page; each violating element is the project's ("own": it has an av-
# class or lies inside one, or in a drawing), the theme's (inside the selector THEME
# gives for its rule), or "other".
AXE_RUN = """async (theme) => {
  const found = await axe.run(document, {resultTypes: ['violations'], elementRef: true});
  return found.violations.flatMap(v => v.nodes.map(n => {
    const el = n.element;
    const kind = !el ? 'other'
      : el.closest('[class*="av-"]') || el.closest('svg') ? 'own'
      : theme[v.id] && el.closest(theme[v.id]) ? 'theme' : 'other';
    return [kind, v.id, JSON.stringify(n.target), n.failureSummary];
  }));
}"""


def _unavailable(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (CI=true: the site must be checked with axe-core)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's script, installed once with npm into tests/artifacts/axe."""
    from conftest import npm_packages

    npm_packages(AXE_DIR, [AXE], _unavailable)
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    return script.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(sample_site: Path, sample_url: str) -> tuple[Path, str]:
    """The repository's own site (conftest's sample_site) and its URL."""
    return sample_site, sample_url


def test_axe_finds_nothing_of_the_projects_own(browser, site, axe_source: str) -> None:
    """Every page at 390 and 1280 px (and the status and an interview page in the dark
    palette): no violation on the project's markup and CSS; the theme's only as listed."""
    folder, url = site
    paths = [p for p in site_pages(folder) if not p.endswith("404.html")]
    assert {"status/", "lessons/", "checks/"} <= set(paths)
    assert sum(p.startswith("interviews/") for p in paths) >= 5
    context = browser.new_context(bypass_csp=True)  # for axe only; CSP: test_browser
    page = context.new_page()
    own, other, theme = [], [], set()
    try:
        interview = next(p for p in paths if p.startswith("interviews/2026-11-13"))
        runs = [(w, p, "default") for w in WIDTHS for p in paths]
        runs += [(1280, "status/", "slate"), (390, interview, "slate")]
        for width, path, scheme in runs:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{url}/{path}", wait_until="load")
            if scheme != "default":
                page.evaluate(
                    f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')"
                )
                page.wait_for_timeout(400)  # Material's colour transitions end
            page.add_script_tag(content=axe_source)
            for kind, rule, target, summary in page.evaluate(AXE_RUN, THEME):
                where = f"{width}px {scheme} /{path} {rule} {target}: {summary}"
                if kind == "own":
                    own.append(where)
                elif kind == "theme":
                    theme.add(rule)
                else:
                    other.append(where)
    finally:
        context.close()
    assert not own, "\n".join(own)
    assert not other, "not the project's and not a listed theme violation:\n" + "\n".join(other)
    assert theme <= set(THEME)


# Visible text the project styles (an av- class on it or around it, or in a drawing)
# under 14 px: font size times the drawing's scale (its width over its viewBox's).
SMALL = """() => {
  const out = [];
  for (const el of document.querySelectorAll('article *')) {
    if (!el.getClientRects().length) continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    if (!el.closest('[class*="av-"]')) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg) px *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (px < 14) out.push(`${el.getAttribute('class') || el.tagName}: ${px.toFixed(2)} px`
                          + ` "${el.textContent.trim().slice(0, 30)}"`);
  }
  return [...new Set(out)];
}"""

# In each displayed drawing: words outside it, words on words, and words crossed by
# the now line or a date's grid line (the number inside a merged mark excepted: the
# mark is drawn over the lines).
GEOMETRY = r"""() => {
  const out = [];
  const box = (e) => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  const meet = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  const inside = (t) => t.matches('.av-tl-bang, .av-tl-severalcount');
  for (const svg of document.querySelectorAll('svg.av-tl')) {
    if (!svg.getClientRects().length) continue;
    const vb = svg.viewBox.baseVal;
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
    const boxes = texts.map(box);
    const lines = [...svg.querySelectorAll('path.av-tl-now, path.av-tl-grid')].flatMap(p =>
      [...p.getAttribute('d').matchAll(/M(\d+) (\d+)V(\d+)/g)].map(m => [p, +m[1], +m[2], +m[3]]));
    texts.forEach((t, i) => {
      const b = boxes[i], what = `"${t.textContent}"`;
      if (b[0] < -0.5 || b[2] > vb.width + 0.5 || b[1] < -0.5 || b[3] > vb.height + 0.5)
        out.push(`${what} outside its drawing`);
      for (let j = i + 1; j < texts.length; j++)
        if (!inside(t) && !inside(texts[j]) && meet(b, boxes[j]))
          out.push(`${what} on "${texts[j].textContent}"`);
      if (inside(t)) return;
      for (const [l, x, y1, y2] of lines) {
        if (b[0] < x && x < b[2] && Math.max(b[1], y1) < Math.min(b[3], y2))
          out.push(`${what} crossed by ${l.getAttribute('class')}`);
      }
    });
  }
  return out;
}"""

# Marks of one track drawn on each other (their boxes meet).
HIDDEN = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.av-tl--timeline')) {
    if (!svg.getClientRects().length) continue;
    const marks = [...svg.querySelectorAll('g > .av-tl-mark')].map(m => [m, m.getBBox()]);
    for (let i = 0; i < marks.length; i++)
      for (let j = i + 1; j < marks.length; j++) {
        const [, a] = marks[i], [, b] = marks[j];
        if (a.x < b.x + b.width && b.x < a.x + a.width
            && a.y < b.y + b.height && b.y < a.y + a.height)
          out.push(marks[i][0].parentNode.querySelector('title').textContent);
      }
  }
  return out;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_words_are_legible_and_no_mark_hides_another(browser, site, width: int) -> None:
    """On the status, interview, lessons and checks pages: the project's text 14 px or
    more; in the drawings no word leaves the drawing, meets another or is crossed by the
    now line or a grid line, and no mark is drawn on another."""
    folder, url = site
    paths = [p for p in site_pages(folder) if p.startswith(("status/", "interviews/"))]
    paths += ["lessons/", "checks/"]
    page = browser.new_page(viewport={"width": width, "height": 900})
    small, geometry, hidden = [], [], []
    try:
        for path in paths:
            page.goto(f"{url}/{path}", wait_until="load")
            small += [f"/{path} {s}" for s in page.evaluate(SMALL)]
            geometry += [f"/{path} {g}" for g in page.evaluate(GEOMETRY)]
            hidden += [f"/{path} {h}" for h in page.evaluate(HIDDEN)]
    finally:
        page.close()
    assert not small, "\n".join(small)
    assert not geometry, "\n".join(geometry)
    assert not hidden, "\n".join(hidden)


def test_the_sorting_words_match_the_controls(browser, site) -> None:
    """The status page's sentence about sorting names what each width shows: clickable
    headers on a laptop, "Sort by" buttons above the cards on a phone."""
    _folder, url = site
    page = browser.new_page()
    try:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{url}/status/", wait_until="load")
            page.wait_for_selector(".av-sortable th[role=button]")
            said = page.inner_text("article")
            assert "Click a column header" not in said
            assert "Sort by any column with its header" in said
            assert "“Sort by” buttons" in said
            headers = page.eval_on_selector(
                ".av-sortable thead tr", "tr => getComputedStyle(tr).display"
            )
            label = page.eval_on_selector(
                ".av-sortable thead tr", "tr => getComputedStyle(tr, '::before').content"
            )
            if width < 720:  # a row of buttons after the words "Sort by"
                assert headers == "flex" and label == '"Sort by"'
            else:  # a table's header row
                assert headers == "table-row" and label in ("none", "normal")
    finally:
        page.close()


def test_a_busier_search_draws_no_word_on_another(browser, tmp_path: Path) -> None:
    """The status page of 50 generated records (benchmarks/records.py: eleven weeks of
    searching), at each width: the drawings pass the same geometry check. At 390 px the
    first week's date once met the chart's "0"."""
    import importlib.util

    from fixtures.site.helpers import build, make_site

    spec = importlib.util.spec_from_file_location("records", REPO / "benchmarks" / "records.py")
    assert spec is not None and spec.loader is not None
    records = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(records)
    records.generate(tmp_path / "records", 50)
    root = make_site(tmp_path / "site", tmp_path / "records", {"fail_on": "never"})
    built = build(root / "mkdocs.yml", tmp_path / "out")
    assert built.returncode == 0, built.stderr[-3000:]
    geometry = []
    with _serve(tmp_path / "out") as url:
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            try:
                page.goto(f"{url}/status/", wait_until="load")
                assert page.locator("svg.av-search").count() == 2  # wide and narrow
                geometry += [f"{width} px: {g}" for g in page.evaluate(GEOMETRY)]
            finally:
                page.close()
    assert not geometry, "\n".join(geometry)
