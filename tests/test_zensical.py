"""After MkDocs 1.x: `afterview render` gives a site generator that runs no MkDocs
plugins (Zensical) everything the plugin adds, and Zensical builds the sample playbook.

The recipe is the one README.md ("After MkDocs 1.x") and content/usage.md give: copy
the docs folder, render into the copy, build with a copy of mkdocs.yml that points at
it, lists no `afterview` plugin and excludes the raw records, then add the
Content-Security-Policy with afterview.csp.
"""

from __future__ import annotations

import contextlib
import html
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from afterview.cli import cli
from fixtures.site.helpers import FIXTURES, NOW, REPO, SAMPLES, built_texts, env

EVIL = FIXTURES / "xss" / "interviews" / "2026-11-10-evil.yaml"
ASSETS = ("assets/afterview.css", "assets/afterview.js")
# The post-build step README.md gives for the policy the plugin adds to every page.
CSP_STEP = (
    "import pathlib, afterview.csp as c; [p.write_text(c.add_csp(p.read_text('utf-8')), 'utf-8')"
    " for p in pathlib.Path('site').rglob('*.html')]"
)


def render(cwd: Path, out: Path, *args: str) -> str:
    """`afterview render OUT ARGS` run in cwd at the tests' now; its output."""
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(cli, ["render", str(out), "--now", NOW, *args])
    assert result.exit_code == 0, result.output
    return result.output


def plugin_calendar(config_file: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The agenda.ics the MkDocs plugin adds to the build, run in process up to on_files."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    monkeypatch.setenv("AFTERVIEW_NOW", NOW)
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    [ics] = [f for f in files if f.generated_by == "afterview" and f.src_uri == "agenda.ics"]
    return ics.content_bytes


def test_render_writes_the_calendar_and_assets_the_plugin_publishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = plugin_calendar(REPO / "mkdocs.yml", monkeypatch)
    monkeypatch.delenv("AFTERVIEW_NOW")
    out = tmp_path / "out"
    said = render(REPO, out)
    assert (out / "agenda.ics").read_bytes() == expected
    assert b"BEGIN:VEVENT" in expected
    for name in ASSETS:
        assert (out / name).read_bytes() == (REPO / "site_overrides" / name).read_bytes()
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert "status.md" in pages and len(pages) > 30
    assert said.strip() == f"{len(pages)} pages and 3 other files written to {out}"


def test_render_redacts_the_calendar_as_the_pages(tmp_path: Path) -> None:
    book = tmp_path / "book"
    shutil.copytree(FIXTURES / "private" / "interviews", book / "interviews")
    (book / "afterview.toml").write_text(
        'interviews = "interviews"\ntimezone = "America/New_York"\n'
    )
    render(book, tmp_path / "plain")
    render(book, tmp_path / "redacted", "--redact")
    plain = (tmp_path / "plain" / "agenda.ics").read_text().replace("\r\n ", "")
    redacted = (tmp_path / "redacted" / "agenda.ics").read_text().replace("\r\n ", "")
    assert "Perpetua Okafor" in plain
    assert "BEGIN:VEVENT" in redacted and "Perpetua" not in redacted and "P. O." in redacted


def test_render_without_calendar_and_assets_writes_pages_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    render(REPO, out, "--no-calendar", "--no-assets")
    assert {p.suffix for p in out.rglob("*") if p.is_file()} == {".md"}


# --- a Zensical build ------------------------------------------------------------------


def zensical_config() -> dict:
    """mkdocs.yml as README.md says to adapt it for Zensical (zensical.yml)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [
        p
        for p in config["plugins"]
        if p != "afterview" and not (isinstance(p, dict) and "afterview" in p)
    ]
    config["docs_dir"] = "build/docs"
    config["exclude_docs"] = "*.yaml\n*.yml\n"
    return config


def require_zensical() -> None:
    """Skip without Zensical, saying why; under CI=true fail instead (the test extras
    install it)."""
    if importlib.util.find_spec("zensical") is not None:
        return
    reason = "Zensical is not installed (pip install -e '.[test]' brings it)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"the Zensical build must run under CI=true, but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample playbook plus a hostile record, rendered and built with Zensical."""
    require_zensical()
    root = tmp_path_factory.mktemp("zensical")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "site_overrides", root / "site_overrides")
    shutil.copy(EVIL, root / "content" / "interviews" / EVIL.name)
    (root / "afterview.toml").write_text(
        'interviews = "content/interviews"\ntimezone = "America/New_York"\n'
    )
    config = root / "zensical.yml"
    config.write_text(yaml.safe_dump(zensical_config(), sort_keys=False))
    # README.md's recipe (the sample is fictional, so rendered without --redact).
    shutil.copytree(root / "content", root / "build" / "docs")
    render(root, Path("build/docs"))
    for step in (
        [sys.executable, "-m", "zensical", "build", "-f", "zensical.yml", "--strict"],
        [sys.executable, "-c", CSP_STEP],
    ):
        proc = subprocess.run(
            step, cwd=root, env=env(), capture_output=True, text=True, timeout=600
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return root / "site"


def page(site: Path, uri: str) -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_zensical_builds_the_status_page(zensical_site: Path) -> None:
    status = page(zensical_site, "status")
    assert "av-sortable" in status and "assets/afterview.js" in status
    for record in SAMPLES:
        assert f'href="../interviews/{record.stem}/"' in status, record.stem
    assert "Quillon Logistics" in status
    assert (zensical_site / "assets" / "afterview.css").is_file()
    assert (zensical_site / "assets" / "afterview.js").is_file()


@pytest.mark.slow
def test_zensical_builds_an_interview_page(zensical_site: Path) -> None:
    text = html.unescape(page(zensical_site, "interviews/" + SAMPLES[0].stem))
    record = yaml.safe_load(SAMPLES[0].read_text(encoding="utf-8"))
    assert record["company"] in text and record["role"] in text
    assert "Playbook" in text and "People" in text
    for rule in ("thank-you-overdue", "reflection-missing"):
        assert (zensical_site / "checks" / rule / "index.html").is_file()


@pytest.mark.slow
def test_zensical_publishes_the_calendar(zensical_site: Path) -> None:
    ics = (zensical_site / "agenda.ics").read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics


@pytest.mark.slow
def test_zensical_shows_a_hostile_record_as_text(zensical_site: Path) -> None:
    raw = page(zensical_site, "interviews/2026-11-10-evil")
    text = html.unescape(raw)
    for shown in ("<script>alert(1)</script>", "[x](javascript:alert(1))", "{{ x }}"):
        assert shown in text, shown
    for path in zensical_site.rglob("*.html"):
        built = path.read_text(encoding="utf-8")
        where = path.relative_to(zensical_site)
        assert "<script>alert" not in built, where
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", built, re.I), where
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", built, re.I), where


@pytest.mark.slow
def test_zensical_publishes_no_raw_record(zensical_site: Path) -> None:
    assert not [p for p in zensical_site.rglob("*") if p.suffix in (".yaml", ".yml")]
    chunks = []
    for record in [*SAMPLES, EVIL]:
        lines = [x for x in record.read_text().splitlines() if not x.startswith("#")]
        chunks.append("\n".join(lines[:3]))  # e.g. company, role and when, as written
    for path, text in built_texts(zensical_site):
        for chunk in chunks:
            assert chunk not in text, (path, chunk)


@pytest.mark.slow
def test_the_post_build_step_adds_the_policy_to_every_page(zensical_site: Path) -> None:
    pages = list(zensical_site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        head = path.read_text(encoding="utf-8")[:2000]
        assert '<meta http-equiv="Content-Security-Policy"' in head, path
        assert "script-src 'self'" in head and "'unsafe-inline'" not in head, path


@pytest.mark.parametrize("doc", ["README.md", "content/usage.md"])
def test_the_docs_give_the_tested_recipe(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    assert "## After MkDocs 1.x" in text
    assert f'python -c "{CSP_STEP}"' in text
    for line in (
        "rm -rf build && mkdir build && cp -r content build/docs",
        "afterview check --fail-on record",
        "afterview render build/docs --redact",
        "zensical build -f zensical.yml",
        'exclude_docs: "*.yaml\\n*.yml\\n"',
        "2027-05-05",
    ):
        assert line in text, line
