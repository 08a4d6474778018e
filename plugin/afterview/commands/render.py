"""``afterview render DIR``: the site's generated pages as Markdown files."""

from __future__ import annotations

from pathlib import Path

import click

from afterview.cli import fail, now_option, records_for_command


@click.command("render")
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--redact",
    is_flag=True,
    help="As the plugin's `redact: true`: initials for people, no emails, phone numbers"
    " or known names anywhere; offer terms, feedback, reflections and notes withheld.",
)
@click.option(
    "--publish-private-notes",
    is_flag=True,
    help="With --redact: publish offer terms, feedback, reflections and notes after all.",
)
@click.option(
    "--status-page",
    default="status.md",
    show_default=True,
    help="Where the status page goes, relative to DIR.",
)
@now_option
def command(
    directory: Path,
    paths: tuple[str, ...],
    redact: bool,
    publish_private_notes: bool,
    status_page: str,
    now: str | None,
) -> None:
    """Write the site's generated pages as Markdown into DIR.

    The same pages, byte for byte, that the MkDocs plugin adds to the site
    (status, one page per interview, checks, lessons), for site generators that
    run no MkDocs plugins. PATHS are record files or folders; with none, the
    interviews folder from the settings. Existing files with the same names
    are replaced.
    Exit status 2 when the records cannot be found or read.

    \b
    Example:
      afterview render build/pages --now 2026-11-25T12:00:00-05:00
    """
    from afterview.pages import build_pages

    clock, run = records_for_command(paths, now)
    if run.problems:
        fail("; ".join(run.problems))
    pages = build_pages(run.results, clock, redact, status_page, publish_private_notes)
    for src_uri, content in pages.items():
        out = directory / src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content.encode("utf-8"))
    click.echo(f"{len(pages)} pages written to {directory}")
