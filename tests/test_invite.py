"""`afterview new --from-ics`: invites as Google Calendar, Outlook/Exchange and Apple Calendar
write them, several events, files that are not invites, and hostile values kept as text."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.commands import new
from afterview.invite import (
    InviteError,
    company_from_domain,
    facts,
    meeting_link,
    person_name,
    read_invite,
    round_number,
)
from afterview.loader import Record, load_text

INVITES = Path(__file__).parent / "fixtures" / "invites"
BEFORE = "2026-06-01T09:00:00-04:00"  # before every invite's event
NY = ZoneInfo("America/New_York")
ME = "jonah.reyes@example.org"


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "afterview.toml").write_text(
        'interviews = "records"\ntimezone = "America/New_York"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(new, "_interactive", lambda: False)
    return tmp_path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(
        cli, ["new", *args, "--now", BEFORE], input=input, prog_name="afterview"
    )


def written(playbook: Path, result) -> tuple[Path, dict]:
    """The file the command says it wrote, and its data read back by the record loader."""
    assert result.exit_code == 0, result.stderr
    path = playbook / result.stdout.strip()
    loaded = load_text(path.read_bytes())
    assert isinstance(loaded, Record)
    return path, loaded.data


def check(path: Path) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--now", BEFORE, str(path)])
    return result.exit_code, json.loads(result.stdout)["findings"]


def nothing_written(playbook: Path) -> bool:
    folder = playbook / "records"
    return not folder.exists() or not any(folder.iterdir())


# --- the three clients --------------------------------------------------------------------------


def test_google_calendar_invite(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "google.ics"), "--me", ME)
    path, data = written(playbook, result)
    assert path.name == "2026-12-02-northwind-traders-senior-data-engineer.yaml"
    assert data["company"] == "Northwind Traders"
    assert data["role"] == "Senior Data Engineer"
    assert data["when"] == "2026-12-02T10:00:00-05:00"  # 15:00Z in New York
    assert data["duration"] == 60
    assert data["format"] == "video"  # a Meet link, though a dial-in number is there too
    assert data["location"] == "Google Meet"  # the link itself is the meeting_url
    assert data["meeting_url"] == "https://meet.google.com/abc-defg-hij"
    # the organiser, listed by Google as an accepted attendee, is the contact, not an interviewer
    assert data["closing"] == {
        "contact_person": "Grace Okafor",
        "contact_email": "grace.okafor@northwind-traders.com",
    }
    assert "  # - name: Grace Okafor" in path.read_text(encoding="utf-8")
    assert "not written as interviewers: Grace Okafor" in result.stderr
    assert data["interviewers"] == [
        {"name": "Dana Whitfield", "email": "dana.whitfield@northwind-traders.com"},
        {"name": "Lee Park", "email": "lee.park@northwind-traders.com"},  # CN was the address
    ]
    assert "guessed from the invite" in result.stderr
    assert check(path) == (0, [])


def test_outlook_invite_windows_zone_folded_lines_and_quoted_names(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "outlook.ics"), "--me", "JONAH.reyes@example.org")
    path, data = written(playbook, result)
    assert data["company"] == "Harborview Health"
    assert data["role"] == "Platform Engineer"
    assert data["round"] == 2
    assert data["when"] == "2026-12-03T13:30:00-05:00"  # "Eastern Standard Time" + VTIMEZONE
    assert data["duration"] == 90
    assert data["format"] == "video"  # the Teams link in X-MICROSOFT-SKYPETEAMSMEETINGURL
    assert data["location"] == "Microsoft Teams Meeting"
    assert data["meeting_url"].startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting")
    # "Whitfield, Dana" → "Dana Whitfield"; the room, the declined guest and me left out
    assert [p["name"] for p in data["interviewers"]] == ["Dana Whitfield", "Lee Park"]
    assert data["closing"] == {
        "contact_person": "Adaeze Okonkwo",  # the organiser, "Okonkwo, Adaeze"
        "contact_email": "adaeze.okonkwo@harborviewhealth.org",
    }
    assert check(path) == (0, [])


def test_apple_calendar_invite(playbook: Path) -> None:
    (playbook / "afterview.toml").write_text(
        'interviews = "records"\ntimezone = "America/New_York"\n[me]\nemail = "' + ME + '"\n',
        encoding="utf-8",
    )
    result = run("--from-ics", str(INVITES / "apple.ics"))  # me from the settings
    path, data = written(playbook, result)
    assert data["company"] == "Quillon Logistics"
    assert data["role"] == "Site Reliability Engineer"
    assert data["when"] == "2026-07-02T05:00:00-04:00"  # 10:00 BST
    assert data["duration"] == 90
    assert data["format"] == "onsite"
    assert (
        data["location"] == "Quillon Logistics, 1 Canal Street, Manchester M1 3HE, United Kingdom"
    )
    names = [p["name"] for p in data["interviewers"]]
    assert names == ["Tomasz Achebe", "Élodie Brunner-Łukasik"]
    assert data["closing"]["contact_person"] == "Priya Vandermeer"  # organiser and attendee
    assert "Jonah" not in path.read_text(encoding="utf-8")
    assert check(path) == (0, [])


def test_windows_zone_name_without_vtimezone_and_several_events(playbook: Path) -> None:
    invite = str(INVITES / "several.ics")
    listed = run("--from-ics", invite)
    assert listed.exit_code == 2
    assert "1. 2026-12-07T09:00:00-05:00  Phone screen: Fernhill Robotics" in listed.stderr
    assert "2. 2026-12-10T04:00:00-05:00" in listed.stderr  # 10:00 W. Europe Standard Time
    assert "choose one with --event N" in listed.stderr
    assert nothing_written(playbook)
    assert run("--from-ics", invite, "--event", "3").exit_code == 2
    assert nothing_written(playbook)
    path, data = written(playbook, run("--from-ics", invite, "--event", "2"))
    assert data["when"] == "2026-12-10T04:00:00-05:00"
    assert data["duration"] == 75
    assert data["format"] == "onsite"
    assert data["location"] == "Fernhill Robotics, Torstraße 12, 10119 Berlin"
    assert "interviewers" not in data  # nobody listed: the commented example stays
    phone = written(playbook, run("--from-ics", invite, "--event", "1", "--role", "Engineer"))[1]
    assert phone["format"] == "phone" and phone["duration"] == 30
    assert phone["company"] == "Fernhill Robotics"


def test_floating_time_and_all_day(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "floating-phone.ics"), "--company", "Bluegate",
                 "--role", "Analyst")  # fmt: skip
    _path, data = written(playbook, result)
    assert data["when"] == "2026-12-09T09:30:00-05:00"  # read in the playbook's zone
    assert "no time zone" in result.stderr
    assert data["format"] == "phone"
    result = run("--from-ics", str(INVITES / "all-day.ics"), "--company", "A", "--role", "B")
    path, data = written(playbook, result)
    assert data["when"] == "2026-12-11"
    assert "duration" not in data
    assert check(path)[0] == 0


def test_own_address_unknown_is_said(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "google.ics"))
    _path, data = written(playbook, result)
    assert "your own address is not known" in result.stderr
    assert len(data["interviewers"]) == 3  # Jonah too (Grace is the contact)


# --- company and role: options, terminal, no guess ----------------------------------------------


def test_options_win_over_the_guesses(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "google.ics"), "--me", ME, "--company", "Northwind",
                 "--role", "Data Engineer", "--format", "onsite")  # fmt: skip
    _path, data = written(playbook, result)
    assert (data["company"], data["role"], data["format"]) == (
        "Northwind",
        "Data Engineer",
        "onsite",
    )
    assert "guessed" not in result.stderr


def test_asked_at_a_terminal_with_the_guesses_as_defaults(
    playbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new, "_interactive", lambda: True)
    result = run(
        "--from-ics", str(INVITES / "google.ics"), "--me", ME, input="\nStaff Engineer\ny\n"
    )
    path, data = written(playbook, result)
    assert data["company"] == "Northwind Traders"  # Enter keeps the guess
    assert data["role"] == "Staff Engineer"
    assert "Company [Northwind Traders]" in result.stderr
    # asked about the organiser; "y" makes her an interviewer, and she stays the contact
    assert "Did Grace Okafor interview you? [y/N]" in result.stderr
    assert data["interviewers"][-1] == {
        "name": "Grace Okafor",
        "email": "grace.okafor@northwind-traders.com",
    }
    assert data["closing"]["contact_person"] == "Grace Okafor"
    assert "# - name: Grace Okafor" not in path.read_text(encoding="utf-8")
    assert check(path) == (0, [])


def test_at_a_terminal_enter_keeps_the_organiser_a_contact(
    playbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new, "_interactive", lambda: True)
    result = run("--from-ics", str(INVITES / "teams.ics"), "--me", ME, input="\n\n\n\n")
    path, data = written(playbook, result)
    assert "Did Maya Chen interview you? [y/N]" in result.stderr
    assert "Did Sam Ortiz interview you? [y/N]" in result.stderr
    assert [p["name"] for p in data["interviewers"]] == ["Jordan Lee", "Priya Raman"]
    text = path.read_text(encoding="utf-8")
    assert "  # - name: Maya Chen\n  #   email: maya.chen@lumenfield.com" in text
    assert "  # - name: Sam Ortiz" in text


def test_no_guess_and_no_terminal_writes_nothing(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "all-day.ics"))
    assert result.exit_code == 2
    assert "missing --company" in result.stderr
    assert nothing_written(playbook)


def test_me_and_event_need_from_ics(playbook: Path) -> None:
    result = run("--company", "A", "--role", "B", "--when", "2026-12-01", "--me", ME)
    assert result.exit_code == 2
    assert nothing_written(playbook)


def test_never_overwrites(playbook: Path) -> None:
    args = ("--from-ics", str(INVITES / "google.ics"), "--me", ME)
    path, _data = written(playbook, run(*args))
    before = path.read_bytes()
    again = run(*args)
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert path.read_bytes() == before


# --- not an invite ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ((INVITES / "not-a-calendar.ics").read_bytes(), "not an iCalendar file"),
        ((INVITES / "event-only.ics").read_bytes(), "not an iCalendar file"),
        ((INVITES / "no-start.ics").read_bytes(), "no event with a start"),
        (b"", "not an iCalendar file"),
        (b"\x00\xff\xfe binary", "not an iCalendar file"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no event with a start"),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:not-a-date\nEND:VEVENT\nEND:VCALENDAR\n",
            "no event with a start",
        ),  # fmt: skip
    ],
)
def test_files_that_are_not_invites_exit_2_and_write_nothing(
    playbook: Path, content: bytes, message: str
) -> None:
    invite = playbook / "invite.ics"
    invite.write_bytes(content)
    result = run("--from-ics", str(invite), "--company", "A", "--role", "B")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert nothing_written(playbook)


def test_a_missing_invite_exits_2(playbook: Path) -> None:
    result = run("--from-ics", str(playbook / "nowhere.ics"))
    assert result.exit_code == 2
    assert nothing_written(playbook)


# --- hostile values ----------------------------------------------------------------------------


def test_hostile_invite_values_stay_text(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "hostile.ics"), "--me", ME)
    path, data = written(playbook, result)
    assert data["company"] == "<script>alert(1)</script> {% include 'x' %}"
    assert data["role"] == "{{ 7*7 }} Engineer"
    assert data["location"] == "<img src=x onerror=alert(1)> 5 Main St, Bcc: evil@example.com"
    names = [p["name"] for p in data["interviewers"]]
    assert 'Line Break" Right' in names  # line break and bidi override gone
    assert "{% raw %}{{ self }}" in names and "#not a comment: yes" in names
    assert all("\n" not in n and "\u202e" not in n for n in names)
    assert set(data) <= {"version", "company", "role", "when", "duration", "format", "location",
                         "interviewers", "closing"}  # fmt: skip
    assert data["closing"] == {"contact_person": "{{ organizer }}",
                               "contact_email": "boss@evil.example"}  # fmt: skip
    assert check(path) == (0, [])
    # a draft from the new record prints every value as it is
    drafted = CliRunner().invoke(
        cli, ["draft", "thank-you", str(path), "--to", "{% raw %}{{ self }}", "--now",
              "2026-12-15T09:00:00-05:00"],
    )  # fmt: skip
    assert drafted.exit_code == 0, drafted.stderr
    assert "Dear {% raw %}{{ self }}," in drafted.stdout
    assert "{{ 7*7 }} Engineer" in drafted.stdout and "49" not in drafted.stdout


# --- pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cn", "email", "name"),
    [
        ("Whitfield, Dana", None, "Dana Whitfield"),
        ('"Whitfield, Dana"', None, "Dana Whitfield"),
        ("Park, Lee (Platform)", None, "Lee Park"),
        ("Dana Whitfield", "x@y.example", "Dana Whitfield"),
        ("", "dana.whitfield@northwind.example", "Dana Whitfield"),
        ("dana_whitfield@northwind.example", "dana_whitfield@northwind.example", "Dana Whitfield"),
        ("", "recruiting@northwind.example", "recruiting"),
        ("Evil\r\nBcc: x", None, "Evil Bcc: x"),
        ("Smith, Jr., John", None, "Smith, Jr., John"),
    ],
)
def test_person_names(cn: str, email: str | None, name: str) -> None:
    assert person_name(cn, email) == name


@pytest.mark.parametrize(
    ("email", "company"),
    [
        ("a@northwind-traders.com", "Northwind Traders"),
        ("a@mail.quillon.co.uk", "Quillon"),
        ("a@gmail.com", None),
        ("a@greenhouse.io", None),
        ("nobody", None),
    ],
)
def test_company_from_domain(email: str, company: str | None) -> None:
    assert company_from_domain(email) == company


def test_meeting_links() -> None:
    assert meeting_link(["Join: https://acme.zoom.us/j/123?pwd=x."]) == (
        "Zoom",
        "https://acme.zoom.us/j/123?pwd=x",
    )
    assert meeting_link(["https://acme.webex.com/meet/x"])[0] == "Webex"
    assert meeting_link(["https://evilzoom.us/j/1", "https://zoom.us.evil.example/j/1"]) is None


def test_round_numbers() -> None:
    assert round_number("Interview (round 2)") == 2
    assert round_number("3rd round interview") == 3
    assert round_number("Second round: Northwind") == 2
    assert round_number("Interview") is None


def test_video_from_a_link_in_the_description_and_phone_from_a_dial_in() -> None:
    zoom = (
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261214T150000Z\nSUMMARY:Interview\n"
        b"DESCRIPTION:Join Zoom Meeting\\nhttps://us02web.zoom.us/j/812345\nEND:VEVENT\n"
        b"END:VCALENDAR\n"
    )
    (event,) = read_invite(zoom)
    found = facts(event, NY, {ME})
    assert found.format == "video"
    assert found.location == "Zoom"
    assert found.meeting_url == "https://us02web.zoom.us/j/812345"
    dial = zoom.replace(b"Join Zoom Meeting\\nhttps://us02web.zoom.us/j/812345",
                        b"Dial-in: +1 617 555 0100\\, PIN 4321")  # fmt: skip
    (event,) = read_invite(dial)
    assert facts(event, NY, {ME}).format == "phone"
    with pytest.raises(InviteError):
        read_invite(b"x" * (5 * 1024 * 1024 + 1))
