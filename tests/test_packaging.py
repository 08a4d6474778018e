"""The package as a user installs it: a fresh virtual environment, no editable install."""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-11-25T12:00:00-05:00"


def _run(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "AFTERVIEW_NOW": NOW, **kw.pop("env", {})}
    env.pop("PYTHONPATH", None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, **kw)


def _fresh_venv(where: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(where)
    return where / "bin"


def test_build_makes_sdist_and_wheel_with_data_inside(dists):
    wheels = list(dists.glob("afterview-*.whl"))
    sdists = list(dists.glob("afterview-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    assert "afterview/data/interview.schema.json" in names
    assert "afterview/cli.py" in names
    assert any(n.startswith("afterview/templates/") for n in names)
    assert any(n.startswith("afterview/data/guidance/guide/") for n in names)
    assert "afterview/data/site_overrides/assets/afterview.js" in names
    assert "afterview/data/site_overrides/assets/afterview.css" in names
    assert "afterview/data/site_overrides/main.html" in names
    for kind in ("thank-you", "follow-up", "follow-up-email", "position-filled", "offer"):
        assert f"afterview/templates/drafts/{kind}.txt.j2" in names
    assert "afterview/templates/record.yaml.tmpl" in names  # afterview new
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheels[0]).read(entry_points).decode()
    assert "afterview = afterview.cli:main" in text
    assert "afterview = afterview.site.plugin:AfterviewPlugin" in text


def test_wheel_in_fresh_venv_checks_records_and_builds_a_new_playbook(dists, tmp_path):
    bin_ = _fresh_venv(tmp_path / "venv")
    (wheel,) = dists.glob("afterview-*.whl")
    install = _run([str(bin_ / "pip"), "install", "-q", str(wheel)], cwd=tmp_path)
    assert install.returncode == 0, install.stderr[-3000:]

    records = tmp_path / "records"
    shutil.copytree(ROOT / "content" / "interviews", records)
    check = _run([str(bin_ / "afterview"), "check", str(records)], cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "7 files checked" in check.stdout

    # the draft templates come from the installed package, not the source tree
    thank = _run(
        [str(bin_ / "afterview"), "draft", "thank-you",
         str(records / "2026-11-24-bluegate-analytics-analytics-engineer.yaml")],
        cwd=tmp_path,
    )  # fmt: skip
    assert thank.returncode == 0, thank.stdout + thank.stderr
    assert thank.stdout.startswith("To: ") and "Dear " in thank.stdout
    assert (
        "site-packages" in _run([str(bin_ / "afterview"), "draft", "--list"], cwd=tmp_path).stdout
    )

    new_playbook = tmp_path / "my-playbook"
    init = _run(
        [str(bin_ / "afterview"), "init", str(new_playbook), "--timezone", "Europe/Paris"],
        cwd=tmp_path,
    )
    assert init.returncode == 0, init.stdout + init.stderr
    check = _run([str(bin_ / "afterview"), "check"], cwd=new_playbook)
    assert check.returncode == 0, check.stdout + check.stderr
    build = _run([str(bin_ / "mkdocs"), "build", "--strict"], cwd=new_playbook)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (new_playbook / "site" / "status" / "index.html").is_file()


def test_pip_install_dot_non_editable_runs_check(tmp_path):
    """`pip install .` (not editable) from the repository: the schema ships inside."""
    src = tmp_path / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(".venv", "venv", "site", ".git", "__pycache__", "benchmarks"),
    )
    bin_ = _fresh_venv(tmp_path / "venv")
    install = _run([str(bin_ / "pip"), "install", "-q", "."], cwd=src)
    assert install.returncode == 0, install.stderr[-3000:]
    shutil.rmtree(src / "schemas")  # the installed package must not need the source tree
    shutil.rmtree(src / "plugin")
    result = _run(
        [str(bin_ / "afterview"), "check", "content/interviews", "--format", "json"], cwd=src
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"files": 7' in result.stdout
