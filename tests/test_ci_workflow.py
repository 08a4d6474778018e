"""The project's own CI (.github/workflows/ci.yml) runs what README.md "Development" says."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
JOBS = WORKFLOW["jobs"]


def runs(job: str) -> list[str]:
    return [step["run"] for step in JOBS[job]["steps"] if "run" in step]


def test_triggers() -> None:
    triggers = WORKFLOW[True] if True in WORKFLOW else WORKFLOW["on"]  # YAML 1.1 reads `on` as true
    assert {"push", "pull_request", "schedule", "workflow_dispatch"} <= set(triggers)
    assert triggers["schedule"][0]["cron"]


def test_every_push_lints_and_runs_the_fast_tier_on_two_pythons() -> None:
    on_push = "github.event_name == 'push' || github.event_name == 'pull_request'"
    assert JOBS["lint"]["if"] == JOBS["fast"]["if"] == on_push
    assert "ruff check" in runs("lint") and "ruff format --check" in runs("lint")
    assert JOBS["fast"]["strategy"]["matrix"]["python-version"] == ["3.11", "3.12"]
    assert runs("fast")[-1] == 'python -m pytest -q -m "not slow"'


def test_every_push_and_the_newest_versions_are_type_checked() -> None:
    for job in ("fast", "newest"):
        assert "python -m mypy" in runs(job), job  # the package, as [tool.mypy] says
        assert runs(job).index("python -m mypy") < len(runs(job)) - 1  # before the tests
    test_extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert any(d.startswith("mypy") for d in test_extras["optional-dependencies"]["test"])


def test_the_suite_runs_in_parallel_with_the_readme_command() -> None:
    """`python -m pytest -q` (README, .ci/run, the full job) runs on every core."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    addopts = project["tool"]["pytest"]["ini_options"]["addopts"].split()
    assert "-n" in addopts and addopts[addopts.index("-n") + 1] == "auto"
    assert any(
        d.startswith("pytest-xdist") for d in project["project"]["optional-dependencies"]["test"]
    )


def test_the_schedule_runs_everything_with_chromium_and_the_newest_versions() -> None:
    scheduled = "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'"
    assert JOBS["full"]["if"] == JOBS["newest"]["if"] == scheduled
    full = runs("full")
    assert full[-1] == "python -m pytest -q"  # every tier
    assert any("playwright install --with-deps chromium" in r for r in full)
    assert any("AFTERVIEW_CHROMIUM=" in r and "GITHUB_ENV" in r for r in full)
    assert [s for s in JOBS["full"]["steps"] if s.get("env", {}).get("CI") == "true"]
    newest = runs("newest")
    assert any("--upgrade --upgrade-strategy eager" in r and "'.[test]'" in r for r in newest)
    assert newest[-1] == 'python -m pytest -q -m "not slow"'


def test_actions_are_pinned_and_markers_registered() -> None:
    for job in JOBS.values():
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert "@" in step["uses"]
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    markers = {m.split(":")[0] for m in pytest_options["ini_options"]["markers"]}
    assert {"slow", "browser"} <= markers
    assert "--strict-markers" in pytest_options["ini_options"]["addopts"]
