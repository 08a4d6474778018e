"""Live editing: `mkdocs serve` rebuilds when a record changes and survives a broken one."""

from __future__ import annotations

import html
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fixtures.site.helpers import REPO, env, make_site

pytestmark = pytest.mark.slow

RECORD = "2026-11-13-quillon-logistics-site-reliability-engineer.yaml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return html.unescape(r.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(check: Callable[[], bool], proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "mkdocs serve exited"
        if check():
            return
        time.sleep(0.3)
    raise AssertionError(f"not seen within {seconds} s")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    root = make_site(tmp_path, REPO / "content" / "interviews", {"fail_on": "never"})
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield root, f"http://127.0.0.1:{port}/status/", proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def test_editing_a_record_updates_the_status_page(served) -> None:
    root, url, proc = served
    wait_for(lambda: "Quillon Logistics" in (fetch(url) or ""), proc)
    record = root / "content" / "interviews" / RECORD
    record.write_text(record.read_text().replace("Quillon Logistics", "Quillon Freightways"))
    wait_for(lambda: "Quillon Freightways" in (fetch(url) or ""), proc)

    record.write_text("company: [this is not closed\nrole: x\n")
    wait_for(lambda: "could not load" in (fetch(url) or ""), proc)
    page = fetch(url) or ""
    assert "Errors in records" in page and RECORD in page and "Quillon" not in page
    assert proc.poll() is None

    record.write_text((REPO / "content" / "interviews" / RECORD).read_text())
    wait_for(lambda: "Quillon Logistics" in (fetch(url) or ""), proc)
    assert "could not load" not in (fetch(url) or "")
    assert not list((root / "content").rglob("status.md"))
