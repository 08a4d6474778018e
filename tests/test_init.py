"""`afterview init DIR` scaffolds a playbook that checks and builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from afterview.cli import cli

NOW = "2026-11-25T12:00:00-05:00"
EXPECTED = {
    "mkdocs.yml",
    "afterview.toml",
    "requirements.txt",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/playbook.yml",
    "schemas/interview.schema.json",
    "content/index.md",
    "content/guide/thank-you-note.md",
    "site_overrides/main.html",
    "site_overrides/assets/afterview.js",
}


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_init_writes_the_playbook(tmp_path):
    target = tmp_path / "playbook"
    result = CliRunner().invoke(cli, ["init", str(target), "--timezone", "Europe/Paris"])
    assert result.exit_code == 0, result.output
    files = _files(target)
    assert EXPECTED <= files
    records = [f for f in files if f.startswith("content/interviews/") and f.endswith(".yaml")]
    assert len(records) == 1
    assert 'timezone = "Europe/Paris"' in (target / "afterview.toml").read_text()
    assert "site/" in (target / ".gitignore").read_text().split()
    mkdocs = yaml.safe_load((target / "mkdocs.yml").read_text())
    assert any(
        p == "afterview" or (isinstance(p, dict) and "afterview" in p) for p in mkdocs["plugins"]
    )
    record = (target / records[0]).read_text()
    assert record.startswith("# yaml-language-server: $schema=../../schemas/interview.schema.json")


def test_init_never_overwrites(tmp_path):
    target = tmp_path / "playbook"
    (target / "content").mkdir(parents=True)
    (target / "mkdocs.yml").write_text("site_name: mine\n")
    result = CliRunner().invoke(cli, ["init", str(target), "--timezone", "UTC"])
    assert result.exit_code == 2
    assert "mkdocs.yml" in result.output and "nothing was written" in result.output
    assert (target / "mkdocs.yml").read_text() == "site_name: mine\n"
    assert _files(target) == {"mkdocs.yml"}


def test_init_rejects_an_unknown_time_zone(tmp_path):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p"), "--timezone", "Mars/Olympus"])
    assert result.exit_code == 2
    assert "IANA" in result.output
    assert not (tmp_path / "p").exists()


@pytest.mark.slow
def test_new_playbook_passes_check_and_strict_build(tmp_path):
    target = tmp_path / "playbook"
    assert CliRunner().invoke(cli, ["init", str(target), "--timezone", "UTC"]).exit_code == 0
    env = {**os.environ, "AFTERVIEW_NOW": NOW}
    bin_dir = Path(sys.executable).parent
    check = subprocess.run(
        [str(bin_dir / "afterview"), "check"], cwd=target, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "1 file checked: 0 errors" in check.stdout
    build = subprocess.run(
        [str(bin_dir / "mkdocs"), "build", "--strict"],
        cwd=target,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert (target / "site" / "status" / "index.html").is_file()
    assert not list((target / "site").rglob("*.yaml")), "raw records must not be published"
    status = (target / "site" / "status" / "index.html").read_text()
    assert "assets/afterview.js" in status, (
        "the sortable table's script ships with the new playbook"
    )


# --- requirements.txt that installs ------------------------------------------------------

WORKFLOW = Path(__file__).resolve().parents[1] / "plugin/afterview/templates/playbook/workflow.yml"


class _Dist:
    """A stand-in for importlib.metadata's distribution of afterview."""

    version = "0.1.0"

    def __init__(self, direct_url: dict | None) -> None:
        self.direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return None if self.direct_url is None else json.dumps(self.direct_url)


def _installed_as(monkeypatch: pytest.MonkeyPatch, direct_url: dict | None) -> None:
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: _Dist(direct_url))


COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(
    ("direct_url", "line"),
    [
        (
            {
                "url": "https://github.com/someone/afterview",
                "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"},
            },
            f"afterview @ git+https://github.com/someone/afterview@{COMMIT}",
        ),
        (  # a token in the URL is never written into the playbook
            {
                "url": "https://x-token:secret@github.com/someone/afterview.git",
                "vcs_info": {"vcs": "git", "commit_id": COMMIT},
                "subdirectory": "tool",
            },
            f"afterview @ git+https://github.com/someone/afterview.git@{COMMIT}#subdirectory=tool",
        ),
        (
            {
                "url": "ssh://git@github.com/someone/afterview",
                "vcs_info": {"vcs": "git", "commit_id": COMMIT},
            },
            f"afterview @ git+ssh://git@github.com/someone/afterview@{COMMIT}",
        ),
        (
            {"url": "https://example.org/afterview-0.1.0.tar.gz", "archive_info": {}},
            "afterview @ https://example.org/afterview-0.1.0.tar.gz",
        ),
        (None, "afterview==0.1.0"),  # from a package index
        ({"url": "file:///home/me/afterview", "dir_info": {"editable": True}}, None),
        ({"url": "file:///home/me/afterview", "dir_info": {}}, None),
        ({"url": "file:///tmp/afterview-0.1.0-py3-none-any.whl", "archive_info": {}}, None),
        (
            {"url": "file:///home/me/afterview", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
            None,
        ),
    ],
)
def test_requirement_from_how_afterview_was_installed(
    monkeypatch: pytest.MonkeyPatch, direct_url: dict | None, line: str | None
) -> None:
    from afterview.scaffold import installed_requirement

    _installed_as(monkeypatch, direct_url)
    assert installed_requirement()[0] == line


def _guard(playbook: Path) -> subprocess.CompletedProcess:
    """The workflow's step that checks requirements.txt names Afterview, run by bash."""
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    (step,) = [s for s in jobs["records"]["steps"] if "requirements.txt" in s.get("name", "")]
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=playbook,
        capture_output=True,
        text=True,
    )


def test_init_from_a_git_install_writes_that_requirement(tmp_path, monkeypatch) -> None:
    _installed_as(
        monkeypatch,
        {
            "url": "https://github.com/someone/afterview",
            "vcs_info": {"vcs": "git", "commit_id": COMMIT},
        },
    )
    target = tmp_path / "playbook"
    result = CliRunner().invoke(cli, ["init", str(target), "--timezone", "UTC"])
    assert result.exit_code == 0, result.output
    line = f"afterview @ git+https://github.com/someone/afterview@{COMMIT}"
    assert line in (target / "requirements.txt").read_text().splitlines()
    assert f"requirements.txt installs {line}" in result.stdout
    assert _guard(target).returncode == 0


def test_init_requirement_option(tmp_path) -> None:
    target = tmp_path / "playbook"
    req = "afterview @ git+https://github.com/someone/afterview@v0.1.0"
    result = CliRunner().invoke(
        cli, ["init", str(target), "--timezone", "UTC", "--requirement", req]
    )
    assert result.exit_code == 0, result.output
    lines = (target / "requirements.txt").read_text().splitlines()
    assert [x for x in lines if not x.startswith("#")] == [req]
    assert _guard(target).returncode == 0


@pytest.mark.parametrize("req", ["requests==2.0", "afterview @@ nowhere", "afterview\nrequests"])
def test_init_refuses_a_requirement_that_is_not_afterview(tmp_path, req: str) -> None:
    result = CliRunner().invoke(
        cli, ["init", str(tmp_path / "p"), "--timezone", "UTC", "--requirement", req]
    )
    assert result.exit_code == 2
    assert "--requirement" in result.stderr
    assert not (tmp_path / "p").exists()


def test_init_from_a_local_folder_writes_a_placeholder_and_says_so(tmp_path, monkeypatch) -> None:
    _installed_as(monkeypatch, {"url": "file:///home/me/afterview", "dir_info": {"editable": True}})
    target = tmp_path / "playbook"
    result = CliRunner().invoke(cli, ["init", str(target), "--timezone", "UTC"])
    assert result.exit_code == 0, result.output
    text = (target / "requirements.txt").read_text()
    assert all(x.startswith("#") for x in text.splitlines()), text
    assert "afterview @ git+https://github.com/OWNER/afterview@" in text
    assert "requirements.txt holds only a placeholder" in result.stderr
    assert "folder on this machine" in result.stderr
    # The workflow stops at the install step, saying what to put there.
    guard = _guard(target)
    assert guard.returncode == 1
    assert guard.stdout.startswith("::error file=requirements.txt,line=1,")
    assert "afterview @ git+https://github.com/OWNER/afterview@" in guard.stdout


# --- the time zone, asked at a terminal --------------------------------------------------


@pytest.fixture
def at_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("afterview.commands.init._at_terminal", lambda: True)


def _init_answering(tmp_path: Path, answers: str):
    target = tmp_path / "playbook"
    result = CliRunner().invoke(cli, ["init", str(target)], input=answers)
    return result, target


def _zone(target: Path) -> str:
    return tomllib.loads((target / "afterview.toml").read_text())["timezone"]


def test_init_asks_again_on_an_invalid_time_zone(tmp_path, at_terminal) -> None:
    result, target = _init_answering(tmp_path, "PST\nGMT+5\neurope/paris\nEurope/Paris\n")
    assert result.exit_code == 0, result.output
    assert _zone(target) == "Europe/Paris"
    assert "'PST' is not an IANA time zone name" in result.output
    assert "did you mean America/Los_Angeles?" in result.output
    assert "'GMT+5' is a fixed offset" in result.output
    assert "did you mean Europe/Paris?" in result.output
    assert result.output.count("Time zone of your playbook") == 4


def test_init_warns_about_an_abbreviation_and_asks_to_keep_it(tmp_path, at_terminal) -> None:
    result, target = _init_answering(tmp_path, "EST\nn\nAmerica/New_York\n")
    assert result.exit_code == 0, result.output
    assert _zone(target) == "America/New_York"
    assert "EST is a fixed offset (UTC-05:00 all year) with no daylight saving" in result.output
    assert "such as America/New_York" in result.output

    result, target = _init_answering(tmp_path / "again", "CET\ny\n")
    assert result.exit_code == 0, result.output
    assert _zone(target) == "CET"
    assert "CET is an abbreviation, not a place" in result.output


def test_init_timezone_option_warns_about_an_abbreviation(tmp_path) -> None:
    target = tmp_path / "playbook"
    result = CliRunner().invoke(cli, ["init", str(target), "--timezone", "Etc/GMT+5"])
    assert result.exit_code == 0, result.output
    assert _zone(target) == "Etc/GMT+5"
    assert "Etc/GMT+5 is a fixed offset (UTC-05:00 all year)" in result.stderr

    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p"), "--timezone", "PST"])
    assert result.exit_code == 2
    assert "did you mean America/Los_Angeles?" in result.stderr


def test_init_at_a_real_terminal_asks_again(tmp_path) -> None:
    """Through a pseudo-terminal, as a person types: a wrong answer is asked again."""
    import pty

    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "afterview", "init", str(tmp_path / "playbook")],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env={**os.environ, "TZ": "UTC"},
    )
    os.close(secondary)
    out = b""

    def read_until_prompt() -> None:
        nonlocal out
        import select

        while b"Time zone of your playbook" not in out.split(b"Error:")[-1]:
            ready, _, _ = select.select([main], [], [], 30)
            assert ready, f"no prompt within 30 s: {out!r}"
            out += os.read(main, 4096)

    for answer in (b"Mars/Olympus\n", b"Europe/Paris\n"):
        read_until_prompt()
        os.write(main, answer)
        out += os.read(main, 4096)
    try:
        while chunk := os.read(main, 4096):
            out += chunk
    except OSError:
        pass
    os.close(main)
    assert proc.wait(timeout=60) == 0, out.decode()
    assert b"'Mars/Olympus' is not an IANA time zone name" in out
    assert _zone(tmp_path / "playbook") == "Europe/Paris"
