"""One voice for time: afterview.wording, and the same words in every output."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

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


def test_moment_ignores_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    try:
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("no German locale on this machine")
    try:
        assert moment(datetime(2026, 12, 3, 14, 0, tzinfo=NY)) == "Thu 3 Dec 2026, 14:00 EST"
    finally:
        locale.setlocale(locale.LC_TIME, "C")


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
