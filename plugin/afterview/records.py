"""Interviews for commands that read records without checking them (agenda, export).

A record that fails to load (``yaml-syntax``, ``duplicate-key``) is skipped and
named in ``skipped``; ``afterview check`` says more about it. A path that does
not exist or cannot be read is an error, as it is for ``check``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import tzinfo

from afterview.deadlines import Clock
from afterview.discover import discover
from afterview.loader import ReadError, Record, load_text, read_file
from afterview.model import Interview, build_interview


@dataclass
class Loaded:
    interviews: list[Interview] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "path:line:column: message"
    errors: list[str] = field(default_factory=list)  # unknown or unreadable paths
    files: int = 0  # record files found


def load_interviews(paths: Iterable[str], tz: tzinfo) -> Loaded:
    """Find the records under paths (files or folders) and model those that load."""
    found = discover(list(paths))
    out = Loaded(errors=list(found.errors), files=len(found.files))
    for path in found.files:
        try:
            raw = read_file(path)
        except ReadError as e:
            out.errors.append(str(e))
            continue
        loaded = load_text(raw)
        if isinstance(loaded, Record):
            out.interviews.append(build_interview(path, loaded, tz))
        else:
            out.skipped.extend(f"{path}:{p.line}:{p.column}: {p.message}" for p in loaded)
    return out


def for_command(paths: tuple[str, ...], now: str | None) -> tuple[Clock, Loaded]:
    """The clock and the interviews of a command's PATHS (default: the interviews folder).

    Exits with status 2 on invalid settings or when no record file is found.
    """
    from afterview.cli import display_path, fail, load_context

    settings, clock = load_context(now)
    targets = list(paths) or [display_path(settings.interviews)]
    loaded = load_interviews(targets, clock.tz)
    if not loaded.files and not loaded.errors:
        fail(f"no record found in {', '.join(targets)} (looked for *.yaml and *.yml)")
    return clock, loaded


def report_and_exit(loaded: Loaded) -> None:
    """Name skipped records and unusable paths on standard error; exit 2 if a path failed."""
    import click

    for line in loaded.skipped:
        click.echo(f"{line} (record skipped; see `afterview check`)", err=True)
    for error in loaded.errors:
        click.echo(f"afterview: {error}", err=True)
    raise SystemExit(2 if loaded.errors else 0)
