"""``afterview check``: validate records and run every rule."""

from __future__ import annotations

import os
import sys

import click

from afterview.cli import now_option, records_for_command
from afterview.reports import REPORTERS


def _ids(value: str | None, option: str) -> frozenset[str] | None:
    if value is None:
        return None
    import difflib

    from afterview.rules import RULES

    ids = frozenset(x.strip() for x in value.split(",") if x.strip())
    for rule_id in sorted(ids):
        if rule_id not in RULES:
            close = difflib.get_close_matches(rule_id, list(RULES), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise click.BadParameter(f"unknown rule id {rule_id!r}{hint}", param_hint=option)
    return ids


def _kinds(value: str) -> frozenset[str]:
    """The kinds named by --fail-on: a comma-separated list of record, deadline; or none."""
    from afterview.rules.base import KINDS

    names = [x.strip().lower() for x in value.split(",") if x.strip()]
    if names == ["none"]:
        return frozenset()
    for name in names:
        if name not in KINDS:
            raise click.BadParameter(
                f"{name!r} is not a kind of finding; use {', '.join(KINDS)} or none"
                " (e.g. --fail-on record)",
                param_hint="--fail-on",
            )
    if not names:
        raise click.BadParameter("name at least one kind, or none", param_hint="--fail-on")
    return frozenset(names)


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(REPORTERS)),
    default="text",
    show_default=True,
    help="Output format: text groups findings by file and shows each line;"
    " concise is one line per finding (path:line:col: severity rule message).",
)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit status 1).")
@click.option(
    "--fail-on",
    "fail_on",
    metavar="KIND,...",
    default="record,deadline",
    show_default=True,
    help="Kinds of finding that fail (exit status 1): record (the file is wrong),"
    " deadline (a step is due or overdue), or none.",
)
@click.option("--select", metavar="ID,...", help="Report only these rules.")
@click.option("--ignore", metavar="ID,...", help="Do not report these rules.")
@now_option
@click.option("--quiet", "-q", is_flag=True, help="Print the summary only (text, concise).")
@click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set).")
def command(
    paths: tuple[str, ...],
    fmt: str,
    strict: bool,
    fail_on: str,
    select: str | None,
    ignore: str | None,
    now: str | None,
    quiet: bool,
    no_color: bool,
) -> None:
    """Validate records and run every rule; print findings.

    PATHS are record files or folders (searched for *.yaml and *.yml); with
    none, the interviews folder from the settings. Exit status: 0 no error,
    1 an error (or a warning with --strict) of a kind in --fail-on, 2 the
    check could not run. Every finding is printed whatever --fail-on says;
    `--fail-on record` passes a valid record whose deadlines have passed.

    \b
    Examples:
      afterview check content/interviews --strict
      afterview check --format json --now 2026-11-25T12:00:00-05:00
    """
    from afterview import reports
    from afterview.checker import Selection
    from afterview.plaintext import terminal

    selection = Selection(_ids(select, "--select"), _ids(ignore, "--ignore") or frozenset())
    kinds = _kinds(fail_on)
    clock, run = records_for_command(paths, now, selection, keep_interviews=False)
    errors = run.problems
    findings = run.findings
    color = sys.stdout.isatty() and not no_color and not os.environ.get("NO_COLOR")
    paths_read = [r.path for r in run.results]
    report = reports.Report(findings, paths_read, clock.echo, color=color, quiet=quiet)
    out = reports.REPORTERS[fmt](report)
    click.echo(out, nl=False)
    for error in errors:
        click.echo(f"afterview: {terminal(error)}", err=True)
    if errors:
        sys.exit(2)
    failing = {"error", "warning"} if strict else {"error"}
    sys.exit(1 if any(f.severity in failing and f.kind in kinds for f in findings) else 0)
