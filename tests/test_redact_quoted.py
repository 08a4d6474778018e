"""A redacted output never quotes a private value through a finding's message."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from afterview.clock import Clock
from afterview.pages import build_pages
from afterview.records import read_records
from afterview.redact import redact_results
from afterview.settings import Settings

CLOCK = Clock.at(datetime.fromisoformat("2026-11-25T12:00:00-05:00"), Settings(timezone_name="UTC"))

RECORD = """\
company: Fabrikam
role: Analyst
when: 2026-11-10T10:00:00-05:00
interviewers:
  - name: Dana Whitfield
    title: Lead
reflection:
  to_improve: Salary talk went badly, asked for 20k less
outcome:
  status: "offer with 'quotes' and \\"doubles\\""
"""


@pytest.fixture
def results(tmp_path: Path):
    path = tmp_path / "2026-11-10-fabrikam.yaml"
    path.write_text(RECORD, encoding="utf-8")
    return read_records([str(path)], CLOCK).results


def test_schema_messages_quote_the_value_where_nothing_is_redacted(results) -> None:
    messages = " ".join(f.message for r in results for f in r.findings)
    assert "Salary talk went badly" in messages


@pytest.mark.parametrize("publish_private", [False, True])
def test_a_redacted_finding_withholds_the_value_it_quotes(results, publish_private) -> None:
    redacted = redact_results(results, publish_private)
    messages = [f.message for r in redacted for f in r.findings if f.rule == "schema"]
    assert len(messages) == 2, messages
    joined = " ".join(messages)
    assert ("Salary talk" in joined) is publish_private
    assert ("quotes" in joined) is publish_private
    if not publish_private:
        assert joined.count("text (not published)") == 2, joined


def test_redacted_pages_carry_no_quoted_private_value(results) -> None:
    pages = build_pages(results, CLOCK, redact=True)
    text = "\n".join(pages.values())
    assert "Salary talk" not in text
    assert "not published" in text


def test_the_checks_pages_name_no_person_of_the_records(tmp_path: Path) -> None:
    """The rules' own examples name Dana Whitfield; a playbook whose interviewer has that
    name gets the checks pages scrubbed like every other page when redacted."""
    path = tmp_path / "2026-11-10-fabrikam.yaml"
    path.write_text(RECORD, encoding="utf-8")
    results = read_records([str(path)], CLOCK).results
    plain = build_pages(results, CLOCK, redact=False)
    assert any("Whitfield" in text for name, text in plain.items() if name.startswith("checks/"))
    pages = build_pages(results, CLOCK, redact=True)
    assert [name for name, text in pages.items() if "Whitfield" in text] == []


@pytest.mark.slow
def test_a_redacted_site_scrubs_the_hand_written_pages_too(tmp_path: Path) -> None:
    """A playbook made by init, whose guidance names its interviewer by chance: the
    redacted build publishes neither the name nor an email, on any page or in search."""
    from click.testing import CliRunner

    from afterview.cli import cli
    from fixtures.site.helpers import build, built_texts

    root = tmp_path / "pb"
    result = CliRunner().invoke(cli, ["init", str(root), "--timezone", "America/New_York"])
    assert result.exit_code == 0, result.output
    (root / "content" / "interviews" / "2026-11-10-fabrikam.yaml").write_text(
        RECORD, encoding="utf-8"
    )
    guide = root / "content" / "guide" / "thank-you-note.md"
    guide.write_text(
        guide.read_text(encoding="utf-8")
        + "\nFor instance, Dana Whitfield wrote back from dana.w@fabrikam.example.\n",
        encoding="utf-8",
    )
    proc = build(root / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-2000:]
    texts = dict(built_texts(tmp_path / "site"))
    assert any("D. W. wrote back from" in text for text in texts.values())
    for path, text in texts.items():
        assert "Whitfield" not in text and "dana.w@" not in text, path
