"""One grammar for dates and times, shared by the checker, the schema and editors.

content/format.md, "Dates and times", and content/editor.md, "Dates in the editor".
The record schema's patterns (``$defs.date``, ``$defs.moment``) are the grammar:
``afterview check`` tests values against them and ``moments.py`` only reads fields
out of what they accept. These tests hold the patterns to the real calendar (Python's
``datetime`` is the oracle), hold JavaScript's and check-jsonschema's readings of the
patterns to Python's, and run check-jsonschema and yaml-language-server on records
``check`` accepts and on records with bad dates.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.checker import check_record
from afterview.cli import cli
from afterview.clock import Clock
from afterview.moments import MAX_YEAR, MIN_YEAR, parse_date, parse_moment
from afterview.schemafile import load_schema, pattern_regex, schema_path
from afterview.settings import Settings
from conftest import npm_packages

ROOT = Path(__file__).resolve().parents[1]
DEFS = load_schema()["$defs"]
DATE = re.compile(DEFS["date"]["pattern"])
MOMENT = re.compile(DEFS["moment"]["pattern"])
CLOCK = Clock.at(datetime(2026, 12, 1, 12, tzinfo=UTC), Settings(timezone_name="UTC"))
LOADING = {"schema", "yaml-syntax", "duplicate-key"}  # what makes a record not accepted

T = TypeVar("T")
Pick = Callable[[Sequence[T]], T]

# --- the oracle: what a written value means, from its parts ---------------------------------

_OFFSETS = {  # written offset -> minutes east of UTC, or None when it is not one
    "Z": 0, "z": 0, "+00:00": 0, "-05:00": -300, "+0530": 330, "+09": 540, "-23:59": -1439,
    "+24:00": None, "-05:60": None, "+5": None, "+05:": None, "UTC": None, "+05:00:00": None,
}  # fmt: skip


def written(pick: Pick[Any]) -> tuple[str, date | datetime | None]:
    """A value as a user might write it, and what it means (None: it is not a date or time).

    Built from parts so that the meaning comes from Python's calendar, not a pattern.
    """
    # Mostly plausible parts, and every edge: a corpus with both kinds of value.
    year = pick([*range(1990, 2040)] * 3 + [1890, 1899, 1900, 2000, 2100, 2400, 2999, 3000])
    month = pick([*range(1, 13)] * 3 + [0, 13])
    day = pick([*range(1, 29)] * 2 + [0, 29, 30, 31, 32])
    widths = pick(["ok"] * 12 + ["short month", "short day", "long year"])
    lead, trail = pick([""] * 15 + [" "]), pick([""] * 15 + ["\n", " ", "x"])
    wide_digit = pick([False] * 19 + [True])  # a fullwidth digit, which int() would accept
    text = (
        ("0" if widths == "long year" else "")
        + f"{year:04d}-"
        + (f"{month}" if widths == "short month" else f"{month:02d}")
        + "-"
        + (f"{day}" if widths == "short day" else f"{day:02d}")
    )
    if wide_digit:
        text = "\uff12" + text[1:]
    try:
        meaning: date | datetime | None = date(year, month, day)
    except ValueError:
        meaning = None
    short = (widths == "short month" and month < 10) or (widths == "short day" and day < 10)
    if short or widths == "long year" or wide_digit or not MIN_YEAR <= year <= MAX_YEAR:
        meaning = None
    separator = pick([None] * 4 + ["T"] * 4 + ["t", " ", " ", "_", "  "])
    if separator is not None:
        hour, minute = pick([*range(0, 24)] * 2 + [24, 25]), pick([*range(0, 60), 60, 61])
        second = pick([None] * 4 + [0, 0, 5, 59, 60, 61])
        fraction = pick([""] * 8 + [".", ".5", ".123456", ".1234567891", ".123456789"])
        gap = pick([""] * 8 + [" ", "\t", "  ", "\n"])
        offset = pick([None] * 6 + ["-05:00"] * 6 + [*_OFFSETS])
        text += f"{separator}{hour:02d}:{minute:02d}"
        if second is not None:
            text += f":{second:02d}{fraction}"
        text += gap + (offset or "")
        east = _OFFSETS.get(offset) if offset else 0
        digits = len(fraction) - 1
        fine = (
            separator in ("T", "t", " ")
            and hour <= 23
            and minute <= 59
            and (second is None or (second <= 59 and (fraction == "" or 1 <= digits <= 9)))
            and east is not None
            and (gap == "" or (offset is not None and gap != "\n"))
        )
        if meaning is not None and fine:
            micro = int((fraction[1:] or "0")[:6].ljust(6, "0")) if second is not None else 0
            zone = timezone(timedelta(minutes=east)) if offset else UTC
            meaning = datetime(year, month, day, hour, minute, second or 0, micro, tzinfo=zone)
        else:
            meaning = None
    if lead or trail:
        meaning = None
    return lead + text + trail, meaning


@st.composite
def values(draw: st.DrawFn) -> tuple[str, date | datetime | None]:
    return written(lambda options: draw(st.sampled_from(options)))


def corpus(size: int, seed: int = 19) -> list[str]:
    """The same kind of values, drawn by a seeded generator: a fixed list for other tools."""
    rng = random.Random(seed)
    return [written(rng.choice)[0] for _ in range(size)]


# --- the pattern is the calendar ------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(values())
def test_the_schema_pattern_accepts_exactly_the_real_dates_and_times(
    value: tuple[str, date | datetime | None],
) -> None:
    text, meaning = value
    assert (MOMENT.search(text) is not None) is (meaning is not None), text
    is_day = meaning is not None and not isinstance(meaning, datetime)
    assert (DATE.search(text) is not None) is is_day, text
    read = parse_moment(text, UTC)
    if meaning is None:
        assert read is None
    elif isinstance(meaning, datetime):
        assert read is not None and not read.whole_day and read.start == meaning
        assert read.start.utcoffset() == meaning.utcoffset()
    else:
        assert read is not None and read.whole_day and read.day == meaning


@settings(max_examples=200, deadline=None)
@given(st.from_regex(MOMENT, fullmatch=True))
def test_whatever_the_pattern_accepts_is_read(text: str) -> None:
    """Every string of the grammar, however odd, is a moment the rules can use."""
    read = parse_moment(text, UTC)
    assert read is not None, text
    assert read.day.isoformat() == text[:10]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_read_only_if_the_pattern_accepts_it(text: str) -> None:
    assert (parse_moment(text, UTC) is not None) is (MOMENT.search(text) is not None)
    assert (parse_date(text) is not None) is (DATE.search(text) is not None)


def test_the_years_are_those_the_program_allows() -> None:
    assert (MIN_YEAR, MAX_YEAR) == (1900, 2999)
    for year, allowed in ((1899, False), (1900, True), (2999, True), (3000, False)):
        assert bool(DATE.search(f"{year}-01-01")) is allowed
        assert bool(MOMENT.search(f"{year}-12-31T23:59")) is allowed


def test_leap_days_follow_the_gregorian_calendar() -> None:
    for year in range(MIN_YEAR, MAX_YEAR + 1):
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        assert bool(DATE.search(f"{year}-02-29")) is leap, year


def test_no_format_keyword_for_editors_to_read_as_rfc_3339() -> None:
    """Editors assert ``format: date-time`` as RFC 3339, which needs seconds and an offset."""
    text = schema_path().read_text(encoding="utf-8")
    assert '"format": "date' not in text
    for name in ("date", "moment"):
        assert DEFS[name]["patternErrorMessage"]  # what the editor says instead of the regex


# --- JavaScript reads the pattern as Python does -------------------------------------------


def _tool_missing(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (CI=true: editors' reading of the schema must be tested)")
    pytest.skip(why)


EDGES = [
    "2026-11-18", "2026-11-18\n", "2026-11-18 ", " 2026-11-18", "2026-11-18T14:00",
    "2026-11-18 14:00", "2026-11-18t14:00z", "2026-11-18T14:00\t-05:00", "2026-11-18T14:00\n",
    "2026-02-29", "2028-02-29", "2100-02-29", "2000-02-29", "\uff12026-11-18", "2026-11-18T24:00",
]  # fmt: skip

JS_MATCH = """\
const input = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const patterns = input.patterns.map((p) => new RegExp(p, "u"));  // as yaml-language-server
process.stdout.write(JSON.stringify(input.strings.map((s) => patterns.map((p) => p.test(s)))));
"""


def _patterns(node: Any) -> list[str]:
    """Every ``pattern`` in the schema."""
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for v in node.values() for p in _patterns(v)]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


OTHER_TEXT = ["staff-not-thanked", "staff-not-thanked\n", "a--b", "USD", "USD\n", "usd", "\n"]


def test_javascript_reads_the_patterns_as_check_does(tmp_path: Path) -> None:
    """Every pattern of the schema, as yaml-language-server compiles it and as check reads it."""
    node = shutil.which("node")
    if node is None:
        _tool_missing("Node.js is not installed: apt-get install -y nodejs")
    assert node is not None
    strings = EDGES + OTHER_TEXT + corpus(3000)
    patterns = _patterns(load_schema())
    assert len(patterns) >= 3
    script = tmp_path / "match.cjs"
    script.write_text(JS_MATCH, encoding="utf-8")
    proc = subprocess.run(
        [node, str(script)],
        input=json.dumps({"patterns": patterns, "strings": strings}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    javascript = json.loads(proc.stdout)
    python = [[pattern_regex(p).search(s) is not None for p in patterns] for s in strings]
    differ = [s for s, js, py in zip(strings, javascript, python, strict=True) if js != py]
    assert differ == []
    assert sum(py[1] for py in python) > 600, "the corpus holds many valid values too"


def test_a_pattern_ends_where_the_text_ends() -> None:
    """Python's ``$`` matches before a final line break; JSON Schema's (and check's) does not."""
    text = 'company: A\nrole: B\nwhen: 2026-11-18\nignore: ["staff-not-thanked\\n"]\n'
    record = check_record("r.yaml", text.encode(), CLOCK)
    assert [(f.rule, f.line) for f in record.findings if f.rule == "schema"] == [("schema", 4)]
    assert pattern_regex("^[a-z]+$").search("abc\n") is None
    assert pattern_regex(r"^a\$[$]$").search("a$$") is not None  # escaped and in a class


# --- records: what check accepts, check-jsonschema and the editor accept ---------------------


def _accepted(path: Path) -> bool:
    findings = check_record(str(path), path.read_bytes(), CLOCK).findings
    return not any(f.rule in LOADING for f in findings)


def _new_records(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records `afterview new` writes, with every form of --when the docs show, and an invite."""
    (folder / "afterview.toml").write_text(
        'interviews = "records"\ntimezone = "America/New_York"\n', encoding="utf-8"
    )
    monkeypatch.chdir(folder)
    forms = [
        "2026-12-02T10:00-05:00",
        "2026-12-03T10:00:00-05:00",
        "2026-12-04T10:00",
        "2026-12-05 10:00",
        "2026-12-06",
    ]
    runs = [["--company", "Acme", "--role", f"Role {i}", "--when", w] for i, w in enumerate(forms)]
    runs.append(["--from-ics", str(ROOT / "tests" / "fixtures" / "invites" / "google.ics")])
    runs.append(["--from-ics", str(ROOT / "tests" / "fixtures" / "invites" / "outlook.ics")])
    written_paths = []
    for args in runs:
        result = CliRunner().invoke(cli, ["new", *args], prog_name="afterview")
        assert result.exit_code == 0, result.output
        written_paths.append(folder / result.stdout.strip().splitlines()[-1])
    init = CliRunner().invoke(cli, ["init", str(folder / "book"), "--timezone", "UTC"])
    assert init.exit_code == 0, init.output
    example = sorted((folder / "book" / "content" / "interviews").glob("*.yaml"))
    assert len(example) == 1, "init writes one example record"
    return written_paths + example


def _samples() -> list[Path]:
    folders = ["content/interviews", "tests/fixtures", "tests/redteam", "tests/hostile"]
    found = sorted(p for f in folders for p in (ROOT / f).rglob("*.y*ml"))
    return [p for p in found if _accepted(p)]


# Accepted by check, but not YAML that ruamel.yaml (check-jsonschema's reader) can read:
# YAML 1.2 allows a tab inside a plain value; ruamel refuses it before any schema check.
RUAMEL_REFUSES = {"tests/hostile/tab-in-value.yaml"}


def _check_jsonschema(paths: list[Path]) -> dict:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if tool is None:
        _tool_missing("check-jsonschema is not installed: pip install -e '.[test]'")
    assert tool is not None
    proc = subprocess.run(
        [tool, "--schemafile", str(schema_path()), "-o", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_check_jsonschema_passes_every_record_check_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = [p for p in _samples() if p.relative_to(ROOT).as_posix() not in RUAMEL_REFUSES]
    new = _new_records(tmp_path, monkeypatch)
    assert all(_accepted(p) for p in new)
    assert len(samples) >= 20
    report = _check_jsonschema(samples + new)
    assert report.get("parse_errors", []) == []
    assert report["errors"] == []
    assert report["status"] == "ok"


def _dates_record(values: list[str]) -> str:
    """A record holding one follow-up per value, each on its own line (line 5 + index)."""
    lines = ["company: A", "role: B", "when: 2026-11-18", "follow_ups:"]
    for value in values:
        plain = re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z:+. -]*[0-9A-Za-z]", value)
        lines.append(f"  - date: {value if plain else json.dumps(value)}")
    return "\n".join(lines) + "\n"


def _bad_lines(record: Path) -> set[int]:
    findings = check_record(str(record), record.read_bytes(), CLOCK).findings
    assert not any(f.rule in ("yaml-syntax", "duplicate-key") for f in findings)
    return {f.line for f in findings if f.rule == "schema"}


def test_check_jsonschema_reports_the_dates_check_reports(tmp_path: Path) -> None:
    values = EDGES + corpus(400, seed=24)
    record = tmp_path / "dates.yaml"
    record.write_text(_dates_record(values), encoding="utf-8")
    bad = _bad_lines(record)
    assert 50 < len(bad) < len(values) - 50, "both kinds are in the record"
    report = _check_jsonschema([record])
    paths = {e["path"] for e in report["errors"]}
    assert paths == {f"$.follow_ups[{line - 5}].date" for line in bad}


# --- yaml-language-server, over its protocol ------------------------------------------------

YAMLLS = "yaml-language-server@1.19.2"  # what the VS Code YAML extension runs
YAMLLS_DIR = ROOT / "tests" / "artifacts" / "yaml-language-server"  # gitignored cache


class LanguageServer:
    """A yaml-language-server process driven over stdio (JSON-RPC with Content-Length)."""

    def __init__(self, node: str, server: Path) -> None:
        self.proc = subprocess.Popen(
            [node, str(server), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        self.notify("initialized", {})
        settings = {"yaml": {"validate": True, "schemaStore": {"enable": False}}}
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _send(self, message: dict) -> None:
        assert self.proc.stdin is not None
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _receive(self) -> dict:
        assert self.proc.stdout is not None
        length = 0
        while (line := self.proc.stdout.readline().strip()) != b"":
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        assert length, "the server closed its output"
        message: dict = json.loads(self.proc.stdout.read(length))
        if "method" in message and "id" in message:  # a request to the client: answer it
            self._send({"id": message["id"], "result": None})
        return message

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while (message := self._receive()).get("id") != self.next_id or "method" in message:
            pass
        return message

    def diagnostics(self, path: Path, text: str) -> list[dict]:
        """The problems the server publishes for a document opened with this text."""
        uri = path.resolve().as_uri()
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})
        while True:
            message = self._receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics":
                if params["uri"] == uri:
                    self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
                    return list(params["diagnostics"])

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def language_server():
    """yaml-language-server, installed once with npm into tests/artifacts."""
    node = npm_packages(YAMLLS_DIR, [YAMLLS], _tool_missing)
    package = YAMLLS_DIR / "node_modules" / "yaml-language-server"
    server = LanguageServer(node, package / "bin" / "yaml-language-server")
    yield server
    server.close()


def _with_schema_line(text: str) -> str:
    """The record with the editor's schema line pointing at this repository's schema."""
    line = f"# yaml-language-server: $schema={schema_path().resolve().as_uri()}\n"
    kept = [x for x in text.splitlines(keepends=True) if "yaml-language-server:" not in x]
    return line + "".join(kept)


@pytest.mark.slow
def test_the_editor_finds_no_problem_in_records_check_accepts(
    language_server: LanguageServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _samples() + _new_records(tmp_path, monkeypatch)
    found = {}
    for path in paths:
        text = _with_schema_line(path.read_text(encoding="utf-8-sig"))
        problems = language_server.diagnostics(path, text)
        if problems:
            found[str(path)] = [(d["range"]["start"]["line"], d["message"]) for d in problems]
    assert found == {}


@pytest.mark.slow
def test_the_editor_underlines_the_lines_check_reports(
    language_server: LanguageServer, tmp_path: Path
) -> None:
    values = EDGES + corpus(400, seed=24)
    record = tmp_path / "dates.yaml"
    text = _with_schema_line(_dates_record(values))
    record.write_text(text, encoding="utf-8")
    bad = _bad_lines(record)
    assert bad
    problems = language_server.diagnostics(record, text)
    assert {d["range"]["start"]["line"] + 1 for d in problems} == bad  # LSP lines start at 0
    wording = {DEFS["moment"]["patternErrorMessage"]}
    assert {d["message"] for d in problems} == wording


@pytest.mark.slow
def test_the_editor_underlines_a_date_that_is_not_in_the_calendar(
    language_server: LanguageServer, tmp_path: Path
) -> None:
    """The issue's own cases: the schema line, a valid start without seconds, bad dates."""
    text = _with_schema_line(
        "company: Acme\n"
        "role: Engineer\n"
        "when: 2026-12-02T10:00-05:00\n"
        "closing:\n"
        "  expected_contact: 2026-02-30\n"
        "  next_steps:\n"
        "    - action: Send the write-up\n"
        "      done: 2026-11-31T09:00\n"
        "thank_you:\n"
        "  - to: Dana\n"
        "    sent: 2026-12-02 17:00\n"
    )
    record = tmp_path / "bad.yaml"
    record.write_text(text, encoding="utf-8")
    problems = language_server.diagnostics(record, text)
    lines = sorted((d["range"]["start"]["line"] + 1, d["message"]) for d in problems)
    assert lines == [
        (6, DEFS["date"]["patternErrorMessage"]),
        (9, DEFS["moment"]["patternErrorMessage"]),
    ]
    assert sorted(_bad_lines(record)) == [6, 9]


# What YAML files may not hold raw: written as JSON escapes, which YAML reads too.
_UNPRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


@pytest.mark.slow
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.deferred(lambda: _valid_records()))
def test_the_editor_finds_no_problem_in_any_record_the_schema_allows(
    language_server: LanguageServer, data: dict
) -> None:
    """Records generated from the schema (test_fastschema's strategy), written as JSON."""
    text = _UNPRINTABLE.sub(
        lambda m: f"\\u{ord(m[0]):04x}", json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    )
    found = check_record("generated.yaml", text.encode(), CLOCK).findings
    assert not [f for f in found if f.rule in LOADING]
    problems = language_server.diagnostics(ROOT / "generated.yaml", _with_schema_line(text))
    assert problems == []


def _valid_records() -> st.SearchStrategy[dict]:
    from test_fastschema import records

    return records
