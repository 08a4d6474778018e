"""Shared helpers for the ``afterview check`` tests.

Every check runs with an explicit ``now``: no test reads the clock. Records
are written as YAML text (dedented) so that line and column numbers can be
read off the test itself.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from afterview.checker import FileResult, Selection, check_record
from afterview.deadlines import Clock
from afterview.findings import Finding
from afterview.settings import Settings

NY = "America/New_York"
SETTINGS = Settings(timezone_name=NY)

# The severities of rules.md's catalogue, copied from the spec (not the code).
SPEC_SEVERITY = {
    "yaml-syntax": "error",
    "duplicate-key": "error",
    "schema": "error",
    "interviewers-missing": "error",
    "interviewer-name-missing": "error",
    "interviewer-title-missing": "error",
    "interviewer-spelling-unconfirmed": "info",
    "contact-expectations-missing": "warning",
    "interim-actions-unasked": "warning",
    "next-step-overdue": "warning",
    "staff-not-thanked": "info",
    "thank-you-overdue": "error",
    "thank-you-late": "warning",
    "thank-you-recipient-unknown": "warning",
    "reflection-missing": "warning",
    "follow-up-overdue": "warning",
    "follow-up-incomplete": "info",
    "offer-not-thanked": "warning",
    "offer-terms-unconfirmed": "warning",
    "offer-decision-overdue": "warning",
    "rejection-feedback-unasked": "warning",
    "referrals-unasked": "info",
    "date-order": "error",
    "date-in-future": "warning",
}


def yaml_text(text: str) -> str:
    """A record's text as written in a test: dedented, without the leading newline."""
    return textwrap.dedent(text).lstrip("\n")


def moment(text: str) -> datetime:
    """An aware date-time from ISO text with an offset."""
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, "tests always give now with an offset"
    return value


def run_check(
    text: str | bytes,
    now: str,
    *,
    settings: Settings = SETTINGS,
    selection: Selection | None = None,
    path: str = "record.yaml",
) -> FileResult:
    """check_record on a record's text at an explicit now (ISO with offset)."""
    raw = text if isinstance(text, bytes) else yaml_text(text).encode("utf-8")
    clock = Clock.at(moment(now), settings)
    return check_record(path, raw, clock, selection or Selection())


def check(text: str | bytes, now: str, **kwargs) -> list[Finding]:
    """The findings of one record at now."""
    return run_check(text, now, **kwargs).findings


def where(findings: Iterable[Finding], rule: str) -> list[tuple[int, int]]:
    """The line:column of each finding of rule, in order."""
    return sorted((f.line, f.column) for f in findings if f.rule == rule)


def of(findings: Iterable[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def rules(findings: Iterable[Finding]) -> set[str]:
    return {f.rule for f in findings}


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty playbook folder (the working folder) with settings in afterview.toml."""
    (tmp_path / "afterview.toml").write_text(f'timezone = "{NY}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AFTERVIEW_NOW", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write a record (text is dedented) into folder, creating subfolders."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(yaml_text(text), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (see test_browser for the flags)."""
    from test_browser import ARGS, CHROMIUM, _require_browser

    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()
