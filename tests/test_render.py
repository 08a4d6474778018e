"""`afterview render DIR` writes the very Markdown the MkDocs plugin generates (the plugin's
pages hold a placeholder per finished block, pages.stash, which it puts back in the HTML)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from afterview.cli import cli
from fixtures.site.helpers import FIXTURES, NOW, REPO, build, make_site


def plugin_pages(config_file: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """What the plugin adds to the build, run in process up to on_files, with its
    finished blocks put back."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    monkeypatch.setenv("AFTERVIEW_NOW", NOW)
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    pages = {
        f.src_uri: f.content_string
        for f in files
        if f.generated_by == "afterview" and f.src_uri.endswith(".md")
    }
    blocks = config.plugins["afterview"]._blocks
    assert "<!--afterview-block " in "".join(pages.values()) and len(blocks) > 10
    restored = blocks.restore(*pages.values())
    return {uri: text.encode() for uri, text in zip(pages, restored, strict=True)}


def render(root: Path, out: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> dict[str, bytes]:
    monkeypatch.chdir(root)
    monkeypatch.delenv("AFTERVIEW_NOW", raising=False)
    result = CliRunner().invoke(cli, ["render", str(out), "--now", NOW, *args])
    assert result.exit_code == 0, result.output
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.md")}


def test_render_is_byte_identical_to_the_plugin(tmp_path: Path, monkeypatch) -> None:
    generated = plugin_pages(REPO / "mkdocs.yml", monkeypatch)
    rendered = render(REPO, tmp_path / "out", monkeypatch, "--links", "directory")
    assert len(generated) > 30
    assert rendered.keys() == generated.keys()
    for name, content in generated.items():
        assert rendered[name] == content, name


def test_render_redacted_is_byte_identical_to_the_redacting_plugin(tmp_path, monkeypatch) -> None:
    root = make_site(tmp_path / "site", FIXTURES / "private" / "interviews", {"redact": True})
    generated = plugin_pages(root / "mkdocs.yml", monkeypatch)
    rendered = render(root, tmp_path / "out", monkeypatch, "--redact", "--links", "directory")
    assert rendered == generated
    assert b"Solveig" not in b"".join(rendered.values())


@pytest.mark.slow
def test_render_output_builds_as_a_plain_site(tmp_path: Path, monkeypatch) -> None:
    """Another generator's view: the Markdown alone, no Afterview plugin running."""
    docs = tmp_path / "docs"
    render(REPO, docs, monkeypatch)
    (docs / "index.md").write_text("# Rendered pages\n\n[Status](status.md)\n")
    config = {
        "site_name": "Rendered",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables"],
        "plugins": ["search"],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    proc = build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-2000:]
    status = (tmp_path / "site" / "status" / "index.html").read_text()
    assert "Quillon Logistics" in status and "av-sortable" in status
    assert (tmp_path / "site" / "checks" / "thank-you-overdue" / "index.html").is_file()


def test_render_of_a_path_without_records_exits_2(tmp_path: Path, monkeypatch) -> None:
    """A PATH given holds no record: exit 2, nothing written (an empty interviews
    folder with no PATH is an empty playbook: tests/test_empty_playbook.py)."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", "out", "nothing", "--now", NOW])
    assert result.exit_code == 2
    assert "nothing" in result.output
    assert not (tmp_path / "out").exists()
