"""The generated pages as plain Markdown (no MkDocs): status, interview, lessons."""

from __future__ import annotations

import html
import re
from datetime import datetime
from pathlib import Path

import pytest

from afterview.checker import FileResult, check_files, check_record
from afterview.clock import Clock
from afterview.pages import build_pages
from afterview.pages.status import COLUMNS
from afterview.settings import Settings
from fixtures.site.helpers import NOW, REPO, SAMPLES

CLOCK = Clock.at(datetime.fromisoformat(NOW), Settings(timezone_name="America/New_York"))


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return check_files([str(p) for p in SAMPLES], CLOCK).results


@pytest.fixture(scope="module")
def pages(results) -> dict[str, str]:
    return build_pages(results, CLOCK)


def rows(status: str) -> list[str]:
    """The rows of the status table (one line each, an HTML ``<tr>`` with labelled cells)."""
    table = status[status.index("<th>Company</th>") :]
    table = table[: table.index("</table>")]
    return [line for line in table.splitlines() if line.startswith("<tr><td")]


def test_pages_are_deterministic(results, pages) -> None:
    assert build_pages(results, CLOCK) == pages
    assert set(pages) >= {"status.md", "lessons.md", "checks/index.md"}
    assert {f"interviews/{p.stem}.md" for p in SAMPLES} <= set(pages)


def test_status_page_location_option(results) -> None:
    moved = build_pages(results, CLOCK, status_page="reports/now.md")
    assert "status.md" not in moved
    assert 'href="../../interviews/' in moved["reports/now.md"]  # from reports/now/
    back = '<a href="../../reports/now/">Back to the status page</a>'
    assert back in moved[f"interviews/{SAMPLES[0].stem}.md"]


def test_status_counts_every_stage(pages) -> None:
    status = pages["status.md"]
    for stage, n in [
        ("upcoming", 1),
        ("awaiting thank&#45;you", 1),
        ("waiting", 2),  # Harborview round 1 ignores follow-up-overdue: round 2 goes on
        ("follow&#45;up due", 1),
        ("offer", 1),
        ("accepted", 0),
        ("declined", 0),
        ("rejected", 1),
        ("withdrawn", 0),
        ("ghosted", 0),
    ]:
        assert f"{stage} <strong>{n}</strong>" in status, stage


def test_rounds_of_the_same_role_are_adjacent(pages) -> None:
    table = rows(pages["status.md"])
    harbor = [i for i, r in enumerate(table) if "Harborview" in r]
    assert harbor == [harbor[0], harbor[0] + 1]
    assert "round 1 of 2" in table[harbor[0]] and "round 2 of 2" in table[harbor[1]]
    assert len(table) == len(SAMPLES)


def test_needs_attention_overdue_first_then_soonest(pages) -> None:
    status = html.unescape(pages["status.md"])  # values are character references
    overdue = status[status.index("### Overdue") : status.index("### Due in the next")]
    soon = status[status.index("### Due in the next") : status.index("## All interviews")]
    assert "Quillon" in overdue and "overdue by 5 days" in overdue
    shown = re.findall(r"^- \*\*\w{3} (\d\d? \w{3} \d{4}, \d\d:\d\d)", soon, re.M)
    times = [datetime.strptime(t, "%d %b %Y, %H:%M") for t in shown]
    assert times == sorted(times) and len(times) >= 5


def test_checklist_states(pages) -> None:
    quillon = html.unescape(
        pages["interviews/2026-11-13-quillon-logistics-site-reliability-engineer.md"]
    )
    line = next(x for x in quillon.splitlines() if "ask when, how and from whom" in x)
    assert "missing" in line and "contact-expectations-missing" in line
    line = next(x for x in quillon.splitlines() if "Position filled" in x)
    assert "not applicable" in line
    fernhill = pages["interviews/2026-12-01-fernhill-robotics-backend-engineer.md"]
    assert "not yet due" in fernhill and "av-state--missing" not in fernhill
    assert (
        '<div class="admonition warning">\n'
        '<p class="admonition-title">follow-up-overdue · line 1, column 1</p>'
    ) in quillon
    assert '<a href="../../checks/follow-up-overdue/">About follow-up-overdue</a>' in quillon


def test_redacted_pages_drop_contact_columns(results) -> None:
    redacted = build_pages(results, CLOCK, redact=True)
    page = redacted["interviews/2026-11-10-northwind-traders-senior-data-engineer.md"]
    assert "<th>Name</th><th>Title</th><th>Spelling</th></tr>" in page and "D&#46; W&#46;" in page
    records = "".join(v for k, v in redacted.items() if not k.startswith("checks/"))
    assert "Whitfield" not in records and "0134" not in records


def test_a_record_that_does_not_load(tmp_path: Path) -> None:
    broken = check_record("content/interviews/bad.yaml", b"company: [\n", CLOCK)
    assert broken.interview is None
    pages = build_pages([broken], CLOCK)
    assert "could not load" in pages["status.md"]
    assert "yaml-syntax" in html.unescape(pages["status.md"])
    assert "could not be loaded" in pages["interviews/bad.md"]


def test_same_stem_gets_distinct_pages() -> None:
    raw = (REPO / "content" / "interviews" / SAMPLES[0].name).read_bytes()
    a = check_record("a/x.yaml", raw, CLOCK)
    b = check_record("b/x.yaml", raw, CLOCK)
    pages = build_pages([a, b], CLOCK)
    assert "interviews/x.md" in pages and "interviews/x-2.md" in pages


def test_lessons_newest_first(pages) -> None:
    lessons = pages["lessons.md"]
    went_well = lessons[lessons.index("## What went well") : lessons.index("## What to work on")]
    assert went_well.index("whiteboard") < went_well.index("pipeline redesign")
    assert went_well.index("pipeline redesign") < went_well.index("SQL exercise")
    assert "retail forecasting" in lessons[lessons.index("## Feedback received") :]


def test_checks_pages_are_the_rules_own_documentation(pages) -> None:
    from afterview.rules import RULES

    assert all(f'<a href="{rule_id}/">' in pages["checks/index.md"] for rule_id in RULES)
    for rule_id, rule in RULES.items():
        page = pages[f"checks/{rule_id}.md"]
        assert page.startswith(f"# {rule_id}\n") and rule.doc in page
        assert f"]({'../' + rule.step_page})" in page


def test_every_table_cell_carries_its_column_name(pages) -> None:
    """Each generated table can turn into cards on a phone: every cell after the first
    (the card's heading) is labelled with its column's name; the status table's rows
    carry none, as the stylesheet names its columns."""
    for name in (
        "status.md",
        "interviews/2026-11-13-quillon-logistics-site-reliability-engineer.md",
    ):
        text = pages[name]
        assert "|---" not in text  # no Markdown table left
        tables = re.findall(r'<div class="([^"]*)"[^>]*><table>(.*?)</table>', text, re.S)
        assert tables
        for wrapper, table in tables:
            heads = re.findall(r"<th>(.*?)</th>", table)
            body = re.findall(r"^<tr>(<td.*)</tr>$", table, re.M)
            assert heads and body
            in_css = "av-status" in wrapper.split()
            assert in_css == (name == "status.md" and heads == list(COLUMNS))
            for row in body:
                labels = re.findall(r'<td(?: data-label="([^"]*)")?[ >]', row)
                assert labels == ([""] * len(heads) if in_css else ["", *heads[1:]])


def test_the_stylesheet_names_every_column_of_the_status_table_but_the_first() -> None:
    css = (REPO / "site_overrides" / "assets" / "afterview.css").read_text(encoding="utf-8")
    rule = r"\.av-status table:not\(\[class\]\) td:nth-child\((\d+)\)::before"
    named = re.findall(rule + r' \{ content: "([^"]*)"; \}', css)
    assert [(int(n), label) for n, label in named] == list(enumerate(COLUMNS, 1))[1:]


def test_a_status_row_holds_its_words_sort_keys_and_styled_classes_only(pages) -> None:
    """A date keeps its day, and its time, whole with no-break spaces (no element per
    part); a sort key sits on the element that holds the words, the findings' on the
    first badge, errors outweighing any number of warnings; a class only where the
    stylesheet uses it."""
    (quillon,) = [r for r in rows(pages["status.md"]) if "Quillon" in r]
    nb = "\u00a0"
    assert (
        f'<td><span data-sort="1794580200">Fri{nb}13{nb}Nov{nb}2026, 09:30{nb}EST</span></td>'
    ) in quillon
    assert (
        f'<td><span class="av-due--overdue" data-sort="1795190400">'
        f"Fri{nb}20{nb}Nov{nb}2026, 11:00{nb}EST<br>overdue by 5 days</span></td>"
    ) in quillon
    assert (
        '<td><span class="av-sev av-sev--warning" data-sort="30002">'
        '3 warnings</span> <span class="av-sev av-sev--info">2 info</span></td>'
    ) in quillon
    assert '<td><span data-sort="0">—</span></td>' in quillon
    broken = check_record("content/interviews/bad.yaml", b"company: [\n", CLOCK)
    (row,) = rows(build_pages([broken], CLOCK)["status.md"])
    (key,) = re.findall(r'<td><span class="av-sev av-sev--error" data-sort="(\d+)"', row)
    assert int(key) > 9999 * 10**4 + 9999  # one error sorts above any warnings and infos
    for table in rows(pages["status.md"]):
        assert 'class=""' not in table and "av-nw" not in table


def test_each_item_is_listed_once(pages) -> None:
    """An overdue thank-you is an overdue item, not also an error in the record."""
    status = html.unescape(pages["status.md"])
    attention = status[status.index("## Needs attention") : status.index("## All interviews")]
    for rule in ("thank-you-overdue", "follow-up-overdue", "reflection-missing"):
        assert rule not in attention
    thankless = check_record(
        "content/interviews/late.yaml",
        b"company: Contoso\nrole: Analyst\nwhen: 2026-11-20T10:00:00-05:00\n"
        b"interviewers:\n  - name: Lee Park\n    title: Lead\n",
        CLOCK,
    )
    assert "thank-you-overdue" in {f.rule for f in thankless.findings}
    status = html.unescape(build_pages([thankless], CLOCK)["status.md"])
    attention = status[status.index("## Needs attention") : status.index("## All interviews")]
    assert attention.count("Lee Park") == 1
    assert "### Errors in records" not in attention
    assert "thank-you-overdue" not in attention


def test_step_states_follow_the_findings_severities(pages) -> None:
    from afterview.pages.interview import step_statuses

    quillon = html.unescape(
        pages["interviews/2026-11-13-quillon-logistics-site-reliability-engineer.md"]
    )

    def state(step_words: str) -> str:
        row = next(x for x in quillon.splitlines() if step_words in x and "<tr" in x)
        return re.search(r"av-state--([a-z-]+)", row)[1]

    assert state("name and title") == "to-consider"  # only the spelling info
    assert state("After a week") == "needs-attention"  # follow-up-overdue, a warning
    assert state("Position filled") == "not-applicable"
    thankless = check_record(
        "late.yaml",
        b"company: Contoso\nrole: Analyst\nwhen: 2026-11-20T10:00:00-05:00\n"
        b"interviewers:\n  - name: Lee Park\n    title: Lead\n",
        CLOCK,
    )
    assert thankless.interview is not None
    states = dict(step_statuses(thankless.interview, CLOCK, thankless.findings))
    assert states["thank-you"] == "missing"  # thank-you-overdue, an error


@pytest.mark.parametrize(
    "name", ["x\nmailto:a@b.example.yaml", "tab\there.yaml", "rlo\u202egpj.yaml", "a b.yaml"]
)
def test_page_paths_hold_no_line_break_or_invisible_character(name: str) -> None:
    from afterview.pages.common import page_stem

    stem = page_stem(name)
    assert stem.isprintable() and not any(ch.isspace() and ch != " " for ch in stem)
    assert page_stem("2026-11-10-northwind-traders.yaml") == "2026-11-10-northwind-traders"
