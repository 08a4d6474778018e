"""``afterview export``: one row per interview, as CSV or JSON."""

from __future__ import annotations

from typing import BinaryIO

import click

from afterview.cli import finish, name_skipped, now_option, records_for_command


@click.command("export")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="CSV (UTF-8, header row) or a JSON list of objects.",
)
@click.option(
    "--output",
    "-o",
    type=click.File("wb", atomic=True),
    default="-",
    metavar="FILE",
    help="Write to FILE instead of standard output (replaced all at once).",
)
@now_option
def command(paths: tuple[str, ...], fmt: str, output: BinaryIO, now: str | None) -> None:
    """One row per interview, as CSV or JSON.

    Columns: date, when, company, role, round, format, interviewers (name
    and title), stage, outcome, pay, decision, decision_date,
    thank_you_sent, follow_ups, expected_contact, promise (kept, late,
    broken or open: see `afterview stats`), days_late, first_word, path. A CSV cell
    that a spreadsheet would run as a formula gets a leading apostrophe.
    PATHS are record files or folders; with none, the interviews folder from
    the settings. A record that fails to load is named on standard error and
    skipped.

    \b
    Examples:
      afterview export --output interviews.csv
      afterview export --format json content/interviews
    """
    from afterview import export

    clock, records = records_for_command(paths, now)
    table = export.rows(records.interviews, clock)
    text = export.as_json(table) if fmt == "json" else export.as_csv(table)
    output.write(text.encode("utf-8"))
    output.flush()
    name_skipped(records)
    finish(records)
