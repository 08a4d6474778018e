"""Check records: load → validate → model → rules → findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from afterview.clock import Clock
from afterview.deadlines import deadlines
from afterview.findings import Finding
from afterview.loader import MAX_BYTES, Path_, ReadError, Record, load_text, read_file
from afterview.model import Interview, build_interview
from afterview.progress import is_upcoming
from afterview.rules import RULES
from afterview.rules.base import ALWAYS, WAIT, Context, Hit
from afterview.schema import schema_findings


@dataclass
class FileResult:
    """One file's findings, and its interview when it loaded; for a file that did not
    load, its text as far as it could be read (redaction reads its people from it)."""

    path: str
    findings: list[Finding]
    interview: Interview | None = None
    raw: str | None = None


@dataclass
class Selection:
    """Which rules to report, after settings and command-line narrowing."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()

    def wants(self, rule_id: str) -> bool:
        return rule_id not in self.ignore and (self.select is None or rule_id in self.select)


EVERYTHING = Selection()


@dataclass
class CheckRun:
    results: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        out = [f for r in self.results for f in r.findings]
        out.sort(key=Finding.sort_key)
        return out


class _Broken:
    """The paths with schema findings, indexed so each question costs O(path length)."""

    def __init__(self) -> None:
        self.paths: set[Path_] = set()  # non-empty paths with a finding
        self.prefixes: set[Path_] = set()  # every non-empty prefix of those
        self.near: set[Path_] = set()  # those paths and their parents
        self._memo: dict[Path_, bool] = {}

    def add(self, path: Path_) -> None:
        self._memo.clear()
        if not path:
            return  # a finding about the whole record holds nothing back
        self.paths.add(path)
        self.prefixes.update(path[:k] for k in range(1, len(path) + 1))
        self.near.update((path, path[:-1]))

    def _inside(self, path: Path_) -> bool:
        """True if path is a broken path or lies inside one."""
        return any(path[:k] in self.paths for k in range(1, len(path) + 1))

    def holds_back(self, hit: Hit) -> bool:
        """True if a schema finding stands on a field the hit rests on (see ``Hit.reads``).

        Without ``reads``: on the hit's value, inside it, or just below it.
        """
        if not self.paths:
            return False
        if hit.reads is None:
            return hit.at is not None and (self._inside(hit.at) or hit.at in self.near)
        return any(self._read_broken(r) for r in hit.reads)

    def _read_broken(self, path: Path_) -> bool:
        """A finding on, inside or around a field read; remembered, as hits share reads."""
        known = self._memo.get(path)
        if known is None:
            known = self._memo[path] = self._inside(path) or path in self.prefixes
        return known


def check_record(
    path: str, raw: bytes, clock: Clock, selection: Selection = EVERYTHING
) -> FileResult:
    """All findings for one file's bytes."""
    severity_of = clock.settings.severity

    def make(
        rule_id: str,
        line: int,
        column: int,
        message: str,
        due: datetime | None = None,
        severity: str | None = None,
    ) -> Finding | None:
        level = severity_of.get(rule_id) or severity or RULES[rule_id].severity
        if level == "off" or not selection.wants(rule_id):
            return None
        return Finding(path, line, column, rule_id, level, message, due)

    loaded = load_text(raw)
    if not isinstance(loaded, Record):
        problems = [make(p.rule, p.line, p.column, p.message) for p in loaded]
        text = raw[: MAX_BYTES + 1].decode("utf-8", "replace")
        return FileResult(path, [f for f in problems if f], raw=text)

    record = loaded
    ignored = record.data.get("ignore")
    file_ignore = {x for x in ignored if isinstance(x, str)} if isinstance(ignored, list) else set()
    # The message quotes none of the record's text: it is published with the findings
    # of a redacted site, and the value may be a private note (the terminal shows the line).
    findings: list[Finding | None] = [
        make(
            "comment-cuts-value",
            line,
            column,
            "the text after '#' was read as a comment and dropped; put the whole value in"
            " quotes, or, for a comment, write two spaces before the '#' and one after it",
        )
        for line, column in record.cuts
    ]
    broken = _Broken()
    if "schema" not in file_ignore:
        for node_path, (line, col), message in schema_findings(record):
            broken.add(node_path)
            findings.append(make("schema", line, col, message))

    interview = build_interview(path, record, clock.tz)
    dl = deadlines(interview, clock)
    upcoming = is_upcoming(interview, clock, dl)
    withdrawn = interview.outcome.status == "withdrawn"
    ctx = Context(interview, clock, dl)
    for rule in RULES.values():
        if rule.check is None or rule.id in file_ignore:
            continue
        if rule.applies != ALWAYS and upcoming:
            continue
        if rule.applies == WAIT and withdrawn:
            continue
        for hit in rule.check(ctx):
            if broken.holds_back(hit):
                continue
            line, col = _locate(record, hit)
            findings.append(make(rule.id, line, col, hit.message, hit.due, hit.severity))
    # Every value's position served the findings; what follows (pages, drafts, the
    # calendar) reads only the data: a site of 500 records holds 7 MB less.
    interview.record = replace(record, marks={}, key_marks={})
    return FileResult(path, [f for f in findings if f and f.rule not in file_ignore], interview)


def _locate(record: Record, hit: Hit) -> tuple[int, int]:
    if hit.at is None:
        return (1, 1)
    return record.key_mark(hit.at) if hit.key else record.mark(hit.at)


def check_files(
    paths: Iterable[str],
    clock: Clock,
    selection: Selection = EVERYTHING,
    keep_interviews: bool = True,
) -> CheckRun:
    """Check each file; unreadable ones are listed in ``errors``.

    ``keep_interviews=False`` drops each interview once checked (findings only):
    at 10,000 records, about 30 MB of memory instead of 270 MB, and less time in
    the garbage collector.
    """
    run = CheckRun()
    for path in paths:
        try:
            raw = read_file(path)
        except ReadError as e:
            run.errors.append(str(e))
            continue
        result = check_record(path, raw, clock, selection)
        if not keep_interviews:
            result.interview = None
        run.results.append(result)
    return run
