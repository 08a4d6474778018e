"""What the parallel suite shares (tests/conftest.py): made once, by whoever asks first.

``shared_folder`` is what every worker calls for a site or wheel built once per
session; here two threads stand in for two workers asking at the same moment.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from conftest import shared_folder


class Factory:
    """A stand-in for pytest's tmp_path_factory: only the basetemp is read."""

    def __init__(self, basetemp: Path) -> None:
        self.basetemp = basetemp

    def getbasetemp(self) -> Path:
        return self.basetemp


def test_two_workers_asking_at_once_make_it_once(tmp_path: Path) -> None:
    made: list[str] = []

    def make(folder: Path) -> None:
        made.append(threading.current_thread().name)
        time.sleep(0.3)  # the other asks while this one is still making
        (folder / "site.txt").write_text("built", encoding="utf-8")

    got: list[Path] = []
    workers = [
        threading.Thread(
            target=lambda: got.append(shared_folder(Factory(tmp_path), "site", make)),
            name=f"gw{i}",
        )
        for i in range(2)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(made) == 1
    assert got == [tmp_path / "shared" / "site"] * 2
    assert (got[0] / "site.txt").read_text(encoding="utf-8") == "built"


def test_a_failed_make_is_tried_again_from_an_empty_folder(tmp_path: Path) -> None:
    def broken(folder: Path) -> None:
        (folder / "half.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("the build failed")

    with pytest.raises(RuntimeError, match="the build failed"):
        shared_folder(Factory(tmp_path), "site", broken)
    seen: list[list[str]] = []
    folder = shared_folder(
        Factory(tmp_path),
        "site",
        lambda f: seen.append(sorted(p.name for p in f.iterdir())),
    )
    assert seen == [[]]  # the half-made files are gone
    assert folder == tmp_path / "shared" / "site"


def test_workers_share_the_session_folder_above_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under xdist each worker's basetemp is SESSION/popen-gwN; the shared folder is in
    SESSION. Outside xdist, or in a pytest a worker starts, it stays in the basetemp."""
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    worker = tmp_path / "popen-gw1"
    worker.mkdir()
    assert shared_folder(Factory(worker), "a", lambda f: None) == tmp_path / "shared" / "a"
    child = tmp_path / "pytest-7"
    child.mkdir()
    assert shared_folder(Factory(child), "b", lambda f: None) == child / "shared" / "b"
    monkeypatch.delenv("PYTEST_XDIST_WORKER")
    assert shared_folder(Factory(worker), "c", lambda f: None) == worker / "shared" / "c"
