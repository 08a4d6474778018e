"""Drafts addressed to the right person with a sentence a person would send (issue 21).

The contact person (``closing.contact_person`` at ``closing.contact_email``)
gets the replies and the follow-up email; a record's ``pitch`` overrides
``me.pitch``; recorded items sit mid-sentence without a stray capital; the
date is said once; ``--to`` takes any unambiguous part of a recorded name.
Every draft is made at an explicit now.
"""

from __future__ import annotations

import email
import email.policy
import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.drafts.context import dated_phrase, mid_sentence

WEEK_LATER = "2027-03-23T12:00:00-05:00"
ME = """\
timezone = "America/Chicago"
interviews = "records"

[me]
name = "Jonah Reyes"
email = "jonah.reyes@example.org"
pitch = "I can help any team ship faster."
"""

RECORD = """\
company: Harborview Health
role: Data Engineer
when: 2027-03-16T10:00:00-05:00
interviewers:
  - name: Samira Haddad
    title: Engineering Manager
    discussed:
      - Backfilling a Kafka topic
      - Their dbt migration
  - name: Priya Raman
    title: Staff Engineer
    email: priya@harborview.example
    discussed: [AWS costs, Kafka, Snowflake sharing]
closing:
  contact_person: Sam Ortiz
  contact_email: sam.ortiz@harborview.example
  contact_phone: "+1 312 555 0142"
  expected_contact: 2027-03-22
"""


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "afterview.toml").write_text(ME, encoding="utf-8")
    (tmp_path / "records").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, text: str) -> str:
    path = folder / "records" / "harborview.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def draft(*args: str, now: str = WEEK_LATER):
    return CliRunner().invoke(cli, ["draft", *args, "--now", now], prog_name="afterview")


def test_follow_up_email_goes_to_the_contact_at_their_address(playbook: Path) -> None:
    path = write(playbook, RECORD)
    result = draft("follow-up-email", path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("To: Sam Ortiz <sam.ortiz@harborview.example>\nSubject: Following up")
    assert "Dear Sam Ortiz," in out
    assert "on Tuesday 16 March, with Samira Haddad, Priya Raman" in out
    assert "Has a decision been made" in out and "still being considered" in out
    assert "I can help any team ship faster." in out
    assert "channel: email" in result.stderr and "answered: false" in result.stderr
    eml = draft("follow-up-email", path, "--format", "eml")
    assert eml.exit_code == 0, eml.stderr
    msg = email.message_from_bytes(eml.stdout_bytes, policy=email.policy.default)
    assert msg["To"] == "Sam Ortiz <sam.ortiz@harborview.example>"
    assert msg["Subject"] == "Following up on my interview for the Data Engineer position"
    assert msg["X-Unsent"] == "1"


def test_the_logged_follow_up_email_is_a_valid_entry_with_no_finding(playbook: Path) -> None:
    path = write(playbook, RECORD)
    result = draft("follow-up-email", path)
    entry = result.stderr.split("add it to", 1)[1].split("\n", 1)[1]
    Path(path).write_text(Path(path).read_text(encoding="utf-8") + entry, encoding="utf-8")
    check = CliRunner().invoke(cli, ["check", "--format", "json", "--now", WEEK_LATER, path])
    rules = {f["rule"] for f in json.loads(check.stdout)["findings"]}
    assert not rules & {"schema", "yaml-syntax", "follow-up-overdue", "follow-up-incomplete"}


def test_position_filled_asks_for_the_contacts_email_field(playbook: Path) -> None:
    no_email = RECORD.replace("  contact_email: sam.ortiz@harborview.example\n", "")
    path = write(playbook, no_email + "outcome:\n  status: rejected\n")
    result = draft("position-filled", path, "--format", "eml")
    assert result.exit_code == 0, result.stderr
    assert "one email address for Sam Ortiz (closing.contact_email in" in result.stderr
    assert "interviewers[].email" not in result.stderr


def test_the_call_script_has_the_contacts_number_and_the_date_once(playbook: Path) -> None:
    out = draft("follow-up", write(playbook, RECORD)).stdout
    assert "Ask for:  Sam Ortiz" in out
    assert "Number:   +1 312 555 0142" in out
    assert "Tuesday 16 March (Tuesday 16 March 2027)" not in out
    assert "your interview on Tuesday 16 March for the Data Engineer position" in out


def test_a_record_pitch_overrides_the_settings(playbook: Path) -> None:
    path = write(playbook, RECORD + "pitch: Having run Kafka at scale, I can help with yours.\n")
    out = draft("thank-you", path, "--to", "samira").stdout
    assert "Having run Kafka at scale, I can help with yours." in out
    assert "I can help any team ship faster." not in out


def test_discussed_items_sit_mid_sentence(playbook: Path) -> None:
    path = write(playbook, RECORD)
    samira = draft("thank-you", path, "--to", "Samira").stdout
    assert "our conversation about backfilling a Kafka topic and their dbt migration." in samira
    priya = draft("thank-you", path, "--to", "priya").stdout
    assert "about AWS costs, Kafka and Snowflake sharing." in priya


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Backfilling a Kafka topic", "backfilling a Kafka topic"),
        ("Their dbt migration", "their dbt migration"),
        ("The pipeline redesign", "the pipeline redesign"),
        ("Kafka consumers", "Kafka consumers"),  # a name the package knows
        ("AWS costs", "AWS costs"),  # not a plain capitalised word
        ("iOS release trains", "iOS release trains"),
        ("dbt tests", "dbt tests"),
        ("I/O limits", "I/O limits"),
        ("Monday deploys", "Monday deploys"),
        ("Snowplow", "Snowplow"),  # one word: most often a name
        ("Harborview's data team", "Harborview's data team"),  # not letters only
    ],
)
def test_mid_sentence(item: str, expected: str) -> None:
    assert mid_sentence(item) == expected


def test_a_word_the_record_capitalises_elsewhere_is_a_name() -> None:
    proper = frozenset({"snowplow"})
    assert mid_sentence("Snowplow trackers", proper) == "Snowplow trackers"
    assert mid_sentence("Snowplow trackers") == "snowplow trackers"


def test_dated_phrase_names_the_date_once() -> None:
    from datetime import date

    today = date(2027, 3, 19)  # a Friday
    assert dated_phrase(date(2027, 3, 16), today) == "on Tuesday (Tuesday 16 March 2027)"
    assert dated_phrase(date(2027, 3, 9), today) == "on Tuesday 9 March"
    assert dated_phrase(date(2027, 3, 19), today) == "today (Friday 19 March 2027)"


@pytest.mark.parametrize(
    ("to", "who"),
    [
        ("sam", "Sam Ortiz"),  # a whole word of one name beats a prefix of another
        ("ortiz", "Sam Ortiz"),
        ("SAMI", "Samira Haddad"),
        ("s haddad", "Samira Haddad"),
        ("pri ram", "Priya Raman"),
    ],
)
def test_to_takes_any_unambiguous_part_of_a_name(playbook: Path, to: str, who: str) -> None:
    result = draft("follow-up-email", write(playbook, RECORD), "--to", to)
    assert result.exit_code == 0, result.stderr
    assert f"Dear {who}," in result.stdout


def test_to_lists_the_candidates_when_ambiguous(playbook: Path) -> None:
    result = draft("follow-up-email", write(playbook, RECORD), "--to", "s")
    assert result.exit_code == 2
    assert "'s' could mean 'Samira Haddad', 'Sam Ortiz': give more of the name" in result.stderr
    assert result.stdout == ""
    unknown = draft("follow-up-email", write(playbook, RECORD), "--to", "Zed")
    assert unknown.exit_code == 2 and "is not among the people recorded" in unknown.stderr
