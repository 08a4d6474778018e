"""The statements of content/security.md that no other test module proves."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from afterview import loader
from afterview.loader import MAX_DEPTH, MAX_VALUES, Record, load_text

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-25T12:00:00-05:00"
BASE = "company: C\nrole: R\nwhen: 2026-11-18\n"

SITECUSTOMIZE = """
import os, socket
_mark = os.environ["AFTERVIEW_NET_MARK"]
def _deny(*args, **kwargs):
    with open(_mark, "a") as f:
        f.write(repr(args) + "\\n")
    raise OSError("network access is blocked by the test")
socket.socket.connect = _deny
socket.socket.connect_ex = _deny
socket.create_connection = _deny
socket.getaddrinfo = _deny
"""


def _playbook(tmp_path: Path) -> Path:
    book = tmp_path / "playbook"
    book.mkdir()
    for name in ("content", "site_overrides"):
        shutil.copytree(REPO / name, book / name)
    shutil.copy(REPO / "mkdocs.yml", book / "mkdocs.yml")
    (book / "afterview.toml").write_text(
        'interviews = "content/interviews"\ntimezone = "America/New_York"\n'
    )
    return book


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_no_command_and_no_build_touches_the_network(tmp_path: Path) -> None:
    """With every socket call refused, the commands and `mkdocs build` still work."""
    book = _playbook(tmp_path)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE)
    mark = tmp_path / "network-attempts.txt"
    env = {
        **os.environ,
        "PYTHONPATH": str(hook),
        "AFTERVIEW_NET_MARK": str(mark),
        "AFTERVIEW_NOW": NOW,
    }
    bin_dir = Path(sys.executable).parent
    runs = [
        [sys.executable, "-m", "afterview", "check"],
        [sys.executable, "-m", "afterview", "agenda", "--format", "ics"],
        [sys.executable, "-m", "afterview", "export", "--format", "json"],
        [sys.executable, "-m", "afterview", "render", str(tmp_path / "pages")],
        [str(bin_dir / "mkdocs"), "build", "--strict"],
    ]
    for args in runs:
        result = subprocess.run(
            args, cwd=book, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    assert not mark.exists(), mark.read_text()
    # the hook was really in place: a connection attempt is refused and noted
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert probe.returncode != 0 and mark.exists()


@pytest.mark.slow
def test_mkdocs_build_never_writes_into_the_records_folder(tmp_path: Path) -> None:
    book = _playbook(tmp_path)
    records = book / "content" / "interviews"
    before = _snapshot(book / "content")
    env = {**os.environ, "AFTERVIEW_NOW": NOW}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    build = subprocess.run(
        [str(mkdocs), "build"], cwd=book, env=env, capture_output=True, text=True, timeout=300
    )
    assert build.returncode == 0, build.stderr[-3000:]
    assert _snapshot(book / "content") == before
    assert list(records.glob("*.yaml")), "the records are still there"
    assert not list((book / "site").rglob("*.yaml")), "and none was published"


def test_the_loader_uses_libyaml_when_it_is_there() -> None:
    if yaml.__with_libyaml__:
        assert loader._Parser is yaml.CSafeLoader
    else:  # pragma: no cover - depends on the PyYAML build
        assert loader._Parser is yaml.SafeLoader


def test_plain_collection_tags_are_accepted() -> None:
    record = load_text((BASE + "notes: !!str text\nignore: !!seq [staff-not-thanked]\n").encode())
    assert isinstance(record, Record)
    assert record.data["ignore"] == ["staff-not-thanked"]
    nested = load_text((BASE + "closing: !!map {asked_next_steps: true}\n").encode())
    assert isinstance(nested, Record) and nested.data["closing"] == {"asked_next_steps": True}


def test_exactly_the_depth_limit_loads_and_one_more_does_not() -> None:
    def nested(levels: int) -> bytes:  # the top-level mapping and the innermost value count
        lists = levels - 2
        return (BASE + "notes: " + "[" * lists + "x" + "]" * lists + "\n").encode()

    assert isinstance(load_text(nested(MAX_DEPTH)), Record)
    problems = load_text(nested(MAX_DEPTH + 1))
    assert isinstance(problems, list) and problems[0].rule == "yaml-syntax"
    assert f"more than {MAX_DEPTH} levels" in problems[0].message


def test_exactly_the_value_limit_loads_and_one_more_does_not() -> None:
    # the mapping, 3 keys and 3 values of BASE, the key `notes` and the list: 9 values
    fill = MAX_VALUES - 9

    def with_items(n: int) -> bytes:
        return (BASE + "notes: [" + ",".join(["x"] * n) + "]\n").encode()

    assert isinstance(load_text(with_items(fill)), Record)
    problems = load_text(with_items(fill + 1))
    assert isinstance(problems, list) and problems[0].rule == "yaml-syntax"
    assert f"more than {MAX_VALUES:,} values" in problems[0].message


def test_the_workflow_publishes_only_from_main() -> None:
    wf = yaml.safe_load((REPO / ".github" / "workflows" / "playbook.yml").read_text())
    triggers = wf[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    deploy = wf["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
