"""PyYAML's parser as the loader uses it, typed in this one place.

types-PyYAML describes PyYAML's classes one by one, so two things the loader
relies on are not in it:

- what ``yaml.reader.Reader`` gives ``yaml.scanner.Scanner`` once a class
  combines them (``peek``, ``prefix``, ``forward``, ``get_mark`` and the
  position in the buffer): ``ReadingScanner`` declares them for the fallback
  scanner (``scanner.py``), which ``FallbackParser`` mixes with the Reader;
- that both parsers, libyaml's and the pure-Python one, give every event its
  marks (the stubs allow None): ``start_of`` and ``end_of`` return them as ``Where``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import yaml
from yaml.scanner import Scanner


class Where(Protocol):
    """A mark of either parser: 0-based index, line and column in the text."""

    @property
    def index(self) -> int: ...

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class Events(Protocol):
    """A parser, as the composer reads it: one event after another (None past the end)."""

    def get_event(self) -> yaml.Event | None: ...


def start_of(event: yaml.Event) -> Where:
    """Where event starts (both parsers set it on every event)."""
    mark = event.start_mark
    assert mark is not None, "PyYAML's parsers mark every event"
    return mark


def end_of(event: yaml.Event) -> Where:
    """Where event ends (both parsers set it on every event)."""
    mark = event.end_mark
    assert mark is not None, "PyYAML's parsers mark every event"
    return mark


class ReadingScanner(Scanner):
    """PyYAML's Scanner with the members yaml.reader.Reader adds beside it at run time."""

    if TYPE_CHECKING:
        buffer: str
        pointer: int
        index: int
        line: int
        column: int

        def peek(self, index: int = 0) -> str: ...

        def prefix(self, length: int = 1) -> str: ...

        def forward(self, length: int = 1) -> None: ...

        def get_mark(self) -> yaml.Mark: ...

        def scan_line_break(self) -> str: ...
