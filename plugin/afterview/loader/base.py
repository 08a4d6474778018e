"""What loading produces and the limits it keeps: records, problems, positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_BYTES = 1_048_576
MAX_DEPTH = 50
MAX_VALUES = 20_000

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line, column


@dataclass
class LoadProblem:
    """Why a file could not be loaded: a yaml-syntax or duplicate-key finding."""

    rule: str
    line: int
    column: int
    message: str


@dataclass
class Record:
    """A loaded record: plain data plus where each value and key stands."""

    data: dict[str, Any]
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)
    # Where a '#' cut a plain text value short (``loader/comments.py``): line, column.
    cuts: list[Mark] = field(default_factory=list)

    def mark(self, path: Path_) -> Mark:
        """Where the value at path starts (the nearest known ancestor, else 1:1)."""
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))

    def key_mark(self, path: Path_) -> Mark:
        """Where the key of path stands, falling back to its value."""
        return self.key_marks.get(path) or self.mark(path)


class Problem(Exception):
    def __init__(self, message: str, mark: Any = None, rule: str = "yaml-syntax") -> None:
        super().__init__(message)
        self.message = message
        self.line = mark.line + 1 if mark is not None else 1
        self.column = mark.column + 1 if mark is not None else 1
        self.rule = rule


@dataclass
class Pos:
    line: int
    column: int


def too_many(mark: Any) -> Problem:
    return Problem(
        f"the record holds more than {MAX_VALUES:,} values (counting what aliases expand to);"
        " records are refused past that size",
        mark,
    )


def too_deep(mark: Any) -> Problem:
    return Problem(f"values are nested more than {MAX_DEPTH} levels deep", mark)
