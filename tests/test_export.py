"""`afterview export` and afterview.export: CSV that parses back, no formulas, JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.export import COLUMNS, neutralise

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-25T12:00:00-05:00"
SAMPLES = sorted((REPO / "content" / "interviews").glob("*.yaml"))


@pytest.fixture
def repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("AFTERVIEW_NOW", raising=False)
    return REPO


def run(*args: str):
    return CliRunner().invoke(cli, ["export", *args], prog_name="afterview")


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_parses_back(repo: Path) -> None:
    result = run("--now", NOW)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.split(b"\r\n")[0].decode() == ",".join(COLUMNS)
    rows = parse(result.stdout)
    assert len(rows) == len(SAMPLES)
    northwind = next(r for r in rows if r["company"] == "Northwind Traders")
    assert northwind == {
        "date": "2026-11-10",
        "when": "2026-11-10T14:00:00-05:00",
        "company": "Northwind Traders",
        "role": "Senior Data Engineer",
        "round": "",
        "format": "onsite",
        "interviewers": "Dana Whitfield (Director of Data Platform); Lee Park (Staff Engineer)",
        "stage": "offer",
        "outcome": "offer",
        "pay": "$165,000 base + 10% bonus",
        "decision": "pending",
        "decision_date": "",
        "thank_you_sent": "2026-11-10T19:30:00-05:00; 2026-11-11",
        "follow_ups": "2026-11-18; 2026-11-23",
        "expected_contact": "2026-11-17",  # they spoke on the 18th's call: late by a day
        "promise": "late",
        "days_late": "1",
        "first_word": "2026-11-18",
        "path": "content/interviews/2026-11-10-northwind-traders-senior-data-engineer.yaml",
    }
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    stages = {r["company"] + " " + r["date"]: r["stage"] for r in rows}
    assert stages["Fernhill Robotics 2026-12-01"] == "upcoming"
    assert stages["Bluegate Analytics 2026-11-24"] == "awaiting thank-you"
    assert stages["Quillon Logistics 2026-11-13"] == "follow-up due"


def test_json_is_a_list_of_objects(repo: Path) -> None:
    result = run("--format", "json", "--now", NOW)
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and len(rows) == len(SAMPLES)
    for row in rows:
        assert list(row) == list(COLUMNS)
    harbor = next(r for r in rows if r["round"] == 2)
    assert harbor["interviewers"] == [
        {"name": "Priya Raman", "title": "Engineering Manager, Platform"},
        {"name": "Tomás Villanueva", "title": "Principal Engineer"},
    ]
    assert harbor["thank_you_sent"] == ["2026-11-20T18:30:00-05:00", "2026-11-21"]


def test_output_file_is_utf8(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "interviews.csv"
    result = run("--now", NOW, "--output", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    text = out.read_bytes().decode("utf-8")
    assert "Tomás Villanueva" in text
    assert not text.startswith("\ufeff")
    assert len(parse(text)) == len(SAMPLES)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_neutralise(start: str) -> None:
    assert neutralise(start + "1+1") == "'" + start + "1+1"
    assert neutralise("a" + start) == "a" + start


def test_formula_injection_neutralised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "afterview.toml").write_text('timezone = "America/New_York"\n', encoding="utf-8")
    record = (
        'company: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"\n'
        "role: \"+cmd|' /C calc'!A0\"\n"
        "when: 2026-11-01T09:00:00-05:00\n"
        "interviewers:\n"
        '  - name: "@SUM(1+1)"\n'
        '    title: "-2+3"\n'
        '  - name: "\\tTab"\n'
        "thank_you:\n"
        "  - to: x\n"
        "    sent: 2026-11-01\n"
    )
    (tmp_path / "evil.yaml").write_text(record, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("--now", NOW, "evil.yaml")
    assert result.exit_code == 0, result.stderr
    (row,) = parse(result.stdout)
    assert row["company"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["role"] == "'+cmd|' /C calc'!A0"
    assert row["interviewers"] == "'@SUM(1+1) (-2+3); \tTab"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    data = json.loads(run("--now", NOW, "--format", "json", "evil.yaml").stdout)
    assert data[0]["company"].startswith("=")  # JSON keeps the text as it is


def test_broken_record_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "afterview.toml").write_text('timezone = "America/New_York"\n', encoding="utf-8")
    (tmp_path / "ok.yaml").write_text("company: A\nrole: B\nwhen: 2026-11-01\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("company: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("--now", NOW, ".")
    assert result.exit_code == 0
    assert len(parse(result.stdout)) == 1
    assert "bad.yaml:" in result.stderr and "skipped" in result.stderr
    assert run("--now", NOW, "missing.yaml").exit_code == 2
