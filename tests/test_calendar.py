"""calendar_ics: RFC 5545 output, parsed back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from afterview.agenda import Item, agenda
from afterview.calendar import calendar_ics
from afterview.clock import Clock
from afterview.records import read_records
from afterview.settings import Settings

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=NY)
REPO = Path(__file__).resolve().parents[1]


def item(
    action: str, due: datetime | None, detail: str, key: str = "", overdue: bool = False
) -> Item:
    return Item(
        "content/interviews/2026-11-18-northwind.yaml",
        "Northwind Traders",
        "Senior Data Engineer",
        action,
        due,
        overdue,
        detail,
        key,
    )


ITEMS = [
    item("thank-you", datetime(2026, 11, 19, 15, 0, tzinfo=NY), "Thank-you note to Dana Whitfield",
         "dana whitfield", overdue=True),
    item("thank-you", datetime(2026, 11, 19, 15, 0, tzinfo=NY), "Thank-you note to Lee Park",
         "lee park", overdue=True),
    item("interview", datetime(2026, 11, 26, 9, 0, tzinfo=NY),
         "Interview for Senior Data Engineer at Northwind Traders (onsite)"),
    item("next-step", datetime(2026, 11, 30, 23, 59, 59, tzinfo=NY), "Send two references", "0"),
    item("next-step", None, "Send the portfolio", "1"),
]  # fmt: skip


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_calendar_properties() -> None:
    data = calendar_ics(ITEMS, NOW)
    cal = Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0"
    assert str(cal["PRODID"]).startswith("-//Afterview//")
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded lines


def test_every_item_with_a_due_time_is_present() -> None:
    evs = events(calendar_ics(ITEMS, NOW))
    dated = [i for i in ITEMS if i.due is not None]
    assert sorted(str(e["UID"]) for e in evs) == sorted(i.uid for i in dated)
    for e in evs:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert prop in e


def test_uids_stable_across_runs_and_unique() -> None:
    first = [str(e["UID"]) for e in events(calendar_ics(ITEMS, NOW))]
    later = NOW + timedelta(days=1)
    again = [str(e["UID"]) for e in events(calendar_ics(ITEMS, later))]
    assert first == again
    assert len(set(first)) == len(first)


def test_same_name_twice_still_unique() -> None:
    twin = [ITEMS[0], ITEMS[0]]
    uids = [str(e["UID"]) for e in events(calendar_ics(twin, NOW))]
    assert len(set(uids)) == 2
    assert uids[0] == ITEMS[0].uid


def test_nine_new_york_is_fourteen_utc() -> None:
    data = calendar_ics(ITEMS, NOW)
    interview = next(e for e in events(data) if str(e["UID"]) == ITEMS[2].uid)
    start = interview.decoded("DTSTART")
    assert start == datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
    assert start.utcoffset() == timedelta(0)
    assert interview.decoded("DTEND") - start == timedelta(minutes=15)
    assert b"DTSTART:20261126T140000Z" in data


def test_summer_time_offset() -> None:
    summer = item("interview", datetime(2026, 7, 1, 9, 0, tzinfo=NY), "Interview")
    (e,) = events(calendar_ics([summer], NOW))
    assert e.decoded("DTSTART") == datetime(2026, 7, 1, 13, 0, tzinfo=UTC)


def test_end_of_day_deadline_is_an_all_day_event() -> None:
    e = next(e for e in events(calendar_ics(ITEMS, NOW)) if str(e["UID"]) == ITEMS[3].uid)
    assert e.decoded("DTSTART") == date(2026, 11, 30)
    assert e.decoded("DTEND") == date(2026, 12, 1)


def test_dtstamp_is_now_in_utc() -> None:
    for e in events(calendar_ics(ITEMS, NOW)):
        assert e.decoded("DTSTAMP") == datetime(2026, 11, 25, 17, 0, tzinfo=UTC)


def test_summary_and_overdue_mark() -> None:
    evs = {str(e["UID"]): e for e in events(calendar_ics(ITEMS, NOW))}
    dana = evs[ITEMS[0].uid]
    assert str(dana["SUMMARY"]) == "OVERDUE: Thank-you note to Dana Whitfield — Northwind Traders"
    assert "overdue" in [str(c) for c in dana["CATEGORIES"].cats]
    interview = evs[ITEMS[2].uid]
    assert str(interview["SUMMARY"]) == (
        "Interview for Senior Data Engineer at Northwind Traders (onsite)"
    )
    assert "overdue" not in [str(c) for c in interview["CATEGORIES"].cats]


def test_text_is_escaped() -> None:
    odd = Item("a.yaml", "Acme; Inc, \\ Ltd", "R", "thank-you", NOW, False, "Note to A\nB", "k")
    (e,) = events(calendar_ics([odd], NOW))
    assert str(e["SUMMARY"]) == "Note to A\nB — Acme; Inc, \\ Ltd"


def test_empty_agenda_is_a_valid_calendar() -> None:
    cal = Calendar.from_ical(calendar_ics([], NOW))
    assert list(cal.walk("VEVENT")) == []


@pytest.mark.parametrize("when", ["2026-11-25T12:00:00-05:00", "2026-11-26T08:00:00-05:00"])
def test_sample_records(when: str) -> None:
    settings = Settings(timezone_name="America/New_York")
    now = datetime.fromisoformat(when)
    clock = Clock.at(now, settings)
    loaded = read_records([str(REPO / "content" / "interviews")], clock)
    items = agenda(loaded.interviews, clock, None)
    evs = events(calendar_ics(items, clock.now))
    assert len(evs) == sum(1 for i in items if i.due is not None)
    again = events(calendar_ics(items, clock.now))
    assert [str(e["UID"]) for e in evs] == [str(e["UID"]) for e in again]


def alarms(event) -> list:
    return [c for c in event.subcomponents if c.name == "VALARM"]


def test_every_event_has_a_display_alarm_at_its_due_time() -> None:
    for e in events(calendar_ics(ITEMS, NOW)):
        found = alarms(e)
        assert found, e["UID"]
        for a in found:
            assert str(a["ACTION"]) == "DISPLAY"
            assert str(a["DESCRIPTION"])
        triggers = [a.decoded("TRIGGER") for a in found]
        if isinstance(e.decoded("DTSTART"), datetime):
            assert timedelta(0) in triggers  # at the due time (DTSTART)
        else:
            assert triggers == [timedelta(hours=9)]  # an all-day item: 09:00 on its day


def test_interviews_and_notes_get_an_early_alarm() -> None:
    evs = {str(e["UID"]): e for e in events(calendar_ics(ITEMS, NOW))}
    for it in (ITEMS[0], ITEMS[2]):  # a thank-you note, an interview
        triggers = sorted(a.decoded("TRIGGER") for a in alarms(evs[it.uid]))
        assert triggers == [timedelta(minutes=-60), timedelta(0)]
    early = next(a for a in alarms(evs[ITEMS[2].uid]) if a.decoded("TRIGGER"))
    assert "starts in 1 hour" in str(early["DESCRIPTION"])


@pytest.mark.parametrize(
    ("before", "expected"), [(None, 1), (timedelta(0), 1), (timedelta(days=1), 2)]
)
def test_early_alarm_is_configurable(before: timedelta | None, expected: int) -> None:
    (e,) = events(calendar_ics([ITEMS[2]], NOW, before))
    assert len(alarms(e)) == expected
    if expected == 2:
        assert min(a.decoded("TRIGGER") for a in alarms(e)) == -timedelta(days=1)


def test_alarm_setting_is_read_and_checked(playbook: Path) -> None:
    from click.testing import CliRunner

    from afterview.cli import cli
    from afterview.settings import SettingsError, settings_from_table

    assert (
        settings_from_table({"alarm_before_minutes": 0}, playbook / "x.toml").alarm_before_minutes
        == 0
    )
    for bad in (-1, 10_081, "60", True, 1.5):
        with pytest.raises(SettingsError, match="alarm_before_minutes"):
            settings_from_table({"alarm_before_minutes": bad}, playbook / "x.toml")
    record = (REPO / "content" / "interviews").glob("*.yaml")
    folder = playbook / "content" / "interviews"
    folder.mkdir(parents=True)
    for f in record:
        (folder / f.name).write_bytes(f.read_bytes())
    (playbook / "afterview.toml").write_text(
        'timezone = "America/New_York"\nalarm_before_minutes = 30\n', encoding="utf-8"
    )
    run = CliRunner().invoke(cli, ["agenda", "--format", "ics", "--now", "2026-11-12T12:00-05:00"])
    evs = events(run.stdout_bytes)
    interviews = [e for e in evs if "interview" in [str(c) for c in e["CATEGORIES"].cats]]
    assert interviews
    for e in interviews:
        if isinstance(e.decoded("DTSTART"), datetime):
            assert timedelta(minutes=-30) in [a.decoded("TRIGGER") for a in alarms(e)]


def test_interview_event_spans_its_duration() -> None:
    settings = Settings(timezone_name="America/New_York")
    clock = Clock.at(datetime(2026, 11, 1, 12, 0, tzinfo=NY), settings)
    loaded = read_records([str(REPO / "content" / "interviews")], clock)
    items = [i for i in agenda(loaded.interviews, clock, None) if i.action == "interview"]
    assert items
    evs = {str(e["UID"]): e for e in events(calendar_ics(items, clock.now))}
    by_path = {iv.path: iv for iv in loaded.interviews}
    for it in items:
        iv = by_path[it.path]
        e = evs[it.uid]
        if iv.when.whole_day:
            assert e.decoded("DTSTART") == iv.when.day
            assert e.decoded("DTEND") == iv.when.day + timedelta(days=1)
        else:
            assert e.decoded("DTEND") - e.decoded("DTSTART") == timedelta(minutes=iv.duration)


def test_date_only_interview_is_all_day(playbook: Path) -> None:
    (playbook / "r.yaml").write_text(
        "version: 1\ncompany: Acme\nrole: Dev\nwhen: 2026-12-02\nduration: 45\n", encoding="utf-8"
    )
    clock = Clock.at(NOW, Settings(timezone_name="America/New_York"))
    items = agenda(read_records([str(playbook / "r.yaml")], clock).interviews, clock, None)
    (e,) = events(calendar_ics(items, NOW))
    assert e.decoded("DTSTART") == date(2026, 12, 2)
    assert e.decoded("DTEND") == date(2026, 12, 3)


HOSTILE = "A\x0bB\x0cC\x1cD\x1fE\x7fF\x85G\u202eH\u2066I\u200fJ\x00K\r\nL\u2028M\tN; O, P\\ Q"


def test_no_control_or_bidi_characters_reach_the_file() -> None:
    odd = Item(f"{HOSTILE}.yaml", HOSTILE, HOSTILE, "thank-you", NOW, False, HOSTILE, HOSTILE)
    data = calendar_ics([odd], NOW - timedelta(days=1))
    text = data.decode("utf-8")
    bad = [
        c
        for c in text.replace("\r\n", "")
        if (ord(c) < 0x20 and c != "\t") or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u2066\u200f"
    ]
    assert bad == []
    (e,) = events(data)
    summary = str(e["SUMMARY"])
    assert summary.startswith("ABCDEFGHIJK\nL\nM N; O, P\\ Q")
    for prop in ("SUMMARY", "DESCRIPTION"):
        assert "\x0b" not in str(e[prop]) and "\u202e" not in str(e[prop])
    for a in alarms(e):
        assert "\x0c" not in str(a["DESCRIPTION"])
    assert str(e["UID"]) == odd.uid  # the UID is a hash: nothing hostile in it


def test_lone_surrogate_does_not_break_the_file() -> None:
    odd = Item("a.yaml", "Acme \ud800", "R", "thank-you", NOW, False, "Note", "k")
    (e,) = events(calendar_ics([odd], NOW))
    assert str(e["SUMMARY"]) == "Note — Acme "
