"""content/usage.md: every command takes --now, and rejects a value that is not a date-time."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from afterview.cli import COMMANDS, cli


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_documents_now(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "--now" in result.output
    assert "Example" in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_rejects_a_bad_now_with_status_2(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--now", "next tuesday"])
    assert result.exit_code == 2
    assert "not a date-time" in result.output


def test_rules_runs_with_now() -> None:
    result = CliRunner().invoke(cli, ["rules", "--now", "2026-11-25"])
    assert result.exit_code == 0 and "thank-you-overdue" in result.output
