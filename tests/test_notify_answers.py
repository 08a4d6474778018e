"""notify refuses any answer from ``gh`` that is not what it asked for: a GhError with a
message (the command exits 2), never a traceback; issue numbers are positive integers
or refused, so none becomes an argument starting with ``-`` (issue 20, class 9)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from afterview.agenda import Item
from afterview.cli import cli
from afterview.notify import MARKER, GhError, open_issues, sync

NOW = datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("America/New_York"))


def answer(text: str):
    calls: list[list[str]] = []

    def run(args: Sequence[str]) -> str:
        calls.append(list(args))
        return text if args[1] == "list" else "https://github.com/me/p/issues/7\n"

    return run, calls


def issue(number: object, **more: object) -> str:
    return json.dumps([{"number": number, "title": "t", "body": MARKER, "url": "u", **more}])


ODD = {
    "a number too large for a float": '[{"number": 1e400, "title": "t", "body": "", "url": "u"}]',
    "a float": issue(1.5),
    "a negative number": issue(-5),
    "zero": issue(0),
    "true": issue(True),
    "a string number": issue("12"),
    "an option": issue("--repo=evil/x"),
    "a huge integer": issue(10**30),
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "not a list": json.dumps({"number": 1}),
    "a list of numbers": "[1, 2]",
    "a title that is a list": issue(3, title=["a"]),
    "a url that is an object": issue(3, url={"x": 1}),
    "a body that is a number": issue(3, body=5),
    "no number": json.dumps([{"title": "t", "body": "", "url": "u"}]),
    "NaN": '[{"number": NaN, "title": "t", "body": "", "url": "u"}]',
    "not JSON": "<html>rate limited</html>",
    "invalid UTF-8 replaced": "\ufffd\ufffd",
}


@pytest.mark.parametrize("text", list(ODD.values()), ids=list(ODD))
def test_an_answer_that_is_not_a_list_of_issues_is_refused_with_a_message(text: str) -> None:
    run, _calls = answer(text)
    with pytest.raises(GhError, match="gh issue list"):
        open_issues(run)


def test_a_good_answer_is_read() -> None:
    run, _calls = answer(issue(12, body=None))
    (found,) = open_issues(run)
    assert (found.number, found.body) == (12, "")


def test_no_argument_built_from_an_answer_starts_with_a_dash() -> None:
    run, calls = answer(issue(-5))
    item = Item("a.yaml", "Acme", "Analyst", "thank_you", NOW, True, "Thank-you note", "k")
    with pytest.raises(GhError):
        sync([item], NOW, 7, run)
    assert [c[:2] for c in calls] == [["issue", "list"]]  # nothing edited, closed or commented


def test_the_command_exits_2_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through a ``gh`` on PATH that answers a number no float holds."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    answer_text = '[{"number": 1e400, "title": "t", "body": "", "url": "u"}]'
    gh.write_text(f"#!{sys.executable}\nprint({answer_text!r})\n", encoding="utf-8")
    gh.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    folder = tmp_path / "interviews"
    folder.mkdir()
    (folder / "2026-11-20-acme.yaml").write_text(
        "company: Acme\nrole: Analyst\nwhen: 2026-11-20T10:00:00-05:00\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(
        cli, ["notify", "--via", "github-issue", "--now", "2026-11-25", str(folder)]
    )
    assert run.exit_code == 2, (run.output, run.exception)
    assert "not a list of issues" in run.stderr and "Traceback" not in run.output
