"""Every command the README shows in a `console` block runs, in a copy of the repository.

The quick start's two `sh` commands are not run here: the second is this test
suite itself (CI runs it verbatim from .ci/run), and what the first does is
covered by test_packaging.py (a non-editable install) and the site tests.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_commands() -> list[str]:
    commands = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("$ "):
                commands.append(line[2:])
    return commands


def test_readme_has_commands():
    names = {
        shlex.split(c)[1]
        for c in console_commands()
        if c.startswith("afterview ") and len(shlex.split(c)) > 1
    }
    assert {"new", "check", "agenda", "rules", "render", "export"} <= names


@pytest.fixture(scope="module")
def playbook(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("readme") / "playbook"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "venv", "site", "__pycache__", "benchmarks", "tests"
        ),
    )
    return copy


@pytest.mark.parametrize("command", console_commands())
def test_readme_command_runs(command: str, playbook: Path):
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("AFTERVIEW_NOW", None)
    result = subprocess.run(
        command, shell=True, cwd=playbook, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
