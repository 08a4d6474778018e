"""The ``afterview`` command line: a Click group whose commands load on demand.

Each command lives in ``afterview.commands.<name>``, so ``afterview --help``
imports Click and nothing else.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from typing import Any

import click

from afterview import __version__

COMMANDS = {
    "check": "Validate records and run every rule; print findings.",
    "agenda": "What to do next, soonest first.",
    "new": "Write a new record from a template.",
    "rules": "List the rules, or explain one.",
    "render": "Write the site's generated pages as Markdown into DIR.",
    "export": "One row per interview, as CSV or JSON.",
    "init": "Start a new playbook repository in DIR.",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _module_exists(name)]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not _module_exists(name):
            return None
        import importlib

        module = importlib.import_module(f"afterview.commands.{name}")
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _module_exists(name: str) -> bool:
    here = os.path.join(os.path.dirname(__file__), "commands", f"{name}.py")
    return os.path.exists(here)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="afterview")
def cli() -> None:
    """Afterview: the steps after a job interview, checked.

    One YAML file per interview; `afterview check` says which step you have
    missed, `afterview agenda` what is due next.

    \b
    Example:
      afterview check content/interviews
    """


class NowType(click.ParamType):
    """--now: an ISO 8601 date-time (offset optional) or a date."""

    name = "DATETIME"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        from afterview.moments import parse_now

        if isinstance(value, str) and parse_now(value, UTC) is not None:
            return value.strip()
        self.fail(
            f"{value!r} is not a date-time; expected e.g. 2026-11-25T12:00:00-05:00,"
            " 2026-11-25T12:00 or 2026-11-25",
            param,
            ctx,
        )


now_option = click.option(
    "--now",
    type=NowType(),
    envvar="AFTERVIEW_NOW",
    help="Reference time instead of the clock: 2026-11-25T12:00:00-05:00, 2026-11-25T12:00"
    " (playbook time zone) or 2026-11-25 (its 00:00). Also AFTERVIEW_NOW.",
)

# Every command takes --now (cli.md); these commands do not depend on the time,
# so the value is checked and otherwise unused.
now_accepted = click.option(
    "--now",
    type=NowType(),
    envvar="AFTERVIEW_NOW",
    expose_value=False,
    help="Accepted like every command's --now; this command does not depend on the time.",
)


def fail(message: str) -> None:
    """Print an error to standard error and exit with status 2."""
    click.echo(f"afterview: {message}", err=True)
    sys.exit(2)


def load_context(now_text: str | None) -> tuple[Any, Any]:
    """The settings and the Clock for a command, or exit 2 on invalid settings."""
    from afterview.deadlines import Clock
    from afterview.moments import parse_now
    from afterview.rules import RULES
    from afterview.settings import SettingsError, load_settings

    try:
        settings = load_settings(known_rules=frozenset(RULES))
    except SettingsError as e:
        fail(f"invalid settings: {e}")
    tz = settings.tz
    now = parse_now(now_text, tz) if now_text else datetime.now(tz)
    return settings, Clock.at(now, settings)


def display_path(path: Any) -> str:
    """A settings path as the user would type it: relative to the working folder if inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def main() -> None:
    cli(prog_name="afterview")
