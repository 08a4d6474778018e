"""A finding: one rule's verdict on one place in one file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    severity: str  # error | warning | info
    message: str
    due: datetime | None = None
    # "record" or "deadline" (content/usage.md, "Two kinds of findings"); left empty,
    # it is the rule's own kind.
    kind: str = ""

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", kind_of(self.rule))

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.line, self.column, SEVERITY_ORDER[self.severity], self.rule)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "due": self.due.isoformat() if self.due else None,
            "kind": self.kind,
        }


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings at each severity (every severity present, zero or not)."""
    out = dict.fromkeys(SEVERITY_ORDER, 0)
    for f in findings:
        out[f.severity] += 1
    return out


def kind_of(rule_id: str) -> str:
    """The kind of a rule's findings: its registered kind, "record" for an unknown id."""
    from afterview.rules import RULES
    from afterview.rules.base import RECORD

    rule = RULES.get(rule_id)
    return rule.kind if rule is not None else RECORD
