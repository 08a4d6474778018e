"""Synthetic interview records for the benchmarks: realistic, varied, deterministic.

Every stage of an interview (upcoming, awaiting thank-you, waiting, follow-up
due, offer, rejected, withdrawn, ghosted) is represented, about one record in
four carries a finding (a rule's or the schema's), and every name is made up
from syllables. The same ``seed`` always gives the same files.

The records are written the way a person writes them (block style, plain
scalars, unquoted dates, a schema comment line), not as ``yaml.dump`` would.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from afterview.progress import STAGES

# The reference time the benchmarks pass as --now.
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone(timedelta(hours=-5)))
NOW_TEXT = NOW.isoformat()


_SYLLABLES = "bel cor dan fel gar hol jun kel lor mar nor pel quin ros sal tor vel wyn zar".split()
_FIRST = (
    "Avery Blake Carmen Dario Elin Farrah Gideon Hana Ilse Joaquin Kiri Leontyne Mateo Noor"
    " Odile Pavel Quinta Rafferty Saoirse Tobiah Ulla Vesna Wendeline Xiomara Yusuf Zelie"
).split()
_COMPANY_SUFFIX = (
    "Analytics Robotics Health Logistics Traders Labs Systems Foods Bank Studio".split()
)
_ROLES = (
    "Data Analyst",
    "Platform Engineer",
    "Senior Data Engineer",
    "Site Reliability Engineer",
    "Backend Engineer",
    "Product Designer",
    "Engineering Manager",
    "QA Lead",
    "Technical Writer",
    "Machine Learning Engineer",
)
_TITLES = (
    "Director of Engineering",
    "Staff Engineer",
    "Recruiter",
    "Hiring Manager",
    "Head of Data",
    "Senior Product Manager",
    "VP Engineering",
    "Team Lead",
)
_WELL = (
    "Explained the migration project clearly",
    "Good rapport with the hiring manager",
    "Answered the system design question calmly",
    "Asked sharp questions about the roadmap",
)
_IMPROVE = (
    "Prepare a shorter answer on weaknesses",
    "Bring numbers for the cost savings",
    "Practise whiteboard coding under time pressure",
    "Research the team's stack beforehand",
)
_PLAIN_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .,'()/&+@-]*$")
_NUMBERISH = re.compile(r"^[-+0-9.:Ee ]+$")
_SPECIAL_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def _word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {_word(rng, rng.choice((2, 3)))}"


def _scalar(value: object) -> str:
    """A YAML scalar as a person would write it (quotes only where needed)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, _Raw):
        return str.__str__(value)
    text = str(value)
    if (
        _PLAIN_OK.match(text)
        and not _NUMBERISH.match(text)
        and text.lower() not in _SPECIAL_WORDS
        and not text.endswith(" ")
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


class _Raw(str):
    """Text written as is: dates, deliberately wrong values."""


def _emit(value: object, indent: int, out: list[str], key: str | None = None) -> None:
    pad = " " * indent
    head = f"{pad}{key}:" if key is not None else None
    if isinstance(value, dict):
        if head:
            out.append(head)
            indent += 2
        for k, v in value.items():
            _emit(v, indent, out, k)
    elif isinstance(value, list):
        if head:
            out.append(head)
        for item in value:
            if isinstance(item, dict):
                lines: list[str] = []
                _emit(item, indent + 2, lines)
                lines[0] = f"{pad}- " + lines[0][indent + 2 :]
                out.extend(lines)
            else:
                out.append(f"{pad}- {_scalar(item)}")
    elif isinstance(value, str) and "\n" in value:
        out.append(f"{head} |")
        out.extend(f"{pad}  {line}" for line in value.splitlines())
    else:
        out.append(f"{head} {_scalar(value)}")


def to_yaml(record: dict) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/interview.schema.json"]
    _emit(record, 0, lines)
    return "\n".join(lines) + "\n"


def _moment(rng: random.Random, dt: datetime, date_only_chance: float = 0.2) -> _Raw:
    """dt written as a date, a date-time with offset, or a local date-time."""
    r = rng.random()
    if r < date_only_chance:
        return _Raw(dt.date().isoformat())
    if r < date_only_chance + 0.15:
        return _Raw(dt.strftime("%Y-%m-%d %H:%M"))  # read in the playbook's zone
    return _Raw(dt.replace(microsecond=0).isoformat())


def _day(d: date) -> _Raw:
    return _Raw(d.isoformat())


def make_record(rng: random.Random, stage: str, defect: str | None) -> tuple[str, dict]:
    """(file stem, record) for an interview that has reached ``stage``."""
    company = f"{_word(rng)} {rng.choice(_COMPANY_SUFFIX)}"
    role = rng.choice(_ROLES)
    if stage == "upcoming":
        when = NOW + timedelta(days=rng.randint(1, 21), hours=rng.randint(-3, 3))
    elif stage in ("awaiting thank-you", "waiting"):
        when = NOW - timedelta(days=rng.randint(2, 5), hours=rng.randint(0, 6))
    else:
        when = NOW - timedelta(days=rng.randint(12, 60), hours=rng.randint(0, 6))
    when = when.replace(minute=rng.choice((0, 15, 30, 45)), second=0, microsecond=0)
    ended = when + timedelta(hours=1)
    r: dict = {}
    if rng.random() < 0.7:
        r["version"] = 1
    r["company"] = company
    r["role"] = role
    r["when"] = _moment(rng, when, 0.1)
    if rng.random() < 0.5:
        r["duration"] = rng.choice((30, 45, 60, 90, 120, 240))
    fmt = rng.choice(("onsite", "video", "phone"))
    r["format"] = fmt
    if fmt == "onsite":
        r["location"] = f"{rng.randint(1, 400)} {_word(rng)} St, {_word(rng)}"
    elif rng.random() < 0.5:
        r["location"] = rng.choice(("Zoom", "Google Meet", "Teams"))
    if rng.random() < 0.4:
        r["round"] = rng.randint(1, 4)

    people = []
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        p: dict = {"name": person_name(rng), "title": rng.choice(_TITLES)}
        if rng.random() < 0.5:
            first, last = p["name"].lower().split(" ", 1)
            p["email"] = f"{first}.{last}@{company.split()[0].lower()}.example"
        if rng.random() < 0.3:
            p["phone"] = f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        if rng.random() < 0.6:
            p["business_card"] = True
        elif rng.random() < 0.9:
            p["spelling_confirmed"] = True
        people.append(p)
    if stage == "upcoming":
        if rng.random() < 0.5:
            r["interviewers"] = [{"name": p["name"]} for p in people[:1]]
        r["notes"] = "Prepare: read the team's engineering blog.\nRe-read the job description."
        return _finish(rng, r, when, stage, defect)
    r["interviewers"] = people

    closing: dict = {}
    if rng.random() < 0.95:
        closing["expected_contact"] = _day((ended + timedelta(days=rng.randint(3, 10))).date())
    closing["contact_method"] = rng.choice(("phone", "email", "recruiter call"))
    if rng.random() < 0.95:
        closing["contact_person"] = people[0]["name"]
    closing["asked_next_steps"] = rng.random() < 0.95
    if rng.random() < 0.4:
        due = (ended + timedelta(days=rng.randint(1, 4))).date()
        step: dict = {"action": "Send the take-home exercise", "due": _day(due)}
        if due < NOW.date() and rng.random() < 0.9:
            step["done"] = rng.choice((True, _day(due - timedelta(days=1))))
        closing["next_steps"] = [step]
    if fmt == "onsite":
        closing["thanked_staff"] = rng.random() < 0.85
    r["closing"] = closing

    notes = []
    for p in people:
        if stage == "awaiting thank-you" and p is people[-1]:
            continue  # one interviewer still to thank
        sent = ended + timedelta(hours=rng.randint(2, 20))
        note = {
            "to": p["name"],
            "sent": _moment(rng, sent),
            "channel": rng.choice(("email", "email", "handwritten")),
        }
        if rng.random() < 0.2:
            note["text"] = (
                f"Dear {p['name'].split()[0]},\nThank you for your time today.\n"
                f"I am excited about the {role} role."
            )
        notes.append(note)
    if notes:
        r["thank_you"] = notes

    if stage != "awaiting thank-you" or rng.random() < 0.5:
        r["reflection"] = {
            "written": _moment(rng, ended + timedelta(hours=rng.randint(3, 40)), 0.6),
            "went_well": rng.sample(_WELL, rng.randint(1, 2)),
            "to_improve": rng.sample(_IMPROVE, rng.randint(1, 2)),
        }

    follow_ups = []
    if stage not in ("awaiting thank-you", "waiting", "follow-up due"):
        for k in range(rng.randint(1, 3)):
            contacted = min(ended + timedelta(days=7 * (k + 1)), NOW - timedelta(days=2))
            fu: dict = {
                "date": _moment(rng, contacted, 0.7),
                "by": "me",
                "channel": rng.choice(("phone", "email")),
                "spoke_with": people[0]["name"],
                "decision_made": False,
                "still_considered": True,
            }
            if rng.random() < 0.5:
                fu["offered_more_info"] = True
                fu["offered_second_interview"] = rng.random() < 0.5
            follow_ups.append(fu)
    elif stage == "follow-up due" and rng.random() < 0.5:
        follow_ups.append(
            {
                "date": _day((ended + timedelta(days=7)).date()),
                "by": "me",
                "channel": "phone",
                "decision_made": False,
                "still_considered": True,
            }
        )
    if follow_ups:
        r["follow_ups"] = follow_ups

    if stage in ("offer", "rejected", "withdrawn", "ghosted"):
        learnt = min(ended + timedelta(days=7 * len(follow_ups) + 3), NOW - timedelta(days=1))
        outcome: dict = {"status": stage, "date": _day(learnt.date())}
        if stage == "offer":
            outcome["thanked"] = rng.random() < 0.8
            outcome["pay"] = f"${rng.randint(80, 220)},000 base"
            outcome["schedule"] = rng.choice(("Hybrid, three days in office", "Remote", "On site"))
            if rng.random() < 0.7:
                outcome["benefits"] = "Health, dental, 401(k) match, 25 days PTO"
            outcome["decision"] = rng.choice(("pending", "accepted", "declined"))
            outcome["decision_due"] = _day((learnt + timedelta(days=rng.randint(-3, 10))).date())
        elif stage == "rejected":
            outcome["asked_why"] = rng.random() < 0.7
            if outcome["asked_why"]:
                outcome["feedback"] = "They chose a candidate with more domain experience."
            outcome["asked_referrals"] = rng.random() < 0.6
            if outcome["asked_referrals"]:
                outcome["referrals"] = [
                    f"{_word(rng)} {rng.choice(_COMPANY_SUFFIX)} (contact: {person_name(rng)})"
                ]
        elif stage == "withdrawn":
            outcome["notes"] = "Accepted another offer."
        r["outcome"] = outcome
    elif rng.random() < 0.2:
        r["outcome"] = {"status": "pending"}
    if rng.random() < 0.1:
        r["ignore"] = ["staff-not-thanked"]
    return _finish(rng, r, when, stage, defect)


DEFECTS = (
    # rule findings (the record stays schema-valid)
    "title-missing",
    "recipient-misspelt",
    "note-late",
    "unconfirmed-spelling",
    # schema findings
    "unknown-key",
    "wrong-type",
    "bad-date",
    "yes-as-boolean",
    "bad-enum",
    # loader findings
    "duplicate-key",
)


def _finish(
    rng: random.Random, r: dict, when: datetime, stage: str, defect: str | None
) -> tuple[str, dict]:
    people = r.get("interviewers") or []
    if defect == "title-missing" and people:
        people[-1].pop("title", None)
    elif defect == "recipient-misspelt" and r.get("thank_you"):
        name = r["thank_you"][0]["to"]
        r["thank_you"][0]["to"] = name[:-2] + name[-1] + name[-2]
    elif defect == "note-late" and r.get("thank_you"):
        r["thank_you"][0]["sent"] = _Raw((when + timedelta(days=2)).date().isoformat())
    elif defect == "unconfirmed-spelling" and people:
        people[0].pop("business_card", None)
        people[0].pop("spelling_confirmed", None)
    elif defect == "unknown-key":
        r["notse"] = "Typo in a key."
    elif defect == "wrong-type":
        r["duration"] = _Raw("sixty")
    elif defect == "bad-date":
        r["when"] = _Raw(f"{when.year}-02-30")
    elif defect == "yes-as-boolean" and people:
        people[0]["business_card"] = _Raw("yes")
    elif defect == "bad-enum":
        r["format"] = "in person"
    stem = f"{when.date().isoformat()}-{r['company']}-{r['role']}".lower().replace(" ", "-")
    return stem, r


def generate(folder: Path, n: int, seed: int = 20261125) -> list[Path]:
    """Write n records into folder (created); return their paths, sorted."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        stage = STAGES[i % len(STAGES)] if i < len(STAGES) else rng.choice(STAGES)
        defect = rng.choice(DEFECTS) if rng.random() < 0.25 else None
        stem, record = make_record(rng, stage, defect)
        text = to_yaml(record)
        if defect == "duplicate-key":
            text = text.replace("\nrole:", "\nrole: Placeholder\nrole:", 1)
        path = folder / f"{i:05d}-{stem}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return sorted(paths)


if __name__ == "__main__":  # python benchmarks/records.py DIR N
    import sys

    generate(Path(sys.argv[1]), int(sys.argv[2]))
