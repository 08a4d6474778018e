"""The ``afterview`` command line: a Click group whose commands load on demand.

Each command lives in ``afterview.commands.<name>``, so ``afterview --help``
imports Click and nothing else.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC
from typing import TYPE_CHECKING, Any, NoReturn

import click

from afterview import __version__

if TYPE_CHECKING:
    from afterview.checker import Selection
    from afterview.clock import Clock
    from afterview.records import Records
    from afterview.settings import Settings

COMMANDS = {
    "check": "Validate records and run every rule; print findings.",
    "agenda": "What to do next, soonest first.",
    "new": "Write a new record from a template.",
    "rules": "List the rules, or explain one.",
    "render": "Write the site's generated pages as Markdown into DIR.",
    "export": "One row per interview, as CSV or JSON.",
    "stats": "Across interviews: promises kept, offers side by side, lessons most noted.",
    "init": "Start a new playbook repository in DIR.",
    "draft": "Draft a thank-you note, follow-up script or reply from a record.",
    "notify": "Keep one GitHub issue listing what is due.",
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
        command: click.Command = module.command
        return command

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


# Click's ParamType takes type arguments only in recent releases; older ones cannot subscript it.
class NowType(click.ParamType):  # type: ignore[type-arg]
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

# Every command takes --now (content/usage.md); these commands do not depend on the time,
# so the value is checked and otherwise unused.
now_accepted = click.option(
    "--now",
    type=NowType(),
    envvar="AFTERVIEW_NOW",
    expose_value=False,
    help="Accepted like every command's --now; this command does not depend on the time.",
)


def fail(message: str) -> NoReturn:
    """Print an error to standard error (control characters escaped) and exit with status 2."""
    from afterview.plaintext import terminal

    click.echo(f"afterview: {terminal(message)}", err=True)
    sys.exit(2)


def load_context(now_text: str | None) -> tuple[Settings, Clock]:
    """The settings and the Clock for a command, or exit 2 on invalid settings."""
    from afterview.clock import NowError, clock_for
    from afterview.rules import RULES
    from afterview.settings import SettingsError, load_settings

    try:
        settings = load_settings(known_rules=frozenset(RULES))
        return settings, clock_for(settings, now_text)
    except (SettingsError, NowError) as e:
        fail(f"invalid settings: {e}" if isinstance(e, SettingsError) else str(e))


def records_for_command(
    paths: tuple[str, ...],
    now_text: str | None,
    selection: Selection | None = None,
    keep_interviews: bool = True,
) -> tuple[Clock, Records]:
    """The clock and the checked records of a command's PATHS (default: the interviews folder).

    Exits with status 2 on invalid settings or when PATHS hold no record file.
    With no PATHS, an interviews folder without a record (empty, or not there at
    all: git keeps no empty folder) is an empty playbook: said on standard error,
    and the command goes on with no record (content/usage.md). Paths that could
    not be used are left in ``Records.problems`` for ``finish`` to report.
    """
    from afterview.checker import EVERYTHING
    from afterview.records import Records, read_records

    settings, clock = load_context(now_text)
    if not paths:
        folder = display_path(settings.interviews)
        if not os.path.lexists(settings.interviews):
            records = Records()
        else:
            records = read_records([folder], clock, selection or EVERYTHING, keep_interviews)
        if not records.files and not records.problems:
            note(f"no record yet in {folder} (`afterview new` starts one)")
        return clock, records
    records = read_records(list(paths), clock, selection or EVERYTHING, keep_interviews)
    if not records.files and not records.problems:
        fail(f"no record found in {', '.join(paths)} (looked for *.yaml and *.yml)")
    return clock, records


def note(message: str) -> None:
    """Say something on standard error that does not change the exit status."""
    from afterview.plaintext import terminal

    click.echo(f"afterview: {terminal(message)}", err=True)


def name_skipped(records: Records) -> None:
    """Name on standard error the records that did not load (for commands other than check)."""
    from afterview.plaintext import terminal

    for r in records.skipped:
        for f in r.findings:
            where = f"{f.path}:{f.line}:{f.column}"
            line = f"{where}: {f.message} (record skipped; see `afterview check`)"
            click.echo(terminal(line), err=True)


def finish(records: Records, status: int = 0) -> NoReturn:
    """Name the paths that could not be used; exit 2 if any, else with status."""
    from afterview.plaintext import terminal

    for problem in records.problems:
        click.echo(f"afterview: {terminal(problem)}", err=True)
    sys.exit(2 if records.problems else status)


def display_path(path: str | os.PathLike[str]) -> str:
    """A settings path as the user would type it: relative to the working folder if inside it."""
    relative = os.path.relpath(path)
    return os.fspath(path) if relative.startswith("..") else relative


def main() -> None:
    cli(prog_name="afterview")
