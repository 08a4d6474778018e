"""Whatever the bytes, checking a record returns findings and never raises (content/usage.md)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.checker import check_record
from afterview.clock import Clock
from afterview.findings import Finding
from conftest import SETTINGS, SPEC_SEVERITY

NOW = datetime.fromisoformat("2026-11-25T12:00:00-05:00")

# --- valid records, following the schema ----------------------------------------------------

text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
)
boolean = st.booleans()
day = st.dates(min_value=datetime(2026, 9, 1).date(), max_value=datetime(2027, 1, 31).date()).map(
    lambda d: d.isoformat()
)
offset = st.sampled_from(["", "Z", "-05:00", "-04:00", "+01:00", "+05:30"])
date_time = st.builds(
    lambda d, h, m, sep, off: f"{d}{sep}{h:02d}:{m:02d}{off}",
    day,
    st.integers(0, 23),
    st.sampled_from([0, 15, 30, 59]),
    st.sampled_from(["T", " "]),
    offset,
)
moment = st.one_of(day, date_time)
names = st.sampled_from(["Dana Whitfield", "Lee Park", "dana  whitfield", "Ana Ruiz", "Lee Parks"])


def optional(**fields: st.SearchStrategy) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({}, optional=fields)


interviewer = optional(
    name=names,
    title=text,
    email=text,
    phone=text,
    business_card=boolean,
    spelling_confirmed=boolean,
    notes=text,
)
next_step = st.fixed_dictionaries(
    {"action": text},
    optional={"due": day, "done": st.one_of(boolean, moment), "notes": text},
)
closing = optional(
    expected_contact=day,
    contact_method=text,
    contact_person=names,
    asked_next_steps=boolean,
    next_steps=st.lists(next_step, max_size=3),
    thanked_staff=boolean,
)
note = st.fixed_dictionaries(
    {"to": names},
    optional={
        "sent": moment,
        "channel": st.sampled_from(["email", "handwritten", "other"]),
        "text": text,
    },
)
reflection = optional(
    written=moment, went_well=st.lists(text, max_size=2), to_improve=st.lists(text, max_size=2)
)
follow_up = st.fixed_dictionaries(
    {"date": moment},
    optional={
        "by": st.sampled_from(["me", "them"]),
        "channel": st.sampled_from(["phone", "email", "other"]),
        "spoke_with": names,
        "decision_made": boolean,
        "still_considered": boolean,
        "offered_more_info": boolean,
        "offered_second_interview": boolean,
        "notes": text,
    },
)
outcome = optional(
    status=st.sampled_from(["pending", "offer", "rejected", "withdrawn", "ghosted"]),
    date=moment,
    thanked=boolean,
    pay=text,
    schedule=text,
    benefits=text,
    decision=st.sampled_from(["pending", "accepted", "declined"]),
    decision_due=day,
    asked_why=boolean,
    feedback=text,
    asked_referrals=boolean,
    referrals=st.lists(text, max_size=2),
)
record = st.fixed_dictionaries(
    {"company": text, "role": text, "when": moment},
    optional={
        "version": st.just(1),
        "duration": st.integers(1, 1440),
        "format": st.sampled_from(["onsite", "video", "phone"]),
        "location": text,
        "round": st.integers(1, 5),
        "interviewers": st.lists(interviewer, max_size=3),
        "closing": closing,
        "thank_you": st.lists(note, max_size=3),
        "reflection": reflection,
        "follow_ups": st.lists(follow_up, max_size=3),
        "outcome": outcome,
        "ignore": st.lists(st.sampled_from(sorted(SPEC_SEVERITY)), max_size=2, unique=True),
        "notes": text,
    },
)

# --- corruption ---------------------------------------------------------------------------

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
    st.sampled_from(
        ["2026-02-30", "2026-11-18T25:00", "yes", "no", "on", "", "2026-11-18T14:00+99:00"]
    ),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(text, st.integers(), max_size=2),
)


def corrupt(value: object, draw: st.DrawFn, depth: int = 0) -> object:
    """Drop keys, replace values with values of the wrong type, recursively."""
    choice = draw(st.integers(0, 9))
    if choice == 0 and depth > 0:
        return draw(junk)
    if isinstance(value, dict):
        out = {}
        for key, sub in value.items():
            action = draw(st.integers(0, 9))
            if action == 0:
                continue  # dropped
            if action == 1:
                out[key] = draw(junk)
            else:
                out[key] = corrupt(sub, draw, depth + 1)
        if draw(st.integers(0, 9)) == 0:
            out[draw(text)] = draw(junk)  # unknown key
        return out
    if isinstance(value, list):
        return [corrupt(item, draw, depth + 1) for item in value]
    return value


@st.composite
def corrupted(draw: st.DrawFn) -> dict:
    return corrupt(draw(record), draw)


class _Dumper(yaml.SafeDumper):
    """Quotes every string: PyYAML writes YAML 1.1, where ``0E0`` is text, but
    records are read with the YAML 1.2 core schema, where it is a number."""


_Dumper.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style='"'))


def dump(data: object) -> bytes:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


SNIPPETS = [b"\t", b": ", b"- ", b"&a ", b"*a", b"!!", b"---\n", b"\xff", b"[", b"{", b"'", b'"']
SNIPPETS += [b"\n  ", b"<<: ", b"? ", b"|\n", b"\x00", b"\xef\xbb\xbf", b"%YAML 1.1\n"]


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    raw = bytearray(dump(draw(record)))
    for _ in range(draw(st.integers(1, 8))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            raw[at] = draw(st.integers(0, 255))
        elif kind == 1:
            del raw[at]
        elif kind == 2:
            raw[at:at] = draw(st.sampled_from(SNIPPETS))
        else:
            end = draw(st.integers(at, len(raw)))
            raw[at:end] = raw[at:end] * 2
    return bytes(raw)


def check(raw: bytes, now: datetime = NOW) -> list[Finding]:
    result = check_record("record.yaml", raw, Clock.at(now, SETTINGS))
    for f in result.findings:
        assert f.rule in SPEC_SEVERITY
        assert f.severity in ("error", "warning", "info")
        assert f.line >= 1 and f.column >= 1
        json.dumps(f.as_json())
    return result.findings


nows = st.datetimes(min_value=datetime(2026, 9, 1), max_value=datetime(2027, 3, 1)).map(
    lambda d: d.replace(tzinfo=NOW.tzinfo)
)

PROFILE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@PROFILE
@given(record, nows)
def test_valid_records_have_no_schema_finding(data: dict, now: datetime) -> None:
    findings = check(dump(data), now)
    assert [f for f in findings if f.rule in ("schema", "yaml-syntax", "duplicate-key")] == []


@pytest.mark.slow
@PROFILE
@given(corrupted(), nows)
def test_corrupted_records_do_not_crash(data: dict, now: datetime) -> None:
    check(dump(data), now)


@pytest.mark.slow
@PROFILE
@given(mutated_bytes())
def test_mutated_bytes_do_not_crash(raw: bytes) -> None:
    check(raw)


@pytest.mark.slow
@PROFILE
@given(st.binary(max_size=200))
def test_random_bytes_do_not_crash(raw: bytes) -> None:
    check(raw)
