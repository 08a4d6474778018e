"""The one escaping boundary every generated page goes through (afterview.pages.markup)."""

from __future__ import annotations

import ast
import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterview.pages.markup import (
    Md,
    drawing,
    esc,
    esc_block,
    link,
    md,
    page,
    plain,
    rich,
    safe_url,
    svg_text,
)

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.superfences"]
NASTY = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{{ x }}",
    "a | b | c",
    "`code`",
    "!!! danger",
    "{: onclick=alert(1) }",
    "<div markdown>\n*x*\n</div>",
    "# heading",
    "*emph* _u_ **b**",
    "&lt;script&gt;",
    "1. item",
    "    indented",
]


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_renders_as_itself(text: str) -> None:
    out = to_html(esc(text))
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[3:-4]
    assert "<" not in inner.replace("&lt;", "")  # no element at all
    assert html.unescape(inner) == " ".join(text.split())


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_is_safe_in_a_table_cell(text: str) -> None:
    out = to_html(f"| a | b |\n|---|---|\n| {esc(text)} | end |")
    assert out.count("<td>") == 2 and "<td>end</td>" in out


@pytest.mark.parametrize("text", NASTY)
def test_escaped_block_is_text_only(text: str) -> None:
    out = to_html(esc_block(text + "\n\n!!! note\n    body"))
    tags = {t.split()[0].strip("/") for t in out.replace(">", " ").split("<")[1:]}
    assert tags <= {"p", "br"}, out


def _unwrap(out: str) -> str:
    """esc's output without the <bdi> it isolates right-to-left text in."""
    if out.startswith("<bdi>") and out.endswith("</bdi>"):
        return out[5:-6]
    return out


def _expected(text: str) -> str:
    """What esc shows: white space runs as one space, control characters gone."""
    collapsed = re.sub(r"\s+", " ", text)
    kept = (c for c in collapsed if unicodedata.category(c) != "Cc")
    return "".join("\ufffd" if unicodedata.category(c) == "Cs" else c for c in kept).strip()


@given(st.text())
def test_esc_never_leaves_markup_characters(text: str) -> None:
    out = _unwrap(esc(text))
    assert not set(re.sub(r"&#\d+;", "", out)) & set("<>&\"'`*_[]{}|!#\\")
    assert html.unescape(out) == _expected(text)


@given(st.text())
def test_plain_has_no_html_characters(text: str) -> None:
    assert not set(plain(text)) & set("<>&\"'`\\")


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.com/a", True),
        ("http://example.com", True),
        ("mailto:a@example.com", True),
        ("tel:+15550100", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("//evil.example", False),
        ("relative/page", False),
    ],
)
def test_only_safe_schemes_make_links(url: str, kept: bool) -> None:
    assert (safe_url(url) is not None) == kept
    assert ("<a " in link("label", url)) == kept


def test_rich_links_only_whole_urls() -> None:
    out = rich(
        'see https://example.com/a?b=1&c=2, or https://example.com/a?c="2" or javascript:alert(1).'
    )
    assert out.count("<a ") == 1  # the second URL has a quote in it: not a whole URL
    assert "javascript&#58;alert" in out
    assert _links(to_html(out)) == ["https://example.com/a?b=1&c=2"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tags:
    p = _Tags()
    p.feed(markup)
    p.close()
    return p


def _links(markup: str) -> list[str]:
    return [a.get("href") or "" for t, a in _parse(markup).tags if t == "a"]


ALL_EXTENSIONS = [
    *EXTENSIONS,
    "pymdownx.details",
    "toc",
    "abbr",
    "def_list",
    "footnotes",
    "pymdownx.magiclink",
    "pymdownx.emoji",
    "pymdownx.smartsymbols",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.keys",
    "pymdownx.critic",
    "pymdownx.inlinehilite",
    "smarty",
]

# A word -> the one link it must make (None: no link). The link's href is the
# word percent-encoded, and nothing in the word is read as Markdown or HTML.
URL_CASES: dict[str, str | None] = {
    "https://x.example/a_b*c*": "https://x.example/a_b*c*",
    "https://x.example/[a](javascript:alert(1))/x": None,
    "https://x.example/[a](javascript:alert(1))": None,
    "https://x.example/![i](https://evil.example/p.png)/x": None,
    "![i](https://evil.example/p.png)": None,
    "[a](https://x.example/)": None,
    'https://x.example/"onmouseover="alert(1)': None,
    "https://x.example/'onfocus='alert(1)": "https://x.example/'onfocus='alert(1)",
    "https://x.example/`x`": None,
    "https://x.example/<b>": None,
    "https://x.example/{:onclick=alert(1)}": None,
    "https://x.example/a&lt;img&gt;": "https://x.example/a&lt;img&gt",  # ; ends a sentence
    "<https://x.example/a>": "https://x.example/a",
    '<https://x" onmouseover=alert(1)>': "https://x",  # the URL ends at the quote
    "https://user@evil.example/": None,
    "https://x.example@evil.example/": None,
    "https://x.example/%zz": None,
    "https://x.example/%41": "https://x.example/%41",
    "https://x.example:99999999/": None,
    "https://": None,
    "http:x.example": None,
    "//evil.example/x": None,
    "javascript:alert(1)": None,
    "JaVaScRiPt://x.example/%0aalert(1)": None,
    "data:text/html,<script>alert(1)</script>": None,
    "vbscript:msgbox(1)": None,
    "mailto:a@x.example": "mailto:a@x.example",
    # a record's mail link is to its one address: no subject, body or other recipient
    "mailto:a@x.example?subject=hi%20there": "mailto:a@x.example",
    "mailto:javascript:alert(1)": None,
    "mailto:a@x.example?x=<b>": None,
    "tel:+15550100": "tel:+15550100",
    "tel:javascript:alert(1)": None,
    "(https://en.wikipedia.org/wiki/Foo_(bar)).": "https://en.wikipedia.org/wiki/Foo_(bar)",
    "https://例え.jp/パス": "https://%E4%BE%8B%E3%81%88.jp/%E3%83%91%E3%82%B9",
    "https://x.example/\u202egnp.exe": None,
    "https://x.example/" + "a" * 5000: "https://x.example/" + "a" * 5000,
}


@pytest.mark.parametrize("word", list(URL_CASES))
def test_a_word_is_linked_only_as_a_whole_url(word: str) -> None:
    for text in (word, f"before {word} after", f"{word}\n\n{word}"):
        out = to_html_all(rich(text) if "\n" not in text else esc_block(text))
        found = _parse(out)
        expected = URL_CASES[word]
        hrefs = [a.get("href") for t, a in found.tags if t == "a"]
        assert hrefs == ([expected] * text.count(word) if expected else []), (text, out)
        assert {t for t, _ in found.tags} <= {"p", "a", "br", "bdi"}, out
        shown = " ".join("".join(found.text).split())
        assert " ".join(text.split()) == shown, out


def to_html_all(markup: str) -> str:
    """Markdown with every extension a playbook might turn on."""
    return markdown.markdown(markup, extensions=ALL_EXTENSIONS)


def test_link_makes_no_link_to_an_unsafe_url_and_escapes_the_label() -> None:
    assert link("<b>", "javascript:alert(1)") == "&#60;b&#62;"
    out = link("x", 'https://x.example/"><img src=x>')
    assert "<a" not in out
    out = link(md("**x**"), "https://x.example/a b")
    assert out == "**x**"


def test_bidi_values_are_isolated_and_titles_lose_bidi_controls() -> None:
    assert esc("abc\u202edef") == "<bdi>abc\u202edef</bdi>"
    assert esc("שלום") == "<bdi>שלום</bdi>"
    assert esc("plain") == "plain"
    assert rich("עברית https://x.example").startswith("<bdi>")
    assert plain("a\u202eb\u2066c\u2069\u200fd\x1b[31m\x07") == "abcd[31m"
    assert "\u202e" not in svg_text("a\u202eb") and "<" not in svg_text("<b>")


def test_controls_never_reach_a_page() -> None:
    out = esc("a\x00b\x1b[2Jc\x7fd\x85e\x9bf\ud800g")
    assert out == "ab&#91;2Jcd ef\ufffdg"  # U+0085 is white space
    assert not [c for c in out if unicodedata.category(c) == "Cc"]


# --- Md: the type pages are assembled from -------------------------------------------------------


def test_md_is_made_only_by_the_markup_module() -> None:
    with pytest.raises(TypeError):
        Md("<script>")


def test_joining_plain_text_escapes_it() -> None:
    bold = md("**{}**", "<b>x</b>")
    assert bold == "**&#60;b&#62;x&#60;/b&#62;**"
    assert isinstance(bold + "*y*", Md) and bold + "*y*" == str(bold) + "&#42;y&#42;"
    assert "*y*" + bold == "&#42;y&#42;" + str(bold) and isinstance("*y*" + bold, Md)
    assert md(", ").join(["[a]", md("*b*")]) == "&#91;a&#93;, *b*"
    assert page([md("# {}", "T"), "# not a heading", f"{md('**x**')}"]) == (
        "# T\n&#35; not a heading\n&#42;&#42;x&#42;&#42;"
    )


def test_a_drawing_is_checked_not_trusted() -> None:
    """markup.drawing takes SVG assembled as a plain string: only the drawing's own
    elements and attributes, text escaped (svg_text), else ValueError."""
    title, text = svg_text('<b> & "x"'), svg_text("a < b")
    good = (
        '<svg class="av-tl" viewBox="0 0 10 10" role="img" xmlns="http://www.w3.org/2000/svg">'
        f'<title>{title}</title><g><circle class="m" cx="1" cy="2" r="3"/>'
        f'<text x="1" y="2">{text}</text></g></svg>'
    )
    assert isinstance(drawing(good), Md) and drawing(good) == good
    for bad in (
        good.replace("<g>", '<g onload="alert(1)">'),  # an attribute it does not use
        good.replace("<g>", "<script>alert(1)</script><g>"),  # an element it does not use
        good.replace("<g>", "<image href='https://evil.example/i.png'/><g>"),
        good.replace(text, "a < b"),  # text not escaped
        good.replace(text, "a &amp; b"),  # a named reference
        good.replace('cx="1"', "cx=1 onclick=y"),  # an unquoted attribute
        good.replace('class="m"', 'class="m&x"'),
        "<p>" + good,  # not a drawing
    ):
        with pytest.raises(ValueError):
            drawing(bad)


PAGES = Path(__file__).resolve().parents[1] / "plugin" / "afterview" / "pages"


def test_page_modules_make_markdown_only_through_markup() -> None:
    """No page module constructs Md, reaches into markup's privates, or formats a non-literal
    template: so every record value in a page went through esc, rich or md's escaping."""
    modules = sorted(p for p in PAGES.glob("*.py") if p.name != "markup.py")
    assert len(modules) >= 5
    bad = []
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and node.module == "afterview.pages.markup":
                bad += [f"{where} imports {a.name}" for a in node.names if a.name.startswith("_")]
            if isinstance(node, ast.Attribute) and node.attr in ("_make", "_KEY"):
                bad.append(f"{where} uses {node.attr}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id == "Md":
                    bad.append(f"{where} constructs Md")
                if node.func.id == "md" and not (
                    node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    bad.append(f"{where} calls md with a template that is not a literal")
    assert not bad, bad


# --- every field of a record, through every page -------------------------------------------------


def sentinel(i: int) -> str:
    """Field i's unique value: Markdown, HTML and URL syntax that would be live if unescaped."""
    return (
        f"zq{i:02d}zq <i>i{i}</i> [l{i}](javascript:alert({i})) *e{i}* _u{i}_ `c{i}` "
        f"https://x.example/[a](javascript:y{i})/ ![m](https://evil.example/{i}.png) "
        f"<https://x.example/{i}> &lt;b&gt; {{: .c{i} onclick=alert({i}) }} | {{{{ x }}}}"
    )


SITE_EXTENSIONS = [*EXTENSIONS, "pymdownx.details", "toc"]
PAGE_TAGS = {
    *(
        "p",
        "a",
        "br",
        "bdi",
        "span",
        "strong",
        "em",
        "code",
        "pre",
        "h1",
        "h2",
        "h3",
        "ul",
        "ol",
        "li",
    ),
    *("table", "thead", "tbody", "tr", "th", "td", "div", "details", "summary", "figure"),
    *("svg", "g", "title", "desc", "text", "line", "circle", "path", "rect", "figcaption"),
}

PAGE_ATTRIBUTES = {
    *("href", "class", "rel", "id", "title", "open", "role", "xmlns", "tabindex"),
    *("viewbox", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d"),
    *("aria-hidden", "aria-label", "aria-labelledby", "aria-describedby"),
}


@pytest.mark.parametrize("redact", [False, True])
def test_no_record_value_is_read_as_markup_on_any_page(redact: bool) -> None:
    """Every text field the schema has (so a new field is covered) carries a unique sentinel;
    no page may turn any of it into an element, an attribute or a link."""
    from datetime import datetime

    from afterview.checker import check_record
    from afterview.deadlines import Clock
    from afterview.pages import build_pages
    from afterview.settings import Settings
    from test_site_hardening import FIELDS, NOT_PUBLISHED, make_record, shown, to_yaml

    clock = Clock.at(
        datetime.fromisoformat("2026-11-25T12:00:00-05:00"), Settings(timezone_name="UTC")
    )
    values = {path: sentinel(i) for i, path in enumerate(FIELDS)}
    raw = to_yaml(make_record(values)).encode("utf-8")
    result = check_record("interviews/2026-11-10-sentinel.yaml", raw, clock)
    pages = build_pages([result], clock, redact=redact)
    own = pages["interviews/2026-11-10-sentinel.md"]
    for name, markdown_text in pages.items():
        front, text = "", markdown_text
        if markdown_text.startswith("---\n"):  # front matter: MkDocs reads it, not Markdown
            end = markdown_text.index("\n---\n", 3) + 5
            front, text = markdown_text[:end], markdown_text[end:]
        assert "<" not in front and "&#" not in front, (name, front)
        out = markdown.markdown(text, extensions=SITE_EXTENSIONS)
        found = _parse(out)
        tags = {t for t, _ in found.tags}
        assert tags <= PAGE_TAGS, (name, tags - PAGE_TAGS)
        for tag, attrs in found.tags:
            for attr, value in attrs.items():
                assert attr in PAGE_ATTRIBUTES or attr.startswith("data-"), (name, attr)
                if attr != "id":  # a heading's id is its text, slugified
                    assert not {"alert", "evil"} & set(re.findall(r"[a-z]+", value or "")), (
                        name,
                        tag,
                        attr,
                    )
            href = attrs.get("href") or ""
            if tag == "a" and ":" in href.split("/")[0]:  # the one whole URL in a sentinel
                assert re.fullmatch(r"https://x\.example/\d+", href), (name, href)
        for i in range(len(FIELDS)):
            assert f"<i>i{i}</i>" not in markdown_text, (name, i)
    shown_text = " ".join(
        "".join(_parse(markdown.markdown(own, extensions=SITE_EXTENSIONS)).text).split()
    )
    if not redact:
        for i, path in enumerate(FIELDS):
            if shown(path) not in NOT_PUBLISHED:
                assert " ".join(sentinel(i).split()) in shown_text, shown(path)


_PART = st.sampled_from(["a", "b", "interviews", "x y", "é", "index.html", "."])


@given(st.lists(_PART, max_size=5), st.lists(_PART, max_size=5))
def test_relative_path_is_what_posixpath_relpath_gives(target: list[str], base: list[str]) -> None:
    """Links between pages are worked out without relpath, which asks the system for
    the working folder on every call; the answer is the same."""
    import posixpath

    from afterview.pages.markup import relative_path

    to, at = "/".join(target) or ".", "/".join(base) or "."
    assert relative_path(to, at) == posixpath.relpath(to, at)
