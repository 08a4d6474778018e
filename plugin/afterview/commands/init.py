"""``afterview init DIR``: scaffold a new playbook repository."""

from __future__ import annotations

import click

from afterview.cli import fail, now_accepted


@click.command("init")
@now_accepted
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False))
@click.option(
    "--timezone",
    help="IANA time zone of the playbook (asked at a terminal; default: this machine's).",
)
def command(directory: str, timezone: str | None) -> None:
    """Start a new playbook repository in DIR.

    Writes mkdocs.yml with the afterview plugin, the guidance pages and one
    example record under content/, the schema, afterview.toml with your time
    zone, a GitHub Actions workflow, a pre-commit configuration and a
    .gitignore. Never overwrites: if any of those files exists, nothing is
    written and the exit status is 2.

    \b
    Example:
      afterview init my-playbook --timezone Europe/Paris
    """
    import sys

    from afterview.scaffold import ScaffoldError, default_timezone, plan, write

    if timezone is None:
        timezone = default_timezone()
        if sys.stdin.isatty():
            timezone = click.prompt("Time zone of your playbook (IANA name)", default=timezone)
    try:
        files = plan(directory, timezone)
        write(directory, files)
    except ScaffoldError as e:
        fail(str(e))
    click.echo(f"Started a playbook in {directory}: {len(files)} files.")
    click.echo(
        "Next: cd into it, run `afterview check` and `mkdocs serve`,"
        " and `git init` if it is not a repository yet."
    )
