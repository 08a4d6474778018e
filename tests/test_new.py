"""`afterview new`: flags, prompts, file name, schema line, no overwrite, atomic write."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.cli import cli
from afterview.commands import new
from afterview.loader import Record, load_text
from afterview.schema import schema_path

BEFORE = "2026-11-25T12:00:00-05:00"  # a fixed now before every `when` below


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "afterview.toml").write_text(
        'interviews = "records"\ntimezone = "America/New_York"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["new", *args], input=input, prog_name="afterview")


def check(path: Path) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--now", BEFORE, str(path)])
    return result.exit_code, json.loads(result.stdout)


FLAGS = ["--company", "Northwind Traders", "--role", "Senior Data Engineer",
         "--when", "2026-12-03T14:00:00-05:00"]  # fmt: skip


def test_flags_write_into_the_interviews_folder(playbook: Path) -> None:
    result = run(*FLAGS)
    assert result.exit_code == 0, result.stderr
    path = playbook / "records" / "2026-12-03-northwind-traders-senior-data-engineer.yaml"
    assert result.stdout.strip() == os.path.join("records", path.name)
    assert path.is_file()
    text = path.read_text(encoding="utf-8")
    assert "company: Northwind Traders\n" in text
    assert "when: 2026-12-03T14:00:00-05:00" in text
    assert "# format: onsite" in text  # optional fields left as prompts


def test_all_flags_and_dir(playbook: Path) -> None:
    result = run(
        *FLAGS, "--format", "onsite", "--location", "12 Harbor St: Suite #4", "--duration", "90",
        "--round", "2", "--dir", "elsewhere/deeper",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    path = (
        playbook / "elsewhere" / "deeper" / "2026-12-03-northwind-traders-senior-data-engineer.yaml"
    )
    record = load_text(path.read_bytes())
    assert isinstance(record, Record)
    assert record.data == {
        "version": 1,
        "company": "Northwind Traders",
        "role": "Senior Data Engineer",
        "when": "2026-12-03T14:00:00-05:00",
        "duration": 90,
        "format": "onsite",
        "location": "12 Harbor St: Suite #4",
        "round": 2,
    }


@pytest.mark.parametrize(
    ("when", "extra"),
    [
        ("2026-12-03T14:00:00-05:00", []),
        ("2026-12-03", []),
        ("2026-12-03 14:00", ["--format", "video"]),
    ],
)
def test_new_file_passes_check_as_upcoming(playbook: Path, when: str, extra: list[str]) -> None:
    result = run("--company", "Acme", "--role", "Engineer", "--when", when, *extra)
    assert result.exit_code == 0, result.stderr
    code, report = check(playbook / result.stdout.strip())
    assert code == 0
    assert report["findings"] == []
    assert report["files"] == 1
    agenda = CliRunner().invoke(cli, ["agenda", "--format", "json", "--now", BEFORE])
    assert [i["action"] for i in json.loads(agenda.stdout)["items"]] == ["interview"]


@pytest.mark.parametrize(
    ("company", "role", "name"),
    [
        ("Tallow & Finch", "Data Analyst", "2026-12-03-tallow-and-finch-data-analyst.yaml"),
        ("Société Générale", "Ingénieur·e", "2026-12-03-societe-generale-ingenieur-e.yaml"),
        ("Straße AG", "R&D / ML — Lead", "2026-12-03-strasse-ag-r-and-d-ml-lead.yaml"),
        ("東京商事", "../../etc/passwd", "2026-12-03-company-etc-passwd.yaml"),
        ("  Acme   Corp.  ", "C++ Dev", "2026-12-03-acme-corp-c-dev.yaml"),
    ],
)
def test_slug(playbook: Path, company: str, role: str, name: str) -> None:
    result = run("--company", company, "--role", role, "--when", "2026-12-03")
    assert result.exit_code == 0, result.stderr
    assert os.listdir(playbook / "records") == [name]
    assert name.isascii()


@pytest.mark.parametrize("value", ["no", "1e3", "0o17", "null", "Yes: Inc #1", "'quoted'", "- dash",
                                   "@handle", "Tomás Villanueva", '"x"', "true"])  # fmt: skip
def test_values_read_back_exactly(playbook: Path, value: str) -> None:
    result = run("--company", value, "--role", value, "--when", "2026-12-03")
    assert result.exit_code == 0, result.stderr
    record = load_text((playbook / result.stdout.strip()).read_bytes())
    assert isinstance(record, Record)
    assert record.data["company"] == value
    assert record.data["role"] == value


def test_refuses_to_overwrite(playbook: Path) -> None:
    assert run(*FLAGS).exit_code == 0
    path = playbook / "records" / "2026-12-03-northwind-traders-senior-data-engineer.yaml"
    path.write_text("company: mine\n", encoding="utf-8")
    again = run(*FLAGS)
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert again.stdout == ""
    assert path.read_text(encoding="utf-8") == "company: mine\n"
    assert os.listdir(playbook / "records") == [path.name]  # no temp file left


def test_no_temp_file_left(playbook: Path) -> None:
    assert run(*FLAGS).exit_code == 0
    assert os.listdir(playbook / "records") == [
        "2026-12-03-northwind-traders-senior-data-engineer.yaml"
    ]


def test_without_hard_links(playbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_link(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    assert run(*FLAGS).exit_code == 0
    names = os.listdir(playbook / "records")
    assert names == ["2026-12-03-northwind-traders-senior-data-engineer.yaml"]
    again = run(*FLAGS)
    assert again.exit_code == 2
    assert os.listdir(playbook / "records") == names


def test_schema_line_points_at_the_repository_schema(playbook: Path) -> None:
    (playbook / "schemas").mkdir()
    (playbook / "schemas" / "interview.schema.json").write_text("{}", encoding="utf-8")
    result = run(*FLAGS, "--dir", "content/interviews")
    first = (playbook / result.stdout.strip()).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/interview.schema.json"


def test_schema_line_falls_back_to_the_packaged_schema(playbook: Path) -> None:
    result = run(*FLAGS)
    first = (playbook / result.stdout.strip()).read_text(encoding="utf-8").splitlines()[0]
    ref = first.removeprefix("# yaml-language-server: $schema=")
    assert (playbook / "records" / ref).resolve() == schema_path().resolve()


def test_later_steps_are_commented_prompts(playbook: Path) -> None:
    text = (playbook / run(*FLAGS).stdout.strip()).read_text(encoding="utf-8")
    for key in ("interviewers", "closing", "thank_you", "reflection", "follow_ups", "outcome"):
        assert f"\n# {key}:\n" in text


def test_template_is_packaged() -> None:
    assert (resources.files("afterview") / "templates" / new.TEMPLATE).is_file()


def test_missing_flags_without_terminal(playbook: Path) -> None:
    result = run("--company", "Acme")
    assert result.exit_code == 2
    assert "missing --role, --when" in result.stderr
    assert not (playbook / "records").exists()


def test_prompts_at_a_terminal(playbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(new, "_interactive", lambda: True)
    result = run("--role", "Engineer", input="Acme Robotics\nsoon\n2026-12-03\n")
    assert result.exit_code == 0, result.output
    assert "is not a date or date-time" in result.stderr  # asked again
    assert "Company" in result.stderr
    assert result.stdout.strip() == os.path.join(
        "records", "2026-12-03-acme-robotics-engineer.yaml"
    )
    assert (playbook / "records" / "2026-12-03-acme-robotics-engineer.yaml").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["--when", "2026-02-30"],
        ["--when", "tomorrow"],
        ["--when", "2026-12-03T25:00"],
        ["--company", "  "],
        ["--role", "two\nlines"],
        ["--format", "zoom"],
        ["--duration", "0"],
        ["--round", "0"],
    ],
)
def test_invalid_values_exit_2(playbook: Path, args: list[str]) -> None:
    base = dict(zip(FLAGS[::2], FLAGS[1::2], strict=True))
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [x for pair in base.items() for x in pair]
    result = run(*flat)
    assert result.exit_code == 2
    assert not (playbook / "records").exists() or not os.listdir(playbook / "records")
