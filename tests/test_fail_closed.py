"""Redaction fails closed (issue 20, class 6): a record that does not load (a YAML
syntax error, a duplicate key, a schema error, bytes that are not UTF-8) still gives
the scrubber the people it names, read line by line from its raw text, and its file
name is renamed like any other's: in a redacted site build, ``render --redact`` and
``notify``. content/security.md states it."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.checker import check_files
from afterview.cli import cli
from afterview.clock import Clock
from afterview.pages import build_pages
from afterview.redact import redact_results
from afterview.redaction.raw import people_in_raw
from conftest import SETTINGS

NOW = "2026-11-25T12:00:00-05:00"
CLOCK = Clock.at(datetime.fromisoformat(NOW), SETTINGS)
# Each secret is written only in the broken record's person fields and file name, and
# mentioned in the good record's free text.
SECRETS = ["Priya", "Raman", "Odile", "Ferrand", "Tomasz", "Wilk", "Quinby", "Hollis", "praman"]
GOOD = """\
company: Fabrikam
role: Analyst
when: 2026-11-10T10:00:00-05:00
location: "Met Priya Raman and Odile Ferrand; Tomasz Wilk and June Quinby-Hollis too; write praman"
outcome:
  status: rejected
"""
BROKEN = {
    "syntax": """\
company: "Acme
role: Engineer
interviewers:
  - name: Priya Raman   # the lead
    email: praman
follow_ups:
  - {spoke_with: 'Odile Ferrand', when: 2026-11-12}
thank_you:
  - to: "June Quinby-Hollis"
outcome:
  referrals: [Ask Tomasz Wilk about the team]
""",
    "duplicate-key": """\
company: Acme
company: Acme again
role: Engineer
when: 2026-11-10T10:00:00-05:00
interviewers:
  - name: Priya Raman
    email: praman
closing:
  contact_person: Odile Ferrand
thank_you:
  - to: June Quinby-Hollis
outcome:
  referrals:
    - Ask Tomasz Wilk about the team
""",
    "schema": """\
company: Acme
role: 12
when: someday
interviewers:
  - name: Priya Raman
    email: praman
    shoe_size: 9
follow_ups:
  - spoke_with: Odile Ferrand
thank_you:
  - to: June Quinby-Hollis
outcome:
  status: maybe
  referrals:
    - "Tomasz Wilk (team lead)"
""",
}


def playbook(tmp_path: Path, kind: str) -> Path:
    folder = tmp_path / "content" / "interviews"
    folder.mkdir(parents=True)
    (folder / "2026-11-10-fabrikam.yaml").write_text(GOOD, encoding="utf-8")
    broken = folder / "2026-11-11-acme-priya-raman.yaml"
    broken.write_text(BROKEN[kind], encoding="utf-8")
    return folder


def render_redacted(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str, str]:
    """`afterview render --redact` of folder: the written files' names, their texts and
    what the command printed; it must write something and not fail."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    run = CliRunner().invoke(cli, ["render", str(out), str(folder), "--redact", "--now", NOW])
    assert run.exit_code in (0, 1), run.output
    written = [p for p in out.rglob("*") if p.is_file()]
    assert written
    names = " ".join(str(p.relative_to(out)) for p in written)
    return names, "\n".join(p.read_text(encoding="utf-8") for p in written), run.output


def leaks(text: str) -> list[str]:
    folded = text.casefold()
    return [s for s in SECRETS if s.casefold() in folded]


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_record_s_people_are_withheld_from_every_redacted_page(
    tmp_path: Path, kind: str
) -> None:
    folder = playbook(tmp_path, kind)
    results = check_files(sorted(str(p) for p in folder.glob("*.yaml")), CLOCK).results
    assert any(r.interview is None for r in results) or kind == "schema"  # did not load
    redacted = redact_results(results)
    assert not leaks(" ".join(r.path for r in redacted))
    pages = build_pages(results, CLOCK, redact=True)
    assert not leaks("\n".join(pages) + "\n".join(pages.values()))
    assert "Fabrikam" in pages["status.md"]


@pytest.mark.parametrize("kind", list(BROKEN))
def test_render_redact_and_notify_withhold_a_broken_record_s_people(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    folder = playbook(tmp_path, kind)
    names, texts, output = render_redacted(tmp_path, folder, monkeypatch)
    assert not leaks(names)
    assert not leaks(texts)
    assert not leaks(output)
    run = CliRunner().invoke(
        cli, ["notify", "--via", "github-issue", "--dry-run", "--now", NOW, str(folder)]
    )
    assert run.exit_code in (0, 1), run.output
    assert not leaks(run.output)


def test_a_file_that_is_not_utf8_still_gives_its_names(tmp_path: Path) -> None:
    raw = BROKEN["duplicate-key"].encode("utf-8").replace(b"Engineer", b"Eng\xffineer")
    names, contacts = people_in_raw(raw.decode("utf-8", "replace"))
    assert {"Priya Raman", "Odile Ferrand", "June Quinby-Hollis"} <= set(names)
    assert "Tomasz Wilk" in names and "praman" in contacts


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("  - name: 'Dana Whitfield'", "Dana Whitfield"),
        ('interviewers: [{name: "Dana Whitfield", title: CTO}]', "Dana Whitfield"),
        ("    contact_person: Dana Whitfield  # recruiter", "Dana Whitfield"),
        ("  - {to: Dana Whitfield}", "Dana Whitfield"),
        ("spoke_with: >-", None),  # a folded block: no name on this line
    ],
)
def test_person_fields_are_found_line_by_line(line: str, name: str | None) -> None:
    names, _contacts = people_in_raw(line)
    assert (name in names) if name else not [n for n in names if re.search(r"\w", n)]


def test_the_people_come_from_the_text_read_not_from_reading_the_file_again(
    tmp_path: Path,
) -> None:
    """The site shows paths relative to mkdocs.yml, which need not be the working folder:
    the raw text travels with the result, so a path that no longer leads to the file
    (or a file changed since) makes no difference."""
    import dataclasses

    folder = playbook(tmp_path, "syntax")
    results = check_files(sorted(str(p) for p in folder.glob("*.yaml")), CLOCK).results
    moved = [dataclasses.replace(r, path=f"elsewhere/{Path(r.path).name}") for r in results]
    for p in folder.glob("*.yaml"):
        p.unlink()
    pages = build_pages(moved, CLOCK, redact=True)
    assert not leaks("\n".join(pages) + "\n".join(pages.values()))


@pytest.mark.parametrize(
    "name", ["2026-11-10-acme-617_555_0187.yaml", "2026-11-10-acme-tel6175550187.yaml"]
)
def test_a_phone_in_a_file_name_is_in_no_output_of_render_redact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    folder = tmp_path / "content" / "interviews"
    folder.mkdir(parents=True)
    (folder / name).write_text(GOOD, encoding="utf-8")
    names, texts, _output = render_redacted(tmp_path, folder, monkeypatch)
    everything = names + texts
    assert "Fabrikam" in everything
    assert "0187" not in everything and "555" not in everything
