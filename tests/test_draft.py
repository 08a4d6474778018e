"""`afterview draft`: every kind with and without the optional facts, .eml files read back,
template overrides, the site's drafts, and hostile values printed as text."""

from __future__ import annotations

import email
import email.policy
import html
import json
import re
import textwrap
from datetime import datetime
from email.header import decode_header, make_header
from email.policy import compat32
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from afterview.cli import cli
from afterview.clock import Clock
from afterview.drafts import KINDS, DraftError, make_drafts
from afterview.drafts.context import day_phrase
from afterview.drafts.eml import address, eml_bytes, message, shown_name
from afterview.loader import Record, load_text
from afterview.model import build_interview
from afterview.pages.drafts import follow_up_drafts, thank_you_drafts
from afterview.plaintext import one_line
from afterview.settings import Me, Settings, SettingsError, settings_from_table

NOW = "2026-11-25T12:00:00-05:00"  # the day after the interview below
WEEK_LATER = "2026-12-02T12:00:00-05:00"

ME = """\
timezone = "America/New_York"
interviews = "records"

[me]
name = "Jonah Reyes"
email = "jonah.reyes@example.org"
pitch = "Having rebuilt the reporting pipeline at my current job, I can help your team ship faster."
"""

FULL = """\
company: Bluegate Analytics
role: Analytics Engineer
when: 2026-11-24T15:00:00-05:00
format: onsite
interviewers:
  - name: Marisol Okafor
    title: Head of Analytics
    email: marisol.okafor@bluegate.example
    phone: "+1 401 555 0100"
    salutation: Ms. Okafor
    discussed:
      - the move to dbt
      - how the team reviews models
  - name: Jun Takahara
    title: Senior Analytics Engineer
    email: jun.takahara@bluegate.example
    discussed: [testing data pipelines]
closing:
  expected_contact: 2026-12-02
  contact_method: email
  contact_person: Marisol Okafor
"""

BARE = """\
company: Bluegate Analytics
role: Analytics Engineer
when: 2026-11-24T15:00:00-05:00
interviewers:
  - name: Jun Takahara
"""

# Template syntax a record might hold; none of it may be read as a template.
TEMPLATE_BITS = ("{{", "{%", "{#")


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "afterview.toml").write_text(ME, encoding="utf-8")
    (tmp_path / "records").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def bare_playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "afterview.toml").write_text('timezone = "America/New_York"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def record(folder: Path, text: str, name: str = "bluegate.yaml") -> str:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def draft(*args: str, now: str = NOW):
    return CliRunner().invoke(cli, ["draft", *args, "--now", now], prog_name="afterview")


def assert_clean(text: str) -> None:
    """No template syntax, Python None or YAML null in a draft made from ordinary values."""
    for bit in TEMPLATE_BITS:
        assert bit not in text
    assert not re.search(r"\bNone\b|\bnull\b", text)


# --- thank-you ------------------------------------------------------------------------------


def test_thank_you_one_per_interviewer_with_every_fact(playbook: Path) -> None:
    path = record(playbook, FULL)
    result = draft("thank-you", path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert_clean(out)
    assert "[" not in out  # no placeholder: every fact is known
    assert result.stderr == ""
    first, second = out.split("=" * 72)
    assert "To: Marisol Okafor <marisol.okafor@bluegate.example>" in first
    assert "Dear Ms. Okafor," in first  # the salutation wins over the full name
    assert "the move to dbt and how the team reviews models" in first
    assert "yesterday" in first  # interview on the 24th, --now on the 25th
    assert "Analytics Engineer position at Bluegate Analytics" in first
    assert "rebuilt the reporting pipeline" in first  # the pitch
    assert "by Wednesday 2 December 2026" in first  # the expected contact
    assert first.rstrip().endswith("Jonah Reyes")
    assert "Dear Jun Takahara," in second
    assert "testing data pipelines" in second


def test_thank_you_skips_interviewers_already_thanked(playbook: Path) -> None:
    path = record(playbook, FULL + "thank_you:\n  - to: marisol  OKAFOR\n    sent: 2026-11-24\n")
    result = draft("thank-you", path)
    assert result.exit_code == 0
    assert "Marisol" not in result.stdout.split("Kind regards")[0]
    assert "Dear Jun Takahara," in result.stdout


def test_thank_you_when_everyone_is_thanked(playbook: Path) -> None:
    notes = "thank_you:\n  - to: Marisol Okafor\n  - to: Jun Takahara\n"
    path = record(playbook, FULL + notes)
    result = draft("thank-you", path)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "every interviewer already has a thank-you note" in result.stderr
    # --to still drafts for someone already thanked
    again = draft("thank-you", path, "--to", "Jun Takahara")
    assert again.exit_code == 0 and "Dear Jun Takahara," in again.stdout


def test_thank_you_without_the_optional_facts(bare_playbook: Path) -> None:
    path = record(bare_playbook, BARE)
    result = draft("thank-you", path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert_clean(out)
    assert "To: Jun Takahara (no email recorded)" in out
    assert "[your name — set [tool.afterview.me].name]" in out
    assert "[what you talked about with Jun Takahara — add interviewers[0].discussed]" in out
    assert "set [tool.afterview.me].pitch]" in out
    assert "by " not in out.split("hearing from you")[1].split("\n")[0]  # no expected contact
    for field in ("[tool.afterview.me].name", "[tool.afterview.me].pitch",
                  "interviewers[0].discussed"):  # fmt: skip
        assert field in result.stderr


def test_thank_you_with_no_interviewer_recorded(bare_playbook: Path) -> None:
    path = record(bare_playbook, "company: A\nrole: B\nwhen: 2026-11-24\n")
    result = draft("thank-you", path)
    assert result.exit_code == 0
    assert "[their name — add interviewers[].name]" in result.stdout
    assert "interviewers[].name" in result.stderr


def test_to_selects_one_and_an_unknown_name_suggests_the_closest(playbook: Path) -> None:
    path = record(playbook, FULL)
    one = draft("thank-you", path, "--to", "  jun   takahara ")
    assert one.exit_code == 0
    assert "Jun Takahara" in one.stdout and "Marisol" not in one.stdout
    assert "=" * 72 not in one.stdout
    unknown = draft("thank-you", path, "--to", "Marisol Okafr")
    assert unknown.exit_code == 2
    assert unknown.stdout == ""
    assert "closest recorded name is 'Marisol Okafor'" in unknown.stderr


def test_day_phrases() -> None:
    from datetime import date

    today = date(2026, 11, 25)  # a Wednesday
    assert day_phrase(date(2026, 11, 25), today) == "today"
    assert day_phrase(date(2026, 11, 24), today) == "yesterday"
    assert day_phrase(date(2026, 11, 20), today) == "on Friday"
    assert day_phrase(date(2026, 11, 2), today) == "on Monday 2 November"
    assert day_phrase(date(2025, 11, 2), today) == "on Sunday 2 November 2025"


# --- follow-up ------------------------------------------------------------------------------


def test_follow_up_script_and_the_entry_to_paste(playbook: Path) -> None:
    path = record(playbook, FULL)
    result = draft("follow-up", path, now=WEEK_LATER)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert_clean(out)
    assert "Ask for:  Marisol Okafor, Head of Analytics" in out
    assert "Number:   +1 401 555 0100" in out
    mention = next(line for line in out.splitlines() if line.startswith("Mention:"))
    assert "your interview on Tuesday 24 November for the" in mention  # the date once
    assert "with Jun Takahara" in out
    assert "Has a decision been made" in out
    assert "still being considered" in out
    assert "another conversation" in out
    assert "Hello, this is Jonah Reyes." in out
    entry = out[out.index("follow_ups:") :]
    assert "date: 2026-12-02" in entry and "spoke_with: Marisol Okafor" in entry
    # Pasted as it is, the record stays valid and the call counts as a contact.
    Path(path).write_text(Path(path).read_text(encoding="utf-8") + entry, encoding="utf-8")
    check = CliRunner().invoke(cli, ["check", "--format", "json", "--now", WEEK_LATER, path])
    findings = json.loads(check.stdout)["findings"]
    assert [f for f in findings if f["rule"] in ("schema", "yaml-syntax", "duplicate-key")] == []
    assert not [f for f in findings if f["rule"] == "follow-up-overdue"]
    assert [f["rule"] for f in findings if f["rule"] == "follow-up-incomplete"]  # answers due


def test_follow_up_entry_without_key_when_follow_ups_exist(playbook: Path) -> None:
    path = record(playbook, FULL + "follow_ups:\n  - date: 2026-11-30\n    by: them\n")
    result = draft("follow-up", path, now=WEEK_LATER)
    assert "follow_ups:" not in result.stdout.split("Afterwards")[1]
    assert "(under the follow_ups already there)" in result.stdout
    assert "  - date: 2026-12-02" in result.stdout


def test_follow_up_without_contact_person(bare_playbook: Path) -> None:
    path = record(bare_playbook, "company: A\nrole: B\nwhen: 2026-11-24\n")
    result = draft("follow-up", path, now=WEEK_LATER)
    assert result.exit_code == 0
    assert_clean(result.stdout)
    assert "Ask for:  [their name" in result.stdout
    assert "# spoke_with: the person you spoke with" in result.stdout
    assert "[your name — set [tool.afterview.me].name]" in result.stdout


def test_follow_up_is_not_an_email(playbook: Path) -> None:
    result = draft("follow-up", record(playbook, FULL), "--format", "eml")
    assert result.exit_code == 2
    assert "phone-call script" in result.stderr


# --- position-filled and offer ----------------------------------------------------------------


def test_position_filled_asks_why_and_for_other_openings(playbook: Path) -> None:
    path = record(playbook, FULL + "outcome:\n  status: rejected\n")
    result = draft("position-filled", path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert_clean(out)
    assert "To: Marisol Okafor <marisol.okafor@bluegate.example>" in out  # the contact person
    assert "what would have made my application stronger" in out
    assert "another opening" in out and "a name or an introduction" in out
    assert "[" not in out


def test_position_filled_with_feedback_recorded_and_wrong_status(playbook: Path) -> None:
    path = record(playbook, FULL + "outcome:\n  feedback: More dbt experience.\n")
    result = draft("position-filled", path, "--to", "Jun Takahara")
    assert "Dear Jun Takahara," in result.stdout
    assert "telling me what made the difference" in result.stdout
    assert "application stronger" not in result.stdout
    assert "not rejected" in result.stderr


def test_offer_names_the_terms_the_record_lacks(playbook: Path) -> None:
    offer = """\
    outcome:
      status: offer
      pay: "$120,000 base"
      decision: pending
      decision_due: 2026-12-04
    """
    path = record(playbook, FULL + textwrap.dedent(offer))
    result = draft("offer", path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert_clean(out)
    assert "Thank you again for offering me the Analytics Engineer position" in out
    assert "- Pay: $120,000 base. Have I understood that correctly?" in out
    assert "- Schedule: could you tell me" in out
    assert "- Benefits: could you tell me" in out
    assert "a day or two" in out and "by Friday 4 December 2026" in out
    assert "schedule, benefits" in result.stderr and "pay" not in result.stderr.split("lacks")[1]


def test_offer_without_decision_due_and_once_accepted(playbook: Path) -> None:
    path = record(playbook, FULL + "outcome:\n  status: offer\n")
    result = draft("offer", path)
    assert "[the day you will answer by — add outcome.decision_due]" in result.stdout
    assert "outcome.decision_due" in result.stderr
    assert "pay, schedule, benefits" in result.stderr
    done = record(
        playbook,
        FULL + "outcome:\n  status: offer\n  decision: accepted\n  pay: a\n  schedule: b\n"
        "  benefits: c\n",
        "accepted.yaml",
    )
    accepted = draft("offer", done)
    assert "a day or two" not in accepted.stdout
    assert "[" not in accepted.stdout and accepted.stderr == ""


# --- every kind: nothing but text --------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("text", [FULL, BARE, "company: A\nrole: B\nwhen: 2026-11-24\n"])
@pytest.mark.parametrize("with_me", [True, False])
def test_no_template_syntax_none_or_null_in_any_draft(kind: str, text: str, with_me: bool) -> None:
    settings = Settings(
        timezone_name="America/New_York",
        me=Me("Jonah Reyes", "jonah@example.org", "I fit.") if with_me else Me(),
    )
    clock = Clock.at(datetime.fromisoformat(NOW), settings)
    loaded = load_text(text.encode())
    assert isinstance(loaded, Record)
    iv = build_interview("r.yaml", loaded, settings.tz)
    for d in make_drafts(kind, iv, clock):
        assert_clean((d.subject or "") + d.body)
        for m in d.missing:
            assert str(m) in (d.subject or "") + d.body


# --- eml --------------------------------------------------------------------------------------


def parse(data: bytes) -> email.message.EmailMessage:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, email.message.EmailMessage)
    return msg


def test_eml_is_a_draft_message_read_back_by_the_email_package(playbook: Path) -> None:
    result = draft("thank-you", record(playbook, FULL), "--to", "Marisol Okafor",
                   "--format", "eml")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert b"\r\n" in result.stdout_bytes  # RFC 5322 line ends
    msg = parse(result.stdout_bytes)
    assert msg["To"].addresses[0].addr_spec == "marisol.okafor@bluegate.example"
    assert msg["To"].addresses[0].display_name == "Marisol Okafor"
    assert msg["From"].addresses[0].addr_spec == "jonah.reyes@example.org"
    assert msg["Subject"] == "Thank you for our conversation about the Analytics Engineer role"
    assert msg["X-Unsent"] == "1"
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "utf-8"
    body = msg.get_content()
    assert body.startswith("Dear Ms. Okafor,")
    assert "Jonah Reyes" in body


def test_eml_non_ascii_names_round_trip(playbook: Path) -> None:
    text = FULL.replace("Marisol Okafor", "Zoë Ångström-Ñúñez").replace("marisol.okafor@", "zoe@")
    result = draft("thank-you", record(playbook, text), "--to", "Zoë Ångström-Ñúñez",
                   "--format", "eml")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    result.stdout_bytes.decode("ascii")  # headers and body are encoded
    msg = parse(result.stdout_bytes)
    assert msg["To"].addresses[0].display_name == "Zoë Ångström-Ñúñez"
    assert "Zoë Ångström-Ñúñez" in msg.get_content() or "Ms. Okafor" in msg.get_content()


def test_eml_with_several_drafts_needs_to_or_output_dir(playbook: Path) -> None:
    path = record(playbook, FULL)
    several = draft("thank-you", path, "--format", "eml")
    assert several.exit_code == 2
    assert "--to NAME" in several.stderr and "--output-dir" in several.stderr
    assert several.stdout == ""
    out = playbook / "out"
    written = draft("thank-you", path, "--format", "eml", "--output-dir", str(out))
    assert written.exit_code == 0, written.stderr
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [
        "bluegate-thank-you-jun-takahara.eml",
        "bluegate-thank-you-marisol-okafor.eml",
    ]
    assert parse(files[0].read_bytes())["To"].addresses[0].addr_spec.startswith("jun.")
    before = files[0].read_bytes()
    again = draft("thank-you", path, "--format", "eml", "--output-dir", str(out))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert files[0].read_bytes() == before


def test_eml_without_an_email_has_no_to_and_says_so(bare_playbook: Path) -> None:
    result = draft("thank-you", record(bare_playbook, BARE), "--format", "eml")
    assert result.exit_code == 0
    msg = parse(result.stdout_bytes)
    assert msg["To"] is None and msg["From"] is None
    assert "one email address for Jun Takahara" in result.stderr


HOSTILE = """\
company: "{{ 7*7 }} {% include 'offer.txt.j2' %} <script>alert(1)</script>"
role: "{# c #}{{ ''.__class__.__mro__ }}"
when: 2026-11-24T15:00:00-05:00
interviewers:
  - name: "Dana\\r\\nBcc: evil@example.com"
    email: "dana@example.com\\r\\nBcc: evil@example.com"
    salutation: "{{ me.name }}"
    discussed: ["{% for x in range(10**9) %}x{% endfor %}", "\\u001b[31mred\\u001b[0m"]
  - name: "Whitfield, Dana"
    email: "dana@example.com, evil@example.com"
  - name: "Lee \\"Boss\\" Park <lee@evil.example>"
    email: lee@example.com
closing:
  contact_person: "{{ 7*7 }}"
outcome:
  status: offer
  pay: "{% raw %}{{ pay }}"
"""


def test_hostile_record_values_print_as_text(playbook: Path) -> None:
    path = record(playbook, HOSTILE)
    for kind in KINDS:
        result = draft(kind, path)
        assert result.exit_code == 0, (kind, result.stderr)
        # The follow-up draft names the record's file, whose temporary path
        # may hold any digits: only the record's values are looked at.
        out = result.stdout.replace(str(path), "")
        assert "49" not in out
        assert "\x1b" not in out and "\r" not in out
        if kind != "follow-up":
            assert "{{ 7*7 }} {% include 'offer.txt.j2' %} <script>alert(1)</script>" in out
        assert "Dear Dana Bcc: evil@example.com," not in out or kind != "thank-you"
    offer = draft("offer", path).stdout
    assert "{% raw %}{{ pay }}" in offer
    thanks = draft("thank-you", path, "--to", "Dana\r\nBcc: evil@example.com").stdout
    assert "Dear {{ me.name }}," in thanks
    assert "{% for x in range(10**9) %}x{% endfor %}" in thanks
    assert "[31mred" in thanks  # the escape character itself is gone


@pytest.mark.parametrize(
    "name",
    ["Dana\r\nBcc: evil@example.com", "Whitfield, Dana", 'Lee "Boss" Park <lee@evil.example>'],
)
def test_no_header_injection_in_eml(playbook: Path, name: str) -> None:
    result = draft("thank-you", record(playbook, HOSTILE), "--to", name, "--format", "eml")
    assert result.exit_code == 0, result.stderr
    msg = parse(result.stdout_bytes)
    assert msg["Bcc"] is None and msg["Cc"] is None
    assert set(msg.keys()) <= {"From", "To", "Subject", "X-Unsent", "Content-Type",
                               "Content-Transfer-Encoding", "MIME-Version"}  # fmt: skip
    to = msg["To"]
    if name.startswith("Lee"):
        assert [a.addr_spec for a in to.addresses] == ["lee@example.com"]
        # a name holding an address could pass for it: the real address shows alone
        assert to.addresses[0].display_name == ""
    else:
        assert to is None  # neither address is exactly one address
        assert "one email address for" in result.stderr
    for line in result.stdout_bytes.split(b"\r\n"):
        assert not line.lower().startswith(b"bcc")


# --- overrides, --list, settings ---------------------------------------------------------------


def test_list_shows_the_package_templates(playbook: Path) -> None:
    result = draft("--list")
    assert result.exit_code == 0
    for kind in KINDS:
        assert kind in result.stdout
    assert result.stdout.count("package: ") == len(KINDS) == 5


def test_a_playbook_overrides_a_template(playbook: Path) -> None:
    (playbook / "afterview.toml").write_text('drafts = "my-drafts"\n' + ME, encoding="utf-8")
    folder = playbook / "my-drafts"
    folder.mkdir()
    (folder / "thank-you.txt.j2").write_text(
        "Subject: Thanks, {{ to.name }}\nHi {{ to.name }}, thanks for {{ to.topics }}.\n"
        "{{ me.name }}\n",
        encoding="utf-8",
    )
    listing = draft("--list")
    assert "playbook: my-drafts/thank-you.txt.j2" in listing.stdout
    assert listing.stdout.count("package: ") == len(KINDS) - 1
    result = draft("thank-you", record(playbook, HOSTILE), "--to", "Whitfield, Dana")
    assert result.exit_code == 0, result.stderr
    assert "Subject: Thanks, Whitfield, Dana" in result.stdout
    assert "[what you talked about with Whitfield, Dana — add interviewers[1].discussed]" in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("Hi {{ to.name }\n", "thank-you.txt.j2:1: template error"),
        ("Hi {{ nobody }}\n", "unknown value"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", "template error"),
        ("{{ none_value }}{% set x = none %}{{ x }}\n", "thank-you.txt.j2"),
    ],
)
def test_a_broken_override_exits_2_naming_the_file(
    playbook: Path, template: str, message: str
) -> None:
    (playbook / "afterview.toml").write_text('drafts = "d"\n' + ME, encoding="utf-8")
    (playbook / "d").mkdir()
    (playbook / "d" / "thank-you.txt.j2").write_text(template, encoding="utf-8")
    result = draft("thank-you", record(playbook, FULL))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_drafts_folder_exits_2(playbook: Path) -> None:
    (playbook / "afterview.toml").write_text('drafts = "nowhere"\n' + ME, encoding="utf-8")
    result = draft("thank-you", record(playbook, FULL))
    assert result.exit_code == 2
    assert "drafts folder" in result.stderr


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"me": "Jonah"}, "me"),
        ({"me": {"nick": "J"}}, "me.nick"),
        ({"me": {"name": ""}}, "me.name"),
        ({"me": {"name": "J\nBcc: x"}}, "me.name"),
        ({"me": {"email": "a@b.com, c@d.com"}}, "me.email"),
        ({"me": {"email": "not an address"}}, "me.email"),
        ({"drafts": 3}, "drafts"),
    ],
)
def test_invalid_me_and_drafts_settings(table: dict, key: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(key)):
        settings_from_table(table, Path("/p/pyproject.toml"))


def test_valid_me_settings() -> None:
    s = settings_from_table(
        {"me": {"name": " Jonah  Reyes ", "email": "j@example.org", "pitch": "I fit.\nReally."},
         "drafts": "d"},
        Path("/p/afterview.toml"),
    )  # fmt: skip
    assert s.me == Me("Jonah Reyes", "j@example.org", "I fit.\nReally.")
    assert s.drafts == Path("/p/d")


# --- bad input ----------------------------------------------------------------------------------


def test_bad_records_and_kinds_exit_2(playbook: Path) -> None:
    assert draft("thank-you", "missing.yaml").exit_code == 2
    assert draft("thank-you", str(playbook / "records")).exit_code == 2
    broken = record(playbook, "company: [unclosed\n", "broken.yaml")
    result = draft("thank-you", broken)
    assert result.exit_code == 2 and "broken.yaml:" in result.stderr
    assert draft("apology", record(playbook, FULL)).exit_code == 2
    assert draft("thank-you").exit_code == 2
    assert "Traceback" not in result.stderr


def test_unknown_kind_in_the_library() -> None:
    loaded = load_text(BARE.encode())
    assert isinstance(loaded, Record)
    settings = Settings(timezone_name="America/New_York")
    iv = build_interview("r.yaml", loaded, settings.tz)
    with pytest.raises(DraftError, match="unknown kind"):
        make_drafts("apology", iv, Clock.at(datetime.fromisoformat(NOW), settings))


# --- the site -----------------------------------------------------------------------------------


def _interview(text: str, settings: Settings):
    loaded = load_text(textwrap.dedent(text).encode())
    assert isinstance(loaded, Record)
    return build_interview("r.yaml", loaded, settings.tz)


def test_site_drafts_with_mailto_links() -> None:
    settings = Settings(timezone_name="America/New_York", me=Me("Jonah Reyes"))
    clock = Clock.at(datetime.fromisoformat(NOW), settings)
    iv = _interview(FULL + "thank_you:\n  - to: Jun Takahara\n", settings)
    lines = thank_you_drafts(iv, clock, redacted=False)
    text = "\n".join(lines)
    summary = "<summary>Draft: thank-you note to Marisol Okafor</summary>"
    assert f'<details class="note">\n{summary}' in text
    assert "Jun Takahara" not in text  # already thanked
    href = html.unescape(re.search(r'href="([^"]+)"', text).group(1))
    url = urlsplit(href)
    assert url.scheme == "mailto" and unquote(url.path) == "marisol.okafor@bluegate.example"
    query = parse_qs(url.query)
    (made,) = make_drafts("thank-you", iv, clock)
    assert query["subject"] == [made.subject]
    assert query["body"] == [made.body.replace("\n", "\r\n")]
    assert thank_you_drafts(iv, clock, redacted=True) == []


def test_site_drafts_only_when_a_note_is_owed() -> None:
    settings = Settings(timezone_name="America/New_York")
    before = Clock.at(datetime.fromisoformat("2026-11-24T12:00:00-05:00"), settings)
    iv = _interview(FULL, settings)
    assert thank_you_drafts(iv, before, redacted=False) == []  # not over yet
    clock = Clock.at(datetime.fromisoformat(NOW), settings)
    withdrawn = _interview(FULL + "outcome:\n  status: withdrawn\n", settings)
    assert thank_you_drafts(withdrawn, clock, redacted=False) == []
    nobody = _interview("company: A\nrole: B\nwhen: 2026-11-24\n", settings)
    assert thank_you_drafts(nobody, clock, redacted=False) == []


def test_site_drafts_escape_hostile_values() -> None:
    settings = Settings(timezone_name="America/New_York")
    clock = Clock.at(datetime.fromisoformat(NOW), settings)
    iv = _interview(HOSTILE, settings)
    text = "\n".join(thank_you_drafts(iv, clock, redacted=False))
    assert "<script" not in text
    assert "{{" not in text and "{%" not in text  # braces are character references
    assert "\r" not in text and "\x1b" not in text
    titles = re.findall(r"^<summary>(.*)</summary>$", text, re.M)
    assert len(titles) == 3 and all("<" not in t and '"' not in t for t in titles)
    hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', text)]
    assert [urlsplit(h).path for h in hrefs] == ["lee@example.com"]


def test_interview_page_has_the_drafts_unless_redacted() -> None:
    from afterview.pages.interview import render_interview

    settings = Settings(timezone_name="America/New_York")
    clock = Clock.at(datetime.fromisoformat(NOW), settings)
    iv = _interview(FULL, settings)

    class Entry:
        page = "interviews/r.md"
        findings: list = []
        interview = iv
        file_name = "r.yaml"

        def plain_title(self) -> str:
            return "Bluegate"

        def title(self) -> str:
            return "Bluegate"

    shown = render_interview(Entry(), clock, False, "status.md")  # type: ignore[arg-type]
    hidden = render_interview(Entry(), clock, True, "status.md")  # type: ignore[arg-type]
    assert "Draft: thank-you note to Marisol Okafor" in shown
    assert "mailto:" in html.unescape(shown)
    assert "Draft:" not in hidden and "mailto:" not in html.unescape(hidden)


THANKED = """\
thank_you:
  - to: Marisol Okafor
    sent: 2026-11-24
  - to: Jun Takahara
    sent: 2026-11-24
"""


def test_the_follow_up_email_is_on_the_page_while_the_follow_up_is_due() -> None:
    """Expected contact on Wed 2 Dec: the follow-up is due from 09:00 on Thu 3 Dec (the next
    working day). Before that there is no draft; then one, to the contact person, whose
    mail link holds the draft `afterview draft follow-up-email` makes."""
    settings = Settings(timezone_name="America/New_York", me=Me("Jonah Reyes"))
    iv = _interview(FULL + THANKED, settings)
    waiting = Clock.at(datetime.fromisoformat("2026-12-03T08:59:00-05:00"), settings)
    assert follow_up_drafts(iv, waiting, redacted=False) == []
    due = Clock.at(datetime.fromisoformat("2026-12-04T12:00:00-05:00"), settings)
    text = "\n".join(follow_up_drafts(iv, due, redacted=False))
    assert text.startswith("## Follow-up draft { data-search-exclude }")
    assert "<summary>Draft: follow-up email to Marisol Okafor</summary>" in text
    (href,) = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', text)]
    url = urlsplit(href)
    assert url.scheme == "mailto" and unquote(url.path) == "marisol.okafor@bluegate.example"
    (made,) = make_drafts("follow-up-email", iv, due)
    assert parse_qs(url.query)["body"] == [made.body.replace("\n", "\r\n")]
    assert follow_up_drafts(iv, due, redacted=True) == []
    assert thank_you_drafts(iv, due, redacted=False) == []  # both notes sent


def test_no_follow_up_draft_once_they_answered_or_it_is_over() -> None:
    settings = Settings(timezone_name="America/New_York")
    due = Clock.at(datetime.fromisoformat("2026-12-04T12:00:00-05:00"), settings)
    for outcome in ("offer", "rejected", "withdrawn"):
        iv = _interview(FULL + THANKED + f"outcome:\n  status: {outcome}\n", settings)
        assert follow_up_drafts(iv, due, redacted=False) == [], outcome


def test_the_follow_up_draft_escapes_hostile_values() -> None:
    settings = Settings(timezone_name="America/New_York")
    hostile = HOSTILE.replace("outcome:\n  status: offer\n", "").replace(
        "closing:\n", "closing:\n  expected_contact: 2026-12-02\n"
    ) + "thank_you:\n" + "".join(  # every note sent: the follow-up is what is due
        f"  - to: {name}\n    sent: 2026-11-24\n"
        for name in ('"Dana\\r\\nBcc: evil@example.com"', '"Whitfield, Dana"',
                     "'Lee \"Boss\" Park <lee@evil.example>'")
    )  # fmt: skip
    iv = _interview(hostile, settings)
    due = Clock.at(datetime.fromisoformat("2026-12-04T12:00:00-05:00"), settings)
    text = "\n".join(follow_up_drafts(iv, due, redacted=False))
    assert "Follow-up draft" in text
    assert "<script" not in text and "{{" not in text and "{%" not in text
    assert "\r" not in text and "\x1b" not in text


def test_drafts_become_details_with_a_working_mail_link() -> None:
    """Through Python-Markdown with the site's extensions: a <details> block and a link
    whose href reads back as the draft."""
    from html.parser import HTMLParser

    import markdown

    settings = Settings(timezone_name="America/New_York", me=Me("Zoë Reyes"))
    clock = Clock.at(datetime.fromisoformat(NOW), settings)
    iv = _interview(FULL, settings)
    source = "\n".join(thank_you_drafts(iv, clock, redacted=False))
    out = markdown.markdown(source, extensions=["admonition", "pymdownx.details", "md_in_html"])

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []
            self.summaries = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag == "a":
                self.hrefs.append(dict(attrs)["href"])
            if tag == "summary":
                self.summaries += 1

    parser = Links()
    parser.feed(out)
    assert parser.summaries == 2 and out.count("<details") == 2
    drafts = make_drafts("thank-you", iv, clock)
    for href, d in zip(parser.hrefs, drafts, strict=True):
        url = urlsplit(href)
        assert url.scheme == "mailto" and unquote(url.path) == d.email
        query = parse_qs(url.query)
        assert query["subject"] == [d.subject]
        assert query["body"] == [d.body.replace("\n", "\r\n")]
        assert "Zoë Reyes" in query["body"][0]


# --- any text --------------------------------------------------------------------------------


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda t: one_line(t) != ""
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(company=_TEXT, name=_TEXT, topic=_TEXT)
def test_any_text_is_printed_as_one_line_of_text(company: str, name: str, topic: str) -> None:
    import yaml

    data = {
        "company": company,
        "role": "Engineer",
        "when": "2026-11-24T15:00:00-05:00",
        "interviewers": [{"name": name, "email": "a@example.com", "discussed": [topic]}],
    }
    loaded = load_text(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))
    assume(isinstance(loaded, Record))  # the loader refuses a few characters (U+0085 ...)
    assert isinstance(loaded, Record)
    # PyYAML writes YAML 1.1: a few plain scalars (0E0) read back as numbers in YAML 1.2
    first = loaded.data["interviewers"][0]
    assume(loaded.data["company"] == company and first == data["interviewers"][0])
    settings_ = Settings(timezone_name="America/New_York", me=Me("Jonah Reyes"))
    iv = build_interview("r.yaml", loaded, settings_.tz)
    (d,) = make_drafts("thank-you", iv, Clock.at(datetime.fromisoformat(NOW), settings_))
    text = (d.subject or "") + "\n" + d.body
    topic_line = one_line(topic)  # mid-sentence, its first letter may be lowered
    assert one_line(company) in text
    assert topic_line in text or topic_line[0].lower() + topic_line[1:] in text
    assert all(ch.isprintable() or ch in "\n " for ch in text)
    data = eml_bytes(message(d.subject, d.body, address(d.recipient, d.email), None))
    msg = parse(data)
    assert list(msg.keys()) == ["To", "Subject", "X-Unsent", "Content-Type",
                                "Content-Transfer-Encoding", "MIME-Version"]  # fmt: skip
    (to,) = msg["To"].addresses
    assert to.addr_spec == "a@example.com"
    shown = shown_name(name)  # empty for a name that could pass for an address
    if shown.isascii():
        assert to.display_name == shown
    else:
        # Decoded by RFC 2047 from the raw header: the email package's address parser keeps
        # the folding space between two encoded words of a long name (mail clients drop it).
        # Decoders differ on whether that space survives, so spaces are not compared.
        raw = email.message_from_bytes(data, policy=compat32)
        decoded = str(make_header(decode_header(raw["To"])))
        assert shown.replace(" ", "") in decoded.replace(" ", "")
    assert msg.get_content().replace("\r\n", "\n").rstrip("\n") == d.body.rstrip("\n")
