"""Nothing lost silently: a '#' that cuts an unquoted value short is reported there.

README, "Choices where the spec is silent" (a comment that cuts a value), and the
rule's own documentation (``afterview rules comment-cuts-value``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.loader import Record, load_text
from afterview.loader.comments import looks_meant
from afterview.settings import Settings
from conftest import SETTINGS, run_check, yaml_text

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-11-19T12:00:00-05:00"
HEAD = "company: Acme\nrole: Engineer\nwhen: 2026-11-18T14:00-05:00\n"
RULE = "comment-cuts-value"


def cuts(text: str) -> list[tuple[int, int]]:
    """Where check reports the rule in a record: (line, column) of each '#'."""
    found = run_check(HEAD + yaml_text(text), NOW).findings
    return [(f.line, f.column) for f in found if f.rule == RULE]


def test_the_issue_case_is_reported_at_the_hash() -> None:
    found = run_check(HEAD + "location: 1200 W Fulton Market #400, Chicago\n", NOW).findings
    (finding,) = [f for f in found if f.rule == RULE]
    assert (finding.line, finding.column, finding.severity) == (4, 32, "warning")
    assert finding.kind == "record"
    assert finding.message == (
        "the text after '#' was read as a comment and dropped; put the whole value in"
        " quotes, or, for a comment, write two spaces before the '#' and one after it"
    )


def test_the_message_quotes_nothing_a_redacted_site_would_publish() -> None:
    """Findings are published on a redacted site; the value may be a private note."""
    text = HEAD + "reflection:\n  went_well:\n    - Salary talk went well #raise 20k\n"
    (finding,) = [f for f in run_check(text, NOW).findings if f.rule == RULE]
    assert "Salary" not in finding.message and "20k" not in finding.message


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("location: Suite #400\n", [(4, 17)]),  # one space, '#' glued to the text
        ("notes: fine # a comment?\n", [(4, 13)]),  # one space: cannot be told from data
        ("location: Fulton Market  #400\n", [(4, 26)]),  # two spaces, glued: data
        ("reflection:\n  went_well:\n    - Clear answer # mostly\n", [(6, 20)]),
        ("notes: first line\n  goes on #5 here\n", [(5, 11)]),  # a value over two lines
        ("location: &where Dock #7\nnotes: *where\n", [(4, 23)]),  # once, where written
        ("notes: !!str tagged #1\n", [(4, 21)]),  # still a plain value
        ("notes: round #2 # and more\n", [(4, 14)]),  # the first '#' cuts
        ("location: Suite #\n", [(4, 17)]),  # even the '#' alone is lost
        ("location: Caf\u00e9 #3\n", [(4, 16)]),  # columns count characters
    ],
)
def test_a_comment_after_unquoted_text_is_reported(text: str, at: list) -> None:
    assert cuts(text) == at


@pytest.mark.parametrize(
    "text",
    [
        "# a comment on its own line\nlocation: Boston\n",
        "location: Boston  # main office\n",  # set off as the templates write comments
        "location: Boston   # main office\n",
        "location: Boston\t# main office\n",
        "location: Boston  #\n",  # an empty comment, set off
        'location: "1200 W Fulton Market #400, Chicago"\n',
        "location: '1200 W Fulton Market #400' # single-quoted\n",
        'location: "Boston" #quoted\n',
        "duration: 60 # minutes\n",  # not text: quoting would not make it valid
        "round: 2 #2\n",
        "closing:\n  thanked_staff: true # yes\n",
        "notes: # nothing here\n",  # empty: no value to cut
        "ignore: [staff-not-thanked] # the flow ends first\n",
        "reflection:\n  went_well: [one, # the comma comes first\n    two]\n",
        "notes: | # a block scalar's header\n  text #1\n",
        "notes: >-\n  folded #1 text\n",
        "role: C# and F# Engineer\n",  # no space before '#': not a comment
        "notes: see issue#4\n",
        "closing: # the value is a mapping\n  thanked_staff: true\n",
    ],
)
def test_meant_comments_and_other_values_are_not_reported(text: str) -> None:
    assert cuts(text) == []


@pytest.mark.parametrize(
    ("gap", "after", "meant"),
    [
        (" ", " ", False),
        (" ", "4", False),
        ("  ", "4", False),
        ("  ", " ", True),
        ("  ", "", True),
        ("\t", " ", True),
        (" \t", "\t", True),
        ("  ", "\r", True),
    ],
)
def test_what_looks_like_a_comment_meant_as_one(gap: str, after: str, meant: bool) -> None:
    assert looks_meant(gap, after) is meant


def test_the_fallback_parser_reports_it_too() -> None:
    """A tab after '-' sends the file to the pure-Python parser: the same finding."""
    raw = (HEAD + "location: Dock #7\nnotes:\n-\tfirst\n").encode()
    loaded = load_text(raw)
    assert isinstance(loaded, Record)
    assert loaded.cuts == [(4, 16)]


def test_ignored_per_file_and_by_settings() -> None:
    text = HEAD + "location: Suite #400\nignore: [comment-cuts-value]\n"
    assert [f for f in run_check(text, NOW).findings if f.rule == RULE] == []
    quiet = Settings(timezone_name=SETTINGS.timezone_name, severity={RULE: "off"})
    text = HEAD + "location: Suite #400\n"
    assert [f for f in run_check(text, NOW, settings=quiet).findings if f.rule == RULE] == []
    loud = Settings(timezone_name=SETTINGS.timezone_name, severity={RULE: "error"})
    (finding,) = [f for f in run_check(text, NOW, settings=loud).findings if f.rule == RULE]
    assert finding.severity == "error"


def test_upcoming_interviews_are_told_too() -> None:
    """A value lost today is lost whatever step the interview is at."""
    text = HEAD + "location: Suite #400\n"
    found = run_check(text, "2026-11-01T09:00:00-05:00").findings
    assert [f.rule for f in found] == [RULE]


def test_samples_templates_and_new_records_have_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample playbook, `init`'s example and `new`'s template use comments as meant."""
    (tmp_path / "afterview.toml").write_text(
        'interviews = "records"\ntimezone = "America/New_York"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    made = CliRunner().invoke(
        cli,
        ["new", "--company", "Acme", "--role", "Engineer", "--when", "2026-12-02T10:00-05:00"],
    )
    assert made.exit_code == 0, made.output
    for invite in ("google.ics", "outlook.ics", "apple.ics"):  # commented-out entries too
        ics = ROOT / "tests" / "fixtures" / "invites" / invite
        made = CliRunner().invoke(cli, ["new", "--from-ics", str(ics)])
        assert made.exit_code == 0, made.output
    assert CliRunner().invoke(cli, ["init", "book", "--timezone", "UTC"]).exit_code == 0
    paths = [
        str(ROOT / "content" / "interviews"),
        str(tmp_path / "records"),
        str(tmp_path / "book" / "content" / "interviews"),
    ]
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", "--select", RULE, "--now", NOW, *paths]
    )
    report = json.loads(result.stdout)
    assert report["files"] >= 12
    assert report["findings"] == []
    template = (ROOT / "plugin" / "afterview" / "templates" / "record.yaml.tmpl").read_text()
    assert "when: <<when>>  # start" in template  # a trailing comment the rule spares
