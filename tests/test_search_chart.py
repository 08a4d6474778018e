"""The search in one picture (issue 22 item 3): interviews in play each week by where they
ended, counted by hand below, drawn as an accessible SVG with a text equivalent."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from afterview.cli import cli
from afterview.clock import Clock
from afterview.pages import build_pages
from afterview.search import MAX_WEEKS, in_words, weeks
from conftest import SETTINGS, moment, run_check, write

NOW = "2026-12-10T12:00:00-05:00"  # a Thursday: this week is Monday 7 Dec
HEAD = "version: 1\nrole: Analyst\ninterviewers:\n  - {name: Sam Lee, title: Lead}\n"
RECORDS = {
    # weeks of 16 and 23 Nov: rejected on Wed 25 Nov
    "a.yaml": "company: Acme\nwhen: 2026-11-16T10:00:00-05:00\n"
    "outcome: {status: rejected, date: 2026-11-25}\n",
    # an open offer: in play from the week of 16 Nov to this week
    "b.yaml": "company: Birch\nwhen: 2026-11-18T10:00:00-05:00\n"
    "outcome: {status: offer, date: 2026-11-30}\n",
    # accepted on Wed 2 Dec: weeks of 23 and 30 Nov
    "c.yaml": "company: Cedar\nwhen: 2026-11-24T10:00:00-05:00\n"
    "outcome: {status: offer, date: 2026-11-27, decision: accepted, decision_date: 2026-12-02}\n",
    # still to come (15 Dec): arranged, so in play this week
    "d.yaml": "company: Dune\nwhen: 2026-12-15T10:00:00-05:00\n",
    # ghosted with no date: its own week only
    "e.yaml": "company: Elm\nwhen: 2026-11-20T10:00:00-05:00\noutcome: {status: ghosted}\n",
}


def clock() -> Clock:
    return Clock.at(moment(NOW), SETTINGS)


def results():
    return [run_check(HEAD + b, NOW, path=f"interviews/{n}") for n, b in RECORDS.items()]


def test_weeks_counted_by_hand():
    got = [(w.monday, w.counts) for w in weeks([r.interview for r in results()], clock())]
    assert got == [
        (date(2026, 11, 16), {"offer": 1, "rejected": 1, "ghosted": 1}),
        (date(2026, 11, 23), {"offer": 1, "accepted": 1, "rejected": 1}),
        (date(2026, 11, 30), {"offer": 1, "accepted": 1}),
        (date(2026, 12, 7), {"upcoming": 1, "offer": 1}),
    ]


def test_at_most_the_last_26_weeks():
    old = "company: Old\nwhen: 2026-01-05T10:00:00-05:00\n"
    ivs = [r.interview for r in results()] + [run_check(HEAD + old, NOW).interview]
    found = weeks(ivs, clock())
    assert len(found) == MAX_WEEKS == 26
    assert found[-1].monday == date(2026, 12, 7)
    assert found[0].monday == date(2026, 6, 15)  # 25 weeks before 7 Dec
    assert found[0].counts == {"awaiting thank-you": 1}  # the old one is still pending


def test_the_picture_is_accessible_and_says_the_same_as_its_text():
    status = build_pages(results(), clock())["status.md"]
    figure = status[status.index('<div class="av-tl-figure av-search-figure">') :]
    figure = figure[: figure.index("</details>")]
    drawings = re.findall(r"<svg [^>]*>.*?</svg>", figure)
    assert len(drawings) == 2  # wide and narrow, one shown by CSS
    for svg in drawings:
        assert 'role="img"' in svg and "<script" not in svg and "style=" not in svg
        assert svg.split(">", 1)[1].startswith("<title>The search, week by week</title><desc>")
        assert "at most 3 in one week" in svg
        # 3 + 3 + 2 + 2 stage segments, each with its own title, then 5 legend swatches
        assert svg.count("<g><title>week of") == 10
        assert svg.count("<rect ") == 15
    assert "<g><title>week of Mon 7 Dec 2026&#58; 2 in play" in drawings[0]
    # one interview out of a most of three: a third of the 130-unit-high chart
    assert 'height="43.3"' in html.unescape(drawings[0])
    items = re.findall(r"<li>(.*?)</li>", figure)
    assert items == [
        "week of Mon 16 Nov 2026&#58; 3 in play &#40;1 offer, 1 rejected, 1 ghosted&#41;",
        "week of Mon 23 Nov 2026&#58; 3 in play &#40;1 offer, 1 accepted, 1 rejected&#41;",
        "week of Mon 30 Nov 2026&#58; 2 in play &#40;1 offer, 1 accepted&#41;",
        "week of Mon 7 Dec 2026&#58; 2 in play &#40;1 upcoming, 1 offer&#41;",
    ]


def test_no_dated_interview_no_picture():
    status = build_pages([], clock())["status.md"]
    assert "av-search" not in status


def test_stats_json_and_text_carry_weeks_and_offers(playbook: Path):
    for name, body in RECORDS.items():
        write(playbook / "content" / "interviews", name, HEAD + body)
    runner = CliRunner()
    doc = json.loads(runner.invoke(cli, ["stats", "--format", "json", "--now", NOW]).stdout)
    assert doc["weeks"][-1] == {
        "week": "2026-12-07",
        "in_play": 2,
        "by_stage": {"upcoming": 1, "offer": 1},
    }
    assert [(o["company"], o["stage"]) for o in doc["offers"]] == [
        ("Birch", "offer"),
        ("Cedar", "accepted"),
    ]
    text = runner.invoke(cli, ["stats", "--now", NOW]).stdout
    week = weeks([r.interview for r in results()], clock())[0]
    assert f"  {in_words(week)}\n" in text
    assert "Cedar — Analyst: accepted, pay not recorded" in text
    assert "still to settle: Pay: what is the base salary" in text


def test_a_search_with_no_interview_in_play_lately_is_a_sentence_not_an_empty_drawing():
    """The example record `afterview init` writes ended in January: 26 empty weeks."""
    old = (
        "company: Old\nwhen: 2026-01-05T10:00:00-05:00\n"
        "outcome: {status: rejected, date: 2026-01-20}\n"
    )
    status = build_pages([run_check(HEAD + old, NOW, path="interviews/old.yaml")], clock())[
        "status.md"
    ]
    section = status[status.index("### The search, week by week") :]
    assert "No interview was in play in the 26 weeks from the week of Mon" in html.unescape(section)
    assert "av-search" not in section and "<svg" not in section
