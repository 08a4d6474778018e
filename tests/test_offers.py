"""Offers side by side (issue 22 item 2): structured terms, one table of every offer, what is
still to settle (the offer rule's own answer), no conversion, terms private when redacted."""

from __future__ import annotations

from afterview.clock import Clock
from afterview.offers import amount_text, offers, pay_note
from afterview.pages import build_pages
from conftest import SETTINGS, check, moment, of, run_check

NOW = "2026-12-10T12:00:00-05:00"
HEAD = (
    "version: 1\nrole: Data Engineer\nwhen: 2026-11-20T10:00:00-05:00\n"
    "interviewers:\n  - {name: Sam Lee, title: Lead}\n"
)
RECORDS = {
    # open, everything settled; answer due 12 Dec
    "a.yaml": "company: Acme\noutcome:\n  status: offer\n  thanked: true\n"
    '  pay: "$120k base"\n'
    "  pay_amount: {amount: 120000, currency: USD, period: year}\n"
    "  start_date: 2027-01-04\n  schedule: Mon-Fri, hybrid\n  benefits: Health, 25 days\n"
    "  decision: pending\n  decision_due: 2026-12-12\n",
    # open, pay as a number only (it settles the pay); schedule and benefits unsaid; due 11 Dec
    "b.yaml": "company: Birch\noutcome:\n  status: offer\n  thanked: true\n"
    "  pay_amount: {amount: 9000.5, currency: EUR, period: month}\n"
    "  decision_due: 2026-12-11\n",
    # declined: nothing to settle
    "c.yaml": "company: Cedar\noutcome: {status: offer, decision: declined, thanked: true}\n",
    # accepted without the pay
    "d.yaml": "company: Dune\noutcome:\n  status: offer\n  thanked: true\n  decision: accepted\n"
    "  schedule: Shifts\n  benefits: Pension\n",
    # not an offer
    "e.yaml": "company: Elm\noutcome: {status: rejected, date: 2026-11-30}\n",
}


def clock() -> Clock:
    return Clock.at(moment(NOW), SETTINGS)


def results():
    return [run_check(HEAD + body, NOW, path=f"interviews/{n}") for n, body in RECORDS.items()]


def test_every_offer_open_first_with_what_is_left_to_settle():
    found = offers([r.interview for r in results()], clock())
    assert [(x.interview.company, x.stage, x.unsettled) for x in found] == [
        ("Birch", "offer", ("schedule", "benefits")),  # due 11 Dec, before Acme's 12 Dec
        ("Acme", "offer", ()),
        ("Dune", "accepted", ("pay",)),
        ("Cedar", "declined", ()),
    ]
    assert found[0].questions[0].startswith("Schedule: which hours and days")
    assert found[2].as_json()["pay_amount"] is None
    assert found[1].as_json()["pay_amount"] == {
        "amount": 120000,
        "currency": "USD",
        "period": "year",
    }
    assert found[1].as_json()["start_date"] == "2027-01-04"
    assert found[0].as_json()["pay_amount"]["amount"] == 9000.5


def test_amounts_are_written_as_given_and_never_converted():
    found = offers([r.interview for r in results()], clock())
    assert amount_text(found[1].interview.outcome.pay_amount) == "120,000 USD a year"
    assert amount_text(found[0].interview.outcome.pay_amount) == "9,000.50 EUR a month"
    assert pay_note(found) == (
        "The pay is in different currencies or periods (EUR a month, USD a year): each is"
        " shown as written, not converted, so compare them yourself."
    )


def test_offers_in_one_currency_and_period_name_the_highest():
    same = dict(RECORDS)
    same["b.yaml"] = same["b.yaml"].replace(
        "9000.5, currency: EUR, period: month", "135000, currency: USD, period: year"
    )
    found = offers([run_check(HEAD + b, NOW, path=n).interview for n, b in same.items()], clock())
    assert pay_note(found) == "All in USD a year; the highest: Birch, 135,000 USD a year."


def test_pay_as_a_number_settles_the_pay_for_the_rule():
    body = RECORDS["a.yaml"].replace('  pay: "$120k base"\n', "")
    assert of(check(HEAD + body, NOW), "offer-terms-unconfirmed") == []
    accepted = of(check(HEAD + RECORDS["d.yaml"], NOW), "offer-terms-unconfirmed")
    assert [(f.severity, f.message) for f in accepted] == [
        ("error", "Offer accepted with terms not confirmed: outcome lacks pay.")
    ]


def test_the_schema_says_what_a_pay_amount_needs():
    bad = RECORDS["a.yaml"].replace(
        "{amount: 120000, currency: USD, period: year}", '{amount: "120,000", currency: usd}'
    )
    messages = [f.message for f in of(check(HEAD + bad, NOW), "schema")]
    assert any("expected a number" in m for m in messages), messages
    assert any(
        "expected a currency code of three capital letters (ISO 4217)" in m for m in messages
    )
    assert any("period" in m for m in messages), messages
    iv = run_check(HEAD + bad, NOW).interview
    assert iv.outcome.pay_amount is None  # read only when whole and valid


def test_offers_page_one_table_with_every_term_and_a_note():
    page = build_pages(results(), clock())["offers.md"]
    rows = [line for line in page.splitlines() if line.startswith("<tr><td")]
    assert len(rows) == 4
    assert "Birch" in rows[0] and "Acme" in rows[1] and "Dune" in rows[2] and "Cedar" in rows[3]
    assert "120,000 USD a year" in rows[1] and "Mon 4 Jan 2027" in rows[1]
    assert "Fri 11 Dec 2026" in rows[0]
    assert "Schedule&#58; which hours" in rows[0] and "Benefits&#58; which" in rows[0]
    assert "nothing&#58; pay, schedule and benefits are recorded" in rows[1]
    assert "Pay&#58; what is the base salary" in rows[2]
    assert "— &#40;declined&#41;" in rows[3]
    assert "different currencies or periods" in page
    assert 'data-label="Still to settle"' in rows[0]  # a card per offer on a phone


def test_redacted_offers_page_withholds_every_term_unless_published():
    private = build_pages(results(), clock(), redact=True)["offers.md"]
    assert private.count("offer terms are not published") == 1
    for term in ("120,000", "USD", "EUR", "120k", "Mon&#45;Fri", "Health", "Jan 2027", "Pension"):
        assert term not in private, term
    assert "Birch" in private and "Schedule&#58; which hours" in private
    published = build_pages(results(), clock(), redact=True, publish_private=True)["offers.md"]
    assert "120,000 USD a year" in published and "not published" not in published
    assert "Mon&#45;Fri" in published and "Jan 2027" in published


def test_no_offer_yet():
    only = [r for r in results() if r.interview.company == "Elm"]
    assert "No offer recorded yet." in build_pages(only, clock())["offers.md"]


def test_interview_page_shows_the_terms_and_redaction_withholds_them_everywhere():
    """pay_amount and start_date are offer terms: on the interview page when published, and
    in no page, title, data or model of a redacted build unless private notes are published."""
    from afterview.redact import WITHHELD, redact_results

    acme = [r for r in results() if r.interview.company == "Acme"]
    page = build_pages(acme, clock())["interviews/a.md"]
    assert "<strong>Pay as a number:</strong> 120,000 USD a year" in page
    assert "<strong>Start date:</strong> Mon 4 Jan 2027" in page
    for publish in (False, True):
        pages = build_pages(acme, clock(), redact=True, publish_private=publish)
        text = "\n".join(pages.values())
        assert ("120,000" in text) is publish and ("Jan 2027" in text) is publish
    (hidden,) = redact_results(acme)
    outcome = hidden.interview.outcome
    assert (outcome.pay_amount, outcome.start_date) == (None, None)
    data = hidden.interview.record.data["outcome"]
    assert data["pay_amount"] == WITHHELD and data["start_date"] == WITHHELD
