"""A redacted site build (issue 20, classes 6 and 10): a file of docs_dir is judged by
its inode too, so a hard link to a record (under any name, ``.md`` included) is not
published; and the build log names records and findings as the pages do, redacted.
content/security.md states both."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from afterview.discover import file_id, file_ids
from fixtures.site.helpers import FIXTURES, built_texts, env, make_site

RECORDS = FIXTURES / "private" / "interviews"
# In the records only (people, emails, phones), never to be published by a redacted build.
SECRETS = ["Solveig", "Brannagh", "solveig.brannagh", "617-555-0187", "Idris", "Vantol"]


def test_a_hard_link_is_the_same_file_under_another_name(tmp_path: Path) -> None:
    folder = tmp_path / "interviews"
    folder.mkdir()
    record = folder / "a.yaml"
    record.write_text("company: Acme\n", encoding="utf-8")
    os.link(record, tmp_path / "copy.md")
    (tmp_path / "other.md").write_text("company: Acme\n", encoding="utf-8")
    ids = file_ids(str(folder))
    assert file_id(str(tmp_path / "copy.md")) in ids
    assert file_id(str(tmp_path / "other.md")) not in ids
    assert file_id(str(tmp_path / "absent.md")) is None


@pytest.mark.slow
def test_a_redacted_build_publishes_no_hard_link_to_a_record_and_logs_no_secret(
    tmp_path: Path,
) -> None:
    root = make_site(tmp_path / "playbook", RECORDS, {"redact": True, "fail_on": "never"})
    interviews = root / "content" / "interviews"
    record = sorted(interviews.glob("*northwind*.yaml"))[0]
    os.link(record, root / "content" / "notes.md")  # a page, by its name
    os.link(record, root / "content" / "data.txt")  # a static file
    site = tmp_path / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-v", "-f", "mkdocs.yml", "-d", str(site)]
    run = subprocess.run(cmd, cwd=root, env=env(), capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert "afterview: " in run.stderr and "thank" in run.stderr  # findings are logged
    assert not (site / "notes" / "index.html").exists() and not (site / "data.txt").exists()
    for path, text in built_texts(site):
        for secret in SECRETS:
            assert secret.casefold() not in text.casefold(), (path, secret)
    for secret in SECRETS:
        assert secret.casefold() not in run.stderr.casefold(), secret
