"""A build says when the playbook's stylesheet is not the one this afterview ships.

``afterview init`` copies ``site_overrides/`` into a playbook and an upgrade
leaves that copy alone, while the generated pages may need newer rules
(content/usage.md, "Upgrading"). The notice is an INFO line: it names the file
and never fails a strict build.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.structure.files import File, Files

from afterview.resources import data_path
from afterview.site.plugin import STYLESHEET, AfterviewPlugin

SHIPPED = data_path("site_overrides") / STYLESHEET


def said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, css: bytes | None, folder: str = ""
) -> list[str]:
    """What the plugin logs for a theme whose afterview.css holds ``css`` (None: none),
    the theme's folder under ``folder`` in tmp_path."""
    overrides = tmp_path / folder / "site_overrides"
    (overrides / "assets").mkdir(parents=True, exist_ok=True)
    files = Files([])
    if css is not None:
        (overrides / STYLESHEET).write_bytes(css)
        files.append(File(STYLESHEET, str(overrides), str(tmp_path / "site"), True))
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.afterview"):
        AfterviewPlugin._stylesheet_notice(files)
    return [f"{r.levelname} {r.getMessage()}" for r in caplog.records]


def test_the_shipped_stylesheet_or_none_at_all_says_nothing(tmp_path, caplog) -> None:
    assert said(tmp_path, caplog, SHIPPED.read_bytes()) == []
    assert said(tmp_path, caplog, SHIPPED.read_bytes().replace(b"\n", b"\r\n")) == []
    assert said(tmp_path, caplog, None) == []


def test_an_older_or_edited_stylesheet_is_named_in_an_info_line(tmp_path, caplog) -> None:
    older = SHIPPED.read_bytes().replace(b'content: "Due"; }', b"}")
    assert older != SHIPPED.read_bytes()
    (line,) = said(tmp_path, caplog, older)
    assert line.startswith("INFO afterview: ")
    assert str(tmp_path / "site_overrides" / STYLESHEET) in line
    assert "`afterview init`" in line and "column names on a phone" in line


def test_the_repository_site_uses_the_shipped_stylesheet(sample_build) -> None:
    assert sample_build.returncode == 0
    assert "is not the stylesheet" not in sample_build.stderr


def test_a_folder_name_cannot_write_to_the_terminal(tmp_path, caplog) -> None:
    """The path is shown on one line, its control and bidi characters escaped."""
    folder = "x\x1b]0;owned\x07\nINFO fake line \u202eevil"
    (line,) = said(tmp_path, caplog, b"/* edited */", folder)
    assert line.isprintable() and "\\u001b" in line and "\\n" in line
    assert "\\u202e" in line
