"""Every command's --help fits an 80-column terminal and names its arguments one way."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from afterview.cli import cli

COMMANDS = cli.list_commands(click.Context(cli))
# Commands that read records: each takes the same optional PATHS (files or folders).
READERS = [c for c in ("check", "agenda", "export", "render", "notify") if c in COMMANDS]


def _help(*args: str, columns: int = 80) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_fits_80_columns(command: str) -> None:
    text = _help(*([command] if command else []))
    too_wide = [line for line in text.splitlines() if len(line) > 80]
    assert not too_wide, too_wide


@pytest.mark.parametrize("command", READERS)
def test_record_readers_take_the_same_paths(command: str) -> None:
    cmd = cli.get_command(click.Context(cli), command)
    assert cmd is not None
    paths = [p for p in cmd.params if isinstance(p, click.Argument) and p.name == "paths"]
    assert len(paths) == 1, command
    assert paths[0].nargs == -1 and not paths[0].required
    assert re.search(r"\[PATHS\]\.\.\.$", _help(command).splitlines()[0])
    assert "PATHS are record files or folders" in " ".join(_help(command).split())


@pytest.mark.parametrize("command", ["render", "init"])
def test_dir_is_called_dir(command: str) -> None:
    text = _help(command)
    assert " DIR" in text.splitlines()[0]
    assert "DIRECTORY" not in text
