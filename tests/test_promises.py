"""Promises kept (issue 22 item 1): did each company get in touch by the day it named?

A hand-made playbook at NOW = Thu 10 Dec 2026 12:00 New York; every number below is
worked out by hand from the records in the comments.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from afterview.cli import cli
from afterview.clock import Clock
from afterview.promises import describe, promises, summary, tally_text
from conftest import SETTINGS, moment, run_check, write

NOW = "2026-12-10T12:00:00-05:00"

HEAD = "version: 1\nrole: Data Engineer\ninterviewers:\n  - {name: Sam Lee, title: Lead}\n"

RECORDS = {
    # kept: they wrote on 6 Nov, 3 days before 9 Nov; first word 4 days after 2 Nov
    "a-kept.yaml": "company: Acme\nwhen: 2026-11-02T10:00:00-05:00\n"
    "closing: {expected_contact: 2026-11-09}\n"
    "follow_ups:\n  - {date: 2026-11-06, by: them}\n",
    # late by 3: rejected on 13 Nov, day named 10 Nov; first word 10 days after 3 Nov
    "b-late.yaml": "company: Acme\nwhen: 2026-11-03T10:00:00-05:00\n"
    "closing: {expected_contact: 2026-11-10}\n"
    "outcome: {status: rejected, date: 2026-11-13}\n",
    # late by 7: the call of 12 Nov reached no one (nothing recorded from them), the call
    # of 18 Nov was answered; day named 11 Nov; first word 14 days after 4 Nov
    "c-late.yaml": "company: ACME \nwhen: 2026-11-04T10:00:00-05:00\n"
    "closing: {expected_contact: 2026-11-11}\n"
    "follow_ups:\n  - {date: 2026-11-12, by: me, channel: phone}\n"
    "  - {date: 2026-11-18, by: me, channel: phone, spoke_with: Sam Lee}\n",
    # broken: no word, day named 27 Nov, 13 days before 10 Dec
    "d-broken.yaml": "company: Birch\nwhen: 2026-11-20T10:00:00-05:00\n"
    "closing: {expected_contact: 2026-11-27}\n",
    # open: 14 Dec is still ahead
    "e-open.yaml": "company: Birch\nwhen: 2026-12-07T10:00:00-05:00\n"
    "closing: {expected_contact: 2026-12-14}\n",
    # left out: you withdrew and they never wrote
    "f-withdrawn.yaml": "company: Birch\nwhen: 2026-11-01T10:00:00-05:00\n"
    "closing: {expected_contact: 2026-11-08}\n"
    "outcome: {status: withdrawn, date: 2026-11-05}\n",
    # no day named: no promise, but the offer 7 days after 5 Nov is a first word
    "g-offer.yaml": "company: Cedar\nwhen: 2026-11-05T10:00:00-05:00\n"
    "outcome: {status: offer, date: 2026-11-12}\n",
    # open: the day named is today, and today has not ended
    "h-today.yaml": "company: Dune\nwhen: 2026-12-03T10:00:00-05:00\n"
    "closing: {expected_contact: 2026-12-10}\n",
}


def clock() -> Clock:
    return Clock.at(moment(NOW), SETTINGS)


def interviews():
    out = []
    for name, body in RECORDS.items():
        result = run_check(HEAD + body, NOW, path=name)
        assert result.interview is not None, name
        out.append(result.interview)
    return out


def test_each_promise_is_kept_late_broken_or_open():
    found = {p.interview.path: p for p in promises(interviews(), clock())}
    assert set(found) == set(RECORDS) - {"f-withdrawn.yaml", "g-offer.yaml"}
    states = {k: (p.state, p.days_late, p.days_to_word) for k, p in found.items()}
    assert states == {
        "a-kept.yaml": ("kept", None, 4),
        "b-late.yaml": ("late", 3, 10),
        "c-late.yaml": ("late", 7, 14),
        "d-broken.yaml": ("broken", 13, None),
        "e-open.yaml": ("open", None, None),
        "h-today.yaml": ("open", None, None),
    }


def test_the_same_words_for_each_promise():
    found = {p.interview.path: describe(p) for p in promises(interviews(), clock())}
    assert found["a-kept.yaml"] == "kept: first word Fri 6 Nov 2026, 3 days before Mon 9 Nov 2026"
    assert found["b-late.yaml"] == (
        "late by 3 days: first word Fri 13 Nov 2026, they had said Tue 10 Nov 2026"
    )
    assert found["d-broken.yaml"] == "broken: no word, 13 days after Fri 27 Nov 2026"
    assert found["e-open.yaml"] == "open: they said they would be in touch by Mon 14 Dec 2026"


def test_per_company_and_overall():
    companies, overall = summary(interviews(), clock())
    table = {
        t.company: (t.counts, t.share_kept, t.median_days_late, t.median_days_to_word)
        for t in companies
    }
    assert list(table) == ["Acme", "Birch", "Dune", "Cedar"]  # most promises first
    assert table["Acme"] == (  # "ACME " is Acme; late 3 and 7: median 5; words 4, 10, 14
        {"kept": 1, "late": 2, "broken": 0, "open": 0},
        1 / 3,
        5.0,
        10.0,
    )
    assert table["Birch"] == ({"kept": 0, "late": 0, "broken": 1, "open": 1}, 0.0, None, None)
    assert table["Dune"] == ({"kept": 0, "late": 0, "broken": 0, "open": 1}, None, None, None)
    assert table["Cedar"] == ({"kept": 0, "late": 0, "broken": 0, "open": 0}, None, None, 7.0)
    # overall: 1 kept of 4 decided; late 3 and 7; words 4, 10, 14, 7: median 8.5
    assert overall.counts == {"kept": 1, "late": 2, "broken": 1, "open": 2}
    assert overall.share_kept == 0.25
    assert (overall.median_days_late, overall.median_days_to_word) == (5.0, 8.5)
    assert tally_text(overall) == (
        "1 of 4 kept (25%); 2 late, by a median of 5 days; 1 broken; 2 open;"
        " first word a median of 8.5 days after the interview"
    )
    assert tally_text(table_of(companies, "Dune")) == "none decided yet; 0 late; 0 broken; 1 open"


def test_the_status_page_lists_the_companies_and_promises_still_unsettled():
    """Birch (one broken, one open) and Dune (open) with their tallies, and those three
    promises one by one; Acme (kept, late, late) and Cedar (no promise) only counted."""
    import html

    from afterview.pages import build_pages

    results = [run_check(HEAD + body, NOW, path=name) for name, body in RECORDS.items()]
    status = build_pages(results, clock())["status.md"]
    section = html.unescape(status[status.index("### Promises kept") : status.index("### Offers")])
    assert "All companies: 1 of 4 kept (25%); 2 late" in section
    listed = re.findall(r"^<tr><td>(.*?)</td>", section, re.M)  # the first column
    assert listed == ["Birch", "Dune"]
    assert "Not listed: 2 companies with no promise broken or still open" in section
    each = section[section.index("<summary>Each promise broken or still open</summary>") :]
    assert re.findall(r"^<li><a [^>]*>(\w+) — Data Engineer</a>: (\w+)", each, re.M) == [
        ("Birch", "broken"),
        ("Dune", "open"),
        ("Birch", "open"),
    ]  # by the day named


def table_of(companies, name):
    return next(t for t in companies if t.company == name)


def test_a_word_before_the_interview_is_no_answer():
    body = (
        "company: Early\nwhen: 2026-11-20T10:00:00-05:00\n"
        "closing: {expected_contact: 2026-11-27}\n"
        "follow_ups:\n  - {date: 2026-11-19, by: them}\n"
    )
    iv = run_check(HEAD + body, NOW).interview
    assert [p.state for p in promises([iv], clock())] == ["broken"]


def test_stats_command_text_and_json(playbook: Path):
    for name, body in RECORDS.items():
        write(playbook / "content" / "interviews", name, HEAD + body)
    runner = CliRunner()
    text = runner.invoke(cli, ["stats", "--now", NOW], prog_name="afterview")
    assert text.exit_code == 0, text.output
    assert "All companies: 1 of 4 kept (25%); 2 late, by a median of 5 days" in text.stdout
    assert "ACME — Data Engineer: late by 7 days: first word Wed 18 Nov 2026" in text.stdout
    out = runner.invoke(cli, ["stats", "--format", "json", "--now", NOW], prog_name="afterview")
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert doc["now"] == NOW
    assert doc["promises"]["overall"] == {
        "kept": 1,
        "late": 2,
        "broken": 1,
        "open": 2,
        "share_kept": 0.25,
        "median_days_late": 5.0,
        "median_days_to_first_word": 8.5,
    }
    assert doc["promises"]["companies"][0]["company"] == "Acme"
    late = next(p for p in doc["promises"]["interviews"] if p["path"].endswith("c-late.yaml"))
    assert late == {
        "path": "content/interviews/c-late.yaml",
        "company": "ACME",
        "role": "Data Engineer",
        "expected_contact": "2026-11-11",
        "state": "late",
        "first_word": "2026-11-18",
        "days_late": 7,
        "days_to_first_word": 14,
    }


def test_export_json_carries_each_promise(playbook: Path):
    for name, body in RECORDS.items():
        write(playbook / "content" / "interviews", name, HEAD + body)
    out = CliRunner().invoke(cli, ["export", "--format", "json", "--now", NOW])
    assert out.exit_code == 0, out.output
    got = {
        Path(r["path"]).name: (r["expected_contact"], r["promise"], r["days_late"], r["first_word"])
        for r in json.loads(out.stdout)
    }
    assert got == {
        "a-kept.yaml": ("2026-11-09", "kept", None, "2026-11-06"),
        "b-late.yaml": ("2026-11-10", "late", 3, "2026-11-13"),
        "c-late.yaml": ("2026-11-11", "late", 7, "2026-11-18"),
        "d-broken.yaml": ("2026-11-27", "broken", 13, None),
        "e-open.yaml": ("2026-12-14", "open", None, None),
        "f-withdrawn.yaml": ("2026-11-08", None, None, None),
        "g-offer.yaml": (None, None, None, "2026-11-12"),
        "h-today.yaml": ("2026-12-10", "open", None, None),
    }


def test_a_voicemail_is_no_word_from_them():
    body = (
        "company: Quiet\nwhen: 2026-11-20T10:00:00-05:00\n"
        "closing: {expected_contact: 2026-11-27}\n"
        "follow_ups:\n  - {date: 2026-11-30, by: me, answered: false, spoke_with: Sam Lee}\n"
    )
    iv = run_check(HEAD + body, NOW).interview
    assert [(p.state, p.first_word) for p in promises([iv], clock())] == [("broken", None)]


def test_stats_text_escapes_terminal_controls(playbook: Path):
    write(
        playbook / "content" / "interviews",
        "x.yaml",
        HEAD + 'company: "Evil\\e[2J\\u202eCo"\nwhen: 2026-11-20T10:00:00-05:00\n'
        "closing: {expected_contact: 2026-11-27}\n",
    )
    out = CliRunner().invoke(cli, ["stats", "--now", NOW])
    assert out.exit_code == 0, out.output
    assert "\x1b" not in out.stdout and "\u202e" not in out.stdout
    assert "Evil\\u001b[2J\\u202eCo — Data Engineer: broken" in out.stdout
