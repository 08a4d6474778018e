"""The checks reference: an index and one page per rule, from the rules' docstrings."""

from __future__ import annotations

from afterview.pages.cards import card_table
from afterview.pages.common import CHECKS_DIR
from afterview.pages.markup import Md, esc, md, page, page_link, rel
from afterview.rules import RULES
from afterview.rules.base import Rule
from afterview.settings import Settings

INDEX = f"{CHECKS_DIR}/index.md"


def rule_page(rule_id: str) -> str:
    return f"{CHECKS_DIR}/{rule_id}.md"


def _severity(rule: Rule, settings: Settings) -> Md:
    own = settings.severity.get(rule.id)
    if own and own != rule.severity:
        return md("{} by default; <strong>{}</strong> in this playbook", rule.severity, own)
    return esc(rule.severity)


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
    ]
    rows = [
        (
            page_link(md('<code class="av-rule">{}</code>', rule.id), INDEX, rule_page(rule.id)),
            _severity(rule, settings),
            rule.kind,
            page_link(rule.step_title, INDEX, rule.step_page),
            rule.summary,
        )
        for rule in RULES.values()
    ]
    table = card_table(("Check", "Severity", "Kind", "Playbook step", "Reports"), rows)
    return "\n".join(lines) + "\n" + page(table) + "\n"


def checks_pages(settings: Settings) -> dict[str, str]:
    pages = {INDEX: render_index(settings)}
    for rule in RULES.values():
        pages[rule_page(rule.id)] = render_rule(rule, settings)
    return pages
