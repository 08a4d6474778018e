"""``afterview agenda``: every open action, overdue first, then soonest."""

from __future__ import annotations

import json
import textwrap
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

import click

from afterview.cli import finish, name_skipped, now_option, records_for_command

if TYPE_CHECKING:
    from afterview.agenda import Item

WIDTH = 80


@click.command("agenda")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--days",
    type=click.IntRange(min=0),
    default=14,
    show_default=True,
    help="How many days ahead to look; overdue items and items without a due date always show.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "ics", "markdown"]),
    default="text",
    show_default=True,
    help="Output format: text, json, an iCalendar file (ics), or markdown (for issues and notes).",
)
@now_option
def command(paths: tuple[str, ...], days: int, fmt: str, now: str | None) -> None:
    """What to do next: every open action, overdue first, then soonest.

    Thank-you notes, reflections, follow-up calls, next steps you promised,
    offer answers and upcoming interviews, with the deadlines `afterview check`
    uses. PATHS are record files or folders; with none, the interviews folder
    from the settings. A record that fails to load is named on standard error
    and skipped.

    \b
    Examples:
      afterview agenda --days 7
      afterview agenda --format ics > agenda.ics
      afterview agenda --format markdown > agenda.md
    """
    from afterview.agenda import agenda

    clock, records = records_for_command(paths, now)
    items = agenda(records.interviews, clock, days)
    if fmt == "json":
        doc = {"now": clock.echo, "items": [i.as_json() for i in items]}
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    elif fmt == "ics":
        from afterview.calendar import agenda_ics

        click.echo(agenda_ics(items, clock), nl=False)  # bytes: written as they are
    elif fmt == "markdown":
        from afterview.agenda_markdown import render_markdown

        click.echo(render_markdown(items, clock.now, days), nl=False)
    else:
        click.echo(render_text(items, clock.now, days), nl=False)
    name_skipped(records)
    finish(records)


def clean(text: str) -> str:
    """User text on one line, without control characters a terminal would obey."""
    text = " ".join(text.split())
    return "".join("?" if unicodedata.category(c) == "Cc" else c for c in text)


def _path(path: str, width: int) -> str:
    """The path, cut at the left with an ellipsis if it is wider than width."""
    path = clean(path)
    return path if len(path) <= width else "…" + path[-(width - 1) :]


def _block(item: Item, now: datetime) -> list[str]:
    from afterview.wording import moment, relative

    indent = "  "
    if item.due is None:
        first = f"* no due date  {item.action}"
    else:
        first = f"* {moment(item.due, now.tzinfo)}  {item.action}, {relative(item.due, now)}"
    wrap = textwrap.TextWrapper(
        width=WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )
    lines = [first]
    lines += wrap.wrap(clean(item.detail))
    lines += wrap.wrap(f"{clean(item.company)} — {clean(item.role)}")
    lines.append(indent + _path(item.path, WIDTH - len(indent)))
    return lines


def render_text(items: list[Item], now: datetime, days: int) -> str:
    """The agenda for a terminal: at most 80 columns, readable without colour."""
    from afterview.wording import moment

    overdue = sum(1 for i in items if i.overdue)
    noun = "item" if len(items) == 1 else "items"
    window = "the next day" if days == 1 else f"the next {days} days"
    head = f"Agenda at {moment(now, now.tzinfo)}, {window}: {len(items)} {noun}, {overdue} overdue"
    lines = textwrap.wrap(head, WIDTH)
    if not items:
        lines += ["", f"Nothing to do in {window}."]
    sections = (
        ("OVERDUE", [i for i in items if i.overdue]),
        ("COMING UP", [i for i in items if not i.overdue and i.due is not None]),
        ("NO DUE DATE", [i for i in items if i.due is None]),
    )
    for title, group in sections:
        if not group:
            continue
        lines += ["", title]
        for n, item in enumerate(group):
            lines += [""] * (n > 0) + _block(item, now)
    return "\n".join(lines) + "\n"
