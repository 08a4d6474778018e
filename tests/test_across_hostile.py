"""The pages across interviews (offers, the status page's section, lessons) through the
sentinel approach of test_pages_markup: every text field of two offers carries Markdown,
HTML and URL syntax; none of it may become an element, an attribute or a link, and a
redacted build publishes no offer term."""

from __future__ import annotations

import re
from datetime import datetime

import markdown
import pytest

from afterview.checker import check_record
from afterview.clock import Clock
from afterview.pages import build_pages
from afterview.settings import Settings
from test_pages_markup import PAGE_ATTRIBUTES, PAGE_TAGS, SITE_EXTENSIONS, _parse, sentinel
from test_site_hardening import FIELDS, make_record, shown, to_yaml

CLOCK = Clock.at(datetime.fromisoformat("2026-11-25T12:00:00-05:00"), Settings(timezone_name="UTC"))
PAGES = ("offers.md", "status.md", "lessons.md")
TERMS = ("outcome.pay", "outcome.schedule", "outcome.benefits")


def results(offset: int):
    out = []
    for n in range(2):  # two offers, so the comparison has two rows and a pay note
        values = {path: sentinel(offset + 100 * n + i) for i, path in enumerate(FIELDS)}
        record = make_record(values)
        record["outcome"] = {
            **record["outcome"],
            "status": "offer",
            "decision": "pending",
            "decision_due": "2026-11-30",
            "pay_amount": {"amount": 1000 + n, "currency": ("USD", "EUR")[n], "period": "month"},
            "start_date": "2027-01-04",
        }
        raw = to_yaml(record).encode("utf-8")
        out.append(check_record(f"interviews/2026-11-1{n}-sentinel.yaml", raw, CLOCK))
    return out


def field_sentinels(name: str) -> list[str]:
    i = next(i for i, p in enumerate(FIELDS) if shown(p) == name)
    return [" ".join(sentinel(i + 100 * n).split()) for n in range(2)]


@pytest.mark.parametrize("redact", [False, True])
def test_no_record_value_is_markup_on_the_pages_across_interviews(redact: bool) -> None:
    pages = build_pages(results(0), CLOCK, redact=redact)
    for name in PAGES:
        out = markdown.markdown(body(pages[name]), extensions=SITE_EXTENSIONS)
        found = _parse(out)
        assert {t for t, _ in found.tags} <= PAGE_TAGS, name
        for tag, attrs in found.tags:
            for attr, value in attrs.items():
                assert attr in PAGE_ATTRIBUTES or attr.startswith("data-"), (name, attr)
                if attr != "id":
                    assert not {"alert", "evil"} & set(re.findall(r"[a-z]+", value or "")), (
                        name,
                        tag,
                        attr,
                    )
            href = attrs.get("href") or ""
            if tag == "a" and ":" in href.split("/")[0]:
                assert re.fullmatch(r"https://x\.example/\d+", href), (name, href)
        assert "<i>i" not in pages[name], name


def body(markdown_text: str) -> str:
    """The page without its front matter (MkDocs reads that, not Markdown)."""
    if markdown_text.startswith("---\n"):
        return markdown_text[markdown_text.index("\n---\n", 3) + 5 :]
    return markdown_text


def shown_text(markdown_text: str) -> str:
    out = markdown.markdown(body(markdown_text), extensions=SITE_EXTENSIONS)
    return " ".join("".join(_parse(out).text).split())


def test_the_offer_terms_show_literally_and_only_when_published() -> None:
    pages = build_pages(results(0), CLOCK)
    offers = shown_text(pages["offers.md"])
    for name in (*TERMS, "company", "role"):
        for value in field_sentinels(name):
            assert value in offers, name
    assert "1,000 USD a month" in offers and "1,001 EUR a month" in offers
    assert "different currencies or periods" in offers
    lessons = shown_text(pages["lessons.md"])
    # the two items differ in their numbers only: one lesson, worded as the first listed
    # (both interviews start at the same time: by page, 2026-11-10 first)
    first, second = field_sentinels("reflection.to_improve[]")
    assert f"{first} — noted in 2 interviews" in lessons and second not in lessons
    private = build_pages(results(0), CLOCK, redact=True)
    text = shown_text(private["offers.md"])
    for name in TERMS:
        for value in field_sentinels(name):
            assert value.split()[0] not in text, name  # not even its marker
    assert "USD" not in text and "Jan 2027" not in text
    status = shown_text(private["status.md"])
    for name in (*TERMS, "reflection.to_improve[]"):
        for value in field_sentinels(name):
            assert value.split()[0] not in status, name
