"""``afterview render DIR``: the site's generated pages as Markdown files."""

from __future__ import annotations

from pathlib import Path

import click

from afterview.cli import display_path, fail, load_context, now_option


@click.command("render")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--redact", is_flag=True, help="Initials for interviewers; no emails or phones.")
@click.option(
    "--status-page",
    default="status.md",
    show_default=True,
    help="Where the status page goes, relative to DIR.",
)
@now_option
def command(directory: Path, redact: bool, status_page: str, now: str | None) -> None:
    """Write the site's generated pages as Markdown into DIR.

    The same pages, byte for byte, that the MkDocs plugin adds to the site
    (status, one page per interview, checks, lessons), for site generators that
    run no MkDocs plugins. Existing files with the same names are replaced.
    Exit status 2 when the records cannot be found or read.

    \b
    Example:
      afterview render build/pages --now 2026-11-25T12:00:00-05:00
    """
    from afterview.checker import check_files
    from afterview.discover import discover
    from afterview.pages import build_pages

    settings, clock = load_context(now)
    target = display_path(settings.interviews)
    found = discover([target])
    if found.errors:
        fail("; ".join(found.errors))
    if not found.files:
        fail(f"no record found in {target} (looked for *.yaml and *.yml)")
    run = check_files(found.files, clock)
    if run.errors:
        fail("; ".join(run.errors))
    pages = build_pages(run.results, clock, redact, status_page)
    for src_uri, content in pages.items():
        out = directory / src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content.encode("utf-8"))
    click.echo(f"{len(pages)} pages written to {directory}")
