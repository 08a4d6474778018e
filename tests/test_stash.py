"""The MkDocs plugin's finished blocks (drawings, tables the search does not need) kept
out of Markdown and the search index (pages.stash): a placeholder per block, made only by
the stash, put back by the built HTML's page."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from afterview.checker import check_record
from afterview.clock import Clock
from afterview.pages import build_pages
from afterview.pages.markup import drawing, esc
from afterview.pages.stash import BlockStash
from afterview.settings import Settings
from conftest import Built
from fixtures.site.helpers import SAMPLES

CLOCK = Clock.at(datetime.fromisoformat("2026-11-25T12:00:00-05:00"), Settings(timezone_name="UTC"))
TOKEN = "ghijklmnopabcdefghijklmnopabcdef"
SVG = '<svg class="av-tl" viewBox="0 0 10 10" width="10" height="10"><title>a</title></svg>'
PLACEHOLDER = re.compile(r"<!--afterview-block [a-p]+ [0-9]+-->")


def sample_results():
    return [check_record(str(p), p.read_bytes(), CLOCK) for p in SAMPLES]


def test_a_kept_drawing_is_a_comment_until_restored_then_dropped() -> None:
    stash = BlockStash(TOKEN)
    held = stash.keep(drawing(SVG))
    assert held == f"<!--afterview-block {TOKEN} 1-->"
    assert len(stash) == 1
    page = f"<p>before</p><div>{held}</div>"
    (out,) = stash.restore(page)
    assert out == f"<p>before</p><div>{SVG}</div>"
    assert len(stash) == 0  # dropped once its page is written
    assert stash.restore(page) == ("<p>before</p><div></div>",)  # seen again: nothing


def test_restore_fills_every_text_given_and_only_its_own_token() -> None:
    stash = BlockStash(TOKEN)
    held = stash.keep(drawing(SVG))
    other = BlockStash().keep(drawing(SVG))  # another build's placeholder
    assert other != held
    out, content = stash.restore(f"{held}{other}", str(held))
    assert out == f"{SVG}{other}" and content == SVG


def test_tokens_are_random_per_stash_and_checked() -> None:
    assert BlockStash().token != BlockStash().token
    assert len(BlockStash().token) == 32 and BlockStash().token.isalpha()
    with pytest.raises(ValueError):
        BlockStash("not-hex) ([0-9]+")
    with pytest.raises(ValueError):
        BlockStash("0123456789abcdef0123")  # digits could be read as a phone number


def test_build_pages_with_the_hook_gives_the_same_pages_once_restored() -> None:
    results = sample_results()
    inline = build_pages(results, CLOCK, urls="flat")
    stash = BlockStash()
    kept = build_pages(results, CLOCK, urls="flat", keep_block=stash.keep)
    assert inline.keys() == kept.keys()
    assert not any(PLACEHOLDER.search(t) for t in inline.values())
    assert sum(t.count("<svg ") for t in kept.values()) == 0  # no drawing left in Markdown
    assert len(stash) == sum(len(PLACEHOLDER.findall(t)) for t in kept.values()) > 10
    assert list(stash.restore(*kept.values())) == list(inline.values())
    assert len(stash) == 0


def test_every_table_is_set_aside_the_searchable_ones_come_back_first() -> None:
    """Only the people table and the bodies of the sections the search indexes are
    searchable (content/usage.md): restore_searchable puts back those, before the search
    indexes the page; every other block stays a placeholder until restore."""
    results = sample_results()
    stash = BlockStash()
    kept = build_pages(results, CLOCK, keep_block=stash.keep)
    uri = next(u for u in kept if u.startswith("interviews/2026-11-13"))
    interview = kept[uri]
    assert "<table>" not in interview and "<ul>" not in interview and "<p>" not in interview
    assert interview.count("\n## ") >= 6  # the headings stay Markdown
    found = stash.restore_searchable(interview)
    assert found.count("<table>") == 1  # the people, with their column names excluded
    assert "<thead data-search-exclude>" in found and "<strong>How:</strong>" in found
    assert "av-tl" not in found and "admonition" not in found  # timeline, findings: later
    assert "<table>" not in kept["status.md"] and "<table>" not in kept["checks/index.md"]
    restored = dict(zip(kept, stash.restore(*(found if u == uri else t for u, t in kept.items())),
                        strict=True))  # fmt: skip
    sortable = '<div class="av-cards av-sortable av-status" data-search-exclude>'
    assert restored["status.md"].count(sortable) == 1
    assert "<!--afterview-block" not in restored[uri] and "av-tl" in restored[uri]


def test_a_block_seen_in_two_texts_of_one_restore_fills_both_then_is_dropped() -> None:
    stash = BlockStash(TOKEN)
    held = stash.keep(drawing(SVG))
    assert stash.restore(f"a{held}", f"b{held}") == (f"a{SVG}", f"b{SVG}")
    assert len(stash) == 0


def test_long_blocks_are_kept_deflated_short_ones_as_they_are() -> None:
    stash = BlockStash(TOKEN)
    big = drawing(SVG.replace("<title>a</title>", "<title>a</title>" * 2000))
    stash.keep(big)
    assert sum(len(v) for v in stash._kept.values()) < len(big) // 20
    stash.keep(drawing(SVG))
    assert stash._kept[2] == SVG  # deflating a short block costs more than it saves
    back = stash.restore(f"<!--afterview-block {TOKEN} 1-->", f"<!--afterview-block {TOKEN} 2-->")
    assert back == (big, SVG)


def test_record_text_cannot_forge_a_placeholder() -> None:
    """A record value written as this build's placeholder is escaped like any text: it
    stays text and is never swapped for a drawing."""
    stash = BlockStash(TOKEN)
    forged = f"<!--afterview-block {TOKEN} 1-->"
    assert "<" not in esc(forged)
    text = re.sub(r"(?m)^role: .*$", f"role: '{forged}'", SAMPLES[0].read_text(), count=1)
    result = check_record(str(SAMPLES[0]), text.encode(), CLOCK)
    assert result.interview is not None and result.interview.role == forged
    pages = build_pages([result], CLOCK, keep_block=stash.keep)
    placeholders = [p for t in pages.values() for p in PLACEHOLDER.findall(t)]
    assert len(placeholders) == len(stash) == len(set(placeholders))
    assert any("afterview-block" in t and "&#60;" in t for t in pages.values())
    restored = stash.restore(*pages.values())
    assert not any(PLACEHOLDER.search(t) for t in restored)
    assert any("afterview-block " + TOKEN in t for t in restored)  # still there, as text


@pytest.mark.slow
def test_the_built_site_has_its_drawings_and_no_placeholder(sample_build: Built) -> None:
    """The strict build passes (a drawing not put back would be a warning), every page
    has its drawings and none of them is in the search index."""
    site = sample_build.site
    assert sample_build.returncode == 0, sample_build.stderr[-3000:]
    texts = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    assert not any("afterview-block" in t for t in texts.values())
    status = texts[site / "status" / "index.html"]
    assert status.count("<svg ") >= 4  # the stage bar and the timeline, wide and narrow
    for record in SAMPLES:
        page = texts[site / "interviews" / record.stem / "index.html"]
        assert page.count('<svg class="av-tl av-tl--timeline') == 2, record.name
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "afterview-block" not in index and "av-tl" not in index


def test_a_script_in_a_block_is_never_allowed_by_the_page_policy() -> None:
    """The plugin makes a generated page's policy before its blocks are put back, so a
    script that got into a block (an escaping bug) is not hashed: the browser blocks it."""
    from types import SimpleNamespace

    from afterview.csp import inline_scripts, script_hash
    from afterview.pages.markup import md
    from afterview.site.plugin import AfterviewPlugin

    plugin = AfterviewPlugin()
    plugin._blocks = BlockStash(TOKEN)
    held = plugin._blocks.keep(md("<div><script>evil()</script></div>"))
    theme = "<script>theme()</script>"
    html = f"<!doctype html><html><head>{theme}</head><body>{held}</body></html>"
    file = SimpleNamespace(generated_by="afterview", src_uri="a.md")
    page = SimpleNamespace(file=file, content=str(held))
    out = plugin.on_post_page(html, page=page, config=None)  # type: ignore[arg-type]
    assert "<script>evil()</script>" in out and "afterview-block" not in out
    policy = out.split('content="', 1)[1].split('"', 1)[0]
    assert script_hash("theme()") in policy
    assert script_hash("evil()") not in policy
    assert inline_scripts(out) == ["theme()", "evil()"]


def test_a_block_holding_an_earlier_block_keeps_it_whole() -> None:
    """A figure set aside around a drawing set aside before it: one block, restored whole."""
    from afterview.pages.markup import md

    stash = BlockStash(TOKEN)
    inner = stash.keep(drawing(SVG))
    outer = stash.keep(md('<div class="f">{}</div>', inner))
    assert len(stash) == 1  # the drawing went into the figure
    assert stash.restore(f"<p>{outer}</p>") == (f'<p><div class="f">{SVG}</div></p>',)
    assert len(stash) == 0


def test_a_page_whose_block_was_not_put_back_is_reported(caplog) -> None:
    """A placeholder another hook changed would be a table missing from the page: the
    plugin says so, naming the page (a warning fails a strict build); the blocks of a
    page never built are dropped without one."""
    import logging
    from types import SimpleNamespace

    from afterview.pages.markup import md
    from afterview.site.plugin import AfterviewPlugin

    plugin = AfterviewPlugin()
    plugin._blocks = stash = BlockStash(TOKEN)
    bad = "b\x1b[2J\u202e.md"  # a page named after a record's file: shown on one line
    kept = {uri: str(stash.keep(md("<table></table>"))) for uri in ("a.md", bad, "c.md")}
    for uri, text in kept.items():
        stash.note(uri, text)

    def post(uri: str, body: str) -> str:
        page = SimpleNamespace(file=SimpleNamespace(generated_by="afterview", src_uri=uri),
                               content=body)  # fmt: skip
        html = f"<html><head></head><body>{body}</body></html>"
        return plugin.on_post_page(html, page=page, config=None)  # type: ignore[arg-type]

    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.afterview"):
        assert "<table></table>" in post("a.md", kept["a.md"])
        assert not caplog.records
        changed = kept[bad].replace(TOKEN, TOKEN[::-1])
        assert "<table>" not in post(bad, changed)
    (record,) = caplog.records
    assert "b\\u001b[2J\\u202e.md: 1 finished block(s) not put back" in record.getMessage()
    assert record.getMessage().isprintable()
    assert len(stash) == 1  # c.md's, never built
    plugin.on_post_build(config=SimpleNamespace())  # type: ignore[arg-type]
    assert plugin._blocks is None and len(caplog.records) == 1


def test_a_script_in_a_searchable_block_is_never_allowed_either() -> None:
    """A searchable block is back in the page's content before the policy is made: the
    content is untrusted, so a script in it is not hashed either."""
    from types import SimpleNamespace

    from afterview.csp import script_hash
    from afterview.pages.markup import md
    from afterview.site.plugin import AfterviewPlugin

    plugin = AfterviewPlugin()
    plugin._blocks = BlockStash(TOKEN)
    held = plugin._blocks.keep(md("<p><script>evil()</script></p>"), True)
    file = SimpleNamespace(generated_by="afterview", src_uri="a.md")
    page = SimpleNamespace(file=file, content=None)
    page.content = plugin.on_page_content(f"<h2>x</h2>{held}", page=page, config=None, files=None)  # type: ignore[arg-type]
    assert "<script>evil()</script>" in page.content
    theme = "<script>theme()</script>"
    html = f"<!doctype html><html><head>{theme}</head><body>{page.content}</body></html>"
    out = plugin.on_post_page(html, page=page, config=None)  # type: ignore[arg-type]
    policy = out.split('content="', 1)[1].split('"', 1)[0]
    assert script_hash("theme()") in policy and script_hash("evil()") not in policy
