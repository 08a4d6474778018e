"""An empty playbook is a normal playbook, as content/usage.md says.

With no PATH and no record in the interviews folder (empty, or gone: git keeps no
empty folder once the last record is deleted), ``check`` says there is no record
yet and exits 0; ``agenda``, ``notify`` (closing its open issue), ``render`` and
``export`` succeed with nothing due; the site builds in strict mode. A PATH given on
the command line that holds no record still exits 2.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.notify import MARKER
from fixtures.site.helpers import env, make_site
from test_notify import Gh

NOW = "2026-11-25T12:00:00-05:00"
NO_RECORD_YET = "no record yet in content/interviews"


def run(*args: str):
    result = CliRunner().invoke(cli, [*args, "--now", NOW])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(params=["empty folder", "no folder"])
def empty(playbook: Path, request: pytest.FixtureRequest) -> Path:
    """A playbook whose interviews folder holds no record, or does not exist."""
    if request.param == "empty folder":
        folder = playbook / "content" / "interviews"
        folder.mkdir(parents=True)
        (folder / "notes.txt").write_text("not a record", encoding="utf-8")
    return playbook


def test_check_says_there_is_no_record_yet_and_passes(empty: Path) -> None:
    result = run("check", "--strict")
    assert result.exit_code == 0
    assert NO_RECORD_YET in result.stderr
    assert "0 files checked: 0 errors" in result.stdout


def test_check_json_stays_json(empty: Path) -> None:
    result = run("check", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["files"], data["findings"]) == (0, [])


@pytest.mark.parametrize("fmt", ["text", "json", "ics", "markdown"])
def test_agenda_has_nothing_due(empty: Path, fmt: str) -> None:
    result = run("agenda", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert NO_RECORD_YET in result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)["items"] == []
    elif fmt == "ics":
        assert "BEGIN:VCALENDAR" in result.stdout and "BEGIN:VEVENT" not in result.stdout
    else:
        assert "Nothing" in result.stdout and "0 items" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_is_empty(empty: Path, fmt: str) -> None:
    result = run("export", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        assert json.loads(result.stdout) == []
    else:
        assert result.stdout.splitlines()[0].startswith("date,when,company,role")
        assert len(result.stdout.splitlines()) == 1


def test_render_writes_the_pages_with_nothing_due(empty: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("render", str(out))
    assert result.exit_code == 0, result.stderr
    status = (out / "status.md").read_text(encoding="utf-8")
    assert "from 0 records" in status and "Nothing overdue and nothing due" in status
    assert not (out / "interviews").exists()
    assert "BEGIN:VEVENT" not in (out / "agenda.ics").read_text(encoding="utf-8")


def test_notify_closes_its_open_issue(
    empty: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "gh-home").mkdir()
    gh = Gh(tmp_path / "gh-home")
    monkeypatch.setenv("PATH", str(gh.bin) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("FAKE_GH_STATE", str(gh.state))
    body = f"{MARKER}\n\n**1 item, 1 overdue**\n\n<!-- afterview-state: x -->\n"
    url = "https://github.com/me/playbook/issues/1"
    issue = {"number": 1, "title": "Afterview: 1 item", "body": body, "url": url}
    gh.save(
        {
            "issues": [{**issue, "state": "open", "labels": ["afterview"], "comments": []}],
            "calls": [],
        }
    )
    result = run("notify", "--via", "github-issue")
    assert result.exit_code == 0, result.stderr
    assert gh.verbs() == ["list", "close"]
    assert gh.issues()[0]["state"] == "closed"
    assert "closed issue #1: nothing is due" in result.stdout


def test_notify_with_no_issue_calls_nothing_but_list(
    empty: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "gh-home").mkdir()
    gh = Gh(tmp_path / "gh-home")
    monkeypatch.setenv("PATH", str(gh.bin) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("FAKE_GH_STATE", str(gh.state))
    result = run("notify", "--via", "github-issue")
    assert result.exit_code == 0, result.stderr
    assert (gh.verbs(), gh.issues()) == (["list"], [])
    assert "nothing is due and no issue is open" in result.stdout


@pytest.mark.parametrize("command", ["check", "agenda", "export", "notify"])
def test_a_path_given_that_holds_no_record_still_exits_2(playbook: Path, command: str) -> None:
    (playbook / "empty").mkdir()
    extra = ["--via", "github-issue", "--dry-run"] if command == "notify" else []
    result = run(command, *extra, "empty")
    assert result.exit_code == 2
    assert "no record found in empty" in result.stderr


def test_a_path_given_that_does_not_exist_still_exits_2(playbook: Path) -> None:
    result = run("check", "content/interviews")
    assert result.exit_code == 2
    assert "content/interviews: no such file or folder" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["empty folder", "no folder"])
def test_the_site_builds_strict_with_no_record(tmp_path: Path, folder: str) -> None:
    root = make_site(tmp_path / "playbook", {})
    if folder == "no folder":
        (root / "content" / "interviews").rmdir()
    site = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=root,
        env=env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "0 records checked" in proc.stderr
    status = (site / "status" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in status
    assert "BEGIN:VEVENT" not in (site / "agenda.ics").read_text(encoding="utf-8")
