"""``afterview rules``: list the rules, or explain one."""

from __future__ import annotations

import difflib
import textwrap
from typing import TYPE_CHECKING

import click

from afterview.cli import fail, now_accepted

if TYPE_CHECKING:
    from afterview.rules.base import Rule

WIDTH = 80


def listing(rules: list[Rule]) -> str:
    """One rule per entry: id, default severity, kind and its one-line summary (80 columns)."""
    id_width = max(len(r.id) for r in rules)
    indent = " " * (id_width + 2 + 7 + 2 + 8 + 2)
    lines = []
    for r in rules:
        head = f"{r.id:<{id_width}}  {r.severity:<7}  {r.kind:<8}  "
        wrapped = textwrap.wrap(r.summary, WIDTH - len(indent)) or [""]
        lines.append(head + wrapped[0])
        lines += [indent + line for line in wrapped[1:]]
    return "\n".join(lines) + "\n"


def explain(rule: Rule, width: int | None = None) -> str:
    """A rule's documentation as plain text, headed by its id, severity, kind and playbook step.

    Wrapped to ``width``: the terminal's, at most 80 columns (80 when unknown).
    """
    import shutil

    from afterview.rules.base import KINDS
    from afterview.termtext import render

    if width is None:
        width = min(shutil.get_terminal_size((WIDTH, 24)).columns, WIDTH)
    width = max(width, 40)
    head = [
        f"{rule.id} ({rule.severity} by default)",
        f"Kind: {rule.kind} ({KINDS[rule.kind]})",
        f"Playbook step: {rule.step_title}",
        f"Guide: {rule.step_page} on the playbook site",
    ]
    lines = [x for h in head for x in textwrap.wrap(h, width, subsequent_indent="  ")]
    return "\n".join(lines) + "\n\n" + render(rule.doc, width)


def _complete_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from afterview.rules import RULES

    return [rule_id for rule_id in RULES if rule_id.startswith(incomplete)]


@click.command("rules")
@now_accepted
@click.argument("rule_id", required=False, metavar="[ID]", shell_complete=_complete_ids)
def command(rule_id: str | None) -> None:
    """List the rules, or explain one.

    With no ID, one line per rule: its id, default severity, kind (record:
    the file is wrong or incomplete; deadline: a step is due or overdue) and
    what it reports. With an ID, its documentation: what it checks, why it matters,
    the playbook step, an example and how to fix it. Severities can be
    changed in the settings ([tool.afterview.severity]).

    \b
    Examples:
      afterview rules
      afterview rules thank-you-overdue
    """
    from afterview.rules import RULES

    if rule_id is None:
        click.echo(listing(list(RULES.values())), nl=False)
        return
    rule = RULES.get(rule_id.strip().lower())
    if rule is None:
        closest = difflib.get_close_matches(rule_id.lower(), list(RULES), n=1, cutoff=0.0)
        hint = f"; did you mean {closest[0]}?" if closest else ""
        fail(f"unknown rule id {rule_id!r}{hint} (`afterview rules` lists them all)")
    click.echo(explain(rule), nl=False)
