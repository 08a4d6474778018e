"""Site hardening (issue 5, item 4): every text field of a record, through every payload.

One record per payload, with the payload in every text field the schema has
(derived from ``schemas/interview.schema.json``, so a new text field is covered
the day it is added), built once with the real plugin. The built HTML, the
search index and the calendar are then read back, and the pages are opened in
headless Chromium. Each payload comes in two variants: one calling
``alert(1)`` (a dialog would open) and one setting ``window.__pwned`` (a
sentinel the page never sets itself).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
import yaml

from fixtures.site.helpers import REPO, build, make_site

# The browser tests' availability check (skip, or fail under CI=true),
# local server and page watcher (dialogs, script errors, requests off the site).
from test_browser import Watch, _require_browser, _serve

SCHEMA = REPO / "schemas" / "interview.schema.json"
ITEM = "[]"  # a path step into an array's items

# --- the payloads ----------------------------------------------------------------------------

# "{js}" becomes alert(1) in one variant and window.__pwned=1 in the other.
PAYLOADS: dict[str, str] = {
    "script": "<script>{js}</script>",
    "script-mixed-case": "<ScRiPt>{js}</sCrIpT>",
    "img-onerror": "<img src=x onerror={js}>",
    "svg-onload": "<svg onload={js}>",
    "attribute-breakout": '" onmouseover="{js}',
    "attribute-breakout-single": "' onfocus='{js}' autofocus x='",
    "inline-javascript-link": "[x](javascript:{js})",
    "inline-data-link": "[x](data:text/html,<script>{js}</script>)",
    "obfuscated-links": "[a]( JaVaScRiPt:{js}) [b](&#106;avascript:{js}) [c](java\tscript:{js})",
    "image-link": "![x](javascript:{js})",
    "reference-javascript-link": "[x][r]\n[r]: javascript:{js}",
    "reference-data-link": "[x][r]\n\n[r]: data:text/html,<script>{js}</script>\n",
    "autolink": "<javascript:{js}>",
    "raw-anchor": '<a href="javascript:{js}">a</a> <a href=" &#106;avascript:{js}">b</a>',
    "raw-html-block": "<div>\n<script>{js}</script>\n</div>",
    "markdown-in-html": (
        '<div markdown="1">\n[x](javascript:{js})\n\n<img src=x onerror={js}>\n</div>'
    ),
    "embedded-content": (
        '<iframe src="javascript:{js}"></iframe><object data="javascript:{js}"></object>'
        '<embed src="javascript:{js}"><math><a href="javascript:{js}">m</a></math>'
    ),
    "jinja": "{{ config }} {% raw %}{% endraw %} {% include 'x' %} {{ page.title }}",
    "admonition": '!!! danger "x"\n    <img src=x onerror={js}>\n\n??? note "y"\n    z',
    "attribute-list": 'x\n{: onclick="{js}" }',
    "attribute-list-inline": "# x { .x onclick={js} } *y*{: onmouseover={js} }",
    "title-breakout": "</title><script>{js}</script>",
    "html-comment": "<!-- x",
    "html-comment-close": "--><script>{js}</script><!--",
    "table": "| a | b |\n|---|---|\n| <img src=x onerror={js}> | c |",
    "table-breaker": "a | b || c |",
    "backticks": "`<img src=x onerror={js}>` ``x``\n```html\n<script>{js}</script>\n```",
    "emphasis-and-headings": "# h1\n## *em* __strong__ ~~del~~ ==mark== ^^ins^^\n---\n***",
    "urls-in-text": (
        'https://example.com/"onmouseover="{js}" https://example.com/<script>{js}</script> '
        "mailto:x@example.com?'onclick='{js} https://example.com/{: onclick={js} }"
    ),
    "style": "<style>body{display:none}</style><p style=x>{js}</p>",
    "json-breaker": '"}]}</script><script>{js}</script>\\u003c\\"',
    "ics-breaker": (
        "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:{js};a,b\\n\nEND:VEVENT\nBEGIN:VEVENT\rX:y"
    ),
}
# A record's file name names its page and shows on it: it is record text too.
FILE_NAME_PAYLOADS = {
    "link-breakout": "x) [y](javascript:{js}",
    "attribute-breakout": '"><img src=x onerror={js}>',
    "quote-breakout": "x#'onmouseover='{js}",
    "markdown": "<javascript:{js}> {: onclick={js} } | `x` {{ config }}",
}
VARIANTS = {"alert": "alert(1)", "pwned": "window.__pwned=1"}


def payload_cases() -> dict[str, str]:
    """stem -> payload text: one record per payload and variant (once if it has no {js})."""
    out: dict[str, str] = {}
    for name, template in PAYLOADS.items():
        for variant, js in VARIANTS.items():
            text = template.replace("{js}", js)
            if text not in out.values():
                out[f"2026-11-10-{name}-{variant}"] = text
    for name, template in FILE_NAME_PAYLOADS.items():
        for variant, js in VARIANTS.items():
            text = template.replace("{js}", js)
            out[f"2026-11-10-file-{name}-{variant} {text}"] = text
    return out


CASES = payload_cases()
MARKER_STEM = "2026-11-09-field-markers"

# --- the text fields, from the schema ----------------------------------------------------------


def _resolve(node: dict, schema: dict) -> dict:
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        target = schema
        for part in ref[2:].split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def text_fields(schema: dict) -> list[tuple[str, ...]]:
    """Every path to a free-text string: "type": "string" without enum, format, const or a
    shape of its own (``patternErrorMessage``: dates, times, currency codes).

    Array items are the step ``[]``: ("interviewers", "[]", "name").
    """
    found: list[tuple[str, ...]] = []

    def walk(node: dict, path: tuple[str, ...]) -> None:
        node = _resolve(node, schema)
        types = node.get("type", [])
        if "string" in ([types] if isinstance(types, str) else types):
            shaped = {"enum", "format", "const", "patternErrorMessage"} & set(node)
            if not shaped and path not in found:
                found.append(path)
        for name, child in node.get("properties", {}).items():
            walk(child, (*path, name))
        if "items" in node:
            walk(node["items"], (*path, ITEM))
        for branch in node.get("anyOf", []) + node.get("oneOf", []) + node.get("allOf", []):
            walk(branch, path)

    walk(schema, ())
    return found


def shown(path: tuple[str, ...]) -> str:
    return ".".join(path).replace(".[]", "[]")


SCHEMA_DATA = json.loads(SCHEMA.read_text(encoding="utf-8"))
FIELDS = text_fields(SCHEMA_DATA)

# Text fields the pages do not publish at all (kept in the record only); every
# other text field must show up on its interview page.
NOT_PUBLISHED = {
    "interviewers[].notes",
    "closing.notes",
    "closing.next_steps[].notes",
    "thank_you[].notes",
    "reflection.notes",
    "outcome.notes",
    "outcome.pay_amount.notes",
    "ignore[]",
}

# Everything but the text: a past, rejected onsite interview with an overdue
# next step, so every section, the lessons and the calendar carry the text.
BASE = {
    "version": 1,
    "when": "2026-11-10T14:00:00-05:00",
    "duration": 45,
    "format": "onsite",
    "round": 1,
    "interviewers": [{"business_card": True, "spelling_confirmed": True}],
    "closing": {
        "expected_contact": "2026-11-17",
        "asked_next_steps": True,
        "thanked_staff": True,
        "next_steps": [{"due": "2026-11-20", "done": False}],
    },
    "thank_you": [{"sent": "2026-11-10T19:30:00-05:00", "channel": "email"}],
    "reflection": {"written": "2026-11-11"},
    "follow_ups": [
        {
            "date": "2026-11-18",
            "by": "me",
            "channel": "phone",
            "decision_made": False,
            "still_considered": True,
            "offered_more_info": True,
            "offered_second_interview": True,
        }
    ],
    "outcome": {
        "status": "rejected",
        "date": "2026-11-23",
        "asked_why": True,
        "pay_amount": {"amount": 1000, "currency": "USD", "period": "month"},  # holds notes
    },
}


def _put(record: dict, path: tuple[str, ...], value: str) -> None:
    """Set the text at path, making the first item of each list on the way."""
    node: Any = record
    for step, nxt in zip(path, (*path[1:], None), strict=True):
        if nxt is None:
            if step == ITEM:
                node.append(value)
            else:
                node[step] = value
        elif step == ITEM:
            if not node:
                node.append({})
            node = node[0]
        else:
            node = node.setdefault(step, [] if nxt == ITEM else {})


def make_record(text_for: dict[tuple[str, ...], str]) -> dict:
    """BASE (deep-copied) with each text field set."""
    record = json.loads(json.dumps(BASE))
    for path, value in text_for.items():
        _put(record, path, value)
    return record


def _leaves(value: object, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], object]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v, (*path, ITEM))
    else:
        yield path, value


class _BlockDumper(yaml.SafeDumper):
    """Multi-line text as YAML block scalars (``|``) where YAML allows it."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    )


_BlockDumper.add_representer(str, _str)


def to_yaml(record: dict) -> str:
    text = yaml.dump(record, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=1000)
    assert yaml.safe_load(text) == record  # the record reads back exactly
    return text


def norm(text: str) -> str:
    """Text as a page shows it: runs of white space (and control characters) as one space."""
    return " ".join("".join(c if c >= " " else " " for c in text).split())


# --- reading the built HTML -------------------------------------------------------------------

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
    "codebase",
    "cite",
    "srcdoc",
}
# Never in the article of a generated page: these would only come from a record.
FOREIGN_TAGS = {
    "script",
    "style",
    "iframe",
    "frame",
    "svg",
    "math",
    "object",
    "embed",
    "img",
    "form",
    "input",
    "button",
    "textarea",
    "base",
    "meta",
    "link",
    "template",
    "video",
    "audio",
}
SCRIPT_WORDS = ("alert", "__pwned")


def bad_url(value: str) -> bool:
    """True for a javascript:, vbscript: or data: URL, however cased, spaced or encoded."""
    previous = None
    while previous != value:  # character references, however often encoded
        previous, value = value, html.unescape(value)
    squeezed = re.sub(r"[\x00-\x20\x7f]", "", value).casefold()
    return squeezed.startswith(("javascript:", "vbscript:", "data:"))


class Audit(HTMLParser):
    """What could run in a page, what its article contains, and the text it shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self.article_tags: list[str] = []
        self.article_text: list[str] = []
        self.all_text: list[str] = []
        self.title = ""
        self.drawing_tags: list[str] = []  # inside the pages' own timeline drawings
        self._raw: str | None = None  # inside script, style or the page's title
        self._article = 0
        self._svg = 0  # depth inside any <svg> (its <title> is not the page's)
        self._drawing = 0  # depth inside an <svg class="av-tl ..."> the pages draw

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value is not None and bad_url(value):
                self.urls.append(f"<{tag} {name}={value!r}>")
        if tag == "svg":
            self._svg += 1
            own = (dict(attrs).get("class") or "").startswith("av-tl")
            if self._drawing or (own and self._article):
                self._drawing += 1
        if self._drawing:
            self.drawing_tags.append(tag)
        elif self._article:
            self.article_tags.append(tag)
        if tag == "article":
            self._article += 1
        if tag in ("script", "style") or (tag == "title" and not self._svg):
            self._raw = tag
            if tag == "script":
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article:
            self._article -= 1
        if tag == "svg" and self._svg:
            self._svg -= 1
            self._drawing = max(0, self._drawing - 1)
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            self.scripts[-1] += data
        elif self._raw == "title":
            self.title += data
        elif self._raw is None:
            self.all_text.append(data)
            if self._article:
                self.article_text.append(data)

    def text(self) -> str:
        return norm(" ".join(self.article_text))


def audit(markup: str) -> Audit:
    a = Audit()
    a.feed(markup)
    a.close()
    return a


def problems(a: Audit) -> list[str]:
    """Anything executable in an audited document."""
    out = a.handlers + a.urls
    out += [f"<script>{s[:80]!r}" for s in a.scripts if any(w in s for w in SCRIPT_WORDS)]
    return out


# --- the site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One payload record per case, plus a record marking each field, built once."""
    records = {
        f"{stem}.yaml": to_yaml(make_record(dict.fromkeys(FIELDS, text)))
        for stem, text in CASES.items()
    }
    markers = {path: f"zq{i:02d}zq" for i, path in enumerate(FIELDS)}
    records[f"{MARKER_STEM}.yaml"] = to_yaml(make_record(markers))
    root = make_site(tmp_path_factory.mktemp("hardening"), records, {"fail_on": "never"})
    proc = build(root / "mkdocs.yml", root / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="module")
def audits(site: Path) -> dict[str, Audit]:
    """Every built HTML file, audited, keyed by its path in the site."""
    return {
        p.relative_to(site).as_posix(): audit(p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
    }


def _page(stem: str) -> str:
    return f"interviews/{stem}/index.html"


GENERATED = ["status/index.html", "lessons/index.html"]


# --- the records cover every field ----------------------------------------------------------


def test_schema_text_fields_are_all_found() -> None:
    """The schema walk finds the text fields named in the issue (and so any new one)."""
    names = {shown(p) for p in FIELDS}
    expected = {
        "company",
        "role",
        "location",
        "notes",
        "interviewers[].name",
        "interviewers[].title",
        "interviewers[].email",
        "interviewers[].phone",
        "interviewers[].notes",
        "closing.contact_method",
        "closing.contact_person",
        "closing.next_steps[].action",
        "closing.next_steps[].notes",
        "closing.notes",
        "thank_you[].to",
        "thank_you[].text",
        "thank_you[].notes",
        "reflection.went_well[]",
        "reflection.to_improve[]",
        "reflection.notes",
        "follow_ups[].spoke_with",
        "follow_ups[].notes",
        "outcome.feedback",
        "outcome.pay",
        "outcome.schedule",
        "outcome.benefits",
        "outcome.referrals[]",
        "outcome.notes",
    }
    assert expected <= names, expected - names
    assert NOT_PUBLISHED <= names, NOT_PUBLISHED - names  # no stale entry
    for name in ("when", "format", "closing.expected_contact", "outcome.status"):
        assert name not in names, name  # dates and enums are not free text


def test_every_record_carries_its_payload_in_every_text_field() -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(SCHEMA_DATA)
    for stem, text in CASES.items():
        record = yaml.safe_load(to_yaml(make_record(dict.fromkeys(FIELDS, text))))
        carried = {path for path, value in _leaves(record) if value == text}
        assert carried == set(FIELDS), (stem, set(FIELDS) ^ carried)
        # schema-valid except for the rule-id pattern of ignore[]
        errors = [e for e in validator.iter_errors(record) if list(e.path)[:1] != ["ignore"]]
        assert not errors, (stem, [e.message for e in errors])
    for name, template in PAYLOADS.items():  # both variants, unless there is no script
        expected = {template.replace("{js}", js) for js in VARIANTS.values()}
        assert expected <= set(CASES.values()), name


@pytest.mark.slow
def test_every_published_field_shows_on_its_page(audits: dict[str, Audit]) -> None:
    text = audits[_page(MARKER_STEM)].text()
    missing = [
        shown(p)
        for i, p in enumerate(FIELDS)
        if shown(p) not in NOT_PUBLISHED and f"zq{i:02d}zq" not in text
    ]
    assert not missing, f"text fields not on the interview page: {missing}"


def test_links_to_a_records_page_are_percent_encoded() -> None:
    """A page's path comes from a file name; it must not end the link or start a scheme."""
    from afterview.pages.markup import rel

    target = rel("status.md", "interviews/x) [y](javascript:alert(1) <b> #\"'.md")
    assert (
        target == "interviews/x%29%20%5By%5D%28javascript%3Aalert%281%29%20%3Cb%3E%20%23%22%27.md"
    )
    assert rel("interviews/a.md", "checks/schema.md") == "../checks/schema.md"


# --- the built files --------------------------------------------------------------------------


@pytest.mark.slow
def test_built_html_runs_nothing_from_a_record(audits: dict[str, Audit]) -> None:
    assert set(GENERATED) | {_page(stem) for stem in CASES} <= set(audits)
    found = {where: problems(a) for where, a in audits.items() if problems(a)}
    assert not found, found
    for where, a in audits.items():
        assert "<" not in a.title and ">" not in a.title, (where, a.title)


# What the pages' own timeline drawings are made of (pages/timeline.py).
DRAWING_TAGS = {"svg", "g", "title", "desc", "text", "line", "circle", "path", "rect"}


@pytest.mark.slow
def test_articles_hold_no_foreign_elements(audits: dict[str, Audit]) -> None:
    for where in GENERATED + [_page(stem) for stem in CASES]:
        foreign = FOREIGN_TAGS & set(audits[where].article_tags)
        assert not foreign, (where, foreign)
        drawn = set(audits[where].drawing_tags) - DRAWING_TAGS
        assert not drawn, (where, drawn)


@pytest.mark.slow
@pytest.mark.parametrize("stem", list(CASES))
def test_payload_is_shown_as_text(stem: str, audits: dict[str, Audit]) -> None:
    shown_text = norm(CASES[stem])
    assert shown_text in audits[_page(stem)].text(), stem
    assert norm(f"record {stem}.yaml") in audits[_page(stem)].text(), stem
    for where in GENERATED:  # company and role on the status page, reflection on lessons
        assert shown_text in audits[where].text(), (where, stem)


@pytest.mark.slow
def test_search_index_holds_the_payloads_as_text(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    texts: dict[str, list[str]] = {}
    for doc in docs:
        for key in ("title", "text"):
            a = audit(doc.get(key) or "")  # the theme shows both as HTML
            assert not problems(a), (doc["location"], key, problems(a))
            tags = {t for t in re.findall(r"<\s*([a-zA-Z][\w:-]*)", doc.get(key) or "")}
            assert not tags & FOREIGN_TAGS, (doc["location"], key, tags & FOREIGN_TAGS)
            texts.setdefault(unquote(doc["location"].split("#")[0]), []).extend(a.all_text)
    for stem, text in CASES.items():
        page_text = norm(" ".join(texts.get(f"interviews/{stem}/", [])))
        assert norm(text) in page_text, stem


@pytest.mark.slow
def test_calendar_holds_the_payloads_as_text(site: Path) -> None:
    from icalendar import Calendar

    raw = (site / "agenda.ics").read_bytes()
    assert not re.search(rb"\r(?!\n)|(?<!\r)\n", raw), "every line ends with CRLF, nothing else"
    cal = Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    unfolded = raw.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")
    assert len(re.findall(rb"^BEGIN:VEVENT\r$", unfolded, re.M)) == len(events)
    assert len({str(e["uid"]) for e in events}) == len(events)
    for stem, text in CASES.items():
        # each record has one open (overdue) next step, whose action is the payload
        mine = [e for e in events if f"{stem}.yaml" in str(e["description"])]
        assert len(mine) == 1, (stem, len(mine))
        assert norm(text) in norm(str(mine[0]["summary"])), stem
        assert norm(text) in norm(str(mine[0]["description"])), stem


# --- in a browser ---------------------------------------------------------------------------

# In the live DOM (after the theme's scripts ran): handlers, script URLs as the
# browser resolves them, foreign elements in scope; then hover, focus and click
# every element in scope that is not a link, in case a handler got through.
LIVE_CHECK = """(scope) => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}`);
    }
    for (const name of ['href', 'src', 'action', 'formaction', 'data']) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      let protocol = '';
      try { protocol = new URL(value, location.href).protocol; } catch (e) { continue; }
      if (['javascript:', 'data:', 'vbscript:'].includes(protocol))
        bad.push(`${el.tagName} ${name}`);
    }
  }
  for (const root of document.querySelectorAll(scope)) {
    const foreign = 'iframe, svg:not(.av-tl), object, embed, img, math, script, style, form,'
      + ' svg.av-tl :is(a, script, foreignObject, image, use, style, iframe)';
    for (const el of root.querySelectorAll(foreign))
      bad.push(`${scope} ${el.tagName}`);
    for (const el of root.querySelectorAll('*'))
      for (const type of ['mouseover', 'mouseenter', 'focus', 'click'])
        if (!el.closest('a')) el.dispatchEvent(new Event(type));
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    _require_browser()
    with _serve(site) as url:
        yield url


@pytest.mark.slow
@pytest.mark.browser
def test_no_payload_runs_in_a_browser(browser, site: Path, site_url: str) -> None:
    w = Watch(browser, site_url)
    try:
        page = w.page
        interviews = sorted(p.name for p in (site / "interviews").iterdir() if p.is_dir())
        assert set(CASES) | {MARKER_STEM} <= set(interviews)
        paths = ["status/", "lessons/"] + [f"interviews/{quote(name)}/" for name in interviews]
        live: dict[str, list[str]] = {}
        pwned: list[str] = []
        for path in paths:
            page.goto(f"{site_url}/{path}", wait_until="load")
            bad = page.evaluate(LIVE_CHECK, "article")
            if bad:
                live[path] = bad
            if page.evaluate("() => typeof window.__pwned") != "undefined":
                pwned.append(path)
        page.wait_for_timeout(200)
        found = {
            "dialogs": w.dialogs,
            "window.__pwned set on": pwned,
            "live markup": live,
            "script errors": w.errors,
            "requests off the site": w.outside,
            "CSP violations": w.csp,
        }
        assert not any(found.values()), {k: v for k, v in found.items() if v}
    finally:
        w.close()


@pytest.mark.slow
@pytest.mark.browser
def test_search_results_run_no_payload(browser, site_url: str) -> None:
    w = Watch(browser, site_url)
    try:
        page = w.page
        page.goto(f"{site_url}/status/")
        page.click("input.md-search__input")
        meta = "document.querySelector('.md-search-result__meta').innerText"
        page.wait_for_function(f"() => !/Initializing/i.test({meta})", timeout=20_000)
        for query in ("alert", "script", "onerror"):
            page.fill("input.md-search__input", "")
            page.keyboard.type(query, delay=10)
            page.wait_for_selector(".md-search-result__item", timeout=20_000)
            page.wait_for_timeout(200)
            assert page.evaluate(LIVE_CHECK, ".md-search-result") == [], query
            shown_text = page.inner_text(".md-search-result")
            assert query != "alert" or "<script>alert(1)</script>" in shown_text  # as text
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
        assert not w.dialogs, w.dialogs
        assert not w.errors, w.errors
        assert not w.outside, w.outside
        assert not w.csp, w.csp
    finally:
        w.close()


# --- the Content-Security-Policy (afterview.csp) ---------------------------------------------


def _policy(markup: str) -> dict[str, list[str]]:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', markup)
    assert len(found) == 1, found
    return {d.split()[0]: d.split()[1:] for d in found[0].split("; ")}


def test_policy_hashes_each_inline_script_it_runs() -> None:
    from afterview.csp import add_csp, script_hash

    page = (
        "<!doctype html><html><head><meta charset=utf-8><script>a()</script>"
        '<script type="application/json">{"x": 1}</script><script src="/x.js"></script>'
        "<!-- <script>hidden()</script> --><script type=module>b()\r\n</script></head>"
        "<body><article><script>evil()</script></article></body></html>"
    )
    out = add_csp(page, untrusted="<script>evil()</script>")
    assert out.index("<meta charset=utf-8>") < out.index("Content-Security-Policy")
    assert out.index("Content-Security-Policy") < out.index("<script>")
    policy = _policy(out)
    assert policy["script-src"] == ["'self'", script_hash("a()"), script_hash("b()\n")]
    assert script_hash("evil()") not in policy["script-src"]  # in the page's own content
    assert "'unsafe-inline'" not in " ".join(sum(policy.values(), []))
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"] and policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    # the hash is the one a browser computes: sha256 of the script text, base64
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(b"a()").digest()).decode()
    assert script_hash("a()") == f"'sha256-{digest}'"


@pytest.mark.slow
def test_every_built_page_has_its_own_policy(site: Path) -> None:
    """Every HTML file: one policy, first in <head>, listing exactly the hashes of the
    scripts the theme put outside the article (a record's page content gets none)."""
    from afterview.csp import inline_scripts, script_hash

    for path in sorted(site.rglob("*.html")):
        markup = path.read_text(encoding="utf-8")
        head = markup[markup.index("<head>") : markup.index("</head>")]
        first = re.sub(r"^<head>\s*(<meta charset=[^>]*>)?", "", head)
        assert first.startswith('<meta http-equiv="Content-Security-Policy"'), path
        article = re.findall(r"<article.*?</article>", markup, re.S)
        inside = {s for a in article for s in inline_scripts(a)}
        expected = {script_hash(s) for s in inline_scripts(markup) if s not in inside}
        assert set(_policy(markup)["script-src"]) == {"'self'"} | expected, path
