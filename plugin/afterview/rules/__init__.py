"""The rule catalogue: one module per family of rules, in the order of the playbook."""

from __future__ import annotations

# Importing registers the rules, in the order of the playbook: keep this order.
# isort: off
from afterview.rules import (  # noqa: F401
    loading,
    interviewers,
    closing,
    thank_you,
    reflection,
    follow_up,
    offer,
    rejection,
    dates,
)

# isort: on
from afterview.rules.base import REGISTRY, Rule

RULES: dict[str, Rule] = {r.id: r for r in REGISTRY}
# The rule that reports each agenda action once overdue (``Rule.action``).
ACTION_RULES: dict[str, str] = {r.action: r.id for r in REGISTRY if r.action}
