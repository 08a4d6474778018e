"""afterview.redact: one function turns a record into one fit to publish."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path

from afterview.checker import check_files
from afterview.deadlines import Clock
from afterview.redact import Scrubber, initials, looks_like_name, redact, redact_results
from afterview.settings import Settings
from fixtures.site.helpers import FIXTURES

SETTINGS = Settings(timezone_name="America/New_York")
CLOCK = Clock.at(datetime.fromisoformat("2026-11-25T12:00:00-05:00"), SETTINGS)
SECRETS = [
    "Solveig Brannagh",
    "Idris Vantol",
    "solveig.brannagh@northwind.example",
    "617 555 0187",
    "617-555-0187",
    "555-0142",
    "555.0142",
    "Perpetua Okafor",
    "perpetua.okafor@contoso.example",
    "555.0163",
    "555 0163",
]


def results():
    files = sorted(str(p) for p in (FIXTURES / "private" / "interviews").glob("*.yaml"))
    return check_files(files, CLOCK).results


def everything(obj) -> str:
    """Every string reachable from a dataclass tree, one per line."""
    out: list[str] = []

    def walk(v) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list | tuple):
            for x in v:
                walk(x)
        elif dataclasses.is_dataclass(v):
            for f in dataclasses.fields(v):
                walk(getattr(v, f.name))

    walk(obj)
    return "\n".join(out)


def test_initials() -> None:
    assert initials("Dana Whitfield") == "D. W."
    assert initials("  tomás   villanueva ") == "T. V."
    assert initials("D. W.") == "D. W."


def test_looks_like_name() -> None:
    assert looks_like_name("Hana Petrova")
    assert not looks_like_name("the recruiter")
    assert not looks_like_name("Hana")


def test_redacted_results_carry_no_secret_anywhere() -> None:
    before = results()
    text = everything(before)
    assert all(s.casefold() in text.casefold() for s in ("Solveig Brannagh", "617-555-0187"))
    after = redact_results(before)
    text = everything(after) + json.dumps([f.message for r in after for f in r.findings])
    for secret in SECRETS:
        assert secret.casefold() not in text.casefold(), secret
    northwind = next(r.interview for r in after if "northwind" in r.path)
    assert [p.name for p in northwind.interviewers] == ["S. B.", "I. V."]
    assert all(p.email is None and p.phone is None for p in northwind.interviewers)
    assert northwind.closing.contact_person == "S. B."
    assert northwind.thank_you[1].to == "I. V."
    assert "email" not in northwind.record.data["interviewers"][0]
    assert northwind.record.data["interviewers"][0]["name"] == "S. B."


def test_redact_leaves_the_original_untouched() -> None:
    iv = results()[0].interview
    assert iv is not None
    copy = redact(iv)
    assert iv.interviewers[0].email and not copy.interviewers[0].email
    assert copy.when == iv.when and copy.path == iv.path


def test_scrubber_phone_forms() -> None:
    from afterview.model import Person

    s = Scrubber([Person((), None, None, None, "+1 (617) 555-0187", None, None)])
    for form in ("+1 617 555 0187", "617.555.0187", "6175550187", "(617) 555-0187"):
        assert "0187" not in s.text(f"call {form} now"), form


def test_broken_records_pass_through(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("company: [\n")
    out = redact_results(check_files([str(bad)], CLOCK).results)
    assert out[0].interview is None and out[0].findings[0].rule == "yaml-syntax"
