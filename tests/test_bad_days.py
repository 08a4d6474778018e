"""Publishing on the bad days: a deadline reminds, a broken record blocks.

The workflow that `afterview init` writes is simulated job by job, in the order
its `needs` give, on a playbook made by `init`: each `run:` step that calls
afterview or mkdocs runs in bash as on a runner (installing is skipped: the
test's own Afterview is on PATH), with AFTERVIEW_NOW pinned. Strict builds are
run with and without `-q` and must agree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from afterview.cli import cli
from fixtures.bad_days import BROKEN, NOW, OVERDUE
from test_notify import Gh

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "plugin" / "afterview" / "templates" / "playbook" / "workflow.yml"
SAMPLE_WORKFLOW = ROOT / ".github" / "workflows" / "playbook.yml"
BIN = Path(sys.executable).parent
REQUIREMENT = "afterview @ git+https://github.com/someone/afterview@v0.1.0"
RECORD = "content/interviews/2026-11-16-harbor-lane-books-inventory-analyst.yaml"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        AFTERVIEW_NOW=NOW,
        NO_MKDOCS_2_WARNING="1",
        NO_COLOR="1",
    )
    return env


def make_playbook(root: Path, record: str) -> Path:
    """A playbook written by `afterview init`, plus one record."""
    result = CliRunner().invoke(
        cli, ["init", str(root), "--timezone", "America/New_York", "--requirement", REQUIREMENT]
    )
    assert result.exit_code == 0, result.output
    (root / RECORD).write_text(record, encoding="utf-8")
    return root


# --- the workflow, simulated ---------------------------------------------------------------


@dataclass
class Job:
    status: str  # success | failure | skipped
    output: str = ""
    ran: list[str] = field(default_factory=list)  # the steps run, by name or action


def _needs(spec: dict) -> list[str]:
    needs = spec.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def _order(jobs: dict) -> list[str]:
    """The jobs in an order where each comes after the jobs it needs."""
    done: list[str] = []
    while len(done) < len(jobs):
        ready = [j for j in jobs if j not in done and set(_needs(jobs[j])) <= set(done)]
        assert ready, f"a cycle in needs: {jobs}"
        done += ready
    return done


def _condition(expression: str, context: dict[str, str]) -> bool:
    """The `if:` expressions this workflow uses: comparisons of context values joined by &&."""
    result = True
    for part in expression.split("&&"):
        m = re.fullmatch(r"\s*([\w.]+)\s*(==|!=)\s*'([^']*)'\s*", part)
        assert m, f"the simulation does not understand `if: {expression}`"
        equal = context[m[1]] == m[3]
        result = result and (equal if m[2] == "==" else not equal)
    return result


def _install(run: str) -> bool:
    return "pip install" in run


def run_workflow(workflow: Path, playbook: Path, work: Path, event: str) -> dict[str, Job]:
    """Every job of workflow on a fresh copy of playbook (as a runner checks it out)."""
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    context = {"github.event_name": event, "github.ref": "refs/heads/main"}
    work.mkdir(parents=True, exist_ok=True)
    gh = Gh(work)  # a fake `gh` for the notify job; its issues in work/gh-state.json
    env = _env()
    env.update(PATH=f"{gh.bin}{os.pathsep}{env['PATH']}", FAKE_GH_STATE=str(gh.state))
    results: dict[str, Job] = {}
    for name in _order(jobs):
        spec = jobs[name]
        if any(results[n].status != "success" for n in _needs(spec)):
            results[name] = Job("skipped")
            continue
        if "if" in spec and not _condition(spec["if"], context):
            results[name] = Job("skipped")
            continue
        checkout = work / name
        shutil.copytree(playbook, checkout)
        job = results[name] = Job("success")
        for step in spec["steps"]:
            if "uses" in step:
                action = step["uses"].split("@")[0]
                job.ran.append(action)
                if action == "actions/upload-pages-artifact":
                    site = checkout / step["with"]["path"]
                    assert (site / "status" / "index.html").is_file(), "the artifact holds the site"
                continue
            job.ran.append(step.get("name", step["run"]))
            if _install(step["run"]):
                continue
            proc = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                cwd=checkout,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            job.output += proc.stdout + proc.stderr
            if proc.returncode != 0:
                job.status = "failure"
                break
    return results


def test_every_step_the_simulation_skips_is_an_install() -> None:
    """Only installing is left out; every other run step of both workflows is run."""
    for workflow in (TEMPLATE, SAMPLE_WORKFLOW):
        jobs = yaml.safe_load(workflow.read_text())["jobs"]
        for spec in jobs.values():
            for step in spec["steps"]:
                if "run" in step and _install(step["run"]):
                    assert step["run"].strip() in (
                        "python -m pip install -r requirements.txt",
                        "python -m pip install .",
                    )


def test_the_sample_workflow_is_the_template_but_for_installing() -> None:
    """The repository's own workflow does what `init` writes; it installs from the checkout."""

    def shape(workflow: Path) -> dict:
        jobs = yaml.safe_load(workflow.read_text())["jobs"]
        return {
            name: (
                _needs(spec),
                spec.get("if"),
                [
                    s.get("uses") or s["run"]
                    for s in spec["steps"]
                    if not ("run" in s and ("pip install" in s["run"] or "grep" in s["run"]))
                ],
            )
            for name, spec in jobs.items()
        }

    assert shape(SAMPLE_WORKFLOW) == shape(TEMPLATE)
    assert set(shape(TEMPLATE)) == {"records", "build", "deploy", "deadlines", "notify"}


def test_overdue_but_valid_publishes_and_the_deadlines_job_fails(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path / "playbook", OVERDUE)
    jobs = run_workflow(TEMPLATE, playbook, tmp_path / "runs", event="schedule")
    assert {n: j.status for n, j in jobs.items()} == {
        "records": "success",
        "build": "success",
        "deploy": "success",
        "deadlines": "failure",
        "notify": "success",
    }, {n: j.output[-2000:] for n, j in jobs.items()}
    # Flagged loudly: an annotation on the line, in the records job that passes ...
    records = jobs["records"].output
    assert f"::error file={RECORD},line=6,col=5,title=thank-you-overdue::" in records
    assert f"::warning file={RECORD},line=1,col=1,title=follow-up-overdue::" in records
    # ... and a failing job naming each overdue step.
    deadlines = jobs["deadlines"].output
    for rule in ("thank-you-overdue", "reflection-missing", "follow-up-overdue"):
        assert rule in deadlines
    # Published: the site was built and handed to deploy-pages.
    assert "actions/upload-pages-artifact" in jobs["build"].ran
    assert jobs["deploy"].ran == ["actions/deploy-pages"]
    status = (tmp_path / "runs" / "build" / "site" / "status" / "index.html").read_text()
    assert "Harbor Lane Books" in status
    # Nudged: one open issue lists the overdue steps, linked to the published pages.
    (issue,) = json.loads((tmp_path / "runs" / "gh-state.json").read_text())["issues"]
    assert issue["state"] == "open" and issue["labels"] == ["afterview"]
    assert "### Overdue" in issue["body"] and "Harbor Lane Books" in issue["body"]
    assert "https://me.github.io/playbook/interviews/" in issue["body"]


def test_a_broken_record_fails_the_run_and_publishes_nothing(tmp_path: Path) -> None:
    playbook = make_playbook(tmp_path / "playbook", BROKEN)
    jobs = run_workflow(TEMPLATE, playbook, tmp_path / "runs", event="push")
    assert {n: j.status for n, j in jobs.items()} == {
        "records": "failure",
        "build": "skipped",
        "deploy": "skipped",
        "deadlines": "skipped",
        "notify": "skipped",
    }, {n: j.output[-2000:] for n, j in jobs.items()}
    records = jobs["records"].output
    assert f"::error file={RECORD},line=6,col=5,title=interviewer-title-missing::" in records
    assert f"::error file={RECORD},line=6,col=5,title=thank-you-overdue::" in records


def test_a_pull_request_builds_but_does_not_deploy(tmp_path: Path) -> None:
    jobs = yaml.safe_load(TEMPLATE.read_text())["jobs"]
    assert not _condition(
        jobs["deploy"]["if"],
        {"github.event_name": "pull_request", "github.ref": "refs/pull/1/merge"},
    )
    for event in ("push", "schedule", "workflow_dispatch"):
        assert _condition(
            jobs["deploy"]["if"], {"github.event_name": event, "github.ref": "refs/heads/main"}
        )


# --- strict builds, whatever MkDocs' log level -----------------------------------------------


def _build(playbook: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", *flags],
        cwd=playbook,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def _set_plugin_options(playbook: Path, **options: object) -> None:
    config = playbook / "mkdocs.yml"
    text = config.read_text()
    for key, value in options.items():
        line = f"      {key}: {value}\n"
        text = (
            re.sub(rf"^      {key}: .*\n", line, text, flags=re.M)
            if key in text
            else (text.replace("  - afterview:\n", "  - afterview:\n" + line))
        )
    config.write_text(text)


STRICT_FAILURE = "finding at or above fail_on (error) in strict mode"


@pytest.mark.parametrize(
    ("record", "options", "fails"),
    [
        (BROKEN, {}, True),  # a broken record fails a strict build
        (OVERDUE, {}, False),  # an overdue step does not (fail_on_kinds: [record])
        (OVERDUE, {"fail_on_kinds": "[record, deadline]"}, True),
    ],
    ids=["broken", "overdue", "overdue-with-deadline-kind"],
)
def test_quiet_and_normal_strict_builds_agree(
    tmp_path: Path, record: str, options: dict, fails: bool
) -> None:
    playbook = make_playbook(tmp_path / "playbook", record)
    _set_plugin_options(playbook, **options)
    quiet = _build(playbook, "-q", "--strict")
    normal = _build(playbook, "--strict")
    assert (quiet.returncode != 0) == fails, quiet.stdout + quiet.stderr
    assert (normal.returncode != 0) == fails, normal.stdout + normal.stderr
    for proc in (quiet, normal):
        said = proc.stdout + proc.stderr
        assert (STRICT_FAILURE in said) == fails, said
        if fails:
            first = (
                "thank-you-overdue" if "deadline" in str(options) else "interviewer-title-missing"
            )
            assert f"{RECORD}:6:5: error {first}" in said
    assert quiet.stderr.count("\n") <= 3, quiet.stderr  # -q: only the error and MkDocs' abort
