"""The checks reference: an index and one page per rule, from the rules' docstrings."""

from __future__ import annotations

from afterview.pages.common import CHECKS_DIR
from afterview.pages.markup import cell, esc, rel
from afterview.rules import RULES
from afterview.rules.base import Rule
from afterview.settings import Settings

INDEX = f"{CHECKS_DIR}/index.md"


def rule_page(rule_id: str) -> str:
    return f"{CHECKS_DIR}/{rule_id}.md"


def _severity(rule: Rule, settings: Settings) -> str:
    own = settings.severity.get(rule.id)
    if own and own != rule.severity:
        return f"{rule.severity} by default; **{own}** in this playbook"
    return rule.severity


def render_rule(rule: Rule, settings: Settings) -> str:
    """One rule's page: its id, severity, playbook step, then its documentation."""
    page = rule_page(rule.id)
    step = f"[{esc(rule.step_title)}]({rel(page, rule.step_page)})"
    return (
        f"# {rule.id}\n\n"
        f"**Severity:** {_severity(rule, settings)} · **Kind:** {rule.kind} · "
        f"**Playbook step:** {step} · "
        f"[All checks]({rel(page, INDEX)})\n\n"
        f"{rule.doc}\n"
    )


def render_index(settings: Settings) -> str:
    """Every rule in playbook order, with its severity, step and summary."""
    lines = [
        "# Checks",
        "",
        "Every check `afterview check` runs, in the order of the playbook. The same text is",
        "printed by `afterview rules ID`.",
        "",
        "Each check is of one of two kinds. A *record* finding says the record is wrong or",
        "incomplete: its errors stop the pre-commit hook and `mkdocs build --strict`. A",
        "*deadline* finding says a step is due or overdue: it is flagged loudly but never",
        "stops a commit or the site from being published.",
        "",
        "| Check | Severity | Kind | Playbook step | Reports |",
        "|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        step = f"[{esc(rule.step_title)}]({rel(INDEX, rule.step_page)})"
        lines.append(
            f"| [`{rule.id}`]({rel(INDEX, rule_page(rule.id))}) "
            f"| {cell(_severity(rule, settings))} | {rule.kind} | {cell(step)} "
            f"| {cell(esc(rule.summary))} |"
        )
    return "\n".join(lines) + "\n"


def checks_pages(settings: Settings) -> dict[str, str]:
    pages = {INDEX: render_index(settings)}
    for rule in RULES.values():
        pages[rule_page(rule.id)] = render_rule(rule, settings)
    return pages
