"""The packaged record schema: where it is and its contents (shared by schema and fastschema)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from afterview.resources import data_path

SCHEMA_NAME = "interview.schema.json"


def schema_path() -> Path:
    """The schema file: inside the installed package, else the repository's schemas/."""
    return data_path(SCHEMA_NAME)


@cache
def load_schema() -> dict[str, Any]:
    """The schema as parsed JSON (read once)."""
    with schema_path().open(encoding="utf-8") as f:
        schema: dict[str, Any] = json.load(f)
    return schema


_END = r"(?![\s\S])"  # the end of the text, in Python as in JavaScript


@cache
def pattern_regex(pattern: str) -> re.Pattern[str]:
    """A schema ``pattern`` compiled to match as JSON Schema says (ECMA-262), not as Python.

    The one difference the schema's patterns meet: Python's ``$`` also matches
    before a final line break, so ``"staff-not-thanked\\n"`` would pass
    ``^[a-z-]+$`` in Python and fail in every editor. Each ``$`` anchor (not
    escaped, outside ``[...]``) becomes "the end of the text". The schema's
    patterns use nothing else whose meaning differs (no ``\\d``, ``\\w``,
    ``\\b``); tests/test_date_grammar.py runs each in Node.js to keep it so.
    """
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append(_END)
            continue
        out.append(char)
    return re.compile("".join(out))
