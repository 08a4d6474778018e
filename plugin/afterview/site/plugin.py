"""The ``afterview`` MkDocs plugin: generated pages, strict-build findings, agenda.ics.

A thin adapter: the pages are rendered by ``afterview.pages.build_pages`` (the
same Markdown ``afterview render`` writes) and added as generated files; the
raw records are taken out of the build so they are never published.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from afterview.checker import FileResult
from afterview.deadlines import Clock
from afterview.discover import SUFFIXES
from afterview.findings import SEVERITY_ORDER
from afterview.moments import parse_now
from afterview.records import read_records
from afterview.settings import Settings, SettingsError, load_settings

log = logging.getLogger("mkdocs.plugins.afterview")

FAIL_ON = ("error", "warning", "info", "never")
CALENDAR_PAGE = "agenda.ics"


class AfterviewConfig(base.Config):
    """Options under ``plugins: - afterview:`` in mkdocs.yml."""

    status_page = c.Type(str, default="status.md")
    redact = c.Type(bool, default=False)
    fail_on = c.Choice(FAIL_ON, default="error")
    calendar = c.Type(bool, default=True)


def reference_time(settings: Settings) -> datetime:
    """AFTERVIEW_NOW when set (parsed as the command line does), else the clock."""
    text = os.environ.get("AFTERVIEW_NOW", "").strip()
    if not text:
        return datetime.now(settings.tz)
    now = parse_now(text, settings.tz)
    if now is None:
        raise PluginError(f"afterview: AFTERVIEW_NOW={text!r} is not a date-time or a date")
    return now


def failing(severity: str, fail_on: str) -> bool:
    """True when a finding of this severity is at or above the fail_on threshold."""
    return fail_on != "never" and SEVERITY_ORDER[severity] <= SEVERITY_ORDER[fail_on]


class AfterviewPlugin(BasePlugin[AfterviewConfig]):
    """Publish the status, interview, checks and lessons pages and the calendar."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.root = Path.cwd()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        from afterview.rules import RULES

        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        try:
            self.settings = load_settings(self.root, known_rules=frozenset(RULES))
        except SettingsError as e:
            raise PluginError(f"afterview: invalid settings: {e}") from None
        page = self.config.status_page
        if not page.endswith(".md") or page.startswith("/") or ".." in Path(page).parts:
            raise PluginError(f"afterview: status_page must be a relative .md path, got {page!r}")
        return config

    def _records_folder(self) -> Path:
        assert self.settings is not None
        return Path(self.settings.interviews).resolve()

    def _display(self, path: str) -> str:
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path

    def _relative(self, r: FileResult) -> FileResult:
        """The result with its path shown relative to the mkdocs.yml folder."""
        shown = self._display(r.path)
        findings = [dataclasses.replace(f, path=shown) for f in r.findings]
        interview = dataclasses.replace(r.interview, path=shown) if r.interview else None
        return FileResult(shown, findings, interview)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        from afterview.pages import build_pages

        assert self.settings is not None
        folder = self._records_folder()
        for f in list(files):
            if f.abs_src_path and f.src_uri.endswith(SUFFIXES):
                if Path(f.abs_src_path).resolve().is_relative_to(folder):
                    files.remove(f)

        clock = Clock.at(reference_time(self.settings), self.settings)
        if not folder.is_dir():
            log.warning(f"afterview: interviews folder {self._display(str(folder))} not found")
            results: list[FileResult] = []
        else:
            records = read_records([str(folder)], clock)
            for problem in records.problems:
                log.warning(f"afterview: {problem}")
            results = [self._relative(r) for r in records.results]
        self._report(results)

        pages = build_pages(results, clock, self.config.redact, self.config.status_page)
        for src_uri, content in pages.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                log.warning(f"afterview: generated page {src_uri} replaces {existing.src_uri}")
                files.remove(existing)
            files.append(File.generated(config, src_uri, content=content))
        if self.config.calendar:
            files.append(File.generated(config, CALENDAR_PAGE, content=self._ics(results, clock)))
        return files

    def _report(self, results: list[FileResult]) -> None:
        """Log findings at or above fail_on as warnings (so --strict fails), others as info."""
        for r in results:
            for f in sorted(r.findings, key=lambda f: f.sort_key()):
                text = f"afterview: {f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
                if failing(f.severity, self.config.fail_on):
                    log.warning(text)
                else:
                    log.info(text)

    def _ics(self, results: list[FileResult], clock: Clock) -> bytes:
        from afterview.agenda import agenda
        from afterview.calendar import calendar_ics

        if self.config.redact:
            from afterview.redact import redact_results

            results = redact_results(results)
        interviews = [r.interview for r in results if r.interview is not None]
        return calendar_ics(agenda(interviews, clock, days=None), clock.now)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Also watch the records and settings when they live outside docs_dir."""
        docs = Path(config.docs_dir).resolve()
        assert self.settings is not None
        for path in (self._records_folder(), self.settings.source):
            if (
                path is not None
                and Path(path).exists()
                and not Path(path).resolve().is_relative_to(docs)
            ):
                server.watch(str(path))
        return server
