"""Nothing lost: reading commands never change, add or remove a file of the records.

A copy of ``content/interviews`` (and, in a second test, of the hostile corpus)
is hashed file by file (content, mode and modification time) before and after
running the commands that read records: ``check`` in every format,
``agenda`` in every format, ``export`` (to standard output and to a file
outside the folder) and ``render`` (into a folder outside it), each as a real
subprocess in a playbook whose settings point at the copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # every command as a subprocess, on three playbooks

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-25T12:00:00-05:00"
HOSTILE = Path(__file__).parent / "hostile"


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file and folder below folder: its hash (files), mode and mtime in ns."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
            out[str(path.relative_to(folder))] = (digest, info.st_mode, info.st_mtime_ns)
    return out


def playbook(tmp_path: Path, records: Path) -> tuple[Path, Path]:
    """A playbook folder whose settings point at a copy of records."""
    book = tmp_path / "playbook"
    copy = book / "content" / "interviews"
    shutil.copytree(records, copy, symlinks=True)
    (book / "pyproject.toml").write_text(
        '[tool.afterview]\ninterviews = "content/interviews"\ntimezone = "America/New_York"\n'
    )
    return book, copy


def commands(out: Path) -> list[list[str]]:
    folder = "content/interviews"
    return [
        ["check", "--now", NOW],
        ["check", folder, "--format", "json", "--now", NOW],
        ["check", folder, "--format", "github", "--now", NOW],
        ["check", folder, "--format", "junit", "--now", NOW],
        ["check", folder, "--strict", "--quiet", "--now", NOW],
        ["agenda", "--now", NOW],
        ["agenda", folder, "--format", "json", "--days", "365", "--now", NOW],
        ["agenda", folder, "--format", "ics", "--now", NOW],
        ["export", "--now", NOW],
        ["export", folder, "--format", "json", "--now", NOW],
        ["export", folder, "--output", str(out / "export.csv"), "--now", NOW],
        ["render", str(out / "pages"), "--now", NOW],
        ["render", str(out / "redacted"), "--redact", "--now", NOW],
    ]


def available(name: str) -> bool:
    return (REPO / "plugin" / "afterview" / "commands" / f"{name}.py").exists()


def run_all(book: Path, out: Path) -> list[subprocess.CompletedProcess]:
    done = []
    for args in commands(out):
        if not available(args[0]):
            continue
        result = subprocess.run(
            [sys.executable, "-m", "afterview", *args],
            cwd=book,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.returncode in (0, 1, 2), (args, result.returncode, result.stderr)
        done.append(result)
    return done


def test_sample_records_are_untouched(tmp_path: Path) -> None:
    book, copy = playbook(tmp_path, REPO / "content" / "interviews")
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(copy)
    assert before, "the sample playbook has records"
    done = run_all(book, out)
    assert len(done) >= 5  # check at least; agenda, export and render where they exist
    assert snapshot(copy) == before
    assert sorted(p.name for p in book.iterdir()) == ["content", "pyproject.toml"]


@pytest.mark.parametrize("with_links", [False, True])
def test_hostile_records_are_untouched(tmp_path: Path, with_links: bool) -> None:
    book, copy = playbook(tmp_path, HOSTILE)
    if with_links:  # the odd paths of test_paths, inside the folder
        os.symlink("clean.yaml", copy / "link-inside.yaml")
        os.symlink(".", copy / "loop")
        os.symlink("missing.yaml", copy / "dangling.yaml")
        if hasattr(os, "mkfifo"):
            os.mkfifo(copy / "pipe.yaml")
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(copy)
    run_all(book, out)
    assert snapshot(copy) == before
