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
from contextlib import contextmanager
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


@contextmanager
def mkdocs_serve(
    root: Path, host: str = "127.0.0.1", *args: str
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve -a host:port [args]` in root, answering; yields its base URL and the
    process, and stops it. The free port is found before the server binds it, so another
    process may take it in between: then the server exits saying so, and it is started
    again on another port (at most five tries)."""
    log_path = root.parent / "serve.log"
    for _attempt in range(5):
        port = free_port()
        address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        base = f"http://127.0.0.1:{port}"
        with open(log_path, "w") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", address, *args],
                cwd=root,
                env=env(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            deadline = time.monotonic() + 60
            while proc.poll() is None and fetch(f"{base}/status/") is None:
                assert time.monotonic() < deadline, "mkdocs serve did not answer in 60 s"
                time.sleep(0.3)
            if proc.poll() is not None:
                said = log_path.read_text(errors="replace")
                assert "in use" in said, f"mkdocs serve exited:\n{said[-3000:]}"
                continue  # the port was taken: try another
            yield base, proc
            return
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
    raise AssertionError("mkdocs serve found no free port in five tries")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    root = make_site(tmp_path, REPO / "content" / "interviews", {"fail_on": "never"})
    with mkdocs_serve(root) as (base, proc):
        yield root, f"{base}/status/", proc


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


def test_a_port_taken_before_the_server_binds_it_is_tried_again(tmp_path, monkeypatch) -> None:
    """The race `free_port` leaves open: the first port is taken by the time the server
    binds it; the server says so and exits, and the next port is used."""
    import test_site_serve

    root = make_site(tmp_path, REPO / "content" / "interviews", {"fail_on": "never"})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports = iter([taken.getsockname()[1], free_port()])
        monkeypatch.setattr(test_site_serve, "free_port", lambda: next(ports))
        with mkdocs_serve(root) as (base, proc):
            assert base.endswith(f":{proc.args[-1].rsplit(':', 1)[1]}")
            assert "Quillon" in (fetch(f"{base}/status/") or "")
            assert taken.getsockname()[1] != int(base.rsplit(":", 1)[1])
