"""The one library path for records: find, load, check and model them.

``read_records`` is what every command and the site plugin call: the paths
(record files or folders, searched as ``afterview.discover`` says) are read,
each file is checked (load → validate → model → rules → findings) and the
results come back with the paths that could not be used. Nothing here prints
or exits; the command line decides what to say (``afterview.cli``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from afterview.checker import EVERYTHING, FileResult, Selection, check_files
from afterview.clock import Clock
from afterview.discover import discover
from afterview.findings import Finding
from afterview.model import Interview


@dataclass
class Records:
    """Every record file found under the paths, checked, and the paths that failed."""

    results: list[FileResult] = field(default_factory=list)  # path order
    problems: list[str] = field(default_factory=list)  # "path: why it could not be used"

    @property
    def files(self) -> int:
        """How many record files were read."""
        return len(self.results)

    @property
    def interviews(self) -> list[Interview]:
        """The records that loaded (schema findings or not)."""
        return [r.interview for r in self.results if r.interview is not None]

    @property
    def skipped(self) -> list[FileResult]:
        """The records that did not load (``yaml-syntax``, ``duplicate-key``)."""
        return [r for r in self.results if r.interview is None]

    @property
    def findings(self) -> list[Finding]:
        """Every finding, sorted by path, line and column."""
        return sorted((f for r in self.results for f in r.findings), key=Finding.sort_key)


def read_records(
    paths: Iterable[str],
    clock: Clock,
    selection: Selection = EVERYTHING,
    keep_interviews: bool = True,
) -> Records:
    """Find, load, check and model the records under paths (files or folders).

    ``keep_interviews=False`` keeps the findings only (``afterview check`` at
    10,000 records: about 30 MB instead of 270 MB); ``interviews`` is then empty.
    """
    found = discover(list(paths))
    run = check_files(found.files, clock, selection, keep_interviews)
    return Records(run.results, found.errors + run.errors)
