"""The contract lives in the repository: its pages document the format, and nothing cites a
file the repository lacks."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "schemas" / "interview.schema.json").read_text(encoding="utf-8"))


def _property_names(node: dict, defs: dict) -> set[str]:
    if "$ref" in node:
        node = defs[node["$ref"].rsplit("/", 1)[-1]]
    names: set[str] = set()
    for key, sub in node.get("properties", {}).items():
        names.add(key)
        names |= _property_names(sub, defs)
    if isinstance(node.get("items"), dict):
        names |= _property_names(node["items"], defs)
    for combo in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(combo, []):
            names |= _property_names(sub, defs)
    return names


def test_format_page_names_every_field_of_the_schema() -> None:
    page = (REPO / "content" / "format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\s*-?\s*([a-z_]+):", page, flags=re.M))
    missing = _property_names(SCHEMA, SCHEMA.get("$defs", {})) - documented
    assert not missing, f"content/format.md does not show these fields: {sorted(missing)}"


def _tracked(*patterns: str) -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files", "--", *patterns], cwd=REPO, capture_output=True, text=True
    ).stdout.split()
    if not out:
        pytest.skip("not a git checkout")
    return [REPO / p for p in out]


def test_code_and_tests_cite_only_pages_the_repository_has() -> None:
    cited = re.compile(r"\b(cli|rules|site)\.md\b|(?<![/\w])format\.md\b|shared/spec")
    offenders = []
    for path in _tracked("plugin", "tests", "benchmarks"):
        if path.suffix != ".py" or path.name == "test_docs.py" or not path.exists():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if cited.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_content_pages_cited_by_the_code_exist() -> None:
    cited = re.compile(r"content/[\w/-]+\.md")
    missing = set()
    for path in _tracked("plugin", "tests"):
        if path.suffix == ".py" and path.exists():
            for ref in cited.findall(path.read_text(encoding="utf-8")):
                if not (REPO / ref).is_file():
                    missing.add(f"{path.relative_to(REPO)} cites {ref}")
    assert not missing, sorted(missing)
