"""The record format: the packaged JSON Schema and its violations in plain words."""

from __future__ import annotations

import calendar
import difflib
import re
from functools import cache
from typing import Any

from afterview.fastschema import is_valid
from afterview.loader import Mark, Path_, Record
from afterview.moments import MAX_YEAR, MIN_YEAR
from afterview.schemafile import SCHEMA_NAME, load_schema, pattern_regex, schema_path

__all__ = [
    "SCHEMA_NAME",
    "field_path",
    "impossible_moment",
    "load_schema",
    "schema_findings",
    "schema_path",
    "schema_problems",
    "validator",
]


@cache
def validator() -> Any:
    """The jsonschema validator of the record schema (dates are patterns: no formats).

    ``pattern`` is read as JSON Schema says, through ``schemafile.pattern_regex``
    (Python's own ``re.search`` lets ``$`` match before a final line break).
    """
    from jsonschema import Draft202012Validator, ValidationError, validators

    def pattern(validator: Any, wanted: str, instance: Any, schema: dict[str, Any]) -> Any:
        if validator.is_type(instance, "string") and not pattern_regex(wanted).search(instance):
            yield ValidationError(f"{instance!r} does not match {wanted!r}")

    checked = validators.extend(Draft202012Validator, {"pattern": pattern})
    return checked(load_schema())


def field_path(path: Path_) -> str:
    """``interviewers[0].title`` for ('interviewers', 0, 'title')."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


_TYPES = {
    "string": "text",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping of keys",
}
CURRENCY_PATTERN = "^[A-Z]{3}$"  # outcome.pay_amount.currency
_YEARS = f" (years {MIN_YEAR} to {MAX_YEAR})"
_MOMENT = (
    "a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM, optional :SS and offset such as"
    f" -05:00){_YEARS}"
)


_SHAPE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?"
)


def impossible_moment(value: Any) -> str | None:
    """Why a value written as a date or date-time names no real day or time, else None.

    ``2026-02-30`` gives "2026-02-30 is not a date: February 2026 has 28 days".
    """
    if not isinstance(value, str):
        return None
    m = _SHAPE.match(value)
    if not m or not MIN_YEAR <= int(m[1]) <= MAX_YEAR:
        return None
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    written = value[:10]  # the date part
    if not 1 <= month <= 12:
        return f"{written} is not a date: there is no month {m[2]} (months go from 01 to 12)"
    days = calendar.monthrange(year, month)[1]
    if day == 0:
        return f"{written} is not a date: days of the month start at 01"
    if day > days:
        leap = f" ({year} is not a leap year)" if month == 2 and day == 29 else ""
        return f"{written} is not a date: {calendar.month_name[month]} {year} has {days} days{leap}"
    if m[4] is None:
        return None
    for text, name, most in ((m[4], "hours", 23), (m[5], "minutes", 59), (m[6], "seconds", 59)):
        if text is not None and int(text) > most:
            return f"{m[0]} is not a time: {name} go from 00 to {most}"
    return None


def _expected(error: Any) -> str:
    v, s, inst = error.validator, error.schema, error.instance
    defs = load_schema()["$defs"]
    is_date = v == "pattern" and s.get("pattern") == defs["date"]["pattern"]
    is_moment = v == "pattern" and s.get("pattern") == defs["moment"]["pattern"]
    if v == "anyOf" or is_date or is_moment:
        reason = impossible_moment(inst)
        if reason:
            return reason
    if v == "type":
        wanted = s["type"]
        text = _TYPES.get(wanted, wanted)
        if wanted == "boolean" and isinstance(inst, str):
            text += " (yes, no, on and off are text here; write true or false)"
        if wanted == "string" and not isinstance(inst, (list, dict)):
            text += " (put it in quotes)"
        return f"expected {text}, got {_describe(inst)}"
    if v == "enum":
        return f"expected one of {', '.join(map(str, s['enum']))}; got {_describe(inst)}"
    if v == "const":
        return f"expected {s['const']}; got {_describe(inst)}"
    if is_date:
        return f"expected a real calendar date YYYY-MM-DD{_YEARS}; got {_describe(inst)}"
    if is_moment:
        return f"expected {_MOMENT}; got {_describe(inst)}"
    if v == "minimum" and s.get("type") == "number":
        return f"expected a number, {s['minimum']} or more; got {_describe(inst)}"
    if v in ("minimum", "maximum"):
        low, high = s.get("minimum", 1), s.get("maximum", "any")
        return f"expected a whole number from {low} to {high}; got {_describe(inst)}"
    if v == "minLength":
        return "must not be empty"
    if v == "pattern":
        if s["pattern"] == CURRENCY_PATTERN:
            return (
                "expected a currency code of three capital letters (ISO 4217),"
                f" such as USD, EUR or GBP; got {_describe(inst)}"
            )
        return f"expected a rule id such as staff-not-thanked; got {_describe(inst)}"
    if v == "uniqueItems":
        return "lists the same value twice"
    if v == "anyOf":
        kinds = {b.get("type") for b in s["anyOf"]} | {b.get("$ref") for b in s["anyOf"]}
        if "boolean" in kinds:
            return f"expected true, false, or {_MOMENT}; got {_describe(inst)}"
        return f"expected {_MOMENT}; got {_describe(inst)}"
    return str(error.message)


def schema_problems(data: dict[str, Any]) -> list[tuple[Path_, str]]:
    """Every violation as (path of the offending node, message)."""
    return [(path, message) for path, _, message in _problems(data)]


def schema_findings(record: Record) -> list[tuple[Path_, Mark, str]]:
    """Every violation as (path it holds back, line and column to report, message).

    An unknown key is reported at the key itself; a missing key at its mapping;
    any other violation at the offending value.
    """
    return [
        (path, record.key_mark(at) if at else record.mark(path), message)
        for path, at, message in _problems(record.data)
    ]


def _problems(data: dict[str, Any]) -> list[tuple[Path_, Path_ | None, str]]:
    """(path of the offending node, path of the key to report at or None, message)."""
    if is_valid(data):  # fast yes/no check; jsonschema words the problems
        return []
    problems: list[tuple[Path_, Path_ | None, str]] = []
    missing_seen: set[tuple[Path_, str]] = set()  # jsonschema reports each missing field once
    for error in validator().iter_errors(data):
        path: Path_ = tuple(error.absolute_path)
        where = field_path(path) or "the record"
        if error.validator == "required":
            missing = [p for p in error.validator_value if p not in error.instance]
            for name in missing:
                if (path, name) not in missing_seen:
                    missing_seen.add((path, name))
                    problems.append((path, None, f"{where}: missing required field '{name}'"))
        elif error.validator == "additionalProperties":
            known = list(error.schema.get("properties", {}))
            for key in error.instance:
                if key in known:
                    continue
                close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(
                    (
                        path,
                        (*path, key),
                        f"{where}: unknown field '{str(key)[:60]}'{hint};"
                        f" expected one of {', '.join(known)}",
                    )
                )
        else:
            problems.append((path, None, f"{where}: {_expected(error)}"))
    return problems
