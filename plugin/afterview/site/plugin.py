"""The ``afterview`` MkDocs plugin: generated pages, strict-build findings, agenda.ics.

A thin adapter: the pages are rendered by ``afterview.pages.build_pages`` (the
same Markdown ``afterview render`` writes) and added as generated files; the
raw records are taken out of the build so they are never published. The
finished blocks (drawings, tables, sections' bodies) skip Markdown; those the
search should see are put back before it indexes the page, the others into
the built HTML (afterview.pages.stash).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from afterview.checker import FileResult
from afterview.clock import Clock
from afterview.discover import FileId, file_id, file_ids
from afterview.findings import SEVERITY_ORDER
from afterview.moments import parse_now
from afterview.pages.stash import BlockStash
from afterview.preview import unredacted_preview, with_banner
from afterview.records import read_records
from afterview.reports import _one_line
from afterview.settings import Settings, SettingsError, load_settings

log = logging.getLogger("mkdocs.plugins.afterview")

FAIL_ON = ("error", "warning", "info", "never")
KINDS = ("record", "deadline")  # afterview.rules.base.KINDS
CALENDAR_PAGE = "agenda.ics"
STYLESHEET = "assets/afterview.css"  # in the theme's custom_dir (site_overrides)
# A YAML record or a copy of one: x.yaml, X.YML, x.yaml~, #x.yaml#, x.yaml.bak, .x.yml.swp
_RECORD_NAME = re.compile(r"\.ya?ml(?:$|[^a-z0-9])", re.IGNORECASE)


class AfterviewConfig(base.Config):
    """Options under ``plugins: - afterview:`` in mkdocs.yml."""

    status_page = c.Type(str, default="status.md")
    redact = c.Type(bool, default=False)
    # With redact: publish offer terms, feedback, reflections, notes and thank-you
    # texts after all (content/security.md). Off unless turned on knowingly.
    publish_private_notes = c.Type(bool, default=False)
    fail_on = c.Choice(FAIL_ON, default="error")
    # The kinds fail_on applies to: by default a broken record fails a strict build
    # and an overdue step does not (content/usage.md, "Two kinds of findings").
    fail_on_kinds = c.ListOfItems(c.Choice(KINDS), default=["record"])
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


def _lf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n")


def failing(severity: str, fail_on: str) -> bool:
    """True when a finding of this severity is at or above the fail_on threshold."""
    return fail_on != "never" and SEVERITY_ORDER[severity] <= SEVERITY_ORDER[fail_on]


class AfterviewPlugin(BasePlugin[AfterviewConfig]):
    """Publish the status, interview, checks, lessons and offers pages and the calendar."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.root = Path.cwd()
        self.strict = False
        self.failing: list[str] = []  # the findings that fail a strict build, as logged
        self.command: str | None = None  # build, gh-deploy or serve (on_startup)
        self.preview = False  # the owner's unredacted local preview (afterview.preview)
        self._record_files: frozenset[FileId] = frozenset()  # the interviews folder's files
        self._blocks: BlockStash | None = None  # this build's finished blocks (pages.stash)
        self._scrub: Callable[[str], str] | None = None  # a redacted build's scrubber

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command; defining this hook also keeps one plugin instance
        across `mkdocs serve` rebuilds."""
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        from afterview.rules import RULES

        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.strict = bool(config.strict)
        host = config.dev_addr.host if config.dev_addr else None
        self.preview = self.config.redact and unredacted_preview(self.command, host)
        if self.preview:
            log.info(
                f"afterview: serving on {host} (loopback) only: pages not redacted;"
                " `mkdocs build` and the published site are"
            )
        try:
            self.settings = load_settings(self.root, known_rules=frozenset(RULES))
        except SettingsError as e:
            raise PluginError(f"afterview: invalid settings: {e}") from None
        if self.settings.source is None:
            # No settings file from the mkdocs.yml folder upwards: the records are
            # <docs_dir>/interviews, whatever the working folder.
            default = Path(config.docs_dir) / "interviews"
            self.settings = dataclasses.replace(self.settings, interviews=default)
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
        return dataclasses.replace(r, path=shown, findings=findings, interview=interview)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        from afterview.pages import build_pages

        assert self.settings is not None
        folder = self._records_folder()
        self._record_files = file_ids(str(folder))
        for f in list(files):
            if self._private(f, config):
                files.remove(f)

        self._stylesheet_notice(files)
        clock = Clock.at(reference_time(self.settings), self.settings)
        if not folder.is_dir():
            self._missing(folder)
            results: list[FileResult] = []
        else:
            records = read_records([str(folder)], clock)
            for problem in records.problems:
                log.warning(_one_line(f"afterview: {problem}"))
            results = [self._relative(r) for r in records.results]
        self._scrub = None
        if self._redact:
            from afterview.redact import redact_results, results_scrubber

            scrubber = results_scrubber(results)
            # Hand-written pages are scrubbed too (on_page_markdown): their examples may
            # name a person of the records.
            self._scrub = scrubber.text
            self._report(redact_results(results, scrubber=scrubber))
        else:
            self._report(results)
        # The calendar first: its objects are freed before the pages are made (peak memory).
        calendar = self._ics(results, clock) if self.config.calendar else None
        # The finished blocks skip Markdown and the search index: the generated pages
        # hold placeholders, which on_post_page replaces.
        self._blocks = BlockStash()

        pages = build_pages(
            results,
            clock,
            self._redact,
            self.config.status_page,
            self.config.publish_private_notes,
            "directory" if config.use_directory_urls else "flat",
            keep_block=self._blocks.keep,
        )
        for src_uri, content in pages.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                log.warning(
                    _one_line(f"afterview: generated page {src_uri} replaces {existing.src_uri}")
                )
                files.remove(existing)
            self._blocks.note(src_uri, content)
            if self.preview:
                content = with_banner(content)
            inclusion = self._inclusion(src_uri, config)
            files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
        if calendar is not None:
            files.append(File.generated(config, CALENDAR_PAGE, content=calendar))
        return files

    @staticmethod
    def _stylesheet_notice(files: Files) -> None:
        """Say so when the theme's afterview.css is not the one this afterview ships: a
        playbook keeps the copy ``afterview init`` wrote, which an upgrade does not
        touch, and the generated pages may need newer rules (content/usage.md,
        "Upgrading")."""
        from afterview.resources import data_path

        theirs = files.get_file_from_path(STYLESHEET)
        ours = data_path("site_overrides") / STYLESHEET
        if theirs is None or not theirs.abs_src_path or not ours.is_file():
            return
        try:  # line ends as git may check them out on Windows do not count
            same = _lf(Path(theirs.abs_src_path).read_bytes()) == _lf(ours.read_bytes())
        except OSError:
            return
        if not same:
            log.info(
                _one_line(
                    f"afterview: {theirs.abs_src_path} is not the stylesheet this afterview"
                    " ships; if you did not edit it, copy over it the one `afterview init`"
                    " writes into a new folder: without it some tables may lose their"
                    " column names on a phone"
                )
            )

    @property
    def _redact(self) -> bool:
        """Redact as configured, except in the owner's local preview."""
        return self.config.redact and not self.preview

    def _private(self, f: File, config: MkDocsConfig) -> bool:
        """True for a file never to publish: anything in the interviews folder (by its
        path as found and as resolved, so links in and out are caught), and any YAML
        record (``.yaml``/``.yml``, backups such as ``x.yaml~`` included) in docs_dir."""
        if not f.abs_src_path:
            return False
        assert self.settings is not None
        folder = Path(os.path.abspath(self.settings.interviews))
        folders = {folder, folder.resolve()}
        path = Path(os.path.abspath(f.abs_src_path))
        paths = {path}
        try:  # the file itself resolved, and its folder resolved (a link to the folder)
            paths |= {path.resolve(), path.parent.resolve() / path.name}
        except (OSError, RuntimeError):  # a link loop
            pass
        if any(p.is_relative_to(d) for p in paths for d in folders):
            return True
        if file_id(str(path)) in self._record_files:  # a hard link to a record
            return True
        docs = Path(os.path.abspath(config.docs_dir))
        in_docs = any(p.is_relative_to(d) for p in paths for d in (docs, docs.resolve()))
        return in_docs and _RECORD_NAME.search(PurePath(f.src_uri).name) is not None

    def _missing(self, folder: Path) -> None:
        """No interviews folder: an empty playbook (git keeps no empty folder), so the
        site builds with no record; say where it was looked for (content/usage.md)."""
        assert self.settings is not None
        source = self.settings.source
        why = (
            f"set by `interviews` in {source}"
            if source is not None
            else f"no afterview.toml or [tool.afterview] found from {self.root} upwards,"
            " so the default <docs_dir>/interviews"
        )
        log.info(_one_line(f"afterview: no record yet: {folder} does not exist ({why})"))

    def _inclusion(self, src_uri: str, config: MkDocsConfig) -> InclusionLevel:
        """Interview and per-check pages are linked from the status and checks pages, not
        the nav: with an explicit nav, declare them not_in_nav so MkDocs does not list them."""
        from afterview.pages.checks import INDEX
        from afterview.pages.common import LESSONS_PAGE, OFFERS_PAGE

        listed = (self.config.status_page, LESSONS_PAGE, OFFERS_PAGE, INDEX)
        if config.nav and src_uri not in listed:
            return InclusionLevel.NOT_IN_NAV
        return InclusionLevel.UNDEFINED

    def _report(self, results: list[FileResult]) -> None:
        """One summary line at INFO and each finding at DEBUG (``mkdocs build -v``); the
        findings at or above fail_on of a kind in fail_on_kinds as warnings instead, kept
        in ``self.failing`` for the strict-mode check in ``on_post_build``."""
        from afterview.findings import counts

        findings = sorted((f for r in results for f in r.findings), key=lambda f: f.sort_key())
        self.failing = []
        for f in findings:
            text = _one_line(
                f"afterview: {f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
            )
            if f.kind in self.config.fail_on_kinds and failing(f.severity, self.config.fail_on):
                self.failing.append(text)
                log.warning(text)
            else:
                log.debug(text)
        n = counts(findings)
        deadlines = sum(1 for f in findings if f.kind == "deadline")
        files = len(results)
        log.info(
            f"afterview: {files} record{'s' * (files != 1)} checked: "
            + ", ".join(f"{v} {k}{'s' * (v != 1)}" for k, v in n.items())
            + f" ({deadlines} about deadlines); `afterview check`, or a build with -v,"
            " lists them"
        )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """In strict mode, fail on the findings ``_report`` logged as warnings, whatever
        MkDocs' log level (``-q`` drops warnings before MkDocs counts them). The
        blocks of a generated page not built (``exclude_docs``) are dropped."""
        self._blocks = None
        if self.strict and self.failing:
            n = len(self.failing)
            kinds = " or ".join(self.config.fail_on_kinds)
            raise PluginError(
                f"afterview: {n} {kinds} finding{'s' * (n != 1)} at or above fail_on"
                f" ({self.config.fail_on}) in strict mode; the first: "
                + self.failing[0].removeprefix("afterview: ")
            )

    def on_page_markdown(
        self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str | None:
        """In a redacted build a hand-written page is scrubbed of the records' people."""
        if getattr(page.file, "generated_by", None) == "afterview" or self._scrub is None:
            return markdown
        return self._scrub(markdown)

    def on_page_content(
        self, html: str, /, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A generated page gets its searchable blocks back (pages.stash), after Markdown
        and before the site search indexes the page."""
        if self._blocks is None or getattr(page.file, "generated_by", None) != "afterview":
            return html
        return self._blocks.restore_searchable(html)

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str | None:
        """Every page gets its Content-Security-Policy (afterview.csp), then a generated
        page its finished blocks back (pages.stash). Inline scripts in a generated page's
        own content are never allowed by the policy, nor, as it is made before they are
        put back, any in its blocks."""
        from afterview.csp import add_csp

        generated = getattr(page.file, "generated_by", None) == "afterview"
        if not generated:
            return add_csp(output)
        output = add_csp(output, untrusted=page.content or "")
        if self._blocks is not None:
            (output,) = self._blocks.restore(output)
            if missing := self._blocks.left(page.file.src_uri):
                # a table or drawing the page lacks: its placeholder was changed on the way
                log.warning(  # the page is named after a record's file name
                    _one_line(
                        f"afterview: {page.file.src_uri}: {missing} finished block(s) not"
                        " put back (their placeholder was changed by another plugin or hook)"
                    )
                )
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """The theme's own HTML pages (404.html) get their policy too."""
        from afterview.csp import add_csp

        return add_csp(output_content) if template_name.endswith(".html") else output_content

    def _ics(self, results: list[FileResult], clock: Clock) -> bytes:
        from afterview.calendar import site_ics

        return site_ics(results, clock, self._redact, self.config.publish_private_notes)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Also watch the records and settings when they live outside docs_dir; let
        the live-reload script through each page's policy (content/security.md)."""
        self._allow_live_reload(server)
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

    @staticmethod
    def _allow_live_reload(server: Any) -> None:
        """Wrap the server's injection of its reload script so that each page it sends
        lists that script's hash (afterview.csp.allow_added_scripts)."""
        from afterview.csp import allow_added_scripts

        inject = getattr(server, "_inject_js_into_html", None)
        if inject is None or getattr(inject, "afterview", False):
            if inject is None:
                log.warning(
                    "afterview: this server's live reload is not known; pages may not reload"
                )
            return

        def injected(content: bytes, epoch: int) -> bytes:
            return allow_added_scripts(content, inject(content, epoch))

        injected.afterview = True  # type: ignore[attr-defined]
        server._inject_js_into_html = injected
