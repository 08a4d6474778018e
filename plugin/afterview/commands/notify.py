"""``afterview notify --via github-issue``: one open issue listing what is due."""

from __future__ import annotations

from pathlib import Path

import click

from afterview.cli import fail, finish, name_skipped, now_option, records_for_command
from afterview.records import Records


@click.command("notify")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--via",
    type=click.Choice(["github-issue"]),
    required=True,
    help="Where to send the nudge: github-issue (through the gh command).",
)
@click.option(
    "--days",
    type=click.IntRange(min=0),
    default=7,
    show_default=True,
    help="How many days ahead count as due; overdue items always count.",
)
@click.option(
    "--site-url",
    metavar="URL",
    help="The published site (http or https), to link each item to its page."
    " Default: site_url in mkdocs.yml.",
)
@click.option(
    "--redact/--no-redact",
    default=None,
    help="Redact the issue as the site is redacted. Default: the `redact` option of the"
    " afterview plugin in mkdocs.yml; redacted when it cannot be told.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print the issue body that would be written, and call nothing.",
)
@now_option
def command(
    paths: tuple[str, ...],
    via: str,
    days: int,
    site_url: str | None,
    redact: bool | None,
    dry_run: bool,
    now: str | None,
) -> None:
    """Keep one open GitHub issue, labelled `afterview`, listing what is due.

    Creates the issue when something is overdue or due within --days and
    none is open; when the agenda changed, edits it and comments on what
    became due or overdue (GitHub notifies watchers of new issues and
    comments); closes it when nothing is due. Talks to GitHub only through
    `gh` (authenticated by GH_TOKEN); a missing or failing `gh` exits with
    status 2. PATHS are record files or folders; with none, the interviews
    folder from the settings.

    \b
    Examples:
      afterview notify --via github-issue
      afterview notify --via github-issue --days 3 --dry-run
    """
    from afterview.agenda import agenda
    from afterview.notify import GhError, Site, issue_body, sync
    from afterview.pages.common import entries
    from afterview.plaintext import terminal
    from afterview.site_settings import read_site_config, safe_site_url

    clock, records = records_for_command(paths, now)
    source = clock.settings.source
    folder = source.parent if source is not None else Path.cwd()
    config = read_site_config(folder / "mkdocs.yml")
    url = config.site_url
    if site_url is not None:
        url = safe_site_url(site_url)
        if url is None:
            fail(f"--site-url {site_url!r} is not an http or https address")
    if redact is None:
        redact = True if config.redact is None else config.redact
    results = records.results
    if redact:
        from afterview.redact import redact_results

        results = redact_results(results)
        # The records skipped are named as redacted too: a CI log is public.
        records = Records(results, records.problems)
    interviews = [r.interview for r in results if r.interview is not None]
    items = [i for i in agenda(interviews, clock, days) if i.due is not None]
    site = None
    if url is not None:
        pages = {e.result.path: e.page for e in entries(results)}
        site = Site(url, config.status_page, config.directory_urls, config.calendar, pages)
    if dry_run:
        click.echo(issue_body(items, clock.now, days, site), nl=False)
    else:
        try:
            outcome = sync(items, clock.now, days, site=site)
        except GhError as e:
            name_skipped(records)
            for problem in records.problems:
                click.echo(f"afterview: {terminal(problem)}", err=True)
            fail(str(e))
        for number in outcome.closed_duplicates:
            click.echo(f"closed duplicate issue #{number}")
        where = f"#{outcome.number}" if outcome.number else "the issue"
        click.echo(
            {
                "created": f"created issue {outcome.url or where}",
                "updated": f"updated issue {where}"
                + (" and commented on what became due" if outcome.commented else ""),
                "unchanged": f"issue {where} is up to date",
                "closed": f"closed issue {where}: nothing is due",
                "nothing": "nothing is due and no issue is open",
            }[outcome.action]
        )
    name_skipped(records)
    finish(records)
