"""Shared helpers for the ``afterview check`` tests.

Every check runs with an explicit ``now``: no test reads the clock. Records
are written as YAML text (dedented) so that line and column numbers can be
read off the test itself.

The suite runs in parallel (pytest-xdist, ``-n auto --dist loadfile`` in
pyproject.toml: each test file on one worker, so module fixtures and the order
within a file are as in a serial run). What is expensive is made once per test
session and shared by every worker, read-only:

- ``shared_folder(tmp_path_factory, name, make)``: the folder ``name``, filled
  by ``make(folder)`` by whichever worker asks first (a file lock makes the
  others wait and reuse it). Use it for any new build or install;
- ``sample_build`` (fixture): the repository's own site, ``mkdocs build
  --strict`` at the demo time, as a ``Built`` (``site``, ``returncode``,
  ``stdout``, ``stderr``); ``xss_build``: the ``fixtures/site/xss`` records
  built the same way without ``--strict``; ``built_site(...)`` for others;
- ``dists`` (fixture): the folder holding the sdist and the wheel ``python -m
  build`` made of the repository;
- ``locked(path)``: a lock for installs into the gitignored ``tests/artifacts``;
  ``npm_packages(folder, packages, unavailable)`` installs pinned npm packages there once.

The check that a test run changes no tracked file runs once, in the process
that started the run (the xdist controller, or pytest itself when serial).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import subprocess
import textwrap
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import settings as hypothesis_settings

from afterview.checker import FileResult, Selection, check_record
from afterview.clock import Clock
from afterview.findings import Finding
from afterview.settings import Settings

# Under CI=true (.ci/run sets it) Hypothesis tries the same examples every run:
# the run that decides whether a submission lands checks what was checked before
# it, and a new failing example turns up in a local run, where it can be fixed.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")

NY = "America/New_York"
SETTINGS = Settings(timezone_name=NY)

# The checks' published severities (the catalogue on the checks page), written out here
# rather than read from the code, so a changed default fails a test.
SPEC_SEVERITY = {
    "yaml-syntax": "error",
    "duplicate-key": "error",
    "schema": "error",
    "interviewers-missing": "error",
    "interviewer-name-missing": "error",
    "interviewer-title-missing": "error",
    "interviewer-spelling-unconfirmed": "info",
    "contact-expectations-missing": "warning",
    "interim-actions-unasked": "warning",
    "next-step-overdue": "warning",
    "staff-not-thanked": "info",
    "thank-you-overdue": "error",
    "thank-you-late": "warning",
    "thank-you-recipient-unknown": "warning",
    "reflection-missing": "warning",
    "follow-up-overdue": "warning",
    "follow-up-incomplete": "info",
    "offer-not-thanked": "warning",
    "offer-terms-unconfirmed": "warning",
    "offer-decision-overdue": "warning",
    "rejection-feedback-unasked": "warning",
    "referrals-unasked": "info",
    "date-order": "error",
    "date-in-future": "warning",
    "comment-cuts-value": "warning",
}


def yaml_text(text: str) -> str:
    """A record's text as written in a test: dedented, without the leading newline."""
    return textwrap.dedent(text).lstrip("\n")


def moment(text: str) -> datetime:
    """An aware date-time from ISO text with an offset."""
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, "tests always give now with an offset"
    return value


def run_check(
    text: str | bytes,
    now: str,
    *,
    settings: Settings = SETTINGS,
    selection: Selection | None = None,
    path: str = "record.yaml",
) -> FileResult:
    """check_record on a record's text at an explicit now (ISO with offset)."""
    raw = text if isinstance(text, bytes) else yaml_text(text).encode("utf-8")
    clock = Clock.at(moment(now), settings)
    return check_record(path, raw, clock, selection or Selection())


def check(text: str | bytes, now: str, **kwargs) -> list[Finding]:
    """The findings of one record at now."""
    return run_check(text, now, **kwargs).findings


def where(findings: Iterable[Finding], rule: str) -> list[tuple[int, int]]:
    """The line:column of each finding of rule, in order."""
    return sorted((f.line, f.column) for f in findings if f.rule == rule)


def of(findings: Iterable[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def rules(findings: Iterable[Finding]) -> set[str]:
    return {f.rule for f in findings}


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty playbook folder (the working folder) with settings in afterview.toml."""
    (tmp_path / "afterview.toml").write_text(f'timezone = "{NY}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AFTERVIEW_NOW", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write a record (text is dedented) into folder, creating subfolders."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(yaml_text(text), encoding="utf-8")
    return path


# Time bounds are relative, so that a loaded machine slows both sides alike: work on
# some bytes may take at most PARSE_FACTOR times a plain libyaml parse of the same
# bytes plus the same work on a small clean record, both measured in the same test.
PARSE_FACTOR = 20


def seconds(run: Callable[[], object]) -> float:
    """Wall time of one call of run, with the garbage collector paused as timeit does;
    an exception it raises counts as done."""
    enabled = gc.isenabled()
    gc.disable()
    started = time.perf_counter()
    try:
        run()
    except Exception:
        pass
    finally:
        elapsed = time.perf_counter() - started
        if enabled:
            gc.enable()
    return elapsed


def yaml_parse(raw: bytes) -> object:
    """A plain parse with libyaml (yaml.load with CSafeLoader): the yardstick for time bounds."""
    return yaml.load(raw, Loader=yaml.CSafeLoader)


def assert_within_parse_time(
    run: Callable[[], object],
    raws: Sequence[bytes],
    baseline: Callable[[], object],
    factor: int = PARSE_FACTOR,
) -> None:
    """run takes at most factor x (parsing raws with libyaml + one baseline call).

    The yardsticks are timed beside each run, so that both see the same load, and
    one attempt of five within its budget passes (a scheduling hiccup is not the
    code's). The YAML parse is only timed when run was slower than the baseline
    bound alone.
    """
    elapsed = budget = 0.0
    for _ in range(5):
        base = seconds(baseline)
        elapsed = seconds(run)
        budget = factor * base
        if elapsed > budget:
            budget += factor * sum(seconds(lambda r=r: yaml_parse(r)) for r in raws)
        if elapsed <= budget:
            return
    raise AssertionError(
        f"took {elapsed:.3f} s, more than {factor}x a libyaml parse of the same"
        f" bytes plus the baseline ({budget:.3f} s in all)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tiers: a test that uses the browser fixture is a browser test; browser tests are slow.

    Then the files are put longest first (the order within a file is kept), so that the
    parallel workers finish together instead of one waiting on a long file picked up
    last: each file's seconds in the last whole run (pytest's cache), else a guess from
    its number of slow tests. pytest-xdist takes the files in this order
    (``--no-loadscope-reorder`` in pyproject.toml).
    """
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.slow)
    known: dict[str, float] = (
        cache.get(_FILE_SECONDS, {}) if (cache := getattr(config, "cache", None)) else {}
    )
    guess: dict[str, float] = {}
    for item in items:
        name = item.nodeid.split("::")[0]
        guess[name] = guess.get(name, 0.0) + (3.0 if item.get_closest_marker("slow") else 0.02)
    cost = {name: known.get(name, seconds) for name, seconds in guess.items()}
    items.sort(key=lambda item: -cost[item.nodeid.split("::")[0]])  # stable: file order kept


_FILE_SECONDS = "afterview/file-seconds"


def _whole_run(config: pytest.Config) -> bool:
    """True for the README's command: every test of testpaths, none left out or stopped early."""
    narrowing = ("keyword", "markexpr", "lf", "maxfail", "deselect")  # -k -m --lf -x/--maxfail
    return config.args == ["tests"] and not any(getattr(config.option, o, None) for o in narrowing)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add up each file's seconds (setup, call and teardown), in the controller too."""
    name = report.nodeid.split("::")[0]
    _SPENT[name] = _SPENT.get(name, 0.0) + report.duration


_SPENT: dict[str, float] = {}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (see test_browser for the flags)."""
    from test_browser import ARGS, CHROMIUM, _require_browser

    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def sample_site(request: pytest.FixtureRequest) -> Path:
    """The repository's own site (sample_build, shared by the session), for the browser."""
    from test_browser import _require_browser

    _require_browser()
    built = request.getfixturevalue("sample_build")
    assert built.returncode == 0, built.stderr[-3000:]
    return built.site


@pytest.fixture(scope="module")
def sample_url(sample_site: Path) -> Iterator[str]:
    """That site, served on a free localhost port."""
    from test_browser import _serve

    with _serve(sample_site) as url:
        yield url


# A complete record, as content/format.md shows it, with every step done.
SPEC_EXAMPLE = b"""\
# yaml-language-server: $schema=../../schemas/interview.schema.json
version: 1
company: Northwind Traders
role: Senior Data Engineer
when: 2026-11-18T14:00:00-05:00
duration: 60
format: onsite
location: 12 Harbor St, Boston
round: 2
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
    email: dana.whitfield@northwind.example
    phone: "+1 617 555 0134"
    business_card: true
    spelling_confirmed: true
  - name: Lee Park
    title: Staff Engineer
    spelling_confirmed: true
closing:
  expected_contact: 2026-11-25
  contact_method: phone
  contact_person: Dana Whitfield
  asked_next_steps: true
  next_steps:
    - action: Send the architecture write-up
      due: 2026-11-20
      done: 2026-11-19
  thanked_staff: true
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-18T19:30:00-05:00
    channel: email
  - to: Lee Park
    sent: 2026-11-19
    channel: handwritten
    text: |
      ...
reflection:
  written: 2026-11-19
  went_well:
    - Walked through the pipeline redesign clearly
  to_improve:
    - Have a crisper answer on streaming back-pressure
follow_ups:
  - date: 2026-11-26
    by: me
    channel: phone
    spoke_with: Dana Whitfield
    decision_made: false
    still_considered: true
    offered_more_info: true
    offered_second_interview: true
    notes: Decision expected next week.
outcome:
  status: offer
  date: 2026-12-01
  thanked: true
  pay: "$165,000 base + 10% bonus"
  schedule: Hybrid, Tue-Thu in office
  benefits: Health, dental, 401(k) 5% match, 20 days PTO
  decision: pending
  decision_due: 2026-12-04
  asked_why: true
  feedback: Wanted more streaming experience.
  asked_referrals: true
  referrals:
    - "Contoso data team (contact: Ana Ruiz)"
ignore: [staff-not-thanked]
notes: Free text.
"""


# --- tests never modify tracked files ---------------------------------------------------

_REPO = Path(__file__).resolve().parent.parent


def _tracked_state() -> dict[str, str] | None:
    """Each tracked file that differs from the index, with a hash of its content now."""
    import hashlib
    import subprocess

    try:
        out = subprocess.run(
            ["git", "diff", "--name-only", "-z"],
            cwd=_REPO,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None  # not a git checkout: nothing to compare
    state = {}
    for name in filter(None, out.decode("utf-8", "replace").split("\0")):
        path = _REPO / name
        state[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "gone"
    return state


def _is_xdist_worker(session: pytest.Session) -> bool:
    """True in a pytest-xdist worker: the controller alone compares, before and after all."""
    return hasattr(session.config, "workerinput")


def pytest_sessionstart(session: pytest.Session) -> None:
    if not _is_xdist_worker(session):
        session.config.stash[_TRACKED] = _tracked_state()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI=true a run that changed a tracked file fails (a test wrote into the repo).

    After a whole run, each file's seconds are kept for the next run's order.
    """
    if _is_xdist_worker(session):
        return
    if getattr(session.config, "cache", None) is not None and _SPENT and _whole_run(session.config):
        session.config.cache.set(_FILE_SECONDS, {k: round(v, 2) for k, v in _SPENT.items()})
    before = session.config.stash.get(_TRACKED, None)
    after = _tracked_state()
    if before is None or after is None or before == after:
        return
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    message = "tests changed tracked files: " + ", ".join(changed)
    if os.environ.get("CI") == "true":
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print("\nERROR: " + message)
    else:
        print("\nWARNING: " + message + " (ignored outside CI: others may be editing)")


_TRACKED = pytest.StashKey[dict[str, str] | None]()


# --- made once per test session, shared by every xdist worker ---------------------------


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file path (created if missing) for the duration:
    one process at a time, across xdist workers and separate pytest runs alike."""
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path), timeout=1800):
        yield


def npm_packages(folder: Path, packages: Sequence[str], unavailable: Callable[[str], None]) -> str:
    """Node's path, with the pinned npm packages (``name@version``) installed once into
    folder (under the gitignored tests/artifacts), under a lock so that parallel runs
    install once. Without node or npm, or when the install fails, ``unavailable(why)``
    is called: each test skips, or fails under CI=true, saying what it needs them for."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        unavailable("Node.js and npm are not installed: apt-get install -y nodejs npm")
    assert node is not None and npm is not None
    wanted = {p.rsplit("@", 1)[0]: p.rsplit("@", 1)[1] for p in packages}
    with locked(folder.parent / f"{folder.name}.lock"):
        installed = {
            name: json.loads(package.read_text(encoding="utf-8"))["version"]
            for name in wanted
            if (package := folder / "node_modules" / name / "package.json").is_file()
        }
        if installed != wanted:
            folder.mkdir(parents=True, exist_ok=True)
            proc = subprocess.run(
                [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", *packages],
                capture_output=True,
                text=True,
                timeout=600,
            )
            if proc.returncode != 0:
                unavailable(f"npm install {' '.join(packages)} failed: {proc.stderr[-1000:]}")
    return node


def shared_folder(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """The folder name, filled by make(folder) once per test session.

    Under pytest-xdist every worker's basetemp lies in one folder of the session; the
    shared folders sit beside them, so the first worker to ask makes it and the others
    wait on its lock and reuse it. Serial, it lies in the basetemp. If make fails, it is
    tried again by the next test that asks (and fails there the same way). Read-only.
    """
    base = tmp_path_factory.getbasetemp()
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and base.name.endswith(worker):  # xdist's basetemp/popen-gw0, ...
        base = base.parent
    root = base / "shared"
    folder, done = root / name, root / f"{name}.done"
    with locked(root / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            done.touch()
    return folder


@dataclass(frozen=True)
class Built:
    """A site built once per session: where it is, and how its build ended."""

    site: Path
    returncode: int
    stdout: str
    stderr: str


def built_site(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    config: Callable[[Path], Path],
    strict: bool = False,
) -> Built:
    """`mkdocs build` (helpers.build) of the mkdocs.yml config(folder) returns, into
    folder/site, once per session; the exit status and logs are kept beside it."""
    from fixtures.site.helpers import build

    def make(folder: Path) -> None:
        proc = build(config(folder), folder / "site", strict=strict)
        log = {"returncode": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr}
        (folder / "build.json").write_text(json.dumps(log), encoding="utf-8")

    folder = shared_folder(tmp_path_factory, name, make)
    log = json.loads((folder / "build.json").read_text(encoding="utf-8"))
    return Built(site=folder / "site", **log)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own site (its mkdocs.yml), built with --strict at the demo time."""
    return built_site(tmp_path_factory, "sample", lambda _: _REPO / "mkdocs.yml", strict=True)


@pytest.fixture(scope="session")
def xss_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixtures/site/xss records as a playbook (helpers.make_site), built without --strict."""
    from fixtures.site.helpers import FIXTURES, make_site

    def config(folder: Path) -> Path:
        return make_site(folder, FIXTURES / "xss" / "interviews") / "mkdocs.yml"

    return built_site(tmp_path_factory, "xss", config)


@pytest.fixture(scope="session")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An sdist and a wheel, built once with `python -m build` from a clean copy of the tree."""
    import subprocess
    import sys

    def make(out: Path) -> None:
        env = {**os.environ, "AFTERVIEW_NOW": "2026-11-25T12:00:00-05:00"}
        env.pop("PYTHONPATH", None)
        result = subprocess.run(
            [sys.executable, "-m", "build", "--outdir", str(out), str(_REPO)],
            cwd=_REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    return shared_folder(tmp_path_factory, "dist", make)
