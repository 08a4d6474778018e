"""Shell completion (bash, as documented in content/usage.md) and --help on every command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from afterview.cli import cli

MINE = ("agenda", "new", "rules", "export")


def complete(words: str, cword: int) -> list[str]:
    env = dict(
        os.environ, _AFTERVIEW_COMPLETE="bash_complete", COMP_WORDS=words, COMP_CWORD=str(cword)
    )
    result = subprocess.run(
        [sys.executable, "-m", "afterview"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return [line.split(",", 1)[1] for line in result.stdout.splitlines()]


def test_bash_completes_a_command() -> None:
    assert "check" in complete("afterview ch", 1)


def test_bash_completes_every_command() -> None:
    offered = complete("afterview ", 1)
    for name in ("check", *MINE):
        assert name in offered


def test_bash_completes_rule_ids_and_options() -> None:
    assert complete("afterview rules thank-you-o", 2) == ["thank-you-overdue"]
    assert "--days" in complete("afterview agenda --d", 2)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell: str) -> None:
    env = dict(os.environ, _AFTERVIEW_COMPLETE=f"{shell}_source")
    result = subprocess.run(
        [sys.executable, "-m", "afterview"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "_AFTERVIEW_COMPLETE" in result.stdout


@pytest.mark.parametrize("name", MINE)
def test_help_has_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"], prog_name="afterview")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"afterview {name}" in result.stdout


def test_usage_page_documents_commands_and_completion() -> None:
    from pathlib import Path

    from afterview.cli import COMMANDS

    page = (Path(__file__).resolve().parents[1] / "content" / "usage.md").read_text("utf-8")
    for name in COMMANDS:
        assert f"`{name}" in page, name
    for shell in ("bash", "zsh", "fish"):
        assert f"_AFTERVIEW_COMPLETE={shell}_source afterview" in page
