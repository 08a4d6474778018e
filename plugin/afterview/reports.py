"""Findings as text, JSON, GitHub workflow commands or JUnit XML."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from afterview.findings import Finding

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def counts(findings: list[Finding]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] += 1
    return out


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


def text(findings: list[Finding], files: int, *, color: bool = False, quiet: bool = False) -> str:
    import click

    lines = []
    if not quiet:
        for f in findings:
            sev = f.severity
            if color:
                sev = click.style(sev, fg=_COLORS[f.severity], bold=True)
            rule = click.style(f.rule, dim=True) if color else f.rule
            path, message = _one_line(f.path), _one_line(f.message)
            lines.append(f"{path}:{f.line}:{f.column}: {sev} {rule} {message}")
    lines.append(summary(findings, files))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding], files: int, now: str) -> str:
    """The stable JSON report of cli.md; ``now`` as ISO 8601 text."""
    doc = {
        "now": now,
        "files": files,
        "counts": counts(findings),
        "findings": [f.as_json() for f in findings],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def github(findings: list[Finding], files: int) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    for f in findings:
        props = ",".join(
            (
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={_escape_property(f.rule)}",
            )
        )
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(f.message)}")
    lines.append(summary(findings, files))
    return "\n".join(lines) + "\n"


def junit(findings: list[Finding], paths: list[str]) -> str:
    """A JUnit XML report: one test case per file, one failure per finding."""
    by_path: dict[str, list[Finding]] = {p: [] for p in paths}
    for f in findings:
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
