"""Findings as text, concise lines, JSON, GitHub workflow commands or JUnit XML.

Every output format is a function from one ``Report`` to text, listed in
``REPORTERS`` under the name ``afterview check --format`` takes. A new format
is one function and one entry there.
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

import click

from afterview.findings import SEVERITY_ORDER, Finding, counts

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


@dataclass(frozen=True)
class Report:
    """What every output format is given: the findings of one check run."""

    findings: list[Finding]  # sorted by path, line and column
    paths: list[str]  # every file read, in order
    now: str = ""  # the reference time as ISO 8601 text
    color: bool = False
    quiet: bool = False  # the summary only (text formats)

    @property
    def files(self) -> int:
        return len(self.paths)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(findings: list[Finding], files: int) -> str:
    c = counts(findings)
    return (
        f"{_plural(files, 'file')} checked: {_plural(c['error'], 'error')},"
        f" {_plural(c['warning'], 'warning')}, {_plural(c['info'], 'info')}"
    )


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _one_line(text: str) -> str:
    """Text safe for one terminal line: control, line-separator and bidi characters escaped."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == " " else _ESCAPES.get(ch, f"\\u{ord(ch):04x}")
        for ch in text
    )


def concise(report: Report) -> str:
    """One line per finding, ``path:line:column: severity rule-id message``, then the summary.

    For editors' problem matchers and grep.
    """
    color = report.color
    lines = []
    if not report.quiet:
        for f in report.findings:
            path, message = _one_line(f.path), _one_line(f.message)
            lines.append(
                f"{path}:{f.line}:{f.column}: {_sev(f, color)} {_rule(f, color)} {message}"
            )
    lines.append(summary(report.findings, report.files))
    return "\n".join(lines) + "\n"


def text(
    report: Report,
    *,
    width: int | None = None,
    source: Callable[[str], list[str] | None] | None = None,
) -> str:
    """Findings grouped by file, for a person at a terminal; then the summary.

    Each file's path once, then its findings (errors first, then warnings and
    infos; each by line) as ``line:column severity rule-id message`` wrapped
    to ``width`` (the terminal's, 80 when unknown), each with the record's
    line beneath it and a caret at the column, as ruff and rustc show them
    (not for a finding about the whole record, at 1:1).
    ``source`` gives a file's lines (default: read again from disk, one file
    at a time, so no record's text is kept while checking).
    """
    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    width = max(width, 40)
    source = source or read_lines
    color = report.color
    out: list[str] = []
    if not report.quiet:
        by_path: dict[str, list[Finding]] = {}
        for f in report.findings:
            by_path.setdefault(f.path, []).append(f)
        for path, group in by_path.items():
            group.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.line, f.column, f.rule))
            lines = source(path)
            gutter = len(str(max(f.line for f in group)))
            heading = _one_line(path)
            out.append(click.style(heading, bold=True) if color else heading)
            for f in group:
                out += _entry(f, lines, gutter, width, color)
                out.append("")
    out.append(summary(report.findings, report.files))
    return "\n".join(out) + "\n"


# Findings at 1:1 are about the whole record ("top of file") and show no line,
# except these, whose position is where the file could not be read.
_LOAD_RULES = frozenset({"yaml-syntax", "duplicate-key"})


def _sev(f: Finding, color: bool) -> str:
    return click.style(f.severity, fg=_COLORS[f.severity], bold=True) if color else f.severity


def _rule(f: Finding, color: bool) -> str:
    return click.style(f.rule, dim=True) if color else f.rule


def _entry(f: Finding, lines: list[str] | None, gutter: int, width: int, color: bool) -> list[str]:
    """One finding: its wrapped head line, then the source line and a caret."""
    head = f"{f.line}:{f.column} {f.severity} {f.rule} {_one_line(f.message)}"
    if len(head) + 2 <= width and head == head.strip():
        wrapped = ["  " + head]  # fits: what textwrap would return, without its cost
    else:
        wrapped = textwrap.wrap(
            head,
            width,
            initial_indent="  ",
            subsequent_indent="    ",
            break_long_words=True,
            break_on_hyphens=False,
        )
    if color:  # styled after wrapping, so escape codes do not count as width
        plain_start = f"  {f.line}:{f.column} {f.severity} {f.rule}"
        if wrapped[0].startswith(plain_start + " ") or wrapped[0] == plain_start:
            styled = f"  {f.line}:{f.column} {_sev(f, True)} {_rule(f, True)}"
            wrapped[0] = styled + wrapped[0][len(plain_start) :]
    out = wrapped
    whole_record = (f.line, f.column) == (1, 1) and f.rule not in _LOAD_RULES
    if lines is not None and 1 <= f.line <= len(lines) and not whole_record:
        code, caret = _excerpt(lines[f.line - 1], f.column, width - gutter - 7)
        pad = " " * gutter
        mark = " " * caret + "^"
        if color:
            mark = " " * caret + click.style("^", fg=_COLORS[f.severity], bold=True)
        out += [f"    {f.line:>{gutter}} | {code}".rstrip(), f"    {pad} | {mark}"]
    return out


def _cells(ch: str) -> int:
    """Terminal columns a character takes: 2 for wide East Asian, 0 for combining marks."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _excerpt(line: str, column: int, room: int) -> tuple[str, int]:
    """The line escaped for the terminal and cut to ``room`` columns around ``column``.

    Returns the text and the caret's offset in terminal columns.
    """
    room = max(room, 20)
    column = max(1, min(column, len(line) + 1))
    if len(line) <= room and line.isascii() and line.isprintable():
        return line, column - 1  # the common case: one column per character
    pieces = [_one_line(ch) for ch in line]  # each character as the terminal will see it
    widths = [sum(_cells(c) for c in p) for p in pieces]
    caret = sum(widths[: column - 1])
    if sum(widths) <= room:
        return "".join(pieces), caret
    # Too wide: keep a window that holds the caret, marking cuts with an ellipsis.
    start = column - 1
    lead = room // 3
    while start > 0 and sum(widths[start - 1 : column - 1]) < lead:
        start -= 1
    end = start
    used = 0
    while end < len(pieces) and used + widths[end] <= room - 2:
        used += widths[end]
        end += 1
    while start > 0 and used + widths[start - 1] <= room - 2:  # the line ends: show more before
        start -= 1
        used += widths[start]
    text = "".join(pieces[start:end])
    offset = sum(widths[start : column - 1])
    if start > 0:
        text, offset = "…" + text, offset + 1
    if end < len(pieces):
        text += "…"
    return text, offset


_BREAKS = re.compile(r"\r\n|\r|\n")


def read_lines(path: str) -> list[str] | None:
    """A record's lines as the loader numbers them, or None if it cannot be read now."""
    from afterview.loader import ReadError, read_file

    try:
        raw = read_file(path)
    except (ReadError, OSError):
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return _BREAKS.split(raw.decode("utf-8", "replace"))


def as_json(report: Report) -> str:
    """The stable JSON report (content/usage.md, "afterview check"); ``now`` as ISO 8601 text."""
    doc = {
        "now": report.now,
        "files": report.files,
        "counts": counts(report.findings),
        "findings": [f.as_json() for f in report.findings],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    for f in report.findings:
        props = ",".join(
            (
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={_escape_property(f.rule)}",
            )
        )
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(f.message)}")
    lines.append(summary(report.findings, report.files))
    return "\n".join(lines) + "\n"


def junit(report: Report) -> str:
    """A JUnit XML report: one test case per file, one failure per finding."""
    by_path: dict[str, list[Finding]] = {p: [] for p in report.paths}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    suites = ET.Element("testsuites", name="afterview")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="afterview check",
        tests=str(len(by_path)),
        failures=str(sum(1 for fs in by_path.values() if fs)),
        errors="0",
        skipped="0",
    )
    for path, fs in by_path.items():
        case = ET.SubElement(suite, "testcase", classname="afterview", name=path)
        for f in fs:
            failure = ET.SubElement(
                case,
                "failure",
                type=f.rule,
                message=_xml_safe(f"{f.severity}: {f.message}"),
            )
            failure.text = _xml_safe(
                f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
            )
    suites.set("tests", str(len(by_path)))
    suites.set("failures", suite.get("failures", "0"))
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _xml_safe(s: str) -> str:
    """Drop characters XML 1.0 cannot hold."""
    return "".join(
        ch
        for ch in s
        if ch in "\t\n\r"
        or 0x20 <= ord(ch) <= 0xD7FF
        or 0xE000 <= ord(ch) <= 0xFFFD
        or ord(ch) >= 0x10000
    )


Reporter = Callable[[Report], str]
REPORTERS: dict[str, Reporter] = {
    "text": text,
    "concise": concise,
    "json": as_json,
    "github": github,
    "junit": junit,
}
