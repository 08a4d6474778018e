"""The site's search index (content/usage.md, "What the search finds"): an interview is
found by its company, role, people, reflection, outcome and notes; the drawings, the
tables but the people and the checks' boilerplate are left out."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import Built
from fixtures.site.helpers import SAMPLES

pytestmark = pytest.mark.slow


def _words(text: str) -> str:
    """Index text as words: tags dropped, references decoded, white space as one space."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.fixture(scope="module")
def index(sample_build: Built) -> dict[str, str]:
    """Each page's indexed text (every section's title and text), keyed by page URL."""
    docs = json.loads((sample_build.site / "search" / "search_index.json").read_text("utf-8"))
    pages: dict[str, list[str]] = {}
    for doc in docs["docs"]:
        url = doc["location"].split("#")[0]
        pages.setdefault(url, []).extend([doc["title"], doc["text"]])
    return {url: _words(" ".join(parts)) for url, parts in pages.items()}


def _page_url(record: Path) -> str:
    return f"interviews/{record.stem}/"


@pytest.mark.parametrize("record", SAMPLES, ids=lambda p: p.stem)
def test_an_interview_is_found_by_company_role_people_and_notes(
    index: dict[str, str], record: Path
) -> None:
    data = yaml.safe_load(record.read_text("utf-8"))
    text = index[_page_url(record)]
    assert data["company"] in text and data["role"] in text
    for person in data.get("interviewers") or []:
        assert person["name"] in text, person["name"]
        if person.get("title"):
            assert person["title"] in text
    if data.get("notes"):
        assert " ".join(data["notes"].split()) in text
    for item in (data.get("reflection") or {}).get("went_well") or []:
        assert " ".join(item.split()) in text, item  # a section's body, put back early
    if (data.get("outcome") or {}).get("status"):
        assert f"Status: {data['outcome']['status']}" in text


def test_drawings_table_labels_and_checks_are_not_indexed(
    index: dict[str, str], sample_build: Built
) -> None:
    quillon = index["interviews/2026-11-13-quillon-logistics-site-reliability-engineer/"]
    # the people table's column names; the drawing's description and tick labels
    assert "Spelling" not in quillon and "Phone" not in quillon
    assert "marks," not in quillon and "overdue;" not in quillon
    # the playbook table, the findings and their links to the checks
    assert "follow-up-overdue" not in quillon and "About " not in quillon
    assert "Back to the status page" not in quillon and ".yaml" not in quillon
    assert "No outcome yet" not in quillon  # a section saying nothing is recorded
    status = index["status/"]
    assert "interviews in play" not in status  # the timeline drawing's description
    assert "Next action" not in status  # the table of all interviews is left out whole:
    assert "round 1 of" not in status  # an interview is found by its own page
    # the drawings are still on the pages, only not in the index
    built = (sample_build.site / "status" / "index.html").read_text("utf-8")
    assert "interviews in play" in built and "Next action" in built


def test_the_index_holds_under_2_kb_per_interview_page(index: dict[str, str]) -> None:
    interviews = [text for url, text in index.items() if url.startswith("interviews/")]
    assert len(interviews) == len(SAMPLES)
    assert sum(len(t.encode("utf-8")) for t in interviews) / len(interviews) < 2048
