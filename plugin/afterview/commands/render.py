"""``afterview render DIR``: what the MkDocs plugin adds to a site, as plain files."""

from __future__ import annotations

from pathlib import Path

import click

from afterview.cli import fail, now_option, records_for_command
from afterview.resources import data_path

CALENDAR_FILE = "agenda.ics"  # as the plugin publishes it
# The files under site_overrides/ that the pages need (main.html loads them for MkDocs).
ASSETS = ("assets/afterview.css", "assets/afterview.js")


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
@click.option(
    "--calendar/--no-calendar",
    default=True,
    show_default=True,
    help=f"Also write {CALENDAR_FILE}, as the plugin's `calendar: true`.",
)
@click.option(
    "--assets/--no-assets",
    default=True,
    show_default=True,
    help="Also write the pages' stylesheet and script: " + ", ".join(ASSETS) + ".",
)
@click.option(
    "--links",
    type=click.Choice(["source", "directory", "flat"]),
    default="source",
    show_default=True,
    help="Links between the generated pages: to the other page's source (.md) path, which"
    " Zensical resolves; or MkDocs' finished URLs (directory: use_directory_urls on;"
    " flat: off), as the plugin writes them.",
)
@now_option
def command(
    directory: Path,
    paths: tuple[str, ...],
    redact: bool,
    publish_private_notes: bool,
    status_page: str,
    calendar: bool,
    assets: bool,
    links: str,
    now: str | None,
) -> None:
    """Write what the MkDocs plugin adds to a site into DIR, for other generators.

    The generated pages as Markdown, byte for byte those the plugin adds
    (status, one page per interview, checks, lessons, offers) but for the
    links between them (--links); agenda.ics, as the
    plugin publishes it; and the stylesheet and script the pages' sortable
    tables and badges need (assets/afterview.css and assets/afterview.js; a
    theme with `custom_dir: site_overrides`, as `afterview init` writes, loads
    them, else list them under extra_css and extra_javascript). Render into
    the docs folder of a site generator that runs no MkDocs plugins, such as
    Zensical: content/usage.md says what that build does not do. PATHS are
    record files or folders; with none, the interviews folder from the
    settings. Existing files with the same names are replaced.
    Exit status 2 when the records cannot be found or read.

    \b
    Example:
      afterview render build/pages --now 2026-11-25T12:00:00-05:00
    """
    from afterview.calendar import site_ics
    from afterview.pages import build_pages

    clock, run = records_for_command(paths, now)
    if run.problems:
        fail("; ".join(run.problems))
    pages = build_pages(run.results, clock, redact, status_page, publish_private_notes, links)
    files = {src_uri: content.encode("utf-8") for src_uri, content in pages.items()}
    if calendar:
        files[CALENDAR_FILE] = site_ics(run.results, clock, redact, publish_private_notes)
    if assets:
        overrides = data_path("site_overrides")
        files.update({name: (overrides / name).read_bytes() for name in ASSETS})
    for src_uri, content in files.items():
        out = directory / src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    extras = len(files) - len(pages)
    more = f" and {extras} other file{'s' * (extras != 1)}" if extras else ""
    click.echo(f"{len(pages)} pages{more} written to {directory}")
