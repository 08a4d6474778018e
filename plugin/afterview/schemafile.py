"""The packaged record schema: where it is and its contents (shared by schema and fastschema)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from afterview.resources import data_path

SCHEMA_NAME = "interview.schema.json"


def schema_path() -> Path:
    """The schema file: inside the installed package, else the repository's schemas/."""
    return data_path(SCHEMA_NAME)


@cache
def load_schema() -> dict:
    """The schema as parsed JSON (read once)."""
    with schema_path().open(encoding="utf-8") as f:
        return json.load(f)
