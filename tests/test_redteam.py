"""The red-team corpus (tests/redteam/): one record per class of attack, built into one site.

Each record puts its class's payloads into every text field the schema has, and
all of them at once into the fields that take paragraphs. Classes: Markdown
inside URLs, images inside URLs, attribute break-out, javascript:/data:/
vbscript: and other schemes in every link form, autolinks, reference-style
links, HTML entities that decode to tags, bidi controls, control characters,
very long values, nested brackets, and markup that fetches or navigates without
script together with the syntax of Markdown extensions and template engines.
One record is also published under a hostile file name.

The site is read back (every HTML file) and opened page by page in headless
Chromium: no dialog, no request off the site, no CSP violation, no script
error, no ``javascript:``/``data:``/``vbscript:`` link, no image from another
host; the search and the sortable table work; and each page shows the payloads
as literal text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml

from fixtures.site.helpers import build, make_site
from test_browser import REPORT_CSP, Watch, _require_browser, _serve, has_csp_first, site_pages
from test_site_hardening import FIELDS, NOT_PUBLISHED, _leaves, audit, problems, shown

CORPUS = Path(__file__).resolve().parent / "redteam"
RECORDS = sorted(CORPUS.glob("*.yaml"))
CLASSES = [p.stem.removeprefix("2026-11-10-") for p in RECORDS]
HOSTILE_NAME = "2026-11-10-name x) [y](javascript:alert(1)) <img src=x>.yaml"
BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")

assert len(RECORDS) >= 12, RECORDS
_ = REPORT_CSP  # the watcher reports every violation (see test_browser)


def shown_text(text: str) -> str:
    """A value as a page shows it: white space runs as one space, control characters gone."""
    spaced = re.sub(r"\s+", " ", text)
    return " ".join("".join(c for c in spaced if unicodedata.category(c) != "Cc").split())


def payloads(record: dict) -> set[str]:
    """Every published free-text value of a record, as shown."""
    out = set()
    for path, value in _leaves(record):
        published = path in FIELDS and shown(path) not in NOT_PUBLISHED
        if published and isinstance(value, str) and value.strip():
            out.add(shown_text(value))
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built with the real plugin, redaction off (the payloads are shown),
    with a palette toggle and instant navigation."""
    records = {p.name: p.read_text(encoding="utf-8") for p in RECORDS}
    records[HOSTILE_NAME] = records[RECORDS[0].name]
    # fail_on info: every finding (many quote a payload) is a warning in the build log
    root = make_site(
        tmp_path_factory.mktemp("redteam"), records, {"fail_on": "info", "redact": False}
    )
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["theme"]["features"] = ["navigation.instant", "search.highlight"]
    config["theme"]["palette"] = [
        {"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Dark"}},
        {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Light"}},
    ]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    proc = build(root / "mkdocs.yml", root / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    logged = [line for line in proc.stderr.splitlines() if "afterview:" in line]
    assert len(logged) > len(RECORDS)  # the findings, each on one line
    for line in logged:  # no terminal escape, control or bidi character from a record
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", line), line
    return root / "site"


def test_every_class_is_in_the_corpus() -> None:
    assert {
        "markdown-in-url",
        "image-in-url",
        "attribute-breakout",
        "schemes",
        "autolinks",
        "reference-links",
        "entities",
        "bidi",
        "control-chars",
        "long",
        "nested-brackets",
        "fetch-and-extensions",
    } <= set(CLASSES)
    for path in RECORDS:
        assert len(payloads(yaml.safe_load(path.read_text(encoding="utf-8")))) >= 5, path


def _off_site(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme or parts.netloc) and parts.scheme not in ("mailto", "tel", "data")


@pytest.mark.slow
def test_built_html_holds_nothing_live(site: Path) -> None:
    """Read back: no handler, no script URL, no image or other fetch from another host,
    no navigation element from a record; every page has its policy."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        bad = problems(audit(text))
        for tag, attr in (
            ("img", "src"),
            ("img", "srcset"),
            ("script", "src"),
            ("link", "href"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "poster"),
            ("object", "data"),
            ("form", "action"),
            ("base", "href"),
        ):
            for value in re.findall(rf"<{tag}\b[^>]*\s{attr}=\"([^\"]*)\"", text, re.I):
                if _off_site(value) or value.lower().startswith(BAD_SCHEMES):
                    bad.append(f"<{tag} {attr}={value[:60]!r}>")
        for href in re.findall(r"<a\b[^>]*\shref=\"([^\"]*)\"", text, re.I):
            if re.sub(r"[\x00-\x20]", "", href).lower().startswith(BAD_SCHEMES):
                bad.append(f"<a href={href[:60]!r}>")
        if re.search(r"<meta[^>]+http-equiv=\"?refresh", text, re.I):
            bad.append("meta refresh")
        if 'http-equiv="Content-Security-Policy"' not in text[:2000]:
            bad.append("no policy")
        if bad:
            found[where] = bad
    assert not found, found


@pytest.mark.slow
def test_search_index_holds_text_only(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            tags = set(re.findall(r"<\s*([a-zA-Z][\w:-]*)", doc.get(key) or ""))
            assert not tags & {"img", "script", "iframe", "a", "style", "link", "meta", "base"}, (
                doc["location"],
                tags,
            )


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    _require_browser()
    with _serve(site) as url:
        yield url


# In the live DOM: links with a script scheme, images or other fetching elements whose
# URL leaves the page's origin, and elements a record must never create.
LIVE = """() => {
  const bad = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const p = new URL(a.getAttribute('href'), location.href).protocol;
    if (['javascript:', 'data:', 'vbscript:', 'file:'].includes(p)) bad.push('a ' + p);
  }
  for (const el of document.querySelectorAll('img, source, video, audio, iframe, object, embed')) {
    for (const name of ['src', 'srcset', 'poster', 'data']) {
      const v = el.getAttribute(name);
      if (v && new URL(v.split(' ')[0], location.href).origin !== location.origin
          && !v.startsWith('data:')) bad.push(el.tagName + ' ' + v.slice(0, 60));
    }
  }
  for (const el of document.querySelectorAll('article script, article style, article iframe,'
      + ' article form, article img, article meta, article base, article link, article object'))
    bad.push('article ' + el.tagName);
  for (const el of document.querySelectorAll('*'))
    for (const attr of el.attributes)
      if (attr.name.startsWith('on')) bad.push(el.tagName + ' ' + attr.name);
  return bad;
}"""


@pytest.mark.slow
@pytest.mark.browser
def test_every_page_of_the_corpus_in_a_browser(browser, site: Path, site_url: str) -> None:
    w = Watch(browser, site_url)
    try:
        page = w.page
        paths = site_pages(site)
        stems = [p.stem for p in RECORDS] + [Path(HOSTILE_NAME).stem]
        assert {f"interviews/{quote(s)}/" for s in stems} <= set(paths)
        live: dict[str, list[str]] = {}
        missing: dict[str, list[str]] = {}
        for path in paths:
            page.goto(f"{site_url}/{path}", wait_until="load")
            assert has_csp_first(page), path
            bad = page.evaluate(LIVE)
            if bad:
                live[path] = bad
        for record, stem in zip(RECORDS, stems, strict=False):
            page.goto(f"{site_url}/interviews/{quote(stem)}/", wait_until="load")
            text = shown_text(page.evaluate("() => document.body.innerText"))
            data = yaml.safe_load(record.read_text(encoding="utf-8"))
            lost = [p[:80] for p in payloads(data) if p not in text]
            if lost:
                missing[record.name] = lost
        page.wait_for_timeout(300)
        found = {
            "dialogs": w.dialogs,
            "requests off the site": w.outside,
            "CSP violations": w.csp,
            "script errors": w.errors,
            "live markup": live,
            "payloads not shown as text": missing,
        }
        assert not any(found.values()), {k: v for k, v in found.items() if v}
    finally:
        w.close()


@pytest.mark.slow
@pytest.mark.browser
def test_search_sorting_and_palette_work_under_the_policy(browser, site_url: str) -> None:
    w = Watch(browser, site_url)
    try:
        page = w.page
        page.goto(f"{site_url}/status/", wait_until="load")
        page.click("input.md-search__input")
        meta = "document.querySelector('.md-search-result__meta').innerText"
        page.wait_for_function(f"() => !/Initializing/i.test({meta})", timeout=20_000)
        for query in ("alert", "script", "onmouseover"):
            page.fill("input.md-search__input", "")
            page.keyboard.type(query, delay=10)
            page.wait_for_selector(".md-search-result__item", timeout=20_000)
            page.wait_for_timeout(200)
            assert page.evaluate(LIVE) == [], query
        page.keyboard.press("Escape")
        page.goto(f"{site_url}/status/", wait_until="load")
        cells = ".av-sortable table tbody tr td:nth-child(1)"
        before = page.eval_on_selector_all(cells, "cs => cs.map(c => c.textContent.trim())")
        page.click(".av-sortable th:nth-child(1)")
        after = page.eval_on_selector_all(cells, "cs => cs.map(c => c.textContent.trim())")
        # the site's script ran and reordered the rows (its collation is the browser's)
        assert sorted(after) == sorted(before) and len(after) == len(RECORDS) + 1
        assert after != before
        assert page.get_attribute(".av-sortable th:nth-child(1)", "aria-sort") == "ascending"
        page.click(".av-sortable th:nth-child(1)")
        assert page.get_attribute(".av-sortable th:nth-child(1)", "aria-sort") == "descending"
        scheme = "() => document.body.getAttribute('data-md-color-scheme')"
        first = page.evaluate(scheme)
        page.click("form[data-md-component=palette] label:visible")
        page.wait_for_function(f"() => ({scheme})() !== {json.dumps(first)}")
        page.click("article a[href*='interviews/']")  # instant navigation
        page.wait_for_selector("article h2")
        assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
        page.wait_for_timeout(300)
        assert not w.dialogs and not w.outside, (w.dialogs, w.outside)
        assert not w.csp, w.csp
        assert not w.errors, w.errors
    finally:
        w.close()
