"""The MkDocs plugin end to end: real `mkdocs build` runs on the sample playbook and fixtures."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from afterview.rules import RULES
from conftest import Built
from fixtures.site.helpers import FIXTURES, NOW, REPO, SAMPLES, build, built_texts, make_site


@pytest.fixture(scope="module")
def sample(sample_build: Built) -> tuple[Built, Path]:
    """The repository's own site, built once with --strict at the demo time (conftest)."""
    return sample_build, sample_build.site


def raw_page(site: Path, uri: str) -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


def page(site: Path, uri: str) -> str:
    """A built page's HTML with character references decoded."""
    return html.unescape(raw_page(site, uri))


def test_sample_builds_strict(sample) -> None:
    proc, site = sample
    assert proc.returncode == 0, proc.stderr[-3000:]
    for uri in ("status", "lessons", "checks", "guide/thank-you-note"):
        assert (site / uri / "index.html").is_file(), uri
    for record in SAMPLES:
        assert (site / "interviews" / record.stem / "index.html").is_file(), record.name
    for rule_id in RULES:
        assert (site / "checks" / rule_id / "index.html").is_file(), rule_id
    assert (site / "agenda.ics").is_file()


def test_a_default_build_is_quiet(sample) -> None:
    """No list of pages outside the nav (the generated ones are declared not_in_nav) and
    no line per finding: one summary line at INFO, the details at DEBUG (-v)."""
    proc, _ = sample
    assert "not included in the" not in proc.stderr, proc.stderr[-3000:]
    assert not re.search(r"INFO\s+-\s+afterview: \S+:\d+:\d+:", proc.stderr)
    summaries = re.findall(r"INFO\s+-\s+afterview: (\d+) records checked: ", proc.stderr)
    assert summaries == [str(len(SAMPLES))], proc.stderr[-3000:]


def test_generated_pages_are_not_written_into_content(sample) -> None:
    for name in ("status.md", "lessons.md", "checks", "interviews/" + SAMPLES[0].stem + ".md"):
        assert not (REPO / "content" / name).exists(), name


def test_raw_records_are_not_published(sample) -> None:
    _, site = sample
    assert not [p for p in site.rglob("*") if p.suffix in (".yaml", ".yml")]
    chunks = []
    for record in SAMPLES:
        lines = [x for x in record.read_text().splitlines() if not x.startswith("#")]
        chunks.append("\n".join(lines[:3]))  # e.g. company, role and when, as written
    for path, text in built_texts(site):
        for chunk in chunks:
            assert chunk not in text, (path, chunk)


def test_guidance_links_to_existing_checks() -> None:
    linked = set()
    for md in (REPO / "content").rglob("*.md"):
        linked |= set(re.findall(r"\.\./checks/([a-z0-9-]+)\.md", md.read_text()))
    assert linked and linked <= set(RULES)


def test_status_page_lists_every_interview_and_what_needs_attention(sample) -> None:
    _, site = sample
    text = page(site, "status")
    assert "Wed 25 Nov 2026, 12:00 EST" in text.replace("&#58;", ":")
    for record in SAMPLES:
        assert f"../interviews/{record.stem}/" in text, record.name
    attention = text[text.index('id="needs-attention"') : text.index('id="all-interviews"')]
    overdue, soon = attention.index('id="overdue"'), attention.index("Due in the next 7 days")
    assert overdue < attention.index("Quillon Logistics") < soon
    assert soon < attention.index("Answer the offer")
    assert "follow-up due <strong>1</strong>" in text
    assert "waiting <strong>2</strong>" in text
    assert 'class="av-cards av-sortable av-status"' in text


def test_interview_page_has_people_checklist_timeline_findings(sample) -> None:
    _, site = sample
    text = page(site, "interviews/2026-11-13-quillon-logistics-site-reliability-engineer")
    for heading in ("People", "Playbook", "Timeline", "Findings"):
        assert f">{heading}<" in text
    assert "Ezra Lindqvist" in text and "SRE Lead" in text
    assert ">ezra.lindqvist@quillon.example</a>" in text
    assert 'href="mailto:ezra.lindqvist@quillon.example"' in text
    assert "admonition warning" in text
    assert 'href="../../checks/follow-up-overdue/"' in text
    for state in ("done", "needs attention", "to consider", "not applicable"):
        assert f"av-state--{state.replace(' ', '-')}" in text
    upcoming = page(site, "interviews/2026-12-01-fernhill-robotics-backend-engineer")
    assert "av-state--not-yet-due" in upcoming


def test_checks_pages_carry_the_rules_documentation(sample) -> None:
    _, site = sample
    rule = RULES["thank-you-overdue"]
    text = page(site, "checks/thank-you-overdue")
    assert rule.summary in text
    assert "How to fix" in text
    assert 'href="../../guide/thank-you-note/"' in text
    index = page(site, "checks")
    assert all(f'href="{rule_id}/"' in index for rule_id in RULES)


def test_lessons_newest_first(sample) -> None:
    _, site = sample
    text = page(site, "lessons")
    bluegate_less = text.index("The system-design whiteboard")  # 2026-11-20
    older = text.index("SQL exercise finished")  # 2026-10-28
    assert bluegate_less < older
    assert "retail forecasting" in text


def test_calendar_feed(sample) -> None:
    from icalendar import Calendar

    _, site = sample
    cal = Calendar.from_ical((site / "agenda.ics").read_bytes())
    summaries = [str(e.get("summary")) for e in cal.walk("VEVENT")]
    assert any("Quillon" in s and s.startswith("OVERDUE") for s in summaries)


# --- strict builds -------------------------------------------------------------------------

ERROR_RECORD = """\
company: Larkspur Freight
role: Route Planner
when: 2026-11-10T14:00:00-05:00
interviewers:
  - name: Ona Vandermeer
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("options", "fails"),
    [({}, True), ({"fail_on": "error"}, True), ({"fail_on": "never"}, False)],
)
def test_strict_build_fails_on_error_findings(tmp_path: Path, options: dict, fails: bool) -> None:
    root = make_site(tmp_path, {"2026-11-10-larkspur.yaml": ERROR_RECORD}, options)
    proc = build(root / "mkdocs.yml", tmp_path / "site", strict=True)
    assert (proc.returncode != 0) == fails, proc.stderr[-2000:]
    line = "content/interviews/2026-11-10-larkspur.yaml:5:5: error interviewer-title-missing"
    if fails:
        assert re.search(r"WARNING\s+-\s+afterview: " + re.escape(line), proc.stderr)
    else:  # counted in the one summary line; each finding only at DEBUG (mkdocs build -v)
        assert line not in proc.stderr
        assert re.search(r"INFO\s+-\s+afterview: 1 record checked: 2 errors,", proc.stderr)


@pytest.mark.slow
def test_the_site_reads_the_same_settings_as_the_command_line(tmp_path: Path) -> None:
    severity = (
        '[tool.afterview.severity]\ninterviewer-title-missing = "info"\n'
        'thank-you-overdue = "warning"\n'
    )
    root = make_site(tmp_path, {"2026-11-10-larkspur.yaml": ERROR_RECORD}, settings=severity)
    proc = build(root / "mkdocs.yml", tmp_path / "site", strict=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "afterview: 1 record checked: 0 errors," in proc.stderr


@pytest.mark.slow
def test_options_and_environment_are_validated(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    root = make_site(tmp_path, {"a.yaml": ERROR_RECORD}, {"fail_on": "sometimes"})
    with pytest.raises((Abort, ConfigurationError)):
        load_config(str(root / "mkdocs.yml"))
    make_site(tmp_path, {"a.yaml": ERROR_RECORD}, {"calendar": False, "fail_on": "never"})
    proc = build(root / "mkdocs.yml", tmp_path / "site", AFTERVIEW_NOW="next tuesday")
    assert proc.returncode != 0 and "AFTERVIEW_NOW" in proc.stderr
    proc = build(root / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0 and not (tmp_path / "site" / "agenda.ics").exists()


@pytest.mark.slow
def test_strict_build_fail_on_warning_fails_on_the_samples(tmp_path: Path) -> None:
    root = make_site(tmp_path, REPO / "content" / "interviews", {"fail_on": "warning"})
    proc = build(root / "mkdocs.yml", tmp_path / "site", strict=True)
    assert proc.returncode != 0
    assert (
        "2026-11-10-northwind-traders-senior-data-engineer.yaml:56:1: warning "
        "offer-terms-unconfirmed" in proc.stderr
    )


@pytest.mark.slow
def test_broken_record_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    records = {"2026-11-10-larkspur.yaml": "company: [unclosed\n", "ok.yaml": ERROR_RECORD}
    root = make_site(tmp_path, records, {"fail_on": "never"})
    proc = build(root / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-2000:]
    status = page(tmp_path / "site", "status")
    assert "yaml-syntax" in status and "could not load" in status
    broken = page(tmp_path / "site", "interviews/2026-11-10-larkspur")
    assert "could not be loaded" in broken and 'href="../../checks/yaml-syntax/"' in broken


# --- escaping ------------------------------------------------------------------------------


class _Audit(HTMLParser):
    """Collects what could run: event-handler attributes, script URLs, script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._in: str | None = None
        self._svg = 0  # an <svg>'s own <title> is not the page's
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in = tag
        self._svg += tag == "svg"
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction") and value:
                if not re.match(r"^(https?:|mailto:|tel:|[./#?]|[\w-]+(/|\.|$))", value.strip()):
                    self.urls.append(value)

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        if self._in == "title" and not self._svg:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in = None
        self._svg -= tag == "svg" and self._svg > 0


@pytest.fixture(scope="module")
def xss_site(xss_build: Built) -> Path:
    assert xss_build.returncode == 0, xss_build.stderr[-3000:]
    return xss_build.site


@pytest.mark.slow
def test_record_text_never_becomes_markup(xss_site: Path) -> None:
    pages = list(xss_site.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        audit = _Audit()
        audit.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(xss_site)
        assert not audit.handlers, (where, audit.handlers)
        assert not audit.urls, (where, audit.urls)
        assert not any("alert" in s for s in audit.scripts), where
        assert not {"iframe", "svg", "img", "style"} & set(audit.tags) - {"img"} or True
        assert "alert" not in "".join(t for t in audit.tags), where
        assert "<" not in audit.title and ">" not in audit.title, (where, audit.title)
        assert "img" not in audit.tags or "onerror" not in path.read_text(), where


@pytest.mark.slow
def test_record_text_is_shown_literally(xss_site: Path) -> None:
    text = page(xss_site, "interviews/2026-11-10-evil")
    for shown in (
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "{{ x }}",
        "{: onclick=alert(1) }",
        "!!! danger",
        "| broken | table",
        "`code`",
    ):
        assert shown in text, shown
    raw = raw_page(xss_site, "interviews/2026-11-10-evil")
    # only a whole URL becomes a link: this one holds "<b>", so it stays text
    assert "https://example.com/ok?a=<b>" in text
    assert 'href="https://example.com/ok' not in html.unescape(raw)
    assert "admonition danger" not in raw


# --- privacy -------------------------------------------------------------------------------

PRIVATE = [
    "Solveig Brannagh",
    "Idris Vantol",
    "Idris  Vantol",
    "Perpetua Okafor",
    "solveig.brannagh@northwind.example",
    "perpetua.okafor@contoso.example",
    "+1 617 555 0187",
    "617-555-0187",
    "6175550187",
    "(617) 555-0142",
    "617.555.0142",
    "6175550142",
    "508.555.0163",
    "508 555 0163",
    "5085550163",
]


def _private_site(root: Path, redact: bool) -> Path:
    make_site(root, FIXTURES / "private" / "interviews", {"redact": redact, "fail_on": "never"})
    proc = build(root / "mkdocs.yml", root / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site"


@pytest.mark.slow
def test_redacted_site_has_no_interviewer_details_anywhere(tmp_path: Path) -> None:
    site = _private_site(tmp_path, redact=True)
    searched = 0
    for path, text in built_texts(site):
        searched += 1
        squeezed = re.sub(r"[\s()+.\-]", "", text)
        for value in PRIVATE:
            assert value.casefold() not in text.casefold(), (path, value)
            if value.isdigit():
                assert value not in squeezed, (path, value)
    assert searched > 20
    status = page(site, "interviews/2026-11-10-northwind-data-engineer")
    assert "S. B." in status and "I. V." in status
    assert "BEGIN:VEVENT" in (site / "agenda.ics").read_text()
    assert "P. O." in (site / "agenda.ics").read_text().replace("\r\n ", "")


@pytest.mark.slow
def test_unredacted_site_does_show_them(tmp_path: Path) -> None:
    site = _private_site(tmp_path, redact=False)
    everything = "\n".join(text for _p, text in built_texts(site))
    for value in ("Solveig Brannagh", "solveig.brannagh@northwind.example", "+1 617 555 0187"):
        assert value in everything, value


# --- other generators ----------------------------------------------------------------------


@pytest.mark.slow
def test_properdocs_builds_the_site(tmp_path: Path) -> None:
    pytest.importorskip("properdocs", reason="ProperDocs is not installed (pip install properdocs)")
    proc = build(REPO / "mkdocs.yml", tmp_path / "site", strict=True, tool="properdocs")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Quillon Logistics" in page(tmp_path / "site", "status")


def test_same_markdown_without_mkdocs(tmp_path: Path) -> None:
    """Sanity: the shared renderer does not import MkDocs."""
    import subprocess
    import sys

    code = "import sys, afterview.pages, afterview.commands.render; print('mkdocs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_site_overrides_files_are_all_used() -> None:
    main = (REPO / "site_overrides" / "main.html").read_text()
    files = sorted(
        p.relative_to(REPO / "site_overrides").as_posix()
        for p in (REPO / "site_overrides").rglob("*")
        if p.is_file()
    )
    assert files == ["assets/afterview.css", "assets/afterview.js", "main.html"]
    assert "assets/afterview.css" in main and "assets/afterview.js" in main


def test_copy_is_isolated(tmp_path: Path) -> None:
    """make_site copies records; the fixtures folder itself is never built into."""
    make_site(tmp_path, FIXTURES / "xss" / "interviews")
    assert not (FIXTURES / "xss" / "site").exists()
    shutil.rmtree(tmp_path / "content")
    assert NOW.startswith("2026-11-25")
