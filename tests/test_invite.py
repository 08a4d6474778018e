"""`afterview new --from-ics`: invites as Google Calendar, Outlook/Exchange and Apple Calendar
write them, several events, files that are not invites, and hostile values kept as text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.cli import cli
from afterview.commands import new
from afterview.invite import (
    Attendee,
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


# --- more clients: Teams, Zoom, Webex (RFC 7986 CONFERENCE), Chime ----------------------------


def test_teams_invite_the_recruiter_is_the_contact_and_the_join_link_kept(playbook: Path) -> None:
    """Outlook/Teams: the organiser (the recruiter) is not an attendee, the coordinator is an
    optional attendee, the join link is only in the description."""
    result = run("--from-ics", str(INVITES / "teams.ics"), "--me", ME)
    path, data = written(playbook, result)
    assert (data["company"], data["role"]) == ("Lumenfield", "Senior Data Engineer")
    assert data["when"] == "2026-12-08T13:00:00-05:00"  # 10:00 Pacific Standard Time
    assert [p["name"] for p in data["interviewers"]] == ["Jordan Lee", "Priya Raman"]
    assert data["closing"] == {"contact_person": "Maya Chen",
                               "contact_email": "maya.chen@lumenfield.com"}  # fmt: skip
    assert data["location"] == "Microsoft Teams Meeting"
    assert data["meeting_url"] == (
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Y2M4ZTQ1%40thread.v2/0"
        "?context=%7b%22Tid%22%3a%22f1e2%22%2c%22Oid%22%3a%22a9b8%22%7d"
    )  # not the help link nor the organiser's options before and after it
    text = path.read_text(encoding="utf-8")
    assert "  # - name: Maya Chen" in text and "  # - name: Sam Ortiz" in text
    assert check(path) == (0, [])


def test_zoom_invite_link_as_location_becomes_the_meeting_url(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "zoom.ics"), "--me", ME)
    path, data = written(playbook, result)
    assert (data["company"], data["role"]) == ("Corvid Analytics", "Data Analyst")
    assert data["location"] == "Zoom"  # the passcode link is not left in the location
    assert data["meeting_url"] == (
        "https://us06web.zoom.us/j/84512345678?pwd=b3RsQnVaZ0tDcWxxNHJRZz09"
    )
    assert data["duration"] == 45
    assert "interviewers" not in data  # nobody but the organiser, who is the contact
    assert data["closing"]["contact_email"] == "rosa.alvarez@corvid-analytics.com"
    assert "# - name: Rosa Alvarez" in path.read_text(encoding="utf-8")
    assert check(path) == (0, [])


def test_conference_property_chair_and_automated_organiser(playbook: Path) -> None:
    """RFC 7986 CONFERENCE (the video one, not the tel: one); ROLE=CHAIR is a contact; an
    organiser that is a scheduling service's no-reply address is nobody."""
    result = run("--from-ics", str(INVITES / "webex-conference.ics"), "--me", ME)
    path, data = written(playbook, result)
    assert (data["company"], data["role"]) == ("Tallow & Finch", "Product Designer")
    assert data["meeting_url"] == "https://tallowfinch.webex.com/meet/a.obi"
    assert data["location"] == "Webex"
    assert data["duration"] == 45
    assert [p["name"] for p in data["interviewers"]] == ["Ada Obi"]  # the room left out
    assert data["closing"]["contact_person"] == "Kwame Mensah"
    assert "greenhouse" not in path.read_text(encoding="utf-8").lower()
    assert check(path) == (0, [])


def test_chime_link_in_location_and_organiser_listed_as_attendee(playbook: Path) -> None:
    result = run("--from-ics", str(INVITES / "chime.ics"), "--me", ME)
    path, data = written(playbook, result)
    assert (data["company"], data["role"]) == ("Brightwater", "Solutions Architect")
    assert data["location"] == "Amazon Chime"
    assert data["meeting_url"] == "https://chime.aws/7788990011"
    assert [p["name"] for p in data["interviewers"]] == ["Omar Haddad"]
    assert data["closing"]["contact_person"] == "Lena Fischer"
    assert check(path) == (0, [])


# --- company and role from summaries -------------------------------------------------------------


@pytest.mark.parametrize(
    ("summary", "company", "role"),
    [
        ("Lumenfield | Senior Data Engineer - Technical Interview (Jordan Lee)",
         "Lumenfield", "Senior Data Engineer"),
        ("Senior Data Engineer interview with Lumenfield", "Lumenfield", "Senior Data Engineer"),
        ("Lumenfield: Senior Data Engineer", "Lumenfield", "Senior Data Engineer"),
        ("Interview: Senior Data Engineer at Lumenfield", "Lumenfield", "Senior Data Engineer"),
        ("Lumenfield - Senior Data Engineer Interview", "Lumenfield", "Senior Data Engineer"),
        ("Senior Data Engineer @ Lumenfield", "Lumenfield", "Senior Data Engineer"),
        ("[Lumenfield] Senior Data Engineer – Onsite", "Lumenfield", "Senior Data Engineer"),
        ("Invitation: Lumenfield Interview - Jonah Reyes - Senior Data Engineer",
         "Lumenfield", "Senior Data Engineer"),  # Greenhouse-style, the candidate named
        ("Jonah Reyes <> Lumenfield | Technical Interview", "Lumenfield", None),  # GoodTime
        ("Lumenfield <> Jonah Reyes: Technical Screen", "Lumenfield", None),  # Ashby
        ("Phone Screen: Senior Data Engineer (Lumenfield)", "Lumenfield", "Senior Data Engineer"),
        ("Lumenfield x Jonah Reyes — Hiring Manager Call", "Lumenfield", None),
        ("Senior Data Engineer - Lumenfield - Final Round", "Lumenfield", "Senior Data Engineer"),
        ("Interview with Lumenfield for the Senior Data Engineer role",
         "Lumenfield", "Senior Data Engineer"),
        ("Lumenfield interview for Senior Data Engineer", "Lumenfield", "Senior Data Engineer"),
        ("Jonah Reyes - Senior Data Engineer - Phone Screen",
         "Lumenfield", "Senior Data Engineer"),  # Lever-style: the company from the domain
        ("Engineering Manager Interview - Lumenfield", "Lumenfield", "Engineering Manager"),
        ("Lumenfield: Data Science", "Lumenfield", "Data Science"),  # no job word: second piece
        ("Updated invitation: Lumenfield / Senior Data Engineer / Virtual Onsite",
         "Lumenfield", "Senior Data Engineer"),
        ("Lumenfield Senior Data Engineer Interview", "Lumenfield", "Senior Data Engineer"),
        ("Harborview Health – Platform Engineer interview (round 2)",
         "Harborview Health", "Platform Engineer"),
        ("Fwd: Northwind Traders - Product Manager, 2nd round", "Northwind Traders",
         "Product Manager"),
        ("Interview Scheduled: Senior Data Engineer (R-01234)",
         "Lumenfield", "Senior Data Engineer"),  # Workday: a requisition number
        ("Senior Data Engineer (Remote) - Req 4521 - Lumenfield",
         "Lumenfield", "Senior Data Engineer"),
        ("Candidate Interview: Jonah Reyes for Senior Data Engineer",
         "Lumenfield", "Senior Data Engineer"),
        ("Lumenfield: Senior Data Engineer (Hybrid) - Round 2",
         "Lumenfield", "Senior Data Engineer"),
        ("Jonah Reyes / Lumenfield - 30 min intro", "Lumenfield", None),
        ("30 Minute Meeting between Dana Whitfield and Jonah Reyes", "Lumenfield", None),
        ("Meet & Greet with Lumenfield", "Lumenfield", None),
        ("Re: Senior Data Engineer position at Lumenfield", "Lumenfield", "Senior Data Engineer"),
        ("Lumenfield 360 - Senior Data Engineer", "Lumenfield 360", "Senior Data Engineer"),
        ("3M | Senior Data Engineer", "3M", "Senior Data Engineer"),
        ("Interview with Dana Whitfield", "Lumenfield", None),  # a person, not a company
        ("Hiring Manager Interview", "Lumenfield", None),  # a stage, not a role
        ("Recruiter call", "Lumenfield", None),
        # A role's qualifier after a comma stays in the role unless it is the company.
        ("Lumenfield | Staff Software Engineer, Payments", "Lumenfield",
         "Staff Software Engineer, Payments"),
        ("Staff Software Engineer, Payments - Technical Interview", "Lumenfield",
         "Staff Software Engineer, Payments"),  # the company from the domain
        ("Senior Data Engineer, Lumenfield", "Lumenfield", "Senior Data Engineer"),
        ("Staff Engineer at Lumenfield, Payments", "Lumenfield", "Staff Engineer"),
    ],
)  # fmt: skip
def test_company_and_role_from_summary_shapes(summary: str, company: str, role: str | None) -> None:
    from datetime import date

    from afterview.invite import Attendee, Event, guess

    attendees = [(Attendee("Jonah Reyes", ME), {}), (Attendee("Dana Whitfield", None), {})]
    organizer = Attendee("Grace Okafor", "grace@lumenfield.io")
    event = Event(1, summary, date(2026, 12, 1), None, None, "", "", [], [], False, attendees,
                  organizer, False)  # fmt: skip
    names = ["Jonah Reyes", "Dana Whitfield", "Grace Okafor"]
    assert guess(summary, event, names) == (company, role)


def test_with_no_domain_to_tell_a_comma_piece_after_the_role_is_the_company() -> None:
    """A summary like "Senior Data Engineer, Acme" from a free-mail organiser: nothing
    else names the company, so the piece after the comma is taken for it (as before)."""
    from datetime import date

    from afterview.invite import Attendee, Event, guess

    organizer = Attendee("Grace Okafor", "grace.okafor@gmail.com")
    summary = "Senior Data Engineer, Acme Robotics"
    event = Event(1, summary, date(2026, 12, 1), None, None, "", "", [], [], False, [],
                  organizer, False)  # fmt: skip
    assert guess(summary, event, []) == ("Acme Robotics", "Senior Data Engineer")


@pytest.mark.parametrize(
    "summary",
    ["a " * 20_000, "Interview " * 5_000, "x " * 150 + "Lumenfield " * 30, "Lumenfield" * 30],
)
def test_a_title_too_long_suggests_nothing_the_domain_still_does(summary: str) -> None:
    """Over MAX_TITLE characters the title is not read (reading "a a a ..." of 40,000
    characters took minutes); a piece over MAX_GUESS is no guess; the domain still is."""
    from datetime import date

    from afterview.invite import Event, guess

    attendees = [(Attendee("Dana Whitfield", "dana@bluegate.example"), {})]
    event = Event(1, summary, date(2026, 12, 1), None, None, "", "", [], [], False, attendees,
                  None, False)  # fmt: skip
    assert guess(summary, event, []) == ("Bluegate", None)


@pytest.mark.parametrize(
    ("email", "company"),
    [
        ("no-reply@us.greenhouse-mail.io", None),
        ("scheduling@goodtime.io", None),
        ("jobs@lever.co", None),
        ("dana@calendly.com", None),
        ("x@outlook.com", None),
        ("recruiting@lumenfield.io", "Lumenfield"),
    ],
)
def test_no_company_from_mail_and_scheduling_services(email: str, company: str | None) -> None:
    assert company_from_domain(email) == company


# --- links ----------------------------------------------------------------------------------------


def test_only_https_links_with_a_host_and_no_user_part_are_kept() -> None:
    assert meeting_link(["http://meet.google.com/abc-defg-hij"]) is None
    assert meeting_link(["https://meet.google.com@evil.example/x"]) is None
    assert meeting_link(["https://zoom.us/j/1?pwd=" + "a" * 3000]) is None  # over MAX_URL
    assert meeting_link(
        ["Options: https://teams.microsoft.com/meetingOptions/?organizerId=a9b8 and numbers"
         " https://us06web.zoom.us/u/kdQx2 then https://us06web.zoom.us/j/845"]
    ) == ("Zoom", "https://us06web.zoom.us/j/845")  # fmt: skip
    assert meeting_link(["see https://meet.google.com/abc-defg-hij."]) == (
        "Google Meet",
        "https://meet.google.com/abc-defg-hij",
    )
    invite = (
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261214T150000Z\nSUMMARY:Interview\n"
        b"X-GOOGLE-CONFERENCE:http://meet.google.com/plain-http\n"
        b"URL:https://calendar.example/event/42\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    (event,) = read_invite(invite)
    found = facts(event, NY, {ME})
    assert found.meeting_url is None  # plain http, and an event page that is no call
    assert found.format is None


# --- several events ----------------------------------------------------------------------------


def test_a_whole_calendar_lists_twenty_soonest_upcoming_first(playbook: Path) -> None:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{i}\r\nDTSTART:2026{(i % 12) + 1:02d}{(i % 27) + 1:02d}T150000Z\r\n"
        f"SUMMARY:Event {i}\r\nEND:VEVENT\r\n"
        for i in range(300)
    )
    invite = playbook / "calendar.ics"
    invite.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n")
    result = CliRunner().invoke(
        cli, ["new", "--from-ics", str(invite), "--now", "2026-09-15T12:00:00-04:00"]
    )
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    listed = [line for line in lines if re.match(r"\s*\d+\. ", line)]
    assert len(listed) == 20
    starts = [line.split()[1] for line in listed]
    assert starts == sorted(starts) and starts[0] >= "2026-09-15T12"  # upcoming, soonest first
    assert "      280 more (past ones last)" in lines
    # the number shown is the one --event takes
    number, when = listed[0].split()[0].rstrip("."), starts[0]
    assert lines[-1].endswith(
        f"holds 300 events; choose one with --event N (the number before it above;"
        f" --event {number} is the first listed)"
    )
    path, data = written(playbook, run("--from-ics", str(invite), "--event", number,
                                       "--company", "A", "--role", "B"))  # fmt: skip
    assert data["when"] == when
    assert nothing_written(playbook) is False and path.exists()


# --- bounds and control characters (usage.md) --------------------------------------------------


def _one_event(people: str, organizer: str = "") -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261214T150000Z\r\n"
        "SUMMARY:Interview: Engineer at Bluegate\r\n" + organizer + people
        + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()  # fmt: skip


@pytest.mark.parametrize("control", ["\u2028", "\u2029", "\x85", "\x1b", "\x0c", "\x1c", "\x7f"])
def test_a_control_character_in_a_name_is_stripped_not_the_attendee(control: str) -> None:
    (event,) = read_invite(
        _one_event(
            f'ATTENDEE;CN="Dana{control}Whitfield":mailto:dana@bluegate.example\r\n'
            "ATTENDEE;CN=Lee Park:mailto:lee@bluegate.example\r\n"
        )  # fmt: skip
    )
    found = facts(event, NY, {ME})
    assert [p.name for p in found.interviewers] == ["Dana Whitfield", "Lee Park"]


def test_long_names_are_cut_long_addresses_dropped_and_said() -> None:
    from afterview.invite import MAX_NAME

    long_name = "Dana " + "Whitfield" * 100_000
    long_email = "d" * 300 + "@bluegate.example"
    (event,) = read_invite(
        _one_event(
            f'ATTENDEE;CN="{long_name}":mailto:dana@bluegate.example\r\n'
            f"ATTENDEE;CN=Lee Park:mailto:{long_email}\r\n"
        )  # fmt: skip
    )
    found = facts(event, NY, {ME})
    (dana, lee) = found.interviewers
    assert dana.name == "Dana" and len(dana.name) <= MAX_NAME  # cut at a word
    assert lee == Attendee("Lee Park", None)
    assert any("cut to" in n for n in found.notes)
    assert any("address of 317 characters is left out" in n for n in found.notes)


_HOSTILE = st.sampled_from(
    list(": #&*!|>-?{}[],%@`'\\~=<;\t\u2028\u2029\u0085\ufeff\x00\x1b\x07\x7f\u202e\u200f ")
    + ["---", "...", "!!python/object:os.system", "{{ x }}", "{% raw %}", "null", "\r\n", "\n"]
)
_NAME = st.tuples(
    st.lists(st.one_of(_HOSTILE, st.text(max_size=4)), min_size=1, max_size=6).map("".join),
    st.sampled_from([1, 1, 1, 50, 5_000, 60_000]),  # up to a few hundred thousand characters
).map(lambda t: t[0] * t[1])
_EMAIL = st.tuples(
    st.text(alphabet="abcdefghij._%+-", min_size=1, max_size=12),
    st.sampled_from([1, 1, 40]),
).map(lambda t: t[0] * t[1] + "@bluegate.example")
_ROLE = st.sampled_from(["REQ-PARTICIPANT", "OPT-PARTICIPANT", "CHAIR", "NON-PARTICIPANT", ""])


def _param(text: str) -> str:
    """text as a quoted iCalendar parameter value (RFC 6868: ^' for a quote, ^n a line break)."""
    text = text.replace("^", "^^").replace('"', "^'")
    return '"' + text.replace("\r\n", "^n").replace("\n", "^n").replace("\r", "^n") + '"'


def _value(text: str) -> str:
    """text as an iCalendar TEXT value (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _is_role_summary(invite: Path) -> bool:
    """Whether the invite's title gives a role as the command reads it (else the test
    passes --role): the event read from the file, its title bounds included."""
    from afterview.invite import InviteError, guess, read_invite

    try:
        (event,) = read_invite(invite.read_bytes())
    except InviteError:  # over the size limit: the command says so, whatever the title
        return True
    role = guess(event.summary, event, [])[1]
    return role is not None and len(role) <= 200


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    summary=_NAME,
    location=_NAME,
    people=st.lists(st.tuples(_NAME, _EMAIL, _ROLE), max_size=40),
    organizer=st.one_of(st.none(), st.tuples(_NAME, _EMAIL)),
    role_in_title=st.booleans(),
)
def test_any_invite_gives_a_record_that_check_accepts(
    tmp_path_factory: pytest.TempPathFactory, summary: str, location: str, people: list,
    organizer: tuple | None, role_in_title: bool,
) -> None:  # fmt: skip
    """Large and hostile invites: the record is under the checker's 1 MiB and check finds no
    error in it (no schema or YAML finding) — or nothing is written, with a message."""
    folder = tmp_path_factory.mktemp("invite")
    summary = f"{summary} | Engineer" if role_in_title else summary
    lines = [f"SUMMARY:{_value(summary)}", f"LOCATION:{_value(location)}",
             "ATTENDEE;CN=Dana Whitfield:mailto:dana@bluegate.example"]  # fmt: skip
    if organizer:
        lines.append(f"ORGANIZER;CN={_param(organizer[0])}:mailto:{organizer[1]}")
    for name, email, role in people:
        role_param = f";ROLE={role}" if role else ""
        lines.append(f"ATTENDEE;CN={_param(name)}{role_param}:mailto:{email}")
    invite = folder / "invite.ics"
    invite.write_bytes(_one_event("".join(line + "\r\n" for line in lines)).replace(
        b"SUMMARY:Interview: Engineer at Bluegate\r\n", b""))  # fmt: skip
    records = folder / "records"
    result = CliRunner().invoke(
        cli,
        ["new", "--from-ics", str(invite), "--me", ME, "--dir", str(records), "--now", BEFORE]
        + ([] if _is_role_summary(invite) else ["--role", "Engineer"]),
    )  # the company is guessed from the summary, else from the domain (bluegate.example)
    assert "Traceback" not in result.output
    if invite.stat().st_size > 5 * 1024 * 1024:
        assert result.exit_code == 2 and "larger than 5 MiB" in result.stderr
        return
    assert result.exit_code == 0, result.output
    (path,) = records.iterdir()
    assert path.stat().st_size < 1_048_576
    _code, findings = check(path)
    assert [f for f in findings if f["severity"] == "error"] == []


def test_a_name_of_four_and_a_half_megabytes_gives_a_small_record_check_accepts(
    playbook: Path,
) -> None:
    """The red team's case: a 4.5 MB name gave a 4.3 MB record that check refused."""
    name = "Dana\u2028Whit\x1bfield " + "x" * 4_500_000
    invite = playbook / "big.ics"
    invite.write_bytes(_one_event(f'ATTENDEE;CN="{name}":mailto:dana@bluegate.example\r\n'))
    result = run("--from-ics", str(invite), "--me", ME)
    path, data = written(playbook, result)
    assert path.stat().st_size < 10_000
    assert data["interviewers"] == [{"name": "Dana Whit field", "email": "dana@bluegate.example"}]
    assert "cut to 15" in result.stderr
    assert check(path) == (0, [])


def test_the_largest_record_an_invite_can_give_is_under_100_kb(playbook: Path) -> None:
    """Every bound at its limit, in four-byte characters: usage.md's "under 100 KB"."""
    wide = "\U0001f600"
    people = "".join(
        f'ATTENDEE;CN="{wide * 119} {i}";ROLE={"OPT-PARTICIPANT" if i % 4 else "REQ-PARTICIPANT"}'
        f":mailto:{'p' * 230}{i:03d}@bluegate.example\r\n"
        for i in range(200)
    )
    extra = (
        f'ORGANIZER;CN="{wide * 120}":mailto:{"o" * 230}@bluegate.example\r\n'
        f"LOCATION:{wide * 499}\r\nX-GOOGLE-CONFERENCE:https://meet.google.com/{'a' * 2000}\r\n"
    )
    invite = playbook / "widest.ics"
    invite.write_bytes(
        _one_event(people + extra).replace(
            b"Interview: Engineer at Bluegate",
            f"Interview: {wide * 190} Engineer at {wide * 180}".encode(),  # MAX_TITLE
        )
    )
    result = run("--from-ics", str(invite), "--me", ME)
    path, data = written(playbook, result)
    assert len(data["interviewers"]) == 30 and len(data["location"]) == 499
    assert len(data["meeting_url"]) > 2000
    size = path.stat().st_size
    assert 30_000 < size < 100_000, size  # 35,841 bytes when written
    assert [f for f in check(path)[1] if f["severity"] == "error"] == []


# --- who is an interviewer, who the contact ------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "interviewers", "contacts"),
    [
        (  # Google: the organiser is also an accepted attendee
            "ORGANIZER;CN=Grace Okafor:mailto:grace@bluegate.example\r\n"
            "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Grace Okafor:"
            "mailto:grace@bluegate.example\r\n"
            "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Dana Whitfield:mailto:dana@bluegate.example\r\n",
            ["Dana Whitfield"], ["Grace Okafor"],
        ),
        (  # you organised it (booked after a call): the optional recruiter is the contact
            f"ORGANIZER;CN=Jonah Reyes:mailto:{ME}\r\n"
            "ATTENDEE;ROLE=OPT-PARTICIPANT;CN=Maya Chen:mailto:maya@bluegate.example\r\n"
            "ATTENDEE;CN=Dana Whitfield:mailto:dana@bluegate.example\r\n",
            ["Dana Whitfield"], ["Maya Chen"],
        ),
        (  # a person copied for information, and a chair listed twice
            "ORGANIZER;CN=Kwame Mensah:mailto:kwame@bluegate.example\r\n"
            "ATTENDEE;ROLE=CHAIR;CN=Kwame Mensah:mailto:KWAME@bluegate.example\r\n"
            "ATTENDEE;ROLE=NON-PARTICIPANT;CN=Sam Ortiz:mailto:sam@bluegate.example\r\n"
            "ATTENDEE;CN=Dana Whitfield:mailto:dana@bluegate.example\r\n",
            ["Dana Whitfield"], ["Kwame Mensah", "Sam Ortiz"],
        ),
        (  # a scheduling tool's sender and a no-reply attendee are nobody
            "ORGANIZER;CN=GoodTime:mailto:scheduling@goodtime.io\r\n"
            "ATTENDEE;CN=Calendar:mailto:noreply@bluegate.example\r\n"
            "ATTENDEE;CN=Dana Whitfield:mailto:dana@bluegate.example\r\n",
            ["Dana Whitfield"], [],
        ),
    ],
)  # fmt: skip
def test_interviewers_and_contacts(lines: str, interviewers: list, contacts: list) -> None:
    (event,) = read_invite(_one_event(lines))
    found = facts(event, NY, {ME})
    assert [p.name for p in found.interviewers] == interviewers
    assert [p.name for p in found.contacts] == contacts
    assert (found.contact.name if found.contact else None) == (contacts or [None])[0]
