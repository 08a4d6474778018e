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

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, SEVERITY_ORDER[self.severity], self.rule)

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "due": self.due.isoformat() if self.due else None,
        }
