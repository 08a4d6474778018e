"""Paths that are not plain record files: what ``afterview check`` does with each.

The rule: a *file* that can be read gets findings (``yaml-syntax`` and the
rest) and the other files are checked as usual; a *path* that cannot be used
(missing, unreadable, not a regular file, a link not followed) is named on
standard error as ``afterview: PATH: reason``, the other files are still
checked and reported, and the exit status is 2. Never a traceback, never a
hang.

Decided per case:

- a missing path: "PATH: no such file or folder", exit 2;
- a folder with no ``*.yaml``/``*.yml`` (empty, or other files only):
  "no record found in PATH", exit 2;
- a symlink loop: a looping link to a file ("cannot be read: Too many levels
  of symbolic links") and a link to a folder (never followed: "a symbolic
  link to a folder; not followed") are errors naming the link, exit 2; the
  search never loops;
- a symlink leaving the folder searched: not read ("a symbolic link leading
  out of FOLDER; not read"), exit 2, so a link cannot bring a file from
  elsewhere on the machine into a report or a site; a link given on the
  command line is followed (the user named it), and a link staying inside the
  folder is read;
- a dangling symlink: "a symbolic link to a missing file", exit 2;
- an unreadable file: "permission denied; the file cannot be read" or
  "cannot be read: <reason>", exit 2. Tests run as root, where chmod 000 does
  not stop reading: that case is skipped when ``os.geteuid() == 0``, and a
  file root cannot read either (a link to ``/proc/self/mem``, whose first page
  gives EIO) stands in for it;
- a subfolder that cannot be listed: "the folder cannot be listed", exit 2
  (skipped as root, for the same reason);
- a directory named ``x.yaml``: a folder, searched like any other (given alone
  and empty: "no record found", exit 2);
- a FIFO (or a device) named ``x.yaml``: opened without blocking and refused,
  "not a regular file (a pipe or device); skipped", exit 2;
- a record that changes between discovery and reading: whatever is there when
  it is read is used. Emptied: a ``yaml-syntax`` finding ("holds no record"),
  exit 1; grown past 1 MiB: a ``yaml-syntax`` finding, exit 1 (never more than
  1 MiB + 1 byte is read); replaced by a new file: the new text is checked;
  removed: "no such file (it may have been removed)", exit 2; replaced by a
  folder or a FIFO: the messages above, exit 2;
- hidden files and folders (``.draft.yaml``, ``.git/``) inside a folder are
  skipped silently.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import afterview.checker
from afterview.cli import cli
from afterview.discover import discover
from afterview.loader import MAX_BYTES, read_file

HOSTILE = Path(__file__).parent / "hostile"
NOW = "2026-11-25T12:00:00-05:00"
CLEAN = (HOSTILE / "clean.yaml").read_bytes()
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
AS_ROOT = "running as root: chmod 000 does not stop root from reading (see the /proc case)"


def check(*paths: Path | str) -> Result:
    """``afterview check`` with one line per finding (``path:line:column: ...``)."""
    args = ["check", *map(str, paths), "--now", NOW, "--format", "concise"]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def check_in_subprocess(*paths: Path | str, timeout: float = 20) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "afterview", "check", *map(str, paths), "--now", NOW],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one clean record, good.yaml."""
    d = tmp_path / "interviews"
    d.mkdir()
    (d / "good.yaml").write_bytes(CLEAN)
    return d


def checked_good(result: Result | subprocess.CompletedProcess) -> bool:
    """The clean record was checked and counted alongside the bad path."""
    return "1 file checked" in result.stdout or "files checked" in result.stdout


# --- missing and empty ------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    result = check(tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.yaml'}: no such file or folder" in result.stderr


def test_missing_path_beside_a_good_one(folder: Path, tmp_path: Path) -> None:
    result = check(folder, tmp_path / "nope")
    assert result.exit_code == 2
    assert "nope: no such file or folder" in result.stderr
    assert "1 file checked" in result.stdout


def test_empty_folder(tmp_path: Path) -> None:
    result = check(tmp_path)
    assert result.exit_code == 2
    assert f"no record found in {tmp_path}" in result.stderr


def test_folder_with_other_files_only(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("company: x\n")
    (tmp_path / ".hidden.yaml").write_bytes(CLEAN)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.yaml").write_bytes(CLEAN)
    result = check(tmp_path)
    assert result.exit_code == 2
    assert "no record found" in result.stderr


# --- symbolic links ---------------------------------------------------------------------


def test_symlink_loop_between_files(folder: Path) -> None:
    os.symlink("b.yaml", folder / "a.yaml")
    os.symlink("a.yaml", folder / "b.yaml")
    result = check(folder)
    assert result.exit_code == 2
    assert (
        f"{folder / 'a.yaml'}: cannot be read: Too many levels of symbolic links" in result.stderr
    )
    assert f"{folder / 'b.yaml'}: cannot be read" in result.stderr
    assert "1 file checked" in result.stdout


def test_symlink_loop_to_a_parent_folder(folder: Path) -> None:
    os.symlink(".", folder / "loop")
    os.symlink("..", folder / "up")
    result = check_in_subprocess(folder)  # a loop must not hang: bounded by the timeout
    assert result.returncode == 2
    assert f"{folder / 'loop'}: a symbolic link to a folder; not followed" in result.stderr
    assert f"{folder / 'up'}: a symbolic link to a folder; not followed" in result.stderr
    assert "1 file checked" in result.stdout
    assert "Traceback" not in result.stderr


def test_symlink_loop_given_directly(tmp_path: Path) -> None:
    os.symlink("self.yaml", tmp_path / "self.yaml")
    result = check(tmp_path / "self.yaml")
    assert result.exit_code == 2
    assert "self.yaml: cannot be read: Too many levels of symbolic links" in result.stderr


def test_symlink_leaving_the_folder_is_not_read(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    secret = outside / "secret.yaml"
    secret.write_text("company: SECRET-VALUE\nrole: 1\n")
    os.symlink(secret, folder / "link.yaml")
    os.symlink(outside, folder / "linked-folder")
    result = check(folder)
    assert result.exit_code == 2
    assert f"{folder / 'link.yaml'}: a symbolic link leading out of {folder}; not read" in (
        result.stderr
    )
    assert f"{folder / 'linked-folder'}: a symbolic link to a folder; not followed" in result.stderr
    assert "SECRET-VALUE" not in result.output
    assert "1 file checked" in result.stdout


def test_symlink_given_on_the_command_line_is_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.yaml"
    target.write_bytes(CLEAN)
    os.symlink(target, tmp_path / "link.yaml")
    result = check(tmp_path / "link.yaml")
    assert result.exit_code == 0, result.output
    assert "1 file checked" in result.stdout


def test_symlink_inside_the_folder_is_read(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "real.yaml").write_bytes(CLEAN)
    os.symlink(Path("sub") / "real.yaml", folder / "alias.yaml")
    result = check(folder)
    assert result.exit_code == 0, result.output
    assert "3 files checked" in result.stdout


def test_dangling_symlink(folder: Path) -> None:
    os.symlink("gone.yaml", folder / "dangling.yaml")
    result = check(folder)
    assert result.exit_code == 2
    assert f"{folder / 'dangling.yaml'}: a symbolic link to a missing file" in result.stderr
    assert "1 file checked" in result.stdout


# --- unreadable -------------------------------------------------------------------------


@pytest.mark.skipif(ROOT, reason=AS_ROOT)
def test_unreadable_file(folder: Path) -> None:
    bad = folder / "locked.yaml"
    bad.write_bytes(CLEAN)
    bad.chmod(0)
    try:
        result = check(folder)
    finally:
        bad.chmod(0o644)
    assert result.exit_code == 2
    assert f"{bad}: permission denied; the file cannot be read" in result.stderr
    assert "1 file checked" in result.stdout


@pytest.mark.skipif(ROOT, reason=AS_ROOT)
def test_unlistable_subfolder(folder: Path) -> None:
    sub = folder / "locked"
    sub.mkdir()
    (sub / "x.yaml").write_bytes(CLEAN)
    sub.chmod(0)
    try:
        result = check(folder)
    finally:
        sub.chmod(0o755)
    assert result.exit_code == 2
    assert f"{sub}: the folder cannot be listed" in result.stderr


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_even_root_cannot_read(folder: Path) -> None:
    """/proc/self/mem opens as a regular file, but reading its first page fails (EIO)."""
    link = folder.parent / "mem.yaml"
    os.symlink("/proc/self/mem", link)
    result = check(folder, link)
    assert result.exit_code == 2
    assert f"{link}: cannot be read: Input/output error" in result.stderr
    assert "1 file checked" in result.stdout


def test_a_device_is_refused(folder: Path) -> None:
    result = check(folder, "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero: not a regular file (a pipe or device); skipped" in result.stderr


# --- not files --------------------------------------------------------------------------


def test_directory_named_like_a_record(folder: Path) -> None:
    inner = folder / "x.yaml"
    inner.mkdir()
    (inner / "inside.yml").write_bytes(CLEAN)
    result = check(folder)
    assert result.exit_code == 0, result.output
    assert "2 files checked" in result.stdout


def test_empty_directory_named_like_a_record_given_alone(tmp_path: Path) -> None:
    inner = tmp_path / "x.yaml"
    inner.mkdir()
    result = check(inner)
    assert result.exit_code == 2
    assert f"no record found in {inner}" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_a_folder_does_not_block(folder: Path) -> None:
    os.mkfifo(folder / "x.yaml")
    result = check_in_subprocess(folder, timeout=20)
    assert result.returncode == 2
    assert f"{folder / 'x.yaml'}: not a regular file (a pipe or device); skipped" in result.stderr
    assert "1 file checked" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_given_directly_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.yaml")
    result = check_in_subprocess(tmp_path / "x.yaml", timeout=20)
    assert result.returncode == 2
    assert "x.yaml: not a regular file (a pipe or device); skipped" in result.stderr


# --- a record that changes while it is being read --------------------------------------


def changed_on_read(monkeypatch: pytest.MonkeyPatch, change: Callable[[Path], None]) -> None:
    """Make the checker's read see the file after `change` ran (after discovery)."""
    real = afterview.checker.read_file

    def read(path: str) -> bytes:
        change(Path(path))
        return real(path)

    monkeypatch.setattr(afterview.checker, "read_file", read)


def test_emptied_between_discovery_and_read(folder: Path, monkeypatch) -> None:
    changed_on_read(monkeypatch, lambda p: p.write_bytes(b""))
    result = check(folder)
    assert result.exit_code == 1
    assert "good.yaml:1:1: error yaml-syntax the file holds no record" in result.stdout


def test_truncated_mid_record(folder: Path, monkeypatch) -> None:
    changed_on_read(monkeypatch, lambda p: p.write_bytes(CLEAN[:75]))
    result = check(folder)
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_grown_past_the_limit_while_read(folder: Path, monkeypatch) -> None:
    changed_on_read(monkeypatch, lambda p: p.write_bytes(CLEAN + b"#" * (2 * MAX_BYTES)))
    result = check(folder)
    assert result.exit_code == 1
    assert "yaml-syntax the file is larger than 1,048,576 bytes" in result.stdout


def test_replaced_by_a_new_file(folder: Path, monkeypatch) -> None:
    def replace(p: Path) -> None:
        new = p.with_name("new.tmp")
        new.write_bytes(CLEAN.replace(b"format: video", b"format: in person"))
        os.replace(new, p)

    changed_on_read(monkeypatch, replace)
    result = check(folder)
    assert result.exit_code == 1
    assert "good.yaml:5:9: error schema format:" in result.stdout


def test_removed_between_discovery_and_read(folder: Path, monkeypatch) -> None:
    changed_on_read(monkeypatch, lambda p: p.unlink())
    result = check(folder)
    assert result.exit_code == 2
    assert f"{folder / 'good.yaml'}: no such file (it may have been removed)" in result.stderr


def test_replaced_by_a_folder(folder: Path, monkeypatch) -> None:
    def to_folder(p: Path) -> None:
        p.unlink()
        p.mkdir()

    changed_on_read(monkeypatch, to_folder)
    result = check(folder)
    assert result.exit_code == 2
    assert f"{folder / 'good.yaml'}: is a folder, not a record file" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_replaced_by_a_fifo(folder: Path, monkeypatch) -> None:
    def to_fifo(p: Path) -> None:
        p.unlink()
        os.mkfifo(p)

    changed_on_read(monkeypatch, to_fifo)
    result = check(folder)
    assert result.exit_code == 2
    assert "good.yaml: not a regular file (a pipe or device); skipped" in result.stderr


# --- read_file and discover directly ----------------------------------------------------


def test_read_file_reads_at_most_one_byte_over_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(50 * MAX_BYTES)  # sparse: 50 MiB without writing them
    assert len(read_file(str(big))) == MAX_BYTES + 1


def test_discovery_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.yml", "a.yaml", ".c.yaml", "d.txt"):
        (tmp_path / name).write_bytes(CLEAN)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "e.yaml").write_bytes(CLEAN)
    found = discover([str(tmp_path)])
    assert found.files == [str(tmp_path / "a.yaml"), str(tmp_path / "b.yml")]
    assert found.errors == []
