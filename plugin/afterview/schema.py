"""The record format: the packaged JSON Schema and its violations in plain words."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from afterview.fastschema import is_valid
from afterview.loader import Path_
from afterview.moments import MAX_YEAR, MIN_YEAR, is_date, is_datetime

SCHEMA_NAME = "interview.schema.json"


def schema_path() -> Path:
    """The schema file: inside the installed package, else the repository's schemas/."""
    packaged = resources.files("afterview") / "data" / SCHEMA_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "schemas" / SCHEMA_NAME


@cache
def load_schema() -> dict:
    with schema_path().open(encoding="utf-8") as f:
        return json.load(f)


@cache
def validator() -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date")(is_date)
    checker.checks("date-time")(is_datetime)
    return Draft202012Validator(load_schema(), format_checker=checker)


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
    "array": "a list",
    "object": "a mapping of keys",
}
_YEARS = f" (years {MIN_YEAR} to {MAX_YEAR})"
_MOMENT = (
    "a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM, optional :SS and offset such as"
    f" -05:00){_YEARS}"
)


def _expected(error: Any) -> str:
    v, s, inst = error.validator, error.schema, error.instance
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
    if v == "format":
        if s.get("format") == "date":
            return f"expected a real calendar date YYYY-MM-DD{_YEARS}; got {_describe(inst)}"
        return f"expected {_MOMENT}; got {_describe(inst)}"
    if v in ("minimum", "maximum"):
        low, high = s.get("minimum", 1), s.get("maximum", "any")
        return f"expected a whole number from {low} to {high}; got {_describe(inst)}"
    if v == "minLength":
        return "must not be empty"
    if v == "pattern":
        return f"expected a rule id such as staff-not-thanked; got {_describe(inst)}"
    if v == "uniqueItems":
        return "lists the same value twice"
    if v == "anyOf":
        kinds = {b.get("type") for b in s["anyOf"]} | {b.get("$ref") for b in s["anyOf"]}
        if "boolean" in kinds:
            return f"expected true, false, or {_MOMENT}; got {_describe(inst)}"
        return f"expected {_MOMENT}; got {_describe(inst)}"
    return error.message


def schema_problems(data: dict) -> list[tuple[Path_, str]]:
    """Every violation as (path of the offending node, message)."""
    if is_valid(data):  # fast yes/no check; jsonschema words the problems
        return []
    problems: list[tuple[Path_, str]] = []
    missing_seen: set[tuple[Path_, str]] = set()  # jsonschema reports each missing field once
    for error in validator().iter_errors(data):
        path: Path_ = tuple(error.absolute_path)
        where = field_path(path) or "the record"
        if error.validator == "required":
            missing = [p for p in error.validator_value if p not in error.instance]
            for name in missing:
                if (path, name) not in missing_seen:
                    missing_seen.add((path, name))
                    problems.append((path, f"{where}: missing required field '{name}'"))
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
                        f"{where}: unknown field '{str(key)[:60]}'{hint};"
                        f" expected one of {', '.join(known)}",
                    )
                )
        else:
            problems.append((path, f"{where}: {_expected(error)}"))
    return problems
