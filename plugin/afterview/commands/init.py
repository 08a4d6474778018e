"""``afterview init DIR``: scaffold a new playbook repository."""

from __future__ import annotations

import click

from afterview.cli import fail, now_accepted


def _at_terminal() -> bool:
    """True when a person can answer questions (standard input is a terminal)."""
    import sys

    return sys.stdin.isatty()


def _ask_timezone(default: str) -> str:
    """Ask at the terminal until the answer is an IANA time zone name; an abbreviation
    such as EST is kept only once confirmed after a warning."""
    from afterview.scaffold import zone_problem, zone_warning

    def checked(text: str) -> str:
        name = text.strip()
        problem = zone_problem(name)
        if problem:
            raise click.BadParameter(problem)
        return name

    while True:
        name = click.prompt(
            "Time zone of your playbook (IANA name, such as Europe/Paris)",
            default=default,
            value_proc=checked,
        )
        warning = zone_warning(name)
        if warning is None:
            return name
        click.echo(f"Warning: {warning}", err=True)
        if click.confirm(f"Keep {name}?", default=False, err=True):
            return name


@click.command("init")
@now_accepted
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False))
@click.option(
    "--timezone",
    help="IANA time zone of the playbook (asked at a terminal; default: this machine's).",
)
@click.option(
    "--requirement",
    metavar="REQ",
    help="What requirements.txt installs, e.g. 'afterview @ git+https://…@v0.1.0'"
    " (default: where this afterview was installed from, when a workflow can reach it).",
)
def command(directory: str, timezone: str | None, requirement: str | None) -> None:
    """Start a new playbook repository in DIR.

    Writes mkdocs.yml with the afterview plugin, the guidance pages and one
    example record under content/, the schema, afterview.toml with your time
    zone, a GitHub Actions workflow, a pre-commit configuration,
    requirements.txt and a .gitignore. Never overwrites: if any of those files
    exists, nothing is written and the exit status is 2.

    requirements.txt gets --requirement, or where this afterview was installed
    from (a git URL and commit); when that is a folder on this machine, a
    placeholder that the workflow refuses until you fill it in.

    \b
    Example:
      afterview init my-playbook --timezone Europe/Paris
    """
    from afterview.scaffold import (
        ScaffoldError,
        default_timezone,
        installed_requirement,
        plan,
        write,
        zone_warning,
    )

    asked = timezone is None and _at_terminal()
    if timezone is None:
        timezone = _ask_timezone(default_timezone()) if asked else default_timezone()
    source = "--requirement"
    if requirement is None:
        requirement, source = installed_requirement()
    try:
        files = plan(directory, timezone, requirement)
        write(directory, files)
    except ScaffoldError as e:
        fail(str(e))
    warning = None if asked else zone_warning(timezone)
    if warning:
        click.echo(f"afterview: warning: {warning}", err=True)
    click.echo(f"Started a playbook in {directory}: {len(files)} files.")
    if requirement:
        click.echo(f"requirements.txt installs {requirement} (from {source}).")
    else:
        click.echo(
            "afterview: requirements.txt holds only a placeholder: this afterview came from"
            f" {source}. Before the workflow can run, put one line there saying where to"
            " install Afterview from, such as"
            " 'afterview @ git+https://github.com/OWNER/afterview@v0.1.0'"
            " (or run init again with --requirement).",
            err=True,
        )
    click.echo(
        "Next: cd into it, run `afterview check` and `mkdocs serve`,"
        " and `git init` if it is not a repository yet."
    )
