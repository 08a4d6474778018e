"""``afterview stats``: across interviews, the promises kept, the offers and the lessons."""

from __future__ import annotations

import json

import click

from afterview.cli import finish, name_skipped, now_option, records_for_command


@click.command("stats")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format: text, or one JSON object.",
)
@now_option
def command(paths: tuple[str, ...], fmt: str, now: str | None) -> None:
    """Across interviews: did each company get in touch by the day it named,
    and the lessons you noted most often.

    A promise is kept when their first word (an offer or rejection, a
    follow-up by them, or a follow-up of yours they answered) came by the
    day in closing.expected_contact; late, by how many days; broken when
    that day has passed with no word; open before it. PATHS are record
    files or folders; with none, the interviews folder from the settings.

    \b
    Examples:
      afterview stats
      afterview stats --format json --now 2026-11-25
    """
    from afterview import stats
    from afterview.plaintext import terminal

    clock, records = records_for_command(paths, now)
    interviews = list(records.interviews)
    if fmt == "json":
        click.echo(json.dumps(stats.as_json(interviews, clock), indent=2, ensure_ascii=False))
    else:
        text = stats.as_text(interviews, clock)
        click.echo("\n".join(terminal(line) for line in text.splitlines()))
    name_skipped(records)
    finish(records)
