"""One row per interview, for spreadsheets (CSV) and other tools (JSON).

Columns, in order: ``date`` (the interview's day), ``when`` (its start as
written), ``company``, ``role``, ``round``, ``format``, ``interviewers``
(name and title), ``stage`` (``progress.stage`` at ``now``), ``outcome``
(the status), ``pay``, ``decision`` and ``decision_date`` (an offer's pay as
agreed, your answer and when you gave it), ``thank_you_sent`` and
``follow_ups`` (the dates of the notes and of the contacts after the
interview), ``expected_contact``, ``promise`` (kept, late, broken or open),
``days_late`` (late: by how many days; broken: how many days past so far)
and ``first_word`` (the first day they were in touch; afterview.promises),
``path``. In CSV a list is joined
with "; " and an interviewer reads ``Name (Title)``; in JSON lists stay lists.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from afterview.clock import Clock
from afterview.model import Interview
from afterview.moments import Moment
from afterview.progress import stage
from afterview.promises import first_word, promise

COLUMNS = (
    "date",
    "when",
    "company",
    "role",
    "round",
    "format",
    "interviewers",
    "stage",
    "outcome",
    "pay",
    "decision",
    "decision_date",
    "thank_you_sent",
    "follow_ups",
    "expected_contact",
    "promise",
    "days_late",
    "first_word",
    "path",
)
# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _moment(m: Moment | None) -> str | None:
    return m.isoformat() if m is not None else None


def _promise(iv: Interview, clock: Clock) -> dict[str, Any]:
    """The day they said they would be in touch and what became of it (afterview.promises)."""
    p = promise(iv, clock)
    word = p.first_word if p is not None else first_word(iv, clock)
    expected = iv.closing.expected_contact
    return {
        "expected_contact": expected.isoformat() if expected else None,
        "promise": p.state if p is not None else None,
        "days_late": p.days_late if p is not None else None,
        "first_word": word.isoformat() if word is not None else None,
    }


def row(iv: Interview, clock: Clock) -> dict[str, Any]:
    """One interview as a JSON-ready mapping with the keys of COLUMNS."""
    return {
        "date": iv.when.day.isoformat() if iv.when else None,
        "when": _moment(iv.when),
        "company": iv.company,
        "role": iv.role,
        "round": iv.round,
        "format": iv.format,
        "interviewers": [{"name": p.name, "title": p.title} for p in iv.interviewers],
        "stage": stage(iv, clock),
        "outcome": iv.outcome.status,
        "pay": iv.outcome.pay,
        "decision": iv.outcome.decision,
        "decision_date": _moment(iv.outcome.decision_date),
        "thank_you_sent": [m for m in (_moment(n.sent) for n in iv.thank_you) if m],
        "follow_ups": [m for m in (_moment(f.date) for f in iv.follow_ups) if m],
        **_promise(iv, clock),
        "path": iv.path,
    }


def rows(interviews: Iterable[Interview], clock: Clock) -> list[dict[str, Any]]:
    """The rows of the interviews, oldest first (then by file)."""
    ordered = sorted(
        interviews,
        key=lambda iv: (iv.when is None, iv.when.start.timestamp() if iv.when else 0.0, iv.path),
    )
    return [row(iv, clock) for iv in ordered]


def neutralise(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula: prefix an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "interviewers":
        people = (
            f"{p['name'] or '(no name)'} ({p['title']})" if p["title"] else p["name"] or "(no name)"
            for p in value
        )
        return neutralise("; ".join(people))
    if isinstance(value, list):
        return neutralise("; ".join(value))
    return neutralise(str(value))


def as_csv(table: list[dict[str, Any]]) -> str:
    """CSV text (RFC 4180: CRLF line ends, quoted as needed) with a header row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for r in table:
        writer.writerow([_cell(key, r[key]) for key in COLUMNS])
    return buffer.getvalue()


def as_json(table: list[dict[str, Any]]) -> str:
    """A JSON list of one object per interview."""
    return json.dumps(table, indent=2, ensure_ascii=False) + "\n"
