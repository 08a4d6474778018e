"""One voice for time: afterview.wording, and the same words in every output."""

from __future__ import annotations

import html
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from afterview.cli import cli
from afterview.wording import duration, moment, relative

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=NY)


def test_moment_format() -> None:
    assert moment(datetime(2026, 12, 3, 14, 0, tzinfo=NY)) == "Thu 3 Dec 2026, 14:00 EST"
    assert moment(datetime(2026, 7, 3, 9, 5, tzinfo=NY)) == "Fri 3 Jul 2026, 09:05 EDT"
    assert moment(date(2026, 12, 3)) == "Thu 3 Dec 2026"


def test_moment_in_the_playbook_zone() -> None:
    utc = datetime(2026, 12, 3, 19, 0, tzinfo=UTC)
    assert moment(utc, NY) == "Thu 3 Dec 2026, 14:00 EST"
    fixed = datetime(2026, 12, 3, 14, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert moment(fixed, NY) == "Thu 3 Dec 2026, 14:00 EST"
    assert moment(utc, ZoneInfo("Asia/Kolkata")) == "Fri 4 Dec 2026, 00:30 IST"
    # A zone with no abbreviation gets its offset, not zoneinfo's "-03".
    assert moment(utc, ZoneInfo("America/Sao_Paulo")) == "Thu 3 Dec 2026, 16:00 UTC-03:00"


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (timedelta(seconds=30), "1 minute"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(minutes=25), "25 minutes"),
        (timedelta(minutes=59, seconds=40), "1 hour"),
        (timedelta(hours=4), "4 hours"),
        (timedelta(hours=23, minutes=20), "23 hours"),
        (timedelta(hours=23, minutes=40), "1 day"),
        (timedelta(hours=25), "1 day"),
        (timedelta(hours=47), "2 days"),
        (timedelta(days=3, hours=21), "4 days"),
        (timedelta(days=-2), "2 days"),
    ],
)
def test_duration(delta: timedelta, words: str) -> None:
    assert duration(delta) == words


def test_relative() -> None:
    assert relative(NOW - timedelta(hours=25), NOW) == "overdue by 1 day"
    assert relative(NOW + timedelta(hours=4), NOW) == "in 4 hours"
    assert relative(NOW + timedelta(seconds=20), NOW) == "due now"
    assert relative(NOW - timedelta(seconds=59), NOW) == "due now"
    assert relative(NOW - timedelta(minutes=1), NOW) == "overdue by 1 minute"


REPO = Path(__file__).resolve().parent.parent
SAMPLE_NOW = "2026-11-25T12:00:00-05:00"


def test_one_item_reads_the_same_in_terminal_status_page_and_interview_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quillon's follow-up call, overdue since Fri 20 Nov 11:00, in every output."""
    monkeypatch.chdir(REPO)
    runner = CliRunner()
    agenda = runner.invoke(cli, ["agenda", "--now", SAMPLE_NOW], catch_exceptions=False)
    assert "* Fri 20 Nov 2026, 11:00 EST  follow-up, overdue by 5 days" in agenda.stdout
    rendered = runner.invoke(cli, ["render", str(tmp_path), "--now", SAMPLE_NOW])
    assert rendered.exit_code == 0, rendered.output
    status = html.unescape((tmp_path / "status.md").read_text(encoding="utf-8"))
    page = html.unescape(
        next((tmp_path / "interviews").glob("*quillon*.md")).read_text(encoding="utf-8")
    )
    words = ("Fri 20 Nov 2026, 11:00 EST", "overdue by 5 days")
    for text in (status, page):
        lines = [x for x in text.splitlines() if "Call to ask" in x]
        assert any(all(w in x for w in words) for x in lines)
    # The check message and the calendar word the due time the same way,
    check = runner.invoke(cli, ["check", "--format", "json", "--now", SAMPLE_NOW])
    messages = [f["message"] for f in json.loads(check.stdout)["findings"]]
    assert any(f"since {words[0]}" in m for m in messages)
    ics = runner.invoke(cli, ["agenda", "--format", "ics", "--now", SAMPLE_NOW]).stdout_bytes
    descriptions = [str(e["DESCRIPTION"]) for e in Calendar.from_ical(ics).walk("VEVENT")]
    # ... and the calendar states the date alone: it is read days after it is built.
    assert any(f"due {words[0]}" in d for d in descriptions)
    assert not any(words[1] in d for d in descriptions)
    # The old voices are gone.
    for old in ("OVERDUE by", "overdue by 125 hours", "2026-11-20 11:00", "Fri Nov 20"):
        assert old not in agenda.stdout + status + page
