"""The package is typed throughout, and mypy checks it: `mypy` with the project's
configuration ([tool.mypy] in pyproject.toml, strict) finds no error in plugin/afterview.

mypy runs as CI runs it, from the repository with no arguments, its cache in a
temporary folder (a few seconds cold). A second run on a module with two known
mistakes shows that the same configuration does report them.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def mypy(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy", reason="mypy is in the test extras: pip install -e '.[test]'")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_configuration_is_strict_on_the_whole_package() -> None:
    assert CONFIG["strict"] is True
    assert CONFIG["files"] == ["plugin/afterview"]
    assert "ignore_errors" not in CONFIG and "overrides" not in CONFIG
    assert CONFIG.get("ignore_missing_imports") is not True


def test_mypy_finds_no_error_in_the_package(tmp_path: Path) -> None:
    done = mypy(cache=tmp_path / "cache")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Success: no issues found in"), done.stdout


def test_the_configuration_reports_untyped_and_wrong_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def untyped(x):\n    return x\n\n\ncount: int = 'three'\n",
        encoding="utf-8",
    )
    done = mypy(str(bad), cache=tmp_path / "cache")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "[no-untyped-def]" in done.stdout
    assert "[assignment]" in done.stdout
