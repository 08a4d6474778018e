"""``afterview check`` on the command line (content/usage.md)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner, Result

from afterview import __version__
from afterview.cli import cli
from conftest import write

NOW = "2026-11-25T12:00:00-05:00"
ANSI = re.compile(r"\x1b\[")

# Only warnings and infos at NOW: contact details, next steps, staff, spelling.
WARNINGS_ONLY = """\
company: Northwind Traders
role: Data Engineer
when: 2026-11-18T14:00:00-05:00
format: onsite
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-18
reflection:
  went_well: [Clear answers]
follow_ups:
  - date: 2026-11-24
    decision_made: false
    still_considered: true
"""
# An error: Lee Park has no title, and no thank-you note.
WITH_ERROR = """\
company: Contoso
role: Analyst
when: 2026-11-17T10:00:00-05:00
interviewers:
  - name: Lee Park
"""
# Nothing to report.
CLEAN = """\
company: Fabrikam
role: Engineer
when: 2026-11-20T09:00:00-05:00
format: video
interviewers:
  - name: Ana Ruiz
    title: Lead
    business_card: true
closing:
  expected_contact: 2026-11-27
  contact_method: email
  contact_person: Ana Ruiz
  asked_next_steps: true
thank_you:
  - to: Ana Ruiz
    sent: 2026-11-20
reflection:
  to_improve: [Shorter answers]
"""
# Only an info finding.
INFO_ONLY = CLEAN.replace("    business_card: true\n", "")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", *args], env=env, catch_exceptions=False)


# --- exit status -------------------------------------------------------------------------


def test_exit_0_with_only_warnings(playbook: Path) -> None:
    write(playbook, "a.yaml", WARNINGS_ONLY)
    result = run("a.yaml", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert " warning " in result.stdout


def test_exit_0_when_clean(playbook: Path) -> None:
    write(playbook, "a.yaml", CLEAN)
    result = run("a.yaml", "--now", NOW)
    assert result.exit_code == 0
    assert result.stdout == "1 file checked: 0 errors, 0 warnings, 0 infos\n"


def test_exit_1_with_an_error(playbook: Path) -> None:
    write(playbook, "a.yaml", WARNINGS_ONLY)
    write(playbook, "b.yaml", WITH_ERROR)
    assert run("a.yaml", "b.yaml", "--now", NOW).exit_code == 1


def test_strict_fails_on_a_warning_not_an_info(playbook: Path) -> None:
    write(playbook, "warn.yaml", WARNINGS_ONLY)
    write(playbook, "info.yaml", INFO_ONLY)
    assert run("warn.yaml", "--strict", "--now", NOW).exit_code == 1
    result = run("info.yaml", "--strict", "--now", NOW)
    assert result.exit_code == 0
    assert " info interviewer-spelling-unconfirmed " in result.stdout


def test_exit_2_for_an_unknown_path(playbook: Path) -> None:
    write(playbook, "a.yaml", CLEAN)
    result = run("a.yaml", "missing.yaml", "--now", NOW)
    assert result.exit_code == 2
    assert "missing.yaml" in result.stderr
    assert "Traceback" not in result.output


def test_exit_2_when_no_record_is_found(playbook: Path) -> None:
    (playbook / "empty").mkdir()
    (playbook / "empty" / "notes.txt").write_text("not a record")
    result = run("empty", "--now", NOW)
    assert result.exit_code == 2
    assert "no record" in result.stderr


def test_without_paths_the_configured_folder_is_checked(playbook: Path) -> None:
    (playbook / "afterview.toml").write_text(
        'timezone = "America/New_York"\ninterviews = "records"\n', encoding="utf-8"
    )
    write(playbook, "records/2026/b.yaml", WITH_ERROR)
    write(playbook, "records/a.yml", CLEAN)
    write(playbook, "elsewhere.yaml", WITH_ERROR)
    result = run("--now", NOW, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["files"] == 2
    assert {f["path"] for f in doc["findings"]} == {os.path.join("records", "2026", "b.yaml")}


def test_a_missing_default_folder_is_an_empty_playbook(playbook: Path) -> None:
    """git keeps no empty folder; tests/test_empty_playbook.py has the rest."""
    result = run("--now", NOW)
    assert result.exit_code == 0
    assert "no record yet in content/interviews" in result.stderr


@pytest.mark.parametrize(
    "now", ["tomorrow", "2026-13-01", "2026-11-25T25:00", "25/11/2026", "2026-11-25T12:00+99:00"]
)
def test_exit_2_for_a_bad_now(playbook: Path, now: str) -> None:
    write(playbook, "a.yaml", CLEAN)
    result = run("a.yaml", "--now", now)
    assert result.exit_code == 2
    assert "--now" in result.stderr


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_exit_2_for_an_unknown_rule_id(playbook: Path, option: str) -> None:
    write(playbook, "a.yaml", CLEAN)
    result = run("a.yaml", "--now", NOW, option, "reflection-missing,thank-you-overdew")
    assert result.exit_code == 2
    assert "thank-you-overdew" in result.stderr
    assert "thank-you-overdue" in result.stderr  # the closest id is suggested


@pytest.mark.parametrize(
    ("settings", "key"),
    [
        ('timezone = "Mars/Olympus_Mons"\n', "timezone"),
        ('thank_you_within_hours = "soon"\n', "thank_you_within_hours"),
        ("follow_up_after_days = 0\n", "follow_up_after_days"),
        ("interviews = 3\n", "interviews"),
        ("colour = true\n", "colour"),
        ('[severity]\nreflection-missing = "loud"\n', "reflection-missing"),
        ('[severity]\nno-such-rule = "off"\n', "no-such-rule"),
        ("timezone = \n", "afterview.toml"),
    ],
)
def test_exit_2_for_invalid_settings_naming_the_key(
    playbook: Path, settings: str, key: str
) -> None:
    (playbook / "afterview.toml").write_text(settings, encoding="utf-8")
    write(playbook, "a.yaml", CLEAN)
    result = run("a.yaml", "--now", NOW)
    assert result.exit_code == 2
    assert key in result.stderr
    assert "Traceback" not in result.output


def test_invalid_settings_in_pyproject_name_the_table(playbook: Path) -> None:
    (playbook / "afterview.toml").unlink()
    (playbook / "pyproject.toml").write_text(
        "[tool.afterview]\nreflect_within_hours = -1\n", encoding="utf-8"
    )
    write(playbook, "a.yaml", CLEAN)
    result = run("a.yaml", "--now", NOW)
    assert result.exit_code == 2
    assert "[tool.afterview]" in result.stderr and "reflect_within_hours" in result.stderr


def test_severity_off_in_settings_changes_the_exit_status(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    (playbook / "afterview.toml").write_text(
        'timezone = "America/New_York"\n[severity]\n'
        'interviewer-title-missing = "off"\nthank-you-overdue = "warning"\n',
        encoding="utf-8",
    )
    result = run("b.yaml", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "interviewer-title-missing" not in result.stdout
    assert " warning thank-you-overdue " in result.stdout


# --- json --------------------------------------------------------------------------------


def test_json_has_the_documented_shape(playbook: Path) -> None:
    write(playbook, "records/b.yaml", WITH_ERROR)
    write(playbook, "records/a.yaml", WARNINGS_ONLY)
    write(playbook, "records/c.yaml", CLEAN)
    result = run("records", "--now", NOW, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert list(doc) == ["now", "files", "counts", "findings"]
    assert doc["now"] == NOW
    assert doc["files"] == 3
    assert list(doc["counts"]) == ["error", "warning", "info"]
    assert all(type(v) is int for v in doc["counts"].values())
    findings = doc["findings"]
    assert findings
    for f in findings:
        assert list(f) == [
            *("path", "line", "column", "rule", "severity", "message", "due", "kind")
        ]
        assert f["kind"] in ("record", "deadline")
        assert type(f["path"]) is str and type(f["rule"]) is str and type(f["message"]) is str
        assert type(f["line"]) is int and type(f["column"]) is int
        assert f["line"] >= 1 and f["column"] >= 1
        assert f["severity"] in ("error", "warning", "info")
        assert f["due"] is None or datetime.fromisoformat(f["due"]).tzinfo is not None
    for severity, count in doc["counts"].items():
        assert count == sum(1 for f in findings if f["severity"] == severity)
    keys = [(f["path"], f["line"], f["column"]) for f in findings]
    assert keys == sorted(keys)
    assert {f["path"] for f in findings} == {
        os.path.join("records", "a.yaml"),
        os.path.join("records", "b.yaml"),
    }
    by_rule = {f["rule"]: f for f in findings}
    title = by_rule["interviewer-title-missing"]
    assert (title["path"], title["line"], title["column"]) == (
        os.path.join("records", "b.yaml"),
        5,
        5,
    )
    assert title["due"] is None
    assert datetime.fromisoformat(by_rule["thank-you-overdue"]["due"]) == datetime.fromisoformat(
        "2026-11-18T11:00:00-05:00"
    )


@pytest.mark.parametrize(
    ("given", "echoed"),
    [
        ("2026-11-25T12:00:00-05:00", "2026-11-25T12:00:00-05:00"),
        ("2026-11-25T17:00:00Z", "2026-11-25T17:00:00+00:00"),  # the offset given is kept
        ("2026-11-25T12:00", "2026-11-25T12:00:00-05:00"),
        ("2026-11-25", "2026-11-25T00:00:00-05:00"),
        ("2026-07-01T12:00", "2026-07-01T12:00:00-04:00"),
    ],
)
def test_json_echoes_now_with_its_offset(playbook: Path, given: str, echoed: str) -> None:
    """An offset given is kept; a local time or a date is read in the playbook's zone."""
    write(playbook, "a.yaml", CLEAN)
    doc = json.loads(run("a.yaml", "--now", given, "--format", "json").stdout)
    assert doc["now"] == echoed


def test_path_is_as_given(playbook: Path) -> None:
    write(playbook, "sub/b.yaml", WITH_ERROR)
    doc = json.loads(run("./sub/b.yaml", "--now", NOW, "--format", "json").stdout)
    assert {f["path"] for f in doc["findings"]} == {"./sub/b.yaml"}


# --- text --------------------------------------------------------------------------------

LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+):"
    r" (?P<severity>error|warning|info) (?P<rule>[a-z0-9-]+) (?P<message>.+)$"
)


def test_concise_lines_and_summary(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    write(playbook, "a.yaml", WARNINGS_ONLY)
    result = run("b.yaml", "a.yaml", "--now", NOW, "--format", "concise")
    *lines, summary = result.stdout.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    keys = [(m["path"], int(m["line"]), int(m["column"])) for m in parsed]
    assert keys == sorted(keys)
    assert "b.yaml:5:5: error interviewer-title-missing " in result.stdout
    errors = sum(m["severity"] == "error" for m in parsed)
    warnings = sum(m["severity"] == "warning" for m in parsed)
    infos = sum(m["severity"] == "info" for m in parsed)
    assert summary == (f"2 files checked: {errors} errors, {warnings} warnings, {infos} infos")


def test_concise_keeps_one_line_per_finding(playbook: Path) -> None:
    write(playbook, "a.yaml", CLEAN + '"bad\\nkey": 1\n')
    result = run("a.yaml", "--now", NOW, "--format", "concise")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert LINE.match(lines[0])
    assert "bad\\nkey" in lines[0]


HEAD = re.compile(
    r"^  (?P<line>\d+):(?P<column>\d+) (?P<severity>error|warning|info) (?P<rule>[a-z0-9-]+) "
)
SEVERITIES = ["error", "warning", "info"]


def test_text_groups_findings_by_file_errors_first(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    write(playbook, "a.yaml", WARNINGS_ONLY)
    result = run("b.yaml", "a.yaml", "--now", NOW, env={"COLUMNS": "80"})
    out = result.stdout.splitlines()
    assert out[0] == "a.yaml"  # each path once, as a heading, in path order
    assert out.count("a.yaml") == 1 and out.count("b.yaml") == 1
    b_start = out.index("b.yaml")
    for start, end in ((0, b_start), (b_start, len(out) - 1)):
        heads = [m for m in map(HEAD.match, out[start:end]) if m]
        assert heads
        order = [(SEVERITIES.index(m["severity"]), int(m["line"])) for m in heads]
        assert order == sorted(order)  # errors, then warnings, then infos; each by line
    concise = run("b.yaml", "a.yaml", "--now", NOW, "--format", "concise").stdout
    assert sum(1 for line in out if HEAD.match(line)) == len(concise.splitlines()) - 1
    assert "b.yaml:" not in result.stdout  # the path is not repeated per finding
    assert out[-1] == concise.splitlines()[-1]  # the same summary line


def test_text_shows_the_line_with_a_caret(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    out = run("b.yaml", "--now", NOW, env={"COLUMNS": "80"}).stdout.splitlines()
    i = out.index("  5:5 error interviewer-title-missing Interviewer 'Lee Park' has no title")
    assert out[i + 1 : i + 4] == [
        "    recorded.",
        "    5 |   - name: Lee Park",
        "      |     ^",
    ]
    # A finding about the whole record (1:1) points at no line.
    j = next(n for n, line in enumerate(out) if line.startswith("  1:1 warning follow-up-overdue"))
    assert not any(" | " in line for line in out[j : out.index("", j)])


def test_text_wraps_to_the_terminal_width(playbook: Path) -> None:
    long = WITH_ERROR.replace("Lee Park", "Bartholomew Maximilian " * 4 + "Park")
    write(playbook, "b.yaml", long + "notes: " + "word " * 60 + "\n" + "titel: x\n")
    for columns in (80, 60):
        result = run("b.yaml", "--now", NOW, env={"COLUMNS": str(columns)})
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines[:-1]) <= columns, result.stdout
    narrow = run("b.yaml", "--now", NOW, env={"COLUMNS": "60"}).stdout
    assert "…" in narrow  # the long interviewer line is cut around the caret
    # Without a terminal (or COLUMNS), 80 columns.
    assert (
        run("b.yaml", "--now", NOW).stdout
        == run("b.yaml", "--now", NOW, env={"COLUMNS": "80"}).stdout
    )


def test_text_escapes_the_record_line(playbook: Path) -> None:
    write(playbook, "a.yaml", CLEAN + 'round: "\u202egnp\texe" \u202e\n')
    result = run("a.yaml", "--now", NOW, env={"COLUMNS": "80"})
    assert result.exit_code == 1
    assert "\u202e" not in result.stdout and "\t" not in result.stdout
    lines = result.stdout.splitlines()
    n = next(i for i, x in enumerate(lines) if "| round" in x)
    assert lines[n].endswith('| round: "\\u202egnp\\texe" \\u202e')
    # The caret stands under the character the finding names, counted after escaping.
    assert lines[n + 1].index("^") == lines[n].rindex("\\u202e")


def test_quiet_prints_the_summary_only(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    result = run("b.yaml", "--now", NOW, "--quiet")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [result.stdout.strip()]
    assert result.stdout.startswith("1 file checked: 2 errors,")


def run_in_terminal(args: list[str], cwd: Path, extra_env: dict[str, str]) -> bytes:
    """Run afterview with its output on a pseudo-terminal; return what it printed."""
    import pty

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "AFTERVIEW_NOW")}
    env.update(extra_env)
    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "afterview", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    )
    os.close(secondary)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    assert proc.wait(timeout=60) == 1
    return out


def test_colour_on_a_terminal_and_none_with_no_color(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    args = ["check", "b.yaml", "--now", NOW]
    assert ANSI.search(run_in_terminal(args, playbook, {}).decode())
    assert not ANSI.search(run_in_terminal(args, playbook, {"NO_COLOR": "1"}).decode())
    plain = run_in_terminal([*args, "--no-color"], playbook, {}).decode()
    assert not ANSI.search(plain)
    assert "  5:5 error interviewer-title-missing" in plain
    concise = run_in_terminal([*args, "--format", "concise"], playbook, {}).decode()
    assert ANSI.search(concise)
    assert not ANSI.search(
        run_in_terminal([*args, "--format", "concise"], playbook, {"NO_COLOR": "1"}).decode()
    )


def test_no_colour_when_not_a_terminal(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    assert not ANSI.search(run("b.yaml", "--now", NOW).stdout)
    assert not ANSI.search(run("b.yaml", "--now", NOW, env={"NO_COLOR": "1"}).stdout)


# --- github ------------------------------------------------------------------------------

GITHUB = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,:]*),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<title>[^,:]*)::(?P<message>.*)$"
)


def test_github_workflow_commands_are_escaped(playbook: Path) -> None:
    name = "100%, a:b.yaml"
    write(playbook, name, CLEAN + '"bad\\r\\nkey, 50%": 1\n')
    result = run(name, "--now", NOW, "--format", "github")
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == 1
    m = GITHUB.match(commands[0])
    assert m, commands[0]
    assert m["level"] == "error"
    assert m["file"] == "100%25%2C a%3Ab.yaml"
    key_line = str(CLEAN.count("\n") + 1)  # an unknown key is reported at the key itself
    assert (m["line"], m["col"], m["title"]) == (key_line, "1", "schema")
    assert "bad%0D%0Akey, 50%25" in m["message"]
    assert "\r" not in result.stdout


def test_github_levels(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    write(playbook, "a.yaml", WARNINGS_ONLY)
    result = run("a.yaml", "b.yaml", "--now", NOW, "--format", "github")
    assert result.exit_code == 1
    matches = [GITHUB.match(line) for line in result.stdout.splitlines() if line.startswith("::")]
    assert all(matches)
    levels = {(m["title"], m["level"]) for m in matches}
    assert ("interviewer-title-missing", "error") in levels
    assert ("interim-actions-unasked", "warning") in levels
    assert ("interviewer-spelling-unconfirmed", "notice") in levels


# --- junit -------------------------------------------------------------------------------


def test_junit_one_testcase_per_file_one_failure_per_finding(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    write(playbook, "a.yaml", WARNINGS_ONLY)
    write(playbook, "c.yaml", CLEAN)
    doc = json.loads(run("a.yaml", "b.yaml", "c.yaml", "--now", NOW, "--format", "json").stdout)
    result = run("a.yaml", "b.yaml", "c.yaml", "--now", NOW, "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode())
    cases = root.findall(".//testcase")
    assert sorted(c.get("name") for c in cases) == ["a.yaml", "b.yaml", "c.yaml"]
    for case in cases:
        expected = [f for f in doc["findings"] if f["path"] == case.get("name")]
        failures = case.findall("failure")
        assert len(failures) == len(expected)
        assert [f.get("type") for f in failures] == [f["rule"] for f in expected]


def test_junit_survives_control_characters(playbook: Path) -> None:
    write(playbook, "a.yaml", CLEAN + '"bad\\u0001key": 1\n')
    result = run("a.yaml", "--now", NOW, "--format", "junit")
    root = ET.fromstring(result.stdout.encode())
    assert len(root.findall(".//failure")) == 1


# --- selection, AFTERVIEW_NOW, version ---------------------------------------------------


def test_select_and_ignore(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)

    def rules_reported(*args: str) -> set[str]:
        doc = json.loads(run("b.yaml", "--now", NOW, "--format", "json", *args).stdout)
        return {f["rule"] for f in doc["findings"]}

    everything = rules_reported()
    assert {"interviewer-title-missing", "thank-you-overdue", "reflection-missing"} <= everything
    assert rules_reported("--select", "thank-you-overdue, reflection-missing") == {
        "thank-you-overdue",
        "reflection-missing",
    }
    assert rules_reported("--ignore", "thank-you-overdue") == everything - {"thank-you-overdue"}
    assert rules_reported(
        "--select", "thank-you-overdue,reflection-missing", "--ignore", "reflection-missing"
    ) == {"thank-you-overdue"}
    result = run("b.yaml", "--now", NOW, "--ignore", "interviewer-title-missing,thank-you-overdue")
    assert result.exit_code == 0


def test_afterview_now_environment_variable(playbook: Path) -> None:
    write(playbook, "b.yaml", WITH_ERROR)
    by_option = run("b.yaml", "--now", NOW, "--format", "json")
    by_env = run("b.yaml", "--format", "json", env={"AFTERVIEW_NOW": NOW})
    assert by_env.exit_code == by_option.exit_code == 1
    assert by_env.stdout == by_option.stdout
    before = run("b.yaml", "--format", "json", env={"AFTERVIEW_NOW": "2026-11-17T10:30:00-05:00"})
    assert json.loads(before.stdout)["findings"] == []  # upcoming then
    assert run("b.yaml", env={"AFTERVIEW_NOW": "next week"}).exit_code == 2
    # --now wins over the environment
    both = run("b.yaml", "--now", NOW, "--format", "json", env={"AFTERVIEW_NOW": "2026-01-01"})
    assert both.stdout == by_option.stdout


def test_python_m_afterview_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "afterview", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert __version__ in result.stdout
    assert "afterview" in result.stdout


def test_console_script_check_on_the_samples() -> None:
    repo = Path(__file__).resolve().parents[1]
    script = Path(sys.executable).with_name("afterview")
    result = subprocess.run(
        [str(script), "check", "--now", NOW, "--format", "json"],
        capture_output=True,
        text=True,
        cwd=repo,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "AFTERVIEW_NOW"},
    )
    assert result.returncode in (0, 1), result.stderr
    doc = json.loads(result.stdout)
    assert doc["files"] == len(list((repo / "content" / "interviews").glob("*.yaml")))
    assert all(f["path"].startswith(os.path.join("content", "interviews")) for f in doc["findings"])


def test_usage_page_text_example_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    repo = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(repo)
    page = (repo / "content" / "usage.md").read_text(encoding="utf-8")
    command = next(x for x in page.splitlines() if x.startswith("$ afterview check content/"))
    shown = page.split(command + "\n", 1)[1].split("```", 1)[0]
    result = run(*command.split()[3:], env={"COLUMNS": "80", "AFTERVIEW_NOW": None})
    assert result.stdout == shown
