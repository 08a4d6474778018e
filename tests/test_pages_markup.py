"""The one escaping helper every generated page uses, and the pages it builds."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterview.pages.markup import esc, esc_block, link, plain, rich, safe_url

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


@given(st.text())
def test_esc_never_leaves_markup_characters(text: str) -> None:
    out = esc(text)
    assert not set(re.sub(r"&#\d+;", "", out)) & set("<>&\"'`*_[]{}|!#\\")
    expected = "".join(c for c in re.sub(r"\s+", " ", text) if c >= " ").strip()
    assert html.unescape(out) == expected


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


def test_rich_links_http_urls_and_escapes_the_rest() -> None:
    out = rich('see https://example.com/a?b=1&c="2" or javascript:alert(1).')
    assert '<a href="https://example.com/a?b=1&amp;c=" rel="nofollow noopener">' in out
    assert "javascript&#58;alert" in out
    assert to_html(out).count("<a ") == 1
