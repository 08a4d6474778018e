"""`afterview init DIR` scaffolds a playbook that checks and builds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from afterview.cli import cli

NOW = "2026-11-25T12:00:00-05:00"
EXPECTED = {
    "mkdocs.yml",
    "afterview.toml",
    "requirements.txt",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/playbook.yml",
    "schemas/interview.schema.json",
    "content/index.md",
    "content/guide/thank-you-note.md",
    "site_overrides/main.html",
    "site_overrides/assets/afterview.js",
}


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_init_writes_the_playbook(tmp_path):
    target = tmp_path / "playbook"
    result = CliRunner().invoke(cli, ["init", str(target), "--timezone", "Europe/Paris"])
    assert result.exit_code == 0, result.output
    files = _files(target)
    assert EXPECTED <= files
    records = [f for f in files if f.startswith("content/interviews/") and f.endswith(".yaml")]
    assert len(records) == 1
    assert 'timezone = "Europe/Paris"' in (target / "afterview.toml").read_text()
    assert "site/" in (target / ".gitignore").read_text().split()
    mkdocs = yaml.safe_load((target / "mkdocs.yml").read_text())
    assert any(
        p == "afterview" or (isinstance(p, dict) and "afterview" in p) for p in mkdocs["plugins"]
    )
    record = (target / records[0]).read_text()
    assert record.startswith("# yaml-language-server: $schema=../../schemas/interview.schema.json")


def test_init_never_overwrites(tmp_path):
    target = tmp_path / "playbook"
    (target / "content").mkdir(parents=True)
    (target / "mkdocs.yml").write_text("site_name: mine\n")
    result = CliRunner().invoke(cli, ["init", str(target), "--timezone", "UTC"])
    assert result.exit_code == 2
    assert "mkdocs.yml" in result.output and "nothing was written" in result.output
    assert (target / "mkdocs.yml").read_text() == "site_name: mine\n"
    assert _files(target) == {"mkdocs.yml"}


def test_init_rejects_an_unknown_time_zone(tmp_path):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p"), "--timezone", "Mars/Olympus"])
    assert result.exit_code == 2
    assert "IANA" in result.output
    assert not (tmp_path / "p").exists()


def test_new_playbook_passes_check_and_strict_build(tmp_path):
    target = tmp_path / "playbook"
    assert CliRunner().invoke(cli, ["init", str(target), "--timezone", "UTC"]).exit_code == 0
    env = {**os.environ, "AFTERVIEW_NOW": NOW}
    bin_dir = Path(sys.executable).parent
    check = subprocess.run(
        [str(bin_dir / "afterview"), "check"], cwd=target, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "1 file checked: 0 errors" in check.stdout
    build = subprocess.run(
        [str(bin_dir / "mkdocs"), "build", "--strict"],
        cwd=target,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert (target / "site" / "status" / "index.html").is_file()
    assert not list((target / "site").rglob("*.yaml")), "raw records must not be published"
    status = (target / "site" / "status" / "index.html").read_text()
    assert "assets/afterview.js" in status, (
        "the sortable table's script ships with the new playbook"
    )
