"""A calendar you can join from (calendar.py; README "Your calendar").

An interview's event carries LOCATION and URL (the meeting link) and says
both in its DESCRIPTION; descriptions state dates, never a phrase relative to
the build ("in 5 days"); a redacted feed has no meeting link. The feed is read
back with icalendar here, and with ical.js and node-ical (npm) in the slow tier.
Every feed is built at an explicit now.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from afterview.agenda import Item, agenda
from afterview.calendar import calendar_ics, meeting_url
from afterview.clock import Clock
from afterview.settings import Settings
from conftest import locked, npm_packages, run_check

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=NY)
ROOT = Path(__file__).resolve().parents[1]
LINK = "https://meet.example.com/abc-defg-hij?pwd=S3cret"


def interview(url: str | None = LINK, location: str | None = "Room 4B, 12 Harbor St") -> Item:
    start = datetime(2026, 11, 30, 10, 0, tzinfo=NY)
    return Item(
        "content/interviews/2026-11-30-northwind.yaml",
        "Northwind Traders",
        "Data Engineer",
        "interview",
        start,
        False,
        "Interview (video)",
        "",
        start + timedelta(minutes=45),
        location,
        url,
    )


NOTE = Item(
    "content/interviews/2026-11-18-northwind.yaml",
    "Northwind Traders",
    "Data Engineer",
    "thank-you",
    datetime(2026, 11, 30, 15, 0, tzinfo=NY),
    False,
    "Thank-you note to Dana Whitfield",
    "dana whitfield",
)


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_an_interview_event_has_its_location_and_link() -> None:
    [event] = events(calendar_ics([interview()], NOW))
    assert str(event["LOCATION"]) == "Room 4B, 12 Harbor St"
    assert str(event["URL"]) == LINK
    description = str(event["DESCRIPTION"])
    assert "Where: Room 4B, 12 Harbor St" in description
    assert f"Join: {LINK}" in description
    assert "starts Mon 30 Nov 2026, 10:00 EST" in description


def test_descriptions_state_dates_never_relative_phrases() -> None:
    for event in events(calendar_ics([interview(), NOTE], NOW)):
        description = str(event["DESCRIPTION"])
        assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w{3} \d{4}", description)
        assert not re.search(r"\bin \d+ (minute|hour|day)|\bago\b|overdue by|due now", description)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,hi",
        "https://",
        "meet.example.com/abc",
        "https://meet.example.com/a b",
        "https://meet.example.com/\x1b[2J",
    ],
)
def test_only_an_http_link_becomes_a_url(url: str) -> None:
    assert meeting_url(url) is None
    [event] = events(calendar_ics([interview(url)], NOW))
    assert "URL" not in event
    assert "Join:" not in str(event["DESCRIPTION"])


def test_no_location_no_link_no_property() -> None:
    [event] = events(calendar_ics([interview(None, None)], NOW))
    assert "URL" not in event and "LOCATION" not in event


def test_the_agenda_takes_the_location_from_the_record() -> None:
    record = """\
    company: Northwind Traders
    role: Data Engineer
    when: 2026-11-30T10:00:00-05:00
    location: "Room 4B, 12 Harbor St\\nBoston"
    """
    result = run_check(record, "2026-11-25T12:00:00-05:00")
    assert result.interview is not None
    clock = Clock.at(NOW, Settings(timezone_name="America/New_York"))
    [item] = agenda([result.interview], clock)
    [event] = events(calendar_ics([item], NOW))
    assert str(event["LOCATION"]) == "Room 4B, 12 Harbor St\nBoston"


# --- read back by the JavaScript parsers calendar apps and sites use ----------------------

PARSERS = ("ical.js@2.2.1", "node-ical@0.27.2")
NODE_DIR = ROOT / "tests" / "artifacts" / "ical-node"  # gitignored cache
READ_JS = """\
const fs = require("node:fs");
const ICAL = require("ical.js");
const nodeIcal = require("node-ical");
const text = fs.readFileSync(process.argv[2], "utf8");
const viaIcal = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => {
  const e = new ICAL.Event(v);
  return {uid: e.uid, summary: e.summary, location: e.location, description: e.description,
          url: v.getFirstPropertyValue("url"), start: e.startDate.toJSDate().toISOString(),
          alarms: v.getAllSubcomponents("valarm").length};
});
const viaNode = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c.type === "VEVENT")
  .map((e) => ({uid: e.uid, summary: e.summary, location: e.location || null,
                description: e.description, url: e.url || null,
                start: new Date(e.start).toISOString()}));
process.stdout.write(JSON.stringify({ical: viaIcal, node: viaNode}));
"""


def _unavailable(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (CI=true: the feed must be read by ical.js and node-ical)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def read_with_node():
    """Parse a feed with ical.js and node-ical; installed once into tests/artifacts."""
    node = npm_packages(NODE_DIR, PARSERS, _unavailable)
    script = NODE_DIR / "read.cjs"
    with locked(NODE_DIR.parent / "ical-node-script.lock"):
        script.write_text(READ_JS, encoding="utf-8")

    def read(path: Path) -> dict:
        proc = subprocess.run(
            [node, str(script), str(path)], cwd=NODE_DIR, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    return read


@pytest.mark.slow
def test_ical_js_and_node_ical_read_location_link_and_dates(read_with_node, tmp_path) -> None:
    hostile = interview(location='Room 4B; Floor 2, \\ Building "C"\nBoston')
    feed = tmp_path / "agenda.ics"
    feed.write_bytes(calendar_ics([hostile, NOTE], NOW))
    parsed = read_with_node(feed)
    for parser in ("ical", "node"):
        by_uid = {e["uid"]: e for e in parsed[parser]}
        assert set(by_uid) == {hostile.uid, NOTE.uid}, parser
        event = by_uid[hostile.uid]
        assert event["location"] == 'Room 4B; Floor 2, \\ Building "C"\nBoston', parser
        assert event["url"] == LINK, parser
        assert event["start"] == "2026-11-30T15:00:00.000Z", parser
        assert f"Join: {LINK}" in event["description"], parser
        note = by_uid[NOTE.uid]
        assert note["location"] is None and note["url"] is None, parser
        assert "due Mon 30 Nov 2026, 15:00 EST" in note["description"], parser
    assert [e["alarms"] for e in parsed["ical"]] == [2, 2]


RECORD = """\
company: Northwind Traders
role: Data Engineer
when: 2026-11-30T10:00:00-05:00
location: Room 4B, 12 Harbor St
meeting_url: https://meet.example.com/abc-defg-hij?pwd=S3cret
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
"""


def test_the_record_s_meeting_link_reaches_the_feed_unless_redacted() -> None:
    from afterview.calendar import site_ics

    result = run_check(RECORD, "2026-11-25T12:00:00-05:00")
    assert not [f for f in result.findings if f.rule == "schema"]
    clock = Clock.at(NOW, Settings(timezone_name="America/New_York"))
    [event] = events(site_ics([result], clock))
    assert str(event["URL"]) == LINK and str(event["LOCATION"]) == "Room 4B, 12 Harbor St"
    for private in (False, True):  # publish_private_notes does not publish a passcode
        feed = site_ics([result], clock, redact=True, publish_private_notes=private)
        [event] = events(feed)
        assert "URL" not in event
        assert b"S3cret" not in feed and b"meet.example.com" not in feed
        assert str(event["LOCATION"]) == "Room 4B, 12 Harbor St"


def test_a_redacted_site_has_no_meeting_link_anywhere() -> None:
    from afterview.pages import build_pages

    result = run_check(RECORD, "2026-11-25T12:00:00-05:00", path="n.yaml")
    clock = Clock.at(NOW, Settings(timezone_name="America/New_York"))
    own = html.unescape(build_pages([result], clock)["interviews/n.md"])
    assert f'join at <a href="{LINK}" rel="nofollow noopener">{LINK}</a>' in own
    for private in (False, True):
        pages = build_pages([result], clock, redact=True, publish_private=private)
        assert not any("meet.example.com" in html.unescape(text) for text in pages.values())
        assert not any("join at" in text for text in pages.values())
