"""The SVG timelines and stage bar (afterview.pages.timeline), as markup and in Chromium."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from afterview.clock import Clock
from afterview.pages import build_pages
from afterview.pages.common import entries
from afterview.pages.timeline import in_play, interview_timeline, stage_bar, status_timeline
from afterview.records import read_records
from afterview.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SETTINGS = Settings(timezone_name="America/New_York")
NOW = datetime.fromisoformat("2026-11-25T12:00:00-05:00")
SVG_NS = "{http://www.w3.org/2000/svg}"
ARTIFACTS = REPO / "tests" / "artifacts"


def sample(clock: Clock, folder: Path = REPO / "content" / "interviews") -> list:
    return entries(read_records([str(folder)], clock).results)


def svgs(text: str) -> list[ET.Element]:
    """Every <svg> in the markup, parsed as XML (character references and all)."""
    return [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", text, re.S)]


def variant(text: str, which: str) -> list[ET.Element]:
    """The drawings of one variant (wide for screens and print, narrow for phones)."""
    return [svg for svg in svgs(text) if f"av-tl--{which}" in svg.get("class", "").split()]


def drawn_text(svg: ET.Element, cls: str) -> list[str]:
    return [t.text or "" for t in svg.iter(f"{SVG_NS}text") if cls in t.get("class", "").split()]


def test_status_timeline_one_row_per_interview_in_play() -> None:
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock)
    out = status_timeline(es, clock)
    bar, timeline = variant(out, "wide")
    playing = [e for e in es if e.interview is not None and in_play(e.interview)]
    labels = [t.text for t in timeline.iter(f"{SVG_NS}text") if "av-tl-label" in t.get("class")]
    assert len(labels) == len(playing) >= 3
    for svg in svgs(out):
        assert svg.get("role") == "img"
        assert svg[0].tag == f"{SVG_NS}title" and svg[0].text
        assert svg[1].tag == f"{SVG_NS}desc" and svg[1].text
    classes = [el.get("class", "") for el in timeline.iter()]
    assert any("av-tl-mark--overdue" in c for c in classes)  # Quillon's follow-up
    assert any("av-tl-late" in c for c in classes)
    assert sum("av-tl-now" in c.split() for c in classes) >= 1
    assert "The timeline as text" in out and "<strong>overdue</strong>" in out


def test_drawings_need_no_inline_style_script_or_other_host() -> None:
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock)
    out = status_timeline(es, clock) + "".join(interview_timeline(e, clock) for e in es)
    assert "style" not in out.lower()
    assert "<script" not in out.lower()
    assert re.findall(r"https?://[^\"'\s]+", out) == ["http://www.w3.org/2000/svg"] * len(svgs(out))


def test_overdue_is_a_shape_not_only_a_colour() -> None:
    clock = Clock.at(NOW, SETTINGS)
    (_bar, timeline) = variant(status_timeline(sample(clock), clock), "wide")
    overdue = [el for el in timeline.iter() if "av-tl-mark--overdue" in el.get("class", "")]
    assert overdue and all(el.tag == f"{SVG_NS}path" for el in overdue)  # a triangle
    bangs = [el for el in timeline.iter() if el.get("class") == "av-tl-bang"]
    assert len(bangs) >= len(overdue)
    notes = [el.text for el in timeline.iter() if "av-tl-note--late" in el.get("class", "")]
    assert "follow-up overdue" in notes


def test_stage_bar_counts() -> None:
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock)
    (bar,) = variant(stage_bar(es, clock), "wide")
    rects = [g[1] for g in bar.iter(f"{SVG_NS}g")]  # the segments; the key has swatches
    assert 1 < len(rects) <= 10
    desc = bar[1].text
    assert sum(int(n) for n in re.findall(r"(\d+) ", desc)) == len(es)
    assert abs(sum(float(r.get("width")) for r in rects) - 720) <= len(rects)


def test_interview_timeline_shows_the_playbook_steps() -> None:
    clock = Clock.at(NOW, SETTINGS)
    northwind = next(e for e in sample(clock) if "northwind" in e.page)
    out = interview_timeline(northwind, clock)
    assert len(svgs(out)) == 2
    for svg in variant(out, "wide") + variant(out, "narrow"):
        assert svg[0].text == "Timeline of this interview"
        titles = [t.text for t in svg.iter(f"{SVG_NS}title")]
        assert any("Thank-you notes by" in t for t in titles)  # alone, or with others
        assert any("Follow-up call from" in t for t in titles)
        assert any("Outcome: offer" in t for t in titles)
    assert out.count("The timeline as text") == 1


def test_every_picture_is_drawn_wide_and_narrow_with_one_text_equivalent() -> None:
    """Two drawings of each picture, both accessible; the text equivalent once."""
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock)
    out = status_timeline(es, clock)
    wide, narrow = variant(out, "wide"), variant(out, "narrow")
    assert len(wide) == len(narrow) == 2 and len(svgs(out)) == 4
    for w, n in zip(wide, narrow, strict=True):
        assert n.get("role") == w.get("role") == "img"
        assert n[0].tag == f"{SVG_NS}title" and n[0].text == w[0].text
        assert n[1].tag == f"{SVG_NS}desc" and n[1].text
        assert n.get("viewBox") == f"0 0 360 {n.get('height')}"
        assert set(w.get("class").split()) - {"av-tl--wide"} == (
            set(n.get("class").split()) - {"av-tl--narrow"}
        )
    assert out.count("The timeline as text") == 1


def test_narrow_status_timeline_is_a_window_around_now() -> None:
    """On a phone: ten days back, eight ahead; what is left out is counted, overdue kept."""
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock)
    out = status_timeline(es, clock)
    _bar, timeline = variant(out, "narrow")
    assert "Shown from Sun 15 Nov 2026" in timeline[1].text
    ticks = drawn_text(timeline, "av-tl-tick")
    assert 2 <= len(ticks) <= 4 and "Nov 9" not in ticks
    playing = [e for e in es if e.interview is not None and in_play(e.interview)]
    companies = drawn_text(timeline, "av-tl-label")
    assert len(companies) == len(playing)
    assert sorted(companies) == sorted(e.interview.company for e in playing)
    subs = drawn_text(timeline, "av-tl-sublabel")
    assert "Site Reliability Engineer · follow-up due" in subs
    assert all(len(t) <= 44 for t in subs + companies)
    assert any(re.fullmatch(r"◂ \d+ earlier", t) for t in drawn_text(timeline, "av-tl-more"))
    assert "follow-up overdue" in drawn_text(timeline, "av-tl-note--late")
    for el in timeline.iter():  # inside the drawing, left to right
        for name in ("x", "cx", "x1", "x2"):
            if el.get(name) is not None:
                assert 0 <= float(el.get(name)) <= 360, (el.tag, el.attrib)


def test_narrow_window_keeps_an_old_overdue_deadline_at_its_edge(tmp_path: Path) -> None:
    """Deadlines overdue since long before the window stand at its left edge, with a note."""
    (tmp_path / "old.yaml").write_text(
        "version: 1\ncompany: Oldco\nrole: Analyst\nwhen: 2026-10-01T10:00:00-04:00\n"
        "thank_you:\n  - to: Sam\n    sent: 2026-10-01T18:00:00-04:00\n"
        "reflection:\n  written: 2026-10-02\n",
        encoding="utf-8",
    )
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock, tmp_path)
    _bar, wide_tl = variant(status_timeline(es, clock), "wide")
    _bar, timeline = variant(status_timeline(es, clock), "narrow")
    # Both overdue since before the window: one spot at the edge, not two hiding each other.
    (edge,) = [g for g in timeline.iter(f"{SVG_NS}g") if "OVERDUE" in g[0].text]
    assert (
        edge[0].text.startswith("2 marks at once: OVERDUE") and edge[0].text.count("OVERDUE") == 2
    )
    assert "av-tl-several--late" in edge[1].get("class") and edge[1].get("x") == "9"
    assert edge[2].text == "2"
    notes = drawn_text(timeline, "av-tl-note--late")  # one: the next would overlap it
    assert len(notes) == 1 and notes[0].endswith(" overdue")
    assert [el for el in wide_tl.iter() if "av-tl-mark--overdue" in el.get("class", "")]


def test_status_timeline_draws_the_latest_twelve_in_play_and_says_so(tmp_path: Path) -> None:
    """Fifteen interviews in play, a day apart: the twelve latest are drawn, latest first,
    in both drawings and the text; the desc, the text and a sentence shown under the
    drawings say 12 of 15, and that the table lists every one. A decided one is not
    counted."""
    for day in range(1, 16):
        (tmp_path / f"r{day:02d}.yaml").write_text(
            f"version: 1\ncompany: Co{day:02d}\nrole: Analyst\n"
            f"when: 2026-11-{day:02d}T10:00:00-05:00\n",
            encoding="utf-8",
        )
    (tmp_path / "done.yaml").write_text(
        "version: 1\ncompany: Doneco\nrole: Analyst\nwhen: 2026-11-24T10:00:00-05:00\n"
        "outcome:\n  status: rejected\n  date: 2026-11-24\n",
        encoding="utf-8",
    )
    clock = Clock.at(NOW, SETTINGS)
    out = status_timeline(sample(clock, tmp_path), clock)
    latest = [f"Co{day:02d}" for day in range(15, 3, -1)]
    (_bar, wide), (_bar2, narrow) = variant(out, "wide"), variant(out, "narrow")
    assert [t.split(" — ")[0] for t in drawn_text(wide, "av-tl-label")] == latest
    assert drawn_text(narrow, "av-tl-label") == latest
    said = "The 12 latest of the 15 interviews in play"
    for svg in (wide, narrow):
        assert re.match(said + r", \d+ overdue deadlines? among them; now is ", svg[1].text)
        assert "The table All interviews lists every one." in svg[1].text
    text = out[out.index("<details") :]
    assert re.findall(r"<li><strong>(Co\d\d) ", text) == latest
    shown = re.findall(r'<p class="av-tl-drawn">(.*?)</p>', out)
    assert shown == [
        said + ' are drawn; <a href="#all-interviews">All interviews</a> lists every one.'
    ]
    assert text.count(shown[0]) == 1  # the text equivalent says it too

    (tmp_path / "r01.yaml").unlink()
    (tmp_path / "r02.yaml").unlink()
    (tmp_path / "r03.yaml").unlink()  # twelve in play: every one drawn, nothing to say
    out = status_timeline(sample(clock, tmp_path), clock)
    assert len(drawn_text(variant(out, "wide")[1], "av-tl-label")) == 12
    assert re.match(r"12 interviews in play, \d+ overdue", variant(out, "wide")[1][1].text)
    assert "av-tl-drawn" not in out and "lists every one" not in out


def test_narrow_stage_bar_is_one_labelled_bar_per_stage() -> None:
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock)
    (wide,) = variant(stage_bar(es, clock), "wide")
    (narrow,) = variant(stage_bar(es, clock), "narrow")
    names = drawn_text(narrow, "av-tl-stagename")
    counts = [int(t) for t in drawn_text(narrow, "av-tl-count")]
    assert len(names) == len(counts) == len(list(narrow.iter(f"{SVG_NS}rect"))) >= 2
    assert sum(counts) == len(es)
    assert ", ".join(f"{n} {name}" for name, n in zip(names, counts, strict=True)) == wide[1].text
    widths = [float(r.get("width")) for r in narrow.iter(f"{SVG_NS}rect")]
    most = max(counts)
    for w, n in zip(widths, counts, strict=True):  # as long as the count, the longest to scale
        assert abs(w - widths[counts.index(most)] * n / most) <= 1


HOSTILE = """\
version: 1
company: "<script>alert(1)</script> \\" onload=\\"alert(2) \\u202e&amp; ]]> <!--"
role: "x' /><image href='https://evil.example/i.png'/>"
when: 2026-11-20T10:00:00-05:00
interviewers:
  - name: Dana Whitfield
    title: CTO
    email: dana@acme.example
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-20T18:00:00-05:00
"""


def test_hostile_record_is_text_in_the_drawing(tmp_path: Path) -> None:
    (tmp_path / "h.yaml").write_text(HOSTILE, encoding="utf-8")
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock, tmp_path)
    out = status_timeline(es, clock) + interview_timeline(es[0], clock)
    assert "<script" not in out and "<image" not in out
    drawn = "".join(re.findall(r"<svg\b.*?</svg>", out, re.S))
    assert "\u202e" not in drawn  # dropped in the drawing; isolated in <bdi> in the text
    assert all("<bdi>" in line for line in out.splitlines() if "\u202e" in line)
    for svg in svgs(out):  # well-formed: nothing broke out of an attribute or element
        for el in svg.iter():
            assert el.tag.startswith(SVG_NS) and el.tag[len(SVG_NS) :] in {
                "svg", "title", "desc", "g", "line", "text", "circle", "path", "rect",
            }  # fmt: skip
            assert set(el.attrib) <= {
                "class", "viewBox", "width", "height", "role", "x", "y", "x1", "y1", "x2",
                "y2", "cx", "cy", "r", "d",
            }  # fmt: skip
    labels = [t.text for svg in svgs(out) for t in svg.iter(f"{SVG_NS}text")]
    assert any(t and t.startswith('<script>alert(1)</script> " onload="alert(2)') for t in labels)


def test_redacted_pages_draw_initials_only() -> None:
    clock = Clock.at(NOW, SETTINGS)
    results = read_records([str(REPO / "content" / "interviews")], clock).results
    pages = build_pages(results, clock, redact=True)
    drawn = "".join(
        m for text in pages.values() for m in re.findall(r"<svg\b.*?</svg>", text, re.S)
    )
    assert drawn
    for name in ("Whitfield", "Takahara", "Dana"):
        assert name not in html.unescape(drawn)
    plain = build_pages(results, clock, redact=False)
    assert "Whitfield" in html.unescape("".join(plain.values()))


@pytest.mark.slow
@pytest.mark.browser
def test_timeline_renders_in_chromium(browser, sample_build) -> None:
    """The pictures render with role=img and a title, in light and dark, wide and narrow."""
    from test_browser import Watch, _serve

    assert sample_build.returncode == 0, sample_build.stderr[-3000:]
    ARTIFACTS.mkdir(exist_ok=True)
    with _serve(sample_build.site) as url:
        watch = Watch(browser, url)
        page = watch.page
        try:
            for width in (1280, 390):
                page.set_viewport_size({"width": width, "height": 1100})
                page.goto(f"{url}/status/")
                page.wait_for_selector("svg.av-tl--timeline", state="attached")
                info = page.eval_on_selector_all(
                    "svg.av-tl--timeline, svg.av-tl--stages",  # the search chart: its own tests
                    "els => els.filter(e => e.getClientRects().length)"
                    ".map(e => ({role: e.getAttribute('role'),"
                    " title: e.querySelector('title')?.textContent,"
                    " w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height}))",
                )
                assert len(info) == 2
                for svg in info:
                    assert svg["role"] == "img" and svg["title"]
                    assert svg["w"] > 300 and svg["h"] > 10
                fill = page.eval_on_selector(
                    ".av-tl-mark--overdue", "e => getComputedStyle(e).fill"
                )
                assert fill not in ("", "none", "rgb(0, 0, 0)")  # styled by afterview.css
                for scheme in ("default", "slate"):
                    page.evaluate(
                        f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')"
                    )
                    page.screenshot(path=str(ARTIFACTS / f"timeline-{scheme}-{width}.png"))
            page.goto(f"{url}/interviews/2026-11-10-northwind-traders-senior-data-engineer/")
            page.wait_for_selector("svg.av-tl--timeline", state="attached")
            title = page.eval_on_selector("svg.av-tl--timeline > title", "e => e.textContent")
            assert title == "Timeline of this interview"
            shown = page.locator("svg.av-tl--timeline.av-tl--narrow")  # still 390 px wide
            shown.screenshot(path=str(ARTIFACTS / "timeline-one.png"))
            assert not watch.errors and not watch.outside and not watch.dialogs
            assert not watch.csp, watch.csp
        finally:
            watch.close()


SAME_DAY = """\
version: 1
company: Samedayco
role: Analyst
when: 2026-11-20T10:00:00-05:00
thank_you:
  - to: Sam
    sent: 2026-11-20T12:00:00-05:00
reflection:
  written: 2026-11-20T13:00:00-05:00
"""


def test_marks_that_would_hide_each_other_are_one_numbered_mark(tmp_path: Path) -> None:
    """An interview, its thank-you note and its reflection within hours: one square
    holding 3, titled with each, and the legend says what a square means."""
    (tmp_path / "s.yaml").write_text(SAME_DAY, encoding="utf-8")
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock, tmp_path)
    for svg in variant(status_timeline(es, clock), "wide") + variant(
        status_timeline(es, clock), "narrow"
    ):
        if "av-tl--timeline" not in svg.get("class"):
            continue
        groups = [g for g in svg.iter(f"{SVG_NS}g") if "av-tl-several" in g[1].get("class")]
        (group,) = groups
        assert group[0].text.startswith("3 marks at once: Interview, ")
        assert "Thank-you note to Sam" in group[0].text and "Reflection written" in group[0].text
        assert "av-tl-several--interview" in group[1].get("class") and group[2].text == "3"
        assert "several at once" in drawn_text(svg, "av-tl-key")


def test_no_two_spots_overlap_and_spots_keep_every_mark() -> None:
    from afterview.pages.timeline_layout import MERGE, Mark, spots

    at = NOW
    placed = [(Mark(at, "note", str(i), "done"), x) for i, x in enumerate([5, 10, 30, 31, 60, 61])]
    out = spots(placed)
    xs = [s.x for s in out]
    assert all(b - a >= MERGE for a, b in zip(xs, xs[1:], strict=False))
    assert sorted(m.label for s in out for m in s.marks) == [str(i) for i in range(6)]
    assert [len(s.marks) for s in out] == [2, 2, 2]


def test_the_now_line_and_grid_cross_no_words() -> None:
    """Every vertical line of a timeline runs between rows of words, never through one."""
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock)
    out = status_timeline(es, clock) + "".join(interview_timeline(e, clock) for e in es)
    for svg in svgs(out):
        if "av-tl--timeline" not in svg.get("class"):
            continue
        words = [  # (top, bottom) of each line of words: baseline less its size, plus descent
            (float(t.get("y")) - 16, float(t.get("y")) + 4)
            for t in svg.iter(f"{SVG_NS}text")
            if {"av-tl-label", "av-tl-sublabel", "av-tl-note", "av-tl-more", "av-tl-tick"}
            & set(t.get("class", "").split())
        ]
        assert words
        lines = [  # each a path of vertical pieces: M x y1 V y2 ...
            (float(y1), float(y2))
            for path in svg.iter(f"{SVG_NS}path")
            if {"av-tl-now", "av-tl-grid"} & set(path.get("class", "").split())
            for _x, y1, y2 in re.findall(r"M(\d+) (\d+)V(\d+)", path.get("d"))
        ]
        assert lines
        for y1, y2 in lines:  # at any x: the lines' heights and the words' never meet
            for top, bottom in words:
                assert not (y1 < bottom and top < y2), (svg[0].text, y1, y2, top, bottom)


def test_every_stage_of_the_bar_is_named() -> None:
    """Each segment holds its name and count, or none; the key under the bar names each."""
    clock = Clock.at(NOW, SETTINGS)
    es = sample(clock)
    (bar,) = variant(stage_bar(es, clock), "wide")
    inside = [t for t in drawn_text(bar, "av-tl-stagelabel") if t]
    assert all(re.fullmatch(r"[a-z -]+ \d+", t) for t in inside), inside
    keys = drawn_text(bar, "av-tl-stagekey")
    segments = [g[0].text for g in bar.iter(f"{SVG_NS}g")]  # "name: n"
    assert keys == [s.replace(":", "") for s in segments] and len(keys) >= 5
