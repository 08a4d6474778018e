"""Lessons counted (issue 21 item 7, issue 22 item 4): the same item written again is one
lesson, counted in interviews, most noted first, on the lessons page and in `stats`."""

from __future__ import annotations

from afterview.lessons import fold, group, same_lesson
from afterview.pages import build_pages
from conftest import run_check

NOW = "2026-12-10T12:00:00-05:00"


def record(when: str, company: str, to_improve: list[str], went_well: list[str] = ()) -> str:
    lines = [
        "version: 1",
        f"company: {company}",
        "role: Data Engineer",
        f"when: {when}",
        "interviewers:",
        "  - {name: Sam Lee, title: Lead}",
        "reflection:",
        f"  written: {when[:10]}",
        "  to_improve:",
        *[f"    - {x!r}" for x in to_improve],
    ]
    if went_well:
        lines += ["  went_well:", *[f"    - {x!r}" for x in went_well]]
    return "\n".join(lines) + "\n"


RECORDS = {
    "2026-12-03-acme.yaml": record(
        "2026-12-03T10:00:00-05:00",
        "Acme",
        ["Ask about team size earlier.", "Slow down"],
        ["Clear SQL walkthrough"],
    ),
    "2026-11-20-birch.yaml": record(
        "2026-11-20T10:00:00-05:00",
        "Birch",
        ["ask about the team's size earlier", "Prepare questions about on-call"],
    ),
    "2026-11-10-cedar.yaml": record(
        "2026-11-10T10:00:00-05:00",
        "Cedar",
        ["ASK ABOUT TEAM SIZE EARLIER", "Ask about team size earlier!", "Slow down."],
        ["clear SQL walk-through"],
    ),
}


def results():
    return [run_check(text, NOW, path=f"interviews/{name}") for name, text in RECORDS.items()]


def test_case_punctuation_and_small_words_fold():
    assert fold("Ask about the team's size, earlier!") == "ask about the teams size earlier"
    assert fold("Café") == fold("cafe")
    assert same_lesson(fold("Ask about team size earlier"), fold("Ask earlier about the team size"))
    # near: difflib ratio 0.915 >= 0.85
    team = fold("Ask about team size earlier")
    assert same_lesson(team, fold("Ask about the team's size earlier"))
    # different lessons stay apart: ratio 0.745 and 0.825
    assert not same_lesson(fold("Ask about team size earlier"), fold("Ask about salary earlier"))
    assert not same_lesson(
        fold("Prepare a STAR story on conflict"), fold("Prepare a STAR story on failure")
    )


def test_group_counts_interviews_not_items_and_orders_by_count():
    pairs = [
        ("Ask about team size earlier.", "new"),
        ("Slow down", "new"),
        ("ask about the team's size earlier", "mid"),
        ("Prepare questions about on-call", "mid"),
        ("ASK ABOUT TEAM SIZE EARLIER", "old"),
        ("Ask about team size earlier!", "old"),  # twice in one record: counted once
        ("Slow down.", "old"),
    ]
    lessons = group(pairs)
    assert [(x.text, x.count, x.sources) for x in lessons] == [
        ("Ask about team size earlier.", 3, ["new", "mid", "old"]),
        ("Slow down", 2, ["new", "old"]),
        ("Prepare questions about on-call", 1, ["mid"]),
    ]
    assert len(lessons[0].texts) == 4


def test_the_wording_shown_is_the_one_written_most_often():
    lessons = group([("slow down", "a"), ("Slow down.", "b"), ("Slow down.", "c")])
    assert [(x.text, x.count) for x in lessons] == [("Slow down.", 3)]


def test_empty_and_punctuation_only_items_are_no_lesson():
    assert group([("...", "a"), ("  ", "b")]) == []


def test_lessons_page_counts_and_links():
    page = build_pages(results(), _clock())["lessons.md"]
    work = page[page.index("## What to work on") : page.index("## Feedback received")]
    items = [line for line in work.splitlines() if line.startswith("- ")]
    assert len(items) == 3
    first = items[0]
    assert first.startswith("- **Ask about team size earlier&#46;** — noted in 3 interviews: ")
    assert first.count('<a href="../interviews/') == 3  # lessons/ -> interviews/x/
    assert first.index("2026-12-03-acme") < first.index("2026-11-20-birch")
    assert first.index("2026-11-20-birch") < first.index("2026-11-10-cedar")
    assert items[1].startswith("- **Slow down** — noted in 2 interviews: ")
    assert items[2].startswith("- **Prepare questions about on&#45;call** — noted in 1 interview: ")
    well = page[page.index("## What went well") : page.index("## What to work on")]
    assert "noted in 2 interviews" in well  # "Clear SQL walkthrough" / "clear SQL walk-through"


def test_redacted_lessons_page_still_says_once_that_it_is_private():
    page = build_pages(results(), _clock(), redact=True)["lessons.md"]
    assert page.count("reflections and feedback are not published") == 1
    assert "noted in 1" not in page and "interviews: " not in page and "team size" not in page


def _clock():
    from afterview.clock import Clock
    from conftest import SETTINGS, moment

    return Clock.at(moment(NOW), SETTINGS)


def test_the_status_page_names_the_latest_three_interviews_of_a_lesson():
    """Noted in four interviews: the status page links the three latest and counts the
    fourth; the lessons page links all four. Two interviews: both linked."""
    four = dict(RECORDS)
    four["2026-11-01-dune.yaml"] = record(
        "2026-11-01T10:00:00-05:00", "Dune", ["Ask about team size earlier"]
    )
    made = [run_check(text, NOW, path=f"interviews/{name}") for name, text in four.items()]
    pages = build_pages(made, _clock())
    status = pages["status.md"]
    work = status[status.index("### What to work on, most noted") :]
    items = [line for line in work.splitlines() if line.startswith("1. ")]
    assert items[0].startswith(
        "1. **Ask about team size earlier&#46;** — noted in 4 interviews, the latest 3: "
    )
    assert items[0].endswith("; and 1 more")
    for name in ("2026-12-03-acme", "2026-11-20-birch", "2026-11-10-cedar"):
        assert f'<a href="../interviews/{name}/">' in items[0]
    assert "dune" not in items[0]
    assert items[1].startswith("1. **Slow down** — noted in 2 interviews: ")
    assert items[1].count("<a href=") == 2
    lessons = pages["lessons.md"]
    assert "noted in 4 interviews: " in lessons and "2026-11-01-dune" in lessons
