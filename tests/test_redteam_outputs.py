"""Red team of the second release's outputs: drafts (templates, eml, --output-dir), invites
(new --from-ics), the notify issue, the calendar, and file names no output can show.

Each test is an attack that once worked (or a class of attacks that must keep failing);
content/security.md states what they prove.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from afterview.agenda import Item
from afterview.agenda_markdown import md_text
from afterview.calendar import calendar_ics
from afterview.cli import cli
from afterview.commands import new
from afterview.commands.new import render as render_record
from afterview.drafts.eml import WORD_JOINER, address, mailto_url
from afterview.invite import MAX_PEOPLE, Attendee, facts, read_invite
from afterview.loader import Record, load_text
from afterview.notify import MARKER, OpenIssue, issue_body, sync
from afterview.plaintext import one_line, terminal

NOW = "2026-11-25T12:00:00-05:00"
NY = ZoneInfo("America/New_York")
SETTINGS = """\
timezone = "America/New_York"
interviews = "records"

[me]
name = "Jonah Reyes"
email = "jonah.reyes@example.org"
pitch = "I can help."
"""
RECORD = """\
company: Bluegate
role: Engineer
when: 2026-11-24T15:00:00-05:00
interviewers:
  - name: Jun Takahara
    email: jun@bluegate.example
    discussed: [tests]
"""


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "afterview.toml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "records").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(new, "_interactive", lambda: False)
    return tmp_path


def afterview(*args: str):
    return CliRunner().invoke(cli, [*args], prog_name="afterview")


def write(folder: Path, text: str, name: str = "bluegate.yaml") -> str:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def no_control(text: str) -> bool:
    """Nothing a terminal would act on: no C0/C1 control (bar newline), no bidi control."""
    return all(c == "\n" or c.isprintable() or c == " " for c in text)


# --- draft templates: any failure is exit 2 naming the template, never a traceback ----------

BROKEN_TEMPLATES = [
    "{% include 'thank-you.txt.j2' %}",  # includes itself
    "{% extends 'thank-you.txt.j2' %}",  # extends itself
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",  # calls itself
    "{{ 1/0 }}",
    "{{ 1 + 'a' }}",
    "{{ '%d' % 'a' }}",
    "{{ range(10**6) | list | length }}",  # the sandbox refuses the range (OverflowError)
    "{{ none }}",  # a missing value printed
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ '{0.__class__}'.format(to.name) }}",
    "{% include '../../../../etc/passwd' %}",
    "{% include '/etc/passwd' %}",
]


@pytest.mark.parametrize("template", BROKEN_TEMPLATES)
def test_any_template_failure_exits_2_naming_the_template(playbook: Path, template: str) -> None:
    (playbook / "afterview.toml").write_text('drafts = "d"\n' + SETTINGS, encoding="utf-8")
    (playbook / "d").mkdir()
    (playbook / "d" / "thank-you.txt.j2").write_text(template + "\n", encoding="utf-8")
    result = afterview("draft", "thank-you", write(playbook / "records", RECORD), "--now", NOW)
    assert result.exit_code == 2, (result.exception, result.output)
    assert result.stdout == ""
    assert "thank-you.txt.j2" in result.stderr and "Traceback" not in result.stderr
    assert "root:" not in result.stderr  # nothing from /etc/passwd


def test_site_drafts_survive_a_template_that_divides_by_zero(playbook: Path) -> None:
    from afterview.clock import clock_for
    from afterview.model import build_interview
    from afterview.pages.drafts import thank_you_drafts
    from afterview.settings import load_settings

    (playbook / "afterview.toml").write_text('drafts = "d"\n' + SETTINGS, encoding="utf-8")
    (playbook / "d").mkdir()
    (playbook / "d" / "thank-you.txt.j2").write_text("{{ 1/0 }}\n", encoding="utf-8")
    clock = clock_for(load_settings(), NOW)
    loaded = load_text(RECORD.encode())
    assert isinstance(loaded, Record)
    iv = build_interview("records/bluegate.yaml", loaded, clock.settings.tz)
    lines = "".join(thank_you_drafts(iv, clock, redacted=False))
    assert "could not be made" in lines and "ZeroDivisionError" in lines


# --- eml: header text reads back as written; a name cannot pass for an address ---------------


def eml(playbook: Path, record: str, *args: str) -> email.message.EmailMessage:
    result = afterview("draft", "thank-you", record, "--format", "eml", "--now", NOW, *args)
    assert result.exit_code == 0, result.output
    msg = email.message_from_bytes(result.stdout_bytes, policy=email.policy.default)
    assert isinstance(msg, email.message.EmailMessage)
    return msg


ENCODED = "=?utf-8?b?ZXZpbEBldmlsLmNvbQ==?="  # decodes to evil@evil.com


@pytest.mark.parametrize(
    "role", [f"Engineer {ENCODED}", "=?utf-8?q?ceo=40x.example?=", f"Dév {ENCODED} ünïcode"]
)
def test_encoded_words_in_a_record_are_not_decoded_by_a_mail_client(
    playbook: Path, role: str
) -> None:
    path = write(playbook / "records", RECORD.replace("Engineer", f'"{role}"'))
    text = afterview("draft", "thank-you", path, "--now", NOW).stdout
    subject = next(x for x in text.splitlines() if x.startswith("Subject: "))[9:]
    msg = eml(playbook, path)
    assert msg["Subject"].replace(WORD_JOINER, "") == subject  # as the terminal shows it
    assert role in subject
    assert "evil@evil.com" not in str(msg["Subject"])
    # the mail link's subject cannot be decoded either
    link = mailto_url(address("Jun", "jun@bluegate.example"), subject, "body")
    assert "%3D%3F" not in link


NAMES_LIKE_ADDRESSES = [
    "ceo@bluegate.example",
    '"boss@bluegate.example" <x@y>',
    "Mallory <boss@bluegate.example>",
    "ceo\uff20bluegate.example",  # fullwidth @
    "ceo\ufe6bbluegate.example",  # small @
    "Lee \u2039x\u203a <y>",
]


@pytest.mark.parametrize("name", NAMES_LIKE_ADDRESSES)
def test_a_display_name_cannot_pass_for_another_address(playbook: Path, name: str) -> None:
    record = RECORD.replace("Jun Takahara", yaml_quoted(name))
    msg = eml(playbook, write(playbook / "records", record))
    (to,) = msg["To"].addresses
    assert to.addr_spec == "jun@bluegate.example"
    assert to.display_name == ""  # the address shows alone


def test_an_encoded_word_name_stays_literal(playbook: Path) -> None:
    name = "=?utf-8?q?ceo=40bluegate.example?="
    msg = eml(playbook, write(playbook / "records", RECORD.replace("Jun Takahara", name)))
    (to,) = msg["To"].addresses
    assert to.display_name.replace(WORD_JOINER, "") == name
    assert to.addr_spec == "jun@bluegate.example"


def test_ordinary_names_keep_their_display_name(playbook: Path) -> None:
    record = RECORD.replace("Jun Takahara", yaml_quoted('Lee "Boss" Park, Jr.'))
    (to,) = eml(playbook, write(playbook / "records", record))["To"].addresses
    assert to.display_name == 'Lee "Boss" Park, Jr.'


@pytest.mark.parametrize(
    "addr", ["a?cc=evil@x.example", "a&bcc=evil@x.example", "a%0Abcc@x.example", "a#x@y.example"]
)
def test_a_mail_link_has_one_recipient_and_only_subject_and_body(addr: str) -> None:
    from urllib.parse import parse_qs, unquote, urlsplit

    to = address("Jun", addr)
    assert to is not None
    body = "line one\n&cc=evil@x.example&bcc=evil@x.example\n#frag"
    url = urlsplit(mailto_url(to, "Thanks &cc=evil@x.example", body))
    assert url.scheme == "mailto" and unquote(url.path) == addr and url.fragment == ""
    query = parse_qs(url.query)
    assert set(query) == {"subject", "body"}
    assert query["body"] == [body.replace("\n", "\r\n")]
    for bad in ("user@x.example, evil@x.example", "a@b.example\r\nBcc: e@x.example", "<a@b.c>"):
        assert address("Jun", bad) is None  # not exactly one address: no link at all


def yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- --output-dir: names are slugs; nothing is ever overwritten -------------------------------


def test_output_dir_names_are_plain_whatever_the_record_is_called(playbook: Path) -> None:
    hostile = "x\x1b]0;pwned\x07\x1b[2J..\u202e" + "y" * 200 + ".yaml"
    path = write(playbook / "records", RECORD, hostile)
    out = playbook / "out"
    result = afterview("draft", "thank-you", path, "--output-dir", str(out), "--now", NOW)
    assert result.exit_code == 0, result.output
    (name,) = os.listdir(out)
    assert name.endswith("-thank-you-jun-takahara.txt")  # .txt, as content/usage.md says
    assert all(c.isascii() and (c.isalnum() or c in "-.") for c in name) and len(name) < 120
    assert no_control(result.stdout) and no_control(result.stderr)


def test_output_dir_never_overwrites_not_even_a_dangling_link(playbook: Path) -> None:
    path = write(playbook / "records", RECORD)
    out = playbook / "out"
    out.mkdir()
    (out / "bluegate-thank-you-jun-takahara.eml").symlink_to(playbook / "nowhere")
    result = afterview(
        "draft", "thank-you", path, "--format", "eml", "--output-dir", str(out), "--now", NOW
    )
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert not (playbook / "nowhere").exists()
    assert os.listdir(out) == ["bluegate-thank-you-jun-takahara.eml"]


def test_error_messages_escape_terminal_controls(playbook: Path) -> None:
    path = write(playbook / "records", "company: [\n", "bad\x1b]0;t\x07.yaml")
    result = afterview("draft", "thank-you", path, "--now", NOW)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\u001b" in result.stderr
    assert terminal("a\x1b[2J\u202eb\udcff") == "a\\u001b[2J\\u202eb\\udcff"


# --- file names that are not UTF-8: named, never a traceback ------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("agenda",),
        ("agenda", "--format", "ics"),
        ("agenda", "--format", "markdown"),
        ("agenda", "--format", "json"),
    ],
)
def test_a_file_name_that_is_not_utf8_is_named_not_fatal(playbook: Path, args: tuple) -> None:
    folder = os.fsencode(playbook / "records")
    with open(folder + b"/bad\xff\x1b[2J.yaml", "wb") as f:
        f.write(RECORD.encode())
    write(playbook / "records", RECORD, "good.yaml")
    result = afterview(*args, "records", "--now", NOW)
    assert result.exit_code == 2, (result.exception, result.output)
    assert "bad\\xff\\u001b[2J.yaml: the file name is not UTF-8 text" in result.stderr
    assert "\x1b" not in result.output


def test_render_and_uid_take_a_surrogate_path(playbook: Path, tmp_path: Path) -> None:
    item = Item("records/bad\udcff.yaml", "C", "R", "thank-you",
                datetime(2026, 11, 26, 9, tzinfo=UTC), False, "Thank-you note", "k")  # fmt: skip
    assert item.uid.endswith("@afterview")
    assert Calendar.from_ical(calendar_ics([item], datetime(2026, 11, 25, tzinfo=UTC)))


# --- invites ---------------------------------------------------------------------------------


def ics(event: str, before: str = "") -> bytes:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + before + "BEGIN:VEVENT\r\nUID:1\r\n"
        "DTSTAMP:20261101T000000Z\r\nSUMMARY:Interview: Engineer at Bluegate\r\n"
        + event
        + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return text.encode()


def from_ics(playbook: Path, data: bytes):
    path = playbook / "invite.ics"
    path.write_bytes(data)
    return afterview("new", "--from-ics", str(path), "--me", "me@x.example", "--now", NOW)


def nothing_written(playbook: Path) -> bool:
    return not any((playbook / "records").iterdir())


@pytest.mark.parametrize(
    "start",
    [
        "DTSTART:00010101T000000Z",
        "DTSTART:99991231T235959Z",
        "DTSTART;TZID=Pacific/Kiritimati:99991231T235959",
        "DTSTART;TZID=America/Adak:00010101T000000",
    ],
)
def test_years_at_the_edges_exit_2_and_write_nothing(playbook: Path, start: str) -> None:
    result = from_ics(playbook, ics(start + "\r\n"))
    assert result.exit_code == 2, (result.exception, result.output)
    assert "outside the years the records allow" in result.stderr
    assert nothing_written(playbook)


EVIL_ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Evil\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:{rule}\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SECONDLY",
        "FREQ=MINUTELY;INTERVAL=1",
        "FREQ=YEARLY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12;BYMINUTE=0,1,2,3,4,5;BYSECOND=0,1,2",
        "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,2,3,4,5,6,7,8,9",
    ],
)
def test_a_time_zone_rule_bomb_is_not_followed(rule: str) -> None:
    """Working out an offset from these would take hours (a transition every second since
    1601); the start is read in the playbook's zone instead, and said so."""
    data = ics(
        "DTSTART;TZID=Evil:20261124T150000\r\nDTEND;TZID=Evil:20261124T160000\r\n",
        EVIL_ZONE.format(rule=rule),
    )
    code = textwrap.dedent(
        """\
        import sys
        from zoneinfo import ZoneInfo
        from afterview.invite import facts, read_invite
        (event,) = read_invite(sys.stdin.buffer.read())
        found = facts(event, ZoneInfo("America/New_York"), set())
        print(found.when, found.duration)
        print(found.notes[0])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    when, note = done.stdout.decode().splitlines()[:2]
    assert when == "2026-11-24T15:00:00-05:00 60"
    assert "rules no real zone has" in note


def test_real_zone_rules_are_still_followed() -> None:
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Romance Standard Time\r\nBEGIN:STANDARD\r\n"
        "DTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n"
        "TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\n"
        "END:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    )
    (event,) = read_invite(ics("DTSTART;TZID=Romance Standard Time:20260610T150000\r\n", zone))
    found = facts(event, NY, set())
    assert found.when == "2026-06-10T09:00:00-04:00"
    assert not any("rules" in n for n in found.notes)


def test_library_warnings_are_not_printed(playbook: Path) -> None:
    result = from_ics(playbook, ics("DTSTART;TZID=/usr/share/zoneinfo/UTC:20261124T150000\r\n"))
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.stderr and ".py:" not in result.stderr


def test_thousands_of_attendees_and_huge_values_are_bounded(playbook: Path) -> None:
    people = "".join(
        f'ATTENDEE;CN="Person {i}":mailto:p{i}@bluegate.example\r\n' for i in range(3000)
    )
    long = "LOCATION:" + "5 Main St " * 10_000 + "\r\n"
    result = from_ics(playbook, ics("DTSTART:20261124T150000Z\r\n" + people + long))
    assert result.exit_code == 0, result.output
    assert f"the first {MAX_PEOPLE} are written" in result.stderr
    assert re.search(r"the location is 99,?999 characters long; it is left out", result.stderr)
    (path,) = (playbook / "records").iterdir()
    loaded = load_text(path.read_bytes())
    assert isinstance(loaded, Record)
    assert len(loaded.data["interviewers"]) == MAX_PEOPLE and "location" not in loaded.data
    # a title of a million characters suggests nothing
    (event,) = read_invite(
        ics("DTSTART:20261124T150000Z\r\n").replace(b"Bluegate", b"B" + b"x" * 1_000_000)
    )
    assert facts(event, NY, set()).company is None


_YAMLISH = st.sampled_from(
    list(": #&*!|>-?{}[],%@`'\"\\~=<\n\t\r\u2028\u0085\ufeff\x00\x1b ")
    + ["---", "...", "!!python/object:os.system", "0o17", "1e3", "null", "yes", "<<", "\u202e"]
)
_TEXT = (
    st.lists(st.one_of(_YAMLISH, st.text(max_size=3)), min_size=1, max_size=8)
    .map("".join)
    .map(one_line)
    .filter(bool)
)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    _TEXT,
    _TEXT,
    _TEXT,
    st.lists(st.tuples(_TEXT, st.one_of(st.none(), _TEXT)), max_size=3),
    st.one_of(st.none(), st.tuples(_TEXT, st.one_of(st.none(), _TEXT))),
)
def test_the_written_record_reads_back_exactly_with_no_extra_key(
    company: str, role: str, location: str, people: list, organizer: tuple | None
) -> None:
    fields = {
        "company": company,
        "role": role,
        "when": "2026-11-24",
        "location": location,
        "interviewers": [Attendee(n, e) for n, e in people],
        "contacts": [Attendee(*organizer)] if organizer else [],
        "contact": Attendee(*organizer) if organizer else None,
    }
    loaded = load_text(render_record(fields, "x.json").encode())
    assert isinstance(loaded, Record)
    data = loaded.data
    assert set(data) <= {"version", "company", "role", "when", "location", "interviewers",
                         "closing"}  # fmt: skip
    assert (data["company"], data["role"], data["location"]) == (company, role, location)
    if organizer:
        assert data["closing"] == {
            "contact_person": organizer[0],
            **({"contact_email": organizer[1]} if organizer[1] else {}),
        }
    if people:
        assert [(p["name"], p.get("email")) for p in data["interviewers"]] == people
        assert all(set(p) <= {"name", "email"} for p in data["interviewers"])
    else:
        assert "interviewers" not in data


# --- notify ----------------------------------------------------------------------------------


class FakeGh:
    """gh as a function: its open issues and every call it received."""

    def __init__(self, issues: list[OpenIssue]) -> None:
        self.issues = issues
        self.calls: list[list[str]] = []

    def __call__(self, args) -> str:
        import json

        self.calls.append(list(args))
        if list(args[:2]) == ["issue", "list"]:
            return json.dumps([i.__dict__ for i in self.issues])
        if list(args[:2]) == ["issue", "create"]:
            return "https://github.com/me/pb/issues/99\n"
        return ""


def item(detail: str = "Thank-you note to Dana", company: str = "Acme") -> Item:
    due = datetime(2026, 11, 26, 9, tzinfo=UTC)
    return Item("records/acme.yaml", company, "Dev", "thank-you", due, False, detail, "k")


def test_an_issue_that_quotes_the_marker_is_not_ours() -> None:
    """A bug report labelled afterview that pastes a body (marker and all) is left alone."""
    now = datetime(2026, 11, 25, tzinfo=UTC)
    pasted = "The notify issue looks wrong:\n\n```\n" + issue_body([item()], now, 7) + "```\n"
    gh = FakeGh([OpenIssue(7, "Bug: notify", pasted, "https://github.com/me/pb/issues/7")])
    outcome = sync([], now, 7, run=gh)  # nothing due: ours would be closed
    assert outcome.action == "nothing"
    assert gh.calls == [gh.calls[0]]  # the listing only: no edit, no close, no comment
    outcome = sync([item()], now, 7, run=gh)
    assert outcome.action == "created"
    assert not any(c[:2] in (["issue", "edit"], ["issue", "close"]) for c in gh.calls)


def test_our_issue_is_still_found_with_a_bom_or_crlf() -> None:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    body = "\ufeff" + issue_body([item()], now, 7).replace("\n", "\r\n")
    gh = FakeGh([OpenIssue(3, "Afterview", body, "https://github.com/me/pb/issues/3")])
    assert sync([], now, 7, run=gh).action == "closed"


@pytest.mark.parametrize(
    "value",
    [
        MARKER,
        "<!-- afterview-state: aaaaaaaaaaaaaaaa:o -->",
        "</details><img src=https://t.example/p.gif>",
        "![x](https://t.example/pixel.gif)",
        "[![x](https://t.example/p.png)](https://t.example)",
        "<picture><source srcset=https://t.example/p></picture>",
        "GH-1 gh-2 and #3 and me/repo#4 and @octocat",
        "-- --title x --body-file /etc/passwd",
    ],
)
def test_record_text_cannot_forge_markup_mentions_or_references(value: str) -> None:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    body = issue_body([item(value, value)], now, 7)
    assert body.startswith(MARKER) and body.count(MARKER) == 1
    assert body.count("<!-- afterview-state:") == 1
    rest = "\n".join(body.splitlines()[1:-1])  # without our marker and state lines
    assert not re.search(r"(?<!\\)[<>]|(?<!\\)\]\(", rest)  # no tag, no link, no image
    for forbidden in ("GH-1", "gh-2", "@octocat", "#3"):
        assert forbidden not in rest
    gh = FakeGh([])
    sync([item(value, value)], now, 7, run=gh)
    for call in gh.calls:  # record text never reaches gh's arguments
        assert not any(value in arg for arg in call)


def test_gh_dash_references_are_broken_like_hash_ones() -> None:
    """GitHub links (and cross-references) GH-12 as it does #12, after Markdown escapes."""
    assert md_text("GH-12 gh-3") == "GH\u200b\\-12 gh\u200b\\-3"
    assert md_text("GHz-1 GH-x") == "GHz\\-1 GH\\-x"  # not references: left alone


# --- calendar --------------------------------------------------------------------------------

_ICS_BITS = st.sampled_from(
    ["\r\n", "\n", "\r", "ATTENDEE:mailto:x@y", "BEGIN:VEVENT", "END:VCALENDAR", ";", ",",
     "\\", ":", "\x00", "\x1b", "\u2028", "\u0085", "\u202e", "é", "😀", "\ud800", "x" * 80]
)  # fmt: skip
_ICS_TEXT = st.lists(st.one_of(_ICS_BITS, st.text(max_size=5)), min_size=1, max_size=12).map(
    "".join
)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(_ICS_TEXT, _ICS_TEXT, _ICS_TEXT, _ICS_TEXT)
def test_calendar_text_cannot_add_a_property_or_a_component(
    company: str, role: str, detail: str, path: str
) -> None:
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    one = Item(path, company, role, "thank-you", now + timedelta(hours=3), False, detail, "k")
    data = calendar_ics([one], now)
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded
    assert not any(b < 0x20 and b != 0x09 for line in lines for b in line)
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert set(event) == {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION",
                          "CATEGORIES", "TRANSP"}  # fmt: skip
    assert str(event["UID"]) == one.uid  # stable: a hash of the file name, action and key
    alarms = event.walk("VALARM")
    assert len(alarms) == 2 and all(set(a) == {"ACTION", "DESCRIPTION", "TRIGGER"} for a in alarms)
